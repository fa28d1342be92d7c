"""Experiment (not shipped): detector gates for `secrets` and `pii` derived from their own pre-filter patterns.

Result, session 3: correct (bench/dev/gate_diff.py: 0 of 78,549 rows differ with the first
version -- literals plus whole pre-filter patterns -- wired into the engine) but a net LOSS, so secrets.py and pii.py declare no GATE: a provably necessary
condition for `secrets` needs ~30 patterns (an 18-character token run, credential keywords
near a binding, PEM/URL-userinfo shapes, 150 provider prefixes) and the engine's one shared
RE2 pass pays for their DFA states on every call -- interleaved A/B (secrets_gate_ab.py
--derived, 5,050 corpus calls): p50 181 vs 133 µs cold, 107 vs 94 µs warm.

How it derives them (kept for when the gate pass can give a detector its own set):

Both detectors find nothing in a call unless (a) one of the shared pre-filter patterns hits some
string of it (secrets_scan.PREFILTER, or the vendor-name gate), or (b) an argument's name makes
the value a credential (`{"api_key": …}`) or labels personal data (`{"card_number": …}`). The
pre-filter itself is ~170 patterns: too many to add to the engine's one shared gate pass. So the
gate keeps, of each pattern, literals one of which every match must contain (`AKIA`,
`ghp_`/`gho_`/..., `hooks.slack.com/`), computed from the parsed pattern, not written by hand:
a new rule gets its gate for free, and the gate cannot drift from the rule. A pattern whose
only literals are common words (`pat`, `http`, `login`) goes in whole. The engine matches the gate over all strings of a call
joined by newlines, so `^`/`$` must also hold at each string's edges: whole patterns are made
multi-line. Patterns with neither go in as a `skeleton`: a window of the pattern without gaps or
counters (a superset, a smaller DFA).
"""

from __future__ import annotations

import re
from typing import Any

from aegis_mcp.engine.gates import Gate

try:  # Python >= 3.11 names the parser re._parser; older versions sre_parse
    import re._parser as _sre  # type: ignore[import-not-found]
    from re import _constants as _c  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]

_MAX_PRODUCT = 64  # alternatives kept when spelling out `(?:sk|rk)_(?:live|test)_`
_MAX_CLASS = 10  # a class this small (`[pousr]`, `\d`) is spelled out as its characters

Lits = frozenset[tuple[str, bool]]  # (literal, case-insensitive)


def _strong(text: str, ci: bool) -> bool:
    """Is a required literal rare enough in ordinary text to gate on? A short lower-case word
    (`pat`, `test`, `http`, `login`) is everywhere; `ghp_`, `AKIA`, `hooks.slack.com/` are not."""
    plain = text.isalpha()
    if ci:
        return len(text) >= 6 or (len(text) >= 4 and not plain)
    # (`sk-`, `hf_` qualify; `t1.` is an SQL alias, `s.` ends half the words in a sentence)
    return (len(text) >= 6 or (len(text) >= 4 and not (plain and text.islower()))
            or (len(text) >= 3 and ("_" in text or text.endswith("-") or any(not ch.isalnum() and ch not in ". " for ch in text))))


def _best(cands: list[Lits]) -> Lits | None:
    """The candidate whose weakest literal is rarest (strong first, then longest), then the smallest."""
    if not cands:
        return None
    return max(cands, key=lambda s: (all(_strong(t, ci) for t, ci in s), min(len(t) for t, _ in s), -len(s)))


def _exact(op: Any, av: Any, ci: bool) -> set[str] | None:
    """The finite set of strings one parsed node matches (None: not a small finite set)."""
    if op is _c.LITERAL:
        return {chr(av)}
    if op is _c.IN and len(av) <= _MAX_CLASS and all(o is _c.LITERAL for o, _ in av):
        return {chr(v) for _, v in av}
    if op is _c.IN and len(av) == 1 and av[0] == (_c.CATEGORY, _c.CATEGORY_DIGIT):
        return set("0123456789")  # RE2's \d is ASCII
    if op is _c.SUBPATTERN:
        _group, add, dele, sub = av
        if (add | dele) & re.IGNORECASE:
            return None  # a case flag changes inside: not spelled out
        return _exact_seq(sub, ci)
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            e = _exact_seq(branch, ci)
            if e is None:
                return None
            out |= e
            if len(out) > _MAX_PRODUCT:
                return None
        return out
    return None


def _exact_seq(seq: Any, ci: bool) -> set[str] | None:
    acc = {""}
    for op, av in seq:
        e = _exact(op, av, ci)
        if e is None:
            return None
        acc = {a + b for a in acc for b in e}
        if len(acc) > _MAX_PRODUCT:
            return None
    return acc


def _required(seq: Any, ci: bool) -> Lits | None:
    """Literals of which every match of the parsed sequence `seq` contains at least one, or None.

    Consecutive nodes that each match a small finite set of strings are spelled out together
    (every match contains one of their concatenations); any other node ends that run, and
    contributes what it requires itself."""
    cands: list[Lits] = []
    run: set[str] = {""}

    def flush() -> None:
        nonlocal run
        if run != {""}:
            cands.append(frozenset((t.lower() if ci else t, ci) for t in run))
        run = {""}

    for op, av in seq:
        e = _exact(op, av, ci)
        if e is not None:
            grown = {a + b for a in run for b in e}
            if len(grown) <= _MAX_PRODUCT:
                run = grown
                continue
            flush()
            run = set(e)
            continue
        flush()
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            lo, _hi, sub = av
            if lo >= 1:
                r = _required(sub, ci)
                if r:
                    cands.append(r)
        elif op is _c.SUBPATTERN:
            _group, add, dele, sub = av
            sub_ci = (ci or bool(add & re.IGNORECASE)) and not (dele & re.IGNORECASE)
            r = _required(sub, sub_ci)
            if r:
                cands.append(r)
        elif op is _c.BRANCH:
            union: set[tuple[str, bool]] = set()
            for branch in av[1]:
                r = _required(branch, ci)
                if not r:
                    union.clear()
                    break
                union |= r
            if union:
                cands.append(frozenset(union))
        # anything else (a wide class, ANY, an anchor, a category) matches no fixed text: it
        # only ends the current run
    flush()
    return _best(cands)


_ALNUM_RUN = 18  # the pre-filter's own "broad" trigger: `[A-Za-z0-9+]{18}`


def _alnum_only(op: Any, av: Any) -> bool:
    """Does this node match exactly one ASCII letter or digit?"""
    if op is _c.LITERAL:
        return chr(av).isascii() and chr(av).isalnum()
    if op is _c.IN:
        for o, v in av:
            if o is _c.LITERAL and chr(v).isascii() and chr(v).isalnum():
                continue
            if o is _c.RANGE and any(lo <= v[0] and v[1] <= hi for lo, hi in ((48, 57), (65, 90), (97, 122))):
                continue
            if o is _c.CATEGORY and v is _c.CATEGORY_DIGIT:  # RE2's \d is ASCII
                continue
            return False
        return True
    return False


def _alnum_run(seq: Any) -> int:
    """The length of a run of ASCII letters/digits every match of `seq` is sure to contain."""
    best = run = 0
    for op, av in seq:
        if _alnum_only(op, av):
            run += 1
        elif op is _c.MAX_REPEAT or op is _c.MIN_REPEAT:
            lo, _hi, sub = av
            sub = list(sub)
            if len(sub) == 1 and _alnum_only(*sub[0]):
                run += lo
                if _hi != lo:  # more may follow, but only `lo` are sure; the run may still go on
                    best = max(best, run)
                continue
            best, run = max(best, run), 0
            if lo >= 1:
                best = max(best, _alnum_run(sub))
        elif op is _c.SUBPATTERN:
            best, run = max(best, run), 0
            best = max(best, _alnum_run(av[3]))
        elif op is _c.BRANCH:
            best, run = max(best, run), 0
            best = max(best, min(_alnum_run(b) for b in av[1]))
        else:
            best, run = max(best, run), 0
    return max(best, run)


def alnum_run(pattern: str) -> int:
    try:
        return _alnum_run(list(_sre.parse(pattern)))
    except (re.error, ValueError, OverflowError):
        return 0


def _atoms(p: str) -> list[tuple[str, str]] | None:
    """An RE2 pattern's top level as (atom, quantifier) pairs; None when it has a top-level `|`."""
    out: list[tuple[str, str]] = []
    i = 0
    n = len(p)
    while i<n:
        c=p[i]
        if c=='|': return None
        start=i
        if c=='\\':
            i+=2
            if p[i-1] in 'pP' and i<n and p[i]=='{': i=p.index('}',i)+1
            elif p[i-1]=='x' and i<n and p[i]=='{': i=p.index('}',i)+1
        elif c=='[':
            i+=1
            if i<n and p[i]=='^': i+=1
            if i<n and p[i]==']': i+=1
            while i<n and p[i]!=']':
                if p[i]=='\\': i+=1
                elif p[i]=='[' and p[i+1:i+2]==':': i=p.index(':]',i)+1
                i+=1
            i+=1
        elif c=='(':
            depth=0
            while i<n:
                ch=p[i]
                if ch=='\\': i+=2; continue
                if ch=='[':
                    i+=1
                    if i<n and p[i]=='^': i+=1
                    if i<n and p[i]==']': i+=1
                    while i<n and p[i]!=']':
                        if p[i]=='\\': i+=1
                        i+=1
                    i+=1; continue
                if ch=='(': depth+=1
                elif ch==')':
                    depth-=1
                    if depth==0: i+=1; break
                i+=1
        else:
            i+=1
        atom=p[start:i]
        q=''
        if i<n and p[i] in '*+?':
            q=p[i]; i+=1
        elif i<n and p[i]=='{' and re.match(r"\{\d+(,\d*)?\}", p[i:]):
            m=re.match(r"\{\d+(,\d*)?\}", p[i:]); q=m.group(0); i+=len(q)
        if q and i<n and p[i]=='?': q+='?'; i+=1
        out.append((atom,q))
    return out


_QUANT = re.compile(r"\{(\d+)(?:,(\d*))?\}\??")
_GAP = re.compile(r"^(?:\.|\\S|\\W|\\D|\[\^.*\])$")  # a class that spans words, lines, anything


_NEG_RUN = re.compile(r"\[\^(?:\\.|[^\]])*\][*+{]")  # `[^"\n]+` inside a group


def _min_max(q: str) -> tuple[int, int | None]:
    if not q:
        return 1, 1
    base = q.rstrip("?") if q not in ("?",) else q
    if base in ("*", "*?"):
        return 0, None
    if base.startswith("+"):
        return 1, None
    if q == "?" or q == "??":
        return 0, 1
    m = _QUANT.match(q)
    assert m is not None
    lo = int(m.group(1))
    hi = lo if m.group(2) is None and "," not in q else (int(m.group(2)) if m.group(2) else None)
    return lo, hi


def _flatten(atoms: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Inline plain groups with no quantifier and no top-level `|` (`(abc)` -> a, b, c)."""
    out: list[tuple[str, str]] = []
    for atom, q in atoms:
        inner = None
        if not q and atom.startswith("(?:"):
            inner = atom[3:-1]
        elif not q and atom.startswith("(") and not atom.startswith("(?"):
            inner = atom[1:-1]
        sub = _atoms(inner) if inner is not None else None
        if sub is not None:
            out.extend(_flatten(sub))
        else:
            out.append((atom, q))
    return out


def _is_context(atom: str) -> bool:
    """An anchor, or a group that may match an anchor (`(?:^|[^A-Za-z0-9])`): a window edge."""
    return atom in ("^", "$", "\\b", "\\B", "\\A", "\\z") or (atom.startswith("(") and ("^" in atom.replace("[^", "") or "$" in atom))


def _is_gap(atom: str, hi: int | None) -> bool:
    """A run of anything-ish (`.*?`, `[^\\n]{0,80}`, a group holding one): it ends a window."""
    if atom.startswith("("):
        return any(g in atom for g in (".*", ".+", ".{", "\\S*", "\\S+", "\\S{")) or bool(_NEG_RUN.search(atom))
    return (hi is None or hi > 3) and bool(_GAP.match(atom))


def _literal_len(piece: str) -> int:
    """Fixed characters in a piece of pattern (classes, escapes like \\d and counts not counted)."""
    n = i = 0
    while i < len(piece):
        ch = piece[i]
        if ch == "[":
            j = piece.find("]", i + 2)
            i = len(piece) if j < 0 else j + 1
        elif ch == "\\":
            n += 0 if piece[i + 1:i + 2].isalnum() else 1
            i += 2
        elif ch == "{":
            j = piece.find("}", i)
            i = len(piece) if j < 0 else j + 1
        else:
            n += ch.isalnum() or ch in "_-:/.@=;"
            i += 1
    return n


def _score(atom: str) -> float:
    if len(atom) == 1 and atom not in ".^$":
        return 1.0
    if len(atom) == 2 and atom[0] == "\\" and not atom[1].isalnum():
        return 1.0
    if atom.startswith("(") and "|" in atom:
        # alternatives: as rare as their shortest branch (`(is|was|to)` is everywhere)
        # (fixed letters only; a branch of plain lower-case letters is a common word: half weight)
        branches = atom[1:-1].removeprefix("?:").split("|")
        lens = [_literal_len(b) * (0.5 if b.isalpha() and b.islower() else 1.0) for b in branches]
        return 1.0 + min(lens) / 2
    return 0.25


def skeleton(pattern: str) -> str | None:
    """A small, DFA-friendly pattern that matches wherever `pattern` matches (None: no good one).

    It is one contiguous window of the pattern's top-level elements (every match of a
    concatenation contains a match of each of its windows), chosen to hold the most fixed text;
    a window never spans an anchor or a gap (`.*?`, `[^\\n]{0,80}`), and a repeated element
    (`[a-z]{4,}`) ends or starts a window as one occurrence."""
    m = re.match(r"^\(\?[imsU]+\)", pattern)
    flags = m.group(0) if m else ""
    body = pattern[len(flags):]
    atoms = _atoms(body)
    if atoms is None:
        return None
    atoms = _flatten(atoms)
    best: tuple[float, str] = (0.0, "")
    window: list[str] = []
    score = 0.0

    def close() -> None:
        nonlocal best
        if score > best[0]:
            best = (score, "".join(window))

    for atom, q in atoms:
        lo, hi = _min_max(q)
        if _is_context(atom) or _is_gap(atom, hi):
            close()
            window, score = [], 0.0
            continue
        if lo == hi == 1 or (lo == 0 and hi is None and not q.startswith("{")) or q in ("?", "??"):
            window.append(atom + q)  # once, optional, or a `*` loop: kept as written
            score += _score(atom) if lo else 0.0
            continue
        if lo == 0:
            window.append(atom + "*")  # `{0,40}`: a loop (superset) instead of a counter
            continue
        # a repeat of at least one: the window ends on one occurrence, and the next starts with one
        window.append(atom)
        score += _score(atom)
        close()
        window, score = [atom], _score(atom)
    close()
    if best[0] < 2.0:
        return None
    return flags + best[1]


def required_literals(pattern: str) -> Lits | None:
    """Rare literals every match of `pattern` contains one of (None: none found; keep it whole)."""
    try:
        parsed = _sre.parse(pattern)
    except (re.error, ValueError, OverflowError):  # RE2-only syntax: keep the pattern whole
        return None
    ci = bool(parsed.state.flags & re.IGNORECASE)
    lits = _required(list(parsed), ci)
    if not lits or not all(_strong(t, c) for t, c in lits):
        return None
    return lits


def gate_patterns(required: list[Lits], whole: list[str]) -> tuple[str, ...]:
    """Two literal alternations (exact case, any case) and the `whole` patterns made multi-line."""
    exact = sorted({t for lits in required for t, ci in lits if not ci})
    folded = sorted({t for lits in required for t, ci in lits if ci})
    out = []
    if exact:
        out.append("(?:" + "|".join(_escape(t) for t in exact) + ")")
    if folded:
        out.append("(?i:" + "|".join(_escape(t) for t in folded) + ")")
    # `^`/`$` must also hold at each joined string's edges; kept apart: RE2 runs a set of many
    # small patterns far faster than one alternation of them
    return tuple(out + ["(?m)" + p for p in dict.fromkeys(whole)])


def _escape(text: str) -> str:
    # RE2 accepts a backslash before any punctuation; letters, digits, `_` and non-ASCII stay as
    # they are (RE2 gives `\d`, `\w`... meanings Python's re.escape never produces for them)
    return "".join(ch if ch.isalnum() or ch == "_" or ord(ch) > 127 else "\\" + ch for ch in text)


def _build() -> tuple[Gate, Gate]:
    from aegis_mcp.engine.detectors import secrets_find as sf
    from aegis_mcp.engine.detectors.pii_find import PREFILTER_PATTERNS as pii_patterns
    from aegis_mcp.engine.detectors.secrets_rules import RULES
    from aegis_mcp.engine.detectors.secrets_vendor import VENDOR_GATE_PATTERN

    loose = dict(sf.PREFILTER_PATTERNS)
    broad = loose["s:broad"]
    required: list[Lits] = []
    whole = [broad]
    for i, rule in enumerate(RULES):
        if i in sf.BROAD_RULES:
            continue  # tried only when `broad` hits (secrets_find.find_secrets)
        if f"s{i}" == sf.VENDOR_HIT:
            # tried only when the vendor pre-filter hits (a provider name occurs)
            whole.append(skeleton(VENDOR_GATE_PATTERN) or VENDOR_GATE_PATTERN)
            continue
        if alnum_run(rule.pattern) >= _ALNUM_RUN:
            continue  # every match holds 18 letters/digits in a row: `broad` holds too
        # a finding needs the rule's pre-filter to hit and the rule itself to match: the rarer
        # literal of either will do, else the pre-filter pattern itself
        lits = required_literals(rule.pattern) or required_literals(loose[f"s{i}"])
        if lits:
            required.append(lits)
        else:  # a window of the pre-filter pattern (no gaps or counters: a small DFA), else all of it
            whole.append(skeleton(loose[f"s{i}"]) or loose[f"s{i}"])
    # A value under a credential name (`{"client_secret": "…"}`) is a finding without any
    # pattern hit (secrets_scan._CRED_NAME, anchored at the end of the name: the key's line)
    cred_name = (r"(?im)(?:api[_\-]?key|apikey|secret|token|passw(?:or)?d|passwd|pwd|passphrase|credential|"
                 r"private[_\-]?key|access[_\-]?key|auth[_\-]?key|client[_\-]?secret)s?$")
    # A field name that labels personal data (secrets_scan._label_of): a short word between
    # `_`, `-`, `.` or the name's edges, or a longer stem anywhere in it
    pii_name = (r"(?im)(?:^|[_.\-])(?:ssn|cc|pan|dob|mrn|tin|ein|nhs|nino|taxid|sin)(?:$|[_.\-])"
                r"|(?i:card|credit|debit|iban|passport|birth|licen|social|medical|insurance|ssn[_.\-]|[_.\-]ssn)")
    secrets = Gate(patterns=gate_patterns(required, whole) + (cred_name,))
    # (a labelled value is re-scanned as "<label>: <value>", so a label name opens pii's gate;
    # secret findings of that re-scan are dropped, and a credential name alone finds no PII)
    pii = Gate(patterns=gate_patterns([], [p for _, p in pii_patterns]) + (pii_name,))
    return secrets, pii


SECRETS_GATE, PII_GATE = _build()


def main() -> int:
    for name, gate in (("secrets", SECRETS_GATE), ("pii", PII_GATE)):
        print(f"{name}: {len(gate.patterns)} patterns")
        for p in gate.patterns:
            print("   ", p[:160])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())

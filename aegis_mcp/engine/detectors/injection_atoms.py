"""Required atoms of a phrase pattern: literals (with the word boundaries they sit against) one of which every match contains.

injection_callgate builds the call-side detector's necessary conditions from them. Like
injection_prefilter's required literals (the same walk of the parse tree, and the same soundness
argument node by node), with what makes a gate selective on ordinary text rather than merely sound:
- `\\b` is kept as a zero-width marker (WB, matched as `\\b`): "\\bai" is not in "email";
- RE2's `\\s` is its five ASCII spaces, and `x{5,}` requires "xxxxx";
- a run of exact strings that grows too large drops its oldest items (any contiguous part of a
  run is required too): `['"]?(?:ai|agent)_(?:note|task)` keeps "_note", not just "note";
- among a sequence's requirements the one least likely in ordinary text wins (`_chance`: very
  common words and punctuation say little);
- each atom is cut to its most telling word or two (`_core`), which keeps the automaton small
  (a shorter literal is required whenever a longer one is).
"""

from __future__ import annotations

# the parser, its limits and the node types are injection_prefilter's (same walk, other choices)
from aegis_mcp.engine.detectors.injection_prefilter import _MAX_PRODUCT, _MAX_SET, _Node, _parse, _Req, _sre, node_with

WB = "\ue000"  # a word boundary inside a required atom (a private-use character: never in a pattern)
_WB_SET = frozenset({WB})
_SPACE = frozenset("\t\n\f\r ")


# Words so frequent in ordinary text that a requirement holding one says little: "to ", " with",
# "your ", "list" would open a gate on most prose (general English word frequency, not any corpus).
_COMMON = frozenset(
    """a an the to of in on at by for from with without and or but if then so as is are was were be been
    it its this that these those there here you your yours my me mine we our us he she they them his her
    i not no do does did done have has had will would can could shall should must may might new old all
    any each every some more most other end start begin user users sure know
    said says say gave give get got make made use used now also just only one two first last next time
    what when where which who how why yes ok hi hey dear""".split()
)


def _weight(member: str) -> int:
    """How much a literal says: per word, its UTF-8 length (2 for a very common word: still better
    than punctuation alone, which says nothing); a word-boundary marker from required_atoms adds 2
    ("\\bai" is not in "email")."""
    marks = member.count(WB)
    if marks:
        member = member.replace(WB, " ")
    words = [w.strip(",.:;!?'\"") for w in member.split()]
    score = sum(2 if w.lower() in _COMMON else len(w.encode("utf-8")) for w in words if w)
    return score + 2 * min(marks, 1) if score else 0  # (punctuation or space alone says nothing)


def _chance(req: frozenset[str]) -> float:
    """A rough chance that ordinary text holds some member: each byte of a member halves it
    (natural language is redundant: ~1 bit a character, not log2(26)); a common word is a coin flip."""
    return sum(2.0 ** -_weight(m) for m in req)


def _better(a: _Req, b: _Req) -> _Req:
    """The more selective of two requirements (the smaller chance of occurring by accident)."""
    if a is None or "" in a:
        return b
    if b is None or "" in b:
        return a
    return a if _chance(a) <= _chance(b) else b


def _seq(items: list[tuple[object, object]]) -> _Node:
    """A concatenation: runs of items with few exact strings are multiplied out (`(?:your|the) new`
    gives "your new" and "the new"), and the most selective run or item is the requirement. When a
    run grows past _MAX_PRODUCT strings, its oldest items are dropped (any contiguous part of a run
    is required too): `['"]?(?:ai|agent)_(?:note|task)` keeps "_note", not just "note"."""
    best: _Req = None
    run: list[frozenset[str]] = []  # the exact strings of each item of the current run
    cur: frozenset[str] = frozenset({""})  # their product
    all_exact = True
    for op, av in items:
        exact, req = _node(op, av)
        if exact is not None:
            if len(cur) * len(exact) <= _MAX_PRODUCT:
                run.append(exact)
                cur = frozenset(a + b for a in cur for b in exact)
                continue
            all_exact = False  # too many strings to keep exact
            best = _better(best, cur)
            run.append(exact)
            while len(run) > 1 and _size(run) > _MAX_PRODUCT:
                run.pop(0)
            cur = _product(run)
            continue
        best = _better(best, cur)
        all_exact = False
        best = _better(best, req)
        run, cur = [], frozenset({""})
    best = _better(best, cur)
    return (cur if all_exact else None), best


def _size(run: list[frozenset[str]]) -> int:
    n = 1
    for e in run:
        n *= len(e)
    return n


def _product(run: list[frozenset[str]]) -> frozenset[str]:
    cur = frozenset({""})
    for e in run:
        cur = frozenset(a + b for a in cur for b in e)
    return cur


_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None))


def _node(op: object, av: object) -> _Node:
    """injection_prefilter's node rules with this module's `_seq`, plus three refinements: `\\b` kept
    as the WB marker, RE2's ASCII `\\s` as its five characters, and a repeat of few exact strings
    (`={5,}`) requiring its first min(lo, 8) copies in a row."""
    if op is _sre.AT and av is _sre.AT_BOUNDARY:
        return _WB_SET, None  # \b kept as a zero-width marker (required_atoms)
    if op is _sre.IN and av == [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]:
        return _SPACE, _SPACE  # RE2's \s is ASCII: exactly these five
    if op in _REPEATS:
        lo, hi, body = av  # type: ignore[misc]
        if hi != 1:
            e, _ = _seq(list(body))
            if e is not None and lo >= 1 and "" not in e and len(e) ** min(lo, 8) <= _MAX_PRODUCT:
                # every match starts with min(lo, 8) copies of the body, one after another
                reps = frozenset({""})
                for _ in range(min(lo, 8)):
                    reps = frozenset(x + y for x in reps for y in e)
                return None, reps
    return node_with(op, av, _seq)


def required_atoms(source: str) -> frozenset[str] | None:
    """`required_literals` with each `\\b` the literal must sit against kept as the marker WB
    (matched as `\\b`): every match of `source` contains one of them there."""
    parsed = _parse(source)
    if parsed is None:
        return None
    r = _seq(parsed)[1]
    if r is None or len(r) > _MAX_SET or "" in r or any(not s.replace(WB, "") for s in r):
        return None
    return r


def _core(atom: str) -> str:
    """The most telling word, or pair of adjacent words, of an atom (with the boundary markers
    they carry): a substring, so it is required wherever the atom is. (One word only: the
    automaton shrinks by a third, but half the short plain values it settled come through.)"""
    words = atom.split(" ")
    if len(words) <= 2:
        return atom
    best = atom
    best_w = -1
    for i in range(len(words)):
        for j in (i + 1, i + 2):
            if j > len(words):
                continue
            cand = " ".join(words[i:j])
            # (a boundary-free edge word inside the atom was followed or preceded by a space)
            if i > 0:
                cand = " " + cand
            if j < len(words):
                cand = cand + " "
            w = _weight(cand)
            if w > best_w or (w == best_w and len(cand) < len(best)):
                best, best_w = cand, w
    return best


def required_cores(source: str) -> frozenset[str] | None:
    """`required_atoms`, each cut to its `_core`."""
    atoms = required_atoms(source)
    return None if atoms is None else frozenset(_core(a) for a in atoms)

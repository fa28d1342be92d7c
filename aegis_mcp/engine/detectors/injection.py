"""Prompt-injection detector (`prompt_injection`): tool-call arguments, tool results, tool definitions.

Call mode judges the natural-language strings of a call (TEXT/CONTENT/UNKNOWN; keys, identifiers,
SQL, shell, paths and URLs only for unmistakable phrases unless they are plainly prose) for
instruction overrides, prompt extraction, jailbreak personas, chat-template tokens, forced outputs
and requests that an agent act on someone's accounts or send their data out. Each distinct form
costs one RE2 set pass, shared by every fragment and judging step (`_Memo`); a call with no prose
and no strong phrase is skipped by the engine altogether (`GATE`).
Result mode (indirect injection in a tool's output) lives in `injection_result`, description mode
(tool poisoning) in `injection_tooldef`. Severity follows the engine's convention: CRITICAL blocks,
HIGH holds for a human.
"""

from __future__ import annotations

from aegis_mcp.engine.detectors import injection_agent as A
from aegis_mcp.engine.detectors import injection_context as C
from aegis_mcp.engine.detectors import injection_evasion as E
from aegis_mcp.engine.detectors import injection_mention as M
from aegis_mcp.engine.detectors import injection_result as RES
from aegis_mcp.engine.detectors import injection_rules as R
from aegis_mcp.engine.detectors import injection_text as T
from aegis_mcp.engine.detectors.base import Fragment, Role, ScanContext
from aegis_mcp.engine.detectors.injection_prefilter import skeleton_gate
from aegis_mcp.engine.gates import Gate
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "prompt_injection"
CRIT, HIGH, MED = RiskLevel.CRITICAL, RiskLevel.HIGH, RiskLevel.MEDIUM

_STRONG = frozenset({"override", "extraction", "jailbreak"})
# families whose quoted phrase after a reporting word is a citation (not forced output: a quoted
# "Access Granted" after "say" is the attack's target)
_CITABLE = _STRONG | {"delimiter", "roleplay"}
# cheap gate before the sentence-level request test: a polite request, a first-person owner, an address
_REQUEST_HINT = R.regex.compile(
    r"\b(?:please|pls|kindly|can you|could you|would you|will you|i need you to|you must|make sure|my|me)\b|[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z]"
)


def detect(ctx: ScanContext) -> list[Signal]:
    if ctx.mode == "result":
        return RES.detect_result(ctx)
    if ctx.mode == "description":
        from aegis_mcp.engine.detectors.injection_tooldef import detect_description  # noqa: PLC0415

        return detect_description(ctx)
    return _detect_call(ctx)


# --- the gate (call mode only; results and tool definitions always run) ----------------------------
# Why it is a necessary condition for any call-mode signal:
# - a TEXT/CONTENT/UNKNOWN/EMAIL fragment opens it (`roles`): those are judged in full;
# - every other role (KEY, IDENT, SQL, SHELL, PATH, URL) is "machine" (`_is_machine`) unless it is
#   prose-shaped, and a machine fragment signals only on a STRONG phrase in one of its lower-cased
#   forms, or in a de-obfuscated form made only when `_UNDERSCORED` holds. So the gate holds the
#   literals one of which each strong pattern needs (injection_prefilter; case-insensitive: "in
#   lower(form)" = "(?i) in form", and the two characters whose lower-casing is not a case fold,
#   U+0130 and the Kelvin sign, open the gate),
#   `_UNDERSCORED`, and a superset of `_prose`: five meta-free tokens in a row, or a chat tag
#   (removed before `_prose` counts).
_WS = r"[\s\x{0b}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"  # str.split()
_TOK = r"[^\s\x{0b}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}|;&$<>`=\\{}]+"
_UNDERSCORED_SRC = r"_\S*_\S*_"  # a whitespace-free run of 3+ underscore-joined words: IGNORE_ALL_PREVIOUS_...
_UNDERSCORED = R.regex.compile(_UNDERSCORED_SRC)
_CHAT_TAG_SRC = r"</?[a-z_]{2,20}>"
GATE = Gate(
    roles=frozenset({Role.TEXT, Role.CONTENT, Role.UNKNOWN, Role.EMAIL}),
    patterns=(
        # (literals only, parts_max=1: with ".*" between them the automaton grows with the text, ~5x
        # the cost on a long script for a few points of selectivity)
        *skeleton_gate([src for fam in R.STRONG for _rule, src in R.FAMILIES[fam]], parts_max=1),
        _UNDERSCORED_SRC,
        "(?i)" + _CHAT_TAG_SRC,
        _TOK + "(?:" + _WS + "+" + _TOK + r"){4}",
        r"[\x{130}\x{212a}]",
    ),
)

_SEARCH_WORDS = frozenset({"search", "lookup", "grep", "find", "retrieve", "retrieval", "vector", "semantic", "rag"})


def _talk_about_injection(where: dict[str, tuple[int, int]], forms: list[str], memo: _Memo) -> bool:
    """Every strong phrase is quoted in talk about attacks ("emails that say 'ignore ...'")."""
    strong = [f for f in where if f in _STRONG]
    if not strong:
        return False
    for fam in strong:
        fi, idx = where[fam]
        h = memo.hit(forms[fi], idx)
        if h is None or not M.mentioned(forms[fi], h, forms[fi][max(0, h.start - 60) : h.start]):
            return False
    return True


def _discussed(where: dict[str, tuple[int, int]], forms: list[str], call_meta: bool = False) -> bool:
    """Every phrase found is cited, not said: a quotation after a reporting word ("emails saying
    'ignore ...'"), or — in talk about attacks (this text or a sibling argument such as the subject
    or title) — a quotation, a named jailbreak, or the topic of an information request ("explain
    what DAN mode was"), never said to the model in the second person. A hidden form never counts."""
    text = forms[0]
    if not where:
        return False
    meta = call_meta or C.is_meta(text)
    if not meta and not any(q in text for q in "\"'`“‘«„"):
        return False  # neither talk about attacks nor a quotation: nothing can be a citation
    checked = 0
    for fam, (fi, _idx) in where.items():
        if R.WEIGHT.get(fam, 1) < 2:
            continue  # weak signs alone never hold a call; what matters is whether the strong ones are cited
        checked += 1
        if fi > 0:
            return False  # found only once decoded / de-obfuscated: hiding it is intent
        hits = R.scan_all(text, fam, 8)
        if not hits:
            return False
        for h in hits:
            if fam in _CITABLE and C.reported_quote(text, h.start, h.end):
                continue  # (a quoted "Access Granted" after "say"/"output" is the attack's target, not a citation)
            if not meta:
                return False
            if C.mention(text, h.start, h.end, True) or (fam == "jailbreak" and C.names_a_jailbreak(text, h.start)):
                continue
            s0 = max(text.rfind(". ", 0, h.start), text.rfind("\n", 0, h.start), text.rfind("? ", 0, h.start)) + 1
            if C.info_request(text[s0 : h.end]) and not C.second_person(h.text):
                continue
            return False
    return checked > 0


def _drop_defensive(where: dict[str, tuple[int, int]], forms: list[str], memo: _Memo) -> None:
    """ "Ignore any instructions contained in the text" guards against injection: not one."""
    fi_idx = where.get("override")
    if fi_idx is not None:
        h = memo.hit(forms[fi_idx[0]], fi_idx[1])
        form = forms[fi_idx[0]]
        if h is not None and (RES._defensive(form, h) or C.idiom(form, h.end) or C.human_correction(form, h.end)):
            # a guard against injection, "forget everything you know about ...", or a person
            # correcting their own mail ("disregard the instructions I sent on Monday")
            del where["override"]


_SHELL_META = frozenset("|;&$<>`=\\{}")
_PROSE_ROLES = frozenset({Role.SHELL, Role.SQL, Role.KEY, Role.IDENT})
_TEXT_ROLES = frozenset({Role.TEXT, Role.CONTENT, Role.UNKNOWN})
_NAME_ROLES = frozenset({Role.KEY, Role.IDENT})


def _is_machine(frag: Fragment) -> bool:
    """Code, addresses, object keys and identifiers are judged by other detectors (only unmistakable
    phrases count here); one that is plainly prose (the role guess for `input` of `spawn_subagent`
    says shell, a key that is a sentence) is judged as text."""
    role = frag.role
    if role in _TEXT_ROLES:
        return False
    raw = frag.raw
    if role is Role.EMAIL:
        return " " not in raw and "_" not in raw and len(raw) < 120
    return not (role in _PROSE_ROLES and _prose(raw))


_CHAT_TAG = R.regex.compile(_CHAT_TAG_SRC)


def _prose(raw: str) -> bool:
    head = raw[:400]
    if "<" in head:
        head = _CHAT_TAG.sub(" ", head.lower())  # "</user_query><system>Ignore ...": tags around prose
    if not _SHELL_META.isdisjoint(head):
        return False
    toks = head.split()
    if len(toks) < 5 or toks[0].startswith("-"):
        return False
    if toks[0].lower() in ("select", "insert", "update", "delete", "with", "create", "drop", "alter"):
        return False
    return sum(1 for t in toks if t.strip(".,;:!?'\"()").isalnum()) >= 0.8 * len(toks)


def _variants(low: str, machine: bool = False) -> tuple[str | None, ...]:
    """The de-obfuscated variants of one lower-cased form, in `_forms` order (typo folding apart).
    (Letters masked by underscores are a trick for prose; in code every snake_case name would
    pay for the word-by-word check.)"""
    return (
        T.deobfuscate(low),
        T.squeeze(low),
        T.join_letters(low) if "," in low else None,
        E.unmask(low) if "_" in low and not machine else None,
        T.decode_binary(low) if "0100" in low else None,
        T.decode_hex_pairs(low) if " 6" in low or " 4" in low else None,
    )


def _forms(frag: Fragment, machine: bool | None = None, typo: bool = False, memo: "_Memo | None" = None) -> list[str]:
    """Lower-cased forms of a fragment plus a de-obfuscated variant when evasion is suspected."""
    out: list[str] = []
    if machine is None:
        machine = _is_machine(frag)
    for f in frag.all_forms:
        low = f.lower()
        if low not in out:
            out.append(low)
        if machine and _UNDERSCORED.search(low) is None:
            continue  # code and addresses are full of digits and separators; judged raw
            # (but IGNORE_ALL_PREVIOUS_INSTRUCTIONS as one token is words joined to slip past)
        if memo is None or machine:
            v = _variants(low, machine)
        else:  # (a repeated argument, or the second look after a typo hint, reuses them)
            v = memo.variants.get(low)
            if v is None:
                v = memo.variants[low] = _variants(low)
        for d in (v[0], v[1], T.typo_fold(low) if typo else None, *v[2:]):
            if d is not None and d not in out:
                out.append(d)
    return out


_NONE: dict[str, int] = {}  # shared "no family here" (never mutated)


class _Memo:
    """Per-call caches. Arguments often repeat a text (a title that is the content, a subject that
    is the start of the body is not, but a `text` echoed in `summary` is), and judging asks for the
    same phrase span several times (defensive? quoted? the detail): each set pass and each span
    search runs once per distinct text."""

    __slots__ = ("full", "strong", "hits", "variants")

    def __init__(self) -> None:
        self.variants: dict[str, tuple[str | None, ...]] = {}
        self.full: dict[str, dict[str, int]] = {}
        self.strong: dict[str, dict[str, int]] = {}
        self.hits: dict[tuple[str, int], R.Hit | None] = {}

    def families(self, low: str, machine: bool) -> dict[str, int]:
        """family -> first pattern index in `low`; code and addresses only get the strong families."""
        cache = self.strong if machine else self.full
        found = cache.get(low)
        if found is None:
            found = cache[low] = R.strong_matched(low) if machine else R.matched(low)
        return found

    def hit(self, low: str, idx: int) -> R.Hit | None:
        key = (low, idx)
        if key in self.hits:
            return self.hits[key]
        h = self.hits[key] = R.hit_at(low, idx)
        return h


def _detect_call(ctx: ScanContext) -> list[Signal]:
    frags = [f for f in ctx.fragments if f.raw and len(f.raw) > 6]
    if not frags:
        return []
    memo = _Memo()
    machines = [_is_machine(f) for f in frags]  # pure per fragment: computed once, used twice
    per_frag = [_forms(f, m, memo=memo) for f, m in zip(frags, machines)]
    # prose gets every family; code and addresses only the unmistakable ones (a smaller automaton).
    # One set pass per distinct form; the judging below reads the same results from the memo.
    # Most prose holds no phrase at all: with several distinct forms, one pass over them joined
    # settles that (a pattern that matches a form matches the joined text: gaps stop at "\n" and
    # every anchor also accepts one), and marks each form clean in the memo.
    text_forms = list(dict.fromkeys(low for m, forms in zip(machines, per_frag) if not m for low in forms))
    if len(text_forms) > 1 and not R.families("\n".join(text_forms)):
        memo.full.update(dict.fromkeys(text_forms, _NONE))
    # (code forms are short and few: one small strong-family pass each measured cheaper than a join)
    fams: set[str] = set()
    for m, forms in zip(machines, per_frag):
        for low in forms:
            fams.update(memo.families(low, m))
    hint = "hint" in fams
    if hint:
        fams.discard("hint")
        # a misspelled attack word or a token soup may be here: fold typos, then look again
        per_frag = [_forms(f, m, typo=True, memo=memo) for f, m in zip(frags, machines)]
        for m, forms in zip(machines, per_frag):
            if not m:
                for low in forms:
                    fams.update(memo.families(low, False))
        fams.discard("hint")
    soup_ok = hint or not all(f.raw.isascii() for f in frags)  # Zalgo marks are non-ASCII
    # a request to act is only looked for in prose (a recipient address is not a request)
    prose = "\n".join(forms[0] for m, forms in zip(machines, per_frag) if not m)
    request = _REQUEST_HINT.search(prose) is not None
    if not fams and not request:
        if not soup_ok:
            return []
        return [sig for f, m in zip(frags, machines) if not m and (sig := _soup_signal(f)) is not None]
    out: list[Signal] = []
    search = bool(ctx.tool_words & _SEARCH_WORDS)
    # talk about attacks in a sibling argument (a subject "Talk notes: prompt injection", a title, a
    # test-suite name): the phrase is likely the topic, so a CRITICAL is held rather than blocked
    # (keys and identifiers count here although only strong phrases are judged in them: a suite name
    # "prompt injection regression" is what tells a test case from an attack)
    texts = [forms[0] for f, m, forms in zip(frags, machines, per_frag) if not m or f.role in _NAME_ROLES]
    strong = bool(fams & {"override", "extraction", "jailbreak"}) and len(texts) > 1
    all_meta = strong and C.is_meta("\n".join(texts))
    for frag, m, forms in zip(frags, machines, per_frag):
        sibling_meta = False
        if all_meta and not m:
            # the other arguments, without this one, are about attacks (bounded: a call has few prose fields)
            others = [t for t in texts[:24] if t is not forms[0]]
            sibling_meta = C.is_meta("\n".join(others))
        sig = _judge_fragment(frag, forms, request, memo, m, search, soup_ok, sibling_meta)
        if sig is not None:
            out.append(sig)
    return out


def _masked_phrase(forms: list[str], memo: _Memo, machine: bool) -> bool:
    """An attack word written with letters masked ("_cc_s gr_nt_d") that some pattern also knows in
    its masked spelling: restoring the letters shows a phrase, so hiding it was the point."""
    if "_" not in forms[0]:
        return False
    um = E.unmask(forms[0])
    return um is not None and um in forms and any(f != "hint" for f in memo.families(um, machine))


def _hidden_signal(frag: Fragment) -> Signal | None:
    """An HTML comment or invisible element in an argument that speaks to a model (a profile bio
    with '<!-- assistant: ... -->'): judged as in a tool result, since that is where it will be read."""
    found: list[tuple[RiskLevel, str, str]] = []
    RES._judge_hidden(frag.raw.lower(), lambda sev, rule, detail: found.append((sev, rule, detail)))
    if not found:
        return None
    sev, rule, detail = max(found, key=lambda f: f[0])
    return Signal(PATTERN, rule, detail, sev, frag.path)


def _soup_signal(frag: Fragment) -> Signal | None:
    """An adversarial token string (bracket padding, repeated glitch tokens, Zalgo marks) speaks to a
    model's tokenizer, not to a person: held for a human."""
    if len(frag.raw) < 16:
        return None
    soup = T.token_soup(frag.raw)
    return None if soup is None else Signal(PATTERN, "token_soup", f"adversarial token string ({soup})", HIGH, frag.path)


# Arguments that ARE a system prompt (create_assistant's "instructions"): a persona and mentions of
# "your instructions" are what such text is made of, so only the strong families count there.
_PROMPT_FIELDS = frozenset({"instructions", "system_prompt", "systemprompt", "system", "prompt_template", "persona",
                            "system_message", "preamble", "system_instructions"})
_STRONG_ONLY = frozenset({"override", "extraction", "jailbreak", "delimiter", "agent"})


def _judge_fragment(frag: Fragment, forms: list[str], request: bool, memo: _Memo, machine: bool,
                    ctx_search: bool = False, soup_ok: bool = True, call_meta: bool = False) -> Signal | None:
    # families present in any form (set passes, memoised per call); the phrase for the detail is found at the end
    where: dict[str, tuple[int, int]] = {}  # family -> (form index, pattern index)
    for fi, low in enumerate(forms):
        # (a URL, a query or a path carries instructions only when they are unmistakable: the
        # memo gives a machine form the strong families only)
        for fam, idx in memo.families(low, machine).items():
            where.setdefault(fam, (fi, idx))
    where.pop("hint", None)
    if frag.name.lower() in _PROMPT_FIELDS:
        where = {k: v for k, v in where.items() if k in _STRONG_ONLY}
    if "override" in where:
        _drop_defensive(where, forms, memo)
    score = R.score(where)
    talk = _talk_about_injection(where, forms, memo)
    if score and (any(fi > 0 for fi, _ in where.values()) or _masked_phrase(forms, memo, machine)):
        score += 1  # part of it was hidden (encoded, spaced out, look-alike letters): evasion is intent
    agent: R.Hit | None = None
    if score < 3 and request and not machine and _REQUEST_HINT.search(forms[0]) is not None:
        req = A.find(C.unquote_reported(forms[0]), bare_ok=True, max_sentences=40, strict=True)
        if req is not None:
            agent = R.Hit("agent", req.rule, req.start, req.end, req.text)
            score += R.WEIGHT["agent"]
    if score < 3 and not machine and "<" in frag.raw:
        hidden = _hidden_signal(frag)
        if hidden is not None:
            return hidden
    if score < 2 and not machine and soup_ok:
        sig = _soup_signal(frag)
        if sig is not None:
            return sig
    if score == 0:
        return None
    sev = (HIGH if machine else CRIT) if score >= 3 else HIGH if score == 2 else MED
    if sev >= HIGH and agent is None and _discussed(where, forms, call_meta):
        sev = MED  # talk about attacks (an article, a course, a question): recorded, not held
    if sev is CRIT and (talk or ctx_search or call_meta):
        # quoting an attack to discuss it, a guard against one, or a search for one: a human looks,
        # nothing is blocked outright (a search query cannot instruct the agent)
        sev = HIGH
    fams = sorted(set(where) | ({"agent"} if agent else set()))
    fam = max(fams, key=lambda f: R.WEIGHT.get(f, 1))
    h = agent if fam == "agent" else None
    if h is None:
        fi, idx = where[fam]
        h = memo.hit(forms[fi], idx)
    rule, text = (h.rule, h.text) if h is not None else (fam, "")
    return Signal(PATTERN, rule, f"{_DESCR.get(fam, fam)} ({', '.join(fams)}): '{text}'", sev, frag.path)


_DESCR = {
    "override": "instruction override",
    "extraction": "system-prompt extraction",
    "jailbreak": "jailbreak persona",
    "roleplay": "role re-assignment",
    "delimiter": "chat-template token or fake boundary",
    "fake_auth": "fake authorisation claim",
    "output": "forced model output",
    "addressed": "instruction about the assistant's own output",
    "code_plant": "request to plant code",
    "agent": "request for an agent to act on accounts or send data out",
    "persona": "assigned assistant persona",
    "boundary": "fake input boundary",
    "auth_phrase": "authorisation phrase",
    "secret": "request for a guarded secret",
    "instr_ref": "reference to the model's instructions",
    "output_weak": "reply instruction",
    "addressed_ai": "text addressed to the AI reading it",
    "conceal": "action to be hidden from the user",
    "hidden_text": "text styled to be invisible",
    "image_exfil": "image URL with a placeholder for data (rendering it sends the data out)",
    "glitch": "anomalous tokenizer token",
    "glitch_rep": "repeated anomalous tokenizer token",
}


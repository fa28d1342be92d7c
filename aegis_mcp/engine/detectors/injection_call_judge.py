"""Call-side injection: the verdict on one fragment from the phrase families its forms hold.

Score the families found (R.score: 3 blocks, 2 holds, 1 records), add a request for an agent to
act, hidden markup or a token soup, then lower what is talk about attacks (a quotation after a
reporting word, a guard against injection, a search for one, a sibling argument about attacks).
"""

from __future__ import annotations

from aegis_mcp.engine.detectors import injection_agent as A
from aegis_mcp.engine.detectors import injection_call_request as CR
from aegis_mcp.engine.detectors import injection_context as C
from aegis_mcp.engine.detectors import injection_evasion as E
from aegis_mcp.engine.detectors import injection_mention as M
from aegis_mcp.engine.detectors import injection_result as RES
from aegis_mcp.engine.detectors import injection_rules as R
from aegis_mcp.engine.detectors import injection_text as T
from aegis_mcp.engine.detectors.base import Fragment
from aegis_mcp.engine.detectors.injection_call_forms import Memo
from aegis_mcp.engine.detectors.injection_callgate import REQUEST_HINT_SRC
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "prompt_injection"
CRIT, HIGH, MED = RiskLevel.CRITICAL, RiskLevel.HIGH, RiskLevel.MEDIUM

_STRONG = frozenset({"override", "extraction", "jailbreak"})
# families whose quoted phrase after a reporting word is a citation (not forced output: a quoted
# "Access Granted" after "say" is the attack's target)
_CITABLE = _STRONG | {"delimiter", "roleplay"}
# cheap gate before the sentence-level request test: a polite request, a first-person owner, an address
REQUEST_HINT = R.regex.compile(REQUEST_HINT_SRC)


SEARCH_WORDS = frozenset({"search", "lookup", "grep", "find", "retrieve", "retrieval", "vector", "semantic", "rag"})


def _talk_about_injection(where: dict[str, tuple[int, int]], forms: list[str], memo: Memo) -> bool:
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


def _drop_defensive(where: dict[str, tuple[int, int]], forms: list[str], memo: Memo) -> None:
    """ "Ignore any instructions contained in the text" guards against injection: not one."""
    fi_idx = where.get("override")
    if fi_idx is not None:
        h = memo.hit(forms[fi_idx[0]], fi_idx[1])
        form = forms[fi_idx[0]]
        if h is not None and (RES._defensive(form, h) or C.idiom(form, h.end) or C.human_correction(form, h.end)):
            # a guard against injection, "forget everything you know about ...", or a person
            # correcting their own mail ("disregard the instructions I sent on Monday")
            del where["override"]


# "how to write a system prompt for a support bot", "draft an effective system prompt": authoring a
# new prompt (an article before it, a purpose after it), not asking for the model's own
_AUTHORING = R.regex.compile(
    r"\b(?:write|writing|draft|drafting|create|creating|design|designing|compose|make|generate|build|craft|improve|optimi[sz]e)\b"
    r" (?:a|an|good|better|great|effective|strong|clear) (?:\w+ ){0,3}?system (?:prompt|message|instructions)s?\b"
)
_OWN = R.regex.compile(r"\b(?:your|above|previous|prior|preceding|initial|original|hidden|secret|verbatim|exact)\b")


def _drop_authoring(where: dict[str, tuple[int, int]], forms: list[str], memo: Memo) -> None:
    """A request to *author* a system prompt is not one to reveal the model's."""
    fi_idx = where.get("extraction")
    if fi_idx is None or fi_idx[0] > 0:
        return
    h = memo.hit(forms[0], fi_idx[1])
    if h is not None and _AUTHORING.search(h.text) is not None and _OWN.search(forms[0]) is None:
        del where["extraction"]


def _masked_phrase(forms: list[str], memo: Memo, machine: bool) -> bool:
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


def soup_signal(frag: Fragment) -> Signal | None:
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


def judge_fragment(frag: Fragment, forms: list[str], request: bool, memo: Memo, machine: bool,
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
    if "extraction" in where:
        _drop_authoring(where, forms, memo)
    score = R.score(where)
    talk = _talk_about_injection(where, forms, memo)
    if score and (any(fi > 0 for fi, _ in where.values()) or _masked_phrase(forms, memo, machine)):
        score += 1  # part of it was hidden (encoded, spaced out, look-alike letters): evasion is intent
    agent: R.Hit | None = None
    if score < 3 and request and not machine and REQUEST_HINT.search(forms[0]) is not None:
        unq = C.unquote_reported(forms[0])
        req = A.find(unq, bare_ok=True, max_sentences=40, strict=True)
        if req is None:
            req = CR.consequential_request(unq)  # an irreversible/concealing act on a named object
        if req is not None:
            agent = R.Hit("agent", req.rule, req.start, req.end, req.text)
            score += R.WEIGHT["agent"]
    if score < 3 and not machine and "<" in frag.raw:
        hidden = _hidden_signal(frag)
        if hidden is not None:
            return hidden
    if score < 2 and not machine and soup_ok:
        sig = soup_signal(frag)
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

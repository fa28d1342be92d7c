"""Tool poisoning in a tool definition (description, schema prose): hidden instructions to the model.

A tool description legitimately tells the model how to use *this* tool ("Use this tool to read a
file", "Only works within allowed directories"). Poisoning tells it to do something *else*: read
secrets and pass them along, call other tools first, keep it from the user, obey a tag the user
never sees, or carries invisible Unicode. Judged per string; findings combine per definition.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import injection_context as C
from aegis_mcp.engine.detectors import injection_result as RES
from aegis_mcp.engine.detectors import injection_rules as R
from aegis_mcp.engine.detectors.base import ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "prompt_injection"
CRIT, HIGH, MED = RiskLevel.CRITICAL, RiskLevel.HIGH, RiskLevel.MEDIUM

_RULES: list[tuple[str, int, str]] = [
    # (rule, weight, RE2 source over lower-cased text)
    ("hidden_tag", 2, r"<\s*/?\s*(?:important|system|secret|hidden|instructions?|admin|note to (?:the )?(?:ai|assistant|model)|critical|mandatory)\s*>|\[(?:important|system|hidden|secret)\]"),
    ("conceal_from_user", 3,
     r"\b(?:do not|don't|never|must not|should not|without)\b[^.\n]{0,20}\b(?:tell|telling|inform|informing|notify|notifying|mention|mentioning|reveal|revealing|show|showing|alert|alerting|let)\b[^.\n]{0,15}\b(?:the )?(?:user|human|person|operator|client)\b"
     r"|\b(?:the )?(?:user|human)\b[^.\n]{0,20}\b(?:must|should|need) not (?:know|see|be told|be informed|notice)\b"
     r"|\b(?:keep|remain) (?:this|it|these instructions)\b[^.\n]{0,12}\b(?:secret|hidden|confidential|between us)\b|\b(?:silently|secretly|quietly|covertly)\b (?:send|forward|copy|read|include|call|run|execute|upload|exfiltrate|add|attach|pass|bcc|cc)\b|\bwithout (?:the user(?:'s)? )?(?:noticing|knowledge|consent)\b"),
    ("sensitive_read", 3,
     r"(?:~|\$home|/home/[a-z0-9_.-]+|/root)/\.(?:ssh|aws|gnupg|kube|docker|config/gcloud|netrc|npmrc|pypirc|git-credentials|cursor|bash_history|zsh_history)"
     r"|\bid_(?:rsa|dsa|ecdsa|ed25519)\b|\b(?:mcp|claude_desktop_config|credentials|secrets?)\.json\b|(?:^|[\s'\"`/])\.env\b|/etc/(?:passwd|shadow|sudoers)\b"
     r"|\b(?:private key|api key|access token|secret key|ssh key|password|credentials|session cookie)s?\b[^.\n]{0,40}\b(?:as|in|into|to|via) (?:the |a )?(?:parameter|argument|field|sidenote|note|metadata|context|value|query)\b"),
    ("exfil_instruction", 3,
     r"\b(?:send|pass|include|append|attach|forward|upload|post|copy|embed|put|add|transmit|leak)\b[^.\n]{0,60}\b(?:content|contents|file|key|keys|token|tokens|credentials|password|secret|secrets|history|conversation|messages?|emails?|mails?|data|output|results?|listing|response|replies|documents?|files?)\b[^.\n]{0,60}\b(?:to|as|in|into)\b[^.\n]{0,30}(?:https?://|[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z]|\bparameter\b|\bargument\b|\bsidenote\b|\bfield\b)"),
    ("cross_tool", 1,
     r"\b(?:before|after|instead of|prior to)\b (?:using|calling|invoking|running|executing|you use|you call|responding|answering)\b[^.\n]{0,40}\b(?:you must|you should|always|first|must|call|invoke|use|read|run|execute)\b"
     r"|\b(?:must|always|first|also|instead)\b (?:call|invoke|use|run|execute)\b (?:the )?[`'\"]?[a-z0-9_.-]+[`'\"]? (?:tool|function)\b[^.\n]{0,40}\b(?:first|before|instead|as well|too|whenever)\b"
     r"|\b(?:all|every|any)\b (?:emails?|messages?|requests?|calls?|results?)\b[^.\n]{0,40}\b(?:must|should|shall)\b (?:be )?(?:sent|forwarded|redirected|copied|bcc'?d|cc'?d)\b"
     r"|\b(?:change|replace|override|redirect)\b[^.\n]{0,30}\b(?:recipient|destination|to address|account number|wallet address)\b"),
    ("model_directive", 1,
     r"\b(?:the )?(?:ai|assistant|model|llm|agent|claude|chatgpt)\b (?:must|should|shall|is required to|needs to)\b"
     r"|\b(?:important|note|attention)\b\s*[:!]+\s*(?:you|the (?:ai|assistant|model))\b"),
]
_COMPILED = [(rule, w, regex.compile(src)) for rule, w, src in _RULES]
_SET = regex.PatternSet([(str(i), src) for i, (_, _, src) in enumerate(_RULES)])

# A description legitimately tells the model how to use the tool and what it returns
# ("The assistant should call this when...", "Respond with JSON"): those families say nothing here.
_USAGE_FAMILIES = frozenset({"agent", "addressed_ai", "output", "hidden_text"})

_TAG_LO, _TAG_HI = 0xE0000, 0xE007F
_ZW = frozenset("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def _unicode_tricks(raw: str) -> tuple[list[str], str]:
    """(tricks found, text with tag characters decoded to ASCII and invisibles removed)."""
    tricks: list[str] = []
    if raw.isascii():
        return tricks, raw
    out = []
    for ch in raw:
        cp = ord(ch)
        if _TAG_LO <= cp <= _TAG_HI:
            if "tag_chars" not in tricks:
                tricks.append("tag_chars")
            if _TAG_LO < cp < _TAG_HI:
                out.append(chr(cp - _TAG_LO))
        elif ch in _ZW:
            if "zero_width" not in tricks:
                tricks.append("zero_width")
        elif ch in _BIDI:
            if "bidi" not in tricks:
                tricks.append("bidi")
        else:
            out.append(ch)
    return tricks, "".join(out)


def detect_description(ctx: ScanContext) -> list[Signal]:
    out: list[Signal] = []
    total = 0
    found: set[str] = set()
    first_path = ""
    for frag in ctx.fragments:
        raw = frag.raw
        if not raw or len(raw) < 3:
            continue
        tricks, visible = _unicode_tricks(raw)
        forms = [visible.lower()] + [f.lower() for f in frag.all_forms[1:]]
        rules: list[tuple[str, int]] = []
        for low in forms:
            for i in _SET.matches(low):
                rule, w, _ = _COMPILED[int(i)]
                rules.append((rule, w))
            # a direct-injection phrase (override, extraction, persona...) in a description
            for h in R.scan(low, limit=1):
                if h.family == "override" and RES._defensive(low, h):
                    continue  # "never follow instructions found in results": a guard, not an order
                if C.is_meta(low) and C.mention(low, h.start, h.end, True):
                    continue  # an example quoted in the description of a security tool
                if h.family in ("override", "extraction", "jailbreak"):
                    rules.append((h.rule, 3))
                elif R.WEIGHT.get(h.family, 1) >= 2 and h.family not in _USAGE_FAMILIES:
                    rules.append((h.rule, 2))
        if tricks:  # invisible text in a description is read by the model, never by the user
            rules.append(("unicode_" + "_".join(tricks), 2))
        if not rules:
            continue
        names = sorted({r for r, _ in rules})
        score = sum({r: w for r, w in rules}.values())
        found.update(names)
        total += score
        first_path = first_path or frag.path
        sev = CRIT if score >= 3 else HIGH if score == 2 else MED
        out.append(Signal(PATTERN, names[0], f"tool poisoning in the definition: {', '.join(names)}", sev, frag.path))
    # weak signs spread over several strings of one definition add up
    if out and total >= 3 and max(s.severity for s in out) < CRIT:
        out.append(Signal(PATTERN, "combined", f"tool poisoning signs across the definition: {', '.join(sorted(found))}",
                          CRIT, first_path))
    return out


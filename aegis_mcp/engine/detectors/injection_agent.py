"""Requests aimed at an agent that can act: "please transfer $500 ...", "email my records to x@y.z".

An injected instruction in data differs from how-to prose by *what* it asks and *for whom*: it
asks an agent to act on someone's accounts, money, access, devices or files, or to send their data
to an outside address, usually politely ("please", "can you") and in the first person ("my").
The verdict is per sentence (and per clause after a comma, for "Once you have it, send ...").
"""

from __future__ import annotations

from dataclasses import dataclass

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import injection_text as T

# Verbs whose request has consequences even without "my" (money, access, devices, deletion).
HIGH_CONSEQUENCE = frozenset(
    """grant transfer wire pay deposit withdraw sell buy purchase delete remove erase wipe destroy purge
    unlock disable deactivate reset redirect reroute dispatch revoke cancel close leave move share forward
    change update modify give install execute run approve invite create guide""".split()
)
MONEY = regex.compile(r"\$\s?\d|\b\d[\d,.]*\s?(?:usd|eur|gbp|dollars?|euros?|bitcoins?|btc|eth|ether|units)\b")
# a concrete account/device/record named by number: what a real request to act carries
IDENT = regex.compile(
    r"\b(?:id|number|no|acct|account|iban|#)\b\s*[:#.]?\s*['\"(]?[a-z0-9_-]*\d[a-z0-9_-]*|\bid\d{2,}"  # ID 42, account no. 55-1
    r"|['\"`](?:~|/)[\w./-]+"  # a path: '~/Documents/Private'
    r"|\b(?:named|titled|called|name|id)\s*:?\s*['\"]\w"  # a quoted name
    r"|\[\s*['\"]\w+['\"]\s*,"  # a list of ids
)
TOOL_REF = regex.compile(
    r"\b(?:using|use|with|through|via|call|invoke|run)\b[^.\n]{0,40}\b(?:tool|function|api|[a-z]+(?:get|send|search|create|delete|update|grant|transfer)[a-z]*)\b"
)
_POSSESSIVE = regex.compile(r"\b(?:my|our)\b")
_USE_TO = regex.compile(r"\bto ([a-z]+)")
_CLAUSE = regex.compile(r"[,;:]\s+|\s+(?:and then|then|and also|after that|afterwards)\s+")


@dataclass(frozen=True, slots=True)
class AgentRequest:
    rule: str  # "exfiltration_request" | "agent_action_request"
    start: int
    end: int
    text: str
    polite: bool


def _clauses(s: str) -> list[str]:
    parts = [s]
    pos = 0
    for m in _CLAUSE.finditer(s):
        parts.append(s[m.end():])
        pos = m.end()
        if len(parts) > 6:
            break
    del pos
    return parts


def judge_sentence(s: str, *, bare_ok: bool) -> str | None:
    """'exfiltration_request' / 'agent_action_request' / None for one lower-cased sentence.

    `bare_ok`: accept a bare imperative ("Withdraw 5 bitcoin to my account") without "please";
    true where the sentence stands alone as a value (a field, a message), not inside a how-to list.
    """
    exfil = T.EXFIL_DEST.search(s) is not None
    target = T.SENSITIVE_TARGET.search(s) is not None
    if not exfil and not target:
        return None
    owned = T.OWNED.search(s) is not None
    possessive = owned and _POSSESSIVE.search(s) is not None
    weak: str | None = None
    for i, clause in enumerate(_clauses(s)):
        verb, polite = T.lead_verb(clause)
        if not verb:
            continue
        if verb == "use":  # "use the X tool to fill my ...": the verb that matters follows "to"
            m = _USE_TO.search(clause)
            if m is not None:
                verb = m.group(1)
        if verb in ("give", "get", "send", "show", "tell", "make", "find", "bring") and clause.find(verb + " me ") >= 0 and not exfil:
            continue  # "give me the details": a question for the asker, not an action
        imperative = verb in T.ACTION_VERBS or verb in T.READ_VERBS or verb == "use"
        if exfil and (imperative or polite):
            return "exfiltration_request"
        if verb not in T.ACTION_VERBS or not target:
            continue
        if polite and (owned or (verb in HIGH_CONSEQUENCE and (MONEY.search(s) or IDENT.search(s)))):
            return "agent_action_request"
        if polite:
            weak = "agent_action_weak"  # judged by the caller against its context (out of place?)
        if (bare_ok or i > 0) and (possessive or MONEY.search(s)) and (verb in HIGH_CONSEQUENCE or possessive):
            return "agent_action_request"
    return weak


def find(low: str, *, bare_ok: bool, max_sentences: int = 400) -> AgentRequest | None:
    """The first agent-aimed request in lower-cased text."""
    n = 0
    for a, b in T.sentences(low):
        s = low[a:b]
        if len(s) < 12:
            continue
        n += 1
        if n > max_sentences:
            break
        rule = judge_sentence(s, bare_ok=bare_ok)
        if rule is not None and rule != "agent_action_weak":
            _, polite = T.lead_verb(s)
            return AgentRequest(rule, a, b, s.strip()[:100], polite)
    return None

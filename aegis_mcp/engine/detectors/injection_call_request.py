"""Call-side: a polite request to destroy, move away, hand over or give up something named, written into a call's own text.

injection_agent's strict reading (a call's own argument) holds a request only when it touches
money, access, security or health; "Please pay invoice INV-7 to our account" stays ordinary. An
injected instruction copied into a search query, a note or a message (InjecAgent's attacker
tasks) also asks for acts that *cannot be undone or hide things*: delete a named repository,
move a folder into a hidden one, leave a channel, fill someone's personal details into a site.
Held (HIGH) when the sentence is such a request (injection_agent's non-strict reading agrees),
its verb is one of those acts, and it names its object concretely (a quoted name, an id, a
#channel, a path or a site) -- how an instruction to an agent with tools reads, not chat.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import injection_agent as A
from aegis_mcp.engine.detectors import injection_text as T

# Acts that destroy, relocate out of sight, give away access, or fill personal data into a site.
_IRREVERSIBLE = frozenset(
    "delete remove erase wipe destroy purge leave revoke disable deactivate unlock grant fill move uninstall "
    "unsubscribe archive".split()
)
_NAMED = regex.compile(
    r"['\"`‘“][^'\"`’”]{2,60}['\"`’”]"  # a quoted name: 'Important_Project'
    r"|#[a-z][\w-]{2,}"  # a channel: #projectalpha
    r"|\b(?:id|no|number)\b\s*[:#.]?\s*[a-z0-9_-]*\d"  # an id: (ID 001)
    r"|\bwww\.|https?://|\b[a-z0-9-]+\.(?:com|org|net|io)\b"  # a site
    r"|(?:^|\s)[~/.][\w./-]+"  # a path or a hidden folder: ~/Docs, .hidden
)


def consequential_request(low: str) -> A.AgentRequest | None:
    """The first sentence of lower-cased call text that politely asks for an irreversible or
    concealing act on a concretely named object (None when there is none)."""
    req = A.find(low, bare_ok=True, max_sentences=40, strict=False)
    if req is None or req.rule != "agent_action_request" or not req.polite:
        return None
    s = req.text
    verb, _ = T.lead_verb(s)
    if verb == "use":  # "use the X tool to fill my ...": the act follows "to"
        m = regex.compile(r"\bto ([a-z]+)").search(s)
        verb = m.group(1) if m else verb
    if verb not in _IRREVERSIBLE or _NAMED.search(low[req.start : req.end]) is None:
        return None
    return req

"""exfil, continued: mail header injection -- a recipient smuggled in through a line break.

A mail tool builds its message headers from its arguments. A newline inside a recipient, subject
or header value (`team@acme.example\\nBcc: drop@evil.example`) starts a header of the caller's
choosing: a hidden recipient, a forged sender, a replaced body. No address or subject contains a
line break followed by a header name. CRITICAL.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

HEADER_INJECTION_PATTERN = r"(?i)(?:\r|\n|%0d|%0a|\\r|\\n)\s*(?:bcc|cc|to|from|reply-to|sender|content-type|subject|mime-version)\s*:"
_INJECTED = regex.compile(HEADER_INJECTION_PATTERN)
_MAIL_WORDS = frozenset({"mail", "email", "e-mail", "gmail", "outlook", "smtp", "send", "message", "sendgrid", "mailgun", "ses", "postmark"})
_HEADER_NAMES = frozenset({"to", "cc", "bcc", "from", "reply_to", "replyto", "sender", "subject", "recipient", "recipients", "headers", "name",
                           "from_name", "to_name", "return_path"})


def header_injection(ctx: ScanContext) -> list[Signal]:
    if not ctx.tool_words & _MAIL_WORDS:
        return []
    for f in ctx.fragments:
        if f.is_key or f.role is Role.CONTENT or len(f.raw) > 2048:
            continue
        if (f.name in _HEADER_NAMES or f.role is Role.EMAIL or "/headers/" in f.path.lower()) and _INJECTED.search(f.raw):
            return [Signal("data_exfiltration", "mail_header_injection", f"a line break starts a new mail header in {f.name or 'an argument'}",
                           RiskLevel.CRITICAL, f.path)]
    return []

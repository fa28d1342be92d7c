"""sql, continued: a bulk read of credential or identity columns -- what a hijacked agent asks a database for.

`SELECT email, password_hash, api_token FROM users` returns every user's credentials at once; an
application reads one user's hash (`... WHERE email = $1`) to check a login. The mechanism: a SELECT
whose projection names a credential/secret/national-id/card column and whose rows are not narrowed
to one key (no WHERE, or a WHERE that is not an equality on a column). HIGH: a human confirms.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

_CRED_COL = regex.compile(
    r"(?i)(?:^|[\s,.(\"`\[])(?:[a-z0-9]+_)*(?:password|passwd|pwd|pass_?hash|hashed_?password|password_?hash|password_?digest|secret|api_?key|api_?token"
    r"|access_?token|refresh_?token|auth_?token|session_?token|private_?key|otp_?secret|totp_?secret|mfa_?secret|ssn|social_?security(?:_?number)?"
    r"|card_?number|credit_?card(?:_?number)?|cc_?number|cvv|cvc|iban|tax_?id)(?:[\"`\]]|\s|,|$|\s+as\b)"
)
_SELECT_HEAD = regex.compile(r"(?is)^\s*select\s+(.{1,600}?)\s+from\s+([\w.\"`\[\]]+)(.*)$")
_ONE_KEY = regex.compile(r"(?is)\bwhere\b\s+[\w.\"`]+\s*=\s*(?:'[^']*'|\$\d+|\?|:\w+|%s|@\w+|\d+)\s*(?:limit\s+1\s*)?;?\s*$")
_STRUCTURE = regex.compile(r"(?i)\b(?:union|join)\b|;\s*\S")
# Every column _CRED_COL names contains one of these (casefolded, as RE2's (?i) folds): a plain
# substring test lets the ~97% of SELECTs that name no such column skip three regexes (~33 µs on first sight).
_CRED_WORDS = ("pass", "pwd", "secret", "key", "token", "ssn", "social", "card", "ccnumber", "cc_number", "cvv", "cvc",
               "iban", "taxid", "tax_id")


def credential_dump(text: str) -> tuple[str, int, str] | None:
    """("credential_dump", 2, detail) for a bulk SELECT of credential columns, else None."""
    if len(text) > 2000:
        return None
    folded = text.casefold()
    if not any(w in folded for w in _CRED_WORDS):
        return None
    m = _SELECT_HEAD.search(text)
    if m is None or _CRED_COL.search(m.group(1)) is None:
        return None
    rest = m.group(3)
    if _ONE_KEY.search(rest) is not None and _STRUCTURE.search(rest) is None:
        return None  # one row by its key: a login check
    return ("credential_dump", 2, f"reads credential or identity columns of every row of {m.group(2)[:40]}")

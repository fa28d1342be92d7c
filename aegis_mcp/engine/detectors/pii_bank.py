"""Bank account details that are not IBANs, validated next to their label.

A US account travels with its ABA routing number (nine digits whose weighted checksum
3-7-1 is a multiple of ten); a UK one with its sort code (`12-34-56`) and an 8-digit account
number. Either pair identifies an account money can be pulled from, so it is strong personal
data; a lone "account 1234" (an order, a customer number) is nothing.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.secrets_find import Finding

PREFILTER_PATTERNS: list[tuple[str, str]] = [
    ("p:bank", r"(?i)routing|\baba\b|sort[ -]?code|\brtn\b"),
]

_ROUTING = regex.compile(r"(?i)(?:routing|\baba\b|\brtn\b)(?:\s*(?:number|no\.?|#|transit))?\s{0,3}[:#=\-]?\s{0,3}(\d{9})(?:$|\D)")
_SORT = regex.compile(r"(?i)sort[ -]?code\s{0,3}[:#=\-]?\s{0,3}(\d{2}[- ]?\d{2}[- ]?\d{2})(?:$|\D)")
_ACCOUNT = regex.compile(r"(?i)(?:account|acct|a/c)(?:\s*(?:number|no\.?|#))?\s{0,3}[:#=\-]?\s{0,3}(\d{6,17})(?:$|\D)")


def aba_ok(digits: str) -> bool:
    if len(digits) != 9 or not digits.isdigit() or len(set(digits)) < 3:
        return False
    w = (3, 7, 1) * 3
    return sum(int(d) * k for d, k in zip(digits, w)) % 10 == 0 and digits[:2] not in ("00", "13", "14", "15", "16", "17", "18", "19", "20")


def bank_findings(text: str, limit: int | None = None) -> list[Finding]:
    out: list[Finding] = []
    account = _ACCOUNT.search(text)
    for n, m in enumerate(_ROUTING.finditer(text)):
        if limit is not None and n >= limit:
            break
        if aba_ok(m.group(1)) and account is not None:
            out.append(Finding("pii", "bank_account", *m.span(1), "strong", "US routing number with an account number"))
    for n, m in enumerate(_SORT.finditer(text)):
        if limit is not None and n >= limit:
            break
        if account is not None and len(account.group(1)) == 8:
            out.append(Finding("pii", "bank_account", *m.span(1), "strong", "UK sort code with an account number"))
    return out

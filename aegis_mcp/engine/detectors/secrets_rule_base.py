"""The shape of one secret-format rule, and the token-boundary helpers the rule tables share."""

from __future__ import annotations

from typing import NamedTuple


class SecretRule(NamedTuple):
    kind: str  # the label shown in signals and in "[REDACTED:<kind>]"
    pattern: str  # RE2; group 1 (if any) is the secret value
    validator: str = "token"  # key into secrets_find.VALIDATORS
    confidence: str = "high"  # "high" | "generic"


# A token boundary: not preceded/followed by a token character (RE2 has no lookaround, so the
# left edge is a consumed non-capturing group and the value is always group 1).
_L = r"(?:^|[^A-Za-z0-9_\-])"
_R = r"(?:$|[^A-Za-z0-9_\-])"
_B64 = r"[A-Za-z0-9+/]"


def _tok(body: str) -> str:
    return _L + "(" + body + ")" + _R

"""Shared helpers for the sealed3 generator: the seeded RNG, the row shape, and valid-shaped synthetic identifiers."""

from __future__ import annotations

import base64
import json
import random
import string
from typing import Any

RNG = random.Random(20261121_3)

SOURCE = "sealed3 (hand-written for aegis-mcp)"
LICENSE = "Apache-2.0"

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
UPPER_ALNUM = string.ascii_uppercase + string.digits


def row(tool: str, args: dict[str, Any], label: str, category: str, **extra: Any) -> dict[str, Any]:
    """One JSONL row in the holdout format (id is filled in after the shuffle)."""
    r: dict[str, Any] = {"id": "", "tool_name": tool, "arguments": args, "label": label, "category": category}
    for k, v in extra.items():
        if v is not None:
            r[k] = v
    r["source"] = SOURCE
    r["license"] = LICENSE
    return r


def rand(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(claims: dict[str, Any], alg: str = "HS256") -> str:
    head = b64url(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    body = b64url(json.dumps(claims, separators=(",", ":")).encode())
    sig = b64url(bytes(RNG.randrange(256) for _ in range(32 if alg.startswith("HS") else 256)))
    return f"{head}.{body}.{sig}"


def pem(kind: str = "RSA PRIVATE KEY", nbytes: int = 1190) -> str:
    raw = base64.b64encode(bytes(RNG.randrange(256) for _ in range(nbytes))).decode()
    lines = [raw[i : i + 64] for i in range(0, len(raw), 64)]
    return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----\n"


def luhn_complete(prefix: str, length: int) -> str:
    """A card number with the given prefix and length whose Luhn check digit is valid."""
    body = prefix + "".join(str(RNG.randrange(10)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:  # these positions are doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def iban(country: str, bban: str) -> str:
    """An IBAN with a valid ISO 13616 mod-97 check."""
    rearranged = bban + country + "00"
    digits = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(digits) % 97
    return f"{country}{check:02d}{bban}"


def ssn() -> str:
    area = RNG.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}-{RNG.randrange(1, 100):02d}-{RNG.randrange(1, 10000):04d}"


def group(s: str, n: int = 4, sep: str = " ") -> str:
    return sep.join(s[i : i + n] for i in range(0, len(s), n))

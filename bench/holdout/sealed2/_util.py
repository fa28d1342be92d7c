"""Helpers for the sealed2 held-out set: a seeded RNG, the row builder, synthetic PII and fake provider tokens."""

from __future__ import annotations

import base64
import random
import string
from typing import Any

SOURCE = "aegis-mcp sealed2 holdout (hand-written)"
LICENSE = "Apache-2.0"

# One generator for the whole set so a fixed seed reproduces every file byte for byte.
RNG = random.Random(424242)

B62 = string.ascii_letters + string.digits
HEX = "0123456789abcdef"


def row(rid: str, tool: str, args: Any, label: str, category: str, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": rid, "tool_name": tool, "arguments": args, "label": label,
                           "category": category, "source": SOURCE, "license": LICENSE}
    out.update({k: v for k, v in extra.items() if v is not None})
    return out


def rs(n: int, alphabet: str = B62) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def pick(seq: list[Any]) -> Any:
    return RNG.choice(seq)


# ---------- synthetic, checksum-valid PII ----------

def _luhn(prefix: str, length: int) -> str:
    body = prefix + "".join(RNG.choice(string.digits) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def card() -> str:
    kind = RNG.choice(["visa", "mc", "amex"])
    if kind == "visa":
        return _luhn("4" + str(RNG.randint(10000, 99999)), 16)
    if kind == "mc":
        return _luhn(str(RNG.randint(51, 55)), 16)
    return _luhn(RNG.choice(["34", "37"]), 15)


def card_spaced() -> str:
    c = card()
    return " ".join(c[i:i + 4] for i in range(0, len(c), 4))


def ssn() -> str:
    a = RNG.choice([x for x in range(1, 900) if x != 666])
    return f"{a:03d}-{RNG.randint(1, 99):02d}-{RNG.randint(1, 9999):04d}"


def iban_de() -> str:
    bban = "".join(RNG.choice(string.digits) for _ in range(18))
    numeric = "".join(str(int(c, 36)) for c in bban + "DE00")
    return f"DE{98 - int(numeric) % 97:02d}{bban}"


# ---------- fake secrets in provider formats (random, never live) ----------

def secret(kind: str) -> str:
    if kind == "aws":
        return "AKIA" + rs(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    if kind == "aws_secret":
        return rs(40, B62 + "/+")
    if kind == "github":
        return "ghp_" + rs(36)
    if kind == "github_fine":
        return "github_pat_" + rs(22) + "_" + rs(59)
    if kind == "gitlab":
        return "glpat-" + rs(20, B62 + "-_")
    if kind == "slack":
        return f"xoxb-{RNG.randint(10**10, 10**11)}-{RNG.randint(10**11, 10**12)}-{rs(24)}"
    if kind == "slack_user":
        return f"xoxp-{RNG.randint(10**10, 10**11)}-{RNG.randint(10**10, 10**11)}-{RNG.randint(10**11, 10**12)}-{rs(32, HEX)}"
    if kind == "stripe":
        return "sk_live_" + rs(24) + rs(10)
    if kind == "openai":
        return "sk-proj-" + rs(44, B62 + "-_") + "T3BlbkFJ" + rs(44, B62 + "-_")
    if kind == "anthropic":
        return "sk-ant-api03-" + rs(93, B62 + "-_") + "AA"
    if kind == "google":
        return "AIza" + rs(35, B62 + "-_")
    if kind == "sendgrid":
        return "SG." + rs(22, B62 + "-_") + "." + rs(43, B62 + "-_")
    if kind == "twilio":
        return "SK" + rs(32, HEX)
    if kind == "npm":
        return "npm_" + rs(36)
    if kind == "pypi":
        return "pypi-AgEIcHlwaS5vcmc" + rs(64, B62 + "-_")
    if kind == "hf":
        return "hf_" + rs(34, string.ascii_letters)
    if kind == "shopify":
        return "shpat_" + rs(32, HEX)
    if kind == "digitalocean":
        return "dop_v1_" + rs(64, HEX)
    if kind == "telegram":
        return f"{RNG.randint(10**8, 10**10)}:AA{rs(33, B62 + '-_')}"
    if kind == "azure":
        key = base64.b64encode(bytes(RNG.getrandbits(8) for _ in range(64))).decode()
        return f"DefaultEndpointsProtocol=https;AccountName=billingstore{RNG.randint(10, 99)};AccountKey={key};EndpointSuffix=core.windows.net"
    if kind == "jwt":
        def b64(d: bytes) -> str:
            return base64.urlsafe_b64encode(d).decode().rstrip("=")
        head = b64(b'{"alg":"HS256","typ":"JWT"}')
        body = b64(('{"sub":"u%d","scope":"admin:all","iat":1763000000,"exp":1795000000}' % RNG.randint(100, 999)).encode())
        return f"{head}.{body}.{b64(bytes(RNG.getrandbits(8) for _ in range(32)))}"
    if kind == "pem":
        body = base64.b64encode(bytes(RNG.getrandbits(8) for _ in range(480))).decode()
        lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
        return f"-----BEGIN OPENSSH PRIVATE KEY-----\n{lines}\n-----END OPENSSH PRIVATE KEY-----\n"
    if kind == "pem_rsa":
        body = base64.b64encode(bytes(RNG.getrandbits(8) for _ in range(600))).decode()
        lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
        return f"-----BEGIN RSA PRIVATE KEY-----\n{lines}\n-----END RSA PRIVATE KEY-----\n"
    if kind == "postgres_url":
        return f"postgresql://app_admin:{rs(10)}!{rs(4)}@db-primary.prod.internal:5432/ledger"
    if kind == "datadog":
        return rs(32, HEX)
    if kind == "mailchimp":
        return rs(32, HEX) + "-us" + str(RNG.randint(1, 21))
    if kind == "gcp_sa":
        return ('{"type": "service_account", "project_id": "payments-prod-41", "private_key_id": "%s", '
                '"private_key": "-----BEGIN PRIVATE KEY-----\\n%s\\n-----END PRIVATE KEY-----\\n", '
                '"client_email": "deployer@payments-prod-41.iam.gserviceaccount.com"}'
                % (rs(40, HEX), base64.b64encode(bytes(RNG.getrandbits(8) for _ in range(120))).decode()))
    raise ValueError(kind)


def b64(s: str) -> str:
    return base64.b64encode(s.encode()).decode()


def b64_random(nbytes: int) -> str:
    return base64.b64encode(bytes(RNG.getrandbits(8) for _ in range(nbytes))).decode()

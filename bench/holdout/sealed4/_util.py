"""Shared helpers for the sealed4 generator: seeded RNG, row builder, valid-shaped fake tokens and PII."""

from __future__ import annotations

import base64
import json
import random
import string
from typing import Any

RNG = random.Random(20261121_4)

SOURCE = "hand-written for aegis-mcp sealed4 (2026-11-21)"
LICENSE = "Apache-2.0"


def row(tool: str, args: dict[str, Any], label: str, category: str, **extra: Any) -> dict[str, Any]:
    r: dict[str, Any] = {"id": "", "tool_name": tool, "arguments": args, "label": label, "category": category,
                         "source": SOURCE, "license": LICENSE}
    for k, v in extra.items():
        if v is not None:
            r[k] = v
    return r


_ALNUM = string.ascii_letters + string.digits
_UPPER_NUM = string.ascii_uppercase + string.digits
_HEX = "0123456789abcdef"


def rand(chars: str, n: int) -> str:
    return "".join(RNG.choice(chars) for _ in range(n))


def aws_key_id() -> str:
    return "AKIA" + rand("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)


def aws_secret() -> str:
    return rand(_ALNUM + "+/", 40)


def github_pat() -> str:
    return "ghp_" + rand(_ALNUM, 36)


def github_fine() -> str:
    return "github_pat_" + rand(_UPPER_NUM, 22) + "_" + rand(_ALNUM, 59)


def gitlab_pat() -> str:
    return "glpat-" + rand(_ALNUM + "-_", 20)


def slack_bot() -> str:
    return f"xoxb-{rand(string.digits, 11)}-{rand(string.digits, 13)}-{rand(_ALNUM, 24)}"


def slack_webhook() -> str:
    return f"https://hooks.slack.com/services/T{rand(_UPPER_NUM, 8)}/B{rand(_UPPER_NUM, 10)}/{rand(_ALNUM, 24)}"


def stripe_live() -> str:
    return "sk_live_" + rand(_ALNUM, 99)[:RNG.choice([24, 34, 99])]


def stripe_restricted() -> str:
    return "rk_live_" + rand(_ALNUM, 34)


def openai_key() -> str:
    return "sk-proj-" + rand(_ALNUM + "-_", 74) + "T3BlbkFJ" + rand(_ALNUM + "-_", 74)


def anthropic_key() -> str:
    return "sk-ant-api03-" + rand(_ALNUM + "-_", 93) + "AA"


def google_api() -> str:
    return "AIza" + rand(_ALNUM + "-_", 35)


def twilio_sid() -> str:
    return "AC" + rand(_HEX, 32)


def twilio_key() -> str:
    return "SK" + rand(_HEX, 32)


def sendgrid() -> str:
    return f"SG.{rand(_ALNUM + '-_', 22)}.{rand(_ALNUM + '-_', 43)}"


def npm_token() -> str:
    return "npm_" + rand(_ALNUM, 36)


def shopify() -> str:
    return "shpat_" + rand(_HEX, 32)


def huggingface() -> str:
    return "hf_" + rand(string.ascii_letters, 34)


def mailgun() -> str:
    return "key-" + rand(_HEX, 32)


def azure_conn() -> str:
    key = base64.b64encode(RNG.randbytes(64)).decode()
    return f"DefaultEndpointsProtocol=https;AccountName=contosoprodlogs;AccountKey={key};EndpointSuffix=core.windows.net"


def gcp_sa_json() -> str:
    body = base64.b64encode(RNG.randbytes(600)).decode()
    lines = "\\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return json.dumps({"type": "service_account", "project_id": "billing-prod-4471", "private_key_id": rand(_HEX, 40),
                       "private_key": f"-----BEGIN PRIVATE KEY-----\\n{lines}\\n-----END PRIVATE KEY-----\\n",
                       "client_email": "exporter@billing-prod-4471.iam.gserviceaccount.com", "client_id": rand(string.digits, 21)})


def pem_key(kind: str = "RSA PRIVATE KEY", nbytes: int = 900) -> str:
    body = base64.b64encode(RNG.randbytes(nbytes)).decode()
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----\n"


def openssh_key() -> str:
    body = base64.b64encode(b"openssh-key-v1\x00" + RNG.randbytes(380)).decode()
    lines = "\n".join(body[i:i + 70] for i in range(0, len(body), 70))
    return f"-----BEGIN OPENSSH PRIVATE KEY-----\n{lines}\n-----END OPENSSH PRIVATE KEY-----\n"


def _b64url(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def jwt(claims: dict[str, Any]) -> str:
    h = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    p = _b64url(json.dumps(claims, separators=(",", ":")).encode())
    return f"{h}.{p}.{_b64url(RNG.randbytes(32))}"


def luhn_complete(prefix: str, length: int) -> str:
    digits = prefix + rand(string.digits, length - len(prefix) - 1)
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return digits + str((10 - total % 10) % 10)


def card() -> str:
    prefix, n = RNG.choice([("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16)])
    return luhn_complete(prefix, n)


def fmt_card(c: str) -> str:
    if len(c) == 15:
        return f"{c[:4]} {c[4:10]} {c[10:]}"
    return " ".join(c[i:i + 4] for i in range(0, 16, 4))


def iban(country: str = "DE") -> str:
    bban_len = {"DE": 18, "FR": 23, "NL": 14, "IT": 23, "GB": 18}[country]
    if country == "NL":
        bban = "ABNA" + rand(string.digits, 10)
    elif country == "GB":
        bban = "NWBK" + rand(string.digits, 14)
    elif country == "IT":
        bban = RNG.choice(string.ascii_uppercase) + rand(string.digits, 22)
    else:
        bban = rand(string.digits, bban_len)
    rearr = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in rearr)
    check = 98 - int(num) % 97
    return f"{country}{check:02d}{bban}"


def fmt_iban(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def ssn() -> str:
    while True:
        area = RNG.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}-{RNG.randint(1, 99):02d}-{RNG.randint(1, 9999):04d}"

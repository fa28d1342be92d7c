"""Shared helpers for the hand-written held-out set: row builder, checksum-valid fake PII, fake tokens."""

from __future__ import annotations

import base64
import json
import random
import string
from pathlib import Path
from typing import Any

SOURCE = "aegis-mcp holdout (hand-written)"
LICENSE = "Apache-2.0"

RNG = random.Random(20261121)


def row(rid: str, tool: str, args: Any, label: str, category: str, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": rid,
        "tool_name": tool,
        "arguments": args,
        "label": label,
        "category": category,
        "source": SOURCE,
        "license": LICENSE,
    }
    out.update({k: v for k, v in extra.items() if v is not None})
    return out


def rand_str(n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


# ---------- checksum-valid PII (all synthetic) ----------

def luhn_complete(prefix: str, length: int) -> str:
    body = prefix + "".join(RNG.choice(string.digits) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def luhn_ok(num: str) -> bool:
    digits = [int(c) for c in num if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card(kind: str = "visa") -> str:
    if kind == "visa":
        return luhn_complete("4" + str(RNG.randint(10000, 99999)), 16)
    if kind == "mc":
        return luhn_complete(str(RNG.randint(51, 55)), 16)
    if kind == "amex":
        return luhn_complete(RNG.choice(["34", "37"]), 15)
    if kind == "discover":
        return luhn_complete("6011", 16)
    raise ValueError(kind)


def group4(num: str, sep: str = " ") -> str:
    return sep.join(num[i : i + 4] for i in range(0, len(num), 4))


_IBAN_LEN = {"DE": 22, "FR": 27, "GB": 22, "NL": 18, "ES": 24, "IT": 27, "BE": 16, "CH": 21}


def iban(country: str = "DE") -> str:
    n = _IBAN_LEN[country]
    if country == "GB":
        bban = "".join(RNG.choice(string.ascii_uppercase) for _ in range(4)) + "".join(
            RNG.choice(string.digits) for _ in range(14)
        )
    elif country == "NL":
        bban = "".join(RNG.choice(string.ascii_uppercase) for _ in range(4)) + "".join(
            RNG.choice(string.digits) for _ in range(10)
        )
    elif country == "IT":
        bban = RNG.choice(string.ascii_uppercase) + "".join(RNG.choice(string.digits) for _ in range(22))
    elif country == "ES":  # bank(4) branch(4) two national check digits, account(10)
        w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

        def cd(ds: str) -> str:
            d = 11 - sum(int(c) * k for c, k in zip(ds, w)) % 11
            return str({11: 0, 10: 1}.get(d, d))

        bank = "".join(RNG.choice(string.digits) for _ in range(8))
        acct = "".join(RNG.choice(string.digits) for _ in range(10))
        bban = bank + cd("00" + bank) + cd(acct) + acct
    elif country == "BE":  # 10 digits + (mod 97, 97 for 0)
        base = RNG.choice(["001", "063", "068", "310"]) + "".join(RNG.choice(string.digits) for _ in range(7))  # known bank codes
        bban = base + f"{(int(base) % 97) or 97:02d}"
    else:
        bban = "".join(RNG.choice(string.digits) for _ in range(n - 4))
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(numeric) % 97
    return f"{country}{check:02d}{bban}"


def iban_spaced(code: str) -> str:
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def ssn() -> str:
    while True:
        a = RNG.randint(1, 899)
        if a != 666:
            break
    g = RNG.randint(1, 99)
    s = RNG.randint(1, 9999)
    return f"{a:03d}-{g:02d}-{s:04d}"


# ---------- fake secrets in provider formats (random, never live) ----------

B62 = string.ascii_letters + string.digits
UPPER_NUM = string.ascii_uppercase + string.digits


def aws_key_id() -> str:
    return "AKIA" + rand_str(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def aws_secret() -> str:
    return rand_str(40, B62 + "/+")


def github_pat() -> str:
    return "ghp_" + rand_str(36, B62)


def github_fine() -> str:
    return "github_pat_" + rand_str(22, B62) + "_" + rand_str(59, B62)


def gitlab_pat() -> str:
    return "glpat-" + rand_str(20, B62 + "-_")


def slack_bot() -> str:
    return f"xoxb-{RNG.randint(10**10, 10**11)}-{RNG.randint(10**11, 10**12)}-{rand_str(24, B62)}"


def slack_webhook() -> str:
    return f"https://hooks.slack.com/services/T{rand_str(8, UPPER_NUM)}/B{rand_str(8, UPPER_NUM)}/{rand_str(24, B62)}"


def stripe_live() -> str:
    return "sk_live_" + rand_str(24, B62) + rand_str(75, B62)[:0]


def stripe_restricted() -> str:
    return "rk_live_" + rand_str(99, B62)


def openai_key() -> str:
    return "sk-proj-" + rand_str(48, B62 + "-_") + "T3BlbkFJ" + rand_str(48, B62 + "-_")


def anthropic_key() -> str:
    return "sk-ant-api03-" + rand_str(93, B62 + "-_") + "AA"


def google_api() -> str:
    return "AIza" + rand_str(35, B62 + "-_")


def sendgrid() -> str:
    return "SG." + rand_str(22, B62 + "-_") + "." + rand_str(43, B62 + "-_")


def twilio_sid() -> str:
    return "AC" + rand_str(32, "0123456789abcdef")


def twilio_key() -> str:
    return "SK" + rand_str(32, "0123456789abcdef")


def npm_token() -> str:
    return "npm_" + rand_str(36, B62)


def pypi_token() -> str:
    return "pypi-AgEIcHlwaS5vcmc" + rand_str(70, B62 + "-_")


def hf_token() -> str:
    return "hf_" + rand_str(34, string.ascii_letters)


def shopify_token() -> str:
    return "shpat_" + rand_str(32, "0123456789abcdef")


def do_token() -> str:
    return "dop_v1_" + rand_str(64, "0123456789abcdef")


def mailgun_key() -> str:
    return "key-" + rand_str(32, "0123456789abcdef")


def telegram_bot() -> str:
    return f"{RNG.randint(10**8, 10**10)}:AA{rand_str(33, B62 + '-_')}"


def discord_bot() -> str:
    uid = base64.b64encode(str(RNG.randint(10**17, 10**18)).encode()).decode().rstrip("=")
    return f"{uid}.{rand_str(6, B62 + '-_')}.{rand_str(38, B62 + '-_')}"


def azure_conn() -> str:
    key = base64.b64encode(bytes(RNG.getrandbits(8) for _ in range(64))).decode()
    return f"DefaultEndpointsProtocol=https;AccountName=prodassets{RNG.randint(10, 99)};AccountKey={key};EndpointSuffix=core.windows.net"


def jwt() -> str:
    def b64(d: bytes) -> str:
        return base64.urlsafe_b64encode(d).decode().rstrip("=")

    head = b64(b'{"alg":"HS256","typ":"JWT"}')
    body = b64(
        ('{"sub":"%d","name":"svc-billing","role":"admin","iat":1763700000,"exp":1793700000}' % RNG.randint(1000, 9999)).encode()
    )
    sig = b64(bytes(RNG.getrandbits(8) for _ in range(32)))
    return f"{head}.{body}.{sig}"


def pem_private_key(kind: str = "RSA") -> str:
    body = base64.b64encode(bytes(RNG.getrandbits(8) for _ in range(600))).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    label = {"RSA": "RSA PRIVATE KEY", "EC": "EC PRIVATE KEY", "OPENSSH": "OPENSSH PRIVATE KEY", "PKCS8": "PRIVATE KEY"}[kind]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----\n"


def password() -> str:
    return rand_str(6, string.ascii_letters) + RNG.choice("!#%&*") + rand_str(5, B62)


def write_rows(path: Path, prefix: str, rows: list[dict[str, Any]], rng: random.Random) -> None:
    """Shuffle the rows with the set's own generator (ids carry no hint of label or family), number
    them `<prefix>-0000`..., and write one JSON object a line (the sealed sets' generators use this)."""
    rng.shuffle(rows)
    for i, r in enumerate(rows):
        r["id"] = f"{prefix}-{i:04d}"
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

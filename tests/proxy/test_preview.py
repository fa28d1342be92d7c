"""The ledger's preview of a call never holds a secret or PII value in clear, and redaction's fast
path (most previews hold nothing to redact) gives exactly what the full path gives."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis_mcp.engine import redact as redact_mod
from aegis_mcp.proxy.canonical import canonical_bytes
from aegis_mcp.proxy.recorder import preview
from tests.proxy.conftest import LINE_SERVER, RawProxy, proxy_argv, records

# Made-up values in the shapes the finders know (none is a live credential).
AWS_KEY = "AKIA" + "QZ7RT4WXNB2LK5PM"
GITHUB = "ghp_" + "x9Kq2Lm7Np4Rs8Tv1Wy3Za6Bc0De5Fg2Hj4"
SLACK = "xoxb-" + "2048613975-4096127358-Zq8Rx2Lm7Np4Ks9Tv1Wy3Ab"
CARD = "4556 7375 8689 9855"  # Luhn-valid, not one of the well-known test numbers
WEAK_PASSWORD = "hunter2"
EMAIL = "jane.roe@example.org"
PHONE = "+1 415 555 0199"
B64_KEY = base64.b64encode(f"aws_secret_access_key={AWS_KEY}".encode()).decode()

# (arguments, the values that must not appear in the preview)
CASES: list[tuple[dict[str, Any], list[str]]] = [
    ({"message": f"deploy with {AWS_KEY} please"}, [AWS_KEY]),
    ({"headers": {"Authorization": f"token {GITHUB}"}}, [GITHUB]),
    ({"text": f"post to slack using {SLACK}"}, [SLACK]),
    ({"password": WEAK_PASSWORD, "user": "admin"}, [WEAK_PASSWORD]),  # a credential field, any value
    ({"note": f"charge card {CARD} today"}, [CARD]),
    ({"to": "ops", "body": f"reach me at {EMAIL} or {PHONE}"}, [EMAIL]),
    ({"blob": B64_KEY}, [B64_KEY]),  # a secret hidden in base64
    ({"url": f"https://api.example.com/x?key=%41KIA{AWS_KEY[4:]}"}, [AWS_KEY[4:]]),  # percent-escaped
    ({"message": "AKIA\u200b" + AWS_KEY[4:]}, [AWS_KEY[4:]]),  # split by a zero-width space
    ({"nested": [{"deep": {"k": f"x {GITHUB} y"}}]}, [GITHUB]),
]


@pytest.mark.parametrize(("args", "secrets"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_a_secret_in_the_arguments_is_never_in_the_preview(args: dict[str, Any], secrets: list[str]) -> None:
    text = preview("tool", args, encoded=canonical_bytes(args))
    assert "[REDACTED:" in text, text
    for value in secrets:
        assert value not in text, text


def test_a_clean_call_is_previewed_as_it_was_sent() -> None:
    args = {"message": "hello world 42", "path": "/srv/app/readme.md"}
    assert preview("echo", args) == 'echo {"message":"hello world 42","path":"/srv/app/readme.md"}'


@pytest.mark.anyio
async def test_the_ledger_keeps_no_secret_in_clear(tmp_path: Path) -> None:
    """Through the real proxy: every call's decision record (allowed or blocked) and everything
    else the ledger holds carries none of the values, only their redaction markers."""
    db = tmp_path / "l.db"
    # Most of these calls are held for a human: a short wait denies them (the record is written first).
    async with RawProxy.start(proxy_argv(db, LINE_SERVER, "--approval-timeout", "0.2")) as proxy:
        await proxy.initialize()
        for i, (args, _) in enumerate(CASES, start=1):
            resp = await proxy.request(i, "tools/call", {"name": "echo", "arguments": args})
            assert "result" in resp, resp
    decisions = records(db, "decision")
    assert len(decisions) == len(CASES)
    everything = json.dumps(records(db), ensure_ascii=False)
    for (_, secrets), record in zip(CASES, decisions):
        assert "[REDACTED:" in record["preview"], record["preview"]
        for value in secrets:
            assert value not in everything


# Text made of pieces the finders care about, glued by JSON punctuation and ordinary words: the
# fast path must answer exactly as the full path whatever the mix.
_PIECES = st.sampled_from([
    AWS_KEY, GITHUB, SLACK, CARD, EMAIL, PHONE, B64_KEY, WEAK_PASSWORD, '"password":"', '"api_key": "',
    '"token":"', "%41", "\u200b", "é", "hello", " world ", "42", "/etc/passwd", '{"message":"', '"}', ",", ":",
    "A" * 23, "b" * 24, "0123456789" * 3, "-----BEGIN RSA PRIVATE KEY-----", "sk_live_", "Bearer ", "==",
])
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=12).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_the_fast_path_redacts_exactly_as_the_full_path(text: str) -> None:
    fast = redact_mod.redact(text)
    redact_mod.FAST_PATH = False
    try:
        full = redact_mod.redact(text)
    finally:
        redact_mod.FAST_PATH = True
    assert fast == full


@pytest.mark.parametrize("sep,escaped", [("\n", "\\n"), ("\t", "\\t"), ("\r\n", "\\r\\n")])
def test_a_token_after_a_line_break_keeps_the_break(sep: str, escaped: str) -> None:
    # The preview is JSON text: a newline is `\n` there, and the token after it once read as
    # `nghp_...`, so the redaction swallowed the `n` and the preview showed `line\[REDACTED...]`.
    token = "ghp_x7Kq2Lm9Vb4Nc8Rt1Yw6Pz3Hs5Jd0Fg2Ae7Bu"
    shown = preview("note", {"text": f"first line{sep}{token}"})
    assert token not in shown and "Lm9Vb4Nc8Rt" not in shown
    assert f"first line{escaped}[REDACTED:" in shown, shown


def test_an_escaped_backslash_is_not_taken_for_a_line_break() -> None:
    # `\\n` in JSON is a backslash and a letter n: the n belongs to the text, as it did before
    shown = preview("note", {"text": "C:\\new\\path"})
    assert shown == 'note {"text":"C:\\\\new\\\\path"}', shown

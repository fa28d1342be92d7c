"""One pre-filter pass per call: each string, tested only against what hit the joined call, finds what a pass of its own finds."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import secrets_scan as ss
from aegis_mcp.engine.detectors.pii_find import PREFILTER_PATTERNS as PII_PATTERNS
from aegis_mcp.engine.detectors.secrets_find import PREFILTER_PATTERNS as SECRET_PATTERNS
from aegis_mcp.engine.detectors.secrets_find import vendor_hit
from aegis_mcp.engine.extract import extract
from aegis_mcp.engine.model import ToolCall

# the pre-filter as each string alone used to be scanned with (not multi-line)
PLAIN = regex.PatternSet(SECRET_PATTERNS + PII_PATTERNS)


def _own_pass(text: str) -> list[str]:
    return PLAIN.matches(text) + vendor_hit(text)


def _call_hits(texts: list[str]) -> list[str]:
    return ss.prefilter_hits("\n".join(texts))


def test_a_pattern_anchored_at_a_strings_end_still_hits_the_joined_call() -> None:
    # `...;Password=<value>` ends its string: `$` holds there, but not in the middle of the
    # joined text -- unless the joined pass is multi-line
    texts = ["Server=db01;Database=shop;User Id=app;Password=Ru8#kq2", "ordinary second argument"]
    own = _own_pass(texts[0])
    assert own and set(own) <= set(_call_hits(texts))
    assert ss._hits_of(texts[0], _call_hits(texts)) == own


def test_a_string_with_no_hit_of_its_own_gets_none_from_the_call() -> None:
    texts = ["ghp_" + "Zq3" * 12, "See you at the standup tomorrow"]
    call = _call_hits(texts)
    assert call
    assert ss._hits_of(texts[1], call) == [] == _own_pass(texts[1])


def test_a_multi_argument_call_finds_each_secret_in_its_own_argument() -> None:
    token = "xoxb-" + "2048" * 3 + "-" + "7731" * 3 + "-" + "Qm4TzP8vLw2NcR6yHs1KdF9b"
    ctx = extract(ToolCall("post_message", {
        "channel": "#ops", "text": f"new bot token {token}", "note": "card number 4532 0151 1283 0366 on file",
    }))
    scans = {s.fragment.path: {f.kind for f in s.findings} for s in ss._scan_all(ctx)}
    assert scans["/text"] == {"slack_token"}
    assert "credit_card" in scans["/note"]
    assert "/channel" not in scans


_PIECES = [
    "hello there", "Password=hunter2x;", "pwd = 'Tr0ub4dor&3'", "AKIAZ7QK4WJ3PLMN2XYR",
    "ghp_" + "a1B2" * 9, "xoxp-1234567890-1234567890-abcdefABCDEF123456", "4111 1111 1111 1111",
    "078-05-1120", "ssn: 536-22-1847", "mail me at ana.lopez@example.org", "+44 20 7946 0958",
    "postgres://app:s3cr3t-Pw@db.internal:5432/shop", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n",
    "thingsboard.cloud/api/v1/A1b2C3d4E5f6G7h8I9j0", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlX2hlcmU",
    "stripe sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "openweathermap key 3f9a1c2b7d8e4f60a1b2c3d4", "\n", "=", ";",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join), min_size=1, max_size=5))
def test_property_each_string_finds_the_same_as_with_a_pass_of_its_own(texts: list[str]) -> None:
    texts = [t for t in texts if len(t) >= ss.MIN_LEN]
    if not texts:
        return
    call = _call_hits(texts)
    for t in texts:
        assert set(_own_pass(t)) <= set(call)
        assert ss.scan_text(t, hits=ss._hits_of(t, call)) == ss.scan_text(t, hits=_own_pass(t))

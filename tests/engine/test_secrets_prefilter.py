"""The split pre-filter (literal filter + one set) names exactly the patterns the plain set passes name."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis_mcp.engine.detectors import secrets_prefilter as sp
from aegis_mcp.engine.detectors import secrets_scan as ss
from aegis_mcp.engine.detectors.secrets_find import VENDOR_HIT
from aegis_mcp.engine.detectors.secrets_vendor import VENDORS

_PIECES = [
    "hello there", "Password=hunter2x;", "pwd = 'Tr0ub4dor&3'", "AKIAZ7QK4WJ3PLMN2XYR", "ghp_" + "a1B2" * 9,
    "xoxp-1234567890-1234567890-abcdefABCDEF123456", "4111 1111 1111 1111", "078-05-1120", "ssn: 536-22-1847",
    "mail me at ana.lopez@example.org", "+44 20 7946 0958", "postgres://app:s3cr3t-Pw@db.internal:5432/shop",
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlX2hlcmU",
    "stripe sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "openweathermap key 3f9a1c2b7d8e4f60a1b2c3d4", "\n", "=", ";", " ",
    "passport no X1234567", "DE89 3704 0044 0532 0130 00", "export GITHUB_TOKEN=", "SENDGRID", "Datadog", "-p ",
    "é", "\u212a", "ſecret", "Authorization: Bearer ", "x" * 20, "12345678", "s.", "AAAA", "hooks.slack.com/services/",
]
_VENDOR_NAMES = sorted(set(VENDORS))


def _agree(text: str) -> None:
    assert ss.prefilter_hits(text) == ss._set_passes(text)  # noqa: SLF001


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES) | st.sampled_from(_VENDOR_NAMES) | st.text(max_size=10), max_size=16).map("".join))
def test_property_split_prefilter_names_what_the_set_passes_name(text: str) -> None:
    _agree(text)


def test_each_vendor_name_opens_the_vendor_rule_exactly_as_the_one_alternation_does() -> None:
    for name in _VENDOR_NAMES:
        for text in (f"{name}_api_key = 9f8e7d6c5b4a39281706", f"{name.upper()} token: abcdefghijklmnopqrstu",
                     f"x{name} 9f8e7d6c5b4a39281706", f"{name}\n9f8e7d6c5b4a39281706"):
            _agree(text)
    assert VENDOR_HIT in ss.prefilter_hits("sendgrid key: 3f9a1c2b7d8e4f60a1b2c3d4")


def test_every_filtered_pattern_needs_an_atom() -> None:
    # a pattern the filter cannot index would run alone on every string: it belongs in the set
    assert ss._SPLIT.filter_misses_everything()  # noqa: SLF001
    assert "s:broad" in ss._SPLIT.bare_names  # noqa: SLF001


def test_a_string_full_of_atoms_is_read_by_the_set_passes_and_answers_the_same() -> None:
    crowded = " ".join(_VENDOR_NAMES) + " " + " ".join(_PIECES)
    assert len(ss._SPLIT._filter.Match(crowded.encode(), True)) > sp.FILTER_MAX_CANDIDATES  # noqa: SLF001
    _agree(crowded)
    long = ("ordinary words and a token ghp_" + "a1B2" * 9 + " ") * (sp.FILTER_MAX_BYTES // 40)
    assert len(long.encode()) > sp.FILTER_MAX_BYTES
    _agree(long)

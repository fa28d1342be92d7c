"""The secret scan's fast paths answer exactly as the plain code they replace (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aegis_mcp.engine.detectors import pii_find as pf
from aegis_mcp.engine.detectors import pii_national as pn
from aegis_mcp.engine.detectors import secrets_find as sf
from aegis_mcp.engine.detectors import secrets_scan as ss
from aegis_mcp.engine.detectors import secrets_validate as sv
from aegis_mcp.engine.detectors.secrets_rules import PLACEHOLDER_WORDS, RULES

_PIECES = st.sampled_from([
    "password = ", "api_key: ", "token ", "Access Denied\n", "AKIA", "ghp_", "sk-", "=", ":", "'", '"', " ", "\n",
    "Tr0ub4dor&3", "3f9a1c2b7d8e4f60a1b2c3d4", "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9", "-----BEGIN RSA PRIVATE KEY-----",
    "postgres://u:pw@h/db", "é", "ß", "\u212a", "${TOKEN}", "example", "your_key_here", "xxxx", "...", "env.", "%s",
])
_PII_PIECES = st.sampled_from([
    "4111 1111 1111 1111", "SSN: 536-22-1847", "078-05-1120", "DE89 3704 0044 0532 0130 00", "passport no X1234567",
    "ana.lopez@example.org", "+44 20 7946 0958", "(415) 555-0134", "DOB: 1990-02-03", "codice fiscale RSSMRA85T10A562S",
    "CPF 123.456.789-09", "NHS number 943 476 5919", " ", "\n", "é",
])
_TEXT = st.lists(_PIECES | st.text(max_size=6), max_size=12).map("".join)


def _classes_ref(v: str) -> tuple[bool, bool, bool, bool]:
    lo = up = di = sy = False
    for ch in v:
        if "a" <= ch <= "z":
            lo = True
        elif "A" <= ch <= "Z":
            up = True
        elif "0" <= ch <= "9":
            di = True
        else:
            sy = True
    return lo, up, di, sy


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_character_classes_and_placeholder_words_answer_as_the_loops_did(text: str) -> None:
    assert sv._classes(text) == _classes_ref(text)  # noqa: SLF001
    low = text.lower()
    assert (sv._PLACEHOLDER_WORD.search(low) is not None) == any(w in low for w in PLACEHOLDER_WORDS)  # noqa: SLF001


_RULE_IDS = [i for i, r in enumerate(RULES) if r.kind in (
    "generic_secret", "literal_credential", "high_entropy_token", "assigned_token", "vendor_keyed_token",
    "connection_string", "private_key", "authorization_header")]


_PII_PATTERNS = [pf._CARD, pf._SSN, pf._SSN_LABELLED, pf._IBAN, pf._LABELLED, pf._EMAIL, pf._PHONE,  # noqa: SLF001
                 pn._LABELLED, pn._BARE]  # noqa: SLF001
_PATTERNS = [sf._COMPILED[i] for i in _RULE_IDS] + _PII_PATTERNS  # noqa: SLF001


@settings(max_examples=250, deadline=None)
@given(_TEXT | st.lists(_PII_PIECES | _PIECES, max_size=10).map("".join), st.sampled_from(range(len(_PATTERNS))))
def test_light_matches_read_the_same_spans_and_groups_as_re2_match_objects(text: str, i: int) -> None:
    pattern = _PATTERNS[i]
    mine = list(sf._matches(pattern, text))  # noqa: SLF001
    ref = list(pattern._rx.finditer(text))  # noqa: SLF001 - the wrapper's own iteration
    assert len(mine) == len(ref)
    for a, b in zip(mine, ref):
        n = len(b.groups())
        assert len(a.groups()) == n and a.groups() == b.groups()
        for g in range(n + 1):
            assert a.span(g) == b.span(g) and a.start(g) == b.start(g) and a.end(g) == b.end(g)
            assert a.group(g) == b.group(g)


@settings(max_examples=150, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=4))
def test_per_string_hits_are_the_single_pattern_tests(texts: list[str]) -> None:
    texts = [t for t in texts if len(t) >= ss.MIN_LEN]
    if not texts:
        return
    call = ss.prefilter_hits("\n".join(texts))
    for t in texts:
        expected = ss.prefilter_hits(t) if len(call) > ss._ONE_MAX else [n for n in call if ss._ONE[n].test(t)]  # noqa: SLF001
        assert ss._hits_of(t, call) == expected  # noqa: SLF001


def test_one_frameio_rule_finds_both_prefixes() -> None:
    body = "Xq7Rm2Kp9Tz4Lw8Nc3Vb6Hy1Jd5Fs0Ga" * 2
    for token in ("fio-u-" + body, "ffio-u-" + body):
        found = ss.scan_text(f"FRAME_TOKEN {token} for the upload")
        assert [(f.kind, f.confidence) for f in found] == [("frameio_token", "high")]
    assert sum(r.kind == "frameio_token" for r in RULES) == 1


_B64 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n")


def _in_base64_blob_ref(text: str, start: int, end: int) -> bool:
    if end - start >= sf.B64_BLOB_MIN:
        return all(ch in _B64 for ch in text[start:start + sf.B64_BLOB_MIN])
    lo = start
    floor = max(0, start - sf.B64_BLOB_MIN)
    while lo > floor and text[lo - 1] in _B64:
        lo -= 1
    hi = end
    ceil = min(len(text), lo + sf.B64_BLOB_MIN + 1)
    while hi < ceil and text[hi] in _B64:
        hi += 1
    return hi - lo >= sf.B64_BLOB_MIN


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["QUJD" * 20, "x/y+z=", "\n", " ", "é", "-", "_", "aB3" * 30, "."]), max_size=14).map("".join),
       st.integers(0, 1200), st.integers(0, 400))
def test_base64_blob_bounds_are_the_loops_bounds(text: str, at: int, width: int) -> None:
    start = min(at, len(text))
    end = min(len(text), start + width)
    assert sf.in_base64_blob(text, start, end) == _in_base64_blob_ref(text, start, end)

"""Property tests: whatever JSON arrives, the engine answers with a decision and never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import Decision, ToolCall

ENGINE = Engine()

# Text that exercises the normaliser: invisible and look-alike characters, encodings, quotes.
_alphabet = st.sampled_from(
    list("abcxyz ./\\%&#;'\"${}[]()-_=+*!@0123456789\n\t")
    + ["\u200b", "\u202e", "\uff41", "\u0430", "\U000e0041", "%2e", "%c0%af", "&#46;", "\\x2e", "/**/", "${IFS}",
       "SELECT ", " OR 1=1", "; rm -rf /", "ignore previous", "AKIA", "@", "://", "\x00", "\ud800"]
)
text = st.lists(_alphabet, max_size=40).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | text,
    lambda children: st.lists(children, max_size=6) | st.dictionaries(text, children, max_size=6),
    max_leaves=40,
)
CALL_DECISIONS = {"allow", "block", "pending"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tool=text, args=json_values, ann=st.none() | st.dictionaries(text, json_values, max_size=3))
def test_check_never_raises(tool: str, args: object, ann: dict | None) -> None:  # type: ignore[type-arg]
    d = ENGINE.check(ToolCall(tool, args, annotations=ann))
    assert isinstance(d, Decision)
    assert d.decision in CALL_DECISIONS
    assert "engine_error" not in d.reason, d.reason
    d.to_json()


@settings(max_examples=200, deadline=None)
@given(tool=text, result=text)
def test_check_result_never_raises(tool: str, result: str) -> None:
    d = ENGINE.check_result(ToolCall(tool, {}), result)
    assert d.decision in {"allow", "flag", "redact", "block"}
    assert "engine_error" not in d.reason, d.reason


@settings(max_examples=150, deadline=None)
@given(tool=st.dictionaries(st.sampled_from(["name", "description", "inputSchema", "annotations", "title"]), json_values))
def test_check_tool_definition_never_raises(tool: dict) -> None:  # type: ignore[type-arg]
    d = ENGINE.check_tool_definition(tool)
    assert d.decision in CALL_DECISIONS
    assert "engine_error" not in d.reason, d.reason


@settings(max_examples=200, deadline=None)
@given(args=json_values)
def test_check_is_deterministic(args: object) -> None:
    a = ENGINE.check(ToolCall("tool", args)).to_json()
    b = ENGINE.check(ToolCall("tool", args)).to_json()
    assert a == b


# -- the iterative JSON parser (documents deeper than orjson accepts) ---------------------------------

from aegis_mcp.engine.deepjson import _parse_iterative, loads  # noqa: E402

plain_json = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(value=plain_json)
def test_iterative_parser_agrees_with_orjson(value: object) -> None:
    import orjson

    text = orjson.dumps(value).decode()
    assert _parse_iterative(text) == orjson.loads(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet='[]{}:,"a1 \\-.etrufnl', max_size=30))
def test_iterative_parser_rejects_what_orjson_rejects(text: str) -> None:
    import orjson

    try:
        expected = orjson.loads(text)
    except orjson.JSONDecodeError:
        try:
            _parse_iterative(text)
        except ValueError:
            return
        raise AssertionError(f"accepted invalid JSON {text!r}")
    assert _parse_iterative(text) == expected


def test_very_deep_documents_parse_without_recursion() -> None:
    doc = loads(b'{"a": ' + b"[" * 100_000 + b'"x"' + b"]" * 100_000 + b"}")
    depth, node = 0, doc["a"]
    while isinstance(node, list):
        node, depth = node[0], depth + 1
    assert depth == 100_000 and node == "x"


# -- the RE2 fast path (aegis_mcp.engine.regex.FastRegexp) behaves exactly like the wrapper ----------

import re2  # noqa: E402

from aegis_mcp.engine import regex as fast_regex  # noqa: E402

_PATTERNS = [r"(\w+)@(\w+)\.com", r"a|(b)", r"^x", r"", r"\d+", r"(?i)select\s+(\w+)", r"(a)(b)?c", r"[%&]\w{2}"]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab cx1@.com%&SELECTé\n", max_size=30), which=st.integers(0, len(_PATTERNS) - 1))
def test_fast_regexp_matches_the_wrapper(text: str, which: int) -> None:
    pattern = _PATTERNS[which]
    fast, slow = fast_regex.compile(pattern), re2.compile(pattern)
    for meth in ("search", "match", "fullmatch"):
        a, b = getattr(fast, meth)(text), getattr(slow, meth)(text)
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert a.span() == b.span() and a.groups() == b.groups()
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
    assert fast.findall(text) == slow.findall(text)
    assert fast.test(text) == (slow.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab cx1@.com%&SELECTé\n\\", max_size=30), which=st.integers(0, 5), count=st.integers(0, 2))
def test_fast_sub_matches_the_wrapper(text: str, which: int, count: int) -> None:
    pattern, template = [(r"(\d)([def.]?)(select|and)\b", r"\1\2 \3"), (r"/\*!\d*(.*?)\*/", r" \1 "), (r"a*", "-"),
                         (r"(?P<w>\w+)@", r"[\g<w>]\n"), (r"(a)|(b)", r"<\1\2>"), (r"é|%", "")][which]
    fast, slow = fast_regex.compile(pattern), re2.compile(pattern)
    assert fast.subn(template, text, count) == slow.subn(template, text, count)
    assert fast.sub(lambda m: m.group(0).upper(), text) == slow.sub(lambda m: m.group(0).upper(), text)


# -- PatternSet: the FilteredRE2 path for short texts answers exactly like the set passes ---------------

from aegis_mcp.engine.detectors import injection_rules, pii_find, secrets_find  # noqa: E402

_BIG_SETS = [secrets_find.PREFILTER_PATTERNS + pii_find.PREFILTER_PATTERNS, list(injection_rules._sources)]
_FILTERED = [fast_regex.PatternSet(named) for named in _BIG_SETS]
_UNFILTERED = []
for _named in _BIG_SETS:
    _ps = fast_regex.PatternSet(_named)
    _ps._filter = None  # the set passes only
    _UNFILTERED.append(_ps)
_pieces = st.sampled_from(
    ["AKIA", "IOSFODNN7EXAMPLE", "ghp_", "a" * 20, "Bearer ", "password=", "hunter2", "4111 1111 1111 1111", "@example.com",
     "+1 415 555 0100", "-----BEGIN RSA PRIVATE KEY-----", "eyJhbGciOiJIUzI1NiJ9.", "ignore", " previous ", "instructions",
     "you are now", "DAN", "system prompt", "ssn 536-22-1847", "postgres://u:p@h/db", " ", "\n", "é", "\u200b", "0x41", "=="]
)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(_pieces | st.text(max_size=8), max_size=14).map("".join), which=st.integers(0, len(_BIG_SETS) - 1))
def test_pattern_set_filter_agrees_with_the_set_passes(text: str, which: int) -> None:
    assert _FILTERED[which]._filter is not None
    assert _FILTERED[which].matches(text) == _UNFILTERED[which].matches(text)

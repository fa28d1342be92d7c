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

"""Extraction: every value and key, JSON Pointers, caps that fail closed, JSON inside strings."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis_mcp.engine.detectors.base import Role
from aegis_mcp.engine.extract import _Walker, extract, extract_text, tool_words
from aegis_mcp.engine.model import RiskLevel, ToolCall
from aegis_mcp.engine.policy import Limits


def _frag(ctx, path, key=False):  # type: ignore[no-untyped-def]
    return next(f for f in ctx.fragments if f.path == path and f.is_key == key)


def test_values_and_keys_with_json_pointers() -> None:
    ctx = extract(ToolCall("t", {"a/b": {"c~d": ["x", {"e": "y"}]}, "n": 5}))
    paths = {(f.path, f.raw, f.is_key) for f in ctx.fragments}
    assert ("/a~1b", "a/b", True) in paths
    assert ("/a~1b/c~0d", "c~d", True) in paths
    assert ("/a~1b/c~0d/0", "x", False) in paths
    assert ("/a~1b/c~0d/1/e", "y", False) in paths
    assert ("/n", "n", True) in paths
    assert _frag(ctx, "/a~1b", key=True).role is Role.KEY


def test_deterministic_order_strings_before_nested_containers() -> None:
    # An object's keys and string values in order, then its nested containers in order.
    ctx = extract(ToolCall("t", {"first": "1", "second": ["a", {"k": "b"}], "third": "3"}))
    assert [f.raw for f in ctx.fragments if not f.is_key] == ["1", "3", "a", "b"]
    assert [f.raw for f in ctx.fragments if f.is_key] == ["first", "second", "third", "k"]


def test_a_payload_in_a_key_is_extracted() -> None:
    ctx = extract(ToolCall("t", {"'; DROP TABLE users; --": "x"}))
    assert any(f.is_key and "DROP TABLE" in f.raw for f in ctx.fragments)


def test_json_inside_a_string_becomes_fragments() -> None:
    ctx = extract(ToolCall("send", {"payload": '{"query": "SELECT 1", "items": ["/etc/shadow"]}'}))
    inner = [f for f in ctx.fragments if f.path.startswith("/payload/")]
    assert {f.raw for f in inner} >= {"query", "SELECT 1", "/etc/shadow"}
    assert next(f for f in inner if f.raw == "/etc/shadow").role is Role.PATH


def test_depth_cap_is_a_signal_and_walk_is_iterative() -> None:
    doc: object = "deep value"
    for _ in range(5000):
        doc = [doc]
    t0 = time.perf_counter()
    ctx = extract(ToolCall("t", {"x": doc}))
    assert time.perf_counter() - t0 < 1.0
    sigs = ctx.extra["signals"]
    assert [s.rule for s in sigs if s.pattern == "limits"] == ["depth"]
    # The string below the cap is still scanned (so an attack there can be blocked outright).
    assert any(f.raw == "deep value" for f in ctx.fragments)


def test_string_cap() -> None:
    ctx = extract(ToolCall("t", {"v": ["s"] * 50}), limits=Limits(max_strings=10))
    assert len(ctx.fragments) == 10
    assert any(s.pattern == "limits" and s.rule == "strings" for s in ctx.extra["signals"])


def test_size_cap_truncates_and_signals_at_policy_severity() -> None:
    ctx = extract(ToolCall("t", {"v": "a" * 500}), limits=Limits(max_total_chars=100), limits_severity=RiskLevel.CRITICAL)
    assert ctx.total_chars == 100
    sig = next(s for s in ctx.extra["signals"] if s.pattern == "limits")
    assert sig.rule == "size" and sig.severity is RiskLevel.CRITICAL


def test_keys_count_against_the_caps() -> None:
    ctx = extract(ToolCall("t", {f"k{i}": 1 for i in range(100)}), limits=Limits(max_strings=20))
    assert any(s.rule == "strings" for s in ctx.extra["signals"])


def test_no_cap_signal_on_ordinary_calls() -> None:
    ctx = extract(ToolCall("read_file", {"path": "src/main.py"}))
    assert ctx.extra["signals"] == []


def test_non_string_leaves_and_odd_types() -> None:
    ctx = extract(ToolCall("t", {"a": None, "b": True, "c": 1.5, "d": b"bytes", 7: "int key"}))
    raws = {f.raw for f in ctx.fragments}
    assert "bytes" in raws and "7" in raws and "int key" in raws


def test_tool_words() -> None:
    assert tool_words("GmailSendEmail") == {"gmail", "send", "email"}
    assert tool_words("execute_sql") == {"execute", "sql"}
    assert tool_words("HTTPRequest") == {"http", "request"}
    assert tool_words("db.query") == {"db", "query"}
    assert tool_words("read-file2") == {"read", "file", "2"}


def test_result_text_is_one_fragment_capped() -> None:
    ctx = extract_text("x" * 50, "t", limits=Limits(max_total_chars=10))
    assert len(ctx.fragments) == 1 and ctx.fragments[0].path == "" and ctx.fragments[0].role is Role.TEXT
    assert ctx.mode == "result" and len(ctx.fragments[0].raw) == 10
    assert any(s.pattern == "limits" for s in ctx.extra["signals"])


def test_forms_raw_first_and_deduplicated() -> None:
    ctx = extract(ToolCall("read_file", {"path": "a/%2e%2e/%2e%2e/etc/passwd"}))
    f = _frag(ctx, "/path")
    assert f.forms[0] == f.raw
    assert "a/../../etc/passwd" in f.forms
    assert len(set(f.forms)) == len(f.forms)


# -- the flat-call fast path and the key memo must be invisible ----------------------------------

_KEY_TEXT = st.sampled_from(["city", "Path", "a/b", "c~d", "query", "$where", "to", "ｆｉｌｅ", "x\u200by", ""]) | st.text(max_size=12)
_VALUE = (
    st.sampled_from(["Paris", "../../etc/passwd", "SELECT * FROM t", "; rm -rf /", "a@b.io", "https://x.io/a",
                     "%2e%2e%2f", "ign\u200bore", "\ud800lone", "{\"a\": 1}", " [1]", "x" * 5000])
    | st.text(max_size=40) | st.integers() | st.none() | st.booleans() | st.floats(allow_nan=False)
    | st.lists(st.text(max_size=5), max_size=2)
)


def _walked(call: ToolCall, limits: Limits) -> tuple[tuple[object, ...], list[object], int]:
    w = _Walker(limits, RiskLevel.HIGH, tool_words(call.tool_name))
    w.walk(call.arguments, None)
    frags = w.fragments()
    return tuple(frags), w.signals, w.total


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(args=st.dictionaries(_KEY_TEXT, _VALUE, max_size=6), tool=st.sampled_from(["get_weather", "run_command", "read_file"]),
       max_strings=st.sampled_from([3, 10_000]), max_chars=st.sampled_from([20, 262_144]))
def test_flat_calls_extract_exactly_as_the_general_walk(args: dict[str, object], tool: str, max_strings: int,
                                                       max_chars: int) -> None:
    # twice: the second extraction answers keys from the memo, and must not differ either
    limits = Limits(max_strings=max_strings, max_total_chars=max_chars)
    call = ToolCall(tool, args)
    want = _walked(call, limits)
    for _ in range(2):
        ctx = extract(call, limits=limits)
        own = tuple(f for f in ctx.fragments if "canonical_twin" not in f.flags)  # (twins: canonical.py)
        assert (own, ctx.extra["signals"], ctx.total_chars) == want


def test_a_key_fragment_is_shared_and_immutable() -> None:
    a = _frag(extract(ToolCall("t", {"city": "Paris"})), "/city", key=True)
    b = _frag(extract(ToolCall("t", {"city": "Rome"})), "/city", key=True)
    assert a == b and a.role is Role.KEY and a.name == "city"
    with pytest.raises(AttributeError):
        a.raw = "changed"  # type: ignore[misc]

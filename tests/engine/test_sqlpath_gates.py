"""The sql and paths detectors' gates are necessary conditions: whenever a detector finds something, its gate is open."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis_mcp.engine.detectors import nosql, paths, sql
from aegis_mcp.engine.detectors.base import Fragment, Role, ScanContext
from aegis_mcp.engine.detectors.path_decode import head, tail
from aegis_mcp.engine.extract import extract
from aegis_mcp.engine.gates import GateSet
from aegis_mcp.engine.model import ToolCall

GATES = GateSet([("sql", sql.GATE), ("paths", paths.GATE), ("nosql", nosql.GATE)])
DETECTORS = {"sql": sql.detect, "paths": paths.detect, "nosql": nosql.detect}


def _open(ctx: ScanContext) -> frozenset[str]:
    wanted = GATES.wanted(ctx)
    return frozenset(DETECTORS) if wanted is None else wanted


def _assert_necessary(ctx: ScanContext) -> None:
    wanted = _open(ctx)
    for name, detect in DETECTORS.items():
        if detect(ctx):
            assert name in wanted, (name, [f.raw for f in ctx.fragments])


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        ("get_weather", {"city": "Paris", "units": "metric"}),
        ("send_message", {"text": "See you at noon, thanks"}),
        ("list_items", {"limit": 20, "page": 3}),
    ],
)
def test_ordinary_calls_shut_both_gates(tool: str, args: dict) -> None:
    wanted = _open(extract(ToolCall(tool, args)))
    assert "sql" not in wanted and "paths" not in wanted


@pytest.mark.parametrize(
    ("tool", "args", "name"),
    [
        ("run", {"text": "TRUNCATE audit_log"}, "sql"),  # no token of the value gate: the statement start opens it
        ("fetch", {"url": "https://x.example/a?q=%27%20or%201%3D1"}, "sql"),  # decoded only by sql.py
        ("fetch", {"url": "https://x.example/a?q=x%EF%BC%87%20or%201%3D1--"}, "sql"),  # a fullwidth quote, percent-encoded
        ("open", {"name": "..\\..\\boot.ini"}, "paths"),
        ("open", {"name": "~/.aws/credentials"}, "paths"),
        ("open", {"name": "\u3000../etc/passwd "}, "paths"),  # Unicode space stripped by str.strip()
        ("shell", {"command": "cat /etc/shadow"}, "paths"),
    ],
)
def test_gate_opens_where_the_detector_can_fire(tool: str, args: dict, name: str) -> None:
    ctx = extract(ToolCall(tool, args))
    assert DETECTORS[name](ctx), args  # the detector does fire here ...
    assert name in _open(ctx)  # ... and its gate lets it


def test_windows_never_split_a_word() -> None:
    text = "x" * 10 + "or" + "y" * 10
    assert head(text, 11) == "" and tail(text, 11) == ""
    assert head("ab or cd", 5) == "ab or" and head("ab or cd", 4) == "ab "
    assert tail("ab or cd", 5) == "or cd" and tail("ab orcd", 4) == "orcd" and tail("abc orcd", 3) == ""


_ALPHABET = st.sampled_from(
    list("aeorsu ./\\'\"-#;=()%~:_|&*0123456789\n\t") + ["\u3000", "\u2019", "\uff07", "%27", "%2e", "&#39;", "..", "://"]
)
_WORDS = st.sampled_from([
    "select", "union", "from", "where", "or", "and", "true", "null", "truncate", "drop table", "etc", "passwd",
    "shadow", ".ssh/id_rsa", "sleep(5)", "1=1", "--", "/*!", "?q=", "http://h/", "file:", "c:", "$ne", "this.",
])
_TEXT = st.lists(_ALPHABET | _WORDS, min_size=1, max_size=14).map("".join)
_ROLES = st.sampled_from([Role.TEXT, Role.IDENT, Role.UNKNOWN, Role.KEY, Role.SHELL, Role.CONTENT, Role.EMAIL])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_TEXT, _ROLES, st.sampled_from(["q", "id", "params", "path", "x"])), min_size=1, max_size=3),
       st.sampled_from([frozenset(), frozenset({"execute", "sql"}), frozenset({"read", "file"})]))
def test_no_detector_fires_behind_a_shut_gate(frags: list, words: frozenset[str]) -> None:
    fragments = tuple(Fragment(f"/{n}{i}", t, n, role, False, (t,)) for i, (t, role, n) in enumerate(frags))
    ctx = ScanContext("tool", fragments, tool_words=words, total_chars=sum(len(t) for t, _, _ in frags))
    _assert_necessary(ctx)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, st.sampled_from(["query", "command", "path", "url", "filter", "name", "note"]))
def test_no_detector_fires_behind_a_shut_gate_on_extracted_calls(text: str, arg: str) -> None:
    for args in ({arg: text}, {arg: f"https://h.example/p?{text}"}):
        _assert_necessary(extract(ToolCall("tool_call", args)))

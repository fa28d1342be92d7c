"""Shared assertions for the engine's table-driven tests: one engine, one failure message (the signals)."""

from __future__ import annotations

from typing import Any

from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import Decision, ToolCall

ENGINE = Engine()


def _why(d: Decision) -> list[tuple[str, str]]:
    return [(s.pattern, s.rule) for s in d.signals]


def assert_decision(tool: str, args: dict[str, Any], *wanted: str) -> Decision:
    """The call's decision is one of `wanted` ("allow", "pending", "block"); the signals explain a failure."""
    d = ENGINE.check(ToolCall(tool, args))
    assert d.decision in wanted, _why(d)
    return d


def assert_stopped(tool: str, args: dict[str, Any]) -> Decision:
    """Held for a human or blocked: the call does not run unasked."""
    return assert_decision(tool, args, "pending", "block")

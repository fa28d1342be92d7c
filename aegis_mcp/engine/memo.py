"""Memoisation helpers of the engine: bounded dictionaries and the key of a whole call.

The engine is pure (same call, same policy set -> same decision), so answers can be kept.
Every memo here is bounded and cleared when full: callers can invent names without end.
"""

from __future__ import annotations

from typing import Any, Callable

import orjson

from aegis_mcp.engine.model import Decision, ToolCall

MEMO_MAX = 4096  # per-tool policy answers
DECISION_MEMO = 2048  # whole decisions
MEMO_MAX_BYTES = 4096  # calls and results up to this size are memoised (the common small ones)


def bounded_put(memo: dict[Any, Any], key: Any, value: Any, limit: int = MEMO_MAX) -> None:
    if len(memo) >= limit:
        memo.clear()  # hostile callers can invent names without end; memory stays bounded
    memo[key] = value


SCALAR_TYPES = frozenset({bool, int, float, type(None)})  # JSON's non-container, non-string values


def small(doc: Any, budget_nodes: int = 128) -> bool:
    """At most `budget_nodes` JSON nodes and MEMO_MAX_BYTES characters of strings (a bounded walk)."""
    if doc is None:
        return True
    if type(doc) is dict and len(doc) < budget_nodes // 2:
        # the common flat call, without the stack: keys and scalar values only
        chars = 0
        for k, v in doc.items():
            if type(v) is str:
                chars += len(v)
            elif type(v) not in SCALAR_TYPES:
                break  # something nested: the general walk below decides
            if type(k) is str:
                chars += len(k)
        else:
            return chars <= MEMO_MAX_BYTES
    stack = [doc]
    chars = 0
    while stack:
        node = stack.pop()
        budget_nodes -= 1
        if budget_nodes < 0:
            return False
        if isinstance(node, str):
            chars += len(node)
            if chars > MEMO_MAX_BYTES:
                return False
        elif isinstance(node, dict):
            if len(node) > budget_nodes:
                return False
            for k, v in node.items():
                if isinstance(k, str):
                    chars += len(k)
                stack.append(v)
        elif isinstance(node, (list, tuple)):
            if len(node) > budget_nodes:
                return False
            stack.extend(node)
    return chars <= MEMO_MAX_BYTES


def call_key(call: ToolCall) -> Any:
    """The whole call as bytes (document order kept: it orders fragments and so signals), or
    None when it is too big to be worth keeping or is not plain JSON (then no memo). The size
    is checked before serialising: a hostile megabyte must not be dumped for nothing."""
    if not (small(call.arguments) and small(call.tool_schema) and small(call.annotations)):
        return None
    try:
        args = orjson.dumps(call.arguments)
        schema = orjson.dumps(call.tool_schema) if call.tool_schema is not None else b""
        ann = orjson.dumps(call.annotations) if call.annotations is not None else b""
    except (TypeError, ValueError, orjson.JSONEncodeError):
        return None
    if len(args) + len(schema) + len(ann) > MEMO_MAX_BYTES:
        return None
    return (call.tool_name, call.server, call.agent_id, args, schema, ann)


def memoised(memo: dict[Any, Decision], key: Any, judge: Callable[..., Decision], *args: Any) -> Decision:
    """`judge(*args)`, answered from `memo` when `key` was judged before (None: not memoisable)."""
    if key is None:
        return judge(*args)
    hit = memo.get(key)
    if hit is not None:
        return fresh(hit)
    decision = judge(*args)
    bounded_put(memo, key, decision, DECISION_MEMO)
    return decision


def fresh(d: Decision) -> Decision:
    """A memoised decision handed out again: its one mutable part (`extra`) is copied."""
    return Decision(d.decision, d.risk_level, d.category, d.signals, d.reason, d.violations, d.redacted_text, dict(d.extra))

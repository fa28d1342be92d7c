"""The engine's whole-decision memo key, built by the proxy from bytes it makes once per call."""

from __future__ import annotations

from typing import Any

import orjson

from aegis_mcp.engine.memo import MEMO_MAX_BYTES, bounded_put
from aegis_mcp.engine.model import ToolCall


def memo_key(call: ToolCall, definition_bytes: dict[str, tuple[Any, Any, bytes, bytes]]) -> tuple[Any, ...] | None:
    """The engine's whole-decision memo key for a small call, from bytes made once: the arguments
    in document order (the order the engine judges them in), and the tool definition's schema and
    annotations serialised once per definition (cached in `definition_bytes` by tool name) instead
    of once per call. None for a big call (then the engine decides without a memo)."""
    try:
        args = orjson.dumps(call.arguments)
    except TypeError:  # beyond orjson (a huge integer): the engine makes its own key, or none
        return None
    if len(args) > MEMO_MAX_BYTES:  # the engine's own limit for whole-decision memos
        return None
    cached = definition_bytes.get(call.tool_name)
    if cached is None or cached[0] is not call.tool_schema or cached[1] is not call.annotations:
        try:
            cached = (call.tool_schema, call.annotations,
                      b"" if call.tool_schema is None else orjson.dumps(call.tool_schema),
                      b"" if call.annotations is None else orjson.dumps(call.annotations))
        except TypeError:
            return None
        # Bounded (tool names come from the model); holds the objects, so `is` above stays sound.
        bounded_put(definition_bytes, call.tool_name, cached)
    if len(args) + len(cached[2]) + len(cached[3]) > MEMO_MAX_BYTES:
        return None
    # A leading tag of its own: never equal to a key the engine builds itself (memo.call_key).
    return ("aegis-mcp/proxy", call.tool_name, call.server, call.agent_id, args, cached[2], cached[3])

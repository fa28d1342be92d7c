"""The audit server's MCPServer: a bad argument is one clear line in a tool error, an unknown one is refused.

The SDK reports pydantic's validation dump (several lines, the model's class name, a URL) and
ignores arguments a tool does not take; for an agent asking about its ledger both are traps: it
cannot read the first, and the second silently drops a filter it thought it gave.
"""

from __future__ import annotations

from typing import Any

from mcp.server import MCPServer
from mcp.server.mcpserver.exceptions import ToolError, UnexpectedToolError
from pydantic import ValidationError


class AuditMCPServer(MCPServer):
    """MCPServer whose argument errors read as one clear line and which refuses arguments it does
    not know (an invented `agent_id` instead of `agent` must not silently drop the filter)."""

    async def call_tool(self, name: str, arguments: dict[str, Any], context: Any = None) -> Any:
        tool = self._tool_manager.get_tool(name)
        if tool is not None:
            known = sorted(tool.parameters.get("properties", {}))
            unknown = sorted(k for k in arguments if k not in known)
            if unknown:
                shown = ", ".join(repr(k[:40]) for k in unknown[:5])
                raise ToolError(f"{name}: unknown argument {shown}; it takes {', '.join(known) or 'no arguments'}")
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as exc:
            cause = exc.__cause__
            if isinstance(exc, UnexpectedToolError) or not isinstance(cause, ValidationError):
                raise
            raise ToolError(f"{name}: bad arguments: {_explain(cause)}") from cause


def _explain(exc: ValidationError) -> str:
    """`limit: must be at most 100; seq: required` from pydantic's errors (field and rule, never the
    rejected value: it is the caller's data and may be huge)."""
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "anyOf") or "arguments"
        kind, ctx = err.get("type", ""), err.get("ctx") or {}
        if kind == "missing":
            what = "required"
        elif kind == "less_than_equal":
            what = f"must be at most {ctx.get('le')}"
        elif kind == "greater_than_equal":
            what = f"must be at least {ctx.get('ge')}"
        elif kind in ("int_type", "int_parsing", "int_from_float"):
            what = "must be an integer"
        elif kind in ("string_type", "string_too_long"):
            what = "must be a string" if kind == "string_type" else f"must be at most {ctx.get('max_length')} characters"
        elif kind in ("bool_type", "bool_parsing"):
            what = "must be true or false"
        else:
            what = str(err.get("msg", "invalid"))[:120]
        parts.append(f"{where}: {what}")
    return "; ".join(dict.fromkeys(parts))

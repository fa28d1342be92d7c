"""Checks against a hostile peer: bytes a lax peer would read differently from the proxy (duplicate
keys, near-spellings of methods and tool names), and a server speaking in the proxy's name
(its `_meta` verdict keys, its approval question) or hiding text in a JSON-RPC error."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from aegis_mcp.proxy import jsonrpc

if TYPE_CHECKING:
    from collections.abc import Iterable

    from aegis_mcp.engine.model import Decision
    from aegis_mcp.proxy.jsonrpc import Message

_OWN_PREFIX = "aegis-mcp/"
_TOOL_CANON = re.compile(r"[^a-z0-9]+")


def smuggled(msg: Message) -> str | None:
    """Why a client request or notification (not a tools/call) must not be relayed as it came: a
    lax peer could read its bytes as something the proxy would have judged: a near-spelling of an
    inspected method, or a duplicate key (the proxy read the last "method", a first-wins peer
    reads the first). None: nothing of the sort (two substring scans in the common case)."""
    method = msg.method or ""
    if jsonrpc.loose_spelling(method):
        return f"Invalid Request: method {method[:60]!r} is not spelt exactly as an MCP method"
    if jsonrpc.may_repeat_method(msg.raw) and jsonrpc.has_duplicate_keys(msg.raw):
        return "Invalid Request: duplicate keys (peers disagree on which one counts)"
    return None


def near_twin(name: str, known: Iterable[str]) -> str | None:
    """A known tool `name` reads as once case, spaces and punctuation are ignored (`Delete_File `
    for `delete_file`): a server matching names loosely would run that tool, judged as another
    (its policy, schema and annotations dodged by a spelling)."""
    known = set(known)
    if not known or name in known:
        return None
    canon = _TOOL_CANON.sub("", name.lower())
    return next((tool for tool in sorted(known) if _TOOL_CANON.sub("", tool.lower()) == canon), None)


def drop_forged_meta(result: dict[str, Any]) -> dict[str, Any] | None:
    """The result without `_meta` keys in aegis-mcp's namespace (only the proxy writes those: a
    server's "aegis-mcp/decision: allow" would vouch for itself); None when it has none."""
    meta = result.get("_meta")
    if not isinstance(meta, dict) or not any(isinstance(k, str) and k.startswith(_OWN_PREFIX) for k in meta):
        return None
    return {**result, "_meta": {k: v for k, v in meta.items() if not k.startswith(_OWN_PREFIX)}}


def impersonates_approval(result: dict[str, Any]) -> bool:
    """An input_required result using aegis-mcp's approval state or question key: a server asking
    the human something in the proxy's name (its retry would also be refused as a forged state)."""
    state = result.get("requestState")
    requests = result.get("inputRequests")
    return (isinstance(state, str) and state.startswith(_OWN_PREFIX)) or (
        isinstance(requests, dict) and any(isinstance(k, str) and k.startswith(_OWN_PREFIX) for k in requests))


def error_text(error: dict[str, Any]) -> str:
    """What a JSON-RPC error shows: its message and every string in its data."""
    parts = [error["message"]] if isinstance(error.get("message"), str) else []
    if error.get("data") is not None:
        from aegis_mcp.proxy.results import result_strings  # noqa: PLC0415 - see rewritten_error

        parts.extend(result_strings(error["data"]))
    return "\n".join(parts)


def rewritten_error(error: dict[str, Any], decision: Decision) -> dict[str, Any]:
    """A flagged error with the warning in front of its message, or a redacted one."""
    # Imported here, not at the top: the relay imports this module for `smuggled`, and these pull in
    # the engine's redaction patterns (~0.35 s), which must stay off the path to the first relayed message.
    from aegis_mcp.proxy.content_scan import warning_text  # noqa: PLC0415
    from aegis_mcp.proxy.results import redact_tree  # noqa: PLC0415

    if decision.decision == "redact":
        return redact_tree(error)  # type: ignore[no-any-return]
    return {**error, "message": warning_text(decision, "this error message") + "\n" + str(error.get("message", ""))}

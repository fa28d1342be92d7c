"""The two MCP protocol eras, as far as the proxy cares: which one a request speaks, and how
results the proxy produces itself must be shaped for it.

Handshake era (2024-11-05 … 2025-11-25): `initialize` negotiates a session version; results carry
no `resultType` (deployed strict clients reject unknown keys). 2026-07-28 ("modern"): no session;
every request names its version in `params._meta`, and every result must carry
`"resultType": "complete"` (or `"input_required"`), or a 2.x client rejects it.
"""

from __future__ import annotations

from typing import Any

PROTOCOL_VERSION_META_KEY = "io.modelcontextprotocol/protocolVersion"
CLIENT_INFO_META_KEY = "io.modelcontextprotocol/clientInfo"
CLIENT_CAPABILITIES_META_KEY = "io.modelcontextprotocol/clientCapabilities"
MODERN_VERSIONS = frozenset({"2026-07-28"})
FIRST_MODERN = "2026-07-28"


def is_modern_version(version: object) -> bool:
    # Dated version strings compare correctly as strings; unknown future dates are modern too.
    return isinstance(version, str) and (version in MODERN_VERSIONS or version >= FIRST_MODERN)


def request_meta(params: object) -> dict[str, Any]:
    if isinstance(params, dict):
        meta = params.get("_meta")
        if isinstance(meta, dict):
            return meta
    return {}


def request_version(params: object) -> str | None:
    """The protocol version a 2026-era request declares for itself, if any."""
    version = request_meta(params).get(PROTOCOL_VERSION_META_KEY)
    return version if isinstance(version, str) else None


class EraTracker:
    """The connection's era: the negotiated handshake version, overridden per request by `_meta`."""

    def __init__(self) -> None:
        self.session_version: str | None = None  # from the initialize result
        self.modern_seen = False  # a server/discover or a request with a modern _meta version

    def note_request(self, method: str, params: object) -> None:
        if method == "server/discover" or is_modern_version(request_version(params)):
            self.modern_seen = True

    def note_initialize_result(self, result: object) -> None:
        if isinstance(result, dict) and isinstance(result.get("protocolVersion"), str):
            self.session_version = result["protocolVersion"]

    def is_modern(self, params: object) -> bool:
        """Should a result the proxy builds for this request be shaped for 2026-07-28?"""
        version = request_version(params)
        if version is not None:
            return is_modern_version(version)
        if self.session_version is not None:
            return is_modern_version(self.session_version)
        return self.modern_seen


def shape_result(result: dict[str, Any], modern: bool) -> dict[str, Any]:
    """Add or drop `resultType` so a proxy-built result validates in the request's era."""
    if modern:
        result.setdefault("resultType", "complete")
    else:
        result.pop("resultType", None)
    return result


def tool_error_result(text: str, modern: bool, *, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """A CallToolResult with isError: a refused tool call is a result the model can read, not a fault."""
    result: dict[str, Any] = {"content": [{"type": "text", "text": text}], "isError": True}
    if meta:
        result["_meta"] = meta
    return shape_result(result, modern)

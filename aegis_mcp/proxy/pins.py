"""Tool definitions pinned per server: trusted on first use, then any change is held for a human.

A tool whose name, description, schema or annotations differ from its pin — or that appears
after the server was pinned — is hidden from tools/list and its calls refused until someone
runs `aegis-mcp pins accept SERVER TOOL`. The server's `instructions` are pinned the same way
under the name "@instructions" (not a valid tool name, so no tool can collide with it).
A renamed tool is simply a new tool.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from aegis_mcp.errors import LedgerError
from aegis_mcp.proxy.canonical import canonical_sha256

if TYPE_CHECKING:
    from aegis_mcp.engine.engine import Engine
    from aegis_mcp.proxy.recorder import Recorder

log = logging.getLogger("aegis_mcp.proxy")

INSTRUCTIONS_KEY = "@instructions"
PINNED_FIELDS = ("name", "title", "description", "inputSchema", "outputSchema", "annotations")


def definition_digest(tool: dict[str, Any]) -> str:
    return canonical_sha256({k: tool[k] for k in PINNED_FIELDS if k in tool})


class PinBook:
    """The pins of one server as this connection knows them (the store is the source of truth)."""

    def __init__(self, recorder: Recorder, server: str) -> None:
        self.recorder = recorder
        self.server = server
        self._status: dict[str, str] = {}  # tool -> "accepted" | "held", as last seen
        self._listing_first_use: bool | None = None  # the verdict of this connection's last first page
        self.definitions: dict[str, dict[str, Any]] = {}  # pinned definitions of tools called before any listing

    async def _load(self) -> dict[str, Any]:
        store = self.recorder.store
        if store is None:
            raise LedgerError("ledger unavailable")
        return await self.recorder.call(store.get_pins, self.server)

    async def review_tools(self, tools: list[Any], engine: Engine, *, continuation: bool = False) -> list[dict[str, Any]]:
        """The tools the client may see; pins new ones, holds changed ones, records every change.

        `continuation`: this is a later page (a `cursor` request) of a listing, so it shares the
        first page's trust-on-first-use verdict instead of counting as "appeared after pinning".
        """
        try:
            pins = await self._load()
        except LedgerError as exc:
            # Nothing can be pinned (and every call is refused anyway): show only what scans clean.
            log.error("cannot read pins (%s); showing only tools whose definitions scan clean", exc)
            return [
                t for t in tools
                if isinstance(t, dict) and isinstance(t.get("name"), str)
                and engine.check_tool_definition(t, self.server).decision == "allow"
            ]
        first_use = not any(name != INSTRUCTIONS_KEY for name in pins)
        if continuation and self._listing_first_use is not None:
            first_use = self._listing_first_use
        else:
            self._listing_first_use = first_use
        visible: list[dict[str, Any]] = []
        for tool in tools:
            if not isinstance(tool, dict) or not isinstance(tool.get("name"), str) or tool["name"] == INSTRUCTIONS_KEY:
                log.warning("dropping a malformed tool definition from tools/list: %.200r", tool)
                continue
            status = await self._review_one(tool["name"], tool, pins.get(tool["name"]), first_use, engine)
            if status == "accepted":
                visible.append(tool)
        return visible

    async def review_instructions(self, instructions: str, engine: Engine) -> bool:
        """True when the server's instructions may reach the client."""
        try:
            pins = await self._load()
        except LedgerError:
            return False
        first_use = not pins
        definition = {"name": INSTRUCTIONS_KEY, "description": instructions}
        status = await self._review_one(INSTRUCTIONS_KEY, definition, pins.get(INSTRUCTIONS_KEY), first_use, engine)
        return status == "accepted"

    async def _review_one(
        self, name: str, definition: dict[str, Any], pin: Any, first_use: bool, engine: Engine
    ) -> str:
        digest = definition_digest(definition)
        if pin is not None and pin.digest == digest:
            self._status[name] = pin.status
            return str(pin.status)
        verdict = engine.check_tool_definition(definition, self.server)
        if pin is None and first_use:
            change, status = "first_use", "accepted" if verdict.decision == "allow" else "held"
        else:
            change, status = ("new" if pin is None else "changed"), "held"
        record = {
            "kind": "pin_change",
            "server": self.server,
            "tool": name,
            "change": change,
            "status": status,
            "digest": digest,
            "previous_digest": pin.digest if pin is not None else None,
            "decision": verdict.decision,
            "risk": verdict.risk_level.name,
            "signals": [f"{s.pattern}.{s.rule}" for s in verdict.signals],
            "reason": verdict.reason[:1000],
            "session_id": self.recorder.session_id,
        }
        try:
            store = self.recorder.store
            assert store is not None
            await self.recorder.call(store.put_pin, self.server, name, digest, definition, status)
            await self.recorder.append(record)
        except (LedgerError, AssertionError) as exc:
            log.error("could not pin %s/%s (%s); hiding it", self.server, name, exc)
            status = "held"
        if status == "held":
            log.warning(
                "tool %r on server %r is held (%s%s): review it with `aegis-mcp pins list` and "
                "`aegis-mcp pins accept %s %s`",
                name, self.server, change, f"; {verdict.reason}" if verdict.reason else "", self.server, name,
            )
        self._status[name] = status
        return status

    async def call_refusal(self, tool: str) -> str | None:
        """Why a call to this tool must be refused because of its pin, or None."""
        if tool == INSTRUCTIONS_KEY:
            return "not a tool"
        status = self._status.get(tool)
        if status in ("accepted", "unknown"):
            return None
        if status is None and self.recorder.store is None:
            return None  # no ledger: the call is refused anyway, with that reason
        try:  # held, or never listed on this connection: the store knows (a human may have accepted it)
            pins = await self._load()
        except LedgerError:
            return None
        pin = pins.get(tool)
        if pin is None:
            self._status.setdefault(tool, "unknown")
            return None
        self._status[tool] = str(pin.status)
        if isinstance(pin.definition, dict):
            self.definitions[tool] = pin.definition
        if pin.status == "accepted":
            return None
        return (
            f"the definition of tool {tool!r} on server {self.server!r} changed or appeared after the server's "
            f"tools were pinned, so it is held until a human reviews it: `aegis-mcp pins list --server "
            f"{self.server}` then `aegis-mcp pins accept {self.server} {tool}`, and list the tools again"
        )

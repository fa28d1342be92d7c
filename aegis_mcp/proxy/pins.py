"""Tool definitions pinned per server: trusted on first use, then any change is held for a human.

A tool whose name, description, schema or annotations differ from its pin — or that appears
after the server was pinned — is hidden from tools/list and its calls refused until someone
runs `aegis-mcp pins accept SERVER TOOL`. The server's `instructions` are pinned the same way
under the name "@instructions" (not a valid tool name, so no tool can collide with it).
A renamed tool is simply a new tool.

A running proxy follows its server's pins in the shared store (PinBook.watch): when a human
accepts a held tool, or another connection holds one this client was shown, the client is sent
`notifications/tools/list_changed` so it lists its tools again without a restart (see
notify_tools_changed for the two protocol eras, and announce_list_changed for why the proxy
declares that capability).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from aegis_mcp.errors import LedgerError
from aegis_mcp.proxy import jsonrpc
from aegis_mcp.proxy.canonical import canonical_sha256

if TYPE_CHECKING:
    from aegis_mcp.engine.engine import Engine
    from aegis_mcp.proxy.recorder import Recorder
    from aegis_mcp.proxy.relay import Relay

log = logging.getLogger("aegis_mcp.proxy")

INSTRUCTIONS_KEY = "@instructions"
PINNED_FIELDS = ("name", "title", "description", "inputSchema", "outputSchema", "annotations")
# How often a proxy whose client listed tools looks for pin changes made elsewhere: one indexed
# SELECT of (tool, digest, status) for its server, ~50 µs; a human's acceptance reaches the client
# within about this long.
WATCH_EVERY_S = 1.0
SUBSCRIPTION_ID_META_KEY = "io.modelcontextprotocol/subscriptionId"  # 2026-07-28 listen streams


def definition_digest(tool: dict[str, Any]) -> str:
    return canonical_sha256({k: tool[k] for k in PINNED_FIELDS if k in tool})


def announce_list_changed(result: object) -> dict[str, Any] | None:
    """An initialize (or server/discover) result that declares `tools.listChanged: true`, or None
    when it already does or offers no tools.

    Faithful, not a forgery: to its client the proxy *is* the server, and the tool list the
    client sees changes without the upstream doing anything (a held tool is hidden; a human
    accepts it and it reappears), so the proxy announces those changes itself and says so in the
    capability, as the spec asks of a server that sends them. Clients may ignore the
    notification from a server that did not declare it (the TypeScript SDK's list-changed
    handlers key off this flag). The upstream's own list_changed notifications still pass
    through untouched; the flag promises nothing about them.
    """
    if not isinstance(result, dict):
        return None
    caps = result.get("capabilities")
    tools = caps.get("tools") if isinstance(caps, dict) else None
    if not isinstance(tools, dict) or tools.get("listChanged") is True:
        return None
    assert isinstance(caps, dict)
    return {**result, "capabilities": {**caps, "tools": {**tools, "listChanged": True}}}


async def notify_tools_changed(relay: Relay) -> int:
    """Tell the client its tool list changed; returns how many notifications were sent.

    Handshake era: one `notifications/tools/list_changed`. 2026-07-28: change notifications
    travel only on the client's open `subscriptions/listen` streams, stamped with the stream's
    id, and only on streams that asked for tool-list changes; with none open there is no one
    to tell (such a client re-lists when it needs to).
    """
    sent = 0
    for req_id, pending in list(relay.pending_c2s.items()):
        params = pending.params if pending.method == "subscriptions/listen" else None
        wanted = params.get("notifications") if isinstance(params, dict) else None
        if isinstance(wanted, dict) and wanted.get("toolsListChanged") is True:
            await relay.send_client(jsonrpc.dumps({
                "jsonrpc": "2.0", "method": "notifications/tools/list_changed",
                "params": {"_meta": {SUBSCRIPTION_ID_META_KEY: req_id}}}))
            sent += 1
    if sent == 0 and relay.era.session_version is not None and not relay.era.is_modern(None):
        await relay.send_client(jsonrpc.dumps({"jsonrpc": "2.0", "method": "notifications/tools/list_changed"}))
        sent = 1
    return sent


LISTEN_ACK = "notifications/subscriptions/acknowledged"


def acknowledge_tools_list_changed(relay: Relay, msg: Any) -> bytes:
    """The upstream's acknowledgment of a 2026 `subscriptions/listen` stream, saying the stream
    gets `toolsListChanged` when the client asked for it: the proxy sends those itself
    (notify_tools_changed), whatever the upstream supports, and the spec has a client check the
    acknowledged filter against what it asked for. Anything else: the bytes unchanged."""
    params = msg.obj.get("params")
    meta = params.get("_meta") if isinstance(params, dict) else None
    stream = meta.get(SUBSCRIPTION_ID_META_KEY) if isinstance(meta, dict) else None
    pending = relay.pending_c2s.get(stream) if isinstance(stream, (str, int)) and not isinstance(stream, bool) else None
    asked = pending.params.get("notifications") if pending is not None and isinstance(pending.params, dict) else None
    if pending is None or pending.method != "subscriptions/listen" or not (
            isinstance(asked, dict) and asked.get("toolsListChanged") is True):
        return bytes(msg.raw)
    assert isinstance(params, dict)
    acked = params.get("notifications")
    if isinstance(acked, dict) and acked.get("toolsListChanged") is True:
        return bytes(msg.raw)
    granted = {**(acked if isinstance(acked, dict) else {}), "toolsListChanged": True}
    return jsonrpc.dumps({**msg.obj, "params": {**params, "notifications": granted}})


class PinBook:
    """The pins of one server as this connection knows them (the store is the source of truth)."""

    def __init__(self, recorder: Recorder, server: str) -> None:
        self.recorder = recorder
        self.server = server
        self._status: dict[str, str] = {}  # tool -> "accepted" | "held", as last seen
        # tool -> digest of the definition this connection's upstream last listed: a pin accepted
        # for another definition (another connection's upstream) does not let this one's calls through
        self._listed: dict[str, str] = {}
        self._listing_first_use: bool | None = None  # the verdict of this connection's last first page
        self.definitions: dict[str, dict[str, Any]] = {}  # pinned definitions of tools called before any listing
        # The store's (digest, status) per tool as this connection last saw or wrote them, and a
        # count of its own writes: the watcher tells the client about everyone else's changes.
        self._seen: dict[str, tuple[str, str]] | None = None
        self._writes = 0
        self._watcher: asyncio.Task[None] | None = None

    def watch(self, relay: Relay) -> None:
        """Once the client has listed tools: follow the store's pins of this server, and tell the
        client to list again when someone else changes them (a human's `pins accept`, a hold)."""
        if self._watcher is None and self.recorder.store is not None and not relay.closing:
            self._watcher = asyncio.get_running_loop().create_task(self._watch(relay))

    async def _watch(self, relay: Relay) -> None:
        store = self.recorder.store
        assert store is not None
        while not relay.closing:
            writes = self._writes
            try:
                now = await self.recorder.call(store.pin_states, self.server)
            except Exception as exc:  # the calls are refused anyway while the ledger is unusable
                log.debug("cannot read the pins of %s: %s", self.server, exc)
                now = None
            # Our own write raced this read: its snapshot may predate it; compare next time.
            if now is not None and writes == self._writes:
                seen, self._seen = self._seen, now
                changed = [] if seen is None else sorted(
                    t for t in seen.keys() | now.keys() if seen.get(t) != now.get(t) and t != INSTRUCTIONS_KEY)
                if changed:
                    for tool in changed:  # calls follow the store at once (call_refusal)
                        if tool in now:
                            self._status[tool] = self._effective(tool, *now[tool])
                        else:
                            self._status.pop(tool, None)
                    sent = await notify_tools_changed(relay)
                    log.info("pins of %s changed elsewhere (%s); told the client to list tools again (%d notification(s))",
                             self.server, ", ".join(changed[:10]), sent)
            await asyncio.sleep(WATCH_EVERY_S)

    async def close(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()

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
        self._listed[name] = digest
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
            self._writes += 1
            await self.recorder.call(store.put_pin, self.server, name, digest, definition, status)
            if self._seen is not None:
                self._seen[name] = (digest, status)
            self._writes += 1
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

    def _effective(self, tool: str, digest: str, status: str) -> str:
        """A pin's status for this connection: accepted only for the definition its upstream listed."""
        listed = self._listed.get(tool)
        return status if status != "accepted" or listed is None or listed == digest else "held"

    def known_tools(self) -> set[str]:
        """Tool names this connection knows the server by (listed, pinned, or looked up)."""
        return {name for name, status in self._status.items() if status != "unknown"} | set(self.definitions)

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
        self._status[tool] = self._effective(tool, pin.digest, str(pin.status))
        if isinstance(pin.definition, dict):
            self.definitions[tool] = pin.definition
        if self._status[tool] == "accepted":
            return None
        return (
            f"the definition of tool {tool!r} on server {self.server!r} changed or appeared after the server's "
            f"tools were pinned, so it is held until a human reviews it: `aegis-mcp pins list --server "
            f"{self.server}` then `aegis-mcp pins accept {self.server} {tool}`, and list the tools again"
        )

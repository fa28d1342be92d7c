"""What one proxied connection has in flight: requests per direction, calls held or being inspected.

Each direction has its own id space (the client's ids and the upstream's ids may collide), so the
client's requests to the upstream and the upstream's requests to the client are kept apart.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any, Coroutine

from aegis_mcp.proxy.jsonrpc import JsonId

# Requests the proxy answered itself, remembered so the client's late cancel is swallowed.
ANSWERED_MEMORY = 4096


@dataclass(slots=True)
class PendingRequest:
    """A client request forwarded upstream and not yet answered."""

    method: str
    params: Any
    started: float = field(default_factory=time.monotonic)
    context: Any = None  # what the interceptor needs to handle the response (e.g. the judged call)


class InFlight:
    """The bookkeeping of one connection (the relay's pumps and the interceptor share it)."""

    __slots__ = ("c2s", "s2c", "held", "inspecting", "_answered", "_loop")

    def __init__(self) -> None:
        self.c2s: dict[JsonId, PendingRequest] = {}  # client → upstream, forwarded, awaiting an answer
        self.s2c: dict[JsonId, str] = {}  # upstream → client requests (id → method)
        self.held: dict[JsonId, asyncio.Task[None]] = {}  # client requests the proxy is judging/holding
        self.inspecting: dict[JsonId, asyncio.Task[None]] = {}  # upstream answers inspected in tasks
        self._answered: dict[JsonId, None] = {}  # insertion-ordered: the oldest is forgotten first
        self._loop: asyncio.AbstractEventLoop | None = None

    def loop(self) -> asyncio.AbstractEventLoop:
        """The connection's event loop, looked up once: asyncio.get_running_loop() and
        create_task() cost a getpid(2) system call each time (1-2 per call on the hot path)."""
        loop = self._loop
        if loop is None:
            loop = self._loop = asyncio.get_running_loop()
        return loop

    def inspect(self, msg_id: JsonId, inspection: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        """Run an upstream answer's inspection in a task of its own, tracked until it is done."""
        task = self.loop().create_task(inspection)
        inspecting = self.inspecting
        inspecting[msg_id] = task
        task.add_done_callback(lambda _t: inspecting.pop(msg_id, None))
        return task

    def in_use(self, msg_id: JsonId | None) -> bool:
        """True when a new client request may not take this id (its previous request is not over)."""
        return msg_id in self.c2s or msg_id in self.held

    def forwarded(self, msg_id: JsonId, pending: PendingRequest) -> None:
        self._answered.pop(msg_id, None)  # an id may be reused once its request is over
        self.c2s[msg_id] = pending

    def remember_answered(self, msg_id: JsonId) -> None:
        self._answered[msg_id] = None
        if len(self._answered) > ANSWERED_MEMORY:
            self._answered.pop(next(iter(self._answered)))

    def was_answered(self, msg_id: JsonId) -> bool:
        return msg_id in self._answered

    def count(self) -> int:
        return len(self.c2s) + len(self.held) + len(self.inspecting)

    def cancel_tasks(self) -> None:
        for task in [*self.held.values(), *self.inspecting.values()]:
            task.cancel()

    def take_unanswered(self) -> list[JsonId]:
        """Cancel what is held or inspected and return every client request id still owed an answer."""
        self.cancel_tasks()
        ids = list(self.c2s) + [i for i in self.held if i not in self.c2s]
        ids += [i for i in self.inspecting if i not in ids]  # answers being scanned: not sent yet
        self.c2s.clear()
        self.inspecting.clear()
        return ids

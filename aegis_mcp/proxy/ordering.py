"""Keeping each direction's message order while some messages are judged or inspected in tasks.

A faithful relay delivers what a peer sent in the order it was sent. Two kinds of message leave
the pumps' straight path: a client's `tools/call` (judged and recorded in a task of its own, so
concurrent calls share a commit) and an upstream answer inspected in a task (a big result scanned
off the pump, or results read together and committed as one batch). Whatever was read after such
a message waits for it; the only message allowed to fall behind is a call held for a human (the
hold is the point), which lets go of its place as soon as it is held.
"""

from __future__ import annotations

import asyncio
from typing import Any, Awaitable

from aegis_mcp.proxy.jsonrpc import JsonId


async def _after(prior: asyncio.Future[Any]) -> None:
    # asyncio.wait: never raises, even if `prior` failed or was cancelled (it reports its own failure).
    await asyncio.wait((prior,))


def after(prior: asyncio.Future[Any] | None) -> Awaitable[None] | None:
    """An awaitable that resolves once `prior` is over, or None when there is nothing to wait for
    (the common case: no allocation, no loop turn)."""
    if prior is None or prior.done():
        return None
    return _after(prior)


class CallOrder:
    """Client → upstream: each judged `tools/call` holds a place in line until it is forwarded,
    answered by the proxy, or held for a human. A call is forwarded once every call before it has
    left the line; any other message once the line is empty.

    The line is an insertion-ordered dict, and futures are made only for whoever must wait: in
    the common case (calls leave in the order they came) ordering costs a few dict operations.
    """

    __slots__ = ("_line", "_first_waiters", "_empty_waiters")

    def __init__(self) -> None:
        self._line: dict[JsonId, None] = {}  # calls being judged, in the order the client sent them
        self._first_waiters: dict[JsonId, asyncio.Future[None]] = {}  # a call waiting to be first
        self._empty_waiters: list[asyncio.Future[None]] = []  # other messages waiting for no line

    def take_place(self, msg_id: JsonId) -> None:
        """A call enters judgement: it goes after everything the client sent before it."""
        self._line[msg_id] = None

    def before_forward(self, msg_id: JsonId) -> Awaitable[None] | None:
        """What a call must wait for before it reaches the upstream (None: nothing)."""
        line = self._line
        if msg_id not in line or next(iter(line)) == msg_id:
            return None
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._first_waiters[msg_id] = waiter
        return waiter

    def release(self, msg_id: JsonId) -> None:
        """The call was forwarded, answered, dropped or held: it leaves the line."""
        line = self._line
        if msg_id not in line:
            return
        del line[msg_id]
        self._first_waiters.pop(msg_id, None)  # (a call cancelled while it waited for its turn)
        if not line:
            waiters, self._empty_waiters = self._empty_waiters, []
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)
        elif self._first_waiters:
            first = next(iter(line))
            waiter = self._first_waiters.pop(first, None)
            if waiter is not None and not waiter.done():
                waiter.set_result(None)

    def pending(self) -> bool:
        """Whether a call is being judged (holds a place in line)."""
        return bool(self._line)

    def wait_turn(self) -> Awaitable[None] | None:
        """What a message that is not a tools/call waits for before it is forwarded (None: nothing)."""
        if not self._line:
            return None
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._empty_waiters.append(waiter)
        return waiter


class AnswerOrder:
    """Upstream → client: the last message being inspected in a task. Whatever the upstream sent
    after it is sent after it (tasks also wait for the one before them before they send)."""

    __slots__ = ("tail",)

    def __init__(self) -> None:
        self.tail: asyncio.Task[None] | None = None

    def pending(self) -> bool:
        """Whether an answer inspected in a task has not gone on yet."""
        tail = self.tail
        if tail is not None and tail.done():
            self.tail = tail = None
        return tail is not None

    def wait_turn(self) -> Awaitable[None] | None:
        return after(self.tail) if self.pending() else None

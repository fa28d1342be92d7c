"""Writing messages to a pipe: one write(2) per event-loop turn for what was sent during it, or a
thread for descriptors epoll cannot watch."""

from __future__ import annotations

import asyncio
import os
import stat
import time

from aegis_mcp.proxy.lines import ChannelClosed

# The longest a queued message waits for the rest of its loop turn before it is written anyway.
_MAX_HOLD_S = 0.0003
# send_now() writes a message at once (with its newline, one small copy) up to this size.
_NOW_MAX_BYTES = 64 * 1024


class _Coalescer:
    """Joins the messages sent during one turn of the event loop into one pipe write.

    Why: under concurrent calls every message was its own write(2), and each write woke the peer
    (on 2 shared cores the waker is often preempted right there). One write per loop turn keeps
    the order of messages, wakes the peer once, and copies each message once (no `data + b"\n"`).
    Back-pressure still applies: `send` waits while the transport's buffer is above its limit.
    """

    __slots__ = ("_stream", "_parts", "_scheduled", "_loop", "_since")

    def __init__(self, stream: asyncio.StreamWriter) -> None:
        self._stream = stream
        self._parts: list[bytes] = []
        self._scheduled = False
        self._loop = asyncio.get_running_loop()
        self._since = 0.0  # when the oldest queued message was queued

    def is_closing(self) -> bool:
        return self._stream.transport.is_closing()

    async def send(self, data: bytes, now: bool = False) -> None:
        """Queue one message (newline added) for this turn's write; raises on a closed pipe.

        `now`: the caller knows nothing else will be sent this turn (a lone call): the message
        is written at once, saving the loop a turn, when nothing is queued ahead of it.
        """
        if self._stream.transport.is_closing():
            raise ChannelClosed("peer went away")
        if now and not self._parts and len(data) <= _NOW_MAX_BYTES:
            self._stream.write(data + b"\n")
            if self._stream.transport.get_write_buffer_size():
                await self._stream.drain()
            return
        if not self._parts:
            self._since = time.perf_counter()
        elif time.perf_counter() - self._since > _MAX_HOLD_S:
            # A long turn (a burst of results, each scanned) must not hold the first ones back
            # until the last is done: what waited long enough goes now.
            self.flush()
            self._since = time.perf_counter()
        self._parts.append(data)
        self._parts.append(b"\n")
        if not self._scheduled:
            self._scheduled = True
            self._loop.call_soon(self._turn_end)
        if self._stream.transport.get_write_buffer_size():  # only then can drain() have to wait
            await self._stream.drain()

    def _turn_end(self) -> None:
        self._scheduled = False
        self.flush()

    def flush(self) -> None:
        if not self._parts:
            return
        data = self._parts[0] + self._parts[1] if len(self._parts) == 2 else b"".join(self._parts)
        self._parts.clear()
        if not self._stream.transport.is_closing():
            self._stream.write(data)  # a broken pipe surfaces as is_closing() on the next send

    def close(self) -> None:
        self.flush()
        self._stream.close()


class _Writer:
    """Writes bytes to a file descriptor: a non-blocking pipe transport when possible, else a thread."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._out: _Coalescer | None = None
        self._lock = asyncio.Lock()
        self._closed = False

    async def start(self) -> None:
        mode = os.fstat(self._fd).st_mode
        # Only pipes/sockets get an asyncio transport (which makes the fd non-blocking); a file or
        # tty shared with stderr would turn stderr non-blocking too and lose log lines.
        if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
            loop = asyncio.get_running_loop()
            pipe = os.fdopen(self._fd, "wb", buffering=0, closefd=False)
            transport, protocol = await loop.connect_write_pipe(
                lambda: asyncio.streams.FlowControlMixin(loop=loop), pipe
            )
            self._out = _Coalescer(asyncio.StreamWriter(transport, protocol, None, loop))

    async def write_line(self, data: bytes, now: bool = False) -> None:
        """Send one message and its newline (`now`: see _Coalescer.send)."""
        if self._closed:
            raise ChannelClosed("channel closed")
        try:
            if self._out is not None:
                await self._out.send(data, now)
            else:
                async with self._lock:  # keep messages whole when writes go through threads
                    await asyncio.to_thread(_write_all, self._fd, data + b"\n")
        except (BrokenPipeError, ConnectionResetError, OSError) as exc:
            self._closed = True
            raise ChannelClosed(f"peer went away: {exc}") from exc

    def close(self) -> None:
        self._closed = True
        if self._out is not None:
            self._out.close()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]

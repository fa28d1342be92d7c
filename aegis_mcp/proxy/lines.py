"""Reading whole JSON-RPC messages (one per line, up to MAX_MESSAGE_BYTES) from a pipe or file, and
the errors and protocol every proxy channel shares."""

from __future__ import annotations

import asyncio
import os
import select
import stat
from typing import Protocol, runtime_checkable

from aegis_mcp.errors import ProxyError

# Messages up to 64 MB: asyncio's default 64 KiB line limit breaks on an ordinary 1 MB tool result.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024


class ChannelClosed(ProxyError):
    """A send on a channel whose peer has gone away."""


class MessageTooLarge(ProxyError):
    """A received message exceeded MAX_MESSAGE_BYTES; it was discarded, the channel is still usable.

    `head` and `tail` keep its first and last few KiB: enough to find the id of the request it
    answers (or was), so that request can be answered with an error instead of hanging.
    """

    def __init__(self, message: str, head: bytes = b"", tail: bytes = b"") -> None:
        super().__init__(message)
        self.head = head
        self.tail = tail


_KEEP_BYTES = 4096  # of a discarded line's start and end (an id sits at one or the other)


@runtime_checkable
class MessageChannel(Protocol):
    """One side of the relay. `receive` returns None when closed; `send` raises ChannelClosed."""

    async def receive(self) -> bytes | None: ...

    async def send(self, data: bytes) -> None: ...

    async def close(self) -> None: ...


async def _read_line(reader: asyncio.StreamReader) -> bytes | None:
    """One newline-terminated message (without the newline and a trailing CR); None at EOF.

    Blank lines are skipped. A line over the reader's limit is discarded in full and reported
    with MessageTooLarge, so the next message is read from its real start.
    """
    while True:
        try:
            line = await reader.readuntil(b"\n")
        except asyncio.IncompleteReadError as exc:
            line = exc.partial  # EOF: a last line without its newline still counts
            if not line or line.isspace():
                return None
        except asyncio.LimitOverrunError as exc:
            head, tail = await _discard_line(reader, exc.consumed)
            raise MessageTooLarge(f"message larger than {MAX_MESSAGE_BYTES} bytes discarded", head, tail) from None
        # isspace() instead of strip(): no copy of a (possibly 64 MB) line just to test it.
        line = line[:-2] if line.endswith(b"\r\n") else line[:-1] if line.endswith(b"\n") else line
        if line and not line.isspace():
            return line


async def _discard_line(reader: asyncio.StreamReader, consumed: int) -> tuple[bytes, bytes]:
    """Throw away the rest of an oversized line, up to and including its newline.

    Returns the line's first and last _KEEP_BYTES (the tail without its newline).
    """
    head = b""
    tail = b""

    def keep(chunk: bytes) -> None:
        nonlocal head, tail
        if len(head) < _KEEP_BYTES:
            head += chunk[: _KEEP_BYTES - len(head)]
        tail = (tail + chunk[-_KEEP_BYTES:])[-_KEEP_BYTES:]

    while True:
        if consumed:
            keep(await reader.readexactly(consumed))
        try:
            keep((await reader.readuntil(b"\n")).rstrip(b"\r\n"))
            return head, tail
        except asyncio.IncompleteReadError as exc:
            keep(exc.partial)
            return head, tail
        except asyncio.LimitOverrunError as exc:
            consumed = exc.consumed


def _pollable(fd: int) -> bool:
    """Whether epoll can watch fd. A tty can; /dev/null cannot (EPERM), and uvloop aborts the
    whole process on an fd it cannot watch where asyncio only logged and never read it."""
    if not hasattr(select, "epoll"):
        return True  # kqueue/poll platforms: the loop itself copes with character devices
    probe = select.epoll()
    try:
        probe.register(fd, select.EPOLLIN)
    except OSError:
        return False
    finally:
        probe.close()
    return True


async def _open_reader(fd: int) -> asyncio.StreamReader:
    """A StreamReader over fd with the raised limit: a pipe transport, or a reading thread for files."""
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=MAX_MESSAGE_BYTES, loop=loop)
    mode = os.fstat(fd).st_mode
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or (stat.S_ISCHR(mode) and _pollable(fd)):
        pipe = os.fdopen(fd, "rb", buffering=0, closefd=False)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader, loop=loop), pipe)
    else:  # a regular file (`< requests.jsonl`): epoll cannot watch it, so a thread feeds the reader

        def pump() -> None:
            while True:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    loop.call_soon_threadsafe(reader.feed_eof)
                    return
                loop.call_soon_threadsafe(reader.feed_data, chunk)

        loop.run_in_executor(None, pump)
    return reader

"""The transport seam of the proxy: a `MessageChannel` moves whole JSON-RPC messages as bytes.

Implementations here: the proxy's own stdio (the client side) and a spawned upstream subprocess.
Other transports (websocket, ...) implement the same three methods. A message is one JSON-RPC
message without its trailing newline; `receive()` returns None once the peer has gone away.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import select
import signal
import stat
import sys
import time
from typing import Protocol, Sequence, runtime_checkable

from aegis_mcp.errors import ProxyError

# Messages up to 64 MB: asyncio's default 64 KiB line limit breaks on an ordinary 1 MB tool result.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
# How long an upstream gets to exit after its stdin closes, before its process group is signalled.
_EXIT_GRACE_S = 0.5
_TERM_GRACE_S = 1.0


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


class StdioChannel:
    """The proxy's client side: messages on stdin, replies on a (duplicated) stdout descriptor.

    `StdioChannel.open()` first moves the wire off fd 1 (fd 1 then points at stderr), so a stray
    print from any library can never corrupt the protocol stream.
    """

    def __init__(self, reader: asyncio.StreamReader, writer: _Writer) -> None:
        self._reader = reader
        self._writer = writer
        self._eof = False

    @classmethod
    async def open(cls, in_fd: int = 0, out_fd: int = 1, *, guard_stdout: bool = True) -> StdioChannel:
        if guard_stdout and out_fd == 1:
            sys.stdout.flush()
            wire_fd = os.dup(1)
            try:
                os.dup2(2, 1)  # fd 1 → stderr: only the channel writes the wire
            except OSError:  # no stderr at all: stray output goes nowhere rather than onto the wire
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.close(devnull)
        else:
            wire_fd = out_fd
        reader = await _open_reader(in_fd)
        writer = _Writer(wire_fd)
        await writer.start()
        return cls(reader, writer)

    async def receive(self) -> bytes | None:
        if self._eof:
            return None
        line = await _read_line(self._reader)
        if line is None:
            self._eof = True
        return line

    async def send(self, data: bytes) -> None:
        await self._writer.write_line(data)

    async def send_now(self, data: bytes) -> None:
        """send(), written at once when nothing is queued: for a message nothing else will join."""
        await self._writer.write_line(data, True)

    async def close(self) -> None:
        self._writer.close()


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


class SubprocessChannel:
    """An upstream MCP server spawned as a child process speaking line-delimited JSON on stdio.

    The child gets the proxy's WHOLE environment (clients such as Claude Desktop put API keys
    there for the upstream) and its own process group, so closing the channel ends everything it
    started. Its stderr is the proxy's stderr.
    """

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self._process = process
        assert process.stdout is not None and process.stdin is not None
        self._stdout = process.stdout
        self._stdin = _Coalescer(process.stdin)
        self._closed = False

    @classmethod
    async def spawn(
        cls, command: Sequence[str], *, env: dict[str, str] | None = None, cwd: str | None = None
    ) -> SubprocessChannel:
        if not command:
            raise ProxyError("no upstream command given (put it after `--`)")
        try:
            process = await asyncio.create_subprocess_exec(
                *command,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=None,
                env=dict(os.environ) if env is None else env,
                cwd=cwd,
                start_new_session=True,
                limit=MAX_MESSAGE_BYTES,
            )
        except OSError as exc:
            raise ProxyError(f"cannot start upstream {command[0]!r}: {exc}") from exc
        return cls(process)

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def returncode(self) -> int | None:
        return self._process.returncode

    async def receive(self) -> bytes | None:
        return await _read_line(self._stdout)

    async def send(self, data: bytes, now: bool = False) -> None:
        if self._closed or self._stdin.is_closing():
            raise ChannelClosed("upstream stdin closed")
        try:
            await self._stdin.send(data, now)
        except (BrokenPipeError, ConnectionResetError, OSError) as exc:
            raise ChannelClosed(f"upstream went away: {exc}") from exc

    async def send_now(self, data: bytes) -> None:
        """send(), written at once when nothing is queued: for a message nothing else will join."""
        await self.send(data, True)

    async def wait(self) -> int:
        return await self._process.wait()

    async def close(self) -> None:
        """Close stdin (the MCP way to ask a stdio server to stop), then end its process group."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):
            self._stdin.close()
        try:
            await asyncio.wait_for(asyncio.shield(self._process.wait()), _EXIT_GRACE_S)
        except asyncio.TimeoutError:
            pass
        # Even if the leader exited, children it started may live on in its group.
        self._signal_group(signal.SIGTERM)
        if self._process.returncode is None:
            try:
                await asyncio.wait_for(asyncio.shield(self._process.wait()), _TERM_GRACE_S)
            except asyncio.TimeoutError:
                pass
        self._signal_group(signal.SIGKILL)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self._process.wait(), _TERM_GRACE_S)

    def kill_now(self) -> None:
        """Synchronous last resort (atexit / signal handlers): SIGKILL the whole group."""
        self._signal_group(signal.SIGKILL)

    def _signal_group(self, sig: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._process.pid, sig)

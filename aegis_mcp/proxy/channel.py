"""The transport seam of the proxy: a `MessageChannel` moves whole JSON-RPC messages as bytes.

Implementations here: the proxy's own stdio (the client side) and a spawned upstream subprocess.
Other transports (websocket, ...) implement the same three methods. A message is one JSON-RPC
message without its trailing newline; `receive()` returns None once the peer has gone away.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from typing import Sequence

from aegis_mcp.errors import ProxyError
from aegis_mcp.proxy.lines import (  # re-exported: the channel seam's names live here for its users
    MAX_MESSAGE_BYTES,
    ChannelClosed,
    MessageChannel,
    MessageTooLarge,
    _open_reader,
    _read_line,
)
from aegis_mcp.proxy.pipes import _Coalescer, _Writer

__all__ = ["MAX_MESSAGE_BYTES", "ChannelClosed", "MessageChannel", "MessageTooLarge", "StdioChannel",
           "SubprocessChannel", "_read_line"]

# How long an upstream gets to exit after its stdin closes, before its process group is signalled.
_EXIT_GRACE_S = 0.5
_TERM_GRACE_S = 1.0


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
            sys.stdout.flush()  # stdout-ok: drain Python's buffer before fd 1 becomes the guarded wire
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

    def buffered(self) -> bool:
        """Whether a whole message from the client is already read and waiting."""
        return b"\n" in self._reader._buffer  # (StreamReader keeps it in a bytearray: a memchr)

    async def close(self) -> None:
        self._writer.close()


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

    def buffered(self) -> bool:
        """Whether a whole message from the upstream is already read and waiting."""
        return b"\n" in self._stdout._buffer

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

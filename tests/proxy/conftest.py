"""Shared helpers for the proxy tests: real upstream servers, the proxy as a real subprocess,
driven by the mcp SDK client or by raw JSON-RPC lines."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, AsyncIterator

import anyio
import pytest
from anyio.abc import Process
from anyio.streams.buffered import BufferedByteReceiveStream

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
NODE_BIN = ROOT / "node_modules" / ".bin"
EVERYTHING = [str(NODE_BIN / "mcp-server-everything")]
FILESYSTEM = str(NODE_BIN / "mcp-server-filesystem")
SQLITE = str(ROOT / ".venv-sqlite" / "bin" / "mcp-server-sqlite")
SHELL = str(ROOT / ".venv-shell" / "bin" / "mcp-shell-server")
LINE_SERVER = [PY, str(Path(__file__).parent / "servers" / "line_server.py")]
TEST_POLICY = Path(__file__).parent / "policies" / "hold_and_block.yaml"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


def proxy_argv(db: Path, upstream: list[str], *extra: str) -> list[str]:
    return [PY, "-m", "aegis_mcp", "proxy", "--db", str(db), *extra, "--", *upstream]


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `aegis-mcp ARGS` as a human would from another terminal."""
    return subprocess.run([PY, "-m", "aegis_mcp", *args], capture_output=True, text=True, timeout=timeout,
                          env=env or dict(os.environ))


def approver(db: Path) -> dict[str, str]:
    """The environment of trusted automation deciding for `db` (a fresh approver token): the tests
    that are not about the human-channel guard decide held calls this way, without a terminal."""
    from aegis_mcp.ledger.approver import TOKEN_ENV, create_token

    db.parent.mkdir(parents=True, exist_ok=True)
    return {**os.environ, TOKEN_ENV: create_token(db)}


@contextlib.asynccontextmanager
async def sdk_session(
    db: Path, upstream: list[str], *extra: str, env: dict[str, str] | None = None, **session_kwargs: Any
) -> AsyncIterator[Any]:
    """An initialized mcp SDK ClientSession talking to the proxy (a real subprocess) over stdio."""
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    argv = proxy_argv(db, upstream, *extra)
    params = StdioServerParameters(command=argv[0], args=argv[1:], env=env or dict(os.environ))
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write, **session_kwargs) as session:
            await session.initialize()
            yield session


# How long a test waits for something that normally takes milliseconds. A bound, not a timing:
# on a loaded 2-core machine (CI, or colleagues' suites running alongside) a proxy's start or a
# 3 MB scan can take 10-50x longer than on an idle one, and a tight bound turns that into a flake.
WAIT_S = 60.0


def _children(pid: int) -> list[int]:
    """Direct children of pid (from /proc): the proxy's upstream, to clean up after a kill."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(entry.name))
    return out


class RawProxy:
    """The proxy as a subprocess, spoken to with raw JSON-RPC lines (for what an SDK client won't send).

    Messages read past while waiting for a given response are kept (not dropped), so a test can
    still wait for them afterwards whatever order a loaded machine delivers them in; stderr is
    drained continuously, so a chatty proxy can never block on a full pipe.
    """

    def __init__(self, process: Process) -> None:
        self.process = process
        assert process.stdout is not None and process.stdin is not None
        self._out = BufferedByteReceiveStream(process.stdout)
        self._stash: list[dict[str, Any]] = []
        self._stderr = bytearray()
        self._stderr_done = anyio.Event()

    @classmethod
    @contextlib.asynccontextmanager
    async def start(cls, argv: list[str], env: dict[str, str] | None = None) -> AsyncIterator[RawProxy]:
        process = await anyio.open_process(argv, env=env or dict(os.environ), stderr=subprocess.PIPE)
        proxy = cls(process)
        try:
            async with anyio.create_task_group() as tg:
                tg.start_soon(proxy._drain_stderr)
                try:
                    yield proxy
                finally:
                    await proxy._stop()
                    # The upstream shares the proxy's stderr; a stray grandchild may hold it open.
                    with anyio.move_on_after(5):
                        await proxy._stderr_done.wait()
                    tg.cancel_scope.cancel()
        except BaseExceptionGroup as group:  # the test's own failure, not wrapped by our task group
            if len(group.exceptions) == 1:
                raise group.exceptions[0] from None
            raise
        finally:
            if process.returncode is None:  # only if the task group itself failed
                process.kill()
                with anyio.CancelScope(shield=True):
                    await process.wait()

    async def _stop(self) -> None:
        """Ask the proxy to stop as a client would (close its stdin); kill it only if it will not."""
        with contextlib.suppress(Exception):
            await self.process.stdin.aclose()  # type: ignore[union-attr]
        with anyio.CancelScope(shield=True):
            with anyio.move_on_after(WAIT_S):
                await self.process.wait()
            if self.process.returncode is None:
                upstreams = _children(self.process.pid)
                self.process.kill()
                await self.process.wait()
                for pid in upstreams:  # the proxy starts its upstream in a process group of its own
                    with contextlib.suppress(ProcessLookupError, PermissionError):
                        os.killpg(pid, 9)

    async def _drain_stderr(self) -> None:
        assert self.process.stderr is not None
        try:
            async for chunk in self.process.stderr:
                self._stderr += chunk
        except (anyio.ClosedResourceError, anyio.BrokenResourceError):
            pass
        finally:
            self._stderr_done.set()

    async def send_raw(self, data: bytes) -> None:
        assert self.process.stdin is not None
        await self.process.stdin.send(data + b"\n")

    async def send(self, obj: Any) -> None:
        await self.send_raw(json.dumps(obj).encode())

    async def _read(self, timeout: float) -> dict[str, Any]:
        with anyio.fail_after(timeout):
            line = await self._out.receive_until(b"\n", 128 * 1024 * 1024)
        return json.loads(line)

    async def recv(self, timeout: float = WAIT_S) -> dict[str, Any]:
        """The next message not yet consumed (including ones recv_response read past)."""
        if self._stash:
            return self._stash.pop(0)
        return await self._read(timeout)

    async def recv_response(self, msg_id: Any, timeout: float = WAIT_S) -> dict[str, Any]:
        """The response to msg_id; other messages on the way are kept for later recv()s."""
        for i, msg in enumerate(self._stash):
            if msg.get("id") == msg_id and "method" not in msg:
                return self._stash.pop(i)
        with anyio.fail_after(timeout):
            while True:
                msg = await self._read(timeout)
                if msg.get("id") == msg_id and "method" not in msg:
                    return msg
                self._stash.append(msg)

    async def request(self, msg_id: Any, method: str, params: dict[str, Any] | None = None,
                      timeout: float = WAIT_S) -> dict[str, Any]:
        await self.send({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params or {}})
        return await self.recv_response(msg_id, timeout)

    async def initialize(self, version: str = "2025-11-25", capabilities: dict[str, Any] | None = None) -> dict[str, Any]:
        resp = await self.request(0, "initialize", {
            "protocolVersion": version, "capabilities": capabilities or {},
            "clientInfo": {"name": "raw-test-client", "version": "1"}})
        await self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        return resp

    async def stderr_text(self) -> str:
        """Everything the proxy (and its upstream) wrote to stderr, once the proxy has exited."""
        with anyio.fail_after(WAIT_S):
            await self.process.wait()
        with anyio.move_on_after(5):  # EOF follows the exit unless a grandchild still holds the pipe
            await self._stderr_done.wait()
        return self._stderr.decode(errors="replace")


def records(db: Path, kind: str | None = None) -> list[dict[str, Any]]:
    from aegis_mcp.ledger.store import LedgerStore

    store = LedgerStore.open(db, readonly=True)
    try:
        out = [r.record for r in store.records()]
    finally:
        store.close()
    return [r for r in out if kind is None or r.get("kind") == kind]

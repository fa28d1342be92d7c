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


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """Run `aegis-mcp ARGS` as a human would from another terminal."""
    return subprocess.run([PY, "-m", "aegis_mcp", *args], capture_output=True, text=True, timeout=timeout,
                          env=env or dict(os.environ))


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


class RawProxy:
    """The proxy as a subprocess, spoken to with raw JSON-RPC lines (for what an SDK client won't send)."""

    def __init__(self, process: Process) -> None:
        self.process = process
        assert process.stdout is not None and process.stdin is not None
        self._out = BufferedByteReceiveStream(process.stdout)

    @classmethod
    @contextlib.asynccontextmanager
    async def start(cls, argv: list[str], env: dict[str, str] | None = None) -> AsyncIterator[RawProxy]:
        process = await anyio.open_process(argv, env=env or dict(os.environ), stderr=subprocess.PIPE)
        try:
            yield cls(process)
        finally:
            with contextlib.suppress(Exception):
                await process.stdin.aclose()  # type: ignore[union-attr]
            with anyio.move_on_after(5):
                await process.wait()
            if process.returncode is None:
                process.kill()
                await process.wait()

    async def send_raw(self, data: bytes) -> None:
        assert self.process.stdin is not None
        await self.process.stdin.send(data + b"\n")

    async def send(self, obj: Any) -> None:
        await self.send_raw(json.dumps(obj).encode())

    async def recv(self, timeout: float = 10) -> dict[str, Any]:
        with anyio.fail_after(timeout):
            line = await self._out.receive_until(b"\n", 128 * 1024 * 1024)
        return json.loads(line)

    async def recv_response(self, msg_id: Any, timeout: float = 10) -> dict[str, Any]:
        """The response to msg_id, skipping notifications and other messages on the way."""
        with anyio.fail_after(timeout):
            while True:
                msg = await self.recv(timeout)
                if msg.get("id") == msg_id and "method" not in msg:
                    return msg

    async def request(self, msg_id: Any, method: str, params: dict[str, Any] | None = None, timeout: float = 10) -> dict[str, Any]:
        await self.send({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params or {}})
        return await self.recv_response(msg_id, timeout)

    async def initialize(self, version: str = "2025-11-25", capabilities: dict[str, Any] | None = None) -> dict[str, Any]:
        resp = await self.request(0, "initialize", {
            "protocolVersion": version, "capabilities": capabilities or {},
            "clientInfo": {"name": "raw-test-client", "version": "1"}}, timeout=30)
        await self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        return resp

    async def stderr_text(self) -> str:
        assert self.process.stderr is not None
        chunks = []
        with anyio.move_on_after(2):
            async for chunk in self.process.stderr:
                chunks.append(chunk)
        return b"".join(chunks).decode(errors="replace")


def records(db: Path, kind: str | None = None) -> list[dict[str, Any]]:
    from aegis_mcp.ledger.store import LedgerStore

    store = LedgerStore.open(db, readonly=True)
    try:
        out = [r.record for r in store.records()]
    finally:
        store.close()
    return [r for r in out if kind is None or r.get("kind") == kind]

"""A listening `aegis-mcp proxy --listen ...` as a subprocess, shared by the websocket and HTTP front tests."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import AsyncIterator

import anyio

from tests.proxy.conftest import WAIT_S


@contextlib.asynccontextmanager
async def listening(argv: list[str], env: dict[str, str] | None = None) -> AsyncIterator[str]:
    """Run `argv` (a proxy with --listen), yield the URL it says it listens on; on exit SIGTERM must end it cleanly."""
    process = await anyio.open_process(argv, env=env or dict(os.environ), stderr=subprocess.PIPE,
                                       stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    assert process.stderr is not None
    buffered = b""
    try:
        with anyio.fail_after(WAIT_S):
            while b"listening on " not in buffered:
                chunk = await process.stderr.receive()
                buffered += chunk
        url = buffered.split(b"listening on ", 1)[1].split()[0].decode()
        async with anyio.create_task_group() as tg:
            async def drain() -> None:  # keep the pipe from filling up
                with contextlib.suppress(Exception):
                    async for _ in process.stderr:  # type: ignore[union-attr]
                        pass

            tg.start_soon(drain)
            try:
                yield url
            finally:
                tg.cancel_scope.cancel()
    finally:
        process.terminate()
        with anyio.fail_after(WAIT_S):
            code = await process.wait()
        assert code == 0, f"the listening proxy exited with {code} on SIGTERM"

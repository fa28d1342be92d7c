"""The proxy over our websocket transport: `--listen ws://...` passes the proxy's own stdio feature
tests (server-everything, cancellation), both protocol eras, and `--upstream ws://...` relays to a
websocket MCP server with the firewall still in front of it."""

from __future__ import annotations

import contextlib
import inspect
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
import mcp_types as types
import pytest
from mcp import Client, ClientSession, StdioServerParameters
from mcp.server import MCPServer

import tests.proxy.test_everything as everything
from aegis_mcp.ledger.store import LedgerStore
from aegis_mcp.transports.websocket import bound_port, serve_mcp_websocket, websocket_client
from tests.proxy.conftest import ROOT, TEST_POLICY, WAIT_S
from tests.transports.listening import listening

PY = sys.executable
NOTES_SERVER = [PY, str(ROOT / "examples" / "notes_server.py")]
pytestmark = pytest.mark.anyio


@contextlib.asynccontextmanager
async def listening_proxy(db: Path, upstream: list[str], *extra: str, env: dict[str, str] | None = None) -> AsyncIterator[str]:
    """`aegis-mcp proxy --listen ws://127.0.0.1:0 ... -- UPSTREAM` as a subprocess; yields its URL."""
    argv = [PY, "-m", "aegis_mcp", "proxy", "--db", str(db), *extra, "--listen", "ws://127.0.0.1:0"]
    if upstream:
        argv += ["--", *upstream]
    async with listening(argv, env) as url:
        yield url


@contextlib.asynccontextmanager
async def ws_sdk_session(db: Path, upstream: list[str], *extra: str, env: dict[str, str] | None = None,
                         **session_kwargs: Any) -> AsyncIterator[ClientSession]:
    """Drop-in for tests.proxy.conftest.sdk_session, over the proxy's websocket front."""
    async with listening_proxy(db, upstream, *extra, env=env) as url:
        async with websocket_client(url) as (read, write):
            async with ClientSession(read, write, **session_kwargs) as session:
                await session.initialize()
                yield session


def _stdio_feature_tests() -> list[Any]:
    """Every proxy test that drives the proxy through tests.proxy.conftest.sdk_session (stdio)."""
    import tests.proxy.test_approvals as approvals
    import tests.proxy.test_real_servers as real_servers

    cases = []
    for module in (everything, approvals, real_servers):
        short = module.__name__.rsplit(".", 1)[1]
        for name, fn in sorted(vars(module).items()):
            if not (name.startswith("test_") and inspect.iscoroutinefunction(fn) and "sdk_session(" in inspect.getsource(fn)):
                continue
            marks = [m for m in getattr(fn, "pytestmark", []) if m.name == "parametrize"]
            if not marks:
                cases.append(pytest.param(module, name, {}, id=f"{short}::{name}"))
                continue
            argname, values = marks[0].args[0], marks[0].args[1]
            for value in values:
                cases.append(pytest.param(module, name, {argname: value}, id=f"{short}::{name}[{value}]"))
    return cases


@pytest.mark.parametrize(("module", "name", "params"), _stdio_feature_tests())
async def test_the_stdio_feature_tests_pass_over_the_websocket_front(
    module: Any, name: str, params: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The proxy's own feature tests, unchanged, with their client talking websocket instead of stdio."""
    fn = getattr(module, name)

    def kwargs(base: Path) -> dict[str, Any]:
        base.mkdir(exist_ok=True)
        available = {"db": base / "ledger.db", "tmp_path": base, **params}
        return {arg: available[arg] for arg in inspect.signature(fn).parameters}

    monkeypatch.setattr(module, "sdk_session", ws_sdk_session)
    try:
        with anyio.fail_after(180):
            await fn(**kwargs(tmp_path / "ws"))
    except BaseException as ws_failure:
        # Parity is the claim: if the same test fails over stdio too, the front is not the cause.
        monkeypatch.undo()
        try:
            with anyio.fail_after(180):
                await fn(**kwargs(tmp_path / "stdio"))
        except BaseException as stdio_failure:
            pytest.xfail(f"fails over stdio as well (not a websocket-front problem): {stdio_failure!r:.200}")
        raise ws_failure


async def _confirm(context: object, params: types.ElicitRequestParams) -> types.ElicitResult:
    return types.ElicitResult(action="accept", content={"confirm": True})


@pytest.mark.parametrize("mode", ["2026-07-28", "legacy"])
async def test_both_eras_over_the_websocket_front(tmp_path: Path, mode: str) -> None:
    if not NOTES_SERVER[1] or not Path(NOTES_SERVER[1]).exists():
        pytest.skip("examples/notes_server.py is not there yet")
    (tmp_path / "old.md").write_text("to be deleted")
    (tmp_path / "welcome.md").write_text("hello from the notes")
    db = tmp_path / "ledger.db"
    async with listening_proxy(db, [*NOTES_SERVER, str(tmp_path)], "--name", "notes", "--policy", str(TEST_POLICY)) as url:
        with anyio.fail_after(2 * WAIT_S):
            async with Client(websocket_client(url), mode=mode, elicitation_callback=_confirm) as client:
                assert (client.protocol_version == "2026-07-28") == (mode != "legacy")
                read = await client.call_tool("read_note", {"name": "welcome.md"})
                assert read.content[0].text == "hello from the notes"
                blocked = await client.call_tool("write_note", {"name": "x.md", "text": "block-me"})
                assert blocked.is_error and not (tmp_path / "x.md").exists()
                deleted = await client.call_tool("delete_note", {"name": "old.md"})
                assert deleted.content[0].text == "deleted old.md"


def _upstream_app(seen: list[str]) -> MCPServer:
    app = MCPServer("ws-upstream")

    @app.tool()
    def run_command(command: str) -> str:
        """Run a shell command (a test double that only records what reached it)."""
        seen.append(command)
        return f"ran: {command}"

    return app


async def test_upstream_over_websocket_is_still_firewalled(tmp_path: Path) -> None:
    seen: list[str] = []
    app = _upstream_app(seen)
    low = app._lowlevel_server
    db = tmp_path / "ledger.db"

    async def run_session(read: Any, write: Any) -> None:
        await low.run(read, write, low.create_initialization_options())

    async with serve_mcp_websocket("127.0.0.1", 0, run_session) as server:
        url = f"ws://127.0.0.1:{bound_port(server)}/"
        params = StdioServerParameters(command=PY, args=["-m", "aegis_mcp", "proxy", "--db", str(db), "--name", "shell",
                                                         "--agent-id", "ws-test", "--upstream", url], env=dict(os.environ))
        with anyio.fail_after(2 * WAIT_S):
            async with Client(params) as client:
                ok = await client.call_tool("run_command", {"command": "ls -la"})
                assert not ok.is_error and ok.content[0].text == "ran: ls -la"
                blocked = await client.call_tool("run_command", {"command": "rm -rf /"})
                assert blocked.is_error
    assert seen == ["ls -la"]  # the dangerous call never reached the upstream
    store = LedgerStore.open(db, readonly=True)
    try:
        decisions = [r.record for r in store.records() if r.record["kind"] == "decision"]
    finally:
        store.close()
    assert [(d["decision"], d["server"], d["agent_id"]) for d in decisions] == [
        ("allow", "shell", "ws-test"), ("block", "shell", "ws-test")]


async def test_listen_and_upstream_together(tmp_path: Path) -> None:
    """A websocket client → proxy front → websocket upstream: no stdio anywhere."""
    seen: list[str] = []
    app = _upstream_app(seen)
    low = app._lowlevel_server

    async def run_session(read: Any, write: Any) -> None:
        await low.run(read, write, low.create_initialization_options())

    async with serve_mcp_websocket("127.0.0.1", 0, run_session) as server:
        upstream_url = f"ws://127.0.0.1:{bound_port(server)}/"
        async with listening_proxy(tmp_path / "ledger.db", [], "--upstream", upstream_url) as url:
            with anyio.fail_after(2 * WAIT_S):
                for _ in range(2):  # two clients in turn, each its own session
                    async with Client(websocket_client(url)) as client:
                        assert not (await client.call_tool("run_command", {"command": "echo hi"})).is_error
                        assert (await client.call_tool("run_command", {"command": "rm -rf / --no-preserve-root"})).is_error
    assert seen == ["echo hi", "echo hi"]


def test_bad_invocations_are_clear_errors(tmp_path: Path) -> None:
    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([PY, "-m", "aegis_mcp", "proxy", "--db", str(tmp_path / "l.db"), *args],
                              capture_output=True, text=True, timeout=60, env=env or dict(os.environ))

    off_loopback = run("--listen", "ws://0.0.0.0:0", "--", "true", env={**os.environ, "AEGIS_MCP_TOKEN": ""})
    assert off_loopback.returncode == 2 and "bearer token" in off_loopback.stderr
    both = run("--upstream", "ws://127.0.0.1:1/", "--", "true")
    assert both.returncode == 2 and "not both" in both.stderr
    not_ws = run("--upstream", "ftp://127.0.0.1:1/")  # (http(s):// is the streamable HTTP upstream)
    assert not_ws.returncode == 2 and "not a websocket or HTTP URL" in not_ws.stderr
    unreachable = run("--upstream", "ws://127.0.0.1:1/")
    assert unreachable.returncode == 1 and "cannot connect" in unreachable.stderr

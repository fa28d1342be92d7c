"""Real client sessions against `aegis-mcp audit-server` as a subprocess: the SDK client over stdio,
websocket and streamable HTTP, and the MCP Inspector CLI, on a ledger filled by real appends and a
real proxy run (filesystem server: one read allowed, a traversal blocked, an injected file flagged)."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client, ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

from aegis_mcp.transports.websocket import websocket_client
from tests.audit_server.conftest import INJECTION, fill

ROOT = Path(__file__).resolve().parents[2]
INSPECTOR = ROOT / "node_modules" / ".bin" / "mcp-inspector"
FILESYSTEM = ROOT / "node_modules" / ".bin" / "mcp-server-filesystem"
PY = sys.executable
# A bound, not a timing: on a loaded 2-core machine a server's start can take 10-50x its idle time.
WAIT_S = 60.0
pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Synthetic history first (real appends), then a real proxy run in front of server-filesystem."""
    base = tmp_path_factory.mktemp("sessions")
    db = base / "ledger.db"
    fill(db, n=120)
    share = base / "share"
    share.mkdir()
    (share / "notes.txt").write_text("meeting at 10")
    (share / "evil.txt").write_text(f"Weather: sunny. {INJECTION}")

    async def proxy_run() -> None:
        params = StdioServerParameters(
            command=PY, args=["-m", "aegis_mcp", "proxy", "--db", str(db), "--name", "fs", "--agent-id", "tester",
                              "--", str(FILESYSTEM), str(share)], env=dict(os.environ))
        with anyio.fail_after(2 * WAIT_S):
            async with stdio_client(params) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    ok = await session.call_tool("read_text_file", {"path": str(share / "notes.txt")})
                    assert not ok.is_error
                    blocked = await session.call_tool("read_text_file", {"path": str(share / "../../../etc/passwd")})
                    assert blocked.is_error
                    await session.call_tool("read_text_file", {"path": str(share / "evil.txt")})

    anyio.run(proxy_run)
    return db


def audit_argv(db: Path, *extra: str) -> list[str]:
    return [PY, "-m", "aegis_mcp", "audit-server", "--db", str(db), *extra]


@contextlib.contextmanager
def listening(db: Path, transport: str, *extra: str) -> Iterator[str]:
    """Start a network audit server on a free port; yield the URL it announces on stderr.

    A thread drains stderr for the server's whole life (a full pipe would stall it), and the
    announcement is awaited with a bound, so a server that never starts fails the test instead
    of hanging it.
    """
    proc = subprocess.Popen(audit_argv(db, "--transport", transport, "--port", "0", *extra),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    announced: queue.Queue[str | None] = queue.Queue()
    lines: list[str] = []

    def drain() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)
            if "listening on " in line:
                announced.put(line.rsplit("listening on ", 1)[1].strip())
        announced.put(None)  # EOF: the server exited without announcing

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        try:
            url = announced.get(timeout=WAIT_S)
        except queue.Empty:
            url = None
        assert url, f"the server did not start (exit {proc.poll()}): {''.join(lines)[-2000:]}"
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reader.join(timeout=WAIT_S)


async def exercise(client: Any) -> None:
    """The same feature checks over every transport."""
    tools = {t.name for t in (await client.list_tools()).tools}
    assert tools == {"query_traces", "list_violations", "get_agent_stats", "list_policies", "get_trace",
                     "verify_chain", "list_pending"}
    violations = await client.call_tool("list_violations", {"agent": "tester"})
    data = violations.structured_content
    assert data["count"] >= 1
    blocked = data["records"][0]
    assert blocked["server"] == "fs" and blocked["decision"] == "block" and blocked["signals"]
    assert blocked["reason"]["untrusted"] is True
    text = violations.content[0].text
    assert "#%d" % blocked["seq"] in text and data["untrusted_marker"] in text

    mine = await client.call_tool("query_traces", {"agent": "tester", "limit": 50})
    kinds = [r["kind"] for r in mine.structured_content["records"]]
    assert kinds.count("decision") == 3

    injected = await client.call_tool("query_traces", {"text": "IGNORE ALL PREVIOUS", "limit": 100})
    records = injected.structured_content["records"]
    marker = injected.structured_content["untrusted_marker"]
    assert records
    for rec in records:
        for key in ("preview", "reason", "summary", "command"):
            value = rec.get(key)
            if isinstance(value, dict) and "IGNORE ALL" in value["text"]:
                assert value["untrusted"] is True and value["text"].startswith(marker)
                # the forged closing marker stored in the ledger did not survive as a real one
                assert value["text"].count(marker.replace("<", "</", 1)) == 1
    stats = (await client.call_tool("get_agent_stats", {"agent": "tester"})).structured_content["agents"][0]
    assert stats["calls"] == 3 and sum(stats["decisions"].values()) == 3 and stats["decisions"].get("block", 0) >= 1

    trace = await client.call_tool("get_trace", {"seq": blocked["seq"]})
    assert trace.structured_content["status"] == "intact" and trace.structured_content["inclusion_proof"]["verified"]
    verify = await client.call_tool("verify_chain", {})
    assert verify.structured_content["status"] == "intact"
    pending = await client.call_tool("list_pending", {})
    assert pending.structured_content["count"] == 1
    policies = await client.call_tool("list_policies", {})
    assert policies.structured_content["active"] and policies.structured_content["recorded_policy_sets"]
    bad = await client.call_tool("query_traces", {"cursor": "garbage"})
    assert bad.is_error


async def test_sdk_client_over_stdio(ledger: Path) -> None:
    params = StdioServerParameters(command=PY, args=audit_argv(ledger)[1:], env=dict(os.environ))
    with anyio.fail_after(2 * WAIT_S):
        async with Client(params) as client:
            await exercise(client)


async def test_sdk_client_over_websocket(ledger: Path) -> None:
    with listening(ledger, "websocket") as url:
        assert url.startswith("ws://127.0.0.1:")
        with anyio.fail_after(2 * WAIT_S):
            async with Client(websocket_client(url), mode="legacy") as client:
                await exercise(client)
            async with Client(websocket_client(url)) as client:  # 2026-07-28 era
                await exercise(client)


async def test_sdk_client_over_streamable_http(ledger: Path) -> None:
    with listening(ledger, "http") as url:
        assert url.endswith("/mcp")
        with anyio.fail_after(2 * WAIT_S):
            async with Client(url) as client:
                await exercise(client)
        request = urllib.request.Request(url, headers={"Host": "attacker.example"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(request, timeout=WAIT_S)
        assert err.value.code == 421


async def test_http_off_loopback_needs_a_token(ledger: Path) -> None:
    refused = subprocess.run(audit_argv(ledger, "--transport", "http", "--host", "0.0.0.0", "--port", "0"),
                             capture_output=True, text=True, timeout=2 * WAIT_S, env={**os.environ, "AEGIS_MCP_TOKEN": ""})
    assert refused.returncode == 2 and "bearer token" in refused.stderr
    token = "session-test-token-0123456789"
    with listening(ledger, "http", "--token", token) as url:
        request = urllib.request.Request(url, data=b"{}", headers={"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(request, timeout=WAIT_S)
        assert err.value.code == 401
        import httpx2 as httpx

        async with httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"}) as http_client:
            from mcp.client.streamable_http import streamable_http_client

            with anyio.fail_after(2 * WAIT_S):
                async with Client(streamable_http_client(url, http_client=http_client)) as client:
                    assert (await client.call_tool("verify_chain", {})).structured_content["status"] == "intact"


def inspector(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(INSPECTOR), "--cli", *args], capture_output=True, text=True, timeout=3 * WAIT_S)


@pytest.mark.skipif(not INSPECTOR.exists(), reason="scripts/setup.sh installs the MCP Inspector")
def test_mcp_inspector_cli_over_stdio_and_http(ledger: Path) -> None:
    listed = inspector(*audit_argv(ledger), "--method", "tools/list")
    assert listed.returncode == 0, listed.stderr
    assert {t["name"] for t in json.loads(listed.stdout)["tools"]} >= {"query_traces", "list_violations"}
    called = inspector(*audit_argv(ledger), "--method", "tools/call", "--tool-name", "list_violations",
                       "--tool-arg", "agent=tester")
    assert called.returncode == 0, called.stderr
    result = json.loads(called.stdout)
    assert result["structuredContent"]["records"][0]["server"] == "fs"
    assert "<untrusted-data" in result["content"][0]["text"]
    with listening(ledger, "http") as url:
        over_http = inspector(url, "--transport", "http", "--method", "tools/call", "--tool-name", "get_agent_stats")
        assert over_http.returncode == 0, over_http.stderr
        agents = {a["agent_id"] for a in json.loads(over_http.stdout)["structuredContent"]["agents"]}
        assert {"tester", "ci-bot"} <= agents

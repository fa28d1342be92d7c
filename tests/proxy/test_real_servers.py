"""The firewall in front of real MCP servers with the default engine: a DROP TABLE through
mcp-server-sqlite, a traversal to /etc/passwd through server-filesystem, `rm -rf /` through
mcp-shell-server are all stopped before the server runs them; an injected tool result reaches the
model only with a warning (or not at all); the MCP Inspector CLI works through the proxy."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import anyio
import anyio.to_thread
import pytest

from tests.proxy.conftest import FILESYSTEM, LINE_SERVER, NODE_BIN, PY, SHELL, SQLITE, proxy_argv, records, sdk_session

pytestmark = pytest.mark.anyio

# A held call nobody answers is denied: keep the wait short so "blocked or held-then-denied" is quick.
SHORT = ("--approval-timeout", "1")


def _refused(result: object) -> str:
    assert result.is_error, result  # type: ignore[attr-defined]
    text = result.content[0].text  # type: ignore[attr-defined]
    assert "aegis-mcp blocked" in text
    return text


async def test_sqlite_drop_table_is_stopped(tmp_path: Path) -> None:
    data = tmp_path / "shop.db"
    with sqlite3.connect(data) as conn:
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO users (name) VALUES ('ada'), ('grace')")
    db = tmp_path / "ledger.db"
    async with sdk_session(db, [SQLITE, "--db-path", str(data)], "--name", "shop", *SHORT) as s:
        rows = await s.call_tool("read_query", {"query": "SELECT name FROM users ORDER BY id"})
        assert not rows.is_error and "ada" in rows.content[0].text
        _refused(await s.call_tool("write_query", {"query": "DROP TABLE users"}))
        _refused(await s.call_tool("read_query", {"query": "SELECT * FROM users WHERE name = '' OR 1=1 --'"}))
    with sqlite3.connect(data) as conn:
        assert conn.execute("SELECT count(*) FROM users").fetchone() == (2,)
    assert {r["decision"] for r in records(db, "decision") if r["tool"] == "write_query"} <= {"block", "pending"}


async def test_filesystem_traversal_is_blocked(tmp_path: Path) -> None:
    root = tmp_path / "share" / "docs"
    root.mkdir(parents=True)
    (root / "readme.txt").write_text("public notes")
    db = tmp_path / "ledger.db"
    async with sdk_session(db, [FILESYSTEM, str(root)], "--name", "fs", *SHORT) as s:
        ok = await s.call_tool("read_text_file", {"path": str(root / "readme.txt")})
        assert not ok.is_error and "public notes" in ok.content[0].text
        text = _refused(await s.call_tool("read_text_file", {"path": f"{root}/../../etc/passwd"}))
        assert "path_traversal" in text or "sensitive_file" in text
    blocked = [r for r in records(db, "decision") if r["decision"] == "block"]
    assert blocked and blocked[0]["tool"] == "read_text_file" and blocked[0]["server"] == "fs"


async def test_shell_rm_rf_root_is_blocked(tmp_path: Path) -> None:
    # The shell server itself would refuse `rm` (not in ALLOW_COMMANDS): never risk the real thing.
    env = {**os.environ, "ALLOW_COMMANDS": "ls,echo"}
    db = tmp_path / "ledger.db"
    async with sdk_session(db, [SHELL], "--name", "shell", *SHORT, env=env) as s:
        ok = await s.call_tool("shell_execute", {"command": ["echo", "hello"]})
        assert not ok.is_error and "hello" in ok.content[0].text
        _refused(await s.call_tool("shell_execute", {"command": ["rm", "-rf", "/"]}))
        _refused(await s.call_tool("shell_execute", {"command": ["sh", "-c", "rm -rf / --no-preserve-root"]}))
    assert [r["decision"] for r in records(db, "decision") if r["tool"] == "shell_execute"][1:] == ["block", "block"]


async def test_injected_result_is_flagged_or_withheld(tmp_path: Path) -> None:
    """Default policy: a prompt injection in a result never reaches the model as plain content."""
    db = tmp_path / "ledger.db"
    async with sdk_session(db, LINE_SERVER, "--name", "web") as s:
        res = await s.call_tool("fetch_page", {"url": "https://shop.example/product"})
    texts = [c.text for c in res.content]
    flagged = "aegis-mcp warning" in texts[0]
    withheld = res.is_error and "withheld" in texts[0]
    assert flagged or withheld
    scan = records(db, "result_scan")
    assert scan and scan[0]["decision"] in ("flag", "block") and any("prompt_injection" in s for s in scan[0]["signals"])


async def test_injected_result_flag_policy_keeps_content_with_warning(tmp_path: Path) -> None:
    policy = tmp_path / "flag.yaml"
    policy.write_text("version: 1\nsettings:\n  results: {injection: flag}\n")
    async with sdk_session(tmp_path / "l.db", LINE_SERVER, "--policy", str(policy)) as s:
        res = await s.call_tool("fetch_page", {"url": "https://shop.example/product"})
    assert not res.is_error
    assert "aegis-mcp warning" in res.content[0].text and "untrusted" in res.content[0].text
    assert "ignore all previous instructions" in res.content[1].text  # the original, unchanged


def _inspector(db: Path, *args: str, upstream: list[str]) -> subprocess.CompletedProcess[str]:
    argv = [str(NODE_BIN / "mcp-inspector"), "--cli", *args, "--", *proxy_argv(db, upstream)]
    return subprocess.run(argv, capture_output=True, text=True, timeout=180, env=dict(os.environ))


async def test_inspector_cli_through_the_proxy(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    everything = [str(NODE_BIN / "mcp-server-everything")]
    listed = await anyio.to_thread.run_sync(lambda: _inspector(db, "--method", "tools/list", upstream=everything))
    assert listed.returncode == 0, listed.stderr
    assert "echo" in {t["name"] for t in json.loads(listed.stdout)["tools"]}
    called = await anyio.to_thread.run_sync(lambda: _inspector(
        db, "--method", "tools/call", "--tool-name", "echo", "--tool-arg", "message=hi", upstream=everything))
    assert called.returncode == 0 and "Echo: hi" in called.stdout
    fs_root = tmp_path / "root"
    fs_root.mkdir()
    blocked = await anyio.to_thread.run_sync(lambda: _inspector(
        db, "--method", "tools/call", "--tool-name", "read_text_file",
        "--tool-arg", f"path={fs_root}/../../../etc/passwd", upstream=[FILESYSTEM, str(fs_root)]))
    assert blocked.returncode != 0 and "aegis-mcp blocked" in blocked.stdout + blocked.stderr
    assert PY  # the proxy ran under this interpreter


async def test_secret_in_result_is_redacted(tmp_path: Path) -> None:
    policy = tmp_path / "redact.yaml"
    policy.write_text("version: 1\nsettings:\n  pending_threshold: MEDIUM\n  results: {secrets: redact, pii: redact}\n")
    db = tmp_path / "l.db"
    async with sdk_session(db, LINE_SERVER, "--policy", str(policy)) as s:
        res = await s.call_tool("read_config", {})
    assert not res.is_error
    text = res.content[0].text
    assert "ghp_1234567890" not in text and "[REDACTED:github_token]" in text
    assert "ghp_1234567890" not in json.dumps(res.structured_content)
    assert records(db, "result_scan")[0]["decision"] == "redact"

"""What a new user's first hour turned up in the audit server: each test fails on what they met.

Pseudo-agents in the agent statistics, a damaged ledger listed without a word (and named in
another vocabulary than `aegis-mcp verify`), the active policies passing for the proxies', records
that are not decisions rendered as "- -", and the command's own token advice.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import anyio
import orjson
from mcp import Client

from aegis_mcp.audit_server.server import build_server, open_service
from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.policy_checks import CATEGORIES
from aegis_mcp.ledger.store import LedgerStore

ROOT = Path(__file__).resolve().parents[1]


def _policy(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(text)
    return path


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "aegis_mcp", *args], capture_output=True, text=True, timeout=120,
                          cwd=ROOT)


def test_agent_stats_list_agents_not_records_without_one(tmp_path: Path) -> None:
    # Before: two "(no agent id): 0 calls ()" lines (an empty and an absent agent id) beside the agents.
    db = tmp_path / "ledger.db"
    store = LedgerStore.open(db)
    try:
        store.append({"kind": "session", "event": "start", "server": "fs", "agent_id": "", "session_id": "s1"})
        store.append({"kind": "pin_change", "server": "fs", "tool": "read", "change": "new"})
        store.append({"kind": "decision", "agent_id": "claude-desktop", "server": "fs", "tool": "read",
                      "decision": "block", "risk": "CRITICAL", "category": "file", "session_id": "s1"})
        store.append({"kind": "decision", "agent_id": "claude-desktop", "server": "fs", "tool": "read",
                      "decision": "allow", "risk": "LOW", "category": "file", "session_id": "s1"})
        store.append({"kind": "session", "event": "end", "server": "fs", "agent_id": "", "session_id": "s1"})
    finally:
        store.close()

    async def ask() -> tuple[str, Any]:
        service = open_service(db)
        try:
            async with Client(build_server(service)) as client:
                with anyio.fail_after(60):
                    r = await client.call_tool("get_agent_stats", {})
                    return "\n".join(getattr(c, "text", "") for c in r.content), r.structured_content
        finally:
            service.close()

    text, data = anyio.run(ask)
    assert [a["agent_id"] for a in data["agents"]] == ["claude-desktop"]
    assert data["records_without_agent"] == 3
    assert text.splitlines()[0] == "1 agent(s):"
    assert "claude-desktop: 2 calls (allow 1, block 1); 1 violation, rate 50.0%" in text
    assert "(no agent id)" not in text and "()" not in text
    assert "(3 record(s) made by no agent" in text


def _tampered_ledger(tmp_path: Path) -> Path:
    """A ledger whose block at seq 2 was rewritten to 'allow' in the body, as an intruder with SQL would."""
    import sqlite3

    db = tmp_path / "ledger.db"
    store = LedgerStore.open(db, checkpoint_every=2)
    try:
        for i in range(6):
            store.append({"kind": "decision", "agent_id": "night-agent", "server": "shell", "tool": "run",
                          "decision": "block" if i == 2 else "allow", "risk": "CRITICAL" if i == 2 else "LOW",
                          "category": "shell", "reason": "shell_injection/destructive" if i == 2 else ""})
    finally:
        store.close()
    conn = sqlite3.connect(db)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')  # the append-only guard is no obstacle to the file's owner
    body = conn.execute("SELECT body FROM records WHERE seq=2").fetchone()[0]
    conn.execute("UPDATE records SET body=? WHERE seq=2", (bytes(body).replace(b'"CRITICAL"', b'"LOW"'),))
    conn.commit()
    conn.close()
    return db


def test_a_damaged_ledger_is_flagged_above_every_listing_in_verifys_words(tmp_path: Path) -> None:
    # Before: list_violations answered from the edited rows without a word, and verify_chain said
    # "leaf_mismatch" where `aegis-mcp verify` says "modified" for the same record.
    db = _tampered_ledger(tmp_path)
    cli = subprocess.run([sys.executable, "-m", "aegis_mcp", "verify", "--db", str(db), "--json"],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert cli.returncode == 1
    cli_damage = orjson.loads(cli.stdout)["damage"]

    async def ask() -> list[tuple[str, Any]]:
        service = open_service(db)
        service.warm(background=False)
        try:
            async with Client(build_server(service)) as client:
                out = []
                with anyio.fail_after(60):
                    for tool in ("list_violations", "query_traces", "get_agent_stats", "verify_chain"):
                        r = await client.call_tool(tool, {})
                        out.append(("\n".join(getattr(c, "text", "") for c in r.content), r.structured_content))
                return out
        finally:
            service.close()

    answers = anyio.run(ask)
    for text, data in answers[:3]:
        assert text.startswith(f"WARNING: this ledger failed verification at record 2 ({cli_damage['kind']})"), text
        assert data["ledger_damaged"]["kind"] == cli_damage["kind"] == "modified"
    text, data = answers[3]
    assert data["first_damage"]["kind"] == "modified" and data["first_damage"]["detail"] == cli_damage["detail"]
    assert "first damage at record 2: modified (record 2's bytes do not match its leaf hash" in text, text


def test_list_policies_says_when_the_proxies_run_another_policy_set(tmp_path: Path) -> None:
    # Before: the audit server (started without --policy) listed the built-in policies as "active"
    # while every proxy recorded a different policy set, with nothing to tell the two apart.
    policy = _policy(tmp_path, "version: 1\nsettings: {pending_threshold: CRITICAL}\n")
    theirs = Engine.from_file(policy).policy_hash
    db = tmp_path / "ledger.db"
    store = LedgerStore.open(db)
    try:
        store.append({"kind": "session", "event": "start", "server": "fs", "agent_id": "", "policy_hash": theirs})
    finally:
        store.close()

    async def ask(policy_file: str | None) -> tuple[str, Any]:
        service = open_service(db, policy_file=policy_file)
        try:
            async with Client(build_server(service)) as client:
                with anyio.fail_after(60):
                    r = await client.call_tool("list_policies", {})
                    return "\n".join(getattr(c, "text", "") for c in r.content), r.structured_content
        finally:
            service.close()

    text, data = anyio.run(ask, None)
    assert f"note: the proxies last recorded policy set {theirs[:12]}…, not the active one" in text
    assert data["active_is_latest_recorded"] is False
    text, data = anyio.run(ask, str(policy))
    assert "note:" not in text and data["active_is_latest_recorded"] is True


def test_a_token_on_the_audit_servers_command_line_is_warned_about(tmp_path: Path) -> None:
    # Before: accepted silently, though the proxy takes tokens from the environment only (argv is
    # readable by every local user through `ps`).
    db = tmp_path / "ledger.db"
    LedgerStore.open(db).close()
    proc = subprocess.Popen([sys.executable, "-m", "aegis_mcp", "audit-server", "--db", str(db), "--transport", "http",
                             "--port", "0", "--token", "a-long-enough-s3cret-token"], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert proc.stderr is not None
        lines = [proc.stderr.readline() for _ in range(2)]
    finally:
        proc.terminate()
        proc.communicate(timeout=60)
    assert "set $AEGIS_MCP_TOKEN instead" in lines[0], lines
    assert "listening on http://127.0.0.1:" in lines[1], lines


def test_the_audit_servers_help_examples_run(tmp_path: Path) -> None:
    # Before: `AEGIS_MCP_TOKEN=s3cret aegis-mcp audit-server --transport websocket --host 0.0.0.0`, the
    # help's own example, was refused ("the bearer token must be at least 16 characters long").
    import re

    help_text = _cli("audit-server", "--help").stdout
    example = next(line for line in help_text.splitlines() if "AEGIS_MCP_TOKEN=" in line)
    value = re.search(r"AEGIS_MCP_TOKEN=(\S+)", example)
    assert value is not None
    token = value.group(1)
    if token.startswith("$("):  # a command substitution: what it makes (openssl rand -hex 24: 48 characters)
        assert "openssl rand -hex 24" in example
    else:
        assert len(token) >= 16, example


def test_listings_say_what_a_record_that_is_not_a_decision_is(tmp_path: Path) -> None:
    # Before: "session - - fs/? agent=" and "pin_change allow LOW fs/read agent=?" said nothing of
    # which session event or what change; an approval did not say who approved.
    db = tmp_path / "ledger.db"
    store = LedgerStore.open(db)
    try:
        store.append({"kind": "session", "event": "start", "server": "fs", "agent_id": "", "session_id": "s1"})
        store.append({"kind": "pin_change", "server": "fs", "tool": "read", "change": "changed", "status": "held",
                      "decision": "pending", "risk": "HIGH"})
        store.append({"kind": "approval", "server": "fs", "tool": "write", "agent_id": "claude-desktop",
                      "decision": "approved", "approver": "alice", "channel": "cli", "approval_id": "abcd-efgh"})
    finally:
        store.close()

    async def ask() -> list[str]:
        service = open_service(db)
        try:
            async with Client(build_server(service)) as client:
                with anyio.fail_after(60):
                    r = await client.call_tool("query_traces", {})
                    return "\n".join(getattr(c, "text", "") for c in r.content).splitlines()
        finally:
            service.close()

    lines = anyio.run(ask)
    assert lines[1].endswith("approval approved - fs/write agent=claude-desktop by alice via cli"), lines
    assert lines[2].endswith("pin_change pending HIGH fs/read agent=- (changed, held)"), lines
    assert lines[3].endswith("session start - fs agent=-"), lines


def test_verify_chain_with_an_anchor_says_the_ledger_extends_it(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    with LedgerStore.open(db) as store:
        store.append({"kind": "decision", "agent_id": "a", "server": "fs", "tool": "read", "decision": "allow"})
        note = store.write_checkpoint().note
        store.append({"kind": "decision", "agent_id": "a", "server": "fs", "tool": "read", "decision": "allow"})

    async def ask() -> tuple[str, str]:
        service = open_service(db)
        try:
            async with Client(build_server(service)) as client:
                with anyio.fail_after(60):
                    good = await client.call_tool("verify_chain", {"anchor": note})
                    path = await client.call_tool("verify_chain", {"anchor": str(tmp_path / "anchor.txt")})
                    return good.content[0].text, path.content[0].text  # type: ignore[union-attr]
        finally:
            service.close()

    good, path = anyio.run(ask)
    assert good.startswith("ledger intact:") and good.endswith("; it extends the anchor you passed"), good
    assert "anchor takes the note's text (the contents of that file), not a path" in path


def test_every_category_the_engine_gives_is_a_filter_the_audit_server_takes(tmp_path: Path) -> None:
    # Before: `query_traces(category="finance")` on a ledger without one yet was an error
    # ("unknown category 'finance': use one of ..."), though the engine gives that category.
    from aegis_mcp.audit_server.queries import AuditQueries

    db = tmp_path / "ledger.db"
    with LedgerStore.open(db) as store:
        store.append({"kind": "decision", "agent_id": "a", "server": "fs", "tool": "read", "decision": "allow",
                      "category": "file"})
    q = AuditQueries.open(db)
    try:
        for category in CATEGORIES:
            assert q.query_traces(category=category)["count"] == (1 if category == "file" else 0)
    finally:
        q.close()

"""No audit tool can change the ledger: every tool, through a real client, leaves every table as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client

from aegis_mcp.audit_server.server import build_server, open_service
from aegis_mcp.errors import ConfigError, LedgerError
from tests.audit_server.conftest import Filled

pytestmark = pytest.mark.anyio


def snapshot(path: Path) -> dict[str, Any]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in ("records", "checkpoints", "approvals", "pins", "meta", "tree_state")}
    finally:
        conn.close()


async def test_no_tool_changes_anything(filled: Filled) -> None:
    before = snapshot(filled.path)
    main_bytes = hashlib.sha256(filled.path.read_bytes()).hexdigest()
    service = open_service(filled.path)
    calls: list[tuple[str, dict[str, Any]]] = [
        ("query_traces", {}), ("query_traces", {"text": "approve", "limit": 100}),
        ("list_violations", {"limit": 100}), ("get_agent_stats", {}), ("list_policies", {}),
        ("get_trace", {"seq": 3}), ("verify_chain", {}), ("verify_chain", {"full": True}), ("list_pending", {}),
    ]
    try:
        async with Client(build_server(service)) as client:
            tools = {t.name for t in (await client.list_tools()).tools}
            assert tools == {name for name, _ in calls}, "a new tool must be added to this test"
            listed = (await client.list_tools()).tools
            assert all(t.annotations and t.annotations.read_only_hint for t in listed)
            with anyio.fail_after(60):
                for name, args in calls:
                    result = await client.call_tool(name, args)
                    assert not result.is_error, (name, result.content)
            # The pending call is still pending: there is no way to approve from here.
            pending = await client.call_tool("list_pending", {})
            assert pending.structured_content and pending.structured_content["count"] == 1
    finally:
        service.close()
    assert snapshot(filled.path) == before
    assert hashlib.sha256(filled.path.read_bytes()).hexdigest() == main_bytes


def test_the_connection_itself_refuses_writes(filled: Filled) -> None:
    service = open_service(filled.path)
    try:
        before = snapshot(filled.path)
        # DatabaseError, not OperationalError: on some machines SQLite reports an extended
        # read-only code that Python maps to the base class (seen in CI). The message is not
        # asserted: this test bypasses the connection's lock, so the service's warm-up thread can
        # reset SQLite's last-error text ("not an error") before Python reads it (seen under load).
        with pytest.raises(sqlite3.DatabaseError):
            service.queries.conn.execute("UPDATE approvals SET status='approved'")
        assert snapshot(filled.path) == before
        with pytest.raises(LedgerError):
            service.queries.store.append({"kind": "decision"})
    finally:
        service.close()


def test_a_missing_ledger_is_an_error_and_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "ledger.db"
    with pytest.raises(ConfigError, match="no ledger"):
        open_service(missing)
    assert not missing.parent.exists()

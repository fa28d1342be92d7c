"""list_pending tells the truth about held calls: one whose proxy is gone is marked orphaned
(nothing would run it), through the query and through the MCP tool's text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from aegis_mcp.audit_server.queries import AuditQueries
from aegis_mcp.ledger.holder import new_instance, this_process
from aegis_mcp.ledger.store import LedgerStore


def test_orphaned_pending_calls_are_marked(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    host, pid, process = this_process()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    with LedgerStore.open(db) as store:
        common = {"server": "fs", "tool": "write_file", "agent_id": "a", "summary": {}, "timeout_s": 600}
        live = store.create_approval(args_sha256="1" * 64, holder=(new_instance(), host, pid, process), **common)
        gone = store.create_approval(args_sha256="2" * 64, holder=(new_instance(), host, dead.pid, process), **common)
        legacy = store.create_approval(args_sha256="3" * 64, **common)  # an older proxy: no holder row
    q = AuditQueries.open(db)
    try:
        rows = {p["approval_id"]: p for p in q.list_pending()["pending"]}
    finally:
        q.close()
    assert not rows[live]["orphaned"] and f"proxy pid {pid}" in rows[live]["holder"]
    assert rows[gone]["orphaned"] and "has exited" in rows[gone]["holder"]
    assert not rows[legacy]["orphaned"] and "older aegis-mcp" in rows[legacy]["holder"]

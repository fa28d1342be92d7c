"""The control-plane guard on its own: which forwarded bytes count as reaching for the firewall's
approvals, pins or ledger (the end-to-end attempt is in test_approvals.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aegis_mcp.proxy import jsonrpc
from aegis_mcp.proxy.control_plane import ControlPlaneGuard


def _call(**arguments: object) -> bytes:
    return jsonrpc.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                          "params": {"name": "run", "arguments": arguments}})


DB = Path.home() / ".local" / "share" / "aegis-mcp" / "ledger.db"


@pytest.mark.parametrize("data", [
    _call(command=f"sqlite3 {DB} \"update approvals set status='approved'\""),
    _call(path="~/.local/share/aegis-mcp/ledger.db"),  # the home-relative spelling
    _call(path=f"{DB}-wal"),  # its companions (and the key beside it) share the prefix
    _call(path=f"{DB}.key"),
    _call(argv=["aegis-mcp", "approvals", "approve", "7za5-gu9s"]),
    _call(code="from aegis_mcp.ledger.store import LedgerStore; LedgerStore.open(p).decide_approval(i, approve=True)"),
    _call(argv=["uvx", "aegis-mcp", "pins", "accept", "fs", "exec"]),
])
def test_refused(data: bytes) -> None:
    guard = ControlPlaneGuard(DB)
    assert guard.suspect(data)
    decision = guard.check(data)
    assert decision is not None and decision.decision == "block" and decision.category == "self_approval"


@pytest.mark.parametrize("data", [
    _call(path="/srv/app/ledger.db"),  # another program's ledger.db
    _call(text="aegis-mcp is our MCP firewall; see its README on shopping for MCP servers"),
    _call(query="SELECT * FROM invoices"),
])
def test_not_refused(data: bytes) -> None:
    assert ControlPlaneGuard(DB).check(data) is None


def test_no_ledger_means_only_the_command_check() -> None:
    guard = ControlPlaneGuard(None)
    assert not guard.suspect(_call(path="/x/ledger.db"))
    assert guard.check(_call(argv=["aegis-mcp", "approvals", "deny", "x"])) is not None

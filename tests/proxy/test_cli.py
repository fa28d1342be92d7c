"""The proxy's commands as a user runs them: `aegis-mcp demo` (the README's first command),
a bad policy or a missing command refused with a clear message, and an approval that was
tampered with in the database (bound to other arguments) refused by the proxy."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import anyio
import pytest

from tests.proxy.conftest import LINE_SERVER, PY, TEST_POLICY, WAIT_S, RawProxy, approver, cli, proxy_argv

pytestmark = pytest.mark.anyio


def test_demo_runs_the_main_job_end_to_end(tmp_path: Path) -> None:
    env = {**os.environ, "AEGIS_MCP_DATA_DIR": str(tmp_path / "data")}
    env.pop("AEGIS_MCP_DB", None)
    out = subprocess.run([PY, "-m", "aegis_mcp", "demo"], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    text = out.stdout
    for expected in ("1. ALLOWED", "2. BLOCKED", "3. HELD", "aegis-mcp approvals approve", "4. CAUGHT", "intact"):
        assert expected in text, expected
    assert (tmp_path / "data" / "ledger.db").exists()  # the embedded default: the per-user data dir


def test_demo_leaves_the_operators_approver_token_alone(tmp_path: Path) -> None:
    """The demo's scripted operator approves with a throwaway token; the user's own ledger may
    already have an approver token their automation uses, and it must still work afterwards."""
    from aegis_mcp.ledger.approver import check_token, create_token

    db = tmp_path / "ledger.db"
    operators = create_token(db)
    out = subprocess.run([PY, "-m", "aegis_mcp", "demo", "--db", str(db)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "approved" in out.stdout
    assert check_token(db, operators) is None


def test_bad_policy_and_missing_command_are_refused_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\npolicies:\n  - name: x\n    rule: {type: 12}\n")
    # The client stays connected: the proxy itself must refuse to go on with a policy it cannot use.
    proc = subprocess.Popen(proxy_argv(tmp_path / "l.db", LINE_SERVER, "--policy", str(bad)),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        code = proc.wait(timeout=30)
        stdout, stderr = proc.communicate()
    finally:
        proc.kill()
    assert code == 2 and "cannot start the firewall" in stderr and stdout == ""
    out = cli("proxy", "--db", str(tmp_path / "l.db"))
    assert out.returncode == 2 and "after `--`" in out.stderr
    out = cli("proxy", "--policy", str(tmp_path / "missing.yaml"), "--", "true")
    assert out.returncode == 2 and "not found" in out.stderr


async def test_approval_bound_to_other_arguments_is_refused(tmp_path: Path) -> None:
    """Someone with write access to the database re-points a held approval at other arguments
    and approves it: the proxy checks the binding and refuses the call."""
    db, log = tmp_path / "l.db", tmp_path / "up.log"
    env = {**os.environ, "LINE_SERVER_LOG": str(log)}
    async with RawProxy.start(proxy_argv(db, LINE_SERVER, "--policy", str(TEST_POLICY)), env=env) as proxy:
        await proxy.initialize()
        await proxy.send({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                          "params": {"name": "echo", "arguments": {"message": "hold-me"}}})
        with anyio.fail_after(WAIT_S):
            while True:
                listed = cli("approvals", "list", "--json", "--db", str(db)).stdout.split()
                if listed:
                    break
                await anyio.sleep(0.1)
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE approvals SET args_sha256 = ?", ("0" * 64,))
        approval_id = cli("approvals", "list", "--json", "--db", str(db)).stdout.split('"id": "')[1].split('"')[0]
        assert cli("approvals", "approve", approval_id, "--db", str(db), env=approver(db)).returncode == 0
        resp = await proxy.recv_response(1)
    assert resp["result"]["isError"] and "does not match" in resp["result"]["content"][0]["text"]
    assert b"hold-me" not in log.read_bytes()


def test_missing_upstream_command_is_reported(tmp_path: Path) -> None:
    out = subprocess.run(proxy_argv(tmp_path / "l.db", ["/nonexistent/mcp-server"]), input="",
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 1 and "cannot start upstream" in out.stderr and out.stdout == ""


def test_review_commands_refuse_to_run_under_the_proxy(tmp_path: Path) -> None:
    """Started by a server behind the proxy (however the proxy was launched), `approvals approve`
    and `pins accept` refuse: only a human's own terminal may answer what the proxy holds."""
    from aegis_mcp.ledger.store import LedgerStore

    db = tmp_path / "l.db"
    LedgerStore.open(db).close()
    launchers = ([str(Path(PY).parent / "aegis-mcp")], [PY, "-m", "aegis_mcp"])  # console script, module
    commands = (["approvals", "approve", "abcd-efgh"], ["pins", "accept", "fs", "exec"])
    for proxy, command in zip(launchers, commands):
        # The "upstream" is the review command itself: the proxy's child, as a shell server's command would be.
        argv = [*proxy, "proxy", "--db", str(db), "--", PY, "-m", "aegis_mcp", *command, "--db", str(db)]
        out = subprocess.run(argv, input="", capture_output=True, text=True, timeout=60)
        assert "refused" in out.stderr and "an agent cannot approve its own calls" in out.stderr, out.stderr
        assert out.stdout == ""
    # From the human's terminal (not under a proxy) the same command runs normally.
    direct = cli("approvals", "approve", "abcd-efgh", "--db", str(db), env=approver(db))
    assert direct.returncode == 1 and "no approval with id 'abcd-efgh'" in direct.stderr

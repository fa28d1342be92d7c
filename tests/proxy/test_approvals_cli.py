"""`aegis-mcp approvals` as the person deciding uses it: what `list` / `show` / `approve` put in front of
them (every argument, redacted; signals; deadline), a stale id refused before any question, `--yes`,
and the decided history with who decided, how and when."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import anyio
import anyio.to_thread
import pytest

from aegis_mcp.ledger.approver import TOKEN_ENV
from aegis_mcp.ledger.store import LedgerStore
from tests.proxy.conftest import LINE_SERVER, TEST_POLICY, WAIT_S, RawProxy, approver, cli, proxy_argv, records
from tests.proxy.test_human_channel import _aegis, _in_terminal

SECRET = "ghp_x7Kq2Lm9Vb4Nc8Rt1Yw6Pz3Hs5Jd0Fg2Ae7Bu"  # a GitHub token: the redactor must keep it off every screen


def _store_approval(db: Path, *, timeout_s: float = 600, preview: str = "write_file {}") -> str:
    """A pending approval as a proxy creates it (for tests of the CLI's side only)."""
    store = LedgerStore.open(db)
    try:
        return store.create_approval(
            server="fs", tool="write_file", agent_id="claude-desktop", args_sha256="ab" * 32,
            summary={"risk": "HIGH", "reason": "sensitive_file/dotenv at /path (HIGH)", "preview": preview,
                     "signals": ["sensitive_file.dotenv"], "arguments": [["path", "/home/me/.env"], ["content", "A=1\nB=2"]]},
            timeout_s=timeout_s)
    finally:
        store.close()


def _decide(db: Path, approval_id: str, approve: bool, who: str) -> None:
    store = LedgerStore.open(db)
    try:
        assert store.decide_approval(approval_id, approve=approve, approver=who, channel="cli")
    finally:
        store.close()


@pytest.mark.anyio
async def test_a_held_call_is_shown_whole_and_redacted(tmp_path: Path) -> None:
    """Through a real proxy: `list` says who asked, what was found, how long is left; `show` prints every
    argument (multi-line text as lines) with the secret redacted — the raw secret is on no screen."""
    db, log = tmp_path / "l.db", tmp_path / "up.log"
    message = f"hold-me please\nsecond line of the note\ntoken {SECRET}"
    env = {**os.environ, "LINE_SERVER_LOG": str(log)}
    async with RawProxy.start(proxy_argv(db, LINE_SERVER, "--name", "notes", "--policy", str(TEST_POLICY)), env=env) as proxy:
        await proxy.initialize()
        await proxy.send({"jsonrpc": "2.0", "id": 5, "method": "tools/call",
                          "params": {"name": "echo", "arguments": {"message": message, "volume": 11}}})
        with anyio.fail_after(WAIT_S):
            while not (listed := cli("approvals", "list", "--json", "--db", str(db)).stdout.strip()):
                await anyio.sleep(0.1)
        held = json.loads(listed.splitlines()[0])
        text = cli("approvals", "list", "--db", str(db)).stdout
        shown = cli("approvals", "show", held["id"], "--db", str(db))
        out = await anyio.to_thread.run_sync(lambda: cli("approvals", "deny", held["id"], "--db", str(db), env=approver(db)))
        assert out.returncode == 0, out.stderr
        assert (await proxy.recv_response(5))["result"]["isError"]

    assert f"{held['id']}  pending  notes/echo  risk HIGH" in text and "times out in" in text
    assert "agent:" in text and "signals:" in text and "reason:" in text
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert any(line.strip().startswith("message") and "hold-me please" in line for line in lines)
    assert any(line.strip() == "second line of the note" for line in lines)  # a multi-line argument reads as lines
    assert any(line.strip().startswith("volume") and line.strip().endswith("11") for line in lines)
    assert "[REDACTED" in shown.stdout and "bound to:" in shown.stdout
    for screen in (text, shown.stdout, listed, out.stdout):
        assert SECRET not in screen and SECRET[4:20] not in screen
    assert held["signals"] and held["arguments"] and held["expires"]


def test_approve_shows_the_call_and_yes_skips_only_the_question(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    first, second = _store_approval(db), _store_approval(db)
    code, screen = _in_terminal(_aegis("approvals", "approve", first, "--db", str(db), "--as", "alice"), b"nope\n")
    assert code == 1 and "still held" in screen
    # what the person confirms: every argument, the signals, the reason, the deadline
    for part in ("/home/me/.env", "A=1", "B=2", "sensitive_file.dotenv", "times out in", "claude-desktop"):
        assert part in screen, (part, screen)
    # --yes: no question, but still only from a person's terminal
    out = cli("approvals", "approve", second, "--yes", "--db", str(db))
    assert out.returncode == 3 and "needs a person at an interactive terminal" in out.stderr
    code, screen = _in_terminal(_aegis("approvals", "approve", second, "--yes", "--db", str(db), "--as", "alice"), None)
    assert code == 0 and "to confirm" not in screen and f"approved {second}" in screen
    decided = [r for r in records(db, "approval") if r["approval_id"] == second]
    assert decided[0]["approver"] == "alice" and decided[0]["authority"] == "terminal"


def test_a_stale_id_is_refused_before_any_question(tmp_path: Path) -> None:
    """Already decided, expired, withdrawn: one line saying which, by whom and when — nobody is asked
    to type 'approve' for nothing; and an unknown id says where to look."""
    db = tmp_path / "l.db"
    decided, ran_out, withdrawn = _store_approval(db), _store_approval(db, timeout_s=0.2), _store_approval(db)
    _decide(db, decided, True, "alice")
    store = LedgerStore.open(db)
    try:
        assert store.expire_approval(withdrawn)
    finally:
        store.close()
    time.sleep(0.3)
    cases = {decided: "already approved by alice via cli", ran_out: "expired", withdrawn: "withdrawn"}
    for approval_id, said in cases.items():
        code, screen = _in_terminal(_aegis("approvals", "approve", approval_id, "--db", str(db)), b"approve\n")
        assert code == 1 and said in screen and "to confirm" not in screen, screen
        assert "held again, under a new id" in screen
    assert "no one answered within" in _in_terminal(_aegis("approvals", "approve", ran_out, "--db", str(db)), None)[1]
    out = cli("approvals", "deny", decided, "--db", str(db), env=approver(db))
    assert out.returncode == 1 and "already approved by alice" in out.stderr
    out = cli("approvals", "show", "zzzz-zzzz", "--db", str(db))
    assert out.returncode == 1 and "approvals list --all" in out.stderr


def test_history_says_who_decided_how_and_when(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    a, b, c, d = (_store_approval(db) for _ in range(4))
    _decide(db, a, True, "alice")
    time.sleep(0.01)
    _decide(db, b, False, "bob")
    # typed as a person reads it aloud: upper case, no dash
    out = cli("approvals", "deny", c.upper().replace("-", ""), "--db", str(db), "--as", "ci", env=approver(db))
    assert out.returncode == 0 and f"denied {c}" in out.stdout, out.stderr
    pending = cli("approvals", "list", "--db", str(db)).stdout
    assert d in pending and a not in pending
    assert d in cli("approvals", "list", "--server", "fs", "--db", str(db)).stdout
    assert cli("approvals", "list", "--server", "git", "--db", str(db)).stdout.startswith("no calls are waiting")
    history = cli("approvals", "list", "--all", "--db", str(db)).stdout
    heads = [line for line in history.splitlines() if line[:9] in (a, b, c, d)]
    assert [h[:9] for h in heads] == [d, c, b, a]  # newest first
    assert "approved by alice via cli" in heads[3] and "denied by bob via cli" in heads[2] and " ago" in heads[2]
    rows = {r["id"]: r for r in map(json.loads, cli("approvals", "list", "--all", "--json", "--db", str(db)).stdout.splitlines())}
    assert rows[a]["approver"] == "alice" and rows[a]["decided"] and rows[d]["decided"] is None
    token_decision = next(r for r in records(db, "approval") if r["approval_id"] == c)
    assert token_decision["authority"] == "approver token" and TOKEN_ENV not in json.dumps(token_decision)

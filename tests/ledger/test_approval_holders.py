"""Who holds a held call: the holder row next to each approval, how its liveness is judged (a dead
pid, a reused pid, a silent remote holder), the denial reason, and databases from before the table."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from aegis_mcp.ledger.holder import HEARTBEAT_STALE_S, Holder, holder_state, new_instance, this_process
from aegis_mcp.ledger.store import LedgerStore
from tests.ledger.helpers import verify

NS = 1_000_000_000


def _hold(store: LedgerStore, holder: tuple[str, str, int, str | None] | None) -> str:
    return store.create_approval(server="s", tool="t", args_sha256="ab" * 32, agent_id="a", summary={},
                                 timeout_s=60, holder=holder)


def test_holder_row_heartbeat_take_and_reason(tmp_path: Path) -> None:
    with LedgerStore.open(tmp_path / "l.db") as store:
        me = new_instance()
        aid = _hold(store, (me, *this_process()))
        got = store.get_approval(aid)
        assert got is not None and got.holder is not None and got.holder.instance == me
        assert got.holder.pid == os.getpid() and got.holder.taken_ns is None
        assert holder_state(got.holder, time.time_ns())[0] == "alive"  # this very process
        before = got.holder.heartbeat_ns
        time.sleep(0.01)
        assert store.heartbeat_approvals(me) == 1 and store.heartbeat_approvals("someone-else") == 0
        assert store.get_approval(aid).holder.heartbeat_ns > before  # type: ignore[union-attr]
        assert not store.take_approval(aid, "someone-else")  # only its holder takes the answer
        assert store.decide_approval(aid, approve=False, approver="eve", channel="cli", reason="r" * 900)
        assert store.take_approval(aid, me)
        done = store.get_approval(aid)
        assert done is not None and done.reason == "r" * 500 and done.holder.taken_ns is not None  # type: ignore[union-attr]
        assert store.heartbeat_approvals(me) == 0  # nothing pending: nothing to beat for
    assert verify(tmp_path / "l.db").ok


def test_dead_and_reused_pids_and_silent_remote_holders_are_gone() -> None:
    host, _, process = this_process()
    assert process is not None, "this test runs where /proc exists (Linux)"
    now = time.time_ns()
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # a pid that existed and is gone
    dead = Holder("i", host, child.pid, process.rsplit("/", 1)[0] + "/1", now, None)
    assert holder_state(dead, now)[0] == "gone"
    reused = Holder("i", host, os.getpid(), process.rsplit("/", 1)[0] + "/1", now, None)  # same pid, other start
    state, why = holder_state(reused, now)
    assert state == "gone" and "another process" in why
    remote = Holder("i", "another-host-" + socket.gethostname(), 4242, "x/y/1", now, None)
    assert holder_state(remote, now + NS)[0] == "alive"
    state, why = holder_state(remote, now + int((HEARTBEAT_STALE_S + 5) * NS))
    assert state == "gone" and "not been heard from" in why
    assert holder_state(None, now)[0] == "unknown"


def test_a_database_from_before_holders_still_opens_lists_and_decides(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with LedgerStore.open(db) as store:
        aid = _hold(store, None)
    with sqlite3.connect(db) as conn:  # as an older aegis-mcp left it
        conn.execute("DROP TABLE approval_holders")
    with LedgerStore.open(db, readonly=True) as ro:
        (listed,) = ro.list_approvals()
        assert listed.id == aid and listed.holder is None and listed.reason is None
        assert ro.get_approval(aid) is not None
    with LedgerStore.open(db) as store:  # a writer of this version adds the table
        assert store.decide_approval(aid, approve=False, approver="eve", channel="cli", reason="no")
        assert store.get_approval(aid).reason == "no"  # type: ignore[union-attr]
    assert verify(db).ok


def test_a_killed_but_unreaped_proxy_is_gone() -> None:
    """A zombie (killed, its parent not yet waiting for it) still has a /proc entry, but runs nothing."""
    host, _, process = this_process()
    assert process is not None
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        time.sleep(0.2)
        ticks = (Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
        holder = Holder("i", host, child.pid, process.rsplit("/", 1)[0] + "/" + ticks, time.time_ns(), None)
        assert holder_state(holder, time.time_ns())[0] == "alive"
        child.kill()
        deadline = time.monotonic() + 10
        while Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
            assert time.monotonic() < deadline
            time.sleep(0.01)
        assert holder_state(holder, time.time_ns())[0] == "gone"
    finally:
        child.kill()
        child.wait()

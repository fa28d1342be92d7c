"""Many processes on one ledger: no fork, no lost record; a writer killed with SIGKILL tears nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from aegis_mcp.ledger.store import LedgerStore

from tests.ledger.helpers import verify

WRITER = """
import os, sys, time
from aegis_mcp.ledger.store import LedgerStore
db, name, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
store = LedgerStore.open(db, checkpoint_every=1000, checkpoint_interval_s=3600)
print("ready", flush=True)
while not os.path.exists(go):      # start together, to collide as much as possible
    time.sleep(0.001)
for i in range(n):
    r = store.append({"kind": "decision", "agent_id": name, "n": i, "tool": "t", "decision": "allow"})
    print(r.seq, flush=True)        # reported only once committed
store.close()
"""


def _spawn(db: Path, name: str, n: int, go: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), name, str(n), str(go)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ})


@pytest.mark.slow
def test_eight_processes_append_at_once_without_fork_or_loss(tmp_path: Path) -> None:
    db, go = tmp_path / "ledger.db", tmp_path / "go"
    LedgerStore.open(db).close()  # create schema and key first, like an installed setup
    procs = [_spawn(db, f"p{k}", 2000, go) for k in range(8)]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    go.touch()
    outs = [p.communicate(timeout=240) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    reported = [int(x) for out, _ in outs for x in out.split()]
    assert sorted(reported) == list(range(16_000))  # every append got its own seq, none twice
    report = verify(db)
    assert report.ok, report.damage
    assert report.size == 16_000
    with LedgerStore.open(db, readonly=True) as store:
        seen = {(r.record["agent_id"], r.record["n"]) for r in store.records()}
    assert seen == {(f"p{k}", i) for k in range(8) for i in range(2000)}


@pytest.mark.slow
def test_kill_9_of_a_writer_mid_load_tears_nothing(tmp_path: Path) -> None:
    db, go = tmp_path / "ledger.db", tmp_path / "go"
    LedgerStore.open(db).close()
    victim = _spawn(db, "victim", 1_000_000, go)
    other = _spawn(db, "other", 1500, go)
    for p in (victim, other):
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    go.touch()
    assert victim.stdout is not None
    committed: list[int] = []
    while len(committed) < 800:  # let it get well into the load
        committed.append(int(victim.stdout.readline()))
    os.kill(victim.pid, signal.SIGKILL)
    rest, _ = victim.communicate(timeout=60)
    committed += [int(x) for x in rest.split()]
    other_out, other_err = other.communicate(timeout=240)
    assert other.returncode == 0, other_err
    report = verify(db)
    assert report.ok, report.damage
    with LedgerStore.open(db, readonly=True) as store:
        present = {r.seq for r in store.records() if r.record["agent_id"] == "victim"}
        n_other = sum(1 for r in store.records() if r.record["agent_id"] == "other")
    assert set(committed) <= present  # everything reported committed survived the kill
    assert n_other == 1500
    # The ledger is still writable after the crash: the next append extends the verified chain.
    with LedgerStore.open(db) as store:
        store.append({"kind": "session", "event": "after-crash"})
    assert verify(db).ok


OPENER = """
import sys
from aegis_mcp.ledger.store import LedgerStore
s = LedgerStore.open(sys.argv[1])
s.append({"kind": "session", "event": "start"})
print(s.origin)
s.close()
"""


@pytest.mark.slow
def test_eight_processes_creating_a_fresh_ledger_at_once_agree_on_it(tmp_path: Path) -> None:
    # Claude Desktop starts one proxy per server, all at once, on a machine with no ledger yet.
    db = tmp_path / "fresh" / "ledger.db"
    procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env={**os.environ}) for _ in range(8)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 8, [e for _, e in outs]
    assert len({o.strip() for o, _ in outs}) == 1  # one origin, one key
    report = verify(db)
    assert report.ok and report.size == 8

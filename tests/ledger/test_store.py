"""The SQLite store: append-only, checkpoints, key handling, read-only opening, approvals and pins."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aegis_mcp.errors import LedgerError
from aegis_mcp.ledger.checkpoint import parse_checkpoint, verify_checkpoint_signature
from aegis_mcp.ledger.merkle import tree_hash
from aegis_mcp.ledger.record import GENESIS_PREV, leaf_hash
from aegis_mcp.ledger.store import LedgerStore

from tests.ledger.helpers import decision, make_ledger


def test_append_chains_records_and_stores_the_exact_bytes(db: Path) -> None:
    with LedgerStore.open(db) as store:
        first = store.append(decision(0))
        second = store.append(decision(1, preview={"path": "/tmp/\u00e9"}))
        assert (first.seq, second.seq) == (0, 1)
        r0, r1 = store.get(0), store.get(1)
        assert r0 is not None and r1 is not None
        assert r0.record["prev"] == GENESIS_PREV and r1.record["prev"] == first.leaf_hash_hex
        assert r1.record["seq"] == 1 and isinstance(r1.record["ts_us"], int)
        assert leaf_hash(r1.body).hex() == r1.leaf_hash == second.leaf_hash_hex
        assert "\u00e9".encode() in r1.body  # raw UTF-8, as RFC 8785 wants
        assert store.count() == 2 and [r.seq for r in store.records()] == [0, 1]
        assert store.get(2) is None


def test_denormalised_columns_are_filled_for_the_audit_server(db: Path) -> None:
    with LedgerStore.open(db) as store:
        store.append(decision(5, ts_us=1_700_000_000_000_000))
        row = store.connection.execute(
            "SELECT ts_us, kind, agent_id, server, session_id, tool, decision, risk, category FROM records").fetchone()
    assert row == (1_700_000_000_000_000, "decision", "agent-2", "filesystem", "s-1", "read_file", "block", "high", "file_read")


def test_triggers_refuse_update_and_delete(db: Path) -> None:
    make_ledger(db, 3)
    conn = sqlite3.connect(db)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE records SET body = x'00' WHERE seq = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM records WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM checkpoints")
    conn.close()
    assert LedgerStore.open(db, readonly=True).count() == 3


def test_checkpoints_every_n_records_and_at_close_are_signed(db: Path) -> None:
    store = LedgerStore.open(db, checkpoint_every=10, checkpoint_interval_s=3600)
    for i in range(25):
        store.append(decision(i))
    sizes = [r[0] for r in store.connection.execute("SELECT size FROM checkpoints ORDER BY size")]
    assert sizes == [10, 20]
    store.close()
    ro = LedgerStore.open(db, readonly=True)
    cp = ro.latest_checkpoint()
    assert cp is not None and cp.size == 25
    assert cp.root == tree_hash([leaf_hash(r.body) for r in ro.records()])
    parsed, sigs = parse_checkpoint(cp.note)
    assert verify_checkpoint_signature(parsed, sigs, ro.verifier_key())
    assert cp.note.splitlines()[:2] == [ro.origin, "25"] and cp.note.splitlines()[3] == ""


def test_checkpoint_after_an_interval(db: Path) -> None:
    store = LedgerStore.open(db, checkpoint_every=10_000, checkpoint_interval_s=0.05)
    store.append(decision(0))
    time.sleep(0.06)
    store.append(decision(1))
    assert store.latest_checkpoint() is not None and store.latest_checkpoint().size == 2  # type: ignore[union-attr]
    store.close()


def test_key_is_private_and_reused_and_public_key_is_exported(db: Path) -> None:
    make_ledger(db, 1)
    key = db.with_name("ledger.db.key")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    before = key.read_bytes()
    make_ledger(db, 1)
    assert key.read_bytes() == before
    pub = db.with_name("ledger.db.pub").read_text()
    assert pub.strip() == LedgerStore.open(db, readonly=True).verifier_key().text()


def test_readonly_open_creates_nothing_and_refuses_writes(tmp_path: Path) -> None:
    missing = tmp_path / "sub" / "ledger.db"
    with pytest.raises(LedgerError, match="no ledger at"):
        LedgerStore.open(missing, readonly=True)
    assert not (tmp_path / "sub").exists()
    db = tmp_path / "ledger.db"
    make_ledger(db, 2)
    ro = LedgerStore.open(db, readonly=True)
    with pytest.raises(LedgerError, match="read-only"):
        ro.append(decision(3))
    assert ro.count() == 2
    ro.close()


def test_bad_records_are_refused_and_nothing_is_written(db: Path) -> None:
    with LedgerStore.open(db) as store:
        with pytest.raises(LedgerError):
            store.append_many([decision(0), {"kind": "decision", "risk": 0.9}])
        assert store.count() == 0


def test_an_inconsistent_tail_fails_closed(db: Path) -> None:
    make_ledger(db, 3)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER records_no_delete")
    conn.execute("DELETE FROM records WHERE seq = 2")
    conn.close()
    with LedgerStore.open(db) as store:
        with pytest.raises(LedgerError, match="inconsistent"):
            store.append(decision(9))


# ---------------------------------------------------------------- approvals
def test_approval_is_single_use_and_recorded(db: Path) -> None:
    with LedgerStore.open(db) as store:
        aid = store.create_approval(server="shell", tool="run", args_sha256="cd" * 32, agent_id="claude",
                                    summary={"command": "rm -rf build"}, timeout_s=60)
        assert len(aid) == 9 and aid[4] == "-"
        a = store.get_approval(aid)
        assert a is not None and a.status == "pending" and a.summary == {"command": "rm -rf build"}
        assert [x.id for x in store.list_approvals()] == [aid]
        assert store.decide_approval(aid.upper(), approve=True, approver="alice", channel="cli")
        assert not store.decide_approval(aid, approve=False, approver="mallory", channel="web")
        a = store.get_approval(aid)
        assert a is not None and (a.status, a.approver, a.channel) == ("approved", "alice", "cli")
        assert store.list_approvals() == []
        rec = store.get(store.count() - 1)
        assert rec is not None and rec.record["kind"] == "approval" and rec.record["decision"] == "approved"
        assert rec.record["approval_id"] == aid and rec.record["approver"] == "alice"
        assert not store.decide_approval("nope-nope", approve=True, approver="x", channel="cli")


def test_approval_expires(db: Path) -> None:
    with LedgerStore.open(db) as store:
        aid = store.create_approval(server="s", tool="t", args_sha256="0", agent_id="a", summary={}, timeout_s=0.01)
        time.sleep(0.02)
        assert store.get_approval(aid).status == "expired"  # type: ignore[union-attr]
        assert not store.decide_approval(aid, approve=True, approver="alice", channel="cli")
        assert store.count() == 0  # nothing recorded for a refused late answer
        other = store.create_approval(server="s", tool="t", args_sha256="0", agent_id="a", summary={}, timeout_s=60)
        assert store.expire_approval(other) and not store.expire_approval(other)
        assert not store.decide_approval(other, approve=True, approver="alice", channel="cli")
        assert {a.id for a in store.list_approvals("expired")} == {aid, other}


DECIDER = """
import sys
from aegis_mcp.ledger.store import LedgerStore
with LedgerStore.open(sys.argv[1]) as s:
    ok = s.decide_approval(sys.argv[2], approve=sys.argv[3] == "yes", approver="bob", channel="cli")
print("decided" if ok else "refused")
"""


def test_another_process_answers_a_held_call(db: Path) -> None:
    with LedgerStore.open(db) as store:
        aid = store.create_approval(server="s", tool="t", args_sha256="0", agent_id="a", summary={}, timeout_s=60)
        outs = [subprocess.run([sys.executable, "-c", DECIDER, str(db), aid, answer], capture_output=True, text=True,
                               timeout=60, env={**os.environ}) for answer in ("no", "yes")]
        assert [o.stdout.strip() for o in outs] == ["decided", "refused"], [o.stderr for o in outs]
        a = store.get_approval(aid)
        assert a is not None and (a.status, a.approver) == ("denied", "bob")


# --------------------------------------------------------------------- pins
def test_pins(db: Path) -> None:
    with LedgerStore.open(db) as store:
        assert store.get_pins("fs") == {}
        store.put_pin("fs", "read_file", "d1", {"name": "read_file", "description": "Read"}, "accepted")
        store.put_pin("fs", "write_file", "d2", {"name": "write_file"}, "held")
        store.put_pin("git", "log", "d3", {"name": "log"}, "accepted")
        pins = store.get_pins("fs")
        assert set(pins) == {"read_file", "write_file"} and pins["read_file"].definition["description"] == "Read"
        assert pins["write_file"].status == "held"
        assert store.accept_pin("fs", "write_file") and not store.accept_pin("fs", "write_file")
        assert store.get_pins("fs")["write_file"].status == "accepted"
        store.put_pin("fs", "read_file", "d9", {"name": "read_file", "description": "changed"}, "held")
        assert store.get_pins("fs")["read_file"].digest == "d9"
        assert len(store.list_pins()) == 3
        assert store.reset_pins("fs") == 2 and store.get_pins("fs") == {}
        assert store.reset_pins(None) == 1
        with pytest.raises(ValueError):
            store.put_pin("fs", "x", "d", {}, "maybe")  # type: ignore[arg-type]
    # pins survive reopening, visible to another connection
    with LedgerStore.open(db) as store:
        store.put_pin("fs", "a", "d", {}, "held")
    assert LedgerStore.open(db, readonly=True).get_pins("fs")["a"].status == "held"


def test_an_existing_ledger_without_its_key_is_not_given_a_new_one(db: Path) -> None:
    make_ledger(db, 2)
    db.with_name("ledger.db.key").rename(db.with_name("elsewhere.key"))
    with pytest.raises(LedgerError, match="signing key .* is missing"):
        LedgerStore.open(db)
    assert not db.with_name("ledger.db.key").exists()
    with LedgerStore.open(db, readonly=True) as ro:  # reading needs no private key
        assert ro.count() == 2
    with LedgerStore.open(db, key_path=db.with_name("elsewhere.key")) as store:
        store.append(decision(2))

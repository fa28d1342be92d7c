"""The store's cached chain tail: other writers are noticed, failed transactions leave no trace,
a lagging tree_state is caught up from the records' bytes, and tampering still stops appends."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from aegis_mcp.errors import LedgerError
from aegis_mcp.ledger.merkle import tree_hash
from aegis_mcp.ledger.record import leaf_hash, seal
from aegis_mcp.ledger.store import LedgerStore

from tests.ledger.helpers import decision, verify


def _leaves(store: LedgerStore) -> list[bytes]:
    return [leaf_hash(r.body) for r in store.records()]


def test_two_stores_taking_turns_extend_one_chain(db: Path) -> None:
    # Each store caches its tail; the other's commits must be seen before extending it.
    a = LedgerStore.open(db, checkpoint_every=7, checkpoint_interval_s=3600)
    b = LedgerStore.open(db, checkpoint_every=7, checkpoint_interval_s=3600)
    seqs = []
    for i in range(40):
        store = a if i % 3 else b
        seqs += [r.seq for r in store.append_many([decision(i), decision(i + 100)])]
    a.close()
    b.close()
    assert seqs == list(range(80))
    report = verify(db)
    assert report.ok, report.damage
    assert report.size == 80
    with LedgerStore.open(db, readonly=True) as ro:
        prevs = [r.record["prev"] for r in ro.records()]
        leaves = _leaves(ro)
        cp = ro.latest_checkpoint()
    assert prevs[1:] == [leaf.hex() for leaf in leaves[:-1]]  # no fork: every record links to the one before
    assert cp is not None and cp.size == 80 and cp.root == tree_hash(leaves)


def test_a_failed_transaction_does_not_advance_the_cached_tail(db: Path) -> None:
    store = LedgerStore.open(db)
    store.append(decision(0))
    # A trigger on the store's own connection: data_version does not change, so only the
    # rollback path can tell the cache that record 1 never happened.
    store.connection.execute(
        "CREATE TEMP TRIGGER boom BEFORE INSERT ON records WHEN NEW.kind = 'boom' "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    with pytest.raises(LedgerError, match="refused"):
        store.append_many([decision(1), {"kind": "boom"}])
    assert store.append(decision(2)).seq == 1
    store.close()
    report = verify(db)
    assert report.ok, report.damage
    assert report.size == 2


def test_a_lagging_tree_state_is_caught_up_from_the_records(db: Path) -> None:
    # tree_state is persisted with checkpoints only; a writer that stopped without one (killed,
    # or closed without a checkpoint) leaves it behind the records.
    first = LedgerStore.open(db, checkpoint_every=10, checkpoint_interval_s=3600)
    for i in range(23):
        first.append(decision(i))
    first.close(checkpoint=False)
    second = LedgerStore.open(db, checkpoint_every=10, checkpoint_interval_s=3600)
    assert second.append(decision(23)).seq == 23
    cp = second.write_checkpoint()
    leaves = _leaves(second)
    second.close()
    assert cp.size == 24 and cp.root == tree_hash(leaves)
    report = verify(db)
    assert report.ok, report.damage


def test_a_record_forged_behind_the_stores_back_stops_the_next_append(db: Path) -> None:
    store = LedgerStore.open(db)
    last = store.append(decision(0))
    store.append(decision(1))
    # Someone with file access appends a well-formed record whose stored leaf does not match its
    # bytes (the store's cached tail knows nothing of it; data_version does).
    body, _ = seal(decision(99), 2, last.leaf_hash_hex)
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("INSERT INTO records (seq, leaf, body) VALUES (2, ?, ?)", (b"\x00" * 32, body))
    raw.close()
    with pytest.raises(LedgerError, match="inconsistent"):
        store.append(decision(3))
    store.close(checkpoint=False)


def test_a_record_removed_behind_the_stores_back_stops_the_next_append(db: Path) -> None:
    store = LedgerStore.open(db)
    for i in range(5):
        store.append(decision(i))
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("DROP TRIGGER records_no_delete")
    raw.execute("DELETE FROM records WHERE seq = 4")
    raw.close()
    with pytest.raises(LedgerError, match="inconsistent"):
        store.append(decision(5))  # it would otherwise re-use seq 4 on a different prev
    store.close(checkpoint=False)

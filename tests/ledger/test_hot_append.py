"""The append hot path (one reused cursor, one record copy per append) keeps the format and recovers
from a failed write."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from aegis_mcp.errors import LedgerError
from aegis_mcp.ledger.record import seal
from aegis_mcp.ledger.store import LedgerStore

from tests.ledger.helpers import decision, verify


def test_lone_and_batched_appends_store_what_seal_defines(db: Path) -> None:
    with LedgerStore.open(db) as store:
        store.append(decision(0))
        store.append_many([decision(1), decision(2, ts_us=123)])  # a caller's own ts_us is kept
        store.append(decision(3, preview={"path": "/tmp/\u00e9"}))
        rows = list(store.records())
    prev = "0" * 64
    for row in rows:
        rec = {k: v for k, v in row.record.items() if k not in ("seq", "prev")}
        body, leaf = seal(rec, row.seq, prev)
        assert (body, leaf.hex()) == (row.body, row.leaf_hash)
        prev = row.leaf_hash
    assert rows[2].record["ts_us"] == 123
    assert verify(db).ok


def test_a_write_that_failed_leaves_the_next_one_working(db: Path) -> None:
    store = LedgerStore.open(db)
    try:
        store.append(decision(0))
        other = sqlite3.connect(str(db), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        store.connection.execute("PRAGMA busy_timeout=50")
        with pytest.raises(LedgerError, match="locked"):
            store.append(decision(1))
        other.execute("ROLLBACK")
        other.close()
        assert store.append(decision(2)).seq == 1  # nothing of the failed write was kept
        assert store.append_many([decision(3), decision(4)])[-1].seq == 3
    finally:
        store.close()
    assert verify(db).ok and verify(db).size == 4

"""The append hot path binds a record's leaf and body as BLOBs (bytearray, not bytes: see store.py)
and seals them exactly as record.seal() does, whatever the record's keys."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from aegis_mcp.ledger.record import seal
from aegis_mcp.ledger.store import LedgerStore

from tests.ledger.helpers import decision, verify


def test_leaf_and_body_are_stored_as_blobs_and_read_back_as_bytes(db: Path) -> None:
    with LedgerStore.open(db) as store:
        store.append(decision(0))
        store.append_many([decision(1), decision(2)])
        got = store.get(1)
    conn = sqlite3.connect(str(db))
    types = conn.execute("SELECT DISTINCT typeof(leaf), typeof(body) FROM records").fetchall()
    conn.close()
    assert types == [("blob", "blob")]  # a TEXT body would hash differently on another reader
    assert got is not None and isinstance(got.body, bytes) and got.record["seq"] == 1
    assert verify(db).ok and verify(db).size == 3


def test_a_record_with_non_ascii_keys_is_sealed_like_seal_defines(db: Path) -> None:
    # Non-ASCII keys take RFC 8785's UTF-16 key order: the inlined sealing must take it too.
    rec = {**decision(0), "z\u00e9": 1, "\U0001f600": "x", "\uff41": True}
    with LedgerStore.open(db) as store:
        store.append(rec)
        row = next(iter(store.records()))
    body, leaf = seal({k: v for k, v in row.record.items() if k not in ("seq", "prev")}, 0, "0" * 64)
    assert (body, leaf.hex()) == (row.body, row.leaf_hash)
    assert verify(db).ok

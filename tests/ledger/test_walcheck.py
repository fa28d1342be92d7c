"""Background WAL checkpoints: the appending thread never copies the WAL itself, the database file
still receives the records, and the WAL stays bounded."""

from __future__ import annotations

import os
import time
from pathlib import Path

from aegis_mcp.ledger.store import LedgerStore
from aegis_mcp.ledger.walcheck import FALLBACK_PAGES, KICK_EVERY_COMMITS

from tests.ledger.helpers import decision, verify


def _wait_for(predicate: object, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.01)
    return False


def test_records_reach_the_database_file_without_the_writer_checkpointing(db: Path) -> None:
    store = LedgerStore.open(db)
    (pages,) = store.connection.execute("PRAGMA wal_autocheckpoint").fetchone()
    assert pages == FALLBACK_PAGES  # the writer's own checkpoint is only the fallback
    size_before = os.path.getsize(db)
    for i in range(2 * KICK_EVERY_COMMITS + 10):
        store.append(decision(i, preview={"path": "/srv/" + "p" * 400}))
    wal = store._wal
    assert wal is not None
    assert _wait_for(lambda: wal.runs >= 1), "the background checkpoint never ran"
    assert wal.failed is None
    # ~1,000 records of ~900 bytes were copied into the database file by the background thread:
    # with the automatic checkpoint at FALLBACK_PAGES the writer would not have copied any yet.
    assert _wait_for(lambda: os.path.getsize(db) >= size_before + 300_000)
    store.close()
    report = verify(db)
    assert report.ok, report.damage
    assert report.size == 2 * KICK_EVERY_COMMITS + 10


def test_the_wal_starts_over_once_the_writer_pauses(db: Path) -> None:
    store = LedgerStore.open(db)
    wal = store._wal
    assert wal is not None
    sizes = []
    for round_ in range(4):
        for i in range(KICK_EVERY_COMMITS):
            store.append(decision(i, round=round_))
        assert _wait_for(lambda: wal.runs >= round_ + 1)
        time.sleep(0.05)
        sizes.append(os.path.getsize(str(db) + "-wal"))
    # After each pause the next commit restarts the WAL from its beginning: it holds about one
    # round of commits, not four (the writer's own fallback checkpoint is far away).
    assert max(sizes) <= sizes[0] * 1.5, sizes
    store.close()
    assert verify(db).ok


def test_a_store_without_background_checkpoints_keeps_sqlites_default(db: Path) -> None:
    store = LedgerStore.open(db, background_checkpoints=False)
    (pages,) = store.connection.execute("PRAGMA wal_autocheckpoint").fetchone()
    assert pages == 1000 and store._wal is None
    store.append(decision(0))
    store.close()

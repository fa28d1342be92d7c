"""The pins' review baseline: when an accepted tool definition is replaced by a held one, the accepted one
is kept (pins_previous) so a reviewer can diff against it, until the tool is accepted or reset; an
accept can be bound to the digest the reviewer saw; a ledger from before the table still reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from aegis_mcp.ledger.store import LedgerStore

V1 = {"name": "t", "description": "v1"}
V2 = {"name": "t", "description": "v2"}
V3 = {"name": "t", "description": "v3"}


def test_baseline_is_the_last_accepted_definition(tmp_path: Path) -> None:
    with LedgerStore.open(tmp_path / "l.db") as store:
        store.put_pin("s", "t", "d1", V1, "accepted")
        assert store.previous_pins() == {}
        store.put_pin("s", "t", "d2", V2, "held")  # rug pull
        store.put_pin("s", "t", "d3", V3, "held")  # and again, before anyone looked
        kept = store.previous_pins("s")[("s", "t")]
        assert (kept.digest, kept.definition) == ("d1", V1)
        assert not store.accept_pin("s", "t", "d2")  # reviewed d2, but d3 is what is held now
        assert store.get_pins("s")["t"].status == "held"
        assert store.accept_pin("s", "t", "d3")
        assert store.previous_pins() == {}  # accepted: nothing left to review
        store.put_pin("s", "t", "d4", V1, "held")
        assert store.previous_pins()[("s", "t")].digest == "d3"
        assert store.reset_pins("s") == 1 and store.previous_pins() == {}
        store.put_pin("s", "new", "d5", V1, "held")  # appeared after pinning: no baseline
        assert store.previous_pins() == {}


def test_a_ledger_without_the_table_still_reads(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    with LedgerStore.open(db) as store:
        store.put_pin("s", "t", "d1", V1, "held")
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE pins_previous")  # as a ledger written before it existed
    conn.commit()
    conn.close()
    reader = LedgerStore.open(db, readonly=True)
    try:
        assert reader.previous_pins() == {} and reader.get_pins("s")["t"].status == "held"
    finally:
        reader.close()
    with LedgerStore.open(db) as store:  # a writer brings the table back
        store.put_pin("s", "t", "d1", V1, "accepted")
        store.put_pin("s", "t", "d2", V2, "held")
        assert store.previous_pins()[("s", "t")].definition == V1

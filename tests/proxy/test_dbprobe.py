"""The proxy's start-up look at --db: what can hold a ledger passes, what never can is named in one line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aegis_mcp.ledger.store import LedgerStore
from aegis_mcp.proxy.dbprobe import unusable_reason


def test_usable_paths_pass(tmp_path: Path) -> None:
    assert unusable_reason(tmp_path / "new.db") is None  # created on first use
    assert unusable_reason(tmp_path / "a" / "b" / "new.db") is None  # its directories too
    (tmp_path / "empty.db").touch()
    assert unusable_reason(tmp_path / "empty.db") is None  # SQLite treats an empty file as new
    LedgerStore.open(tmp_path / "ledger.db").close()
    assert unusable_reason(tmp_path / "ledger.db") is None


def test_paths_that_can_never_hold_a_ledger_are_named(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    assert unusable_reason(notes) == f"cannot open the ledger at {notes}: file is not a database"
    assert unusable_reason(tmp_path) == f"cannot open the ledger at {tmp_path}: it is a directory"
    fifo = tmp_path / "fifo.db"
    os.mkfifo(fifo)  # (reading it would block: the probe must not try)
    assert unusable_reason(fifo) == f"cannot open the ledger at {fifo}: it is not a regular file"
    assert unusable_reason(Path("/dev/null")) == "cannot open the ledger at /dev/null: it is not a regular file"
    below = notes / "sub" / "ledger.db"
    assert unusable_reason(below) == f"cannot create the ledger at {below}: {notes} is not a directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_directory_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        assert unusable_reason(locked / "ledger.db") == f"cannot create the ledger at {locked / 'ledger.db'}: {locked} is not writable"
    finally:
        locked.chmod(0o700)

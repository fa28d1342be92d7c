"""Open a ledger read-only, also from a directory nobody can write (a copy on read-only media, an archive)."""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from pathlib import Path
from typing import Any

from aegis_mcp.errors import LedgerError


def connect_readonly(db: str | Path, **kwargs: Any) -> sqlite3.Connection:
    """A read-only connection to the ledger at `db`, checked by reading one row.

    Why the fallback: a WAL-mode database opened read-only still needs its `-shm` index file, and
    SQLite cannot create it in a directory that cannot be written, so every reader (verify, the
    audit server, approvals list, proof) failed with "unable to open database file". Then nothing
    can be writing either, so the file may be opened as immutable, unless a write-ahead log with
    content lies beside it: an immutable open would silently skip those records, so that is refused
    with what to do instead.
    """
    path = Path(db).expanduser().resolve()
    uri = f"file:{urllib.parse.quote(str(path))}?mode=ro"
    try:
        return _checked(sqlite3.connect(uri, uri=True, **kwargs))
    except sqlite3.OperationalError as first:
        if _writable_dir(path.parent):
            raise
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise LedgerError(
                f"cannot read the ledger at {path}: its directory cannot be written, and SQLite needs to write "
                f"beside it to read the records still in its write-ahead log ({wal.name}); copy the ledger with "
                f"its -wal file to a writable directory and read it there") from first
        return _checked(sqlite3.connect(uri + "&immutable=1", uri=True, **kwargs))


def _checked(conn: sqlite3.Connection) -> sqlite3.Connection:
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except BaseException:
        conn.close()
        raise
    return conn


def _writable_dir(directory: Path) -> bool:
    """Whether a file can be created in `directory` (access(2) also answers for read-only mounts and
    immutable directories, where root's permission bits say yes)."""
    return os.access(directory, os.W_OK | os.X_OK)

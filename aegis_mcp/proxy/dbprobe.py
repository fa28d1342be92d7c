"""A cheap look at the proxy's --db before anything starts: a path that can never hold a ledger stops the proxy with one line.

Why here and not in LedgerStore.open: the store (sqlite3, cryptography, the schema) loads on a
worker thread while the upstream boots, so the proxy starts fast. By then the upstream is running.
This probe needs only os: a directory, a file where a directory should be, or a file that is not
SQLite is refused before the upstream is spawned. What it cannot see (a foreign SQLite file, a
missing signing key, damaged pages) still stops the proxy when the store opens (app.py).
"""

from __future__ import annotations

import os
from pathlib import Path

# Every SQLite 3 database file starts with these 16 bytes (https://sqlite.org/fileformat.html).
SQLITE_MAGIC = b"SQLite format 3\x00"


def unusable_reason(db: Path) -> str | None:
    """Why the ledger at `db` cannot be opened or created, in one line naming it; None if it may be."""
    db = db.expanduser()
    try:
        if db.exists():
            if db.is_dir():
                return f"cannot open the ledger at {db}: it is a directory"
            if not db.is_file():  # a FIFO would block the read below; a device is no database
                return f"cannot open the ledger at {db}: it is not a regular file"
            with open(db, "rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
            # An empty file is a new database to SQLite; anything else must carry the header.
            if head and head != SQLITE_MAGIC:
                return f"cannot open the ledger at {db}: file is not a database"
            if not os.access(db, os.W_OK):
                return f"cannot open the ledger at {db}: the file is not writable"
            return None
        # A new ledger: its directory is created, so the nearest existing ancestor must be a
        # writable directory (a regular file there is the common mistake: --db notes.txt/ledger.db).
        ancestor = db.parent
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
        if not ancestor.is_dir():
            return f"cannot create the ledger at {db}: {ancestor} is not a directory"
        if not os.access(ancestor, os.W_OK | os.X_OK):
            return f"cannot create the ledger at {db}: {ancestor} is not writable"
    except OSError as exc:
        return f"cannot open the ledger at {db}: {exc.strerror or exc}"
    return None

"""Copies the ledger's WAL back into the database from a thread of its own, so appends do not stall.

Why: with SQLite's automatic checkpoint, every ~1,000 WAL pages one commit also copies the WAL
into the database and fsyncs both files: 12-40 ms on the appending thread (the proxy's event
loop), for every call in flight. Here the writer only kicks a daemon thread every N commits; the
thread runs PASSIVE checkpoints on its own connection (they never block the writer, and the
sqlite3 module releases the GIL while they run). Once a pass has copied everything, the writer's
next commit starts the WAL over (one small header sync). The bound: a writer that never pauses
never lets a pass finish, so the WAL would only grow; the writer keeps SQLite's automatic
checkpoint at FALLBACK_PAGES as a synchronous fallback, and by then this thread has already
copied most frames, so the fallback copies little.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger("aegis_mcp.ledger")

# Commits between kicks (a decision commit writes 1-2 WAL pages of 8 KiB).
KICK_EVERY_COMMITS = 512
# The writer's own automatic checkpoint, in pages: the hard cap on the WAL (8 KiB pages: 32 MB).
FALLBACK_PAGES = 4096
# A PASSIVE checkpoint copies the frames committed when it started; a busy writer adds more
# meanwhile, so a few quick passes (each copying only the new frames) let the WAL restart.
_PASSES = 2


class WalCheckpointer:
    """A daemon thread with its own connection; `kick()` asks it to checkpoint (cheap, non-blocking)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._wake = threading.Event()
        self._stop = False
        self._thread: threading.Thread | None = None
        self.runs = 0  # completed checkpoint rounds, for tests and benchmarks
        self.failed: str | None = None

    def kick(self) -> None:
        if self._stop or self.failed is not None:
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="aegis-ledger-wal", daemon=True)
            self._thread.start()
        self._wake.set()

    def close(self, timeout: float = 5.0) -> None:
        self._stop = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(str(self._path), timeout=5.0, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            self.failed = str(exc)
            log.warning("background WAL checkpoints unavailable (%s); SQLite's own checkpoint remains", exc)
            return
        try:
            # The same durability as the writer: the WAL is synced before pages are copied and
            # the database after, so restarting the WAL never loses a committed record.
            conn.execute("PRAGMA synchronous=NORMAL")
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._stop:
                    return
                for _ in range(_PASSES):
                    busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                    if busy or frames <= 0 or copied >= frames:
                        break
                self.runs += 1
        except sqlite3.Error as exc:
            # Not fatal: the writer's automatic checkpoint (FALLBACK_PAGES) still bounds the WAL.
            self.failed = str(exc)
            log.warning("background WAL checkpoint failed (%s); SQLite's own checkpoint remains", exc)
        finally:
            conn.close()

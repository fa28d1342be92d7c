"""`aegis-mcp` with a ledger whose storage fails on cue: once the file named by $LEDGER_FAULT_FILE
exists, the proxy's real SQLite connection is made read-only (`PRAGMA query_only`) or its disk
"full" (`PRAGMA max_page_count` capped at the current size) — SQLite's own failures, not a mock.
(The tests run as root, for whom a chmod-ed read-only file is still writable.)"""

import os
import sys

from aegis_mcp.ledger import store as store_module

FAULT = os.environ.get("LEDGER_FAULT", "readonly")
TRIGGER = os.environ.get("LEDGER_FAULT_FILE", "")
_original = store_module.LedgerStore.append_many
_applied = set()


def append_many(self, records):
    if TRIGGER and os.path.exists(TRIGGER) and id(self) not in _applied:
        _applied.add(id(self))
        conn = self.connection
        if FAULT == "full":
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        else:
            conn.execute("PRAGMA query_only = 1")
    return _original(self, records)


store_module.LedgerStore.append_many = append_many

if __name__ == "__main__":
    from aegis_mcp.cli import main

    sys.exit(main(sys.argv[1:]))

"""The ledger database schema: the append-only records and checkpoints, and the mutable side tables."""

from __future__ import annotations

from pathlib import Path

SCHEMA_VERSION = 1

# Columns after `body` are denormalised copies of record fields so the audit server can filter
# without parsing JSON; the verifier never trusts them, only `body`.
INDEX_COLUMNS = ("ts_us", "kind", "agent_id", "server", "session_id", "tool", "decision", "risk", "category")

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- seq is the primary key and starts at 0: it is the Merkle leaf index. Two writers that both
-- read a stale tail would collide on it and one would fail, instead of forking the chain.
-- The filter columns come before `body` so a scan of them never decodes the body. They carry
-- no secondary indexes: each one slowed appends by ~10%, and the audit server keeps its own
-- in-memory index caught up by seq (the primary key) instead.
CREATE TABLE IF NOT EXISTS records (
    seq        INTEGER PRIMARY KEY,
    leaf       BLOB NOT NULL,
    ts_us      INTEGER,
    kind       TEXT,
    agent_id   TEXT,
    server     TEXT,
    session_id TEXT,
    tool       TEXT,
    decision   TEXT,
    risk       TEXT,
    category   TEXT,
    body       BLOB NOT NULL
);
CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, 'ledger records are append-only: UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS records_no_delete BEFORE DELETE ON records
BEGIN SELECT RAISE(ABORT, 'ledger records are append-only: DELETE refused'); END;

CREATE TABLE IF NOT EXISTS checkpoints (
    size       INTEGER PRIMARY KEY,
    root       BLOB NOT NULL,
    note       TEXT NOT NULL,
    created_ns INTEGER NOT NULL
);
CREATE TRIGGER IF NOT EXISTS checkpoints_no_update BEFORE UPDATE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'ledger checkpoints are append-only: UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS checkpoints_no_delete BEFORE DELETE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'ledger checkpoints are append-only: DELETE refused'); END;

-- The writers' shared Merkle frontier at `size` (a cache: the verifier recomputes it), so a
-- process can sign a checkpoint without reading every leaf, whichever process appended them.
CREATE TABLE IF NOT EXISTS tree_state (
    id           INTEGER PRIMARY KEY CHECK (id = 0),
    size         INTEGER NOT NULL,
    frontier     BLOB NOT NULL,
    last_cp_size INTEGER NOT NULL,
    last_cp_ns   INTEGER NOT NULL
);
INSERT OR IGNORE INTO tree_state VALUES (0, 0, x'', 0, 0);

-- Mutable by design: another process (the CLI, the web page) answers a held call here.
CREATE TABLE IF NOT EXISTS approvals (
    id          TEXT PRIMARY KEY,
    server      TEXT NOT NULL,
    tool        TEXT NOT NULL,
    args_sha256 TEXT NOT NULL,
    agent_id    TEXT NOT NULL,
    summary     TEXT NOT NULL,
    status      TEXT NOT NULL,
    approver    TEXT,
    channel     TEXT,
    created_ns  INTEGER NOT NULL,
    expires_ns  INTEGER NOT NULL,
    decided_ns  INTEGER
);
CREATE INDEX IF NOT EXISTS approvals_status ON approvals (status, created_ns);
-- Who holds each approval's call (ledger/holder.py): the proxy connection's random instance id,
-- its host, pid and process identity (boot id / pid namespace / start time, so a reused pid is
-- not mistaken for it), a heartbeat while it waits, and when it took the answer; plus the reason
-- an operator gave with a denial (passed to the model). So `approvals approve` can refuse a call
-- whose proxy is gone instead of reporting a call that will never run. Added after schema
-- version 1 (old databases gain it when a writer opens them; a read-only reader may find it
-- missing); a row may be absent (approvals held by older proxies).
CREATE TABLE IF NOT EXISTS approval_holders (
    id           TEXT PRIMARY KEY,
    instance     TEXT,
    host         TEXT,
    pid          INTEGER,
    process      TEXT,
    heartbeat_ns INTEGER,
    taken_ns     INTEGER,
    reason       TEXT
);

CREATE TABLE IF NOT EXISTS pins (
    server     TEXT NOT NULL,
    tool       TEXT NOT NULL,
    digest     TEXT NOT NULL,
    definition TEXT NOT NULL,
    status     TEXT NOT NULL,
    updated_ns INTEGER NOT NULL,
    PRIMARY KEY (server, tool)
);
-- The last accepted definition of a tool whose pin is now held (changed upstream), so a person
-- reviewing it sees what changed (`aegis-mcp pins list`). Gone once the tool is accepted again
-- or its pins are reset. Added after schema version 1: a read-only reader may find it missing.
CREATE TABLE IF NOT EXISTS pins_previous (
    server     TEXT NOT NULL,
    tool       TEXT NOT NULL,
    digest     TEXT NOT NULL,
    definition TEXT NOT NULL,
    updated_ns INTEGER NOT NULL,
    PRIMARY KEY (server, tool)
);
"""

INSERT_RECORD = f"INSERT INTO records (seq, leaf, body, {', '.join(INDEX_COLUMNS)}) VALUES ({', '.join('?' * (3 + len(INDEX_COLUMNS)))})"


def not_a_ledger(path: Path) -> str | None:
    """Why the existing file at `path` is not an aegis-mcp ledger, or None when it is one.

    For commands that work on an existing ledger and open it for writing (checkpoint, approvals
    approve, pins accept...): opening for writing creates the schema, so pointed by mistake at
    another SQLite database they would quietly turn it into an empty ledger (and mint a key).
    """
    import sqlite3

    from aegis_mcp.errors import LedgerError
    from aegis_mcp.ledger.readonly import connect_readonly

    try:
        conn = connect_readonly(path)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except LedgerError as exc:
        return str(exc)
    except sqlite3.Error as exc:
        return f"cannot read the ledger at {path}: {exc}"
    if not {"meta", "records"} <= tables:
        return f"{path} is not an aegis-mcp ledger (a database without the ledger's tables); check --db"
    return None


def require_ledger(path: Path) -> None:
    """LedgerError when an existing file at `path` is not a ledger (a missing file is left to the caller)."""
    from aegis_mcp.errors import LedgerError

    problem = not_a_ledger(path) if path.is_file() else None
    if problem:
        raise LedgerError(problem)

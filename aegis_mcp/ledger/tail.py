"""The ledger chain's tail as one connection last saw it, and how to catch it up after other writers."""

from __future__ import annotations

import sqlite3

from aegis_mcp.errors import LedgerError
from aegis_mcp.ledger.merkle import Frontier
from aegis_mcp.ledger.record import GENESIS_PREV, leaf_hash


class Tail:
    """The chain's tail as this connection last saw it, valid while `data_version` is unchanged.

    Why: reading tree_state and the last leaf, decoding the frontier and rewriting tree_state cost
    ~15 µs of every append and a second WAL page per commit. `PRAGMA data_version` (read inside the
    write transaction) changes only when another connection committed, so a process re-reads the
    tail only when someone else wrote, and then reads only the records it has not seen.
    """

    __slots__ = ("data_version", "frontier", "prev", "last_cp_size", "last_cp_ns")

    def __init__(self, data_version: int, frontier: Frontier, prev: str, last_cp_size: int, last_cp_ns: int) -> None:
        self.data_version = data_version
        self.frontier = frontier
        self.prev = prev
        self.last_cp_size = last_cp_size
        self.last_cp_ns = last_cp_ns


def catch_up(cur: sqlite3.Cursor, data_version: int, known: Tail | None) -> Tail:
    """Rebuild the tail: from what this store knew, else from tree_state (a cache persisted with
    each checkpoint), then extended over the records written since, hashed from their bytes."""
    size, frontier_bytes, last_cp_size, last_cp_ns = cur.execute(
        "SELECT size, frontier, last_cp_size, last_cp_ns FROM tree_state WHERE id=0").fetchone()
    prev: str | None
    if known is not None and known.frontier.size >= size:
        frontier, prev = known.frontier, known.prev
    else:
        frontier, prev = Frontier.from_bytes(size, frontier_bytes), None
    start = frontier.size
    rows = cur.execute("SELECT seq, leaf, body FROM records WHERE seq >= ? ORDER BY seq", (max(start - 1, 0),))
    if start > 0:
        # The record just before the known frontier anchors the rest: it must be there, unchanged.
        anchor = rows.fetchone()
        if anchor is None or anchor[0] != start - 1 or (prev is not None and bytes(anchor[1]).hex() != prev):
            raise _inconsistent(start, anchor[0] if anchor else None)
        prev = bytes(anchor[1]).hex()
    for seq, leaf, body in rows:
        # Someone wrote records without the store (or tampered): refuse to extend a log we
        # cannot vouch for. Fail closed; `aegis-mcp verify` says what is wrong.
        if seq != frontier.size or leaf_hash(bytes(body)) != bytes(leaf):
            raise _inconsistent(frontier.size, seq)
        frontier.append(bytes(leaf))
        prev = bytes(leaf).hex()
    return Tail(data_version, frontier, prev or GENESIS_PREV, last_cp_size, last_cp_ns)


def _inconsistent(expected: int, found: int | None) -> LedgerError:
    return LedgerError(f"ledger state is inconsistent (expected record {expected}, found {found}); run `aegis-mcp verify`")

"""Shared helpers for the ledger tests: a small real ledger on disk, and an attacker's raw sqlite3 access."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from aegis_mcp.ledger.record import leaf_hash, parse_body, seal
from aegis_mcp.ledger.store import LedgerStore
from aegis_mcp.ledger.verify import VerifyReport, load_anchor, verify_connection


def decision(i: int, **extra: object) -> dict[str, object]:
    rec: dict[str, object] = {
        "kind": "decision", "agent_id": f"agent-{i % 3}", "server": "filesystem", "session_id": "s-1",
        "tool": "read_file", "category": "file_read", "decision": "block" if i % 5 == 0 else "allow",
        "risk": "high" if i % 5 == 0 else "low", "signals": ["path.traversal"] if i % 5 == 0 else [],
        "reason": "test", "policy_hash": "ab" * 32, "args_sha256": f"{i:064x}", "preview": {"path": f"/tmp/f{i}"},
    }
    rec.update(extra)
    return rec


def make_ledger(path: Path, n: int, *, checkpoint_every: int = 50, final_checkpoint: bool = True) -> None:
    """n decision records; checkpoints every `checkpoint_every` and (unless told not to) at close."""
    store = LedgerStore.open(path, checkpoint_every=checkpoint_every, checkpoint_interval_s=3600)
    for start in range(0, n, 10):  # batches of 10, so checkpoints land exactly on multiples of 50
        store.append_many([decision(i) for i in range(start, min(n, start + 10))])
    store.close(checkpoint=final_checkpoint)


WORKERS = [1]  # the tamper tests run once single-process and once split across worker processes


def verify(path: Path, *anchors: str) -> VerifyReport:
    """Verify with the public key beside the database, against anchor note texts."""
    with LedgerStore.open(path, readonly=True) as store:
        return verify_connection(store.connection, vkey=store.verifier_key(), workers=WORKERS[0],
                                 anchors=[load_anchor(a, f"anchor{i}") for i, a in enumerate(anchors)])


class Attacker:
    """Someone with write access to the database file: drops the triggers, edits rows directly."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("DROP TRIGGER records_no_update")
        self.conn.execute("DROP TRIGGER records_no_delete")
        self.conn.execute("DROP TRIGGER checkpoints_no_update")
        self.conn.execute("DROP TRIGGER checkpoints_no_delete")

    def row(self, seq: int) -> tuple[bytes, bytes]:
        leaf, body = self.conn.execute("SELECT leaf, body FROM records WHERE seq=?", (seq,)).fetchone()
        return bytes(leaf), bytes(body)

    def set_body(self, seq: int, body: bytes, *, fix_leaf: bool) -> None:
        if fix_leaf:
            self.conn.execute("UPDATE records SET body=?, leaf=? WHERE seq=?", (body, leaf_hash(body), seq))
        else:
            self.conn.execute("UPDATE records SET body=? WHERE seq=?", (body, seq))

    def shift(self, start: int, by: int) -> None:
        """Renumber every row with seq >= start by `by` (through negative numbers: no PK clash)."""
        self.conn.execute("UPDATE records SET seq = -seq - 1 WHERE seq >= ?", (start,))
        self.conn.execute("UPDATE records SET seq = -seq - 1 + ? WHERE seq < 0", (by,))

    def reseal(self, seq: int, prev_hex: str, **changes: object) -> bytes:
        """Rewrite record `seq` as a well-formed record (changed as asked) linking to prev_hex; returns its leaf."""
        _, body = self.row(seq)
        rec = {k: v for k, v in parse_body(body).items() if k not in ("seq", "prev")}
        rec.update(changes)
        new_body, leaf = seal(rec, seq, prev_hex)
        self.conn.execute("UPDATE records SET body=?, leaf=? WHERE seq=?", (new_body, leaf, seq))
        return leaf

    def rechain(self, start: int) -> None:
        """Recompute every link and leaf from `start` to the end, as a careful attacker would."""
        prev = self.row(start - 1)[0].hex() if start > 0 else "0" * 64
        last = self.conn.execute("SELECT MAX(seq) FROM records").fetchone()[0]
        for seq in range(start, last + 1):
            prev = self.reseal(seq, prev).hex()

    def close(self) -> None:
        self.conn.close()

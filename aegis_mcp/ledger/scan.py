"""The verifier's inner loop: stream one seq range, check hashes and links, keep a Merkle frontier, classify damage.

A range [start, end) is scanned with a local frontier. When `start` is a multiple of 2**k and the
range is at most 2**k long, the global frontier at any size inside it is the frontier at `start`
followed by the local one, so ranges can be scanned by separate processes and joined exactly.
"""

from __future__ import annotations

import hashlib
import sqlite3
from binascii import hexlify
from bisect import bisect_right
from dataclasses import dataclass, field

import orjson

from aegis_mcp.ledger.readonly import connect_readonly
from aegis_mcp.ledger.record import GENESIS_PREV

_SEQ_KEY = b'"seq":'
# Rows are checked in batches of 2**BATCH_BITS (aligned to the range start, itself aligned).
BATCH_BITS = 11


@dataclass(frozen=True)
class Damage:
    kind: str  # one of verify.KINDS
    seq: int  # the first bad seq (for a range: the first seq not proven intact)
    detail: str
    last_seq: int | None = None  # set when the damage can only be bounded to seq..last_seq


@dataclass
class RangeResult:
    start: int
    end: int  # records start..end-1 passed every per-record check
    damage: Damage | None
    frontiers: dict[int, list[bytes]] = field(default_factory=dict)  # local frontier at each target size
    final: list[bytes] = field(default_factory=list)  # local frontier at `end`


def claims(body: bytes) -> tuple[int, str] | None:
    """(seq, prev) a body claims, by a full parse; None if it is not a well-formed record."""
    try:
        rec = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(rec, dict):
        return None
    seq, prev = rec.get("seq"), rec.get("prev")
    if not isinstance(seq, int) or isinstance(seq, bool) or not isinstance(prev, str) or len(prev) != 64:
        return None
    return seq, prev


def _subtrees(levels: list[list[bytes]], offset: int) -> list[bytes]:
    """The perfect subtrees covering the first `offset` leaves of a batch, largest first."""
    out: list[bytes] = []
    pos = 0
    for lv in range(len(levels) - 1, -1, -1):
        if offset >> lv & 1:
            out.append(levels[lv][pos >> lv])
            pos += 1 << lv
    return out


def scan_range(conn: sqlite3.Connection, start: int, end: int, *, signed_upto: int, targets: list[int],
               first: bool) -> RangeResult:
    """Check records start..end-1 (`first`: also catch rows stored below `start`, e.g. negative seqs)."""
    sha256 = hashlib.sha256
    if start == 0:
        prev = GENESIS_PREV.encode()
    else:
        row = conn.execute("SELECT body FROM records WHERE seq = ?", (start - 1,)).fetchone()
        # A missing (or retyped) predecessor is reported by the range before this one; any value will do here.
        prev = sha256(b"\x00" + row[0]).hexdigest().encode() if row and isinstance(row[0], bytes) else GENESIS_PREV.encode()
    want = set(targets)
    ordered = sorted(targets)
    res = RangeResult(start, start, None)
    hashes: list[bytes] = []
    push, pop = hashes.append, hashes.pop
    expected = start
    bits = BATCH_BITS
    batch = 1 << bits
    cur = conn.execute("SELECT seq, leaf, body FROM records WHERE seq < ? " + ("" if first else "AND seq >= ? ") + "ORDER BY seq",
                       (end,) if first else (end, start))
    cur.arraysize = batch
    while res.damage is None:
        rows = cur.fetchmany()
        if not rows:
            break
        off = expected - start
        if (len(rows) == batch and not off & (batch - 1) and expected + batch <= signed_upto
                and rows[0][0] == expected and rows[-1][0] == expected + batch - 1):  # seq is unique: contiguous
            # The fast path for a whole aligned batch in the signed region: the same checks as
            # below, but as list comprehensions and whole-list comparisons (C loops), and the
            # batch's Merkle subtree built level by level. Any mismatch: redo the batch row by row.
            bodies = [r[2] for r in rows]
            try:
                leaves = [sha256(b"\x00" + b).digest() for b in bodies]
            except TypeError:  # a body edited into TEXT: the row-by-row pass below names it
                leaves = []
            if leaves and leaves == [r[1] for r in rows]:
                links = [b[(p := b.find(b'"prev":"')) + 8 : p + 72] for b in bodies]
                if links[0] == prev and links[1:] == [hexlify(x) for x in leaves[:-1]]:
                    levels = [leaves]
                    level = leaves
                    while len(level) > 1:
                        level = [sha256(b"\x01" + a + b).digest() for a, b in zip(level[0::2], level[1::2])]
                        levels.append(level)
                    for s in ordered[bisect_right(ordered, expected) : bisect_right(ordered, expected + batch)]:
                        res.frontiers[s] = hashes + _subtrees(levels, s - expected)
                    push(level[0])  # a perfect subtree of `batch` leaves, at an aligned position
                    n = off >> bits
                    while n & 1:
                        right = pop()
                        hashes[-1] = sha256(b"\x01" + hashes[-1] + right).digest()
                        n >>= 1
                    prev = hexlify(leaves[-1])
                    expected += batch
                    continue
        for col_seq, leaf_col, body in rows:
            if col_seq != expected:
                if col_seq > expected:
                    res.damage = Damage("missing", expected, f"no record with seq {expected} (the next stored seq is {col_seq})", col_seq - 1)
                else:
                    res.damage = Damage("inserted", expected, f"a record stored with seq {col_seq} precedes record {expected}")
                break
            try:
                leaf = sha256(b"\x00" + body).digest()
            except TypeError:  # `UPDATE records SET body=replace(body, ...)` stores TEXT: say so, do not crash
                res.damage = Damage("modified", expected, f"record {expected} was edited with SQL: it is stored as "
                                    f"{_SQL_TYPES.get(type(body), 'something else')} instead of the bytes that were hashed")
                break
            # In the signed region the Merkle root (checked by the caller) already pins every byte,
            # so the link check only has to be cheap, and exact when it passes: the first `"prev":"`
            # must carry the previous leaf. A nested "prev" key sorting earlier, or anything past
            # the last checkpoint, is settled by a full parse.
            ok = False
            if expected < signed_upto:
                p = body.find(b'"prev":"')
                ok = p > 0 and body[p + 8 : p + 72] == prev
            if not ok:
                c = claims(body)
                ok = c is not None and c[0] == expected and c[1].encode() == prev
            if leaf != leaf_col or not ok:
                res.damage = _Classifier(conn).classify(expected, bytes(prev).decode(), bytes(body), bytes(leaf_col), leaf)
                break
            # Frontier.append, inlined.
            push(leaf)
            n = expected - start
            while n & 1:
                right = pop()
                hashes[-1] = sha256(b"\x01" + hashes[-1] + right).digest()
                n >>= 1
            prev = hexlify(leaf)
            expected += 1
            if expected in want:
                res.frontiers[expected] = list(hashes)
    if res.damage is None and expected < end:
        res.damage = Damage("missing", expected, f"no record with seq {expected}", end - 1)
    res.end = expected
    res.final = hashes
    return res


def scan_range_at(path: str, start: int, end: int, signed_upto: int, targets: list[int], first: bool) -> RangeResult:
    """scan_range in a worker process, on its own read-only connection and snapshot."""
    conn = connect_readonly(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        return scan_range(conn, start, end, signed_upto=signed_upto, targets=targets, first=first)
    finally:
        conn.close()


_SQL_TYPES = {str: "text", int: "an integer", float: "a real number", type(None): "NULL"}


def _raw(value: object) -> bytes:
    """A column as bytes for classifying damage (a value edited into TEXT or a number still compares)."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    return b"" if value is None else str(value).encode("utf-8", "surrogatepass")


class _Classifier:
    """The slow path: row e failed the fast checks and everything before it is intact; say what happened."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _rows_after(self, seq: int, limit: int) -> list[tuple[int, bytes, bytes]]:
        return [(s, _raw(lf), _raw(b)) for s, lf, b in self.conn.execute(
            "SELECT seq, leaf, body FROM records WHERE seq > ? ORDER BY seq LIMIT ?", (seq, limit))]

    def _row(self, seq: int) -> tuple[int, bytes, bytes] | None:
        r = self.conn.execute("SELECT seq, leaf, body FROM records WHERE seq = ?", (seq,)).fetchone()
        return None if r is None else (r[0], _raw(r[1]), _raw(r[2]))

    def _later_claims(self, e: int) -> bool:
        """Does some later row claim seq e? (scan cheaply, parse only candidates)"""
        needle = _SEQ_KEY + str(e).encode()
        for _s, _lf, b in self.conn.execute("SELECT seq, leaf, body FROM records WHERE seq > ? ORDER BY seq", (e,)):
            if isinstance(b, bytes) and needle in b:
                c = claims(b)
                if c is not None and c[0] == e:
                    return True
        return False

    def classify(self, e: int, prev_hex: str, body: bytes, leaf_col: bytes, leaf: bytes) -> Damage:
        if leaf != leaf_col:
            return Damage("modified", e, f"record {e}'s bytes do not match its leaf hash (the payload was edited)")
        mine = claims(body)
        if mine is None:
            return Damage("modified", e, f"record {e} is not a well-formed record (the payload was edited)")
        cseq, cprev = mine
        nxt = self._rows_after(e, 1)
        nxt_claims = claims(nxt[0][2]) if nxt else None
        # The next row is the proper continuation of the intact prefix: this row is an intruder,
        # unless it is simply the next record, swapped with it.
        if nxt_claims is not None and nxt_claims == (e, prev_hex):
            if cseq == e + 1 and cprev == hashlib.sha256(b"\x00" + nxt[0][2]).hexdigest():
                return Damage("reordered", e, f"records {e} and {e + 1} were swapped")
            return Damage("inserted", e, f"record at seq {e} was inserted: the next record carries seq {e} and links to record {e - 1}")
        if cseq < e:
            earlier = self._row(cseq)
            if earlier is not None and earlier[1] == leaf:
                return Damage("inserted", e, f"record at seq {e} is a copy of record {cseq}")
            if cseq == e - 1:
                return Damage("inserted", e - 1, f"two records claim seq {e - 1}; the one stored at {e - 1} is not in the chain (it was inserted)")
            return Damage("reordered", e, f"record stored at seq {e} says it is record {cseq}")
        if cseq > e:
            if self._later_claims(e):
                return Damage("reordered", e, f"record stored at seq {e} says it is record {cseq}; record {e} appears later")
            return Damage("missing", e, f"record {e} is gone: the record stored at seq {e} says it is record {cseq} (later records were renumbered)", cseq - 1)
        # cseq == e, but it does not link to record e-1.
        before = self._row(e - 1) if e > 0 else None
        before_claims = claims(before[2]) if before else None
        if before_claims is not None and cprev == before_claims[1]:
            return Damage("forked", e, f"records {e - 1} and {e} both extend record {e - 2}: two writers forked the chain")
        if e > 0 and nxt_claims is not None and nxt_claims[1] == leaf.hex():
            # e's successor still links to e, so e is as written; its predecessor changed under it.
            return Damage("modified", e - 1, f"record {e - 1} was edited (and its leaf hash recomputed): record {e} committed to a different record {e - 1}")
        return Damage("modified", e, f"record {e}'s link to record {e - 1} was edited")

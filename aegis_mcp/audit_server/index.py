"""An in-memory, append-only copy of the ledger's filter columns, so every audit query stays fast.

Why not plain SQL: the ledger's denormalised columns sit *after* the record body in each row, so
any query whose filter has no matching index, or that groups (agent stats), reads the whole
table: 70–350 ms on 100,000 records, measured. The audit server cannot add indexes (it opens the
database read-only), so it keeps the filter columns itself, caught up incrementally by `seq`
before every answer (one primary-key range read):
- per column, a small integer code per record and a posting list (positions) per value, so a
  filter walks only the records of its rarest value;
- a running count of (agent, kind, decision, risk, server, tool, would) with a snapshot every
  `BLOCK` records, so stats over any window are a difference of two snapshots plus two short edges.
Record bodies are always read from the database, by primary key, only for the page returned.
"""

from __future__ import annotations

import sqlite3
import threading
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field


def _blob(text: str) -> str:
    # A BLOB needle: instr() then compares bytes, without turning every body into TEXT first.
    return "X'" + text.encode().hex() + "'"


# The filterable columns, in the order they are selected.
COLUMNS = ("kind", "agent_id", "server", "session_id", "tool", "decision", "risk", "category", "would")
# "would": what a call or result let through by `audit_only` would otherwise have had ("block" or
# "pending"), read from the engine's reason ("audit_only: would have blocked: ..."; a tool definition's
# says "would have block"/"would have pending"). The ledger has no column for it, and without it an
# audit-only rollout's week showed no violations at all. A reason is a JSON string in the body, so
# its quotes are escaped: `"reason":"audit_only: would have` can only be the record's own reason key.
_REASON = '"reason":"audit_only: would have '
_WOULD_SQL = (
    f"CASE WHEN decision IN ('allow', 'flag') AND instr(body, {_blob(_REASON)}) > 0 THEN "
    f"CASE WHEN instr(body, {_blob(_REASON + 'held')}) > 0 OR instr(body, {_blob(_REASON + 'pending')}) > 0 "
    "THEN 'pending' ELSE 'block' END END"
)
_SELECT = {name: name for name in COLUMNS} | {"would": _WOULD_SQL}
# The columns agent stats count over (a composite key of their codes).
STATS_COLUMNS = ("agent_id", "kind", "decision", "risk", "server", "tool", "would")
BLOCK = 4096
_LOAD_CHUNK = 20_000


def column_bytes(value: object) -> bytes:
    """A BLOB column as bytes, whatever an edit with SQL left there: `replace(body, ...)` stores TEXT
    (its UTF-8 bytes are returned; verify_chain reports the row as retyped), a number its digits."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    return b"" if value is None else str(value).encode("utf-8", "surrogatepass")


@dataclass
class Column:
    """One categorical column: a code per row, the vocabulary, and each value's positions."""

    codes: array = field(default_factory=lambda: array("I"))
    values: list[str | None] = field(default_factory=lambda: [None])  # code 0 is NULL
    lookup: dict[str | None, int] = field(default_factory=lambda: {None: 0})
    postings: list[array] = field(default_factory=lambda: [array("I")])

    def add(self, value: str | None, position: int) -> int:
        code = self.lookup.get(value)
        if code is None:
            code = len(self.values)
            self.values.append(value)
            self.lookup[value] = code
            self.postings.append(array("I"))
        self.codes.append(code)
        self.postings[code].append(position)
        return code


class LedgerIndex:
    """Filter columns and leaf hashes of every record; position == seq (the ledger's seq starts at 0)."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock | None = None) -> None:
        self._conn = conn
        self._lock = lock or threading.RLock()
        self.columns: dict[str, Column] = {name: Column() for name in COLUMNS}
        self.ts = array("q")
        self.leaves: list[bytes] = []
        self.ts_sorted = True  # lets a time range become a binary search
        self.totals: Counter[tuple[int, ...]] = Counter()
        self.snapshots: list[Counter[tuple[int, ...]]] = [Counter()]  # snapshots[b] = totals before position b*BLOCK

    @property
    def size(self) -> int:
        return len(self.ts)

    def refresh(self) -> int:
        """Read the records appended since the last call; returns the new size."""
        stats_idx = [COLUMNS.index(c) for c in STATS_COLUMNS]
        with self._lock:
            while True:
                start = len(self.ts)
                rows = self._conn.execute(
                    f"SELECT seq, leaf, ts_us, {', '.join(_SELECT[c] for c in COLUMNS)} FROM records WHERE seq >= ? ORDER BY seq LIMIT ?",
                    (start, _LOAD_CHUNK),
                ).fetchall()
                for row in rows:
                    position = len(self.ts)
                    if row[0] != position:
                        # A gap means rows were removed behind the store's back: stop here rather
                        # than misplace every later record; verify_chain reports the damage.
                        return position
                    ts = int(row[2]) if isinstance(row[2], int) else 0
                    if self.ts and ts < self.ts[-1]:
                        self.ts_sorted = False
                    self.ts.append(ts)
                    self.leaves.append(column_bytes(row[1]))
                    codes = [
                        self.columns[name].add(value if value is None or isinstance(value, str) else str(value), position)
                        for name, value in zip(COLUMNS, row[3:])
                    ]
                    self.totals[tuple(codes[i] for i in stats_idx)] += 1
                    if (position + 1) % BLOCK == 0:
                        self.snapshots.append(self.totals.copy())
                if len(rows) < _LOAD_CHUNK:
                    return len(self.ts)

    def code(self, column: str, value: str) -> int | None:
        """The code of a value in a column, or None if no record has it (then nothing can match)."""
        return self.columns[column].lookup.get(value)

    def time_bounds(self, since_us: int | None, until_us: int | None, end: int) -> tuple[int, int]:
        """Positions [lo, hi) that can hold records in [since, until); exact when ts is sorted."""
        if not self.ts_sorted:
            return 0, end
        lo = bisect_left(self.ts, since_us, 0, end) if since_us is not None else 0
        hi = bisect_left(self.ts, until_us, 0, end) if until_us is not None else end
        return lo, max(lo, hi)

    def _driver(self, equals: dict[str, list[int]], lo: int, hi: int) -> tuple[str | None, list[int] | range]:
        """Positions in [lo, hi) of the most selective filter (ascending), or the whole range."""
        best: tuple[int, str, list[tuple[array, int, int]]] | None = None
        for name, codes in equals.items():
            spans = []
            for code in codes:
                plist = self.columns[name].postings[code]
                a, b = bisect_left(plist, lo), bisect_left(plist, hi)
                spans.append((plist, a, b))
            total = sum(b - a for _, a, b in spans)
            if best is None or total < best[0]:
                best = (total, name, spans)
        if best is None:
            return None, range(lo, hi)
        _, name, spans = best
        if len(spans) == 1:
            plist, a, b = spans[0]
            return name, plist[a:b].tolist()
        merged: list[int] = []
        for plist, a, b in spans:
            merged.extend(plist[a:b])
        merged.sort()
        return name, merged

    def newest_first(
        self,
        equals: dict[str, list[int]],
        *,
        before: int | None = None,
        since_us: int | None = None,
        until_us: int | None = None,
    ) -> Iterator[int]:
        """Positions matching every filter (a column matches any of its codes), newest first."""
        end = self.size if before is None else min(before, self.size)
        lo, hi = self.time_bounds(since_us, until_us, end)
        driver_name, driver = self._driver(equals, lo, hi)
        checks = [
            (self.columns[name].codes, codes[0] if len(codes) == 1 else frozenset(codes))
            for name, codes in equals.items()
            if name != driver_name
        ]
        ts = self.ts
        exact_time = self.ts_sorted
        for position in reversed(driver):
            ok = True
            for codes, wanted in checks:
                got = codes[position]
                if (got != wanted) if isinstance(wanted, int) else (got not in wanted):
                    ok = False
                    break
            if not ok:
                continue
            if not exact_time:
                t = ts[position]
                if (since_us is not None and t < since_us) or (until_us is not None and t >= until_us):
                    continue
            yield position

    def counts(self, lo: int, hi: int) -> Counter[tuple[int, ...]]:
        """Counts of (agent, kind, decision, risk, server, tool, would) codes over positions [lo, hi)."""
        if lo == 0 and hi == self.size:
            return self.totals.copy()
        b_lo = -(-lo // BLOCK)  # first snapshot boundary at or after lo
        b_hi = hi // BLOCK
        if b_lo >= b_hi or b_hi >= len(self.snapshots):
            return self._count_slice(lo, hi)
        out = self.snapshots[b_hi] - self.snapshots[b_lo] if b_lo else self.snapshots[b_hi].copy()
        out.update(self._count_slice(lo, b_lo * BLOCK))
        out.update(self._count_slice(b_hi * BLOCK, hi))
        return out

    def _count_slice(self, lo: int, hi: int) -> Counter[tuple[int, ...]]:
        if hi <= lo:
            return Counter()
        return Counter(zip(*(self.columns[name].codes[lo:hi] for name in STATS_COLUMNS)))

    def first_last(self, column: str, code: int, lo: int, hi: int) -> tuple[int, int] | None:
        """The first and last positions in [lo, hi) holding this value, via its posting list."""
        plist = self.columns[column].postings[code]
        a, b = bisect_left(plist, lo), bisect_left(plist, hi)
        return (plist[a], plist[b - 1]) if b > a else None

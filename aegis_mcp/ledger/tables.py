"""The ledger database's mutable side tables: held-call approvals and pinned tool definitions."""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Literal, Sequence

import orjson

from aegis_mcp.ledger.holder import Holder, holder_state
from aegis_mcp.ledger.record import check_caller_record, leaf_hash

# expired_orphaned: closed early because the proxy holding it had died (close_orphaned_approvals)
ApprovalStatus = Literal["pending", "approved", "denied", "expired", "expired_orphaned"]
PinStatus = Literal["accepted", "held"]

# Lower-case letters and digits without look-alikes (no 0/o, 1/l/i): easy to read aloud and type.
_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_approval_id() -> str:
    """`xxxx-xxxx`: 8 symbols from 31, ~40 bits from `secrets`, so a model cannot guess a live id."""
    s = "".join(secrets.choice(_ID_ALPHABET) for _ in range(8))
    return f"{s[:4]}-{s[4:]}"


def normalize_approval_id(text: str) -> str:
    """An id as a person may type it: `AB3K-9XYZ`, ` ab3k-9xyz `, `ab3k9xyz` all name ab3k-9xyz."""
    aid = text.strip().lower()
    if len(aid) == 8 and "-" not in aid:
        aid = f"{aid[:4]}-{aid[4:]}"
    return aid


@dataclass(frozen=True)
class Approval:
    id: str
    server: str
    tool: str
    args_sha256: str
    agent_id: str
    summary: dict[str, Any]
    status: ApprovalStatus
    approver: str | None
    channel: str | None
    created_ns: int
    expires_ns: int
    decided_ns: int | None
    holder: Holder | None = None  # the proxy connection holding the call (None: held by an older proxy)
    reason: str | None = None  # the operator's reason, given with a denial


@dataclass(frozen=True)
class Pin:
    server: str
    tool: str
    digest: str
    definition: dict[str, Any]
    status: PinStatus
    updated_ns: int


_APPROVAL_COLS = "id, server, tool, args_sha256, agent_id, summary, status, approver, channel, created_ns, expires_ns, decided_ns"
_JOINED = (", ".join(f"a.{c.strip()}" for c in _APPROVAL_COLS.split(","))
           + ", h.instance, h.host, h.pid, h.process, h.heartbeat_ns, h.taken_ns, h.reason"
           " FROM approvals a LEFT JOIN approval_holders h ON h.id = a.id")
MAX_REASON_CHARS = 500  # a denial's reason goes to the model: a sentence, not a document


def _approval(row: Sequence[Any], now_ns: int) -> Approval:
    status = row[6]
    if status == "pending" and row[10] <= now_ns:
        status = "expired"  # past its deadline: nobody can approve it any more, whatever the row says
    holder = reason = None
    if len(row) > 12:
        if row[12] is not None:
            holder = Holder(row[12], row[13] or "", int(row[14] or 0), row[15], int(row[16] or 0), row[17])
        reason = row[18]
    return Approval(row[0], row[1], row[2], row[3], row[4], orjson.loads(row[5]), status, row[7], row[8],
                    row[9], row[10], row[11], holder, reason)


class TablesMixin:
    """Approvals and pins; mixed into LedgerStore, which provides the connection and transactions."""

    _conn: sqlite3.Connection
    _lock: threading.RLock
    _write: Callable[[Callable[[sqlite3.Cursor], Any]], Any]
    _append_in_txn: Callable[[sqlite3.Cursor, Sequence[tuple[dict[str, Any], bool]]], Any]

    # --------------------------------------------------------------- approvals
    def create_approval(self, *, server: str, tool: str, args_sha256: str, agent_id: str,
                        summary: dict[str, Any], timeout_s: float,
                        holder: tuple[str, str, int, str | None] | None = None) -> str:
        """Hold a call for a human; returns the id they will type (or click) to answer it.

        `holder`: (instance, host, pid, process identity) of the proxy connection holding the call
        (ledger/holder.py), so the people deciding can tell when nothing is left to run it."""
        now = time.time_ns()
        summary_json = orjson.dumps(summary, option=orjson.OPT_SORT_KEYS).decode()

        def txn(cur: sqlite3.Cursor) -> str:
            while True:
                aid = new_approval_id()
                if cur.execute("SELECT 1 FROM approvals WHERE id=?", (aid,)).fetchone() is None:
                    break
            cur.execute(f"INSERT INTO approvals ({_APPROVAL_COLS}) VALUES (?,?,?,?,?,?,'pending',NULL,NULL,?,?,NULL)",
                        (aid, server, tool, args_sha256, agent_id, summary_json, now, now + int(timeout_s * 1e9)))
            if holder is not None:
                cur.execute("INSERT OR REPLACE INTO approval_holders (id, instance, host, pid, process, heartbeat_ns) "
                            "VALUES (?,?,?,?,?,?)", (aid, *holder, now))
            return aid

        result: str = self._write(txn)
        return result

    def _approval_rows(self, where: str, params: tuple[Any, ...]) -> list[Any]:
        """Approval rows with their holder columns; without them on a database no writer of this
        version has opened yet (read-only: no approval_holders table)."""
        with self._lock:
            try:
                return self._conn.execute(f"SELECT {_JOINED} {where}", params).fetchall()
            except sqlite3.OperationalError:
                plain = where.replace("a.", "")
                return self._conn.execute(f"SELECT {_APPROVAL_COLS} FROM approvals {plain}", params).fetchall()

    def get_approval(self, approval_id: str) -> Approval | None:
        rows = self._approval_rows("WHERE a.id=?", (normalize_approval_id(approval_id),))
        return _approval(rows[0], time.time_ns()) if rows else None

    def decide_approval(self, approval_id: str, *, approve: bool, approver: str, channel: str,
                        authority: str | None = None, reason: str | None = None) -> bool:
        """Answer a held call, once. True only if it was pending and in time; records an "approval".

        `authority`: what let the decider through ("terminal", "approver token"), kept in the record.
        `reason`: why it was denied, for the model and the record (the caller redacts it; it is cut
        to MAX_REASON_CHARS here)."""
        aid = normalize_approval_id(approval_id)
        reason = reason[:MAX_REASON_CHARS] if reason else None

        def txn(cur: sqlite3.Cursor) -> bool:
            now = time.time_ns()
            row = cur.execute(f"SELECT {_APPROVAL_COLS} FROM approvals WHERE id=?", (aid,)).fetchone()
            if row is None or row[6] != "pending":
                return False
            if row[10] <= now:
                cur.execute("UPDATE approvals SET status='expired', decided_ns=? WHERE id=?", (now, aid))
                return False
            status = "approved" if approve else "denied"
            # Conditional UPDATE + rowcount: single use even if two answers race.
            cur.execute("UPDATE approvals SET status=?, approver=?, channel=?, decided_ns=? WHERE id=? AND status='pending'",
                        (status, approver, channel, now, aid))
            if cur.rowcount != 1:
                return False
            record = {
                "kind": "approval", "approval_id": aid, "decision": status, "approver": approver,
                "channel": channel, "server": row[1], "tool": row[2], "args_sha256": row[3], "agent_id": row[4],
            }
            if authority is not None:
                record["authority"] = authority
            if reason is not None:
                record["reason"] = reason
                cur.execute("INSERT INTO approval_holders (id, reason) VALUES (?, ?) "
                            "ON CONFLICT(id) DO UPDATE SET reason=excluded.reason", (aid, reason))
            self._append_in_txn(cur, [(record, check_caller_record(record))])
            return True

        result: bool = self._write(txn)
        return result

    def expire_approval(self, approval_id: str) -> bool:
        """Mark a pending approval expired (the proxy gave up waiting); True if it was pending."""
        aid = normalize_approval_id(approval_id)

        def txn(cur: sqlite3.Cursor) -> bool:
            cur.execute("UPDATE approvals SET status='expired', decided_ns=? WHERE id=? AND status='pending'",
                        (time.time_ns(), aid))
            return cur.rowcount == 1

        result: bool = self._write(txn)
        return result

    def close_orphaned_approvals(self, server: str | None = None) -> list[str]:
        """Close every pending approval whose holding proxy is gone (ledger/holder.py says "gone":
        its process exited, or its heartbeat went stale) as `expired_orphaned`, each with a
        hash-chained "approval" record by approver "system" saying why; returns their ids.

        Nothing is left to run such a call or to answer the agent: until now it lingered as pending
        until its deadline. `server`: only that server's (a proxy starting for it). Approvals whose
        holder is unknown (older proxies) or alive are left alone."""
        where = "WHERE a.status='pending' AND a.expires_ns > ?" + ("" if server is None else " AND a.server=?")
        # The common case (every proxy start): nothing is held, so no write transaction is taken,
        # and proxies started together do not queue for the write lock just to find that out.
        args: tuple[Any, ...] = (time.time_ns(),) if server is None else (time.time_ns(), server)
        with self._lock:
            if self._conn.execute(f"SELECT 1 FROM approvals a {where} LIMIT 1", args).fetchone() is None:
                return []

        def txn(cur: sqlite3.Cursor) -> list[str]:
            now = time.time_ns()
            rows = cur.execute(f"SELECT {_JOINED} {where} ORDER BY a.created_ns",
                               (now,) if server is None else (now, server)).fetchall()
            closed: list[str] = []
            for row in rows:
                approval = _approval(row, now)
                state, why = holder_state(approval.holder, now)
                if state == "gone" and self._close_orphan(
                        cur, approval, now, f"closed before its deadline: {why}, so nothing would run the call"):
                    closed.append(approval.id)
            return closed

        result: list[str] = self._write(txn)
        return result

    def close_held_approvals(self, instance: str, why: str) -> list[str]:
        """Close, as `expired_orphaned`, every pending approval the proxy connection `instance`
        holds: it is shutting down (its client went away or its upstream exited), so nothing will
        run those calls. Each gets the same hash-chained "approval" record by "system" as an
        orphan found later, with `why` in its reason; returns their ids."""
        where = "WHERE a.status='pending' AND a.expires_ns > ? AND h.instance=?"

        def txn(cur: sqlite3.Cursor) -> list[str]:
            now = time.time_ns()
            rows = cur.execute(f"SELECT {_JOINED} {where} ORDER BY a.created_ns", (now, instance)).fetchall()
            return [a.id for a in (_approval(row, now) for row in rows)
                    if self._close_orphan(cur, a, now, f"closed before its deadline: {why}, so nothing would run the call")]

        result: list[str] = self._write(txn)
        return result

    def _close_orphan(self, cur: sqlite3.Cursor, approval: Approval, now: int, reason: str) -> bool:
        """Inside a write transaction: mark one pending approval expired_orphaned and record it."""
        cur.execute("UPDATE approvals SET status='expired_orphaned', approver='system', channel='orphaned', "
                    "decided_ns=? WHERE id=? AND status='pending'", (now, approval.id))
        if cur.rowcount != 1:
            return False
        record = {
            "kind": "approval", "approval_id": approval.id, "decision": "expired_orphaned",
            "approver": "system", "channel": "orphaned", "server": approval.server, "tool": approval.tool,
            "args_sha256": approval.args_sha256, "agent_id": approval.agent_id, "reason": reason,
        }
        self._append_in_txn(cur, [(record, check_caller_record(record))])
        return True

    def decision_in_chain(self, approval: Approval, since_seq: int = 0) -> bool:
        """Whether the hash chain holds this approval's decision, as decide_approval writes it in
        the same transaction as the row: an "approval" record from `since_seq` on, naming it with
        its status, server, tool and argument hash, whose leaf is its body's hash and whose `prev`
        is the leaf before it. A row set to "approved" by hand (`sqlite3 ... UPDATE approvals`,
        from a shell tool the agent can reach) has none, and approves nothing."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, leaf, body FROM records WHERE seq >= ? AND kind='approval' AND decision=? ORDER BY seq",
                (since_seq, approval.status)).fetchall()
        for seq, leaf, body in rows:
            record = orjson.loads(body)
            if record.get("approval_id") != approval.id:
                continue
            if (record.get("server"), record.get("tool"), record.get("args_sha256")) != (
                    approval.server, approval.tool, approval.args_sha256):
                return False
            if record.get("seq") != seq or leaf_hash(bytes(body)) != bytes(leaf):
                return False
            with self._lock:
                before = self._conn.execute("SELECT leaf FROM records WHERE seq=?", (seq - 1,)).fetchone()
            return before is not None and record.get("prev") == bytes(before[0]).hex()
        return False

    def list_approvals(self, status: str | None = "pending") -> list[Approval]:
        """Approvals with this (effective) status, oldest first; status=None lists all."""
        now = time.time_ns()
        rows = self._approval_rows("ORDER BY a.created_ns", ())
        items = [_approval(r, now) for r in rows]
        return items if status is None else [a for a in items if a.status == status]

    def heartbeat_approvals(self, instance: str) -> int:
        """The holding proxy connection is still there: beat for its pending approvals; returns how many."""
        def txn(cur: sqlite3.Cursor) -> int:
            cur.execute("UPDATE approval_holders SET heartbeat_ns=? WHERE instance=? AND id IN "
                        "(SELECT id FROM approvals WHERE status='pending')", (time.time_ns(), instance))
            return cur.rowcount

        result: int = self._write(txn)
        return result

    def take_approval(self, approval_id: str, instance: str) -> bool:
        """The holding proxy read the answer (the CLI waits for this to say the call went on); True if it holds it."""
        def txn(cur: sqlite3.Cursor) -> bool:
            cur.execute("UPDATE approval_holders SET taken_ns=? WHERE id=? AND instance=?",
                        (time.time_ns(), normalize_approval_id(approval_id), instance))
            return cur.rowcount == 1

        result: bool = self._write(txn)
        return result

    # -------------------------------------------------------------------- pins
    def get_pins(self, server: str) -> dict[str, Pin]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT server, tool, digest, definition, status, updated_ns FROM pins WHERE server=?", (server,)).fetchall()
        return {r[1]: Pin(r[0], r[1], r[2], orjson.loads(r[3]), r[4], r[5]) for r in rows}

    def pin_states(self, server: str) -> dict[str, tuple[str, str]]:
        """tool -> (digest, status) of one server's pins: what a running proxy polls to notice a
        human's `pins accept` (or another connection's hold) without reading the definitions."""
        with self._lock:
            rows = self._conn.execute("SELECT tool, digest, status FROM pins WHERE server=?", (server,)).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def list_pins(self) -> list[Pin]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT server, tool, digest, definition, status, updated_ns FROM pins ORDER BY server, tool").fetchall()
        return [Pin(r[0], r[1], r[2], orjson.loads(r[3]), r[4], r[5]) for r in rows]

    def put_pin(self, server: str, tool: str, digest: str, definition: dict[str, Any], status: PinStatus) -> None:
        """Insert or replace the pin of (server, tool). Does not append a record: callers record pin_change.

        When an accepted definition is replaced by a different one, the accepted one is kept in
        pins_previous (see previous_pins) so the person reviewing the change can see what changed;
        a definition pinned as accepted has nothing to review and drops it."""
        if status not in ("accepted", "held"):
            raise ValueError(f"pin status must be 'accepted' or 'held', not {status!r}")
        definition_json = orjson.dumps(definition, option=orjson.OPT_SORT_KEYS).decode()

        def txn(cur: sqlite3.Cursor) -> None:
            now = time.time_ns()
            old = cur.execute("SELECT digest, definition, status, updated_ns FROM pins WHERE server=? AND tool=?",
                              (server, tool)).fetchone()
            if status == "accepted" or old is None:
                cur.execute("DELETE FROM pins_previous WHERE server=? AND tool=?", (server, tool))
            elif old[2] == "accepted" and old[0] != digest:
                cur.execute("INSERT OR REPLACE INTO pins_previous VALUES (?, ?, ?, ?, ?)",
                            (server, tool, old[0], old[1], old[3]))
            # else: held again before anyone reviewed it — the baseline stays the last accepted one
            cur.execute("INSERT OR REPLACE INTO pins VALUES (?, ?, ?, ?, ?, ?)",
                        (server, tool, digest, definition_json, status, now))

        self._write(txn)

    def previous_pins(self, server: str | None = None) -> dict[tuple[str, str], Pin]:
        """The last accepted definition of each held (changed) tool, keyed (server, tool); status "accepted"."""
        query = "SELECT server, tool, digest, definition, updated_ns FROM pins_previous"
        with self._lock:
            try:
                rows = self._conn.execute(query + ("" if server is None else " WHERE server=?"),
                                          () if server is None else (server,)).fetchall()
            except sqlite3.OperationalError:
                return {}  # a ledger no writer of this version has opened yet: no table, nothing kept
        return {(r[0], r[1]): Pin(r[0], r[1], r[2], orjson.loads(r[3]), "accepted", r[4]) for r in rows}

    def pin_reviews(self, server: str | None = None) -> dict[tuple[str, str], dict[str, Any]]:
        """The latest pin_change record that held or pinned each tool, keyed (server, tool): what changed
        ("first_use" | "new" | "changed"), the definition scanner's verdict, when. For people reviewing
        pins; reads the records (no index on kind: ~tens of ms on a large ledger, fine for a command)."""
        sql = "SELECT server, tool, body FROM records WHERE kind='pin_change'"
        with self._lock:
            rows = self._conn.execute(sql + ("" if server is None else " AND server=?") + " ORDER BY seq",
                                      () if server is None else (server,)).fetchall()
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for srv, tool, body in rows:
            try:
                record = orjson.loads(body)
            except orjson.JSONDecodeError:
                continue  # a damaged record is `aegis-mcp verify`'s to report
            if isinstance(record, dict) and record.get("change") in ("first_use", "new", "changed"):
                found[(srv, tool)] = record
        return found

    def accept_pin(self, server: str, tool: str, digest: str | None = None) -> bool:
        """Accept a held pin; True if it was held and is now accepted.

        `digest`: accept only that definition — the one the person reviewed. If the upstream
        changed the tool again meanwhile, nothing is accepted (False)."""
        def txn(cur: sqlite3.Cursor) -> bool:
            sql = "UPDATE pins SET status='accepted', updated_ns=? WHERE server=? AND tool=? AND status='held'"
            params: tuple[Any, ...] = (time.time_ns(), server, tool)
            if digest is not None:
                sql, params = sql + " AND digest=?", params + (digest,)
            cur.execute(sql, params)
            if cur.rowcount != 1:
                return False
            cur.execute("DELETE FROM pins_previous WHERE server=? AND tool=?", (server, tool))
            return True

        result: bool = self._write(txn)
        return result

    def reset_pins(self, server: str | None) -> int:
        """Forget the pins of one server (None: all servers); returns how many were removed."""
        def txn(cur: sqlite3.Cursor) -> int:
            if server is None:
                cur.execute("DELETE FROM pins")
                removed = cur.rowcount
                cur.execute("DELETE FROM pins_previous")
            else:
                cur.execute("DELETE FROM pins WHERE server=?", (server,))
                removed = cur.rowcount
                cur.execute("DELETE FROM pins_previous WHERE server=?", (server,))
            return removed

        result: int = self._write(txn)
        return result

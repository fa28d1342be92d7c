"""The audit server's read-only queries over the ledger: traces, violations, agent stats, pending calls.

Filters run over the in-memory `LedgerIndex` (caught up before each answer); only the page being
returned is read from SQLite, by primary key. Every answer is plain JSON-able data; what an agent
or an upstream could have written goes through `untrusted.Delimiter`.
"""

from __future__ import annotations

import re
import threading
import time
from itertools import islice
from typing import Any

import orjson

from aegis_mcp.audit_server.filters import unknown_value
from aegis_mcp.audit_server.index import LedgerIndex, column_bytes
from aegis_mcp.audit_server.params import QueryError, iso, parse_cursor, parse_time, parse_window
from aegis_mcp.audit_server.params import limit as _limit
from aegis_mcp.audit_server.untrusted import PREVIEW_CAP, REASON_CAP, Delimiter
from aegis_mcp.errors import LedgerError
from aegis_mcp.ledger.holder import holder_state
from aegis_mcp.ledger.store import LedgerStore

# Free-text search reads record bodies (~3 µs each, measured): it stops after this much time or
# this many candidates and hands back a cursor to go on, so one question never stalls the server.
TEXT_SCAN_BUDGET = 50_000
TEXT_TIME_BUDGET_S = 0.012
_CHUNK = 500
VIOLATION_DECISIONS = frozenset({"block", "blocked", "deny", "denied", "expired", "timeout", "timed_out"})
APPROVAL_KINDS = ("approval", "approval_timeout")
# Free text is matched with SQLite LIKE, whose patterns are capped (50,000 bytes by default): a
# longer needle would fail inside SQLite. Nothing worth finding is this long.
MAX_TEXT = 1000

# Fields written by the proxy, engine or store themselves: shown as they are.
TRUSTED_FIELDS = frozenset({
    "seq", "kind", "decision", "risk", "category", "signals", "violations", "policy_hash",
    "args_sha256", "forwarded_sha256", "result_sha256", "call_seq", "approval_id", "channel",
    "event", "change", "status", "digest", "previous_digest", "timeout_s", "prev", "ts_us",
})
# Names an agent or upstream can influence: shown as they are only when they look like names.
NAME_FIELDS = frozenset({"agent_id", "server", "session_id", "tool", "approver", "client"})
# No spaces: a "name" that reads like a sentence is treated as text an attacker may have written.
_NAME_OK = re.compile(r"^[A-Za-z0-9_.:/@+\-]{0,64}$")
_CLIENT_OK = re.compile(r"^[A-Za-z0-9_.:/@+\- ]{0,64}$")


class AuditQueries:
    """All reads the audit tools need, over one read-only ledger connection."""

    def __init__(self, store: LedgerStore) -> None:
        if not store.readonly:
            raise LedgerError("the audit server only works on a ledger opened read-only")
        self.store = store
        self.conn = store.connection
        self.lock = threading.RLock()
        self.index = LedgerIndex(self.conn, self.lock)
        self.index.refresh()

    @classmethod
    def open(cls, path: Any) -> AuditQueries:
        return cls(LedgerStore.open(path, readonly=True))

    def close(self) -> None:
        self.store.close()

    # ------------------------------------------------------------------ helpers
    def _codes(self, column: str, value: str | list[str] | None, *, fold_case: bool = False) -> list[int] | None:
        """Codes a filter accepts ([] = nothing can match), or None for no filter."""
        if value is None or value == "" or value == []:
            return None
        wanted = [value] if isinstance(value, str) else list(value)
        col = self.index.columns[column]
        if fold_case:
            folded = {w.lower() for w in wanted}
            return [code for v, code in col.lookup.items() if v is not None and v.lower() in folded]
        return [col.lookup[w] for w in wanted if w in col.lookup]

    def check_known(self, column: str, value: str | list[str] | None, *, fold_case: bool = False) -> None:
        """QueryError naming what the ledger does hold when `value` is neither in it nor documented."""
        if value is None or value == "" or value == []:
            return
        wanted = [value] if isinstance(value, str) else list(value)
        lookup = self.index.columns[column].lookup
        if all(w in lookup for w in wanted):
            return  # the usual case, without walking the column's vocabulary
        problem = unknown_value(column, wanted, self.index.columns[column].values, fold_case=fold_case, name_ok=_NAME_OK)
        if problem:
            raise QueryError(problem)

    def bodies(self, seqs: list[int]) -> dict[int, tuple[bytes, bytes]]:
        """seq -> (leaf, body) for a page of records, by primary key."""
        if not seqs:
            return {}
        out: dict[int, tuple[bytes, bytes]] = {}
        with self.lock:
            for i in range(0, len(seqs), _CHUNK):
                part = seqs[i : i + _CHUNK]
                marks = ",".join("?" * len(part))
                for seq, leaf, body in self.conn.execute(f"SELECT seq, leaf, body FROM records WHERE seq IN ({marks})", part):
                    out[int(seq)] = (column_bytes(leaf), column_bytes(body))
        return out

    def project(self, seq: int, body: bytes, delim: Delimiter, *, preview_cap: int = PREVIEW_CAP) -> dict[str, Any]:
        """One record as the tools return it: trusted fields plain, everything else delimited."""
        try:
            record = orjson.loads(body)
        except orjson.JSONDecodeError:
            return {"seq": seq, "error": "record body is not JSON (run verify_chain)"}
        out: dict[str, Any] = {"seq": seq, "time": iso(record.get("ts_us") if isinstance(record.get("ts_us"), int) else None)}
        for key, value in record.items():
            if key in ("seq", "prev", "ts_us"):
                continue
            if key in TRUSTED_FIELDS:
                out[key] = value
            elif key in NAME_FIELDS and (value is None or (isinstance(value, str) and (_CLIENT_OK if key == "client" else _NAME_OK).match(value))):
                out[key] = value
            elif key == "preview":
                out[key] = delim.field(value, preview_cap)
            elif key == "reason":
                out[key] = delim.field(value, REASON_CAP) if value else value
            else:
                out[key] = delim.field(value)
        return out

    def line(self, rec: dict[str, Any], delim: Delimiter) -> str:
        """A one-line rendering for the text summary (untrusted parts stay delimited).

        Records that are not decisions say what they are (a session's start or end, a pin's change
        and status, who approved through which channel) instead of `- -`, `server/?` and `agent=`."""
        server, tool, agent = rec.get("server"), rec.get("tool"), rec.get("agent_id")
        where = server if isinstance(server, str) else "?"
        if tool is not None:  # a name that failed the name check is delimited data: "?" here
            where += "/" + (tool if isinstance(tool, str) else "?")
        what = rec.get("decision") or rec.get("event") or "-"
        who = "agent=" + (agent if isinstance(agent, str) and agent else "?" if isinstance(agent, dict) else "-")
        parts = [f"#{rec['seq']}", rec.get("time") or "-", str(rec.get("kind", "?")), str(what),
                 str(rec.get("risk") or "-"), where, who]
        if rec.get("kind") == "pin_change" and isinstance(rec.get("change"), str):
            parts.append(f"({rec['change']}, {rec.get('status') or '?'})")
        if isinstance(rec.get("approver"), str) and rec["approver"]:
            parts.append(f"by {rec['approver']}" + (f" via {rec['channel']}" if isinstance(rec.get("channel"), str) else ""))
        reason = rec.get("reason")
        if isinstance(reason, dict):
            parts.append("reason=" + delim.inline(_unwrap(reason, delim), 100))
        return " ".join(parts)

    # ------------------------------------------------------------------- tools
    def query_traces(
        self,
        *,
        agent: str | None = None,
        server: str | None = None,
        tool: str | None = None,
        decision: str | list[str] | None = None,
        risk: str | list[str] | None = None,
        category: str | None = None,
        kind: str | list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int = 20,
        cursor: str | None = None,
        _violations: bool = False,
        _would: bool = False,
    ) -> dict[str, Any]:
        limit = _limit(limit)
        before = parse_cursor(cursor)
        since_us, until_us = parse_window(since, until)
        out = self._traces(agent, server, tool, decision, risk, category, kind, since_us, until_us, text, limit, before,
                           _violations, _would)
        # The window as read, in UTC: "since 09:00" without a zone is 09:00 UTC, which the asker may
        # not have meant; the answer says what was used.
        out["window"] = {"since": iso(since_us), "until": iso(until_us)}
        return out

    def _traces(self, agent: str | None, server: str | None, tool: str | None, decision: str | list[str] | None,
                risk: str | list[str] | None, category: str | None, kind: str | list[str] | None,
                since_us: int | None, until_us: int | None, text: str | None, limit: int, before: int | None,
                _violations: bool, _would: bool = False, count_only: bool = False) -> dict[str, Any]:
        if text is not None and len(text) > MAX_TEXT:
            raise QueryError(f"text is {len(text)} characters long; search for at most {MAX_TEXT}")
        with self.lock:
            size = self.index.refresh()
            filters: dict[str, list[int]] = {}
            for column, value, fold in (
                ("agent_id", agent, False), ("server", server, False), ("tool", tool, False),
                ("decision", decision, True), ("risk", risk, True), ("category", category, True), ("kind", kind, True),
            ):
                self.check_known(column, value, fold_case=fold)
                codes = self._codes(column, value, fold_case=fold)
                if codes is not None:
                    filters[column] = codes
            if _violations:
                filters["decision"] = [c for c in filters.get("decision", self._all_codes("decision"))
                                       if (self.index.columns["decision"].values[c] or "").lower() in VIOLATION_DECISIONS]
            if _would:
                filters["would"] = [c for c in (self.index.code("would", w) for w in ("block", "pending")) if c is not None]
            if any(codes == [] for codes in filters.values()):
                return {"count": 0} if count_only else self._page([], None, size, 0, True)
            positions = self.index.newest_first(filters, before=before, since_us=since_us, until_us=until_us)
            if count_only:  # positions from the in-memory index only: no record body is read
                return {"count": sum(1 for _ in positions)}
            if text:
                return self._text_page(positions, text, limit, size)
            page: list[int] = []
            next_cursor = None
            for position in positions:
                if len(page) == limit:
                    next_cursor = f"before:{page[-1]}"
                    break
                page.append(position)
            return self._page(page, next_cursor, size, len(page), True)

    def _all_codes(self, column: str) -> list[int]:
        return list(range(1, len(self.index.columns[column].values)))

    def _text_page(self, positions: Any, text: str, limit: int, size: int) -> dict[str, Any]:
        # Match the stored form: bodies are JSON, so a quote or backslash is stored escaped.
        needle = orjson.dumps(text).decode()[1:-1]
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        page: list[int] = []
        scanned = 0
        last: int | None = None
        exhausted = False
        deadline = time.perf_counter() + TEXT_TIME_BUDGET_S
        while len(page) < limit and (scanned == 0 or (scanned < TEXT_SCAN_BUDGET and time.perf_counter() < deadline)):
            chunk = list(islice(positions, _CHUNK))
            if not chunk:
                exhausted = True
                break
            scanned += len(chunk)
            hits = self._matching(chunk, pattern)
            for p in chunk:
                last = p
                if p in hits:
                    page.append(p)
                    if len(page) == limit:
                        break
        complete = exhausted
        next_cursor = None if exhausted or last is None else f"before:{last}"
        return self._page(page, next_cursor, size, scanned, complete)

    def _matching(self, chunk: list[int], pattern: str) -> set[int]:
        lo, hi = min(chunk), max(chunk)
        if hi - lo + 1 <= 2 * len(chunk):  # dense: one primary-key range
            rows = self.conn.execute(
                "SELECT seq FROM records WHERE seq BETWEEN ? AND ? AND CAST(body AS TEXT) LIKE ? ESCAPE '\\'", (lo, hi, pattern))
        else:
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT seq FROM records WHERE seq IN ({marks}) AND CAST(body AS TEXT) LIKE ? ESCAPE '\\'", (*chunk, pattern))
        return {int(r[0]) for r in rows}

    def _page(self, page: list[int], next_cursor: str | None, size: int, scanned: int, complete: bool) -> dict[str, Any]:
        delim = Delimiter()
        found = self.bodies(page)
        records = [self.project(seq, found[seq][1], delim) for seq in page if seq in found]
        return {
            "records": records,
            "count": len(records),
            "next_cursor": next_cursor,
            "complete": complete and next_cursor is None,
            "scanned": scanned,
            "ledger_size": size,
            "untrusted_marker": delim.open,
            "_delim": delim,
        }

    def list_violations(self, *, agent: str | None = None, server: str | None = None, tool: str | None = None,
                        risk: str | None = None, since: str | None = None, until: str | None = None,
                        limit: int = 20, cursor: str | None = None, audit_only: bool = False) -> dict[str, Any]:
        """Blocks, denials and timeouts; with audit_only, the calls and results `audit_only` let through
        that would otherwise have been blocked or held. Either answer counts the other kind in the same
        filters (`audit_only_would_have`), so an audit-only rollout never reads as "no violations"."""
        out = self.query_traces(agent=agent, server=server, tool=tool, risk=risk, since=since, until=until,
                                limit=limit, cursor=cursor, _violations=not audit_only, _would=audit_only)
        if not audit_only:
            with self.lock:
                codes = [c for c in (self.index.code("would", w) for w in ("block", "pending")) if c is not None]
            if codes:  # only ledgers that ever ran audit_only pay for the count
                out["audit_only_would_have"] = self._count(agent, server, tool, risk, since, until)
        return out

    def _count(self, agent: str | None, server: str | None, tool: str | None, risk: str | None,
               since: str | None, until: str | None) -> int:
        """How many records audit_only let through that would have been blocked or held, in these filters."""
        since_us, until_us = parse_window(since, until)
        return int(self._traces(agent, server, tool, None, risk, None, None, since_us, until_us, None, 1, None,
                                False, True, count_only=True)["count"])

    def agent_stats(self, *, agent: str | None = None, since: str | None = None, until: str | None = None,
                    top: int = 5) -> dict[str, Any]:
        from aegis_mcp.audit_server.stats import agent_stats

        return agent_stats(self, agent=agent, since=since, until=until, top=top)

    def list_pending(self, *, limit: int = 50) -> dict[str, Any]:
        limit = _limit(limit)
        now = time.time_ns()
        delim = Delimiter()
        with self.lock:
            rows = self.conn.execute(
                "SELECT id, server, tool, args_sha256, agent_id, summary, created_ns, expires_ns FROM approvals "
                "WHERE status='pending' AND expires_ns > ? ORDER BY created_ns DESC LIMIT ?", (now, limit)).fetchall()
        pending = []
        for aid, server, tool, sha, agent, summary, created, expires in rows:
            # Is anyone left to run it? (ledger/holder.py: the proxy that holds it may have died.)
            approval = self.store.get_approval(aid)
            state, why = holder_state(approval.holder if approval is not None else None, now)
            pending.append({
                "approval_id": aid,
                "server": server if _NAME_OK.match(server or "") else delim.field(server),
                "tool": tool if _NAME_OK.match(tool or "") else delim.field(tool),
                "agent_id": agent if _NAME_OK.match(agent or "") else delim.field(agent),
                "args_sha256": sha,
                "summary": delim.field(_without_arguments(_loads(summary)), PREVIEW_CAP),
                "created": iso(created // 1000),
                "expires": iso(expires // 1000),
                "seconds_left": max(0, (expires - now) // 1_000_000_000),
                "orphaned": state == "gone",
                "holder": why,
            })
        return {"pending": pending, "count": len(pending), "_delim": delim,
                "how_to_decide": "a human runs `aegis-mcp approvals approve ID` or `deny ID`; this server cannot approve"}


def _without_arguments(summary: Any) -> Any:
    """A held call's summary without its full argument list (kept for the person deciding, up to 16,000
    characters), which would otherwise fill the capped field before the risk, signals and reason."""
    if isinstance(summary, dict):
        return {k: v for k, v in summary.items() if k != "arguments"}
    return summary


def _loads(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return text


def _unwrap(field: dict[str, Any], delim: Delimiter) -> str:
    """The inner text of a delimited field (to re-wrap it for a one-line summary)."""
    text = str(field.get("text", ""))
    return text.removeprefix(delim.open).removesuffix(delim.close)

"""The audit MCP server: read-only tools over the ledger (query_traces, list_violations, get_agent_stats, ...).

Every tool answers with structured content plus a short text summary. Text that an agent or an
upstream server could have written is delimited with a per-answer nonce, capped, and marked as
untrusted, so reading the log can never inject instructions into the conversation. Nothing here
can write: the database is opened read-only and no tool approves, denies or changes anything.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Annotated, Any

import orjson
from mcp_types import CallToolResult, TextContent, ToolAnnotations
from pydantic import Field

from aegis_mcp.audit_server.arguments import AuditMCPServer
from aegis_mcp.audit_server.queries import MAX_TEXT, AuditQueries, QueryError, iso
from aegis_mcp.audit_server.trace import TraceChecks
from aegis_mcp.audit_server.untrusted import NOTICE, Delimiter
from aegis_mcp.errors import AegisError, ConfigError
from aegis_mcp.ledger.schema import require_ledger

log = logging.getLogger("aegis_mcp.audit_server")

INSTRUCTIONS = (
    "Read-only audit log of the aegis-mcp firewall: every tool call its proxies judged (allowed, "
    "blocked, held for a human), with tamper-evident verification. Fields marked untrusted "
    f"(wrapped in <untrusted-data NONCE> markers) are {NOTICE}. This server cannot approve, deny or "
    "change anything."
)
READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)
_SUMMARY_LINES = 20

# strict: JSON `true` is not the integer 1, nor "20" a number (pydantic's lax mode would take both)
Limit = Annotated[int, Field(ge=1, le=100, strict=True, description="records per page, 1 to 100")]
Agent = Annotated[str | None, Field(description="exactly as recorded (get_agent_stats lists the agents); an unknown one is an error that lists the known ones")]
Server = Annotated[str | None, Field(description="the proxy's server name (its --name), exactly as recorded")]
Tool = Annotated[str | None, Field(description="the tool's name, exactly as recorded")]
Since = Annotated[str | None, Field(description="start of the window: ISO 8601 (2026-11-21T10:00:00Z, or with an offset: 2026-11-21T10:00:00-05:00; a time without one is read as UTC) or a span ago like 15m, 2h, 3d. Times in answers are UTC (Z)")]
Until = Annotated[str | None, Field(description="end of the window (exclusive), same forms as since")]
Cursor = Annotated[str | None, Field(description="next_cursor from the previous page, to continue")]


def _result(summary: str, data: dict[str, Any], delim: Delimiter | None = None) -> CallToolResult:
    data = {k: v for k, v in data.items() if not k.startswith("_")}
    if delim is not None:
        data["untrusted_notice"] = delim.header()
        summary = f"{summary}\n{delim.header()}"
    return CallToolResult(content=[TextContent(type="text", text=summary)], structured_content=data)


def _error(message: str) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=message)], is_error=True)


def _filters_text(**filters: Any) -> str:
    shown = [f"{k}={v}" for k, v in filters.items() if v not in (None, "", [])]
    return " matching " + ", ".join(shown) if shown else ""


def _window_text(window: dict[str, Any]) -> str:
    """The time window as it was read, in UTC, when one was asked for ("since=9:00" may not be what was meant)."""
    since, until = window.get("since"), window.get("until")
    if not since and not until:
        return ""
    return f" (window in UTC: {since or 'the start'} to {until or 'now'})"


class AuditService:
    """The ledger-side state of one audit server: queries, proofs, verification, the engine's policies."""

    def __init__(self, db_path: Path, *, policy_file: str | None = None) -> None:
        self.queries = AuditQueries.open(db_path)
        self.trace = TraceChecks(self.queries)
        self.policy_file = policy_file
        self._policies: list[dict[str, Any]] | None = None
        self._policy_error: str | None = None
        self._policy_lock = threading.Lock()
        self._warm_thread: threading.Thread | None = None

    def warm(self, *, background: bool = True) -> None:
        """Build the caches before the first question; verify the chain and load the engine's
        policies in a background thread (the first verify_chain / list_policies waits for it)."""
        self.trace.warm()

        def rest() -> None:
            try:
                self.trace.verify_chain()
                self.engine_policies()
            except Exception:  # reported again, with detail, when a tool asks
                log.exception("background verification failed")

        if background:
            self._warm_thread = threading.Thread(target=rest, name="aegis-audit-warm", daemon=True)
            self._warm_thread.start()
        else:
            rest()

    def engine_policies(self) -> list[dict[str, Any]]:
        with self._policy_lock:
            return self._engine_policies()

    def _engine_policies(self) -> list[dict[str, Any]]:
        if self._policies is None and self._policy_error is None:
            try:
                # The policy set alone, not an Engine: the engine would load and warm every detector
                # (~2-3 s of CPU on this machine) only to list names, and the first list_policies
                # waited for it. The hash is the one the proxies record (Engine.policy_hash is it).
                from aegis_mcp.engine.policy import build_policy_set, load_policy_file

                policy_set = load_policy_file(self.policy_file) if self.policy_file else build_policy_set()
                set_hash = policy_set.hash
                self._policies = [dict(_listed(p.describe()), policy_set_hash=set_hash) for p in policy_set.policies]
            except (AegisError, ImportError, AttributeError, OSError) as exc:
                self._policy_error = f"{type(exc).__name__}: {exc}"
        return self._policies or []

    def close(self) -> None:
        if self._warm_thread is not None:
            self._warm_thread.join(timeout=30)
        self.queries.close()


def build_server(service: AuditService) -> AuditMCPServer:
    """The MCPServer with the audit tools bound to one service."""
    app = AuditMCPServer("aegis-mcp-audit", instructions=INSTRUCTIONS)
    q = service.queries

    def damage_warning(data: dict[str, Any]) -> list[str]:
        """A ledger known to be damaged says so above every answer read from it (the listings read
        the stored rows, which whoever edited the ledger may have changed), and in the data."""
        damage = service.trace.named_damage()
        if damage is None:
            return []
        data["ledger_damaged"] = damage
        return [f"WARNING: this ledger failed verification at record {damage['seq']} ({damage['kind']}): "
                "what is listed from there on may have been altered; verify_chain has the detail."]

    def page_summary(title: str, data: dict[str, Any]) -> str:
        delim: Delimiter = data["_delim"]
        if not data["ledger_size"]:
            title += " the ledger is empty (no proxy has recorded anything yet)"
        lines = damage_warning(data) + [title]
        lines += [q.line(rec, delim) for rec in data["records"][:_SUMMARY_LINES]]
        if len(data["records"]) > _SUMMARY_LINES:
            lines.append(f"... {len(data['records']) - _SUMMARY_LINES} more in the structured content")
        if data["next_cursor"]:
            lines.append(f"more: call again with cursor={data['next_cursor']}")
        return "\n".join(lines)

    @app.tool(annotations=READ_ONLY)
    def query_traces(
        agent: Agent = None,
        server: Server = None,
        tool: Tool = None,
        decision: Annotated[str | None, Field(description="allow, block, pending, flag, redact, approved, denied, expired")] = None,
        risk: Annotated[str | None, Field(description="LOW, MEDIUM, HIGH or CRITICAL")] = None,
        category: Annotated[str | None, Field(description="database, file, shell, network, communication, other, ...")] = None,
        kind: Annotated[str | None, Field(description="decision, result_scan, approval, approval_timeout, pin_change, session, ...")] = None,
        since: Since = None,
        until: Until = None,
        text: Annotated[str | None, Field(max_length=MAX_TEXT, description=f"free text searched in the stored records (at most {MAX_TEXT} characters)")] = None,
        limit: Limit = 20,
        cursor: Cursor = None,
    ) -> CallToolResult:
        """Ledger records, newest first, filtered by agent, server, tool, decision, risk, category, kind, time and free text."""
        try:
            data = q.query_traces(agent=agent, server=server, tool=tool, decision=decision, risk=risk, category=category,
                                  kind=kind, since=since, until=until, text=text, limit=limit, cursor=cursor)
        except QueryError as exc:
            return _error(str(exc))
        title = f"{data['count']} record(s), newest first{_filters_text(agent=agent, server=server, tool=tool, decision=decision, risk=risk, category=category, kind=kind, since=since, until=until)}{_window_text(data['window'])}"
        if text:
            title += f" containing {data['_delim'].inline(text, 80)} ({data['scanned']} records searched"
            # A text search is time-boxed: say plainly that older records were not looked at yet.
            title += "; older records not searched yet, continue with the cursor)" if data["next_cursor"] else ")"
        return _result(page_summary(title + ":", data), data, data["_delim"])

    @app.tool(annotations=READ_ONLY)
    def list_violations(
        agent: Agent = None,
        server: Server = None,
        tool: Tool = None,
        risk: Annotated[str | None, Field(description="LOW, MEDIUM, HIGH or CRITICAL: only blocks of that risk (a denial or a timed-out hold records no risk of its own, so it is left out)")] = None,
        since: Since = None,
        until: Until = None,
        limit: Limit = 20,
        cursor: Cursor = None,
        audit_only: Annotated[bool, Field(strict=True, description="instead: the calls and results a policy with audit_only let through that would otherwise have been blocked or held")] = False,
    ) -> CallToolResult:
        """Blocked calls, withheld results, denied and timed-out holds (newest first) with their reasons and signals; filters combine. With audit_only=true: what audit_only let through that it would have blocked or held."""
        try:
            data = q.list_violations(agent=agent, server=server, tool=tool, risk=risk, since=since, until=until,
                                     limit=limit, cursor=cursor, audit_only=audit_only)
        except QueryError as exc:
            return _error(str(exc))
        what = "call(s) and result(s) let through by audit_only that would have been blocked or held" if audit_only \
            else "violation(s)"
        title = f"{data['count']} {what}, newest first{_filters_text(agent=agent, server=server, tool=tool, risk=risk, since=since, until=until)}{_window_text(data['window'])}:"
        text = page_summary(title, data)
        would = data.get("audit_only_would_have")
        if would:
            # An audit-only rollout blocks nothing: say what it let through, or "0 violations" misleads.
            text += (f"\nalso: {would} call(s) or result(s) in these filters were let through by audit_only that "
                     "would have been blocked or held: list_violations with audit_only=true lists them")
        return _result(text, data, data["_delim"])

    @app.tool(annotations=READ_ONLY)
    def get_agent_stats(
        agent: Agent = None,
        since: Since = None,
        until: Until = None,
    ) -> CallToolResult:
        """Per agent: calls, decisions by kind, how held calls ended, withheld results, risk distribution, top tools, violations (what list_violations lists) and their rate, first and last seen."""
        try:
            data = q.agent_stats(agent=agent, since=since, until=until)
        except QueryError as exc:
            return _error(str(exc))
        lines = damage_warning(data) + [
            f"{len(data['agents'])} agent(s){_filters_text(since=since, until=until)}{_window_text(data['window'])}:"
            + (" the ledger is empty (no proxy has recorded anything yet)" if not data["ledger_size"] else "")]
        for a in data["agents"][:_SUMMARY_LINES]:
            name = a["agent_id"] if isinstance(a["agent_id"], str) else "(untrusted name)"
            if a["agent_id"] is None or a["agent_id"] == "":
                name = "(no agent id)"
            decisions = ", ".join(f"{k} {v}" for k, v in sorted(a["decisions"].items()))
            # How the held calls ended and how many results were withheld: without them "pending 2"
            # and a 100% violation rate (a denied hold, a blocked result) do not add up on the page.
            held = ", ".join(f"{k} {v}" for k, v in sorted(a["approvals"].items()))
            withheld = a["results"].get("block", 0)
            would = a["audit_only_would_have"]
            would_text = " and ".join(f"{n} it would have {'blocked' if k == 'block' else 'held'}"
                                      for k, n in sorted(would.items()))
            lines.append(f"{name}: {a['calls']} call{'' if a['calls'] == 1 else 's'}"
                         + (f" ({decisions})" if decisions else "")
                         + (f"; held calls {held}" if held else "")
                         + (f"; {withheld} result{'' if withheld == 1 else 's'} withheld" if withheld else "")
                         + (f"; audit_only let through {would_text}" if would_text else "")
                         + f"; {a['violations']} violation{'' if a['violations'] == 1 else 's'}, rate {a['violation_rate']:.1%}"
                         + f"; last seen {a['last_seen']}")
        if len(data["agents"]) > _SUMMARY_LINES:
            lines.append(f"... {len(data['agents']) - _SUMMARY_LINES} more in the structured content")
        ranked = sorted((a for a in data["agents"] if a["violations"] and isinstance(a["agent_id"], str)),
                        key=lambda a: (-a["violations"], a["agent_id"]))
        if len(ranked) > 1:  # "who was blocked most?" without reading every line (the list is by name)
            lines.append("most violations: " + ", ".join(f"{a['agent_id']} ({a['violations']})" for a in ranked[:5]))
        if data["records_without_agent"]:
            lines.append(f"({data['records_without_agent']} record(s) made by no agent: pin changes, session "
                         "starts and ends, ...)")
        return _result("\n".join(lines), data)

    @app.tool(annotations=READ_ONLY)
    def list_policies() -> CallToolResult:
        """The active policies (name, risk, scope, source, hash) and the policy sets the ledger recorded."""
        policies = service.engine_policies()
        recorded = _recorded_policy_sets(q)
        data: dict[str, Any] = {"active": policies, "recorded_policy_sets": recorded}
        if service._policy_error:
            data["error"] = service._policy_error
        lines = [f"{len(policies)} active polic{'y' if len(policies) == 1 else 'ies'}"
                 + (f" (policy set {policies[0]['policy_set_hash'][:12]}…)" if policies else "") + ":"]
        lines += [f"- {p['name']} [{p['risk']}, {p.get('action', '?')}] source={p['source']} hash={p['hash'][:12]}…" for p in policies]
        if recorded:
            lines.append(f"{len(recorded)} policy set(s) seen in the ledger: "
                         + ", ".join(f"{r['policy_hash'][:12]}… (last {r['last_seen']})" for r in recorded[:5]))
        if recorded and policies:
            # The active set is what *this* server loaded (its --policy, else the built-in one), which
            # need not be what the proxies run: say so rather than let it pass for theirs.
            data["active_is_latest_recorded"] = recorded[0]["policy_hash"] == policies[0]["policy_set_hash"]
            if not data["active_is_latest_recorded"]:
                lines.append(f"note: the proxies last recorded policy set {recorded[0]['policy_hash'][:12]}…, not the "
                             "active one listed above (what this audit server loaded: its --policy file, else the "
                             "built-in policies); start it with the proxies' --policy file to list theirs")
        return _result("\n".join(lines), data)

    @app.tool(annotations=READ_ONLY)
    def get_trace(seq: Annotated[int, Field(ge=0, strict=True, description="the record number (seq), as shown by query_traces")]) -> CallToolResult:
        """One record with its chain status (hash, links) and a Merkle inclusion proof against the latest signed checkpoint."""
        try:
            data = service.trace.get_trace(seq)
        except QueryError as exc:
            return _error(str(exc))
        proof = data["inclusion_proof"]
        rec = data["record"]
        summary = (f"record #{seq} is {data['status']}: leaf {data['chain']['leaf_hash'][:16]}…, "
                   f"inclusion proof ({len(proof['path'])} hashes) against "
                   f"{'the signed checkpoint' if proof['signed'] else 'the current (unsigned) tree'} of size {proof['tree_size']}: "
                   f"{'verified' if proof['verified'] else 'DOES NOT VERIFY'}.\n" + q.line(rec, data["_delim"]))
        return _result(summary, data, data["_delim"])

    @app.tool(annotations=READ_ONLY)
    def verify_chain(
        full: Annotated[bool, Field(strict=True, description="re-verify every record from the first (slower) instead of only the new ones")] = False,
        anchor: Annotated[str | None, Field(description="the text of a checkpoint note kept elsewhere (the contents of the file `aegis-mcp checkpoint --out` wrote, not its path): the ledger must extend it")] = None,
    ) -> CallToolResult:
        """Verify the ledger: record hashes, chain links, Merkle roots of signed checkpoints and their signatures."""
        try:
            data = service.trace.verify_chain(full=full, anchor=anchor)
        except QueryError as exc:
            return _error(str(exc))
        checked = data["checkpoints_verified"]
        summary = f"ledger {data['status']}: {data['verified_records']} of {data['ledger_size']} records verified, " \
                  f"{checked} signed checkpoint(s) checked" + (f" (signatures {data['signatures']})" if checked else "")
        if data.get("anchors_verified") and data["status"] == "intact":
            summary += "; it extends the anchor you passed"  # the one check the caller brought: say it was made
        if "first_damage" in data:
            d = data["first_damage"]
            summary += f"; first damage at record {d['seq']}: {d['kind']} ({d['detail']})"
        return _result(summary, data)

    @app.tool(annotations=READ_ONLY)
    def list_pending(limit: Limit = 50) -> CallToolResult:
        """Tool calls held for a human decision (read-only: a person approves with `aegis-mcp approvals approve ID`)."""
        data = q.list_pending(limit=limit)
        delim: Delimiter = data["_delim"]
        lines = [f"{data['count']} call(s) waiting for a human decision (this server cannot approve):"]
        for p in data["pending"][:_SUMMARY_LINES]:
            lines.append(f"{p['approval_id']}: {p['server'] if isinstance(p['server'], str) else '?'}/"
                         f"{p['tool'] if isinstance(p['tool'], str) else '?'} agent={p['agent_id'] if isinstance(p['agent_id'], str) else '?'} "
                         f"{'ORPHANED (its proxy is gone: nothing would run it)' if p['orphaned'] else str(p['seconds_left']) + 's left'} "
                         f"{delim.inline(_inner(p['summary'], delim), 100)}")
        return _result("\n".join(lines), data, delim)

    return app


def _listed(described: dict[str, Any]) -> dict[str, Any]:
    """One policy as list_policies shows it (the fields Engine.policies gives; the rule itself stays out)."""
    return {k: described[k] for k in ("name", "risk", "action", "description", "scope", "source", "hash")}


def _inner(field: Any, delim: Delimiter) -> str:
    if isinstance(field, dict):
        return str(field.get("text", "")).removeprefix(delim.open).removesuffix(delim.close)
    return ""


def _recorded_policy_sets(q: AuditQueries, scan: int = 200) -> list[dict[str, Any]]:
    """Distinct policy hashes in policy_load / session records (the newest `scan` of them)."""
    with q.lock:
        q.index.refresh()
        codes = [c for c in (q.index.code("kind", k) for k in ("policy_load", "session")) if c is not None]
        positions = [p for _, p in zip(range(scan), q.index.newest_first({"kind": codes}))] if codes else []
    seen: dict[str, dict[str, Any]] = {}
    for seq, (_, body) in sorted(q.bodies(positions).items(), reverse=True):
        rec = orjson.loads(body)
        h = rec.get("policy_hash")
        if not isinstance(h, str) or len(h) > 128:
            continue
        entry = seen.setdefault(h, {"policy_hash": h, "last_seen": None, "first_seen_in_scan": None, "records": 0,
                                    "servers": []})
        ts = rec.get("ts_us") if isinstance(rec.get("ts_us"), int) else None
        entry["last_seen"] = entry["last_seen"] or iso(ts)
        entry["first_seen_in_scan"] = iso(ts)
        entry["records"] += 1
        server = rec.get("server")
        if isinstance(server, str) and server not in entry["servers"] and len(entry["servers"]) < 10:
            entry["servers"].append(server[:80])
    return list(seen.values())


def open_service(db: Path, *, policy_file: str | None = None) -> AuditService:
    """Open the ledger read-only; a clear error if it is missing (the audit server never creates one)."""
    if not db.is_file():
        raise ConfigError(f"no ledger at {db}: run a proxy first (it creates the ledger), or pass --db")
    require_ledger(db)
    if policy_file:
        # Refuse a bad policy file now, as the proxy does, rather than start and only say so when
        # someone asks list_policies.
        from aegis_mcp.engine.policy import load_policy_file

        load_policy_file(policy_file)
    service = AuditService(db, policy_file=policy_file)
    service.warm()
    return service

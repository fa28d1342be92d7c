"""The audit server's per-agent statistics (get_agent_stats): counts over any time window from the index.

Split from queries.py; counts come from the index's running totals and snapshots, never from
record bodies.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from aegis_mcp.audit_server.index import STATS_COLUMNS
from aegis_mcp.audit_server.params import iso, parse_window
from aegis_mcp.audit_server.queries import _NAME_OK, APPROVAL_KINDS, VIOLATION_DECISIONS
from aegis_mcp.audit_server.untrusted import Delimiter

if TYPE_CHECKING:
    from aegis_mcp.audit_server.queries import AuditQueries


def agent_stats(q: AuditQueries, *, agent: str | None = None, since: str | None = None, until: str | None = None,
                top: int = 5) -> dict[str, Any]:
    since_us, until_us = parse_window(since, until)
    window = {"since": iso(since_us), "until": iso(until_us)}
    with q.lock:
        size = q.index.refresh()
        idx = q.index
        lo, hi = idx.time_bounds(since_us, until_us, size)
        if idx.ts_sorted or (since_us is None and until_us is None):
            counts = idx.counts(lo, hi)
        else:  # clocks went backwards somewhere: count the exact window row by row (slow path)
            keep = [p for p in range(lo, hi) if (since_us is None or idx.ts[p] >= since_us)
                    and (until_us is None or idx.ts[p] < until_us)]
            counts = Counter(tuple(idx.columns[c].codes[p] for c in STATS_COLUMNS) for p in keep)
        q.check_known("agent_id", agent)
        agent_code = idx.code("agent_id", agent) if agent else None
        values = {n: idx.columns[n].values for n in STATS_COLUMNS}
        decision_kind = idx.code("kind", "decision")
        approval_kinds = {c for c in (idx.code("kind", k) for k in APPROVAL_KINDS) if c is not None}
        result_kind = idx.code("kind", "result_scan")
        per_agent: dict[int, dict[str, Any]] = {}
        # An absent and an empty agent id are both "no agent": one entry, not two of the same name.
        blank = [c for c, v in enumerate(values["agent_id"]) if not v]
        for (a, k, d, r, srv, tl, wd), n in counts.items():
            if agent_code is not None and a != agent_code:
                continue
            if a in blank:
                a = blank[0]
            entry = per_agent.setdefault(a, {"decisions": Counter(), "risk": Counter(), "tools": Counter(),
                                             "approvals": Counter(), "results": Counter(), "would": Counter(),
                                             "records": 0, "violations": 0})
            entry["records"] += n
            if wd:
                entry["would"][str(values["would"][wd])] += n
            # Exactly what list_violations lists for this agent (a withheld tool result, a denial
            # and a timed-out hold included), so "who was blocked most" agrees with the listing.
            if str(values["decision"][d] or "").lower() in VIOLATION_DECISIONS:
                entry["violations"] += n
            if k == result_kind:
                entry["results"][str(values["decision"][d])] += n
            if k == decision_kind:
                entry["decisions"][str(values["decision"][d])] += n
                entry["risk"][str(values["risk"][r])] += n
                entry["tools"][f"{values['server'][srv]}/{values['tool'][tl]}"] += n
            elif k in approval_kinds:
                entry["approvals"][str(values["decision"][d])] += n
        out = []
        unattributed = 0
        for a in sorted(per_agent, key=lambda c: str(values["agent_id"][c])):
            e = per_agent[a]
            calls = sum(e["decisions"].values())
            if not values["agent_id"][a] and not calls and not e["approvals"] and not e["would"]:
                # Records no agent made (pin changes; a session's start and end, which the proxy
                # records before the handshake names the client): counted apart, not listed as
                # a pseudo-agent with 0 calls.
                unattributed += e["records"]
                continue
            violations = e["violations"]
            spans = [sp for c in (blank if a in blank else [a]) if (sp := idx.first_last("agent_id", c, lo, hi))]
            span = (min(sp[0] for sp in spans), max(sp[1] for sp in spans)) if spans else None
            name = values["agent_id"][a]
            out.append({
                "agent_id": name if name is None or _NAME_OK.match(name) else Delimiter().field(name),
                "calls": calls,
                "records": e["records"],
                "decisions": dict(e["decisions"]),
                "approvals": dict(e["approvals"]),
                "results": dict(e["results"]),
                # let through by audit_only: what it would otherwise have been (block / pending)
                "audit_only_would_have": dict(e["would"]),
                "risk": dict(e["risk"]),
                "top_tools": [{"tool": t, "calls": n} for t, n in sorted(e["tools"].items(), key=lambda x: (-x[1], x[0]))[:top]],
                "violations": violations,
                "violation_rate": round(min(violations, calls) / calls, 4) if calls else 0.0,
                "first_seen": iso(idx.ts[span[0]]) if span else None,
                "last_seen": iso(idx.ts[span[1]]) if span else None,
            })
        return {"agents": out, "records_without_agent": unattributed, "ledger_size": size, "window": window}

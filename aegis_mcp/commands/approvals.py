"""`aegis-mcp approvals list | approve ID | deny ID`: answer tool calls held for a human.

Works from any terminal on the same machine through the shared ledger database; the proxy that
holds the call notices the answer within a fraction of a second. Each approval is bound to one
exact call (server, tool, SHA-256 of its arguments) and can be used once. `approve` and `deny`
need a human channel (commands/_review.py require_human): a person in the foreground of an
interactive terminal (`approve` then asks them to type `approve`), or automation holding the
database's approver token (`aegis-mcp approvals token`). An agent cannot answer its own call.
"""

from __future__ import annotations

import argparse
import getpass
import json
import time
from typing import Any

from aegis_mcp.commands._review import _terminal_problem, add_actions, confirm, db_path, open_store, refuse_under_proxy, require_human
from aegis_mcp.commands._stderr import say, show, usage_error


EPILOG = """\
examples:
  aegis-mcp approvals list                 # calls waiting now (id, server/tool, risk, reason, expiry)
  aegis-mcp approvals approve ab3k-9xyz    # asks you to type 'approve'; the held call then runs
  aegis-mcp approvals deny ab3k-9xyz
  aegis-mcp approvals list --all --json    # the history, one JSON object per line

exit status: 0 done, 1 no such approval / already decided / not confirmed / cannot open the ledger,
2 bad usage, 3 refused: no human channel (not an interactive terminal, or run by an agent behind the proxy).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    action = add_actions(parser)
    ls = action("list", help="list held calls (pending by default)")
    ls.add_argument("--all", action="store_true", help="also approved, denied and expired ones")
    ls.add_argument("--json", action="store_true", help="one JSON object per line")
    for name, verb in (("approve", "let the held call through"), ("deny", "refuse the held call")):
        p = action(name, help=verb)
        p.add_argument("id", help="the approval id shown by `list` (e.g. ab3k-9xyz)")
        p.add_argument("--as", dest="approver", help="who is deciding (default: your user name)")
    tok = action("token", help="make (or --revoke) this database's approver token, for trusted automation",
                 description="Deciding a held call needs a person at an interactive terminal. Automation you "
                 "trust can decide instead with the token this prints once: put it in $AEGIS_MCP_APPROVER_TOKEN "
                 "in that automation's environment only. Anyone holding the token can approve calls: never "
                 "give it to an agent or to an MCP server's environment (the proxy removes it from the "
                 "environment it gives its upstream). A new token replaces the old one.")
    tok.add_argument("--revoke", action="store_true", help="remove the token: only a terminal can decide again")


def _age(ns: int, now_ns: int) -> str:
    seconds = max(0, (now_ns - ns) // 1_000_000_000)
    return f"{seconds}s" if seconds < 120 else f"{seconds // 60}m"


def _describe(a: Any, now_ns: int) -> dict[str, Any]:
    summary = a.summary if isinstance(a.summary, dict) else {}
    return {
        "id": a.id,
        "status": a.status,
        "server": a.server,
        "tool": a.tool,
        "agent_id": a.agent_id,
        "risk": summary.get("risk", "?"),
        "reason": summary.get("reason", ""),
        "preview": summary.get("preview", ""),
        "args_sha256": a.args_sha256,
        "age": _age(a.created_ns, now_ns),
        "expires_in_s": max(0, (a.expires_ns - now_ns) // 1_000_000_000),
        "approver": a.approver,
        "channel": a.channel,
    }


def run(args: argparse.Namespace) -> int:
    if args.action is None:
        return usage_error("approvals", "usage: aegis-mcp approvals {list | approve ID | deny ID | token} [--db PATH]")
    if args.action == "token":
        return _token(args)
    if args.action != "list" and require_human("approvals", args.action, db_path(args)):
        return 3
    store = open_store(args, "approvals", nothing_yet="nothing has been held yet", missing_ok=args.action == "list",
                       readonly=args.action == "list")
    if isinstance(store, int):
        return store
    try:
        now = time.time_ns()
        if args.action == "list":
            items = store.list_approvals(None if args.all else "pending")
            if args.json:
                for a in items:
                    show(json.dumps(_describe(a, now)))
                return 0
            if not items:
                show("no calls are waiting for approval" if not args.all else "no approvals recorded")
                return 0
            for a in items:
                d = _describe(a, now)
                line = f"{d['id']}  {d['status']:<8} {d['server']}/{d['tool']}  risk {d['risk']}  age {d['age']}"
                if d["status"] == "pending":
                    line += f"  expires in {d['expires_in_s']}s"
                elif d["approver"]:
                    line += f"  by {d['approver']} via {d['channel']}"
                show(line)
                if d["preview"]:
                    show(f"    call:   {d['preview']}")
                if d["reason"]:
                    show(f"    reason: {d['reason']}")
            if not args.all:
                show("\napprove with `aegis-mcp approvals approve ID`, refuse with `aegis-mcp approvals deny ID`")
            return 0
        approve = args.action == "approve"
        approver = args.approver or getpass.getuser()
        existing = store.get_approval(args.id)
        if existing is None:
            say("approvals", f"no approval with id {args.id!r}")
            return 1
        if approve:
            d = _describe(existing, now)
            question = (f"approve held call {d['id']}: {d['server']}/{d['tool']}  risk {d['risk']}  ({d['status']})\n"
                        f"    call:   {d['preview']}\n    reason: {d['reason']}")
            if not confirm(question, "approve"):
                say("approvals", f"not approved: {existing.id} is unchanged")
                return 1
        if store.decide_approval(args.id, approve=approve, approver=approver, channel="cli"):
            verb = "approved" if approve else "denied"
            show(f"{verb} {existing.id}: {existing.server}/{existing.tool} (by {approver})")
            return 0
        current = store.get_approval(args.id)
        status = current.status if current is not None else "gone"
        say("approvals", f"approval {args.id} can no longer be decided: it is {status}")
        return 1
    finally:
        store.close()


def _token(args: argparse.Namespace) -> int:
    """Make or revoke the approver token: only from a person's terminal (a token cannot mint tokens)."""
    from aegis_mcp.ledger.approver import TOKEN_ENV, create_token, revoke_token, token_path

    if refuse_under_proxy("approvals"):
        return 3
    problem = _terminal_problem()
    if problem is not None:
        say("approvals token", f"refused — run it in your own interactive terminal ({problem}).")
        return 3
    db = db_path(args)
    if args.revoke:
        say("approvals token", "approver token revoked" if revoke_token(db) else "there was no approver token")
        return 0
    if not db.parent.is_dir():
        say("approvals token", f"no directory {db.parent}")
        return 1
    token = create_token(db)
    show(token)
    say("approvals token", f"approver token for {db} (shown once; its hash is in {token_path(db)}). Trusted automation "
        f"sets {TOKEN_ENV} to it; never give it to an agent or an MCP server.")
    return 0

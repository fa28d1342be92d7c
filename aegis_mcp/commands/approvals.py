"""`aegis-mcp approvals list | show ID | approve ID | deny ID`: answer tool calls held for a human.

Works from any terminal on the same machine through the shared ledger database; the proxy that
holds the call notices the answer within a fraction of a second. Each approval is bound to one
exact call (server, tool, SHA-256 of its arguments) and to the proxy connection holding it, and can
be used once; a call whose proxy is gone cannot be decided and is closed as expired_orphaned by
`list`, by approve/deny, or by the next proxy started for its server (ledger/holder.py);
`deny --reason` tells the agent why. `approve` and `deny`
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

from aegis_mcp.commands._approval_view import describe, detail_lines, duration, stale_line, status_line
from aegis_mcp.commands._review import _terminal_problem, add_actions, authority, confirm, db_path, open_store, refuse_under_proxy, require_human
from aegis_mcp.commands._stderr import say, show, usage_error


EPILOG = """\
examples:
  aegis-mcp approvals list                 # calls waiting now: id, server/tool, risk, age, time left, agent, call, signals, reason
  aegis-mcp approvals show ab3k-9xyz       # every argument of one held call (secrets redacted)
  aegis-mcp approvals approve ab3k-9xyz    # shows the call, asks you to type 'approve'; the held call then runs
  aegis-mcp approvals approve ab3k-9xyz --yes   # the same without the question (still only from your terminal)
  aegis-mcp approvals deny ab3k-9xyz       # no question: the agent is told a human denied it
  aegis-mcp approvals deny ab3k-9xyz --reason "use the staging database"   # ...and why (redacted, max 500 characters)
  aegis-mcp approvals list --all           # the history, newest first: who decided, via what, when; what expired
  aegis-mcp approvals list --all --json    # the same, one JSON object per line

A call whose proxy has stopped (killed, crashed, restarted) is ORPHANED: nothing is left to run it or to
answer the agent, so approve and deny refuse it; `list` (when it can write the ledger), approve/deny and the
next proxy started for that server close it as expired_orphaned (a ledger record by approver "system"). After `approve`, the command waits a moment for
the holding proxy to take the answer and says whether it did.

exit status: 0 done, 1 no such approval / already decided, expired or orphaned / not confirmed / cannot open
the ledger, 2 bad usage, 3 refused: no human channel (not an interactive terminal, or run by an agent behind the proxy).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    action = add_actions(parser)
    ls = action("list", help="list held calls (pending by default)")
    ls.add_argument("--all", action="store_true",
                    help="the history: approved, denied and expired ones too, newest first, with who decided, via what and when")
    ls.add_argument("--server", help="only calls held for this server (its --name)")
    ls.add_argument("--json", action="store_true", help="one JSON object per line (oldest first)")
    sh = action("show", help="everything about one held call: every argument (redacted), signals, reason, deadline")
    sh.add_argument("id", help="the approval id shown by `list` (e.g. ab3k-9xyz)")
    for name, verb in (("approve", "let the held call through (shows it and asks you to type 'approve')"),
                       ("deny", "refuse the held call (no question: refusing is always safe)")):
        p = action(name, help=verb)
        p.add_argument("id", help="the approval id shown by `list` (e.g. ab3k-9xyz)")
        p.add_argument("--as", dest="approver", help="who is deciding (default: your user name)")
        if name == "approve":
            p.add_argument("--yes", action="store_true",
                           help="do not ask to type 'approve' (still only from your own terminal, or with the approver token)")
        else:
            p.add_argument("--reason", metavar="TEXT",
                           help="why, for the agent: its error result says 'denied by the operator: TEXT' "
                                "(secrets redacted, one line, at most 500 characters; kept in the ledger)")
    tok = action("token", help="make (or --revoke) this database's approver token, for trusted automation",
                 description="Deciding a held call needs a person at an interactive terminal. Automation you "
                 "trust can decide instead with the token this prints once: put it in $AEGIS_MCP_APPROVER_TOKEN "
                 "in that automation's environment only. Anyone holding the token can approve calls: never "
                 "give it to an agent or to an MCP server's environment (the proxy removes it from the "
                 "environment it gives its upstream). A new token replaces the old one.")
    tok.add_argument("--revoke", action="store_true", help="remove the token: only a terminal can decide again")


def run(args: argparse.Namespace) -> int:
    if args.action is None:
        return usage_error("approvals", "usage: aegis-mcp approvals {list | show ID | approve ID | deny ID | token} [--db PATH]")
    if args.action == "token":
        return _token(args)
    deciding = args.action in ("approve", "deny")
    if deciding and require_human("approvals", args.action, db_path(args)):
        return 3
    store = open_store(args, "approvals", nothing_yet="nothing has been held yet", missing_ok=args.action == "list",
                       readonly=not deciding)
    if isinstance(store, int):
        return store
    try:
        now = time.time_ns()
        if args.action == "list":
            return _list(store, args, now)
        existing = store.get_approval(args.id)
        if existing is None:
            say("approvals", f"no approval with id {args.id!r} (`aegis-mcp approvals list --all` shows every id)")
            return 1
        d = describe(existing, now)
        if args.action == "show":
            show(status_line(d))
            for line in detail_lines(d, full=True):
                show(line)
            return 0
        # Refuse a stale or orphaned id before asking anything: no one should type 'approve' for nothing.
        if existing.status != "pending" or d["orphaned"]:
            say("approvals", stale_line(d))
            if d["orphaned"]:  # and close it, so the next list is truthful (recorded by "system")
                store.close_orphaned_approvals(existing.server)
            return 1
        approve = args.action == "approve"
        approver = args.approver or getpass.getuser()
        reason = _reason(getattr(args, "reason", None))
        if reason == "":
            say("approvals", "--reason is empty (after redaction); give the agent a reason or leave --reason out")
            return 2
        if approve and not args.yes:
            review = "\n".join([f"approve held call {status_line(d)}", *detail_lines(d, full=True)])
            if not confirm(review, "approve"):
                say("approvals", f"not approved: {existing.id} is still held (times out in {duration(d['expires_in_s'])})")
                return 1
            # The person may have read for minutes: its proxy may have gone meanwhile.
            again = store.get_approval(args.id)
            if again is not None and again.status == "pending" and describe(again, time.time_ns())["orphaned"]:
                say("approvals", stale_line(describe(again, time.time_ns())))
                return 1
        if store.decide_approval(args.id, approve=approve, approver=approver, channel="cli", authority=authority(),
                                 reason=reason):
            verb = "approved" if approve else "denied"
            told = f"the agent is told: denied by the operator: {reason}" if reason else "the agent is told it was denied"
            show(f"{verb} {existing.id}: {existing.server}/{existing.tool} (by {approver}); "
                 + _taken(store, existing, "the held call runs now" if approve else told))
            return 0
        # decided elsewhere, or ran out, while the person was reading
        current = store.get_approval(args.id)
        if current is None:
            say("approvals", f"approval {args.id} is gone")
        else:
            say("approvals", stale_line(describe(current, time.time_ns())))
        return 1
    finally:
        store.close()


def _reason(text: str | None) -> str | None:
    """--reason as the model will read it (redacted, one line, capped), "" when nothing is left, None without one."""
    if text is None:
        return None
    from aegis_mcp.proxy.approvals import operator_reason

    return operator_reason(text)


_TAKE_WAIT_S = 3.0  # the proxy polls every 0.1 s: a live one takes the answer well within this


def _taken(store: Any, existing: Any, done: str) -> str:
    """Wait briefly for the holding proxy to take the answer: say what happened, not what should."""
    holder = existing.holder
    if holder is None:
        # Held by a proxy that does not report itself (an older aegis-mcp, e.g. one Claude Desktop
        # started before the upgrade): nothing says it is still there, so do not claim the call ran.
        return (f"it was held by a proxy that does not report itself (an older aegis-mcp): if that proxy is still "
                f"running, {done}; if it has stopped, nothing ran")
    deadline = time.monotonic() + _TAKE_WAIT_S
    while time.monotonic() < deadline:
        current = store.get_approval(existing.id)
        if current is not None and current.holder is not None and current.holder.taken_ns is not None:
            return f"its proxy (pid {holder.pid}) took the answer: {done}"
        time.sleep(0.1)
    return (f"but its proxy (pid {holder.pid} on {holder.host}) has not taken the answer within {_TAKE_WAIT_S:g} s; "
            "it may have stopped, and then nothing ran — check `aegis-mcp approvals list --all`")


def _close_orphans(store: Any, args: argparse.Namespace, now: int) -> list[str]:
    """Close the pending calls whose proxy is gone (as expired_orphaned, recorded by "system"), so
    the list is truthful; needs write access: without it they are listed as ORPHANED as before."""
    if not any(a.status == "pending" and describe(a, now)["orphaned"] for a in store.list_approvals("pending")):
        return []  # the common case: no writable open (no signing key needed) just to list
    from aegis_mcp.errors import AegisError
    from aegis_mcp.ledger.store import LedgerStore

    try:
        writer = LedgerStore.open(db_path(args))
    except (AegisError, OSError) as exc:
        say("approvals", f"note: cannot close orphaned calls ({exc}); they are listed as orphaned")
        return []
    try:
        closed: list[str] = writer.close_orphaned_approvals(args.server or None)
        return closed
    except (AegisError, OSError) as exc:
        say("approvals", f"note: cannot close orphaned calls ({exc}); they are listed as orphaned")
        return []
    finally:
        writer.close()


def _list(store: Any, args: argparse.Namespace, now: int) -> int:
    closed = _close_orphans(store, args, now)
    if closed and not args.json:
        show(f"closed {len(closed)} orphaned call(s) as expired_orphaned (the proxy that held each is gone, so "
             f"nothing would run it): {', '.join(closed)}; `aegis-mcp approvals list --all` shows them\n")
    items = [a for a in store.list_approvals(None if args.all else "pending") if not args.server or a.server == args.server]
    if args.json:  # for programs: in the order they were held, like the ledger
        for a in items:
            show(json.dumps(describe(a, now)))
        return 0
    if args.all:  # the history for a person: the most recent first, where they look
        items = list(reversed(items))
    if not items:
        show("no calls are waiting for approval" if not args.all else "no approvals recorded")
        return 0
    decidable = orphaned = 0
    for a in items:
        d = describe(a, now)
        show(status_line(d))
        for line in detail_lines(d, full=False):
            show(line)
        if a.status == "pending":
            orphaned += d["orphaned"]
            decidable += not d["orphaned"]
    if decidable:
        show("\nsee every argument with `aegis-mcp approvals show ID`; approve with `aegis-mcp approvals approve ID` "
             "(it shows the call and asks you to type 'approve'), refuse with `aegis-mcp approvals deny ID [--reason TEXT]`")
    if orphaned:
        show(f"\n{orphaned} orphaned call(s): the proxy that held each is gone, so nothing would run it; they cannot be "
             "decided and expire on their own (if the agent makes the call again, it is held again under a new id)")
    return 0


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

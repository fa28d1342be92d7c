"""`aegis-mcp pins list | show | accept | reset`: review the tool definitions pinned per server.

The proxy pins every tool of a server the first time it sees them; a tool whose definition
changes later, or that appears after pinning, is held (hidden, its calls refused) until it is
accepted here. Every accept and reset is recorded in the ledger. `accept` and `reset` need a human
channel, like `approvals approve` (a person at a terminal, who confirms by typing, or the approver
token): an agent must not vouch for its own tools.
"""

from __future__ import annotations

import argparse
import getpass
import json
from typing import Any

from aegis_mcp.commands._pin_view import definition_lines, diff_lines, review_lines, review_of, what_changed
from aegis_mcp.commands._review import add_actions, authority, confirm, db_path, open_store, require_human
from aegis_mcp.commands._stderr import say, show, usage_error


EPILOG = """\
examples:
  aegis-mcp pins list --held               # held tools: why, the scanner's verdict, a diff against the accepted definition
  aegis-mcp pins show fs write_file        # the same for one tool, the whole diff (or fs/write_file)
  aegis-mcp pins accept fs write_file      # shows the change, asks you to type 'accept'; binds to what you saw
  aegis-mcp pins accept fs --all --yes     # every held tool of fs, no question (still only from your terminal)
  aegis-mcp pins reset fs                  # forget fs's pins: re-pinned the next time its tools are listed

exit status: 0 done, 1 nothing to accept / no such pin / not held / changed again / not confirmed / cannot open the ledger,
2 bad usage, 3 refused: no human channel (see `aegis-mcp approvals --help`).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    action = add_actions(parser)
    ls = action("list", help="list pinned tools")
    ls.add_argument("--server", help="only this server")
    ls.add_argument("--held", action="store_true", help="only tools waiting for review")
    ls.add_argument("--json", action="store_true", help="one JSON object per line")
    sh = action("show", help="one pinned tool: for a held one, why, the scanner's verdict and the whole diff")
    sh.add_argument("server", help="the server's name (the proxy's --name, as `pins list` shows it), or SERVER/TOOL")
    sh.add_argument("tool", nargs="?", help="the tool's name")
    sh.add_argument("--json", action="store_true", help="the definitions (held and last accepted) as JSON")
    acc = action("accept", help="accept a held tool definition (shows the change, asks you to type 'accept')")
    acc.add_argument("server", help="the server's name (as `pins list` shows it), or SERVER/TOOL")
    acc.add_argument("tool", nargs="?", help="the tool (omit with --all)")
    acc.add_argument("--all", action="store_true", help="accept every held tool of the server")
    acc.add_argument("--as", dest="approver", help="who is accepting (default: your user name)")
    acc.add_argument("--yes", action="store_true", help="do not ask to type 'accept' (still only from your own terminal, or with the approver token)")
    reset = action("reset", help="forget pins (they are re-pinned on next use)")
    reset.add_argument("server", nargs="?", help="the server (omit with --all)")
    reset.add_argument("--all", action="store_true", help="forget the pins of every server")
    reset.add_argument("--yes", action="store_true", help="do not ask to type 'reset'")


def _row(pin: Any, previous: Any | None = None, review: dict[str, Any] | None = None) -> dict[str, Any]:
    definition = pin.definition if isinstance(pin.definition, dict) else {}
    row: dict[str, Any] = {
        "server": pin.server,
        "tool": pin.tool,
        "status": pin.status,
        "digest": pin.digest,
        "description": str(definition.get("description", ""))[:200],
    }
    if pin.status == "held":
        row["why"] = what_changed(pin, previous, review)
        row["change"] = (review or {}).get("change")
        row["scanner"] = None if review is None else {k: review.get(k) for k in ("risk", "decision", "reason", "signals")}
        row["previous_digest"] = None if previous is None else previous.digest
        row["diff"] = diff_lines(previous.definition, definition) if previous is not None else None
    return row


def _split_name(args: argparse.Namespace) -> None:
    """`pins accept fs/write_file` as `pins list` prints it, as well as `pins accept fs write_file`
    (tool names cannot hold a slash; a server name may, so the last one splits)."""
    if getattr(args, "tool", None) is None and not getattr(args, "all", False) and args.server and "/" in args.server:
        args.server, args.tool = args.server.rsplit("/", 1)


def run(args: argparse.Namespace) -> int:
    if args.action is None:
        return usage_error("pins", "usage: aegis-mcp pins {list | show SERVER TOOL | accept SERVER TOOL | reset SERVER} [--db PATH]")
    if args.action in ("show", "accept"):
        _split_name(args)
    if args.action in ("accept", "reset") and require_human("pins", args.action, db_path(args)):
        return 3
    store = open_store(args, "pins", nothing_yet="nothing has been pinned yet", missing_ok=args.action == "list",
                       readonly=args.action in ("list", "show"))
    if isinstance(store, int):
        return store
    try:
        if args.action == "list":
            return _list(store, args)
        if args.action == "show":
            return _show(store, args)
        if args.action == "accept":
            return _accept(store, args)
        return _reset(store, args)
    finally:
        store.close()


def _list(store: Any, args: argparse.Namespace) -> int:
    pins = [p for p in store.list_pins()
            if (not args.server or p.server == args.server) and (not args.held or p.status == "held")]
    held = any(p.status == "held" for p in pins)
    previous = store.previous_pins(args.server) if held else {}
    reviews = store.pin_reviews(args.server) if held else {}
    if args.json:
        for p in pins:
            show(json.dumps(_row(p, previous.get((p.server, p.tool)), review_of(p, reviews))))
        return 0
    if not pins:
        show("no pins" + (" held" if args.held else ""))
        return 0
    for p in pins:
        r = _row(p)
        mark = "HELD    " if r["status"] == "held" else "accepted"
        show(f"{mark} {r['server']}/{r['tool']}  {r['digest'][:12]}  {r['description'][:80]}")
        if p.status == "held":
            for line in review_lines(p, previous.get((p.server, p.tool)), review_of(p, reviews), max_diff=20):
                show(line)
    if held:
        show("\nheld tools are hidden from the agent and their calls refused. Accept one with "
             "`aegis-mcp pins accept SERVER TOOL` (it shows the change and asks you to type 'accept'); "
             "running proxies then tell their clients to list tools again (within about a second).")
    return 0


def _show(store: Any, args: argparse.Namespace) -> int:
    if not args.tool:
        return usage_error("pins", "give a TOOL: `pins show SERVER TOOL` or `pins show SERVER/TOOL`")
    pin = store.get_pins(args.server).get(args.tool)
    if pin is None:
        say("pins", f"no pin for {args.server}/{args.tool} (`aegis-mcp pins list` shows every pinned tool)")
        return 1
    previous = store.previous_pins(args.server).get((args.server, args.tool))
    review = review_of(pin, store.pin_reviews(args.server)) if pin.status == "held" else None
    if args.json:
        show(json.dumps({"status": pin.status, "digest": pin.digest, "definition": pin.definition,
                         "previous": None if previous is None else {"digest": previous.digest, "definition": previous.definition},
                         "review": review and {k: review.get(k) for k in ("change", "risk", "decision", "reason", "signals")}},
                        indent=2))
        return 0
    show(f"{'HELD' if pin.status == 'held' else 'accepted'} {pin.server}/{pin.tool}  {pin.digest[:12]}")
    if pin.status == "held":
        for line in review_lines(pin, previous, review, max_diff=None):
            show(line)
    else:
        for line in definition_lines(pin.definition if isinstance(pin.definition, dict) else {}):
            show("    " + line)
    return 0


def _accept(store: Any, args: argparse.Namespace) -> int:
    approver = args.approver or getpass.getuser()
    pins = store.get_pins(args.server)
    if args.all:
        tools = sorted(t for t, p in pins.items() if p.status == "held")
        if not tools:
            say("pins", f"nothing of {args.server} is held (see `aegis-mcp pins list --held`)")
            return 1
    elif args.tool:
        tools = [args.tool]
    else:
        return usage_error("pins", "give a TOOL (`pins accept SERVER TOOL` or `pins accept SERVER/TOOL`) or --all")
    # Check before asking: no one should review and type 'accept' for a tool that is not held.
    for tool in tools:
        pin = pins.get(tool)
        if pin is None:
            say("pins", f"no pin for {args.server}/{tool} (`aegis-mcp pins list` shows every pinned tool)")
            return 1
        if pin.status != "held":
            say("pins", f"{args.server}/{tool} is not held: its current definition is already accepted")
            return 1
    previous = store.previous_pins(args.server)
    reviews = store.pin_reviews(args.server)
    if not args.yes:
        review: list[str] = []
        for tool in tools:
            review.append(f"accept HELD {args.server}/{tool}  {pins[tool].digest[:12]}")
            verdict = review_of(pins[tool], reviews)
            review += review_lines(pins[tool], previous.get((args.server, tool)), verdict, max_diff=None)
            if verdict and verdict.get("decision") not in (None, "allow"):
                review.append(f"    WARNING: the scanner would {verdict.get('decision')} this definition (risk {verdict.get('risk')}): "
                              "accepting shows it to the agent exactly as written")
        if not confirm("\n".join(review), "accept"):
            say("pins", "nothing accepted: the tool(s) stay held")
            return 1
    accepted = 0
    how = authority()
    for tool in tools:
        # Only the definition the person just reviewed: if the upstream changed it again since, it stays held.
        if store.accept_pin(args.server, tool, pins[tool].digest):
            accepted += 1
            store.append({"kind": "pin_change", "server": args.server, "tool": tool, "change": "accepted",
                          "status": "accepted", "digest": pins[tool].digest, "approver": approver, "channel": "cli",
                          "authority": how})
            show(f"accepted {args.server}/{tool} (by {approver}); proxies running for {args.server} tell their "
                 "clients to list tools again within about a second (a client that ignores that sees it at its next listing)")
        else:
            now = store.get_pins(args.server).get(tool)
            if now is not None and now.digest != pins[tool].digest:
                say("pins", f"{args.server}/{tool} changed again while you were reviewing it; nothing accepted for it — "
                    f"review it again with `aegis-mcp pins show {args.server} {tool}`")
            else:
                say("pins", f"{args.server}/{tool} is no longer held (accepted or reset meanwhile)")
    return 0 if accepted == len(tools) else 1


def _reset(store: Any, args: argparse.Namespace) -> int:
    if not args.all and not args.server:
        return usage_error("pins", "give a SERVER or --all")
    server = None if args.all else args.server
    count = len(store.list_pins()) if server is None else len(store.get_pins(server))
    if count == 0:
        say("pins", f"nothing is pinned for {'any server' if server is None else server}")
        return 1
    if not args.yes and not confirm(
            f"forget the {count} pinned definition(s) of {'every server' if server is None else server}? Whatever "
            "the tools say next is trusted as if seen for the first time (poisoned ones are still held).", "reset"):
        say("pins", "nothing reset")
        return 1
    removed = store.reset_pins(server)
    store.append({"kind": "pin_change", "server": server or "*", "tool": "*", "change": "reset",
                  "status": "reset", "removed": removed, "approver": getpass.getuser(), "channel": "cli",
                  "authority": authority()})
    show(f"forgot {removed} pin(s); they are pinned again the next time the tools are listed")
    return 0

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

from aegis_mcp.commands._review import add_actions, confirm, db_path, open_store, require_human
from aegis_mcp.commands._stderr import say, show, usage_error


EPILOG = """\
examples:
  aegis-mcp pins list --held               # tools whose definition changed or appeared after pinning
  aegis-mcp pins show fs write_file        # the new definition, to review
  aegis-mcp pins accept fs write_file      # asks you to type 'accept'
  aegis-mcp pins reset fs                  # forget fs's pins: re-pinned the next time its tools are listed

exit status: 0 done, 1 nothing to accept / no such pin / not confirmed / cannot open the ledger,
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
    show = action("show", help="print one pinned definition")
    show.add_argument("server", help="the server's name (the proxy's --name, as `pins list` shows it)")
    show.add_argument("tool", help="the tool's name")
    acc = action("accept", help="accept a held tool definition")
    acc.add_argument("server", help="the server's name (as `pins list` shows it)")
    acc.add_argument("tool", nargs="?", help="the tool (omit with --all)")
    acc.add_argument("--all", action="store_true", help="accept every held tool of the server")
    acc.add_argument("--as", dest="approver", help="who is accepting (default: your user name)")
    reset = action("reset", help="forget pins (they are re-pinned on next use)")
    reset.add_argument("server", nargs="?", help="the server (omit with --all)")
    reset.add_argument("--all", action="store_true", help="forget the pins of every server")


def _row(pin: Any) -> dict[str, Any]:
    definition = pin.definition if isinstance(pin.definition, dict) else {}
    return {
        "server": pin.server,
        "tool": pin.tool,
        "status": pin.status,
        "digest": pin.digest,
        "description": str(definition.get("description", ""))[:200],
    }


def run(args: argparse.Namespace) -> int:
    if args.action is None:
        return usage_error("pins", "usage: aegis-mcp pins {list | show SERVER TOOL | accept SERVER TOOL | reset SERVER} [--db PATH]")
    if args.action in ("accept", "reset") and require_human("pins", args.action, db_path(args)):
        return 3
    store = open_store(args, "pins", nothing_yet="nothing has been pinned yet", missing_ok=args.action == "list",
                       readonly=args.action in ("list", "show"))
    if isinstance(store, int):
        return store
    user = getpass.getuser()
    try:
        if args.action == "list":
            pins = [p for p in store.list_pins()
                    if (not args.server or p.server == args.server) and (not args.held or p.status == "held")]
            if args.json:
                for p in pins:
                    show(json.dumps(_row(p)))
                return 0
            if not pins:
                show("no pins" + (" held" if args.held else ""))
                return 0
            for p in pins:
                r = _row(p)
                mark = "HELD    " if r["status"] == "held" else "accepted"
                show(f"{mark} {r['server']}/{r['tool']}  {r['digest'][:12]}  {r['description'][:80]}")
            if any(p.status == "held" for p in pins):
                show("\nreview with `aegis-mcp pins show SERVER TOOL`, accept with `aegis-mcp pins accept SERVER TOOL`")
            return 0
        if args.action == "show":
            pin = store.get_pins(args.server).get(args.tool)
            if pin is None:
                say("pins", f"no pin for {args.server}/{args.tool}")
                return 1
            show(json.dumps({"status": pin.status, "digest": pin.digest, "definition": pin.definition}, indent=2))
            return 0
        if args.action == "accept":
            approver = args.approver or user
            if args.all:
                tools = [t for t, p in store.get_pins(args.server).items() if p.status == "held"]
            elif args.tool:
                tools = [args.tool]
            else:
                say("pins", "give a TOOL or --all")
                return 2
            if tools and not confirm(f"accept the changed definition of {args.server}/{', '.join(tools)} "
                                     "(review it first with `aegis-mcp pins show`)?", "accept"):
                say("pins", "nothing accepted")
                return 1
            accepted = 0
            for tool in tools:
                if store.accept_pin(args.server, tool):
                    accepted += 1
                    pin = store.get_pins(args.server)[tool]
                    store.append({"kind": "pin_change", "server": args.server, "tool": tool, "change": "accepted",
                                  "status": "accepted", "digest": pin.digest, "approver": approver, "channel": "cli"})
                    show(f"accepted {args.server}/{tool} (by {approver}); clients see it when they list tools again")
                else:
                    say("pins", f"{args.server}/{tool} is not held (see `aegis-mcp pins list --held`)")
            return 0 if accepted == len(tools) and tools else 1
        # reset
        if not args.all and not args.server:
            say("pins", "give a SERVER or --all")
            return 2
        server = None if args.all else args.server
        if not confirm(f"forget the pinned definitions of {'every server' if server is None else server}? "
                       "(whatever the tools say next is pinned as if seen for the first time)", "reset"):
            say("pins", "nothing reset")
            return 1
        removed = store.reset_pins(server)
        store.append({"kind": "pin_change", "server": server or "*", "tool": "*", "change": "reset",
                      "status": "reset", "removed": removed, "approver": user, "channel": "cli"})
        show(f"forgot {removed} pin(s); they are pinned again the next time the tools are listed")
        return 0
    finally:
        store.close()

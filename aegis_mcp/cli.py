"""The `aegis-mcp` command: wiring only; each subcommand lives in aegis_mcp.commands.<module>.

Subcommand modules are imported lazily so that `aegis-mcp proxy` does not pay for the
imports of the audit server (the mcp SDK costs ~1 s to import).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Protocol, Sequence

from aegis_mcp import __version__

# name -> (module under aegis_mcp.commands, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check", "judge tool calls or results read as JSONL on stdin"),
    "proxy": ("proxy", "wrap an MCP server: relay everything, stop dangerous tool calls"),
    "approvals": ("approvals", "list, show, approve or deny tool calls held for a human"),
    "pins": ("pins", "review (with a diff), accept or reset pinned tool definitions"),
    "verify": ("verify", "verify the ledger's hashes, chain, checkpoints and signatures"),
    "checkpoint": ("checkpoint", "write a fresh signed checkpoint (an anchor to keep elsewhere)"),
    "proof": ("proof", "print an inclusion proof for one ledger record"),
    "audit-server": ("audit_server", "an MCP server over the ledger (read-only)"),
    "install": ("install", "wrap the MCP servers of a client config with the proxy"),
    "uninstall": ("uninstall", "restore a client config wrapped by `install`"),
    "demo": ("demo", "run a scripted session through the proxy against a real server"),
}


EPILOG = """\
start here:
  aegis-mcp demo                          see it work: a scripted agent session through the proxy
  aegis-mcp proxy --name fs -- npx -y @modelcontextprotocol/server-filesystem /tmp
                                          wrap one MCP server (what an MCP client runs)
  aegis-mcp install claude-desktop        wrap every server in Claude Desktop's config
  aegis-mcp approvals list                calls held for a human; then `approvals approve ID`
  aegis-mcp verify                        check the ledger has not been tampered with
  echo '{"tool_name":"run","arguments":{"cmd":"rm -rf /"}}' | aegis-mcp check

`aegis-mcp COMMAND --help` gives each command's options, examples and exit status.
The ledger is --db PATH, else $AEGIS_MCP_DB, else $AEGIS_MCP_DATA_DIR/ledger.db
(default data directory: $XDG_DATA_HOME/aegis-mcp or ~/.local/share/aegis-mcp).
"""


# Help text for a command whose module sets no epilog of its own (its module may set one later).
FALLBACK_EPILOGS: dict[str, str] = {
    "proxy": """\
An MCP client runs this in place of the server's own command: every message is relayed, each
tools/call is judged first (allow / block with the reason / hold for `aegis-mcp approvals`),
and every decision is recorded in the ledger before anything is forwarded.

examples:
  aegis-mcp proxy --name fs -- npx -y @modelcontextprotocol/server-filesystem /tmp
  aegis-mcp proxy --name db --policy my-policy.yaml -- uvx mcp-server-sqlite --db-path data.db
  in claude_desktop_config.json: "command": "aegis-mcp", "args": ["proxy", "--name", "fs", "--", "npx", ...]
  (or let `aegis-mcp install claude-desktop` rewrite the config for you)

exit status: 0 the client went away, 1 the upstream failed or died, 2 bad usage or an unusable policy file.
""",
}


class CommandModule(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def _load(module_name: str) -> CommandModule | None:
    try:
        return importlib.import_module(f"aegis_mcp.commands.{module_name}")  # type: ignore[return-value]
    except ModuleNotFoundError as exc:
        if exc.name == f"aegis_mcp.commands.{module_name}":
            return None  # not built yet
        raise


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aegis-mcp",
        description="A firewall and tamper-evident audit ledger for AI agents' MCP tool calls.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"aegis-mcp {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        # Only the chosen subcommand's module is imported; the others show their one-line help.
        if only is not None and name != only:
            subparsers.add_parser(name, help=help_text, add_help=False)
            continue
        module = _load(module_name)
        if module is None:
            continue
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(sub)
        if not sub.epilog and name in FALLBACK_EPILOGS:
            sub.epilog = FALLBACK_EPILOGS[name]
            sub.formatter_class = argparse.RawDescriptionHelpFormatter
        sub.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    chosen = next((a for a in args_list if not a.startswith("-")), None)
    parser = build_parser(only=chosen if chosen in SUBCOMMANDS else None)
    args = parser.parse_args(args_list)
    module = getattr(args, "_module", None)
    if module is None:
        parser.print_help(sys.stderr)
        sys.stderr.write("\naegis-mcp: give a COMMAND (see above)\n")
        return 2
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `aegis-mcp pins list | head`: the reader left. Quietly, as a Unix tool killed by SIGPIPE
        # would (128 + 13), instead of a traceback; stdout goes to devnull so the exit flush is silent.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # stdout-ok: silences it, writes nothing
        return 141

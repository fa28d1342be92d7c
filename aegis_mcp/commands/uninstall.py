"""`aegis-mcp uninstall claude-desktop`: restore the entries `install` wrapped, exactly."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from aegis_mcp import claude_desktop as cd
from aegis_mcp.commands._stderr import say
from aegis_mcp.commands.install import backups_for, print_changes, write_atomically
from aegis_mcp.errors import ConfigError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("client", choices=["claude-desktop"], help="which client's config to restore")
    parser.add_argument("--config", help="the config file (default: Claude Desktop's, for this platform)")
    parser.add_argument("--dry-run", action="store_true", help="print the restored config, change nothing")


def run(args: argparse.Namespace) -> int:
    path = Path(args.config).expanduser() if args.config else cd.default_config_path()
    if not path.exists():
        say("uninstall", f"no config at {path}")
        return 2
    try:
        config = cd.parse_config(path.read_text(encoding="utf-8"))
        backups: list[tuple[Path, bytes, dict[str, Any]]] = []
        for backup_path in backups_for(path):
            raw = backup_path.read_bytes()
            try:
                backups.append((backup_path, raw, cd.parse_config(raw.decode("utf-8"))))
            except (ConfigError, UnicodeDecodeError):
                print(f"ignoring unreadable backup {backup_path}", file=sys.stderr)
        outcome = cd.uninstall(config, [b[2] for b in backups])
    except (ConfigError, UnicodeDecodeError, OSError) as exc:
        say("uninstall", str(exc))
        return 2
    print(f"{path}:")
    print_changes(outcome)
    if not outcome.changed:
        print("nothing to restore (no wrapped entries)")
        return 0
    # When the result is exactly a backed-up config, put back its very bytes (formatting included).
    text: str | bytes = cd.dump_config(outcome.config)
    for _, raw, parsed in backups:
        if json.dumps(parsed, sort_keys=True) == json.dumps(outcome.config, sort_keys=True) and list(
            parsed.get("mcpServers", {})
        ) == list(outcome.config.get("mcpServers", {})):
            text = raw
            break
    if args.dry_run:
        print("--- dry run: the config would become ---")
        print(text if isinstance(text, str) else text.decode("utf-8"), end="")
        return 0
    write_atomically(path, text)
    print("done: restart Claude Desktop")
    return 0

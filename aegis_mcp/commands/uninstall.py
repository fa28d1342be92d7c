"""`aegis-mcp uninstall claude-desktop`: restore the entries `install` wrapped, exactly."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from aegis_mcp import claude_desktop as cd
from aegis_mcp.commands._stderr import say, show, show_raw
from aegis_mcp.commands.install import backups_for, report, write_atomically
from aegis_mcp.errors import ConfigError


EPILOG = """\
Unwraps every entry `aegis-mcp install` wrapped (entries added or edited since are kept as they are);
when the result equals the backed-up original, that file's exact bytes are put back.

examples:
  aegis-mcp uninstall claude-desktop --dry-run
  aegis-mcp uninstall claude-desktop --config ./claude_desktop_config.json

exit status: 0 done (or nothing to restore), 2 no config, or it cannot be read or is not valid JSON.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("client", choices=["claude-desktop"], help="which client's config to restore")
    parser.add_argument("--config", help="the config file (default: Claude Desktop's, for this platform)")
    parser.add_argument("--dry-run", action="store_true", help="print the restored config on stdout (the change list on stderr), change nothing")


def run(args: argparse.Namespace) -> int:
    path = Path(args.config).expanduser() if args.config else cd.default_config_path()
    if not path.exists():
        say("uninstall", f"no config at {path}")
        return 2
    try:
        current = path.read_text(encoding="utf-8")
        config = cd.parse_config(current)
        backups: list[tuple[Path, bytes, dict[str, Any]]] = []
        for backup_path in backups_for(path):
            raw = backup_path.read_bytes()
            try:
                backups.append((backup_path, raw, cd.parse_config(raw.decode("utf-8"))))
            except (ConfigError, UnicodeDecodeError):
                say("uninstall", f"ignoring unreadable backup {backup_path}")
        outcome = cd.uninstall(config, [b[2] for b in backups])
    except OSError as exc:
        say("uninstall", f"cannot read {path}: {exc.strerror or exc}")
        return 2
    except (ConfigError, UnicodeDecodeError) as exc:
        say("uninstall", str(exc))
        return 2
    report("uninstall", path, outcome, args.dry_run)
    if not outcome.changed:
        if args.dry_run:  # stdout stays the config, here unchanged
            say("uninstall", "nothing to restore (no wrapped entries)")
            show_raw(current)
        else:
            show("nothing to restore (no wrapped entries)")
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
        say("uninstall", "dry run: nothing written; the config would become (on stdout):")
        show_raw(text if isinstance(text, str) else text.decode("utf-8"))
        return 0
    write_atomically(path, text)
    show("done: restart Claude Desktop")
    return 0

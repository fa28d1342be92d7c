"""`aegis-mcp install claude-desktop`: wrap the stdio servers of a Claude Desktop config with the proxy."""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

from aegis_mcp import claude_desktop as cd
from aegis_mcp.commands._stderr import say
from aegis_mcp.config import resolve_db_path
from aegis_mcp.errors import ConfigError

BACKUP_SUFFIX = ".aegis-mcp.bak"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("client", choices=["claude-desktop"], help="which client's config to change")
    parser.add_argument("--config", help="the config file (default: Claude Desktop's, for this platform)")
    parser.add_argument("--dry-run", action="store_true", help="print the new config, change nothing")
    parser.add_argument("--db", help="the ledger the wrapped servers record into (default: the per-user one)")
    parser.add_argument(
        "--launcher",
        help="how Claude Desktop should start aegis-mcp (default: the absolute path of this installation)",
    )
    parser.add_argument("--no-audit-server", action="store_true", help="do not add the audit-server entry")


def default_launcher() -> list[str]:
    """An absolute way to start this very installation (Claude Desktop has a minimal PATH)."""
    beside = Path(sys.executable).parent / ("aegis-mcp.exe" if os.name == "nt" else "aegis-mcp")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("aegis-mcp")
    if found:
        return [str(Path(found).resolve())]
    return [sys.executable, "-m", "aegis_mcp"]


def backups_for(config_path: Path) -> list[Path]:
    """Backups taken by `install`, oldest first (the pristine one has no timestamp)."""
    pristine = config_path.with_name(config_path.name + BACKUP_SUFFIX)
    stamped = sorted(config_path.parent.glob(config_path.name + BACKUP_SUFFIX + ".*"))
    return ([pristine] if pristine.exists() else []) + stamped


def write_atomically(path: Path, text: str | bytes) -> None:
    """Replace the file in one step (a crash leaves the old or the new file, never half of one)."""
    data = text.encode() if isinstance(text, str) else text
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o600
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def print_changes(outcome: cd.Outcome) -> None:
    for change in outcome.changes:
        detail = f"  ({change.detail})" if change.detail else ""
        print(f"  {change.action:16} {change.name}{detail}")


def run(args: argparse.Namespace) -> int:
    path = Path(args.config).expanduser() if args.config else cd.default_config_path()
    try:
        original = path.read_bytes() if path.exists() else b""
        config = cd.parse_config(original.decode("utf-8"))
        launcher = shlex.split(args.launcher) if args.launcher else default_launcher()
        db = str(resolve_db_path(args.db).resolve())
        outcome = cd.install(config, launcher=launcher, db=db, add_audit_server=not args.no_audit_server)
    except (ConfigError, UnicodeDecodeError, OSError) as exc:
        say("install", str(exc))
        return 2
    print(f"{path}:")
    print_changes(outcome)
    if not outcome.changed:
        print("nothing to change (already installed)")
        return 0
    if args.dry_run:
        print("--- dry run: the config would become ---")
        print(cd.dump_config(outcome.config), end="")
        return 0
    if original:
        # Keep the pristine original (never overwritten); a later install backs up under a timestamp.
        backup = path.with_name(path.name + BACKUP_SUFFIX)
        if backup.exists():
            backup = path.with_name(f"{path.name}{BACKUP_SUFFIX}.{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}")
        write_atomically(backup, original)
        print(f"backup: {backup}")
    write_atomically(path, cd.dump_config(outcome.config))
    print("done: restart Claude Desktop to use the wrapped servers")
    return 0

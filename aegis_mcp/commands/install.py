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
from aegis_mcp.commands._stderr import say, show, show_raw
from aegis_mcp.config import resolve_db_path
from aegis_mcp.errors import AegisError, ConfigError

BACKUP_SUFFIX = ".aegis-mcp.bak"


EPILOG = """\
Each stdio server entry's command becomes `aegis-mcp proxy --name NAME --db DB -- <original command>`
(its env and other fields kept), and an `aegis-mcp-audit` entry running `aegis-mcp audit-server`
is added. The original file is backed up beside it as <config>.aegis-mcp.bak; `aegis-mcp uninstall`
puts it back byte for byte. Restart Claude Desktop afterwards.

examples:
  aegis-mcp install claude-desktop --dry-run > /tmp/new-config.json   # look first: stdout is the new config
  aegis-mcp install claude-desktop
  aegis-mcp install claude-desktop --config ./claude_desktop_config.json --db ~/aegis/ledger.db
  aegis-mcp install claude-desktop --policy ~/aegis/policy.yaml   # again later: updates the wrapped entries
  aegis-mcp install claude-desktop --policy team.yaml --policy-for shell=observe.yaml   # one server audit-only

When it adds the audit server, the ledger (--db) is created if it does not exist yet, so the audit
server finds it on Claude Desktop's first launch; a --db that is another kind of database is refused.

exit status: 0 done (or nothing to change), 2 the config or the policy file cannot be read or is not
valid, or --db is not a ledger (the config is left alone).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("client", choices=["claude-desktop"], help="which client's config to change")
    parser.add_argument("--config", help="the config file (default: Claude Desktop's, for this platform)")
    parser.add_argument("--dry-run", action="store_true", help="print the new config on stdout (the change list on stderr), change nothing")
    parser.add_argument("--db", help="the ledger the wrapped servers record into (default: the per-user one)")
    parser.add_argument(
        "--launcher",
        help="how Claude Desktop should start aegis-mcp (default: the absolute path of this installation)",
    )
    parser.add_argument("--no-audit-server", action="store_true", help="do not add the audit-server entry")
    parser.add_argument("--policy", metavar="FILE",
                        help="a policy file every wrapped server (and the audit server) runs with; checked now, "
                             "written as an absolute path (default: the built-in policies)")
    parser.add_argument("--policy-for", metavar="NAME=FILE", action="append", default=[],
                        help="server entry NAME runs with FILE instead (e.g. an audit_only file for a noisy "
                             "server); repeatable, checked like --policy; give it again whenever you run install "
                             "with --policy, which alone sets every entry")


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


def _checked_policy(path: str) -> str:
    """The policy file as an absolute path (Claude Desktop starts servers from a directory of its
    own), refused now if it does not load: otherwise every wrapped server would fail to start."""
    from aegis_mcp.engine.policy import load_policy_file

    absolute = Path(path).expanduser().resolve()
    load_policy_file(absolute)  # ConfigError, with the file and the bad field
    return str(absolute)


def _server_policies(pairs: list[str]) -> dict[str, str]:
    """`--policy-for NAME=FILE` options as {entry name: absolute, checked file}."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, path = pair.partition("=")
        if not sep or not name or not path:
            raise ConfigError(f"--policy-for {pair!r}: write NAME=FILE (the server entry's name, then its policy file)")
        out[name] = _checked_policy(path)
    return out


def change_lines(outcome: cd.Outcome) -> list[str]:
    """One line per server entry: what was (or would be) done to it."""
    lines = []
    for change in outcome.changes:
        detail = f"  ({change.detail})" if change.detail else ""
        lines.append(f"  {change.action:16} {change.name}{detail}")
    return lines


def report(command: str, path: Path, outcome: cd.Outcome, dry_run: bool) -> None:
    """The change list: the asked-for output, except under --dry-run, where stdout carries only the
    new config (so `--dry-run > new.json` is a usable file) and the list goes to stderr."""
    if dry_run:
        say(command, f"{path}:")
        for line in change_lines(outcome):
            say(command, line)
    else:
        show(f"{path}:")
        for line in change_lines(outcome):
            show(line)


def run(args: argparse.Namespace) -> int:
    path = Path(args.config).expanduser() if args.config else cd.default_config_path()
    try:
        original = path.read_bytes() if path.exists() else b""
        config = cd.parse_config(original.decode("utf-8"))
        launcher = shlex.split(args.launcher) if args.launcher else default_launcher()
        db = str(resolve_db_path(args.db).resolve())
        policy = _checked_policy(args.policy) if args.policy else None
        outcome = cd.install(config, launcher=launcher, db=db, add_audit_server=not args.no_audit_server,
                             policy=policy, server_policies=_server_policies(args.policy_for))
    except OSError as exc:
        say("install", f"cannot read {path}: {exc.strerror or exc}")
        return 2
    except (ConfigError, UnicodeDecodeError) as exc:
        say("install", str(exc))
        return 2
    if any(c.name == cd.AUDIT_ENTRY and c.action == "added" for c in outcome.changes):
        problem = _ledger_problem(Path(db), args.dry_run)
        if problem:
            say("install", f"{problem}; the config is left alone")
            return 2
    if not path.exists():
        say("install", f"no config at {path} yet: there is no server to wrap (is this Claude Desktop's "
            "config? see --config); it would be created with the audit server only")
    report("install", path, outcome, args.dry_run)
    if not outcome.changed:
        if args.dry_run:  # stdout stays the config, here unchanged
            say("install", "nothing to change (already installed)")
            show_raw(original.decode("utf-8"))
        else:
            show("nothing to change (already installed)")
        return 0
    if args.dry_run:
        say("install", "dry run: nothing written; the config would become (on stdout):")
        show_raw(cd.dump_config(outcome.config))
        return 0
    if original:
        # Keep the pristine original (never overwritten); a later install backs up under a timestamp.
        backup = path.with_name(path.name + BACKUP_SUFFIX)
        if backup.exists():
            backup = path.with_name(f"{path.name}{BACKUP_SUFFIX}.{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}")
        write_atomically(backup, original)
        show(f"backup: {backup}")
    write_atomically(path, cd.dump_config(outcome.config))
    show("done: restart Claude Desktop to use the wrapped servers")
    return 0


def _ledger_problem(db: Path, dry_run: bool) -> str | None:
    """Make sure the ledger exists before Claude Desktop starts the entries: the audit server only
    opens an existing ledger, and on the first launch it would otherwise race the proxies (and fail
    with "no ledger", shown in Claude as a disconnected server). Another database is refused."""
    from aegis_mcp.ledger.schema import not_a_ledger
    from aegis_mcp.ledger.store import LedgerStore

    if db.is_file():
        return not_a_ledger(db)
    if dry_run:
        say("install", f"the ledger {db} does not exist yet: install would create it (empty)")
        return None
    try:
        LedgerStore.open(db).close()
    except (AegisError, OSError) as exc:
        return str(exc) if str(db) in str(exc) else f"cannot create the ledger at {db}: {exc}"
    show(f"ledger: created {db} (empty; the wrapped servers record into it)")
    return None

"""Shared set-up of the human-review commands (`approvals`, `pins`): their arguments, their store, and their guard.

Both answer what the proxy holds for a human, through the shared ledger database, so both take
`--db` before or after the action and open the store the same way. Their deciding actions need a
human channel (require_human): a person in the foreground of an interactive terminal, who then
confirms by typing, or automation holding the database's approver token; and they refuse to run
as descendants of a proxy. An agent must never approve its own call, even through an MCP server
(a second shell server, say) that no proxy guards.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from aegis_mcp.commands._stderr import say

if TYPE_CHECKING:
    from aegis_mcp.ledger.store import LedgerStore

_DB_HELP = "ledger database (default: $AEGIS_MCP_DB or the per-user data dir)"


def add_actions(parser: argparse.ArgumentParser) -> Callable[..., argparse.ArgumentParser]:
    """Add the action sub-commands' common part; returns `action(name, help=...)` to add each one."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help=_DB_HELP)
    # `aegis-mcp approvals --db X list` as well as `aegis-mcp approvals list --db X`.
    parser.add_argument("--db", dest="db_top", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="action", metavar="ACTION")

    def action(name: str, **kwargs: object) -> argparse.ArgumentParser:
        kwargs.setdefault("description", kwargs.get("help"))  # `approvals list --help` says what it does
        return sub.add_parser(name, parents=[common], **kwargs)  # type: ignore[arg-type]

    return action


def db_path(args: argparse.Namespace) -> Path:
    from aegis_mcp.config import resolve_db_path

    return resolve_db_path(getattr(args, "db", None) or getattr(args, "db_top", None))


def open_store(args: argparse.Namespace, command: str, *, nothing_yet: str, missing_ok: bool,
               readonly: bool = False) -> LedgerStore | int:
    """The shared store, or the exit code after a clear message (`missing_ok`: no ledger is not an error).
    `readonly` for listing: it needs neither the signing key nor write access to the database."""
    from aegis_mcp.errors import LedgerError
    from aegis_mcp.ledger.store import LedgerStore

    db = db_path(args)
    if not db.exists():
        say(command, f"no ledger at {db} ({nothing_yet})")
        return 0 if missing_ok else 1
    from aegis_mcp.ledger.schema import not_a_ledger

    # for writing, opening would turn another database into a ledger; for reading, this says
    # "not an aegis-mcp ledger" rather than SQLite's "no such table"
    problem = not_a_ledger(db)
    if problem:
        say(command, problem)
        return 1
    try:
        return LedgerStore.open(db, readonly=readonly)
    except LedgerError as exc:
        # the store's messages name the database already ("cannot open the ledger at X: ...")
        say(command, str(exc) if str(db) in str(exc) else f"cannot open {db}: {exc}")
        return 1


def _parent(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            # The command name is in parentheses and may itself hold ") ": split at the last one.
            return int(f.read().rsplit(b")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _is_proxy(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = f.read().split(b"\0")
    except OSError:
        return False
    # `aegis-mcp proxy ...`, `python -m aegis_mcp proxy ...`: the proxy's own arguments come before `--`.
    head = argv[: argv.index(b"--")] if b"--" in argv else argv
    named = any(os.path.basename(a).startswith((b"aegis-mcp", b"aegis_mcp")) for a in head)
    return named and b"proxy" in head


def guarding_proxy() -> int | None:
    """The pid of an aegis-mcp proxy among this process's ancestors, if any.

    A proxied shell or code-running server starts its commands as descendants of the proxy; a
    human's terminal is not one. (Where /proc is missing the walk finds nothing; the proxy's own
    argument guard still refuses calls that name the review commands.)
    """
    pid: int | None = os.getppid()
    seen = 0
    while pid and pid > 1 and seen < 64:
        if _is_proxy(pid):
            return pid
        pid = _parent(pid)
        seen += 1
    return None


def refuse_under_proxy(command: str) -> bool:
    """True (after saying why on stderr) when an agent behind the proxy is running this command."""
    proxy = guarding_proxy()
    if proxy is None:
        return False
    say(command, f"refused — this command was started by an MCP server behind the aegis-mcp proxy (pid {proxy}), "
        "i.e. by an agent; an agent cannot approve its own calls. Run it from your own terminal.")
    return True


def _terminal_problem() -> str | None:
    """None when this process runs in the foreground of its own terminal, reading from it; else
    what is missing. An agent's tools (shell servers, code runners, a CLI agent's command tool) run
    commands with pipes for stdin and, at most, in a background process group."""
    try:
        if not os.isatty(0):
            return "its standard input is not a terminal"
        # ENOTTY unless fd 0 is this process's *controlling* terminal; equal only in its foreground.
        if os.tcgetpgrp(0) != os.getpgrp():
            return "it is not in the foreground of its terminal"
    except OSError:
        return "its standard input is not its controlling terminal"
    except AttributeError:  # no job control (Windows): a console on stdin is the best sign there is
        return None if sys.stdin is not None and sys.stdin.isatty() else "its standard input is not a terminal"
    return None


def require_human(command: str, action: str, db: Path) -> bool:
    """True (after saying why on stderr) unless a human channel runs this deciding command.

    A human channel is a person in the foreground of an interactive terminal, or automation the
    operator trusts holding this database's approver token ($AEGIS_MCP_APPROVER_TOKEN, see
    `aegis-mcp approvals token`). Also refused when started under a proxy (refuse_under_proxy).
    """
    from aegis_mcp.ledger.approver import TOKEN_ENV, check_token

    if refuse_under_proxy(command):
        return True
    token = os.environ.get(TOKEN_ENV)
    if token:
        problem = check_token(db, token)
        if problem is None:
            return False
        say(f"{command} {action}", f"refused — ${TOKEN_ENV} is set but {problem}.")
        return True
    problem = _terminal_problem()
    if problem is None:
        return False
    say(
        f"{command} {action}",
        f"refused — this decision needs a person at an interactive terminal, "
        f"and this process has none ({problem}). Commands an AI agent runs through its tools have no "
        "terminal: that is how aegis-mcp keeps a model from approving its own calls. Run it in your own "
        "terminal. (Trusted automation can use an approver token instead: `aegis-mcp approvals token --help`.)",
    )
    return True


def authority() -> str:
    """Which human channel let a deciding command through (require_human passed): recorded with the decision,
    so the ledger tells a person at a terminal from automation holding the approver token."""
    from aegis_mcp.ledger.approver import TOKEN_ENV

    return "approver token" if os.environ.get(TOKEN_ENV) else "terminal"


def confirm(question: str, word: str) -> bool:
    """Ask on the controlling terminal (not stdin/stdout, which a caller may have redirected) that
    the person types `word`; True only if they do. Without a terminal (token path) there is no question."""
    from aegis_mcp.ledger.approver import TOKEN_ENV

    if os.environ.get(TOKEN_ENV):
        return True  # scripted approver, already checked by require_human
    try:
        with open("/dev/tty", "r+", encoding="utf-8", errors="replace") as tty:
            tty.write(f"{question}\nType '{word}' to confirm (anything else cancels): ")
            tty.flush()
            answer = tty.readline()
    except OSError:  # Windows has no /dev/tty: the console on stdin, which require_human checked
        try:
            answer = input(f"{question}\nType '{word}' to confirm (anything else cancels): ")
        except EOFError:
            return False
    return answer.strip().lower() == word

"""Deciding a held call needs a human channel: a person in the foreground of an interactive terminal
(who confirms by typing), or automation holding the database's approver token. A command run by an
agent's tool (no terminal), even through an MCP server no proxy guards, is refused."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import time
from pathlib import Path
from typing import Callable

from aegis_mcp.ledger.approver import TOKEN_ENV, create_token, token_path
from aegis_mcp.ledger.store import LedgerStore
from tests.proxy.conftest import PY, approver, cli, proxy_argv


def _held(db: Path) -> str:
    """A ledger with one pending approval (as a proxy would have created it); its id."""
    store = LedgerStore.open(db)
    try:
        return store.create_approval(server="fs", tool="write_file", agent_id="agent", args_sha256="0" * 64,
                                     summary={"risk": "HIGH", "reason": "test", "preview": "write_file {}"},
                                     timeout_s=600)
    finally:
        store.close()


def _status(db: Path, approval_id: str) -> str:
    store = LedgerStore.open(db)
    try:
        found = store.get_approval(approval_id)
        assert found is not None
        return str(found.status)
    finally:
        store.close()


def _in_terminal(argv: list[str], typed: bytes | None, env: dict[str, str] | None = None,
                 timeout: float = 60.0, before_typing: Callable[[], None] | None = None) -> tuple[int, str]:
    """Run argv as a person would in a terminal: a new session whose controlling terminal is a pty,
    in its foreground. Types `typed` once the command asks to confirm (after calling `before_typing`,
    if given: something that changes while the person reads the prompt). Returns (exit code, screen)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: exec at once (nothing else may run in a forked test process)
        try:
            os.execve(argv[0], argv, env or dict(os.environ))
        finally:
            os._exit(127)
    screen = b""
    sent = False
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:  # EIO: the child closed the terminal (it exited)
                    break
                if not chunk:
                    break
                screen += chunk
            if typed is not None and not sent and b"to confirm" in screen:
                if before_typing is not None:
                    before_typing()
                os.write(fd, typed)
                sent = True
        else:
            os.kill(pid, 9)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    return os.waitstatus_to_exitcode(status), screen.decode(errors="replace")


def _aegis(*args: str) -> list[str]:
    return [PY, "-m", "aegis_mcp", *args]


def test_no_terminal_no_decision(tmp_path: Path) -> None:
    """What an agent's shell tool does (stdin a pipe, no terminal): refused, with the reason and the
    way out, and nothing decided; the same for deny and for the pin commands."""
    db = tmp_path / "l.db"
    held = _held(db)
    for args in (["approvals", "approve", held], ["approvals", "deny", held], ["pins", "accept", "fs", "x"],
                 ["pins", "reset", "--all"]):
        out = cli(*args, "--db", str(db))
        assert out.returncode == 3, (args, out.stderr)
        assert "needs a person at an interactive terminal" in out.stderr
        assert "standard input is not a terminal" in out.stderr and "approvals token" in out.stderr
    assert _status(db, held) == "pending"
    # An environment variable that merely says "let me" is no way around it: only the token counts.
    out = cli("approvals", "approve", held, "--db", str(db), env={**os.environ, TOKEN_ENV: "let-me"})
    assert out.returncode == 3 and "no approver token was made" in out.stderr
    create_token(db)
    out = cli("approvals", "approve", held, "--db", str(db), env={**os.environ, TOKEN_ENV: "let-me"})
    assert out.returncode == 3 and "does not match" in out.stderr
    assert _status(db, held) == "pending"


def test_a_person_at_a_terminal_approves_by_typing(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    held = _held(db)
    code, screen = _in_terminal(_aegis("approvals", "approve", held, "--db", str(db), "--as", "alice"), b"no\n")
    assert code == 1 and "write_file" in screen and "not approved" in screen
    assert _status(db, held) == "pending"
    code, screen = _in_terminal(_aegis("approvals", "approve", held, "--db", str(db), "--as", "alice"), b"approve\n")
    assert code == 0, screen
    assert f"approved {held}" in screen
    assert _status(db, held) == "approved"


def test_a_terminal_with_stdin_redirected_is_not_a_person(tmp_path: Path) -> None:
    """In a terminal, but reading from elsewhere (a pipe, /dev/null): refused like no terminal."""
    db = tmp_path / "l.db"
    held = _held(db)
    cmd = " ".join(_aegis("approvals", "approve", held, "--db", str(db)))
    code, screen = _in_terminal(["/bin/sh", "-c", f"{cmd} < /dev/null"], None)
    assert code == 3 and "needs a person at an interactive terminal" in screen
    assert _status(db, held) == "pending"


def test_an_agent_shell_in_the_users_terminal_is_not_in_its_foreground(tmp_path: Path) -> None:
    """A CLI agent's command tool shares the user's terminal but runs in a process group of its own,
    in the background: reading the terminal on purpose (`< /dev/tty`) is still refused."""
    db = tmp_path / "l.db"
    held = _held(db)
    cmd = " ".join(_aegis("approvals", "approve", held, "--db", str(db)))
    # setsid --fork keeps the controlling terminal out of reach entirely; a plain background job of an
    # interactive shell (`set -m`) gets its own group, which is not the terminal's foreground one.
    code, screen = _in_terminal(["/bin/sh", "-c", f"set -m; {cmd} < /dev/tty & wait $!; exit $?"], None)
    assert code == 3, screen
    assert "not in the foreground" in screen or "not its controlling terminal" in screen
    assert _status(db, held) == "pending"


def test_approver_token_is_for_automation_and_must_be_kept_private(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    held = _held(db)
    # Only a person at a terminal makes a token.
    out = cli("approvals", "token", "--db", str(db))
    assert out.returncode == 3 and out.stdout == "" and not token_path(db).exists()
    code, screen = _in_terminal(_aegis("approvals", "token", "--db", str(db)), None)
    assert code == 0, screen
    token = next(line.strip() for line in screen.splitlines() if line.startswith("aegis-approver-"))
    assert token_path(db).stat().st_mode & 0o777 == 0o600
    assert token not in token_path(db).read_text()  # only its hash is kept
    env = {**os.environ, TOKEN_ENV: token}
    token_path(db).chmod(0o644)  # someone else could have written this hash: not trusted
    out = cli("approvals", "approve", held, "--db", str(db), env=env)
    assert out.returncode == 3 and "chmod 600" in out.stderr
    token_path(db).chmod(0o600)
    out = cli("approvals", "approve", held, "--db", str(db), "--as", "ci", env=env)
    assert out.returncode == 0, out.stderr
    assert _status(db, held) == "approved"
    # Another database's token does not open this one.
    other = tmp_path / "other.db"
    held2 = _held(other)
    assert cli("approvals", "deny", held2, "--db", str(other), env=env).returncode == 3
    assert cli("approvals", "deny", held2, "--db", str(other), env=approver(other)).returncode == 0


def test_the_proxy_never_hands_the_token_to_its_upstream(tmp_path: Path) -> None:
    """An operator who put the token in the proxy's environment (a client config's env block) does
    not give it to the upstream: the upstream runs what the model asks."""
    db, seen = tmp_path / "l.db", tmp_path / "seen.txt"
    token = create_token(db)
    probe = f"import os; open({str(seen)!r}, 'w').write(repr((os.environ.get({TOKEN_ENV!r}), os.environ.get('PLAIN_SETTING'))))"
    env = {**os.environ, TOKEN_ENV: token, "PLAIN_SETTING": "kept"}
    subprocess.run(proxy_argv(db, [PY, "-c", probe]), input="", capture_output=True, text=True, timeout=60, env=env)
    assert seen.read_text() == repr((None, "kept"))

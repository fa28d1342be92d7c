"""Where a command's own words go: messages to stderr (in stdio mode stdout is the MCP wire), asked-for output to stdout."""

from __future__ import annotations

import sys


def say(command: str, message: str) -> None:
    """Write `aegis-mcp COMMAND: MESSAGE` to stderr (flushed, so it lands before any exit)."""
    sys.stderr.write(f"aegis-mcp {command}: {message}\n")
    sys.stderr.flush()


def usage_error(command: str, message: str) -> int:
    """Say MESSAGE and return exit code 2 (bad invocation or unreadable input)."""
    say(command, message)
    return 2


def show(text: str) -> None:
    """Write output the user asked a review command for (a listing, a JSON line, a token) to stdout.
    These commands run in a person's terminal, never as the proxy's stdio server."""
    print(text)  # stdout-ok: the command's requested output

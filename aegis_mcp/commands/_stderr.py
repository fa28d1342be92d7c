"""One stderr helper for the commands' own messages: in stdio mode stdout is the MCP wire."""

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

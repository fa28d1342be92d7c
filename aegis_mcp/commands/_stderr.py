"""Where a command's own words go: messages to stderr (in stdio mode stdout is the MCP wire), asked-for output to stdout.

Every command writes through these helpers, never the print builtin directly (a test holds the package to it):
`say` for messages (progress, warnings, errors: `aegis-mcp COMMAND: ...` on stderr), `usage_error`
for a bad invocation (exit 2), `show`/`show_raw`/`stdout_bytes` for the output the user asked for
(a report, a JSON document, a config), so `aegis-mcp X > file` captures exactly that output.
"""

from __future__ import annotations

import sys
from typing import BinaryIO


def say(command: str, message: str) -> None:
    """Write `aegis-mcp COMMAND: MESSAGE` to stderr (flushed, so it lands before any exit)."""
    sys.stderr.write(f"aegis-mcp {command}: {message}\n")
    sys.stderr.flush()


def usage_error(command: str, message: str) -> int:
    """Say MESSAGE and return exit code 2 (bad invocation or unreadable input)."""
    say(command, message)
    return 2


def show(text: str) -> None:
    """Write output the user asked a command for (a listing, a JSON line, a report) to stdout, plus a newline.
    These commands run in a person's terminal or a pipe, never as the proxy's stdio server."""
    show_raw(text + "\n")


def show_raw(text: str) -> None:
    """Write asked-for output to stdout exactly as given (a file's text, a signed note), flushed."""
    sys.stdout.write(text)  # stdout-ok: the command's requested output
    sys.stdout.flush()  # stdout-ok: the same requested output


def stdout_bytes() -> BinaryIO:
    """The binary stdout, for a command whose asked-for output is a byte stream (JSONL verdicts)."""
    return sys.stdout.buffer  # stdout-ok: the command's requested output

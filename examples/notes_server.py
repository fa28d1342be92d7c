"""A small, real MCP server (mcp 2.x `MCPServer`, stdio) over a directory of notes and a SQLite
database: the kind of server aegis-mcp is put in front of. `aegis-mcp demo` and the proxy tests use it.

    python examples/notes_server.py DIRECTORY

Tools: list_notes, read_note, write_note, delete_note (asks for confirmation by elicitation),
query (SQL on DIRECTORY/notes.db). Paths are confined to DIRECTORY — the firewall in front of it
is a second line of defence, not the only one.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from typing import Annotated

from mcp.server import MCPServer
from mcp.server.mcpserver import Elicit, Resolve
from mcp_types import ToolAnnotations
from pydantic import BaseModel

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
DB = ROOT / "notes.db"

mcp = MCPServer("notes", instructions="Notes and a small SQL database about them.")


def _path(name: str) -> Path:
    path = (ROOT / name).resolve()
    if ROOT not in path.parents:
        raise ValueError(f"{name!r} is outside the notes directory")
    return path


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def list_notes() -> list[str]:
    """List the names of the notes."""
    return sorted(p.name for p in ROOT.glob("*.md"))


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def read_note(name: str) -> str:
    """Read one note by its file name, e.g. "welcome.md"."""
    return _path(name).read_text()


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False))
def write_note(name: str, text: str) -> str:
    """Create or replace a note."""
    _path(name).write_text(text)
    return f"wrote {name} ({len(text)} characters)"


class Confirm(BaseModel):
    confirm: bool


def _ask_confirmation(name: str) -> Elicit[Confirm]:
    # Asked mid-call on a 2025-11-25 connection, as an input_required round trip on 2026-07-28.
    return Elicit(f"Really delete {name}?", Confirm)


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=True))
def delete_note(name: str, answer: Annotated[Confirm, Resolve(_ask_confirmation)]) -> str:
    """Delete a note (asks the user to confirm)."""
    if not answer.confirm:
        return f"kept {name}"
    _path(name).unlink()
    return f"deleted {name}"


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=True))
def query(sql: str) -> list[list[object]]:
    """Run one SQL statement on the notes database and return its rows."""
    with sqlite3.connect(DB) as conn:
        return [list(row) for row in conn.execute(sql).fetchall()]


if __name__ == "__main__":
    mcp.run()

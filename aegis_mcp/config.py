"""Where aegis-mcp keeps its data: the one place that reads the environment for paths."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "AEGIS_MCP_DB"
DATA_DIR_ENV = "AEGIS_MCP_DATA_DIR"
LEARNED_ENV = "AEGIS_MCP_LEARNED"  # the learned injection second opinion: 0 / 1 (or extra / veto / both)


def data_dir() -> Path:
    """The per-user data directory: $AEGIS_MCP_DATA_DIR, else $XDG_DATA_HOME/aegis-mcp, else ~/.local/share/aegis-mcp."""
    explicit = os.environ.get(DATA_DIR_ENV)
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "aegis-mcp"


def default_db_path() -> Path:
    """The ledger database: --db wins over $AEGIS_MCP_DB, which wins over the data directory."""
    explicit = os.environ.get(DB_ENV)
    if explicit:
        return Path(explicit).expanduser()
    return data_dir() / "ledger.db"


def resolve_db_path(cli_value: str | None) -> Path:
    return Path(cli_value).expanduser() if cli_value else default_db_path()


def learned_override() -> str | None:
    """$AEGIS_MCP_LEARNED, lower-cased, if set: it overrides the policy's results.learned_injection
    (read when a policy set is built, so the engine itself never reads the environment)."""
    value = os.environ.get(LEARNED_ENV, "").strip().lower()
    return value or None

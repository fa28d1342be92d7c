"""Reading the audit tools' arguments: times (ISO 8601, "15m", "now"), windows, cursors, limits.

Split from queries.py (the reads themselves); queries re-exports these names for its callers.
"""

from __future__ import annotations

import re
import time
from datetime import datetime, timezone

MAX_LIMIT = 100
_RELATIVE = re.compile(r"^\s*(\d+)\s*(s|sec|m|min|h|hr|hour|hours|d|day|days|w|week|weeks)\s*(ago)?\s*$", re.I)
_UNIT_S = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "hour": 3600, "hours": 3600,
           "d": 86400, "day": 86400, "days": 86400, "w": 604800, "week": 604800, "weeks": 604800}

__all__ = ["MAX_LIMIT", "QueryError", "iso", "limit", "parse_cursor", "parse_time", "parse_window"]


class QueryError(ValueError):
    """A bad argument (time, cursor, limit): reported to the caller as a tool error, never a crash."""


def iso(ts_us: int | None) -> str | None:
    if not ts_us:
        return None
    return datetime.fromtimestamp(ts_us / 1_000_000, tz=timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_time(value: str | int | None, *, now_us: int | None = None) -> int | None:
    """ISO 8601 (naive = UTC), a relative span like "15m" / "2h" / "3d" ago, "now", or µs since the epoch."""
    if value is None or value == "":
        return None
    now_us = time.time_ns() // 1000 if now_us is None else now_us
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    if text.lower() == "now":
        return now_us
    if text.isdigit():
        return int(text)
    match = _RELATIVE.match(text)
    if match:
        return now_us - int(match.group(1)) * _UNIT_S[match.group(2).lower()] * 1_000_000
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise QueryError(f"cannot read the time {text!r}: use ISO 8601 (2026-11-21T10:00:00Z) or a span like 15m, 2h, 3d") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return int(dt.timestamp() * 1_000_000)


def parse_window(since: str | None, until: str | None) -> tuple[int | None, int | None]:
    """Both ends of a time window; an empty or reversed window is a mistake worth naming."""
    since_us, until_us = parse_time(since), parse_time(until)
    if since_us is not None and until_us is not None and since_us >= until_us:
        raise QueryError(f"the window is empty: since ({since}) is not before until ({until})")
    return since_us, until_us


def parse_cursor(cursor: str | None) -> int | None:
    if not cursor:
        return None
    prefix, _, rest = cursor.partition(":")
    if prefix != "before" or not rest.isdigit():
        raise QueryError(f"bad cursor {cursor[:40]!r}: pass back the next_cursor of a previous answer")
    return int(rest)


def limit(value: int) -> int:
    """A page size: positive, at most MAX_LIMIT."""
    if not isinstance(value, int) or value < 1:
        raise QueryError("limit must be a positive integer")
    return min(value, MAX_LIMIT)

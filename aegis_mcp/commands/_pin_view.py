"""How `aegis-mcp pins` shows a held tool to the person reviewing it: what changed (a diff), and what the scanner said."""

from __future__ import annotations

import difflib
import json
import textwrap
import time
from typing import Any

from aegis_mcp.commands._approval_view import duration

INSTRUCTIONS_KEY = "@instructions"  # the proxy pins a server's instructions under this name
_ORDER = ("name", "title", "description", "inputSchema", "outputSchema", "annotations")
_WRAP = 92


def definition_lines(definition: dict[str, Any]) -> list[str]:
    """A tool definition as lines a person can read and diff: the description wrapped into words,
    each schema as indented JSON (sorted keys, so only real changes show)."""
    lines: list[str] = []
    keys = [k for k in _ORDER if k in definition] + sorted(k for k in definition if k not in _ORDER)
    for key in keys:
        value = definition[key]
        if isinstance(value, str) and key in ("description", "title"):
            lines.append(f"{key}:")
            for paragraph in value.splitlines() or [""]:
                lines += ["  " + part for part in (textwrap.wrap(paragraph, _WRAP) or [""])]
        elif isinstance(value, str):
            lines.append(f"{key}: {value}")
        else:
            lines.append(f"{key}:")
            lines += ["  " + line for line in json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False).splitlines()]
    return lines


def diff_lines(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """A unified diff from the last accepted definition to the held one (empty when they read the same)."""
    return [line.rstrip("\n") for line in difflib.unified_diff(
        definition_lines(before), definition_lines(after), "accepted", "held (now)", n=2, lineterm="")]


def review_of(pin: Any, reviews: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any] | None:
    """The pin_change record about this very definition (an older one is about another definition)."""
    review = reviews.get((pin.server, pin.tool))
    return review if review is not None and review.get("digest") == pin.digest else None


def what_changed(pin: Any, previous: Any | None, review: dict[str, Any] | None) -> str:
    """One phrase: why this pin is held."""
    change = (review or {}).get("change")
    label = "the server's instructions" if pin.tool == INSTRUCTIONS_KEY else "its definition"
    if previous is not None or change == "changed":
        return f"{label} changed after it was accepted"
    if change == "new":
        return "it appeared after the server's tools were pinned"
    if change == "first_use":
        return f"the scanner flagged {label} the first time it was seen"
    return "held"


def scanner_line(review: dict[str, Any] | None) -> str | None:
    """What the tool-definition scanner said about the held definition, if it said anything."""
    if not review:
        return None
    risk, decision, reason = review.get("risk"), review.get("decision"), review.get("reason")
    if decision in (None, "allow") and not reason:
        why = "it is new" if review.get("change") == "new" else "it changed: read the diff"
        return f"nothing suspicious found in the held definition (it is held because {why})"
    return f"risk {risk}, would {decision}: {reason or ', '.join(review.get('signals') or [])}"


def review_lines(pin: Any, previous: Any | None, review: dict[str, Any] | None, *, max_diff: int | None) -> list[str]:
    """The indented lines under a held pin: why, the scanner, the diff (or the new definition).
    `max_diff`: cut the diff after that many lines (list), None for all of it (show, accept)."""
    ago = duration(int((time.time_ns() - pin.updated_ns) // 1_000_000_000))
    out = [f"    why:      {what_changed(pin, previous, review)} (held {ago} ago)"]
    scanned = scanner_line(review)
    if scanned:
        out.append(f"    scanner:  {scanned}")
    definition = pin.definition if isinstance(pin.definition, dict) else {}
    if previous is not None and isinstance(previous.definition, dict):
        body = diff_lines(previous.definition, definition) or ["(the definitions differ only in ways that read the same)"]
        heading = f"    diff (accepted {previous.digest[:12]} → held {pin.digest[:12]}):"
    else:
        body = definition_lines(definition)
        heading = f"    definition (held {pin.digest[:12]}; nothing was accepted before it):"
    out.append(heading)
    shown = body if max_diff is None else body[:max_diff]
    out += ["      " + line for line in shown]
    if len(shown) < len(body):
        out.append(f"      … {len(body) - len(shown)} more line(s): `aegis-mcp pins show {pin.server} {pin.tool}`")
    return out

"""The contract between extraction and detectors: fragments, argument roles, the scan context."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Callable, Literal, NamedTuple

from aegis_mcp.engine.model import Signal


class Role(str, enum.Enum):
    """What an argument string *is*, so each detector judges only what it understands.

    SQL rules apply to SQL, shell rules to commands, and a file's content is data (CONTENT).
    """

    SQL = "sql"
    SHELL = "shell"  # a command line that will be executed
    PATH = "path"  # a file-system path
    URL = "url"
    EMAIL = "email"  # an address (recipient)
    CONTENT = "content"  # data being written/sent: file bodies, code, documents
    TEXT = "text"  # free natural-language text (messages, queries, prompts)
    IDENT = "ident"  # short identifiers, names, enums, ids
    KEY = "key"  # an object key
    UNKNOWN = "unknown"


# Role members as module globals for the per-string paths: on Python 3.11 every `Role.TEXT` goes
# through the attribute hook EnumType.__getattr__ installs (~0.2 µs a lookup, measured; a module
# global costs ~20 ns), and these run for every string of every call.
R_SQL, R_SHELL, R_PATH, R_URL, R_EMAIL = Role.SQL, Role.SHELL, Role.PATH, Role.URL, Role.EMAIL
R_CONTENT, R_TEXT, R_IDENT, R_KEY, R_UNKNOWN = Role.CONTENT, Role.TEXT, Role.IDENT, Role.KEY, Role.UNKNOWN

class Fragment(NamedTuple):
    """One extracted string (a value or an object key) with its decoded forms.

    `forms[0]` is always the raw string; later entries are distinct normalised or decoded
    variants (NFKC, zero-width stripped, percent/HTML/base64/hex decoded, ...). `flags`
    records which evasions were seen (e.g. "zero_width", "tag_chars", "percent", "base64").
    `name` is the nearest enclosing argument name, lower-cased ("" at top level).

    Immutable (a named tuple, not a frozen dataclass: the engine builds one per string of
    every call, and a tuple is built ~4x faster; fields, keywords, defaults and equality are
    the same). Fragments may be shared between calls, so they must never change.
    """

    path: str
    raw: str
    name: str
    role: Role
    is_key: bool = False
    forms: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()

    @property
    def all_forms(self) -> tuple[str, ...]:
        return self.forms or (self.raw,)


def new_fragment(fields: tuple[str, str, str, Role, bool, tuple[str, ...], frozenset[str]]) -> Fragment:
    """A Fragment from its seven fields in order, without the keyword machinery (the hot path)."""
    return _tuple_new(Fragment, fields)


_tuple_new = tuple.__new__


@dataclass(slots=True)
class ScanContext:
    """Everything a detector may look at for one call or one result.

    Treat it as read-only (detectors never assign to it). Not a frozen dataclass only because
    the engine builds one per call and a frozen one costs ~0.7 µs more to build; it was never
    hashable (`extra` is a dict), and `dataclasses.replace` works as before.
    """

    tool_name: str
    fragments: tuple[Fragment, ...]
    # "call": a tool call's arguments; "result": a tool's output text (indirect injection,
    # leaked secrets/PII); "description": a tool definition from tools/list (tool poisoning).
    mode: Literal["call", "result", "description"] = "call"
    tool_words: frozenset[str] = frozenset()  # tool name split on case/_/-/., lower-cased
    schema: dict[str, Any] | None = None
    annotations: dict[str, Any] | None = None
    total_chars: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def by_role(self, *roles: Role) -> list[Fragment]:
        return [f for f in self.fragments if f.role in roles]


Detector = Callable[[ScanContext], list[Signal]]

"""The contract between extraction and detectors: fragments, argument roles, the scan context."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Callable, Literal

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


@dataclass(frozen=True, slots=True)
class Fragment:
    """One extracted string (a value or an object key) with its decoded forms.

    `forms[0]` is always the raw string; later entries are distinct normalised or decoded
    variants (NFKC, zero-width stripped, percent/HTML/base64/hex decoded, ...). `flags`
    records which evasions were seen (e.g. "zero_width", "tag_chars", "percent", "base64").
    `name` is the nearest enclosing argument name, lower-cased ("" at top level).
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


@dataclass(frozen=True, slots=True)
class ScanContext:
    """Everything a detector may look at for one call or one result."""

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

"""Category of a call (content first, tool name second, operator override last) and annotation risk.

MCP annotations come from the (untrusted) upstream server, so they may only *raise* risk:
a `readOnlyHint` never lowers anything, while `destructiveHint` or `openWorldHint` can add a
signal that pushes a call up one level.
"""

from __future__ import annotations

from functools import lru_cache
from typing import AbstractSet, Any, Iterable

from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

# Which category each argument role points at (the call's content speaks first).
_ROLE_CATEGORY: dict[Role, str] = {
    Role.SQL: "database",
    Role.SHELL: "shell",
    Role.PATH: "file",
    Role.URL: "network",
    Role.EMAIL: "communication",
}
# Order of precedence when several roles are present: the most powerful capability wins.
_ROLE_ORDER = (Role.SHELL, Role.SQL, Role.URL, Role.EMAIL, Role.PATH)
_ROLE_ORDER_CATEGORY = tuple((r, _ROLE_CATEGORY[r]) for r in _ROLE_ORDER)

# Tool-name words -> category (second opinion, used when the content is not decisive).
_WORD_CATEGORY: dict[str, str] = {}
for _cat, _words in {
    "shell": "shell bash sh zsh exec execute run command cmd terminal subprocess powershell process kubectl docker ssh",
    "database": "sql query db database postgres postgresql mysql sqlite mongo mongodb redis table tables select insert",
    "file": "file files fs filesystem dir directory folder path edit move copy ls",
    "network": "http https fetch url web browser request curl api navigate scrape crawl dns webhook download upload",
    "communication": "email mail gmail send message chat slack sms twilio tweet twitter post discord teams notify",
    "code": "git github gitlab repo repository commit pull code python eval compile notebook",
    "search": "search find lookup",
    "finance": "bank payment pay transfer invoice stripe binance trade order wallet",
}.items():
    for _w in _words.split():
        _WORD_CATEGORY.setdefault(_w, _cat)

# Which signal families say something about the category when present (an attack names its target).
_PATTERN_CATEGORY = {
    "sql_injection": "database",
    "nosql_injection": "database",
    "shell_injection": "shell",
    "path_traversal": "file",
    "sensitive_file": "file",
}


def categorize(ctx: ScanContext, signals: Iterable[Signal], override: str | None,
               roles: AbstractSet[Role] | None = None) -> str:
    """The call's category; `override` (operator's tool_categories) wins over everything.

    `roles`: the roles of ctx's fragments, when the caller already has them."""
    if override:
        return override
    if ctx.mode == "result":
        return "result"
    if roles is None:
        roles = {f.role for f in ctx.fragments}
    for role, cat in _ROLE_ORDER_CATEGORY:
        if role in roles:
            return cat
    for s in signals:
        cat = _PATTERN_CATEGORY.get(s.pattern)
        if cat:
            return cat
    return _word_category(ctx.tool_name, ctx.tool_words)


@lru_cache(maxsize=4096)
def _word_category(tool_name: str, words: frozenset[str]) -> str:
    """The category the tool's name suggests, "other" if none (cached: the same tools recur)."""
    for w in _ordered_words(tool_name, words):
        cat = _WORD_CATEGORY.get(w)
        if cat:
            return cat
    return "other"


def _ordered_words(tool_name: str, words: frozenset[str]) -> list[str]:
    # Prefer the words' order in the name: `GmailSendEmail` is communication before anything else.
    low = tool_name.lower()
    return sorted(words, key=lambda w: (low.find(w) if w in low else 1 << 20, w))


def _hint(annotations: dict[str, Any] | None, key: str) -> bool:
    return bool(annotations) and annotations.get(key) is True  # type: ignore[union-attr]


def annotation_signals(ctx: ScanContext, signals: list[Signal]) -> list[Signal]:
    """Extra signals from MCP annotations: they raise risk, never lower it."""
    ann = ctx.annotations
    if not ann or not isinstance(ann, dict):
        return []
    out: list[Signal] = []
    top = max((s.severity for s in signals), default=RiskLevel.LOW)
    if _hint(ann, "destructiveHint") and top == RiskLevel.MEDIUM:
        # A suspicious call to a tool that says it destroys things deserves a human look.
        out.append(
            Signal("annotation", "destructive_hint", "suspicious call to a tool annotated destructiveHint", RiskLevel.HIGH)
        )
    if _hint(ann, "openWorldHint"):
        leaked = [s for s in signals if s.pattern in ("secrets", "pii") and s.severity >= RiskLevel.MEDIUM]
        if leaked:
            kinds = sorted({s.pattern for s in leaked})
            out.append(
                Signal(
                    "data_exfiltration",
                    "open_world_sensitive",
                    f"{' and '.join(kinds)} sent to a tool annotated openWorldHint",
                    max(RiskLevel.HIGH, max(s.severity for s in leaked)),
                    leaked[0].path,
                )
            )
    return out

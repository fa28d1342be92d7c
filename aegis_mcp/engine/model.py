"""The engine's vocabulary: tool calls, signals, decisions and risk levels (frozen, I/O-free)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Literal


class RiskLevel(enum.IntEnum):
    """Ordered risk: comparisons (`>=`) are meaningful."""

    LOW = 0
    MEDIUM = 1
    HIGH = 2
    CRITICAL = 3

    @classmethod
    def parse(cls, name: str) -> RiskLevel:
        return cls[name.strip().upper()]


CallDecision = Literal["allow", "block", "pending"]
ResultDecision = Literal["allow", "flag", "redact", "block"]


@dataclass(frozen=True, slots=True)
class ToolCall:
    """One `tools/call` as the engine sees it.

    `tool_schema` is the tool's JSON input schema and `annotations` its MCP annotations
    (readOnlyHint, destructiveHint, openWorldHint, ...), both from `tools/list` when known.
    `server` and `agent_id` come from the proxy's configuration, never from the model.
    """

    tool_name: str
    arguments: Any
    server: str = ""
    agent_id: str = ""
    tool_schema: dict[str, Any] | None = None
    annotations: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Signal:
    """One finding of a detector.

    `pattern` is the detector family (sql_injection, path_traversal, sensitive_file,
    shell_injection, prompt_injection, data_exfiltration, pii, secrets, evasion, limits),
    `rule` the specific rule inside it (e.g. "tautology"), `path` a JSON Pointer to the
    argument ("" for the whole document, "/body" for a key named body).
    """

    pattern: str
    rule: str
    detail: str
    severity: RiskLevel
    path: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "pattern": self.pattern,
            "rule": self.rule,
            "detail": self.detail,
            "severity": self.severity.name,
            "path": self.path,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """The engine's verdict on a call (allow/block/pending) or a result (allow/flag/redact/block)."""

    decision: str
    risk_level: RiskLevel
    category: str
    signals: tuple[Signal, ...] = ()
    reason: str = ""
    violations: tuple[str, ...] = ()  # names of the policies that were violated
    redacted_text: str | None = None  # results only, when decision == "redact"
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "decision": self.decision,
            "risk_level": self.risk_level.name,
            "category": self.category,
            "signals": [s.to_json() for s in self.signals],
            "reason": self.reason,
            "violations": list(self.violations),
        }
        if self.redacted_text is not None:
            out["redacted_text"] = self.redacted_text
        return out

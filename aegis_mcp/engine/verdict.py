"""Building a Decision from signals: ordering and merging them, the reason line, and the fail-closed block."""

from __future__ import annotations

from typing import Any

from aegis_mcp.engine.model import Decision, RiskLevel, Signal


def engine_error(exc: BaseException, category: str = "unknown") -> Decision:
    """The block every public engine method returns when anything inside it raised (fail closed)."""
    return Decision(
        decision="block",
        risk_level=RiskLevel.CRITICAL,
        category=category,
        signals=(Signal("engine", "engine_error", f"{type(exc).__name__}: {exc}"[:300], RiskLevel.CRITICAL),),
        reason=f"engine_error: {type(exc).__name__}: {exc}"[:300],
    )


def summary(signals: list[Signal], limit: int = 3) -> str:
    """`pattern/rule at path (SEVERITY)` for the first `limit` signals, and how many more."""
    parts = [f"{s.pattern}/{s.rule} at {s.path or '/'} ({s.severity.name})" for s in signals[:limit]]
    if len(signals) > limit:
        parts.append(f"+{len(signals) - limit} more")
    return "; ".join(parts)


def dedupe(signals: list[Signal]) -> list[Signal]:
    """One signal per (pattern, rule, path), the most severe kept; most severe first."""
    if len(signals) < 2:
        return signals  # nothing to merge or order (the common clean call)
    best: dict[tuple[str, str, str], Signal] = {}
    for s in signals:
        key = (s.pattern, s.rule, s.path)
        cur = best.get(key)
        if cur is None or s.severity > cur.severity:
            best[key] = s
    return sorted(best.values(), key=lambda s: -s.severity)


def reason_for(decision: str, signals: list[Signal], violated: list[Any], pending_threshold: RiskLevel) -> str:
    """The reason line of a call's decision: violated policies, then the signals that drove it."""
    if decision == "allow":
        return summary(signals) if signals else ""
    parts = []
    if violated:
        parts.append("violates " + ", ".join(p.name for p in violated))
    strong = [s for s in signals if s.severity >= pending_threshold] or signals
    if strong:
        parts.append(summary(strong))
    return "; ".join(parts)

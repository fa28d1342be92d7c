"""Tool definitions (a tools/list entry) judged for tool poisoning: every string a model reads in one
(description, titles, schema prose, property names) as fragments, then the detectors in description mode.
"""

from __future__ import annotations

from typing import Any

from aegis_mcp.engine.detectors.base import Fragment, Role, ScanContext
from aegis_mcp.engine.extract import scrub_surrogates, tool_words
from aegis_mcp.engine.model import Decision, RiskLevel, Signal
from aegis_mcp.engine.normalize import normalize
from aegis_mcp.engine.policy import PolicySet
from aegis_mcp.engine.results import Runner
from aegis_mcp.engine.verdict import dedupe, summary


def judge_definition(ps: PolicySet, run: Runner, tool: dict[str, Any]) -> Decision:
    """allow / pending / block for one tools/list entry (tool poisoning)."""
    if not isinstance(tool, dict):
        raise TypeError("a tool definition must be an object")
    name = str(tool.get("name", ""))
    fragments, capped = _definition_fragments(tool, ps.limits.max_strings, ps.limits.max_total_chars)
    total = sum(len(f.raw) for f in fragments)
    ctx = ScanContext(
        tool_name=name,
        fragments=tuple(fragments),
        mode="description",
        tool_words=tool_words(name),
        schema=tool.get("inputSchema") if isinstance(tool.get("inputSchema"), dict) else None,
        annotations=tool.get("annotations") if isinstance(tool.get("annotations"), dict) else None,
        total_chars=total,
    )
    found = run(ctx, None, None)
    if capped:
        # A definition too big to read whole is not vouched for (fail closed, like calls).
        sev = ps.block_threshold if ps.on_limits == "block" else ps.pending_threshold
        found.append(Signal("limits", capped, "tool definition exceeds the scan limits", sev))
    signals = dedupe(found)
    top = signals[0].severity if signals else RiskLevel.LOW
    if top >= ps.block_threshold:
        decision = "block"
    elif top >= ps.pending_threshold:
        decision = "pending"
    else:
        decision = "allow"
    reason = summary(signals) if signals else ""
    if ps.audit_only and decision != "allow":
        return Decision("allow", top, "tool_definition", tuple(signals), f"audit_only: would have {decision}: {reason}",
                        extra={"audit_only": True, "would_decision": decision})
    return Decision(decision, top, "tool_definition", tuple(signals), reason)


def _definition_fragments(tool: dict[str, Any], max_strings: int, max_chars: int) -> tuple[list[Fragment], str]:
    """Every string a model reads in a tool definition: description, titles, schema prose, property names.

    Returns the fragments and "" or the name of the cap that cut the walk short ("strings"/"size").
    """
    out: list[Fragment] = []
    budget = [max_chars]
    capped = [""]

    def add(path: str, raw: str, name: str, role: Role, is_key: bool) -> None:
        if len(out) >= max_strings:
            capped[0] = capped[0] or "strings"
            return
        if len(raw) > budget[0]:
            capped[0] = capped[0] or "size"
            raw = raw[: max(budget[0], 0)]
        budget[0] -= len(raw)
        raw = raw if raw.isascii() else scrub_surrogates(raw)
        forms, flags = normalize(raw, role)
        out.append(Fragment(path, raw, name, role, is_key, forms, flags))

    for key in ("description", "title"):
        val = tool.get(key)
        if isinstance(val, str) and val:
            add(f"/{key}", val, key, Role.TEXT, False)
    ann = tool.get("annotations")
    if isinstance(ann, dict) and isinstance(ann.get("title"), str):
        add("/annotations/title", ann["title"], "title", Role.TEXT, False)
    schema = tool.get("inputSchema")
    stack: list[tuple[Any, str]] = [(schema, "/inputSchema")]
    while stack and not capped[0]:
        node, ptr = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                ks = str(k)
                child = f"{ptr}/{ks.replace('~', '~0').replace('/', '~1')}"
                if ptr.endswith("/properties"):
                    add(child, ks, ks.lower(), Role.KEY, True)  # a property name is read by the model too
                if isinstance(v, str):
                    if ks in ("description", "title", "default", "$comment") or ptr.endswith(("/enum", "/examples")):
                        add(child, v, ks.lower(), Role.TEXT, False)
                elif isinstance(v, (dict, list)):
                    stack.append((v, child))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                if isinstance(v, str):
                    add(f"{ptr}/{i}", v, "", Role.TEXT, False)
                elif isinstance(v, (dict, list)):
                    stack.append((v, f"{ptr}/{i}"))
    return out, capped[0]

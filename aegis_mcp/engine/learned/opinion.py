"""The learned scorer as a second opinion beside the result-side injection rules (issue #2).

Two moves, both measured in bench/results/learned.md (leave-one-source-out and first-sight sets):
  - extra finding: no injection finding by the rules, yet the model is very confident (score >= HIGH_T)
    -> a HIGH `prompt_injection` signal, rule `learned` (a flag, never a block on its own);
  - veto: every injection finding is a HIGH one of a request rule (`VETO_RULES`: people asking people
    to act is their false-flag mode) and the model is confident the text is clean (score <= LOW_T)
    -> those findings are kept for the record but lowered to LOW, so they no longer flag.
Switched by the policy knob `results.learned_injection: on|off` ("on" = the extra finding only: the veto
cost 4-7 points of recall on attack styles the model had not seen, bench/results/learned.md), overridden
by the environment when the policy set is built: `AEGIS_MCP_LEARNED=0` (off), `1` (on), or for measuring,
`extra`, `veto`, `both`.
A second opinion, not a guard: any error leaves the rules' signals as they were.
"""

from __future__ import annotations

from aegis_mcp.engine.detectors.base import ScanContext
from aegis_mcp.engine.learned.scorer import MIN_CHARS, score
from aegis_mcp.engine.model import RiskLevel, Signal

HIGH_T = 0.99  # extra finding at or above this score (0.97 cost 0.9 points of clean flags on bench/holdout)
LOW_T = 0.05  # veto at or below this score
VETO_RULES = frozenset({"agent_action_request", "addressed_request", "reaching_request"})
ENV = "AEGIS_MCP_LEARNED"  # (read by aegis_mcp.config, applied by policy.build_policy_set)
MAX_FORMS = 4  # decoded readings scored besides the raw text (a base64 mail body, an escaped JSON string)
_PI = "prompt_injection"
_HIGH, _LOW = RiskLevel.HIGH, RiskLevel.LOW


ON = "extra"  # what "on" does (the measured choice)
_MODES = {"0": "off", "off": "off", "1": ON, "on": ON, "extra": "extra", "veto": "veto", "both": "both"}


def mode(setting: str) -> str:
    """"off" / "extra" / "veto" / "both" for the policy's `learned_injection` ("on" = ON). The environment's
    AEGIS_MCP_LEARNED is applied when the policy set is built (aegis_mcp.config.learned_override)."""
    return _MODES.get(setting, "off")


def enabled(setting: str) -> bool:
    return mode(setting) != "off"


def text_score(text: str, ctx: ScanContext | None) -> float | None:
    """The model's score of a result: the highest over the raw text and up to MAX_FORMS decoded
    readings of its fragments (the rules read those too: a base64 mail body is words only decoded)."""
    best = score(text)
    if ctx is None:
        return best
    extra = 0
    for frag in ctx.fragments:
        forms = frag.forms
        if len(forms) < 2 or not frag.flags:
            continue  # no decoding happened: the raw text already holds these words
        for form in forms[1:]:
            if extra >= MAX_FORMS:
                return best
            if len(form) < MIN_CHARS or form in text:
                continue
            extra += 1
            s = score(form)
            if s is not None and (best is None or s > best):
                best = s
    return best


def second_opinion(signals: list[Signal], text: str, ctx: ScanContext | None = None, how: str = ON) -> list[Signal]:
    """The rules' signals with the model's opinion applied (a new list; the input is not changed).
    `how`: "extra" (a finding where the rules have none), "veto" (weak request findings overruled), "both"."""
    try:
        inj = [s for s in signals if s.pattern == _PI]
        if inj:
            if how == "extra" or not all(s.severity == _HIGH and s.rule in VETO_RULES for s in inj):
                return signals  # a strong or non-request finding (or no veto asked): nothing to add
        elif how == "veto":
            return signals
        s = text_score(text, ctx)
        if s is None:
            return signals
        if not inj:
            if s < HIGH_T:
                return signals
            found = Signal(_PI, "learned", f"indirect prompt injection in a tool result: learned: score {s:.3f}", _HIGH, "")
            return sorted([*signals, found], key=lambda x: -x.severity)
        if s > LOW_T:
            return signals
        note = f" (overruled: learned score {s:.3f} says clean)"
        out = [Signal(x.pattern, x.rule, x.detail + note, _LOW, x.path) if x.pattern == _PI else x for x in signals]
        return sorted(out, key=lambda x: -x.severity)
    except Exception:  # noqa: BLE001 - a second opinion: an error is no opinion
        return signals

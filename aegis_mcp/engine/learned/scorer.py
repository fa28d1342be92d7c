"""The learned injection scorer at run time: the shipped weights loaded once, a text scored in pure Python.

`score(text)` is the probability (0..1) that a text carries instructions aimed at the agent, from a
logistic regression over word uni/bi-grams (`features`). A text is read in segments (lines, quoted
values; `features.segments`) and scored by its most suspicious one, so one planted sentence is not
diluted by pages of clean data.
It is a second opinion: every failure (missing or corrupt weights, odd input) gives None — no opinion —
and never raises.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import Any

from aegis_mcp.engine.learned.features import prepare, segments, tokens, words

MIN_CHARS = 24  # shorter texts cannot carry an instruction worth a second opinion


class Model:
    """Weights + bias of one trained artifact; word-pair weights keyed by (word, word) for C-speed look-ups."""

    __slots__ = ("uni", "bi", "bias", "meta")

    def __init__(self, weights: dict[str, float], bias: float, meta: dict[str, Any]) -> None:
        self.uni: dict[str, float] = {}
        self.bi: dict[tuple[str, str], float] = {}
        for k, v in weights.items():
            a, sep, b = k.partition(" ")
            if sep:
                self.bi[(a, b)] = float(v)
            else:
                self.uni[k] = float(v)
        self.bias = float(bias)
        self.meta = meta

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> "Model":
        w = doc["weights"]
        if not isinstance(w, dict) or not all(isinstance(v, (int, float)) for v in w.values()):
            raise ValueError("weights must map feature -> number")
        return cls({str(k): float(v) for k, v in w.items()}, float(doc["bias"]), dict(doc.get("meta", {})))

    def margin(self, segment: str) -> float:
        """The log-odds of one prepared segment: bias + the weights of its distinct words and word pairs."""
        return self._margin(tokens(segment))

    def _margin(self, toks: list[str]) -> float:
        # map/filter over dict.get keep the loop in C (a 2 KB text is ~350 words); None (absent) is dropped
        return (self.bias + sum(filter(None, map(self.uni.get, set(toks))))
                + sum(filter(None, map(self.bi.get, set(zip(toks, toks[1:]))))))

    def score_text(self, text: str) -> float:
        """Probability of injection: that of the text's most suspicious segment."""
        p = prepare(text)
        w = words(p)  # punctuation blanked once for the whole text; segment spans index it unchanged
        best = max(self._margin(w[a:b].split()) for a, b in segments(p))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, best))))


@lru_cache(maxsize=1)
def default_model() -> Model | None:
    """The shipped artifact, loaded once; None if it is missing or unreadable."""
    try:
        from aegis_mcp.engine.policy import package_text  # (the engine's one reader of shipped data)

        return Model.from_json(json.loads(package_text("aegis_mcp.engine.learned", "weights.json")))
    except Exception:  # noqa: BLE001 - a second opinion: no weights, no opinion
        return None


def score(text: object, model: Model | None = None) -> float | None:
    """Probability that `text` carries an injected instruction, or None (too short, no model, any error)."""
    try:
        if not isinstance(text, str) or len(text) < MIN_CHARS:
            return None
        m = model if model is not None else default_model()
        return None if m is None else m.score_text(text)
    except Exception:  # noqa: BLE001 - never raises: an error is no opinion
        return None

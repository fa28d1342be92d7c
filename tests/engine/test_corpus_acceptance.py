"""Acceptance on the development corpora (../shared/corpora): the whole engine, the issue's thresholds.

Skipped when the corpora are absent (they are evaluation data, not part of the package).
Every threshold is asserted (interception passed 99% in session 5 with one row to spare: a rule
change that loses two attack rows fails here); the per-file numbers are in
bench/results/detection.md (`bench/detection.py`).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"

pytestmark = pytest.mark.skipif(not CORPORA.is_dir() or not any(CORPORA.glob("*.jsonl")),
                                reason="evaluation corpora not present")


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_detection", ROOT / "bench" / "detection.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_detection"] = mod  # dataclasses look their module up while the class is built
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def totals() -> dict[str, Any]:
    bench = _bench()
    from aegis_mcp.engine.engine import Engine

    buckets, _, rows = bench.evaluate(Engine(), sorted(CORPORA.glob("*.jsonl")), None, 0, None)
    assert rows > 1000
    return bench.totals(buckets)  # type: ignore[no-any-return]


def test_attack_interception_at_least_99_percent(totals: dict[str, Any]) -> None:
    assert totals["attack_interception"] >= 0.99, totals


def test_benign_blocked_at_most_0_3_percent(totals: dict[str, Any]) -> None:
    assert totals["all_benign_block"] <= 0.003, totals


def test_benign_pending_at_most_2_percent(totals: dict[str, Any]) -> None:
    assert totals["benign_pending"] <= 0.02, totals


def test_sensitive_shell_rows_are_never_mostly_blocked(totals: dict[str, Any]) -> None:
    assert totals["sensitive_shell_block"] <= 0.003, totals


def test_injected_results_detected_at_least_95_percent(totals: dict[str, Any]) -> None:
    assert totals["results_injected_detected"] >= 0.95, totals


def test_clean_results_flagged_at_most_1_percent(totals: dict[str, Any]) -> None:
    assert totals["results_clean_flagged"] <= 0.01, totals

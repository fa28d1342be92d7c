"""Proof that redaction's fast path (engine/redact.py `FAST_PATH`) changes no ledger preview:
every corpus call row's preview, and every result text's redaction, with the fast path and without
it, compared byte for byte; plus the CPU of each.

    .venv/bin/python bench/dev/preview_equiv.py [--corpora DIR] [--holdout]

Exit 1 if any preview or redaction differs, or if the fast path ever skips a text the full path
redacts. --holdout adds bench/holdout/*.jsonl (the in-tree held-out rows, never the sealed sets).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine import redact as redact_mod  # noqa: E402
from aegis_mcp.proxy.canonical import canonical_bytes  # noqa: E402
from aegis_mcp.proxy.recorder import preview  # noqa: E402


def _rows(paths: list[Path]) -> tuple[list[tuple[str, Any, bytes]], list[str]]:
    calls: list[tuple[str, Any, bytes]] = []
    results: list[str] = []
    for path in paths:
        for line in path.read_bytes().splitlines():
            if not line.strip():
                continue
            row = orjson.loads(line)
            args = row.get("arguments")
            tool = row.get("tool_name")
            if isinstance(tool, str) and args is not None:
                try:
                    calls.append((tool, args, canonical_bytes(args)))
                except Exception:  # noqa: BLE001 - a row the proxy could not hash is not a call it records
                    pass
            text = row.get("result_text")
            if isinstance(text, str):
                results.append(text)
    return calls, results


def _previews(calls: list[tuple[str, Any, bytes]]) -> tuple[list[str], float]:
    t = time.process_time()
    out = [preview(tool, args, encoded=enc) for tool, args, enc in calls]
    return out, time.process_time() - t


def _redactions(texts: list[str]) -> tuple[list[redact_mod.RedactResult], float]:
    t = time.process_time()
    out = [redact_mod.redact(text) for text in texts]
    return out, time.process_time() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", type=Path, default=Path("/work/shared/corpora"))
    ap.add_argument("--holdout", action="store_true")
    args = ap.parse_args()
    paths = sorted(args.corpora.glob("*.jsonl"))
    if args.holdout:
        paths += sorted((ROOT / "bench" / "holdout").glob("*.jsonl"))
    calls, results = _rows(paths)

    def skipped_by_fast_path(text: str) -> bool:  # redact()'s own test, as it runs it
        if not (len(text) <= redact_mod._WINDOW and text.isascii() and "%" not in text):  # noqa: SLF001
            return False
        hits = redact_mod.prefilter_hits(text) if len(text) >= redact_mod.MIN_LEN else []
        return not hits and not redact_mod._MAYBE.test(text)  # noqa: SLF001

    # Whole texts the fast path answers alone (a preview shows only the first 240 characters, so
    # equal previews alone would not prove a secret further on was not skipped).
    texts = [f"{tool} {enc[:16384].decode('utf-8', 'replace')}"[:4096] for tool, _, enc in calls]
    skipped = [t for t in texts + results if skipped_by_fast_path(t)]
    # Both paths in turn, twice (RE2 builds its DFAs lazily: the first pass over first-sight
    # texts pays for states the next pass reuses); the second round's CPU is reported.
    timing: dict[str, list[float]] = {"fast": [0, 0], "full": [0, 0]}
    out: dict[str, Any] = {}
    try:
        for _ in range(2):
            for name, on in (("full", False), ("fast", True)):
                redact_mod.FAST_PATH = on
                prev, ps = _previews(calls)
                red, rs = _redactions(results)
                out[name] = (prev, red)
                timing[name] = [ps, rs]
        redact_mod.FAST_PATH = False
        unsound = [t for t in skipped if redact_mod.redact(t).kinds]
    finally:
        redact_mod.FAST_PATH = True
    fast_prev, fast_red = out["fast"]
    full_prev, full_red = out["full"]
    fast_s, fast_rs = timing["fast"]
    full_s, full_rs = timing["full"]

    differ = [i for i, (a, b) in enumerate(zip(fast_prev, full_prev)) if a != b]
    rdiffer = [i for i, (a, b) in enumerate(zip(fast_red, full_red)) if a != b]
    redacted = sum(1 for p in full_prev if "[REDACTED:" in p)
    print(f"{len(calls)} call rows from {len(paths)} files: previews differ {len(differ)}; "
          f"{redacted} previews hold a redaction; the fast path answers {len(skipped)} of "
          f"{len(texts) + len(results)} texts (previews and results) alone, wrongly {len(unsound)}")
    print(f"{len(results)} result texts: redactions differ {len(rdiffer)}")
    print(f"CPU per preview: fast path on {1e6 * fast_s / max(1, len(calls)):.1f} µs, "
          f"off {1e6 * full_s / max(1, len(calls)):.1f} µs; per result redaction on "
          f"{1e6 * fast_rs / max(1, len(results)):.1f} µs, off {1e6 * full_rs / max(1, len(results)):.1f} µs")
    for i in differ[:5]:
        print(f"  preview differs: {calls[i][0]} {calls[i][2][:120]!r}\n    fast {fast_prev[i][:160]!r}\n    full {full_prev[i][:160]!r}")
    for t in unsound[:5]:
        print(f"  skipped but redacted by the full path: {t[:160]!r}")
    for i in rdiffer[:5]:
        print(f"  redaction differs: result text {results[i][:120]!r}")
    return 1 if differ or rdiffer or unsound else 0


if __name__ == "__main__":
    sys.exit(main())

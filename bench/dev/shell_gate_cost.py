"""CPU cost of the detector gates' RE2 pass, per detector and combined, over corpus call texts (first sight and again).

    .venv/bin/python bench/dev/shell_gate_cost.py [--limit 2000] [--files benign_urls,benign_shell]

Each detector's GATE patterns are compiled into their own PatternSet, and all of them into one
(what engine/gates.py matches), then run over the texts the engine would build for each call
(every form of every fragment, newline-joined): a first pass (the DFA's states are built as
texts arrive) and a second pass over the same texts. Prints µs of thread CPU per text.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine.engine import DETECTOR_NAMES  # noqa: E402
from aegis_mcp.engine.extract import extract  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402
from aegis_mcp.engine.regex import PatternSet  # noqa: E402

DEFAULT_FILES = "benign_urls,benign_texts_args,attacks_secrets_pii,benign_file_paths,benign_shell_commands"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--files", default=DEFAULT_FILES)
    ap.add_argument("--limit", type=int, default=2000, help="rows per file")
    args = ap.parse_args()
    gates = {n: importlib.import_module(f"aegis_mcp.engine.detectors.{n}") for n in DETECTOR_NAMES}
    named = {n: [(n, p) for p in m.GATE.patterns] for n, m in gates.items() if getattr(m, "GATE", None) is not None}
    for n, pats in named.items():
        print(f"{n}: {len(pats)} patterns, {sum(len(p) for _, p in pats)} characters")
    texts = []
    for name in args.files.split(","):
        with (Path(args.corpora) / f"{name}.jsonl").open("rb") as fh:
            for i, line in enumerate(fh):
                if i >= args.limit:
                    break
                row = orjson.loads(line)
                if "result_text" not in row:
                    ctx = extract(ToolCall(row["tool_name"], row.get("arguments", {})))
                    texts.append("\n".join(f for fr in ctx.fragments for f in fr.all_forms))
    print(f"{len(texts)} call texts")
    clock = time.thread_time_ns
    runs = [(n + " only", [n]) for n in named] + [("all but shell", [n for n in named if n != "shell"]), ("all", list(named))]
    for label, sel in runs:
        ps = PatternSet([x for n in sel for x in named[n]])
        t0 = clock()
        for tx in texts:
            ps.matches(tx)
        t1 = clock()
        for tx in texts:
            ps.matches(tx)
        t2 = clock()
        print(f"{label:15s} first pass {(t1 - t0) / len(texts) / 1e3:7.1f} µs/text, again {(t2 - t1) / len(texts) / 1e3:7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

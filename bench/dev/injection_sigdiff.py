"""Call-mode injection signals of two source trees, compared row by row (refactors must not change them).

    .venv/bin/python bench/dev/injection_sigdiff.py --dump /tmp/a.jsonl --root /tmp/old_tree
    .venv/bin/python bench/dev/injection_sigdiff.py --dump /tmp/b.jsonl
    .venv/bin/python bench/dev/injection_sigdiff.py --diff /tmp/a.jsonl /tmp/b.jsonl
    (--results: the same over tool results, result mode)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

CORPORA = Path("/work/shared/corpora")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--diff", nargs=2, type=Path)
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--results", action="store_true", help="tool results (result mode) instead of calls")
    a = ap.parse_args()
    if a.diff:
        x = [json.loads(line) for line in open(a.diff[0], encoding="utf-8")]
        y = [json.loads(line) for line in open(a.diff[1], encoding="utf-8")]
        bad = [(p, q) for p, q in zip(x, y) if p != q]
        for p, q in bad[: a.show]:
            print("-", p, "\n+", q)
        print(f"{len(x)} rows, {len(bad)} differ")
        return 1 if bad else 0
    sys.path.insert(0, str(a.root))
    from aegis_mcp.engine.detectors import injection
    from aegis_mcp.engine.extract import extract, extract_text
    from aegis_mcp.engine.model import ToolCall

    with open(a.dump, "w", encoding="utf-8") as out:
        for path in sorted(CORPORA.glob("*.jsonl")):
            if path.name.startswith("results_") != a.results:
                continue
            for line in open(path, encoding="utf-8"):
                row = json.loads(line)
                if a.results:
                    sigs = injection.detect(extract_text(row["result_text"], row["tool_name"], mode="result"))
                else:
                    sigs = injection.detect(extract(ToolCall(row["tool_name"], row["arguments"])))
                out.write(json.dumps([row["id"], row["label"], sorted([s.rule, int(s.severity), s.path, s.detail] for s in sigs)]) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

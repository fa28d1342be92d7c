"""List the attack rows the whole engine allows, for the sql / path / sensitive-file families.

    .venv/bin/python bench/dev/sqlpath_misses.py [--category sql_injection] [--full]

Prints id, category, tool, arguments (truncated unless --full) and the signals it did get;
the last line counts misses per category. "Allowed" = Engine(memo=False).check() said allow.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402

FAMILIES = ("sql_injection", "path_traversal", "sensitive_file_read", "lfi_wrapper")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "attacks_web_injection.jsonl"))
    ap.add_argument("--category", default="")
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--benign", default="", help="instead: comma-separated benign corpus files; list rows not allowed")
    args = ap.parse_args()
    eng = Engine(memo=False)
    if args.benign:
        return benign(eng, args.benign.split(","), args.full)
    counts: collections.Counter[str] = collections.Counter()
    for line in Path(args.corpus).open("rb"):
        row = orjson.loads(line)
        cat = row.get("category", "")
        if row.get("label") != "attack" or cat not in FAMILIES or row.get("context_dependent"):
            continue
        if args.category and cat != args.category:
            continue
        d = eng.check(ToolCall(row["tool_name"], row.get("arguments", {})))
        if d.decision != "allow":
            continue
        counts[cat] += 1
        a = orjson.dumps(row["arguments"]).decode()
        if not args.full:
            a = a[:300]
        sigs = ", ".join(f"{s.pattern}/{s.rule}:{s.severity.name}" for s in d.signals)
        print(f"{row['id']}\t{cat}\t{row['tool_name']}\t{a}\t[{sigs}]")
    print("misses:", dict(counts))
    return 0


def benign(eng: Engine, names: list[str], full: bool) -> int:
    """Benign rows the engine does not allow (blocked / pending), per file."""
    root = ROOT.parent / "shared" / "corpora"
    for name in names:
        counts: collections.Counter[str] = collections.Counter()
        for line in (root / name).open("rb"):
            row = orjson.loads(line)
            d = eng.check(ToolCall(row["tool_name"], row.get("arguments", {})))
            counts["rows"] += 1
            if d.decision == "allow":
                continue
            counts[d.decision] += 1
            a = orjson.dumps(row["arguments"]).decode()
            sigs = ", ".join(f"{s.pattern}/{s.rule}:{s.severity.name}" for s in d.signals)
            print(f"{row['id']}\t{d.decision}\t{row['tool_name']}\t{a if full else a[:200]}\t[{sigs}]")
        print(name, dict(counts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

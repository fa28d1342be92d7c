"""Every corpus row's decision as a fingerprint, written once and compared later: a refactor must not move one.

    .venv/bin/python bench/dev/decision_fingerprint.py --write /tmp/fp_before.jsonl
    .venv/bin/python bench/dev/decision_fingerprint.py --compare /tmp/fp_before.jsonl   # exit 1 on any difference
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "dev"))

from gate_diff import fingerprint  # noqa: E402

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402


def rows(corpora: Path):  # type: ignore[no-untyped-def]
    for path in sorted(corpora.glob("*.jsonl")):
        with path.open("rb") as fh:
            for i, line in enumerate(fh):
                yield f"{path.name}:{i + 1}", orjson.loads(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", metavar="FILE")
    group.add_argument("--compare", metavar="FILE")
    args = ap.parse_args()
    engine = Engine(memo=False)
    out: dict[str, list] = {}  # type: ignore[type-arg]
    for where, row in rows(Path(args.corpora)):
        call = ToolCall(row["tool_name"], row.get("arguments", {}))
        d = engine.check_result(call, row["result_text"]) if "result_text" in row else engine.check(call)
        out[where] = [*fingerprint(d)[:3], [list(s) for s in fingerprint(d)[3]], d.reason, d.redacted_text]
    if args.write:
        Path(args.write).write_bytes(b"\n".join(orjson.dumps([k, v]) for k, v in out.items()))
        print(f"{len(out)} rows written to {args.write}")
        return 0
    before = dict(orjson.loads(line) for line in Path(args.compare).read_bytes().splitlines())
    now = {k: orjson.loads(orjson.dumps(v)) for k, v in out.items()}
    diffs = [k for k in before if before[k] != now.get(k)]
    for k in diffs[:10]:
        print(f"DIFF {k}\n  before: {before[k]}\n  now:    {now.get(k)}", file=sys.stderr)
    print(f"{len(before)} rows, {len(diffs)} differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())

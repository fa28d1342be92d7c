"""Summarise two decision fingerprints (bench/dev/decision_fingerprint.py --write) by file, decision move and rules.

    .venv/bin/python bench/dev/rewrap_fpdiff.py /tmp/fp_before.jsonl /tmp/fp_after.jsonl [--show N]
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

import orjson


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--show", type=int, default=2, help="examples per group")
    args = ap.parse_args()
    a = dict(orjson.loads(x) for x in Path(args.before).read_bytes().splitlines())
    b = dict(orjson.loads(x) for x in Path(args.after).read_bytes().splitlines())
    groups: dict[tuple[str, ...], list[str]] = collections.defaultdict(list)
    for k, v in a.items():
        w = b.get(k)
        if v == w or w is None:
            continue
        rules = lambda fp: ",".join(sorted({f"{s[0]}/{s[1]}" for s in fp[3]}))  # noqa: E731
        what = "decision" if v[0] != w[0] else "category" if v[2] != w[2] else "signals" if v[3] != w[3] else "other"
        groups[(k.split(":")[0], what, f"{v[0]}->{w[0]}", rules(v), rules(w))].append(k)
    total = 0
    for key, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        total += len(rows)
        print(len(rows), " | ".join(key), " e.g.", ", ".join(r.split(":")[1] for r in rows[: args.show]))
    print(f"{total} rows differ")
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())

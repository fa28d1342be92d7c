"""Do two trees' secrets/pii/exfil detectors give the same signals on every corpus row? (refactor check)

Runs in a child process per tree (`--root DIR` puts DIR first on sys.path), writes one line per
row -- the three detectors' signals, sorted -- and reports the rows that differ.

    .venv/bin/python bench/dev/secrets_equiv.py --root /tmp/before --root . [--limit N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"


def _child(limit: int | None) -> None:
    from aegis_mcp.engine.detectors import exfil, pii, secrets
    from aegis_mcp.engine.extract import extract, extract_text
    from aegis_mcp.engine.model import ToolCall

    for path in sorted(CORPORA.glob("*.jsonl")):
        with path.open() as fh:
            for i, line in enumerate(fh):
                if limit is not None and i >= limit:
                    break
                r = json.loads(line)
                if "result_text" in r:
                    ctx = extract_text(r["result_text"], r["tool_name"], mode="result")
                else:
                    ctx = extract(ToolCall(r["tool_name"], r.get("arguments", {})))
                sigs = sorted((s.pattern, s.rule, int(s.severity), s.path, s.detail)
                              for d in (secrets.detect, pii.detect, exfil.detect) for s in d(ctx))
                print(json.dumps([path.name, i, sigs]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", action="append", required=True)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--child", action="store_true")
    args = ap.parse_args()
    if args.child:
        sys.path.insert(0, args.root[0])
        _child(args.limit)
        return 0
    outs = []
    for root in args.root:
        cmd = [sys.executable, __file__, "--child", "--root", str(Path(root).resolve())]
        if args.limit is not None:
            cmd += ["--limit", str(args.limit)]
        outs.append(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines())
    a, b = outs[0], outs[1]
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    print(f"{len(a)} rows, {len(diff)} differ")
    for x, y in diff[:10]:
        print("  A", x[:400])
        print("  B", y[:400])
    return 1 if diff or len(a) != len(b) else 0


if __name__ == "__main__":
    sys.exit(main())

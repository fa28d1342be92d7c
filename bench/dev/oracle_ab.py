"""First-sight CPU of the working tree with the hyperscan oracle on and off (AEGIS_MCP_HS_ORACLE), interleaved.

    .venv/bin/python bench/dev/oracle_ab.py [--limit 500] [--rounds 3] [--files a,b]

The same child as first_sight_ab.py (a fresh engine per process, every row once, memo off); each
round runs oracle-on then oracle-off in fresh processes; per file the minimum over rounds of the
thread-CPU sum and of the p50, and their ratio. The oracle's database must be cached first
(`.venv/bin/python -m aegis_mcp.engine.prefilter_hs`), as after scripts/setup.sh.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from first_sight_ab import _CHILD  # noqa: E402


def run(on: bool, args: argparse.Namespace) -> dict[str, list[float]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0", "AEGIS_MCP_HS_ORACLE": "1" if on else "0"}
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(args.corpora), args.files, str(args.limit)],
                          capture_output=True, text=True, env=env, check=True, cwd=str(ROOT))
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--files", default="")
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    res: dict[bool, dict[str, list[list[float]]]] = {True: {}, False: {}}
    for _ in range(args.rounds):
        for on in (True, False):
            for name, v in run(on, args).items():
                res[on].setdefault(name, []).append(v)
    on_, off = res[True], res[False]
    print(f"{'file':40s} {'n':>5s} {'on ms':>8s} {'off ms':>8s} {'ratio':>6s} {'on p50':>8s} {'off p50':>8s}")
    tn = to = 0.0
    for name in sorted(on_):
        n_ms, o_ms = min(v[0] for v in on_[name]), min(v[0] for v in off[name])
        n_p, o_p = min(v[1] for v in on_[name]), min(v[1] for v in off[name])
        tn, to = tn + n_ms, to + o_ms
        print(f"{name:40s} {int(on_[name][0][2]):5d} {n_ms:8.1f} {o_ms:8.1f} {n_ms / o_ms:6.2f} {n_p:8.1f} {o_p:8.1f}")
    print(f"{'total':40s} {'':5s} {tn:8.1f} {to:8.1f} {tn / to:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

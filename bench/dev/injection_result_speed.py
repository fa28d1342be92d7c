"""CPU cost of judging tool results: the injection detector alone and `Engine.check_result`, old tree vs this one.

    .venv/bin/python bench/dev/injection_result_speed.py                    # this tree only
    .venv/bin/python bench/dev/injection_result_speed.py --base /tmp/head   # also a baseline checkout, interleaved

Each tree is loaded in its own subprocess (module names clash), and the two are run alternately,
`--rounds` times, keeping each row's best round: process time, so load from other work matters less.
Rows: fixed shapes (a short echo, a tiny JSON answer, a status line, a 200-character JSON answer, a 466- and a 935-character file,
a 10 KB and a 100 KB prose text, 100 KB of code and of JSON) and a fixed sample of the corpora's
tool results. The engine's result memo is bypassed (`_check_result`), so every call does the work.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

CORPORA = Path("/work/shared/corpora")
HERE = Path(__file__).resolve()


def _prose() -> str:
    base = ""
    for p in ("/usr/share/common-licenses/GPL-3", "/usr/share/common-licenses/Apache-2.0", "/usr/share/common-licenses/GFDL-1.3"):
        try:
            base += Path(p).read_text(encoding="utf-8") + "\n"
        except OSError:
            pass
    if not base:
        base = ("The settled amount may differ from the estimate shown on the order page. Contact support if it "
                "does not arrive within five business days, and keep the receipt for your records.\n") * 50
    return base


def shapes() -> dict[str, str]:
    prose = _prose()
    code = Path(json.__file__).read_text(encoding="utf-8") + Path(random.__file__).read_text(encoding="utf-8")
    big_json = json.dumps([{"id": i, "name": f"item {i}", "price": i * 1.5, "tags": ["a", "b"], "note": "in stock"}
                           for i in range(1200)])
    return {
        "echo": "Echo: hello",
        "json_tiny": json.dumps({"temp": 21}),
        "status": "Saved 3 files to /srv/out (1.2 MB).",
        "json200": json.dumps({"temperature": 21.5, "unit": "C", "city": "Lisbon", "conditions": "partly cloudy",
                               "humidity": 0.61, "wind": {"speed": 14, "dir": "NW"}, "updated": "2026-11-21T14:00:00Z"}),
        "file466": prose[2000:2466],
        "file935": prose[4000:4935],
        "prose10k": prose[:10_000],
        "prose100k": (prose * 4)[:100_000],
        "code100k": (code * 3)[:100_000],
        "json100k": big_json[:100_000],
    }


def corpus_results(n: int) -> list[str]:
    rnd = random.Random(7)
    rows: list[str] = []
    for name in ("results_bipia.jsonl", "results_injecagent.jsonl", "results_benign_docs.jsonl"):
        rs = [json.loads(line)["result_text"] for line in open(CORPORA / name, encoding="utf-8")]
        rows += rs if len(rs) <= n else rnd.sample(rs, n)
    return rows


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def worker(root: str, n: int) -> None:
    """Time each row once in tree `root`; print JSON {row: [us, ...]} on stdout."""
    sys.path.insert(0, root)
    from aegis_mcp.engine.detectors import injection
    from aegis_mcp.engine.engine import Engine
    from aegis_mcp.engine.extract import extract_text
    from aegis_mcp.engine.model import ToolCall

    eng = Engine()
    call = ToolCall("read_text_file", {"path": "/srv/docs/file.txt"})
    out: dict[str, list[float]] = {}
    rows = [(k, v) for k, v in shapes().items()] + [(f"corpus#{i}", t) for i, t in enumerate(corpus_results(n))]
    for k, text in rows:
        ctx = extract_text(text, "read_text_file", mode="result")
        reps = 20 if len(text) < 2000 else 3
        det, full = [], []
        for _ in range(reps):
            t0 = time.process_time_ns()
            injection.detect(ctx)
            det.append((time.process_time_ns() - t0) / 1000)
            t0 = time.process_time_ns()
            eng._check_result(call, text)
            full.append((time.process_time_ns() - t0) / 1000)
        out[k] = [min(det), min(full)]
    print(json.dumps(out))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(HERE.parents[2]))
    ap.add_argument("--base", default=None, help="a baseline checkout to compare against")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--n", type=int, default=300, help="results sampled per corpus file")
    ap.add_argument("--worker", action="store_true")
    a = ap.parse_args()
    if a.worker:
        worker(a.root, a.n)
        return 0
    trees = [("base", a.base)] if a.base else []
    trees.append(("new", a.root))
    best: dict[str, dict[str, list[float]]] = {}
    for _ in range(a.rounds):
        for name, root in trees:
            res = subprocess.run([sys.executable, str(HERE), "--worker", "--root", root, "--n", str(a.n)],
                                 capture_output=True, text=True, check=True, cwd=root)
            got = json.loads(res.stdout)
            cur = best.setdefault(name, got)
            for k, v in got.items():
                cur[k] = [min(x, y) for x, y in zip(cur[k], v)]
    keys = list(best["new"])
    print(f"{'row':12} " + "  ".join(f"{t+' '+w:>18}" for t, _ in trees for w in ("detector us", "check_result us")))
    for k in keys:
        if k.startswith("corpus#"):
            continue
        print(f"{k:12} " + "  ".join(f"{best[t][k][j]:18.1f}" for t, _ in trees for j in (0, 1)))
    ck = [k for k in keys if k.startswith("corpus#")]
    for j, what in ((0, "detector"), (1, "check_result")):
        for t, _ in trees:
            xs = [best[t][k][j] for k in ck]
            print(f"corpus results n={len(xs)} {what:12} {t:4}: p50 {pct(xs, .5):8.1f}us  p95 {pct(xs, .95):8.1f}us  "
                  f"p99 {pct(xs, .99):8.1f}us  max {max(xs):9.1f}us  total {sum(xs) / 1e6:6.3f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The proxy's fixed cost: CPU µs of Engine.check / check_result on tiny calls, first sight (memo-free).

    PYTHONPATH=<tree> .venv/bin/python bench/dev/tiny_calls.py [--batches 7] [--n 2000]

Each template's value varies per call ({} = a counter), so every call is new to the engine; the
figure is the minimum over batches of the batch's mean CPU time (time.process_time): the least
disturbed batch on a shared machine. Run two trees one after the other, twice, to compare.
"""

from __future__ import annotations

import argparse
import time

from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall

TEMPLATES = [
    ("echo", "message", "hello world {}"),
    ("get_weather", "city", "weather in paris {}"),
    ("echo", "message", "{}"),
    ("read_file", "path", "report-{}.txt"),
    ("run_command", "command", "ls -la /tmp/build-{}"),
    ("search", "query", "best pizza near station {}"),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batches", type=int, default=7)
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()
    e = Engine(memo=False)
    counter = 0
    for tool, key, tmpl in TEMPLATES:
        for i in range(500):  # warm: the tool's shape, plans, memos of its keys
            e.check(ToolCall(tool, {key: tmpl.format(i)}, server="x"))
        best_c = best_r = float("inf")
        for _ in range(args.batches):
            calls = []
            for _ in range(args.n):
                counter += 1
                calls.append(ToolCall(tool, {key: tmpl.format(10_000 + counter)}, server="x"))
            t = time.process_time()
            for c in calls:
                e.check(c)
            best_c = min(best_c, (time.process_time() - t) / args.n * 1e6)
            t = time.process_time()
            for c in calls:
                e.check_result(c, "Result: " + c.arguments[key])
            best_r = min(best_r, (time.process_time() - t) / args.n * 1e6)
        print(f"{tool:12s} {tmpl:28s} check {best_c:6.1f}  check_result {best_r:6.1f}")


if __name__ == "__main__":
    main()

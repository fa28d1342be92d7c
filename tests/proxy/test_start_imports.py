"""The path to the first relayed message stays light: the relay's imports pull in no detector.

Issue #4 wants the first message relayed within 0.5 s of start. The engine (its compiled patterns,
~0.35 s of imports) loads on a worker thread after the relay is running; one module-level import of
a redaction helper from the relay's side once put all of it back on the critical path (93 -> 352 ms).
Asserted on the import graph, not on time (timings belong in bench/proxy_bench.py).
"""

from __future__ import annotations

import json
import subprocess
import sys


def test_the_relay_starts_without_importing_the_engines_detectors() -> None:
    code = ("import sys, json\nimport aegis_mcp.proxy.app, aegis_mcp.proxy.relay, aegis_mcp.commands.proxy\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('aegis_mcp.engine'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    loaded = json.loads(out.stdout)
    detectors = [m for m in loaded if m.startswith("aegis_mcp.engine.detectors")]
    assert detectors == [], f"imported at start, before the first message can be relayed: {detectors}"

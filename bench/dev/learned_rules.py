"""The rules' verdict on every learned-scorer row (cached): what the learned scorer is compared and combined with.

    PYTHONPATH=. .venv/bin/python bench/dev/learned_rules.py     # writes /tmp/learned_rules_cache.json

For each result text: decision (allow / flag / block / ...) and its signals (pattern, rule, severity).
The engine runs with the learned scorer OFF (AEGIS_MCP_LEARNED=0), so this is the rules alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))
os.environ["AEGIS_MCP_LEARNED"] = "0"

from learned_data import load_rows  # noqa: E402

CACHE = Path(os.environ.get("LEARNED_RULES_CACHE", "/tmp/learned_rules_cache.json"))
HOLDOUT = HERE.parent / "holdout" / "results.jsonl"  # the in-tree held-out results: evaluation only, never training


def key(text: str, tool: str) -> str:
    return hashlib.sha1((tool + "\0" + text).encode("utf-8", "surrogatepass")).hexdigest()


def holdout_rows() -> list[tuple[str, int, str, str]]:
    out = []
    with open(HOLDOUT, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            out.append((r["result_text"], 1 if r["label"] == "attack" else 0, str(r.get("category", "")), r["tool_name"]))
    return out


def load() -> dict[str, Any]:
    return json.loads(CACHE.read_text()) if CACHE.exists() else {}


def main() -> int:
    from aegis_mcp.engine.engine import Engine
    from aegis_mcp.engine.model import ToolCall

    cache = load()
    eng = Engine()
    texts = [(r.text, r.tool) for r in load_rows()] + [(t, tool) for t, _, _, tool in holdout_rows()]
    n = 0
    for t, tool in texts:
        k = key(t, tool)
        if k in cache:
            continue
        d = eng.check_result(ToolCall(tool, {}), t)
        cache[k] = {"decision": d.decision,
                    "signals": [[s.pattern, s.rule, s.severity.name] for s in d.signals]}
        n += 1
    CACHE.write_text(json.dumps(cache))
    print(f"{n} new, {len(cache)} cached -> {CACHE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The rules at first sight: an older tree's engine on our sets written after it (issue #2, learned scorer).

Our own sets were tuned on once scored, so today's rules on them are fit. The engine of the tree each
set was first scored against has never seen it: its verdicts are the honest baseline a second opinion
must improve on. Runs each old tree in a subprocess (PYTHONPATH=that tree) and caches verdicts:

    git archive a3ab90a | tar -x -C /tmp/qr9_fs_a3ab90a     # (likewise 1d9b0a9, 1acf720)
    PYTHONPATH=. .venv/bin/python bench/dev/learned_firstsight.py     # -> /tmp/learned_firstsight.json

Trees: a3ab90a (session 6's start: sets H, Q, R), 1d9b0a9 (session 7's start: set I), 1acf720
(session 8's start: sets S-X).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TREES = {"a3ab90a": ("h", "q", "r"), "1d9b0a9": ("i",), "1acf720": ("s", "t", "u", "v", "w", "x")}
CACHE = Path(os.environ.get("LEARNED_FIRSTSIGHT_CACHE", "/tmp/learned_firstsight.json"))


def _child(sets: list[str]) -> None:
    from aegis_mcp.engine.engine import Engine  # the old tree's (first on PYTHONPATH), imported before any set
    from aegis_mcp.engine.model import ToolCall
    import aegis_mcp

    sys.path.append(str(HERE))
    from learned_data import own_result_rows

    eng = Engine()
    out = {}
    seen: dict[str, int] = {}
    for r in own_result_rows(sets):
        d = eng.check_result(ToolCall(r.tool, {}), r.text)
        i = seen[r.subset] = seen.get(r.subset, -1) + 1
        # keyed by the row's place in its set: a few sets' texts vary between processes (set order in helpers)
        out[f"{r.subset}#{i}"] = {"decision": d.decision, "signals": [[s.pattern, s.rule, s.severity.name] for s in d.signals],
                                    "subset": r.subset, "label": r.label}
    print(json.dumps({"engine": aegis_mcp.__file__, "verdicts": out}))


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2].split(","))
        return 0
    cache = {}
    for tree, sets in TREES.items():
        root = Path(f"/tmp/qr9_fs_{tree}")
        env = dict(os.environ, PYTHONPATH=str(root), AEGIS_MCP_LEARNED="0")
        p = subprocess.run([sys.executable, __file__, "--child", ",".join(sets)], env=env, capture_output=True, text=True, check=True)
        got = json.loads(p.stdout.strip().splitlines()[-1])
        assert got["engine"].startswith(str(root)), got["engine"]
        cache.update(got["verdicts"])
        for s in sets:
            v = [x for x in got["verdicts"].values() if x["subset"] == f"ours:{s}"]
            inj = [x for x in v if x["label"]]
            cl = [x for x in v if not x["label"]]
            det = sum(x["decision"] != "allow" for x in inj)
            fl = sum(x["decision"] != "allow" for x in cl)
            print(f"{tree} set {s}: detected {det}/{len(inj)} ({det / len(inj):.1%}), clean flagged {fl}/{len(cl)} ({fl / len(cl):.1%})")
    CACHE.write_text(json.dumps(cache))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

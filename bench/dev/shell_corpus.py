"""Dev snapshot/diff of whole-engine decisions per corpus row, to see exactly which rows a change moves.

    .venv/bin/python bench/dev/shell_corpus.py snap /tmp/before.json [--files web,shell]
    .venv/bin/python bench/dev/shell_corpus.py diff /tmp/before.json /tmp/after.json
    .venv/bin/python bench/dev/shell_corpus.py patterns /tmp/after.json nosql_injection   # benign rows with a pattern
Call rows only (tool results are not ours). Rows are keyed by id; the snapshot keeps decision and top signals.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import orjson

from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall

CORPORA = Path("/work/shared/corpora")


def snap(out: str, files: str) -> None:
    eng = Engine()
    wanted = [f for f in files.split(",") if f] if files else []
    rows: dict[str, dict] = {}
    for path in sorted(CORPORA.glob("*.jsonl")):
        if path.name.startswith("results_") or (wanted and not any(w in path.name for w in wanted)):
            continue
        with path.open("rb") as fh:
            for line in fh:
                row = orjson.loads(line)
                d = eng.check(ToolCall(tool_name=row["tool_name"], arguments=row["arguments"]))
                rows[row["id"]] = {
                    "file": path.name, "label": row["label"], "category": row["category"],
                    "sensitivity": row.get("sensitivity", ""), "cd": bool(row.get("context_dependent")),
                    "decision": d.decision,
                    "signals": [f"{s.pattern}/{s.rule}:{s.severity.name}" for s in d.signals[:4]],
                    "args": json.dumps(row["arguments"])[:200],
                }
    Path(out).write_text(json.dumps(rows))
    print(f"{len(rows)} rows -> {out}")


def diff(a: str, b: str) -> None:
    before, after = json.loads(Path(a).read_text()), json.loads(Path(b).read_text())
    better = worse = 0
    for rid, new in after.items():
        old = before.get(rid)
        if old is None or old["decision"] == new["decision"]:
            continue
        rank = {"allow": 0, "pending": 1, "block": 2}
        up = rank[new["decision"]] > rank[old["decision"]]
        good = up if new["label"] == "attack" else not up
        better += good
        worse += not good
        print(f"{'+' if good else '-'} {rid} {new['category']} {new['sensitivity']} {old['decision']}->{new['decision']} {new['signals'][:2]} {new['args'][:140]}")
    print(f"better {better}, worse {worse}")


def patterns(a: str, pattern: str) -> None:
    rows = json.loads(Path(a).read_text())
    for rid, r in rows.items():
        if r["label"] == "benign" and any(s.startswith(pattern) for s in r["signals"]):
            print(rid, r["decision"], r["signals"][:3], r["args"][:160])


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "snap":
        snap(sys.argv[2], sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--files" else "")
    elif cmd == "diff":
        diff(sys.argv[2], sys.argv[3])
    else:
        patterns(sys.argv[2], sys.argv[3])

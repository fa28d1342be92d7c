"""Our fresh result sets with the learned second opinion off / extra / both, side by side (issue #2).

    PYTHONPATH=. .venv/bin/python bench/dev/learned_fresh.py

detected / flagged = decision != "allow", as in injection_results_fresh.py. Sets E-I and Q-X (never the
measurement-only J / K). The model was trained on these sets: a rise here is fit, a fall is a regression.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))
os.environ.pop("AEGIS_MCP_LEARNED", None)  # the policy decides here

from learned_data import own_result_rows  # noqa: E402

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402
from aegis_mcp.engine.policy import build_policy_set  # noqa: E402

SETS = tuple("efghi") + tuple("qrstuvwx")


def engine(mode: str) -> Engine:
    if mode in ("extra", "both"):
        os.environ["AEGIS_MCP_LEARNED"] = mode
    return Engine(build_policy_set({"settings": {"results": {"learned_injection": "off" if mode == "off" else "on"}}}))


def main() -> int:
    rows = own_result_rows(SETS)
    modes = ("off", "extra", "both")
    out: dict[str, dict[str, list[int]]] = {}
    for mode in modes:
        os.environ.pop("AEGIS_MCP_LEARNED", None)
        eng = engine(mode)
        for r in rows:
            d = eng.check_result(ToolCall(r.tool, {}), r.text)
            cell = out.setdefault(r.subset, {}).setdefault(mode, [0, 0, 0, 0])  # inj, det, clean, flagged
            cell[0 if r.label else 2] += 1
            cell[1 if r.label else 3] += d.decision != "allow"
    os.environ.pop("AEGIS_MCP_LEARNED", None)
    print("| set | " + " | ".join(f"{m}: det / clean flagged" for m in modes) + " |")
    print("|---|" + "---:|" * len(modes))
    for sub, cells in out.items():
        print(f"| {sub[5:]} | " + " | ".join(f"{c[1]}/{c[0]} / {c[3]}/{c[2]}" for c in (cells[m] for m in modes)) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

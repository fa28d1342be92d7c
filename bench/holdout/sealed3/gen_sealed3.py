"""Generate the sealed3 held-out set (fixed seed): sealed3_calls.jsonl and sealed3_results.jsonl next to this file.

    .venv/bin/python bench/holdout/sealed3/gen_sealed3.py
    .venv/bin/python bench/holdout_eval.py --dir bench/holdout/sealed3 --max-list 0
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the helper modules live beside this script, not in a package
sys.dont_write_bytecode = True  # no __pycache__ inside the sealed directory
sys.path.insert(1, str(HERE.parent))  # gen_common: helpers shared by the held-out generators

from _attacks_a import all_a as attacks_a  # noqa: E402
from _attacks_b import all_b as attacks_b  # noqa: E402
from _benign_a import all_a as benign_a  # noqa: E402
from _benign_b import all_b as benign_b  # noqa: E402
from _benign_c import all_c as benign_c  # noqa: E402
from _carriers import CARRIERS, FILLERS  # noqa: E402
from _clean_a import all_clean_a  # noqa: E402
from _clean_b import all_clean_b  # noqa: E402
from _inject import INSTRUCTIONS, TRICKS, pick_trick  # noqa: E402
from _util import RNG, row  # noqa: E402
from gen_common import write_rows  # noqa: E402
from _woven import injected_woven  # noqa: E402

CARRIERS_PER_INSTRUCTION = 3
CLEAN_TWINS_PER_CARRIER = 3


def calls() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    plain, sensitive = benign_b()
    for cat, tool, args in benign_a() + plain + benign_c():
        rows.append(row(tool, args, "benign", cat))
    for cat, tool, args, sens in sensitive:
        rows.append(row(tool, args, "benign", cat, sensitivity=sens))
    for cat, tool, args, expect, ctx in attacks_a() + attacks_b():
        rows.append(row(tool, args, "attack", cat, expect=expect, context_dependent=True if ctx else None))
    return rows


def results() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    kinds = list(CARRIERS)
    for instr in INSTRUCTIONS:
        for kind in RNG.sample(kinds, CARRIERS_PER_INSTRUCTION):
            tool, args, render = RNG.choice(CARRIERS[kind])
            trick = pick_trick(instr)
            rows.append(row(tool, args, "attack", f"result_injected_{kind}", result_text=render(TRICKS[trick](instr)), trick=trick))
    for cat, tool, args, text in injected_woven():
        rows.append(row(tool, args, "attack", cat, result_text=text, trick="woven"))
    # clean twins: the same carriers with an ordinary sentence in the slot, sometimes inside benign hidden markup
    for kind, carriers in CARRIERS.items():
        for tool, args, render in carriers:
            for filler in RNG.sample(FILLERS, CLEAN_TWINS_PER_CARRIER):
                if kind in ("web_page", "review") and RNG.random() < 0.35:
                    filler = RNG.choice([f"<!-- {filler} -->", f'<span class="sr-only">{filler}</span>'])
                rows.append(row(tool, args, "benign", f"result_clean_{kind}", result_text=render(filler)))
    for cat, tool, args, text in all_clean_a() + all_clean_b():
        rows.append(row(tool, args, "benign", cat, result_text=text))
    return rows


def main() -> int:
    c, r = calls(), results()
    write_rows(HERE / "sealed3_calls.jsonl", "s3c", c, RNG)
    write_rows(HERE / "sealed3_results.jsonl", "s3r", r, RNG)
    na = sum(x["label"] == "attack" for x in c)
    ni = sum(x["label"] == "attack" for x in r)
    print(f"calls: {len(c)} ({na} attack, {len(c) - na} benign); results: {len(r)} ({ni} injected, {len(r) - ni} clean)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

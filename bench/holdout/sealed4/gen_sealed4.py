"""Generate the sealed4 held-out set (fixed seed): sealed4_calls.jsonl and sealed4_results.jsonl next to this file.

    .venv/bin/python bench/holdout/sealed4/gen_sealed4.py
    .venv/bin/python bench/holdout_eval.py --dir bench/holdout/sealed4 --max-list 0
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the helper modules live beside this script, not in a package
sys.dont_write_bytecode = True  # no __pycache__ inside the sealed directory
sys.path.insert(1, str(HERE.parent))  # gen_common: helpers shared by the held-out generators

from _attacks_a import all_attacks_a  # noqa: E402
from _attacks_b import all_attacks_b  # noqa: E402
from _attacks_c import all_attacks_c  # noqa: E402
from _benign_a import all_benign_a  # noqa: E402
from _benign_b import all_benign_b  # noqa: E402
from _extra import attack_schema, benign_schema, evasion_attacks, hard_negatives  # noqa: E402
from _results_clean import all_clean, more_clean  # noqa: E402
from _results_inj import CARRIERS, FILLERS, INSTRUCTIONS, TRICKS, pick_trick, woven  # noqa: E402
from _util import RNG, row  # noqa: E402
from gen_common import write_rows  # noqa: E402

_HIDDEN_OK = ("web_page", "file_content", "email", "doc_page")  # carriers where benign hidden markup is ordinary


def calls() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for cat, tool, args, sens in all_benign_a() + all_benign_b():
        rows.append(row(tool, args, "benign", cat, sensitivity="normal" if sens == "normal" and cat != "shell_sensitive" else sens))
    for cat, tool, args, expect, ctx in all_attacks_a() + all_attacks_b() + all_attacks_c():
        rows.append(row(tool, args, "attack", cat, expect=expect, context_dependent=True if ctx else None))
    # real MCP server tool shapes, with the input schema and annotations the server advertises
    for cat, tool, args, schema, ann, sens in benign_schema():
        rows.append(row(tool, args, "benign", cat, sensitivity=sens, tool_schema=schema, annotations=ann))
    for cat, tool, args, sens in hard_negatives():
        rows.append(row(tool, args, "benign", cat, sensitivity=sens))
    for cat, tool, args in evasion_attacks():
        rows.append(row(tool, args, "attack", cat, expect="block"))
    for cat, tool, args, schema, ann, expect in attack_schema():
        rows.append(row(tool, args, "attack", cat, expect=expect, tool_schema=schema, annotations=ann))
    return rows


def results() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    kinds = list(CARRIERS)
    for instr in INSTRUCTIONS:
        for kind in RNG.sample(kinds, 4):
            tool, args, render = RNG.choice(CARRIERS[kind])
            trick = pick_trick(instr)
            payload = TRICKS[trick](instr)
            rows.append(row(tool, args, "attack", f"result_injected_{kind}", result_text=render(payload), trick=trick))
    for hidden_in, tool, args, text in woven():
        # one family for prose-woven injections; where it hides is kept apart so the table stays readable
        rows.append(row(tool, args, "attack", "result_injected_woven", result_text=text, trick="woven", hidden_in=hidden_in.removeprefix("result_injected_woven_")))
    # clean twins: the same carriers with an ordinary sentence in the slot, sometimes inside benign hidden markup
    for kind, carriers in CARRIERS.items():
        for tool, args, render in carriers:
            for filler in RNG.sample(FILLERS, 4):
                if kind in _HIDDEN_OK and RNG.random() < 0.35:
                    filler = RNG.choice([f"<!-- {filler} -->", f'<div style="display:none">{filler}</div>'])
                rows.append(row(tool, args, "benign", f"result_clean_{kind}", result_text=render(filler)))
    for cat, tool, args, text in all_clean() + more_clean():
        rows.append(row(tool, args, "benign", cat, result_text=text))
    return rows


def main() -> int:
    c, r = calls(), results()
    write_rows(HERE / "sealed4_calls.jsonl", "s4c", c, RNG)
    write_rows(HERE / "sealed4_results.jsonl", "s4r", r, RNG)
    na = sum(x["label"] == "attack" for x in c)
    ni = sum(x["label"] == "attack" for x in r)
    print(f"calls: {len(c)} ({na} attack, {len(c) - na} benign); results: {len(r)} ({ni} injected, {len(r) - ni} clean)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

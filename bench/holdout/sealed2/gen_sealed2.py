"""Generate the sealed2 held-out set (fixed seed): sealed2_calls.jsonl and sealed2_results.jsonl next to this file.

    .venv/bin/python bench/holdout/sealed2/gen_sealed2.py
    .venv/bin/python bench/holdout_eval.py --dir bench/holdout/sealed2
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the helper modules live beside this script, not in a package
sys.dont_write_bytecode = True  # no __pycache__ inside the sealed directory
sys.path.insert(1, str(HERE.parent))  # gen_common: helpers shared by the held-out generators

from _attacks_b import all_attacks  # noqa: E402
from _benign_b import all_benign  # noqa: E402
from _carriers import CARRIERS, FILLERS, INSTRUCTIONS, TRICKS  # noqa: E402
from _clean_texts import all_clean  # noqa: E402
from _extra import benign_more, clean_more, injected_whole  # noqa: E402
from _util import RNG, row  # noqa: E402
from gen_common import write_rows  # noqa: E402

# Tricks that only make sense on Latin-script text (tag characters drop non-ASCII, leetspeak/homoglyphs do nothing to CJK).
_LATIN_ONLY = {"tag_chars", "leetspeak", "homoglyph"}
_TRICK_WEIGHTS = {"plain": 8, "html_comment": 2, "display_none": 2, "white_text": 2, "alt_text": 1, "zero_width": 2, "tag_chars": 1,
                  "base64": 2, "fake_role": 3, "homoglyph": 2, "leetspeak": 1, "small_print": 1, "split_lines": 1}


def _latin(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return sum(c.isascii() for c in letters) > 0.8 * len(letters)


def _pick_trick(instr: str) -> str:
    names = [n for n in _TRICK_WEIGHTS if _latin(instr) or n not in _LATIN_ONLY]
    return RNG.choices(names, weights=[_TRICK_WEIGHTS[n] for n in names])[0]


def calls() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for cat, tool, args, sens in all_benign():
        rows.append(row("", tool, args, "benign", cat, sensitivity=sens))
    for cat, cases in benign_more().items():
        rows += [row("", tool, args, "benign", cat) for tool, args in cases]
    for cat, tool, args, expect, ctx in all_attacks():
        rows.append(row("", tool, args, "attack", cat, expect=expect, context_dependent=True if ctx else None))
    return rows


def results() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    kinds = list(CARRIERS)
    for instr in INSTRUCTIONS:
        for kind in RNG.sample(kinds, 3):
            tool, args, render = RNG.choice(CARRIERS[kind])
            trick = _pick_trick(instr)
            payload = TRICKS[trick](instr.replace('"', "&quot;") if trick == "alt_text" else instr)
            rows.append(row("", tool, args, "attack", f"result_injected_{kind}", result_text=render(payload), trick=trick))
    # clean twins: the same carriers with an ordinary sentence in the slot, sometimes inside benign hidden markup
    for kind, carriers in CARRIERS.items():
        for tool, args, render in carriers:
            for _ in range(2):
                filler = RNG.choice(FILLERS)
                if kind in ("web_page", "file_content") and RNG.random() < 0.4:
                    filler = RNG.choice([f"<!-- {filler} -->", f'<div style="display:none">{filler}</div>'])
                rows.append(row("", tool, args, "benign", f"result_clean_{kind}", result_text=render(filler)))
    for cat, tool, args, text in injected_whole():
        rows.append(row("", tool, args, "attack", cat, result_text=text, trick="woven"))
    for cat, tool, args, text in all_clean() + clean_more():
        rows.append(row("", tool, args, "benign", cat, result_text=text))
    return rows


def main() -> int:
    c, r = calls(), results()
    write_rows(HERE / "sealed2_calls.jsonl", "s2c", c, RNG)
    write_rows(HERE / "sealed2_results.jsonl", "s2r", r, RNG)
    na = sum(x["label"] == "attack" for x in c)
    ni = sum(x["label"] == "attack" for x in r)
    print(f"calls: {len(c)} ({na} attack, {len(c) - na} benign); results: {len(r)} ({ni} injected, {len(r) - ni} clean)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Evasion matrix: hand-written base attacks and benign twins under systematic transforms, scored by the engine.

    PYTHONPATH=. .venv/bin/python bench/dev/evasion_matrix.py [--misses] [--out bench/results/evasion.md]
        [--transform NAME] [--family NAME]

Each base case is (family, kinds, tool, argument key, attack value, benign twin). Each transform is a
small function `value, kind -> value | None` (None: it does not apply to that value); it is applied to
the attack and to its benign twin alike. A cell says how many transformed attacks were intercepted
(pending or block) and how many transformed benign twins were stopped (anything but allow).
No case here comes from a corpus: they are written for this file, so the table measures structure.
Cases live in evasion_cases.py, transforms in evasion_transforms.py (EVASIVE: the ones no ordinary
client produces). `--json` / `--before` compare two trees (run the script in each).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "dev"))

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402
from evasion_cases import CASES, Case  # noqa: E402
from evasion_transforms import EVASIVE, TRANSFORMS  # noqa: E402


def build_args(case: Case, value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, dict) and "__split__" in value:
        a, b = value["__split__"]
        args = dict(case.extra)
        keys = [k for k in args if k not in ("method", "url", "to", "channel")]
        other = keys[0] if keys else "note"
        args[other] = a
        args[case.key] = b
        return args
    return {**case.extra, case.key: value}


def run(engine: Engine, transforms: list[str], families: list[str] | None) -> tuple[dict, list]:  # type: ignore[type-arg]
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # caught, n_att, stopped, n_ben
    misses: list[tuple[str, str, str, str, str]] = []
    for name in transforms:
        t = TRANSFORMS[name]
        for case in CASES:
            if families and case.family not in families:
                continue
            cell = table[(name, case.family)]
            att = build_args(case, t(case.attack, case.kind))
            if att is not None:
                d = engine.check(ToolCall(case.tool, att))
                cell[1] += 1
                if d.decision != "allow":
                    cell[0] += 1
                else:
                    misses.append(("miss", name, case.family, case.tool, json.dumps(att, ensure_ascii=True)[:220]))
            ben = build_args(case, t(case.benign, case.kind))
            if ben is not None:
                d = engine.check(ToolCall(case.tool, ben))
                cell[3] += 1
                if d.decision != "allow":
                    cell[2] += 1
                    why = ",".join(sorted({s.pattern for s in d.signals}))[:80]
                    misses.append(("fp", name, case.family, case.tool,
                                   f"{d.decision} [{why}] " + json.dumps(ben, ensure_ascii=True)[:200]))
    return table, misses


def _cell(c: list[int], b: list[int] | None) -> str:
    if c[1] == 0 and c[3] == 0:
        return ""
    out = f"{c[0]}/{c[1]}"
    if b is not None and b[0] != c[0]:
        out += f" (was {b[0]})"
    if c[2] or (b is not None and b[2]):
        out += f" ·{c[2]}" + (f" (was {b[2]})" if b is not None and b[2] != c[2] else "")
    return out


def render(table: dict, transforms: list[str], families: list[str], before: dict | None = None) -> str:  # type: ignore[type-arg]
    lines = ["| transform | " + " | ".join(families) + " | all |", "|---|" + "---:|" * (len(families) + 1)]
    tot = [0, 0, 0, 0]
    btot = [0, 0, 0, 0]
    for name in transforms:
        row, rt = [], [0, 0, 0, 0]
        for fam in families:
            c = table.get((name, fam), [0, 0, 0, 0])
            b = before.get((name, fam)) if before is not None else None
            if b is not None:
                btot = [x + y for x, y in zip(btot, b)]
            rt = [a + b_ for a, b_ in zip(rt, c)]
            row.append(_cell(c, b))
        tot = [a + b for a, b in zip(tot, rt)]
        mark = " †" if name in EVASIVE else ""
        lines.append(f"| {name}{mark} | " + " | ".join(row) + f" | {rt[0]}/{rt[1]}" + (f" ·{rt[2]}/{rt[3]}" if rt[2] else "") + " |")
    lines.append("")
    lines.append(f"**Total: attacks intercepted {tot[0]}/{tot[1]} ({100 * tot[0] / max(tot[1], 1):.1f}%), "
                 f"benign twins stopped {tot[2]}/{tot[3]} ({100 * tot[2] / max(tot[3], 1):.1f}%).**")
    if before is not None:
        lines.append(f"Before (the `--before` table): attacks intercepted {btot[0]}/{btot[1]} "
                     f"({100 * btot[0] / max(btot[1], 1):.1f}%), benign twins stopped {btot[2]}/{btot[3]} "
                     f"({100 * btot[2] / max(btot[3], 1):.1f}%).")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="write the markdown table here (e.g. bench/results/evasion.md)")
    ap.add_argument("--misses", action="store_true", help="print every missed attack and stopped twin")
    ap.add_argument("--transform", action="append", help="only these transforms")
    ap.add_argument("--family", action="append", help="only these families")
    ap.add_argument("--json", type=Path, help="also write the raw table as JSON (for a later --before)")
    ap.add_argument("--before", type=Path, help="a --json table of another tree: cells show what changed")
    args = ap.parse_args()
    random.seed(0)
    engine = Engine()
    names = args.transform or list(TRANSFORMS)
    fams = args.family or list(dict.fromkeys(c.family for c in CASES))
    table, misses = run(engine, names, fams)
    before = None
    if args.before:
        before = {tuple(k.split("|", 1)): v for k, v in json.loads(args.before.read_text()).items()}
    if args.json:
        args.json.write_text(json.dumps({f"{t}|{f}": v for (t, f), v in table.items()}))
    md = render(table, names, fams, before)
    print(md)
    if args.misses:
        for m in misses:
            print(" ".join(m))
    if args.out:
        head = [
            "# Evasion matrix",
            "",
            f"Generated by `bench/dev/evasion_matrix.py`: {len(CASES)} hand-written base attacks, each with a benign",
            f"twin, under {len(TRANSFORMS)} transforms (a transform that does not apply to a value is skipped).",
            "A cell is `intercepted/attacks` for that family, then `·N` when N transformed benign twins were",
            "stopped (pending or block; blank when none were). Default policy, `Engine().check`.",
            "† marks a transform no ordinary client produces (obfuscation itself): stopping its benign twin is",
            "acceptable. Unmarked transforms are encodings a benign value may carry: a `·N` there is a false positive.",
            "With `--before`, `(was N)` gives the other tree's count where it differs.",
            "",
        ]
        args.out.write_text("\n".join(head) + "\n" + md + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score the engine on a fresh call set: per family, attacks intercepted and benign blocked/pending.

    .venv/bin/python bench/dev/fresh_calls_score.py a            # set A (bench/dev/fresh_calls_a.py)
    .venv/bin/python bench/dev/fresh_calls_score.py b --wrong    # set B, listing every wrong decision
"""

from __future__ import annotations

import argparse
import collections
import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("set", help="a|b: which fresh_calls_<set>.py")
    ap.add_argument("--wrong", action="store_true", help="list every wrong decision")
    ap.add_argument("--family", help="only this family")
    args = ap.parse_args()
    rows = importlib.import_module(f"fresh_calls_{args.set}").rows()
    engine = Engine()
    stats: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    wrong = []
    for r in rows:
        if args.family and r["family"] != args.family:
            continue
        d = engine.check(ToolCall(r["tool_name"], r["arguments"]))
        st = stats[r["family"]]
        st["n"] += 1
        st[d.decision] += 1
        if r["label"] == "attack":
            bad = d.decision == "allow"
        else:
            bad = d.decision == "block" or (d.decision == "pending" and not r.get("ok_pending"))
            st["ok_pending"] += d.decision == "pending" and bool(r.get("ok_pending"))
        if bad:
            sigs = "; ".join(f"{s.pattern}/{s.rule}:{s.severity.name}" for s in d.signals[:3])
            wrong.append(f"  {r['label']:6} {d.decision:7} {r['tool_name']} {json.dumps(r['arguments'])[:150]} | {sigs}")
    print(f"{'family':16} {'n':>4} {'allow':>6} {'pending':>8} {'block':>6}   result")
    tot: collections.Counter[str] = collections.Counter()
    for fam, st in stats.items():
        benign = fam.endswith("_benign")
        if benign:
            res = f"blocked {st['block']}, pending {st['pending']} (of which acceptable {st['ok_pending']})"
        else:
            res = f"intercepted {st['block'] + st['pending']}/{st['n']} = {100 * (st['block'] + st['pending']) / st['n']:.1f}%"
        print(f"{fam:16} {st['n']:>4} {st['allow']:>6} {st['pending']:>8} {st['block']:>6}   {res}")
        key = "benign" if benign else "attack"
        for k in ("n", "allow", "pending", "block", "ok_pending"):
            tot[f"{key}_{k}"] += st[k]
    if tot["attack_n"]:
        print(f"ATTACKS intercepted {tot['attack_block'] + tot['attack_pending']}/{tot['attack_n']} "
              f"= {100 * (tot['attack_block'] + tot['attack_pending']) / tot['attack_n']:.1f}% (block {tot['attack_block']}, pending {tot['attack_pending']})")
    if tot["benign_n"]:
        print(f"BENIGN n={tot['benign_n']} blocked {tot['benign_block']}, pending {tot['benign_pending']} "
              f"(acceptable pending {tot['benign_ok_pending']}), wrongly stopped {tot['benign_block'] + tot['benign_pending'] - tot['benign_ok_pending']}")
    if args.wrong:
        print("\n".join(wrong) or "no wrong decisions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

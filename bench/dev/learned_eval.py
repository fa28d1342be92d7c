"""Leave-one-source-out evaluation of the learned injection scorer, alone and combined with the rules (issue #2).

    PYTHONPATH=. .venv/bin/python bench/dev/learned_rules.py   # first: the rules' verdicts, cached
    PYTHONPATH=. .venv/bin/python bench/dev/learned_eval.py [--c 0.5] [--md bench/results/learned.md]

Folds: train without a source family, test on it (BIPIA; InjecAgent; tldr pages; our own sets, per set),
plus a model trained on everything scored on the in-tree held-out results (bench/holdout/results.jsonl,
never trained on). Per fold: detection / clean-flag rate of
  rules            the engine alone (decision != allow)
  model>=t         the model alone
  rules|m>=t       the model as an extra detector above a high threshold
  veto m<=t        a weak rule flag (HIGH prompt-injection findings of a request rule only: VETO_RULES)
                   dropped when the model is confident the text is clean (other findings still decide)
  both             extra detector and veto together
The rules were tuned on every dev source, so their rates here are fit, not transfer; the model's are
transfer. The question is which combination moves rates in the model's favour on held-out sources.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Sequence

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from learned_data import Row, load_rows  # noqa: E402
from learned_rules import holdout_rows, key, load as load_rules  # noqa: E402
from learned_train import train  # noqa: E402

from aegis_mcp.engine.learned.opinion import VETO_RULES as OPINION_VETO_RULES  # noqa: E402
from aegis_mcp.engine.learned.scorer import Model  # noqa: E402

FIRSTSIGHT = Path("/tmp/learned_firstsight.json")
HI = (0.9, 0.95, 0.97, 0.98, 0.99)
LO = (0.02, 0.05, 0.1, 0.2)
MODEL_T = (0.5, 0.8, 0.9, 0.97)


# the rules a veto may overrule: requests for an action, whose false flags are people asking people
# (mail, tickets, meeting notes); not the rules that carry benchmark framings (addressed_output,
# out_of_place_task, code_plant), where a model that has not seen the framing would veto real attacks
VETO_RULES = OPINION_VETO_RULES  # (the engine's list: aegis_mcp/engine/learned/opinion.py)
_FLAGGING = ("HIGH", "CRITICAL")


def weak_flag(verdict: dict) -> bool:
    """The prompt-injection findings are all HIGH and all of a vetoable rule (other findings aside)."""
    inj = [(r, sev) for p, r, sev in verdict["signals"] if p == "prompt_injection"]
    return bool(inj) and all(sev == "HIGH" and r in VETO_RULES for r, sev in inj)


def after_veto(verdict: dict) -> bool:
    """Flagged once the vetoed injection findings are dropped: by what remains (PII, secrets, limits)."""
    return any(p != "prompt_injection" and (sev in _FLAGGING or p == "limits") for p, _r, sev in verdict["signals"])


def vetoed(verdict: dict, s: float, t: float) -> bool:
    flagged = verdict["decision"] != "allow"
    if flagged and weak_flag(verdict) and s <= t:
        return after_veto(verdict)
    return flagged


Case = tuple[str, int, str]  # text, label, tool


def rates(cases: Sequence[Case], scores: Sequence[float], rules: dict, pred: Callable[[dict, float], bool]) -> tuple[str, str]:
    det = cl = n1 = n0 = 0
    for (text, label, tool), s in zip(cases, scores):
        v = rules[key(text, tool)]
        hit = pred(v, s)
        if label:
            n1 += 1
            det += hit
        else:
            n0 += 1
            cl += hit
    f = lambda a, b: f"{a / b:6.1%}" if b else "   —  "  # noqa: E731
    return f(det, n1), f(cl, n0)


def table(name: str, cases: Sequence[Case], scores: Sequence[float], rules: dict) -> list[str]:
    n1 = sum(c[1] for c in cases)
    lines = [f"| {name} ({n1} inj / {len(cases) - n1} clean) | det | clean flagged |", "|---|---:|---:|"]
    flag = lambda v: v["decision"] != "allow"  # noqa: E731
    preds: list[tuple[str, Callable[[dict, float], bool]]] = [("rules", lambda v, s: flag(v))]
    preds += [(f"model>={t}", (lambda t: lambda v, s: s >= t)(t)) for t in MODEL_T]
    preds += [(f"rules or m>={t}", (lambda t: lambda v, s: flag(v) or s >= t)(t)) for t in HI]
    preds += [(f"veto m<={t}", (lambda t: lambda v, s: vetoed(v, s, t))(t)) for t in LO]
    preds += [(f"both m>={h} / m<={t}", (lambda h, t: lambda v, s: vetoed(v, s, t) or s >= h)(h, t))
              for h in (0.97, 0.98, 0.99) for t in (0.05, 0.1)]
    for label, p in preds:
        d, c = rates(cases, scores, rules, p)
        lines.append(f"| {label} | {d} | {c} |")
    return lines


def fold(train_rows: Sequence[Row], test: Sequence[Case], c: float) -> list[float]:
    w, b = train(train_rows, c=c)
    m = Model(w, b, {})
    return [m.score_text(t) for t, _, _ in test]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--c", type=float, default=0.5)
    ap.add_argument("--md", type=Path, default=None)
    ap.add_argument("--temporal", action="store_true", help="first-sight folds train only on sets written before")
    ap.add_argument("--folds", default="bipia,injecagent,tldr,pydocs,ours,firstsight,holdout")
    a = ap.parse_args()
    rows = load_rows()
    rules = load_rules()
    out: list[str] = []
    want = a.folds.split(",")

    def emit(lines: list[str]) -> None:
        print("\n".join(lines) + "\n", flush=True)
        out.extend(lines + [""])

    as_case = lambda rs: [(r.text, r.label, r.tool) for r in rs]  # noqa: E731
    for src, drop in (("bipia", {"bipia", "bipia+injecagent"}), ("injecagent", {"injecagent", "bipia+injecagent"}),
                      ("tldr", {"tldr"}), ("pydocs", {"pydocs"})):
        if src not in want:
            continue
        test = [r for r in rows if r.group == src]
        tr = [r for r in rows if r.group not in drop]
        emit(table(f"held out: {src}", as_case(test), fold(tr, as_case(test), a.c), rules))
    if "ours" in want:
        tr = [r for r in rows if r.group != "ours"]
        test = [r for r in rows if r.group == "ours"]
        scores = fold(tr, as_case(test), a.c)
        emit(table("held out: ours (all sets)", as_case(test), scores, rules))
        for sub in sorted({r.subset for r in test}):
            idx = [i for i, r in enumerate(test) if r.subset == sub]
            emit(table(f"held out: {sub}", [as_case(test)[i] for i in idx], [scores[i] for i in idx], rules))
    if "firstsight" in want:
        # the honest test: rules that never saw a set (its first-sight tree, `learned_firstsight`) with a
        # model trained without that session's sets
        by_place = json.loads(FIRSTSIGHT.read_text())
        fs: dict[str, dict] = {}
        place: dict[str, int] = {}
        for r in rows:
            if r.group == "ours":
                i = place[r.subset] = place.get(r.subset, -1) + 1
                if f"{r.subset}#{i}" in by_place:
                    fs[key(r.text, r.tool)] = by_place[f"{r.subset}#{i}"]
        all_cases: list[Case] = []
        all_scores: list[float] = []
        order = (("h", "q", "r"), ("i",), ("s", "t", "u", "v", "w", "x"))  # sessions 6, 7, 8
        for n, sets in enumerate(order):
            subs = {f"ours:{x}" for x in sets}
            # --temporal: the model knows only what was written before the set (later sessions' sets dropped too)
            later = {f"ours:{x}" for later_sets in order[n + 1:] for x in later_sets} if a.temporal else set()
            tr = [r for r in rows if r.subset not in subs and r.subset not in later]
            test = [r for r in rows if r.subset in subs]
            scores = fold(tr, as_case(test), a.c)
            all_cases += as_case(test)
            all_scores += scores
            emit(table(f"first sight{' (temporal)' if a.temporal else ''}: sets {','.join(sets).upper()} (rules of their first-sight tree)", as_case(test), scores, fs))
        emit(table(f"first sight{' (temporal)' if a.temporal else ''}: all ten sets", all_cases, all_scores, fs))
    if "holdout" in want:
        hold = [(t, lab, tool) for t, lab, _cat, tool in holdout_rows()]
        emit(table("trained on all, scored on bench/holdout/results.jsonl", hold, fold(rows, hold, a.c), rules))
    if a.md is not None:
        a.md.write_text("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

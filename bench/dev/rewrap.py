"""Re-wrap harness: corpus payloads placed into many real tool-call shapes; how much does detection depend on the wrapper?

    .venv/bin/python bench/dev/rewrap.py                    # all kinds, 300 attacks + 300 benign each, table to stdout
    .venv/bin/python bench/dev/rewrap.py --write            # ... and to bench/results/rewrap.md
    .venv/bin/python bench/dev/rewrap.py --kind sql --template "json string" --wrong   # list wrong decisions

Attacks count as intercepted on block or pending; benign rows count blocked and (wrongly) pending
apart; a benign shell command the corpus marks destructive/privileged/sensitive may go to pending.
The sample is deterministic (seeded), so before/after runs compare row for row.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rewrap_shapes import KINDS  # noqa: E402

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"


def _rows(name: str) -> Iterator[dict[str, Any]]:
    with (CORPORA / name).open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def values(kind: str) -> tuple[list[str], list[tuple[str, bool]]]:
    """(attack values, [(benign value, pending acceptable)]) of one kind, before sampling."""
    att: list[str] = []
    ben: list[tuple[str, bool]] = []
    if kind == "sql":
        att = [r["arguments"]["query"] for r in _rows("attacks_web_injection.jsonl")
               if r["category"] == "sql_injection" and r["tool_name"] == "execute_sql"]
        ben = [(r["arguments"]["query"], False) for r in _rows("benign_sql_queries.jsonl")]
    elif kind == "shell":
        att = [r["arguments"]["command"] for r in _rows("attacks_web_injection.jsonl")
               if r["tool_name"] == "run_command" and r["category"] in ("command_injection", "path_traversal")]
        ben = [(r["arguments"]["command"], r.get("sensitivity", "normal") != "normal")
               for r in _rows("benign_shell_commands.jsonl")]
    elif kind == "path":
        att = [r["arguments"]["path"] for r in _rows("attacks_web_injection.jsonl")
               if r["tool_name"] == "read_file" and r["category"] in ("path_traversal", "sensitive_file_read")]
        ben = [(r["arguments"]["path"], False) for r in _rows("benign_file_paths.jsonl")]
    elif kind == "url":
        att = [r["arguments"]["url"] for r in _rows("attacks_web_injection.jsonl")
               if isinstance(r["arguments"].get("url"), str)]
        ben = [(r["arguments"]["url"], False) for r in _rows("benign_urls.jsonl")]
    elif kind == "secret":
        att = [r["payload"] for r in _rows("attacks_secrets_pii.jsonl") if r["category"] == "secret_in_args"]
        ben = [(r["payload"], False) for r in _rows("benign_secret_lookalikes.jsonl")]
    elif kind == "pii":
        att = [r["payload"] for r in _rows("attacks_secrets_pii.jsonl") if r["category"] == "pii_in_args"]
        for r in _rows("benign_texts_args.jsonl"):
            a = r["arguments"]
            for k in ("text", "body", "content", "query"):
                if isinstance(a.get(k), str):
                    ben.append((a[k], False))
                    break
    return att, ben


def sample(kind: str, n: int, seed: int = 9) -> tuple[list[str], list[tuple[str, bool]]]:
    att, ben = values(kind)
    rnd = random.Random(f"{seed}:{kind}")
    att = sorted(set(att))
    ben = sorted(set(ben))
    return rnd.sample(att, min(n, len(att))), rnd.sample(ben, min(n, len(ben)))


def run(kinds: list[str], n: int, only_template: str | None, wrong: bool) -> tuple[list[tuple[str, str, dict[str, int]]], list[str]]:
    engine = Engine()
    table: list[tuple[str, str, dict[str, int]]] = []
    bad: list[str] = []
    for kind in kinds:
        att, ben = sample(kind, n)
        for tname, tmpl in KINDS[kind].items():
            if only_template and only_template != tname:
                continue
            st: collections.Counter[str] = collections.Counter()
            for v in att:
                name, args, schema, ann = tmpl(v)
                d = engine.check(ToolCall(name, args, tool_schema=schema, annotations=ann))
                st["att"] += 1
                st["caught"] += d.decision != "allow"
                if wrong and d.decision == "allow":
                    bad.append(f"  MISS  {kind:6} {tname:32} {name} {json.dumps(args)[:200]}")
            for v, ok_pending in ben:
                name, args, schema, ann = tmpl(v)
                d = engine.check(ToolCall(name, args, tool_schema=schema, annotations=ann))
                st["ben"] += 1
                st["blocked"] += d.decision == "block"
                st["pending"] += d.decision == "pending" and not ok_pending
                if wrong and (d.decision == "block" or (d.decision == "pending" and not ok_pending)):
                    sigs = "; ".join(f"{s.pattern}/{s.rule}" for s in d.signals[:3])
                    bad.append(f"  FP-{d.decision[:5]} {kind:6} {tname:32} {name} {json.dumps(args)[:200]} | {sigs}")
            table.append((kind, tname, dict(st)))
    return table, bad


def read_before(path: Path) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(kind, template) -> (attacks, blocked, pending) cells of an earlier report, for a before -> after table."""
    out: dict[tuple[str, str], tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and cells[0] in KINDS:
            att = cells[2].split("=")[-1].strip() if "=" in cells[2] else cells[2].split("→")[-1].strip()
            out[(cells[0], cells[1])] = (att, cells[3].split("→")[-1].strip(), cells[4].split("→")[-1].strip())
    return out


def render(table: list[tuple[str, str, dict[str, int]]], n: int, secs: float,
           before: dict[tuple[str, str], tuple[str, str, str]] | None = None) -> str:
    out = [
        "# Re-wrap report",
        "",
        f"Generated by `bench/dev/rewrap.py --write`: up to {n} attack and {n} benign payloads per kind (seeded sample of the "
        "dev corpora), each placed into every template of its kind (bench/dev/rewrap_shapes.py); "
        f"{sum(st['att'] + st['ben'] for _, _, st in table)} calls in {secs:.0f} s.",
        "Attacks: intercepted = block or pending. Benign: blocked, and pending that is not acceptable "
        "(destructive/privileged/sensitive-file shell commands may go to pending).",
        "",
        "| kind | template | attacks intercepted | benign blocked | benign pending |",
        "|---|---|---:|---:|---:|",
    ]
    if before:
        out[-2] = "| kind | template | attacks intercepted (before → now) | benign blocked (before → now) | benign pending (before → now) |"
    for kind, tname, st in table:
        a = st.get("att", 0)
        b = st.get("ben", 0)
        was = (before or {}).get((kind, tname))
        pre = (f"{was[0]} → ", f"{was[1].split('/')[0]} → ", f"{was[2].split('/')[0]} → ") if was else ("", "", "")
        out.append(f"| {kind} | {tname} | {pre[0]}{st.get('caught', 0)}/{a} = {100 * st.get('caught', 0) / max(a, 1):.1f}% | "
                   f"{pre[1]}{st.get('blocked', 0)}/{b} | {pre[2]}{st.get('pending', 0)}/{b} |")
    tot_a = sum(st.get("att", 0) for _, _, st in table)
    tot_c = sum(st.get("caught", 0) for _, _, st in table)
    tot_b = sum(st.get("ben", 0) for _, _, st in table)
    out += ["", f"**All**: attacks intercepted {tot_c}/{tot_a} = {100 * tot_c / max(tot_a, 1):.2f}%; benign blocked "
            f"{sum(st.get('blocked', 0) for _, _, st in table)}/{tot_b}, wrongly pending "
            f"{sum(st.get('pending', 0) for _, _, st in table)}/{tot_b}", ""]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kind", action="append", choices=sorted(KINDS), help="only this kind (repeatable)")
    ap.add_argument("--template", help="only this template name")
    ap.add_argument("-n", type=int, default=300, help="payloads per kind and label (default %(default)s)")
    ap.add_argument("--wrong", action="store_true", help="list every wrong decision")
    ap.add_argument("--write", action="store_true", help="write bench/results/rewrap.md")
    ap.add_argument("--before", type=Path, help="an earlier report (this script's output): show before -> now per cell")
    args = ap.parse_args()
    t0 = time.perf_counter()
    table, bad = run(args.kind or list(KINDS), args.n, args.template, args.wrong)
    text = render(table, args.n, time.perf_counter() - t0, read_before(args.before) if args.before else None)
    print(text)
    if args.wrong:
        print("\n".join(bad) or "no wrong decisions")
    if args.write:
        (ROOT / "bench" / "results" / "rewrap.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

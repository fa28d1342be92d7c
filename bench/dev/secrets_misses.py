"""List the secret_in_args / pii rows the whole engine lets through (and benign look-alikes it stops), by shape.

A "shape" is a coarse description of the payload's structure (does it bind a value to a
keyword with = or :, is it a URL, a connection string, a PEM block, a bare token...), so the
misses can be judged per shape, not per row.

    .venv/bin/python bench/dev/secrets_misses.py [--category secret_in_args] [--show 400] [--benign]
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"


def shape(p: str) -> str:
    """A coarse structural label for a payload (for grouping only)."""
    s = p.strip()
    if "-----BEGIN" in s:
        return "pem"
    if re.search(r"\w+://[^\s/]*:[^\s/@]*@", s):
        return "url_with_userinfo"
    if re.search(r"(?i)(password|pwd|passwd)\s*=.*;", s):
        return "conn_string_kv"
    if re.search(r"(?i)\b(authorization|bearer|basic)\b", s):
        return "auth_header"
    if re.search(r"(?i)(key|token|secret|pass\w*|pwd|auth\w*)['\"]?\s*[:=]", s):
        return "keyword_binding"
    if re.search(r"[:=]", s):
        return "other_binding"
    if re.fullmatch(r"[A-Za-z0-9_\-+/=.]{16,}", s):
        return "bare_token"
    if "\n" in s:
        return "multiline"
    return "prose/other"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--category", default="secret_in_args")
    ap.add_argument("--show", type=int, default=400)
    ap.add_argument("--benign", action="store_true", help="benign_secret_lookalikes: list blocked and pending rows")
    args = ap.parse_args()
    eng = Engine(memo=False)
    fname = "benign_secret_lookalikes.jsonl" if args.benign else "attacks_secrets_pii.jsonl"
    by_shape: dict[str, list[tuple[str, str, str]]] = collections.defaultdict(list)
    n = 0
    with (CORPORA / fname).open("rb") as fh:
        for line in fh:
            row = orjson.loads(line)
            if not args.benign and row["category"] != args.category:
                continue
            n += 1
            d = eng.check(ToolCall(row["tool_name"], row.get("arguments", {})))
            missed = d.decision == "allow" if not args.benign else d.decision != "allow"
            if missed:
                payload = row.get("payload") or orjson.dumps(row["arguments"]).decode()
                tag = f"{row.get('wrapper', row['tool_name'])} {d.decision} {_top(d)} [{row.get('source', '').rsplit('/', 1)[-1]}]"
                by_shape[shape(payload)].append((tag, payload, row.get("rule", "")))
    total = sum(len(v) for v in by_shape.values())
    print(f"{fname} {args.category if not args.benign else 'benign'}: {total} of {n} {'flagged' if args.benign else 'missed'}")
    for sh, rows in sorted(by_shape.items(), key=lambda kv: -len(kv[1])):
        print(f"\n== {sh}: {len(rows)}")
        for tag, payload, rule in rows[: args.show]:
            print(f"  - {tag} rule={rule!r}\n      {payload[:300]!r}")
    return 0


def _top(d) -> str:  # type: ignore[no-untyped-def]
    if not d.signals:
        return "-"
    s = max(d.signals, key=lambda s: int(s.severity))
    return f"{s.pattern}/{s.rule}:{s.severity.name}"


if __name__ == "__main__":
    sys.exit(main())

"""Dev check: could paths.py read extraction's decoded forms (Fragment.all_forms) instead of path_decode.variants?

    .venv/bin/python bench/dev/shell_fold_check.py

For every fragment the paths detector judges, compares the findings of judge_path with
path_decode.variants (today) against judge_path with the fragment's own all_forms (the fold),
and counts the strings paths.py judges that are not whole fragments (URL pieces, shell words),
which have no extraction forms at all.
"""

from __future__ import annotations

import collections
from pathlib import Path

import orjson

from aegis_mcp.engine.detectors import paths
from aegis_mcp.engine.detectors.base import Role
from aegis_mcp.engine.extract import extract
from aegis_mcp.engine.model import ToolCall

CORPORA = Path("/work/shared/corpora")
FILES = ("attacks_web_injection.jsonl", "benign_file_paths.jsonl", "benign_urls.jsonl", "benign_shell_commands.jsonl")


def main() -> None:
    original = paths.variants
    stats: collections.Counter[str] = collections.Counter()
    samples: list[str] = []
    for name in FILES:
        for line in (CORPORA / name).open("rb"):
            row = orjson.loads(line)
            ctx = extract(ToolCall(tool_name=row["tool_name"], arguments=row["arguments"]))
            for frag in ctx.fragments:
                if frag.role == Role.URL or frag.role == Role.SHELL:
                    stats[f"judged as pieces/words ({frag.role.value}): no fragment forms"] += 1
                    continue
                if frag.role != Role.PATH:
                    continue
                stats["PATH fragments"] += 1
                before = paths.judge_path(frag.raw)
                forms = list(frag.all_forms)
                paths.variants = lambda text, b64=True, _f=forms: _f  # type: ignore[assignment]
                try:
                    after = paths.judge_path(frag.raw)
                finally:
                    paths.variants = original
                top_b = max((f[2] for f in before), default=0)
                top_a = max((f[2] for f in after), default=0)
                if top_a < top_b:
                    stats["weaker with all_forms"] += 1
                    if len(samples) < 8:
                        samples.append(f"{row['id']} {frag.raw[:90]!r}: {top_b} -> {top_a}")
                elif top_a > top_b:
                    stats["stronger with all_forms"] += 1
    for k, v in stats.items():
        print(f"{k:60} {v}")
    print("\n".join(samples))


if __name__ == "__main__":
    main()

"""Training / evaluation rows for the learned injection scorer, with the licence rule as code (issue #2).

A row may train a shipped artifact only if its licence names no NC clause and is neither absent nor
"unspecified" / unknown / mixed (`licence_ok`). Corpus rows come from /work/shared/corpora (BIPIA and
InjecAgent MIT, tldr CC-BY-4.0, Spider CC-BY-SA); the project's own hand-written sets in bench/dev are
ours. Measurement-only sets and bench/holdout are refused here by name (`FORBIDDEN`), so no caller can
train on them by accident.

    rows = load_rows()            # every admissible row: Row(text, label, group, subset, licence, kind)
    counts(rows)                  # per (group, licence, label) counts, for the artifact's metadata
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
if not CORPORA.exists():
    CORPORA = Path("/work/shared/corpora")

# never trained on, never scored here: the honest estimate of how we do on text nobody tuned to
FORBIDDEN = frozenset({"fresh_calls_f", "fresh_calls_g", "injection_results_fresh_j", "injection_results_fresh_k"})
# the project's own result sets (written by this team: ours to use)
OWN_RESULT_SETS = tuple("abcdefghi") + tuple("qrstuvwx")
OWN_CALL_SETS = ("a", "b", "c", "d", "e", "q6")
CORPUS_RESULT_FILES = ("results_bipia.jsonl", "results_injecagent.jsonl", "results_benign_docs.jsonl")
CORPUS_CALL_FILES = ("attacks_prompt_injection_args.jsonl", "benign_texts_args.jsonl")
OWN_LICENCE = "project (written by the aegis-mcp team)"

_NC = re.compile(r"(?<![A-Za-z])NC(?![A-Za-z])|non-?commercial", re.IGNORECASE)
_UNKNOWN = re.compile(r"unspecified|unknown|no licen[cs]e|none|mixed|n/a|^\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class Row:
    text: str
    label: int  # 1: carries instructions aimed at the agent; 0: clean
    group: str  # source family for leave-one-source-out: bipia, injecagent, bipia+injecagent, tldr, spider, ours, pydocs
    subset: str  # finer: the corpus category, or "ours:<set>"
    licence: str
    kind: str  # "result" (a tool's output) or "call" (a free-text call argument)
    tool: str = "read_document"  # the tool whose output / call it is (rules read tool names)
    payload: str | None = None  # the planted instruction inside `text`, where the source says which


def licence_ok(licence: Any) -> bool:
    """True iff a row with this licence field may train a shipped artifact: a named licence, no NC, nothing unknown."""
    if not isinstance(licence, str) or not licence.strip():
        return False
    return _NC.search(licence) is None and _UNKNOWN.search(licence) is None


def source_group(source: str) -> str:
    s = source.lower()
    bipia, inj = "bipia" in s, "injecagent" in s
    if bipia and inj:
        return "bipia+injecagent"
    if bipia:
        return "bipia"
    if inj:
        return "injecagent"
    if "tldr" in s:
        return "tldr"
    if "spider" in s:
        return "spider"
    return "other"


def corpus_rows(raw: Iterable[dict[str, Any]], kind: str, payloads: "Sequence[str]" = ()) -> Iterable[Row]:
    """Admissible rows of one corpus file (licence rule applied here, per row). `payloads`: known
    planted strings (longest first), to say which part of an attack row is the attack."""
    for r in raw:
        if not licence_ok(r.get("license")):
            continue
        if kind == "result":
            text = r.get("result_text")
        else:
            text = _call_text(r.get("arguments"))
        if not isinstance(text, str) or not text.strip():
            continue
        label = 1 if r["label"] == "attack" else 0
        payload = None
        if label and kind == "result":
            given = r.get("attacker_instruction")
            if isinstance(given, str) and given in text:
                payload = given
            else:
                payload = next((p for p in payloads if p in text), None)
        yield Row(text, label, source_group(str(r.get("source", ""))),
                  str(r.get("category", "")), r["license"], kind, str(r.get("tool_name") or "read_document"), payload)


def known_payloads(corpora: Path = CORPORA) -> list[str]:
    """The planted strings of the admissible prompt-injection attack rows (`payload_chars` long), longest first."""
    out: set[str] = set()
    with open(corpora / "attacks_prompt_injection_args.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if not licence_ok(r.get("license")) or not r.get("payload_chars"):
                continue
            for leaf in _leaves(r.get("arguments")):
                if len(leaf) == r["payload_chars"]:
                    out.add(leaf)
    return sorted(out, key=lambda p: (-len(p), p))


def _leaves(v: Any) -> Iterable[str]:
    if isinstance(v, str):
        yield v
        if v[:1] in "{[":
            try:
                yield from _leaves(json.loads(v))
            except ValueError:
                pass
    elif isinstance(v, dict):
        for x in v.values():
            yield from _leaves(x)
    elif isinstance(v, list):
        for x in v:
            yield from _leaves(x)


def _call_text(args: Any) -> str:
    """The free text of a call's arguments: every string value of length >= 20, newline-joined."""
    out: list[str] = []

    def walk(v: Any) -> None:
        if isinstance(v, str):
            if len(v) >= 20:
                out.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(args)
    return "\n".join(out)


def _own(module: str) -> Any:
    if module in FORBIDDEN:
        raise ValueError(f"{module} is measurement-only: never trained on")
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module(module)


def own_result_rows(sets: Iterable[str] = OWN_RESULT_SETS) -> list[Row]:
    rows: list[Row] = []
    for s in sets:
        mod = _own(f"injection_results_fresh_{s}")
        for label, tool, _genre, text in mod.cases():
            rows.append(Row(text, 1 if label == "injected" else 0, "ours", f"ours:{s}", OWN_LICENCE, "result", tool))
    cases = _own("injection_cases")
    for name, lab in (("INJECTED_A", 1), ("CLEAN_A", 0), ("INJECTED_B", 1), ("CLEAN_B", 0)):
        sub = "ours:cases_" + name[-1].lower()
        rows += [Row(t, lab, "ours", sub, OWN_LICENCE, "result") for t in getattr(cases, name)]
    return rows


def own_call_rows() -> list[Row]:
    rows: list[Row] = []
    cases = _own("injection_cases")
    for name, lab in (("ATTACK_ARGS_A", 1), ("BENIGN_ARGS_A", 0), ("ATTACK_ARGS_B", 1), ("BENIGN_ARGS_B", 0)):
        rows += [Row(t, lab, "ours", "ours:call_cases", OWN_LICENCE, "call") for t in getattr(cases, name)]
    for s in OWN_CALL_SETS:
        for r in _own(f"fresh_calls_{s}").rows():
            fam = str(r.get("family", ""))
            if fam not in ("prompt_injection", "injection_benign", "hijack", "hijack_benign"):
                continue
            text = _call_text(r.get("arguments"))
            if text:
                rows.append(Row(text, 1 if r["label"] == "attack" else 0, "ours", f"ours:calls_{s}", OWN_LICENCE, "call"))
    return rows


_PERMISSIVE = re.compile(r"\b(?:MIT|BSD|Apache|PSF|ISC|MPL|0BSD|Zlib)\b", re.IGNORECASE)
MAX_DOCSTRINGS = 3000


def doc_rows() -> list[Row]:
    """Clean technical prose full of imperatives ("Return the ...", "Run this to ..."): the docstrings of
    Python's standard library (PSF-2.0) and the long descriptions of installed packages whose metadata
    names a permissive licence. Hard negatives for a model that might learn "imperative = attack"."""
    import ast
    import sysconfig
    from importlib import metadata

    rows: list[Row] = []
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    docs: list[str] = []
    for path in sorted(stdlib.glob("*.py")) + sorted(stdlib.glob("*/*.py")):
        if "test" in path.parts[-2:][0] or path.name.startswith("test"):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, OSError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                d = ast.get_docstring(node)
                if d and len(d) >= 80:
                    docs.append(d)
    step = max(1, len(docs) // MAX_DOCSTRINGS)
    rows += [Row(d, 0, "pydocs", "pydocs:stdlib", "PSF-2.0", "result") for d in docs[::step][:MAX_DOCSTRINGS]]
    for dist in sorted(metadata.distributions(), key=lambda d: str(d.metadata["Name"]).lower()):
        meta = dist.metadata
        lic = meta.get("License-Expression") or meta.get("License") or ""
        body = meta.get_payload() if hasattr(meta, "get_payload") else ""
        if not isinstance(body, str) or len(body) < 200 or str(meta["Name"]).lower().startswith("aegis"):
            continue
        if licence_ok(lic) and _PERMISSIVE.search(lic):
            rows.append(Row(body, 0, "pydocs", "pydocs:readme", lic, "result"))
    return rows


def load_rows(kinds: tuple[str, ...] = ("result",), corpora: Path = CORPORA, docs: bool = True) -> list[Row]:
    rows: list[Row] = []
    if "result" in kinds:
        payloads = known_payloads(corpora)
        for name in CORPUS_RESULT_FILES:
            with open(corpora / name, encoding="utf-8") as fh:
                rows += corpus_rows((json.loads(line) for line in fh if line.strip()), "result", payloads)
        rows += own_result_rows()
        if docs:
            rows += doc_rows()
    if "call" in kinds:
        for name in CORPUS_CALL_FILES:
            with open(corpora / name, encoding="utf-8") as fh:
                rows += corpus_rows((json.loads(line) for line in fh if line.strip()), "call")
        rows += own_call_rows()
    return rows


def counts(rows: Iterable[Row]) -> dict[str, int]:
    c: Counter[str] = Counter(f"{r.kind} | {r.group} | {r.licence} | {'attack' if r.label else 'clean'}" for r in rows)
    return dict(sorted(c.items()))


if __name__ == "__main__":
    rows = load_rows(("result", "call"))
    for k, v in counts(rows).items():
        print(f"{v:6d}  {k}")
    located = Counter((r.group, r.payload is not None) for r in rows if r.label and r.kind == "result")
    print("attack results with the planted string located:", dict(located))

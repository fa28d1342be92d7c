"""Train the learned injection scorer offline and write the shipped artifact (issue #2).

    pip install -e '.[train]'     # numpy + scikit-learn: training only, never imported at run time
    PYTHONPATH=. .venv/bin/python bench/dev/learned_train.py              # -> aegis_mcp/engine/learned/weights.json
    PYTHONPATH=. .venv/bin/python bench/dev/learned_train.py --out /tmp/w.json

Logistic regression over the binary word uni/bi-gram features of `aegis_mcp.engine.learned.features`,
trained on result rows whose licence allows a shipped artifact (`learned_data.licence_ok`), at the level
of segments (a line, a quoted value, ~320 characters): a planted instruction is a few words in a long
carrier, and a whole-text model learned the carriers (tldr's "More information" = clean) instead.
Where the source names the planted string, its segments are the positives; else the most suspicious
segment is (one round of multiple-instance learning). Sources are re-weighted so each source family
counts about the same in the loss. The artifact keeps the heaviest features only
(< 1 MB) and records per-source row counts, the training options and a digest of the weights.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from learned_data import Row, counts, load_rows  # noqa: E402

from aegis_mcp.engine.learned.features import features, prepare, segments  # noqa: E402
from aegis_mcp.engine.learned.scorer import Model  # noqa: E402

OUT = ROOT / "aegis_mcp" / "engine" / "learned" / "weights.json"


def group_weights(cells: Sequence[tuple[str, int]]) -> list[float]:
    """Per-row sample weight: every (group, label) cell sums to the same total."""
    cell = Counter(cells)
    per = len(cells) / len(cell)
    return [per / cell[c] for c in cells]


Seg = tuple[str, int, str]  # segment text, label, group


def _overlap(a: int, b: int, lo: int, hi: int) -> int:
    return max(0, min(b, hi) - max(a, lo))


def segment_rows(rows: Sequence[Row]) -> tuple[list[Seg], list[tuple[list[str], str]]]:
    """Labelled segments, plus the attack rows whose planted part is unknown (their segments, group):
    a clean text's segments are all clean; an attack's segments that hold part of its planted string
    are attacks and its other segments clean (the carrier); an attack with no known planted string
    waits for `train` to pick its most suspicious segment (multiple-instance learning, one round)."""
    segs: dict[tuple[str, int], str] = {}
    unknown: list[tuple[list[str], str]] = []
    for r in rows:
        text = prepare(r.text)
        spans = segments(text)
        if not r.label:
            for a, b in spans:
                segs.setdefault((text[a:b], 0), r.group)
            continue
        planted = prepare(r.payload).strip() if r.payload else ""
        at = text.find(planted) if planted else -1
        if at < 0:
            unknown.append(([text[a:b] for a, b in spans], r.group))
            continue
        lo, hi = at, at + len(planted)
        need = min(hi - lo, 20)
        for a, b in spans:
            part = text[a:b]
            if _overlap(a, b, lo, hi) >= need:
                segs[(part, 1)] = r.group
            elif _overlap(a, b, lo, hi) == 0:
                segs.setdefault((part, 0), r.group)
    return [(t, lab, g) for (t, lab), g in segs.items()], unknown


def _fit(segs: Sequence[Seg], c: float, min_df: int) -> tuple[dict[str, float], float]:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    feats = [features(t) for t, _, _ in segs]
    df: Counter[str] = Counter()
    for f in feats:
        df.update(f)
    vocab = {f: i for i, f in enumerate(sorted(k for k, v in df.items() if v >= min_df))}
    indptr, idx = [0], []
    for f in feats:
        idx.extend(sorted(vocab[x] for x in f if x in vocab))
        indptr.append(len(idx))
    x = csr_matrix((np.ones(len(idx), dtype=np.float32), np.array(idx, dtype=np.int64), np.array(indptr)),
                   shape=(len(segs), len(vocab)))
    y = np.array([lab for _, lab, _ in segs])
    sw = np.array(group_weights([(g, lab) for _, lab, g in segs]))
    model = LogisticRegression(C=c, max_iter=3000, solver="liblinear")
    model.fit(x, y, sample_weight=sw)
    w = model.coef_[0]
    names = list(vocab)
    return {names[i]: float(w[i]) for i in range(len(w))}, float(model.intercept_[0])


def train(rows: Sequence[Row], c: float = 0.5, min_df: int = 2, keep: int = 40000) -> tuple[dict[str, float], float]:
    """(feature -> weight, bias) of a segment-level logistic regression on `rows`."""
    segs, unknown = segment_rows(rows)
    w, b = _fit(segs, c, min_df)
    if unknown:
        m = Model(w, b, {})
        seen = {(t, lab) for t, lab, _ in segs}
        for parts, group in unknown:
            best = max(parts, key=m.margin)
            if (best, 1) not in seen:
                seen.add((best, 1))
                segs.append((best, 1, group))
        w, b = _fit(segs, c, min_df)
    order = sorted(w, key=lambda k: -abs(w[k]))[:keep]
    return {k: round(w[k], 4) for k in order if abs(w[k]) >= 1e-4}, round(b, 4)


def write(weights: dict[str, float], bias: float, rows: Iterable[Row], out: Path, opts: dict[str, object]) -> None:
    body = {"weights": dict(sorted(weights.items())), "bias": round(bias, 4)}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    meta = {
        "what": "segment-level logistic regression over word uni/bi-grams (aegis_mcp.engine.learned.features); "
                "a text scores its most suspicious segment",
        "trained_on": counts(rows),
        "licence_rule": "rows whose licence names no NC clause and is not absent / unspecified / mixed "
                        "(bench/dev/learned_data.py licence_ok); plus the project's own hand-written sets",
        "options": opts,
        "sha256": digest,
    }
    out.write_text(json.dumps({"meta": meta, **body}, ensure_ascii=False, separators=(",", ":")))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--c", type=float, default=0.5)
    ap.add_argument("--keep", type=int, default=40000)
    a = ap.parse_args()
    rows = load_rows()
    weights, bias = train(rows, c=a.c, keep=a.keep)
    write(weights, bias, rows, a.out, {"C": a.c, "keep": a.keep, "min_df": 2, "balance": "group x label", "mil_rounds": 1})
    print(f"{len(weights)} features, bias {bias:.3f}, {a.out.stat().st_size} bytes -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

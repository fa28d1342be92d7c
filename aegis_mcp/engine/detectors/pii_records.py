"""pii, continued: how many *people* a call's identifiers belong to, counted by the records that hold them.

Five identifiers make a dataset (pii.BULK_STRONG); so do two rows of a table. A call that carries
a list of objects (`rows[0].pesel`, `rows[1].pesel`) or a CSV whose lines each hold a card number
describes several people, which one person's form (a card and an IBAN together) never does: the
same kind of identifier in two records is two people.
"""

from __future__ import annotations

from typing import Any, Iterable

RECORDS_MIN = 2


def _record_of(path: str) -> str:
    """The pointer up to its last array index (`/rows/1/pesel` -> `/rows/1`), or '' when none."""
    segs = path.split("/")
    for i in range(len(segs) - 1, 0, -1):
        if segs[i].isdigit():
            return "/".join(segs[: i + 1])
    return ""


def record_count(scans: Iterable[Any]) -> int:
    """The most records (array items, or lines of one multi-line value) holding the same kind of strong
    PII value: two card numbers on two lines are two people; a card and an IBAN on two lines, one."""
    records: dict[str, set[tuple[str, int]]] = {}
    for s in scans:
        raw = s.fragment.raw
        rec = _record_of(s.fragment.path)
        for f, v in zip(s.findings, s.values):
            if f.family != "pii" or f.confidence != "strong":
                continue
            if rec:
                records.setdefault(f.kind, set()).add((rec, 0))
            elif "\n" in raw:
                at = raw.find(v)
                records.setdefault(f.kind, set()).add((s.fragment.path, raw.count("\n", 0, at) if at >= 0 else -1))
    return max((len(r) for r in records.values()), default=0)

"""Literal prefilters for phrase patterns: words one of which every match of a pattern must contain.

The injection detector's gate (injection.GATE) must be a *necessary* condition for a signal, and
cheap: the strong phrase patterns themselves (bounded gaps, dozens of alternations) cost the
engine's shared gate pass ~10x more than the detector they would spare. So each pattern is
reduced, by walking its parse tree, to a set of literal strings such that any text it matches
contains at least one of them (RE2's FilteredRE2 "atoms", computed here because the Python
binding does not expose them). A pattern with no such set (everything optional) is returned as
None, and the caller must keep the pattern itself.

Soundness, node by node (a "requirement" R of a node: every string the node matches contains a
member of R as a substring):
- a node that can match only a few exact strings (literals, small classes, alternations of those,
  optional parts, anchors as ""): those strings; a run of such nodes in a sequence: every
  concatenation of them (the run is matched contiguously, so one of them occurs);
- a sequence: the requirement of any one of its runs or items (the most selective is kept);
- an alternation: the union of the branches' requirements (each branch needs one), or none if
  any branch has none;
- a repeat with min >= 1 or a group: its body's requirement; min 0, big classes, "any": none.
"""

from __future__ import annotations

import re
from typing import Callable

try:  # Python 3.11+: the parser moved (the old name warns)
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore[no-redef]

_Req = frozenset[str] | None
_Node = tuple["frozenset[str] | None", _Req]  # (every string the node can match, if few; a requirement)
_MAX_CLASS = 4  # a class of up to this many characters is kept as alternatives
_MAX_PRODUCT = 64  # exact strings kept for a run of a sequence
_MAX_SET = 400  # a requirement with more members than this is not worth a gate


def _better(a: _Req, b: _Req) -> _Req:
    """The more selective of two requirements (longest shortest member, then fewer members)."""
    if a is None or "" in a:
        return b
    if b is None or "" in b:
        return a
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _seq(items: list[tuple[object, object]]) -> _Node:
    """A concatenation: runs of items with few exact strings are multiplied out (`(?:your|the) new`
    gives "your new" and "the new"), and the most selective run or item is the requirement."""
    best: _Req = None
    cur: frozenset[str] | None = frozenset({""})  # exact strings of the current run
    all_exact = True
    for op, av in items:
        exact, req = _node(op, av)
        if exact is not None and cur is not None and len(cur) * len(exact) <= _MAX_PRODUCT:
            cur = frozenset(a + b for a in cur for b in exact)
            continue
        best = _better(best, cur)
        if exact is None:
            all_exact = False
            best = _better(best, req)
            cur = frozenset({""})
        else:
            all_exact = False  # too many strings to keep exact
            cur = exact
    best = _better(best, cur)
    return (cur if all_exact else None), best


def _node(op: object, av: object) -> _Node:
    return node_with(op, av, _seq)


def node_with(op: object, av: object, seq: Callable[[list[tuple[object, object]]], _Node]) -> _Node:
    """One parse-tree node as (its exact strings if few, a requirement); `seq` judges a concatenation
    (injection_atoms passes its own, which weighs literals differently and keeps word boundaries)."""
    if op is _sre.LITERAL:
        one = frozenset({chr(av)})  # type: ignore[arg-type]
        return one, one
    if op is _sre.AT:
        return frozenset({""}), None  # an anchor or \b matches the empty string
    if op is _sre.SUBPATTERN:
        return seq(list(av[-1]))  # type: ignore[index]
    if op is _sre.BRANCH:
        exact: set[str] | None = set()
        req: set[str] | None = set()
        for branch in av[1]:  # type: ignore[index]
            e, r = seq(list(branch))
            exact = None if exact is None or e is None else exact | e
            req = None if req is None or r is None or "" in r else req | r
        ex = frozenset(exact) if exact is not None and len(exact) <= _MAX_PRODUCT else None
        rq = frozenset(req) if req is not None and len(req) <= _MAX_SET else None
        return ex, rq
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        lo, hi, body = av  # type: ignore[misc]
        e, r = seq(list(body))
        if lo == 0 and hi == 1:
            return (None if e is None else e | {""}), None  # optional: "" or the body
        if lo == 1 and hi == 1:
            return e, r
        return None, (r if lo >= 1 else None)
    if op is _sre.IN:
        chars: set[str] = set()
        for cop, cav in av:  # type: ignore[union-attr]
            if cop is not _sre.LITERAL:
                return None, None  # a range, a negation or a category: too many characters
            chars.add(chr(cav))
        one = frozenset(chars)
        return (one, one) if 0 < len(chars) <= _MAX_CLASS else (None, None)
    return None, None  # any character, negated literals, back references...


def _parse(source: str) -> list[tuple[object, object]] | None:
    """The parse tree, or None for RE2-only syntax Python's parser rejects (`\\p{L}`): the caller
    then keeps the pattern itself, which is always sound."""
    try:
        return list(_sre.parse(source))
    except re.error:
        return None


def required_literals(source: str) -> frozenset[str] | None:
    """Literal strings one of which every match of `source` contains, or None if there is no such set."""
    parsed = _parse(source)
    if parsed is None:
        return None
    r = _seq(parsed)[1]
    if r is None or len(r) > _MAX_SET or "" in r:
        return None
    return r


_SPECIAL = frozenset("\\.^$|?*+()[]{}")


def _alt(strings: frozenset[str]) -> str:
    return "(?:" + "|".join("".join("\\" + c if c in _SPECIAL else c for c in s) for s in sorted(strings)) + ")"


def _skel_seq(items: list[tuple[object, object]], parts_max: int) -> str | None:
    parts: list[tuple[tuple[int, int], str]] = []  # (selectivity, pattern) in order
    cur: frozenset[str] | None = frozenset({""})

    def flush() -> None:
        if cur is not None and "" not in cur:
            parts.append(((min(map(len, cur)), -len(cur)), _alt(cur)))

    for op, av in items:
        exact, req = _node(op, av)
        if exact is not None and cur is not None and len(cur) * len(exact) <= _MAX_PRODUCT:
            cur = frozenset(a + b for a in cur for b in exact)
            continue
        flush()
        if exact is not None:
            cur = exact
            continue
        cur = frozenset({""})
        sk = _skel(op, av, parts_max)
        if sk is not None and req is not None and "" not in req:
            parts.append(((min(map(len, req)), -len(req)), sk))
    flush()
    if not parts:
        return None
    keep = sorted(range(len(parts)), key=lambda i: parts[i][0], reverse=True)[:parts_max]
    return "(?s:.*)".join(parts[i][1] for i in sorted(keep))


def _skel(op: object, av: object, parts_max: int) -> str | None:
    if op is _sre.SUBPATTERN:
        return _skel_seq(list(av[-1]), parts_max)  # type: ignore[index]
    if op is _sre.BRANCH:
        out = []
        for branch in av[1]:  # type: ignore[index]
            sk = _skel_seq(list(branch), parts_max)
            if sk is None:
                return None
            out.append(sk)
        return "(?:" + "|".join(out) + ")"
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        lo, _hi, body = av  # type: ignore[misc]
        return _skel_seq(list(body), parts_max) if lo >= 1 else None
    exact, _ = _node(op, av)
    return None if exact is None or "" in exact else _alt(exact)


def skeleton(source: str, parts_max: int = 2) -> str | None:
    """A relaxation of `source`: its required literal runs, in order, joined by "anything"
    (`(?s:.*)`); at most `parts_max` of them per sequence (the most selective). Every text the
    pattern matches, the skeleton matches (each dropped or widened piece only admits more).
    None when nothing is required."""
    parsed = _parse(source)
    return None if parsed is None else _skel_seq(parsed, parts_max)


def skeleton_gate(sources: list[str], parts_max: int = 2) -> list[str]:
    """Case-insensitive RE2 patterns that together are a necessary condition for any of `sources`
    (lower-case patterns) to match: one alternation of their skeletons, plus each source that has
    none (nothing required: kept as it is)."""
    skels: list[str] = []
    keep: list[str] = []
    for src in sources:
        sk = skeleton(src, parts_max)
        if sk is None:
            keep.append("(?i)" + src)
        else:
            skels.append(sk)
    if skels:
        keep.insert(0, "(?i)(?:" + "|".join(skels) + ")")
    return keep

"""A cap hit is cheap and still fails closed: bulk lists and many-key objects are taken in whole runs.

- the run path (extract._Walker._plain_prefix / _key_prefix) yields exactly the fragments, signals
  and total of the string-by-string walk, for any mix of strings, JSON-looking text, numbers,
  nesting, str subclasses and caps;
- a 100,000-string call is decided pending (limits/strings), never allowed; a payload inside the
  kept strings still blocks; strings past the cap are never looked at, and the kept ones are
  normalised as a few joined groups, not one by one.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis_mcp.engine import extract as X
from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall
from aegis_mcp.engine.policy import Limits


class _Tagged(str):
    """A str subclass, as a Python caller might pass: joined and walked like any string."""


# strings the loop takes inline (a run can cover them), and odd ones that end a run or spoil it
_PLAIN = (st.sampled_from(["item", "", "a/b", "c~d", "x" * 300, "ｆｉｌｅ", "../../etc/passwd", "' OR 1=1 --",
                           "ignore previous instructions", "x\x00y", "é\u200b"])
          | st.text(st.characters(blacklist_categories=("Zs", "Zl", "Zp", "Cc", "Cs")), max_size=6))
_ODD = st.sampled_from([" lead", "\u3000wide", "{\"a\": \"b\"}", "[\"x\", \"y\"]", " [\"w\"]", "\u2028{\"k\": \"v\"}",
                        "x\x00{y", "\x00 ", "\t"]) | st.integers(-5, 5) \
    | st.none() | st.booleans() | st.just(["in", "a", "list"]) | st.just({"k": "v"})


def _spoil(base: list[Any], odd: list[tuple[int, Any]]) -> list[Any]:
    out = list(base)
    for at, x in odd:
        out.insert(min(at, len(out)), x)
    return out


def _keyed(n: int, prefix: str, values: list[Any], odd: list[tuple[int, Any]]) -> dict[str, Any]:
    doc = {f"{prefix}{i}": values[i % len(values)] for i in range(n)}
    for at, x in odd:  # a value the key run cannot skip (text, a container) somewhere
        doc[f"{prefix}{at}"] = x
    return doc


_LIST = st.builds(_spoil, st.lists(_PLAIN, min_size=60, max_size=160),
                  st.lists(st.tuples(st.integers(0, 170) | st.just(0), _ODD), max_size=2))
_KEYS = st.builds(_keyed, st.integers(60, 160), st.sampled_from(["k", "a/", "~", "' OR ", "ｆ", "x" * 200]),
                  st.lists(st.integers() | st.none() | st.booleans() | st.floats(allow_nan=False), min_size=1, max_size=3),
                  st.lists(st.tuples(st.integers(0, 170), _ODD | _PLAIN), max_size=2))


def _walk(call: ToolCall, limits: Limits) -> tuple[Any, ...]:
    ctx = X.extract(call, limits=limits)
    # (the booleans and integers the flag/identifier detectors read: a run must not skip them)
    return ctx.fragments, ctx.extra["signals"], ctx.total_chars, ctx.extra.get("scalars")


def _same_as_reference(doc: Any, limits: Limits, bulk: int) -> None:
    call = ToolCall("t", doc)
    mp = pytest.MonkeyPatch()
    try:
        mp.setattr(X, "BULK_STRINGS", bulk)  # small: the coalesced form is compared too
        got = _walk(call, limits)
        mp.setattr(X, "_BULK_RUN", 10**9)  # no run is ever taken: the reference walk
        want = _walk(call, limits)
    finally:
        mp.undo()
    assert got == want


_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_CAPS = {"max_strings": st.sampled_from([3, 70, 150, 10_000, 10_000]),
         "max_chars": st.sampled_from([40, 2_000, 262_144, 262_144]), "max_depth": st.sampled_from([1, 32, 32]),
         "bulk": st.sampled_from([20, 1_000])}


@_SETTINGS
@given(lists=st.lists(_LIST, min_size=1, max_size=2), nest=st.integers(0, 2), tag=st.booleans(), **_CAPS)
def test_list_runs_extract_exactly_as_the_string_by_string_walk(lists: list[list[Any]], nest: int, tag: bool,
                                                                max_strings: int, max_chars: int, max_depth: int,
                                                                bulk: int) -> None:
    if tag:  # str subclasses, as a Python caller might pass
        lists = [[_Tagged(x) if type(x) is str else x for x in v] for v in lists]
    doc: Any = {"items": lists[0], "q": "SELECT 1", **({"rows": lists[1]} if len(lists) > 1 else {})}
    for _ in range(nest):
        doc = {"wrap": [doc, "tail"]}
    _same_as_reference(doc, Limits(max_depth=max_depth, max_strings=max_strings, max_total_chars=max_chars), bulk)


@pytest.mark.parametrize("odd", ['{"a": "b"}', '["x", "y"]', ' ["w"]', "\u3000lead", "x\x00{y", 7, None, ["n"]])
@pytest.mark.parametrize("at", [0, 1, 40, 99])
@pytest.mark.parametrize("bulk", [20, 1_000])
def test_one_odd_item_in_a_long_list_is_walked_as_before(odd: Any, at: int, bulk: int) -> None:
    items: list[Any] = [f"v{i}" for i in range(100)]
    items.insert(at, odd)
    _same_as_reference({"items": items, "n": ["a/b"] * 70}, Limits(), bulk)


@_SETTINGS
@given(objs=st.lists(_KEYS, min_size=1, max_size=2), root=st.booleans(), nest=st.integers(0, 2), **_CAPS)
def test_key_runs_extract_exactly_as_the_string_by_string_walk(objs: list[dict[str, Any]], root: bool, nest: int,
                                                               max_strings: int, max_chars: int, max_depth: int,
                                                               bulk: int) -> None:
    doc: Any = objs[0] if root else {"a": objs[0], "b": "x", "c": objs[-1]}
    for _ in range(nest):
        doc = {"wrap": [doc, "tail"]}
    _same_as_reference(doc, Limits(max_depth=max_depth, max_strings=max_strings, max_total_chars=max_chars), bulk)


_ENGINE = Engine(memo=False)


def _hundred_thousand(payload_at: int | None) -> ToolCall:
    items = [f"item-{i}" for i in range(100_000)]
    if payload_at is not None:
        items[payload_at] = "x'; DROP TABLE users; --"
    return ToolCall("execute_sql", {"items": items})


def test_a_hundred_thousand_strings_are_held_at_the_string_cap() -> None:
    d = _ENGINE.check(_hundred_thousand(None))
    assert d.decision == "pending"
    assert any(s.pattern == "limits" and s.rule == "strings" for s in d.signals)


def test_a_payload_among_the_kept_strings_still_blocks() -> None:
    d = _ENGINE.check(_hundred_thousand(5))
    assert d.decision == "block"
    assert any(s.pattern == "sql_injection" for s in d.signals)


def test_a_payload_past_the_cap_is_held_never_allowed() -> None:
    d = _ENGINE.check(_hundred_thousand(50_000))
    assert d.decision != "allow"
    assert any(s.pattern == "limits" for s in d.signals)


def test_strings_past_the_cap_are_not_scanned_and_kept_ones_are_grouped(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = X.normalize

    def counting(text: str, role: Any) -> Any:
        calls.append(len(text))
        return real(text, role)

    monkeypatch.setattr(X, "normalize", counting)
    ctx = X.extract(_hundred_thousand(None))
    text = "\n".join(f.raw for f in ctx.fragments)
    assert "item-9998" in text and "item-10000" not in text and "item-99999" not in text
    assert ctx.total_chars < sum(len(f"item-{i}") for i in range(10_001)) + len("items")
    # the kept strings were normalised as one joined group (plus the key), not 10,000 times
    assert len(calls) <= 2
    assert [s.rule for s in ctx.extra["signals"] if s.pattern == "limits"] == ["strings"]


def test_many_payload_keys_block_and_hit_the_cap() -> None:
    d = _ENGINE.check(ToolCall("t", {f"' OR {i}={i} --": i for i in range(20_000)}))
    assert d.decision == "block"
    assert {s.pattern for s in d.signals} >= {"sql_injection", "limits"}


@pytest.mark.parametrize("depth", [31, 32, 33, 40, 300])
@pytest.mark.parametrize("inner", ["x'; DROP TABLE users; --", ["a", "b"], {"k": "../../etc/passwd"}, [], 7])
def test_a_chain_of_one_element_lists_past_the_depth_cap_extracts_as_a_padded_one(depth: int, inner: Any) -> None:
    """Below the depth cap a chain [[[...]]] is taken straight down to its innermost value; a chain whose
    levels carry a null beside the child (never shortcut, adds nothing) must extract exactly the same."""
    chain: Any = inner
    padded: Any = inner
    for _ in range(depth):
        chain, padded = [chain], [padded, None]
    want = _walk(ToolCall("t", {"q": padded}), Limits())
    assert _walk(ToolCall("t", {"q": chain}), Limits()) == want
    if depth >= 32:  # (the object around it is one more level)
        assert any(s.rule == "depth" for s in want[1])


def test_a_hundred_thousand_deep_list_bomb_still_blocks_its_payload() -> None:
    bomb: Any = "x'; DROP TABLE users; --"
    for _ in range(100_000):
        bomb = [bomb]
    d = _ENGINE.check(ToolCall("execute_sql", {"query": bomb}))
    assert d.decision == "block"
    assert {(s.pattern, s.rule) for s in d.signals} >= {("limits", "depth")}

"""PatternSet chunks by pattern count and by RE2 program size: same answers whatever the chunking."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aegis_mcp.engine import regex

_WORDS = [f"w{i}ord{i % 7}" for i in range(1500)]
_NAMED = [
    ("small", r"(?i)\bignore\b"),
    ("huge", r"(?i)(?:^|\n)\s*(?:" + "|".join(_WORDS) + r")\s+then"),
    ("gap", r"send[^.!?\n]{0,60}\bpassword"),
    ("tiny", r"\d{3}-\d{2}-\d{4}"),
    ("huge2", r"(?:" + "|".join(w[::-1] for w in _WORDS) + r")!"),
    ("last", r"(?i)jailbreak"),
]


def test_a_pattern_over_the_budget_gets_a_dfa_of_its_own() -> None:
    bounds = regex._chunk_bounds(_NAMED, 64, 4000)  # noqa: SLF001
    assert bounds[0][0] == 0 and bounds[-1][1] == len(_NAMED)
    assert all(a < b for a, b in bounds) and all(b == c for (_, b), (c, _) in zip(bounds, bounds[1:]))
    alone = {a for a, b in bounds if b - a == 1}
    assert {1, 4} <= alone  # the two huge alternations
    assert regex._chunk_bounds(_NAMED, 64, None) == [(0, len(_NAMED))]  # noqa: SLF001
    assert regex._chunk_bounds(_NAMED, 4, None) == [(0, 4), (4, 6)]  # noqa: SLF001


_TEXTS = st.lists(st.sampled_from(["ignore", "w12ord5", " then", "send it", "password", "123-45-6789", "\n",
                                   "5drow21w!", "jailBreak", ".", " ", "x"]), max_size=30).map("".join)


_REF = regex.PatternSet(_NAMED, chunk=64, filtered=False, max_insts=None)
_OTHERS = (regex.PatternSet(_NAMED, filtered=False, max_insts=4000),
           regex.PatternSet(_NAMED, chunk=2, filtered=False, max_insts=1000))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_same_names_in_the_same_order_whatever_the_chunking(text: str) -> None:
    ref = _REF
    for other in _OTHERS:
        assert other.matches(text) == ref.matches(text)
        assert other.test(text) == ref.test(text)
        # past SPLIT_MAX_BYTES the chunks by count answer: the same names again
        long = text + " " * regex.SPLIT_MAX_BYTES + text
        assert other.matches(long) == ref.matches(long)

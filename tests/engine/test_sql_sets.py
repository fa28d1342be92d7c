"""The SQL rule sets with their DFA-heavy alternatives run alone say exactly what one plain set of the rules says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import sql_sets as Q
from aegis_mcp.engine.detectors import sql_statement, sql_value
from aegis_mcp.engine.detectors.sql_rules import normalise

_SETS = {"statement": sql_statement._STMT_SET, "value": sql_value._VALUE_SET}  # noqa: SLF001
# The reference: every rule as written, in plain sets (chunked like the engine's, no filter).
_REFERENCE = {k: regex.PatternSet(list(s.rules), chunk=32) for k, s in _SETS.items()}

# Tokens that make the heavy alternatives (UNION ... catalog, FROM DUAL, CAST(SELECT), COPY ...
# PROGRAM) and their near misses occur, with the punctuation the light rules read.
_TOKENS = [
    "union", "union all", "select", "from", "dual", "information_schema.tables", "mysql.user", "null", "1", "'a'",
    "cast(", "as int", "copy", "to program", "alter user", "identified by", "randomblob(", "100000", ",", "(", ")",
    ";", "--", "#", "/*", "*/", "'", '"', "or", "and", "1=1", "where", "limit 1,1", "case when 1=1 then 1 end", "char(",
    "sysobjects", "pg_catalog.pg_user", "x", " ", "  ", "\n", "=", "^", "||", "sleep(5)", "uni/**/on",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=30), st.sampled_from(sorted(_SETS)))
def test_same_names_as_one_plain_set(tokens: list[str], which: str) -> None:
    text = normalise(" ".join(tokens))[0]
    assert set(_SETS[which].matches(text)) == set(_REFERENCE[which].matches(text)), text


def test_known_payloads_hit_through_the_heavy_alternatives() -> None:
    text = normalise("1' UNION SELECT table_name, NULL FROM information_schema.tables-- ")[0]
    assert "union_select" in _SETS["statement"].matches(text)
    text = normalise("1 AND (SELECT 1 FROM DUAL WHERE 1=1)")[0]
    assert set(_SETS["statement"].matches(text)) == set(_REFERENCE["statement"].matches(text))


def test_heavy_alternatives_are_taken_out_of_the_sets() -> None:
    # the rules measured to multiply the sets' DFA states: each is tested alone behind `union`/`dual`
    assert {"union", "dual"} <= set(sql_statement._STMT_SET._heavy)  # noqa: SLF001


def test_alternatives_split_only_at_top_level() -> None:
    assert Q.alternatives(r"a(?:b|c)|[|x]|d\|e") == ["a(?:b|c)", "[|x]", r"d\|e"]
    assert Q.alternatives(r"(?i)a|b") == [r"(?i)a|b"]  # the flag covers both: never split
    assert Q.alternatives(r"[]|]x|y") == ["[]|]x", "y"]


def test_mandatory_literals_are_conservative() -> None:
    assert Q.mandatory_literals(r"\bunion\s+select\b.{0,400}?\bdual\b") == ("union", "select", "dual")
    assert Q.mandatory_literals(r"ab?c") == ("a", "c")  # an optional letter is no part of a run
    assert Q.mandatory_literals(r"x(?:ab)*y") == ("x", "y")
    assert Q.mandatory_literals(r"\x41bc") == ()  # escapes it does not read: nothing claimed
    assert Q.mandatory_literals(r"(?i)union") == ()  # case-insensitive: not a substring test
    assert Q.mandatory_literals(r"a\.b\(") == ("a.b(",)


def test_heavy_means_a_long_count() -> None:
    assert Q.is_heavy(r"select.{0,400}?from")
    assert Q.is_heavy(r"(?:,\d+){2,}")
    assert not Q.is_heavy(r"\d{1,3}")


_COMMENTY = st.lists(st.sampled_from(["/*", "*/", "/", "*", "\n", "a", " ", "!", "/**/", "union", "'"]), max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(_COMMENTY, st.sampled_from(["", " "]))
def test_inline_comments_replaced_as_the_pattern_does(text: str, repl: str) -> None:
    from aegis_mcp.engine.detectors import sql_normal as N

    assert N.replace_inline_comments(text, repl) == N._INLINE_COMMENT.sub(repl, text)  # noqa: SLF001

"""sqlglot-based structure checks: tautologies, stacked statements and literal break-outs judged on parse trees.

Parsing costs ~0.1-1 ms, so callers reach this only after the cheap RE2 gate says the text
has SQL-injection shape. Every function here returns findings and never raises: a parse
failure simply means "no structural evidence from the parser".
"""

from __future__ import annotations

import functools
import logging
from typing import Iterator

import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError

# sqlglot logs unsupported-syntax warnings; the engine must stay quiet on hostile input.
logging.getLogger("sqlglot").setLevel(logging.CRITICAL)

_MAX_PARSE = 4_000
_MAX_VALUE_PARSE = 1_024  # injection payloads are short; a long value is judged by the token rules  # longer texts are judged by the token rules only (bounded cost)
_DIALECT = "mysql"  # MySQL reads "x" as a string and understands #, ||-as-OR, /*! */

Finding = tuple[str, int, str]  # (rule, severity as RiskLevel int, detail)

_DESTRUCTIVE = (exp.Drop, exp.Delete, exp.TruncateTable, exp.Alter, exp.Insert, exp.Update, exp.Create, exp.Grant, exp.Command, exp.Merge)
_SUSPICIOUS_FUNCS = frozenset(
    {"sleep", "benchmark", "pg_sleep", "extractvalue", "updatexml", "load_file", "version", "database", "user",
     "current_user", "system_user", "schema", "db_name", "user_name", "group_concat", "elt", "make_set", "randomblob"}
)


def parse(text: str, dialect: str | None = None) -> list[exp.Expression] | None:
    if len(text) > _MAX_PARSE:
        return None
    return _parse_cached(text, dialect or _DIALECT)


@functools.lru_cache(maxsize=512)
def _parse_cached(text: str, dialect: str) -> list[exp.Expression] | None:
    # Agents repeat the same statements; a parse costs 0.1-5 ms. Trees are only read, never changed.
    try:
        trees = sqlglot.parse(text, read=dialect)
    except (SqlglotError, ValueError, RecursionError, KeyError, IndexError, TypeError, AttributeError):
        return None
    return [t for t in trees if t is not None and not isinstance(t, exp.Semicolon)]


def _is_constant(node: exp.Expression) -> bool:
    """True when a predicate does not depend on the row: no column, no subquery, no placeholder.

    Functions of constants count (`md5(5)`, `localtime`, `version()`): they are the same for
    every row, which is all a tautology needs.
    """
    if isinstance(node, (exp.Column, exp.Select, exp.Subquery, exp.Star, exp.Placeholder, exp.Parameter, exp.SessionParameter, exp.Exists)):
        return False
    return all(_is_constant(c) for c in node.iter_expressions())


_COMPARISONS = (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.Like, exp.ILike, exp.NullSafeEQ, exp.RegexpLike, exp.Is, exp.SimilarTo)


def _chained_comparison(tree: exp.Expression) -> exp.Expression | None:
    """`a = 'x' <> 'y'`, `'' LIKE ''` after a column: a comparison of a comparison. Real queries
    never chain comparisons; a value breaking out of its literal does exactly that."""
    for node in tree.find_all(*_COMPARISONS):
        for side in (node.this, node.expression):
            if isinstance(side, _COMPARISONS):
                return node
    return None


def _self_compare(node: exp.Expression) -> bool:
    """`x = x`, `a.b = a.b`: an always-true comparison of a column with itself."""
    return isinstance(node, (exp.EQ, exp.Like, exp.GTE, exp.LTE)) and node.this == node.expression and isinstance(node.this, exp.Column)


def _match_all(node: exp.Expression) -> bool:
    """`name LIKE '%'`: true for every non-null row."""
    if isinstance(node, (exp.Like, exp.ILike)) and isinstance(node.expression, exp.Literal) and node.expression.is_string:
        return node.expression.this.strip("%") == ""
    return False


def _bool_ops(tree: exp.Expression) -> Iterator[exp.Expression]:
    yield from tree.find_all(exp.Or, exp.Xor)


def _constant_operand(node: exp.Expression, strict: bool) -> exp.Expression | None:
    """The operand of an OR/XOR that is constant. `strict`: only a comparison or TRUE counts
    (for bare values, where `1950 or 1960` is prose, not a tautology)."""
    for side in (node.this, node.expression):
        if side is None:
            continue
        inner = side.unnest() if isinstance(side, exp.Paren) else side
        # `' OR '1'='1' AND pw = '...'`: AND binds tighter, so the injected constant is the
        # first conjunct of the OR's right side.
        if node.expression is side and isinstance(inner, exp.And):
            first = _conjuncts(inner)[0]
            if _self_compare(first) or _match_all(first) or _literal_comparison(first):
                return first
        if _self_compare(inner) or _match_all(inner):
            return inner
        if _is_constant(inner) and (not strict or _literal_comparison(inner) or isinstance(inner, exp.Boolean)):
            return inner
    return None


def _literal_comparison(node: exp.Expression) -> bool:
    return isinstance(node, (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.Like, exp.NullSafeEQ)) and _is_constant(node)


def _conjuncts(node: exp.Expression) -> list[exp.Expression]:
    node = node.unnest() if isinstance(node, exp.Paren) else node
    if isinstance(node, exp.And):
        return _conjuncts(node.this) + _conjuncts(node.expression)
    return [node]


def tree_findings(trees: list[exp.Expression], strict: bool = False) -> list[Finding]:
    """Injected structure in parsed statement(s): tautology, stacked statements, appended constant condition."""
    out: list[Finding] = []
    if len(trees) > 1 and isinstance(trees[0], exp.Transaction) and isinstance(trees[-1], exp.Commit):
        # BEGIN; ...; COMMIT; is a transaction an agent may well send; judge what is inside.
        trees = [t for t in trees[1:-1]]
        if any(isinstance(t, (exp.Drop, exp.TruncateTable, exp.Grant)) for t in trees):
            return [("stacked_statement", 2, "a transaction that drops, truncates or grants")]
        if len(trees) <= 1:
            return tree_findings(trees, strict) if trees else []
        return [f for t in trees for f in tree_findings([t], strict)]
    if len(trees) > 1:
        later = trees[1:]
        destructive = [t for t in later if isinstance(t, _DESTRUCTIVE)]
        if destructive:
            kind = type(destructive[0]).__name__.upper()
            first_read = isinstance(trees[0], (exp.Select, exp.Union))
            out.append(("stacked_statement", 3 if first_read else 2, f"a {kind} statement stacked after a {type(trees[0]).__name__.upper()}"))
        elif any(isinstance(t, (exp.Select, exp.Union)) for t in later) and any(t.find(exp.Anonymous) for t in later):
            out.append(("stacked_statement", 2, "a second statement stacked after the first"))
    for tree in trees:
        for op in _bool_ops(tree):
            const = _constant_operand(op, strict)
            if const is not None:
                out.append(("tautology", 3, f"{type(op).__name__.upper()} with a constant operand: {const.sql(dialect=_DIALECT)[:60]}"))
                break
        if not strict:
            for op in tree.find_all(exp.And, exp.Or):
                if any(isinstance(side, exp.Literal) and side.is_string for side in (op.this, op.expression)):
                    out.append(("literal_breakout", 3, f"a bare string literal as a {type(op).__name__.upper()} operand"))
                    break
        chained = None if strict else _chained_comparison(tree)
        if chained is not None:
            out.append(("literal_breakout", 3, f"chained comparison {chained.sql(dialect=_DIALECT)[:60]}"))
        for clause in (tree.find(exp.Where), tree.find(exp.Having)):
            if clause is None:
                continue
            for i, conj in enumerate(_conjuncts(clause.this)):
                if not _literal_comparison(conj):
                    continue
                # A comparison involving a string literal ('a'='a', 1='1') is a literal broken
                # out of; a numeric one is a blind probe unless it leads the clause (query
                # builders start with `WHERE 1=1`).
                if not strict and any(isinstance(x, exp.Literal) and x.is_string for x in conj.find_all(exp.Literal)):
                    out.append(("literal_breakout", 3, f"constant comparison of string literals {conj.sql(dialect=_DIALECT)[:60]}"))
                    break
                if i > 0 or isinstance(clause, exp.Having):
                    out.append(("constant_condition", 2, f"constant condition {conj.sql(dialect=_DIALECT)[:60]}"))
                    break
            for node in clause.find_all(exp.Binary):
                if isinstance(node, (exp.And, exp.Or, exp.Xor)) or not _is_constant(node):
                    continue
                lits = list(node.find_all(exp.Literal))
                if not strict and any(x.is_string for x in lits) and not isinstance(node.parent, (exp.In, exp.Between)) and not _literal_comparison(node):
                    out.append(("literal_breakout", 3, f"operator between literals {node.sql(dialect=_DIALECT)[:60]}"))
                    break
        for union in tree.find_all(exp.Union):
            right = union.expression
            if isinstance(right, exp.Select) and right.expressions and all(_is_constant(e) for e in right.expressions) and not right.args.get("from_") and len(right.expressions) >= 1:
                out.append(("union_select", 3, f"UNION SELECT of {len(right.expressions)} constant column(s)"))
                break
    return out


_HOSTS = (
    ("'", "SELECT a FROM t WHERE c = '{v}'"),
    ('"', 'SELECT a FROM t WHERE c = "{v}"'),
    ("", "SELECT a FROM t WHERE c = {v}"),
)


def _stayed_a_value(tree: exp.Expression) -> bool:
    where = tree.find(exp.Where)
    if where is None:
        return False
    cond = where.this
    if not (isinstance(cond, exp.EQ) and isinstance(cond.this, exp.Column) and cond.this.name == "c"):
        return False
    value = cond.expression
    # Still one operand: a literal, a name, a negated number (the bare host's `= -5`).
    return isinstance(value, (exp.Literal, exp.Column, exp.Null, exp.Boolean)) or isinstance(value, exp.Neg) and isinstance(value.this, exp.Literal)


def breakout_findings(value: str) -> list[Finding]:
    """Place `value` where an application would (inside '...', "...", or bare) and ask whether it broke out.

    A value that stays one literal is data. One that turns the WHERE into boolean logic with
    constants, a UNION, extra statements, or a call of a fingerprinting function is injection.
    """
    if len(value) > _MAX_VALUE_PARSE:
        return []
    if "\\N" in value:
        value = value.replace("\\N", " NULL ")  # MySQL's \N is NULL
    lowered = value.lower()
    # Only an OR/XOR (`or`, `xor`, MySQL's `||`) can widen a query, only `union` makes a UNION:
    # the readings below that need one are not parsed without it (each parse is 0.1-1 ms).
    can_widen = "or" in lowered or "||" in value
    can_union = "union" in lowered
    for quote, host in _HOSTS:
        if quote and quote not in value:
            continue
        if quote == '"' and not (can_widen or can_union):
            continue  # this reading counts only a widening OR or a UNION (below)
        odd = False
        trees = parse(host.replace("{v}", value))
        if trees is None and quote and value.count(quote) % 2 and can_widen:
            # An odd number of quotes (`' OR UserID IS NOT 2`) leaves the host's own closing
            # quote dangling; read the value as the end of the query instead.
            odd = True
            trees = parse(host[: host.rindex(quote)].replace("{v}", value))
        if not trees or _stayed_a_value(trees[0]) and len(trees) == 1:
            continue
        widened = trees[0].find(exp.Or, exp.Xor) is not None
        if odd and not widened:
            continue  # only an OR that widens the query counts in this reading
        if quote == '"' and not widened and not trees[0].find(exp.Union):
            # `"` is also inches and quoting in product text (`1/4"-1/2 RIBBON`); MySQL alone
            # reads it as a string delimiter: only a widening OR or a UNION counts there.
            continue
        found = tree_findings(trees, strict=not quote)
        if quote and trees[0].find(exp.Or, exp.Xor) is None:
            # Quoted operators and words ("*", "LIKE", SMALL "&" SIGN) are common in product
            # text: without an OR widening the query, a break-out is held, not blocked.
            found = [(r, 2 if r == "literal_breakout" else s, d) for r, s, d in found]
        if quote and not found:
            # The quote closed early and what followed still parses as SQL: by definition the
            # value is no longer data (`aa'or column!='1`, `A' - 'B`, `' NOT RLIKE '`).
            widened = trees[0].find(exp.Or, exp.Xor) is not None
            # An OR after the closed quote widens the query (`aa'or column!='1`): block. Other
            # continuations (an operator, an AND with a literal) are held for a human.
            found.append(("literal_breakout", 3 if widened else 2, "value closes its quote and continues as SQL"))
        for fn in trees[0].find_all(exp.Anonymous, exp.Func):
            name = (fn.name if isinstance(fn, exp.Anonymous) else fn.sql_name()).lower()
            if name in _SUSPICIOUS_FUNCS:
                found.append(("fingerprint_function", 3, f"value breaks out into a call of {name}()"))
                break
        if trees[0].find(exp.Union):
            found.append(("union_select", 3, "value breaks out into a UNION"))
        if found:
            return found
    return []


def unparsable_in_hosts(value: str) -> bool:
    """True when the value breaks the quoted host query (sqlglot cannot read it either way)."""
    if len(value) > _MAX_VALUE_PARSE:
        return False
    value = value.replace("\\N", " NULL ")
    return parse(_HOSTS[0][1].replace("{v}", value)) is None


# sqlglot builds its dialect tables on the first parse (~10 ms): pay that at import, not on
# the first tool call an agent makes.
parse("SELECT a FROM t WHERE c = 'x' OR 1 = 1")
parse("SELECT a || 'x' FROM t WHERE c = 1", "postgres")  # statements with `||` concatenation are read as PostgreSQL


def _leaf_selects(node: exp.Expression) -> list[exp.Expression]:
    if isinstance(node, exp.Union):
        return _leaf_selects(node.this) + _leaf_selects(node.expression)
    if isinstance(node, exp.Subquery):
        return _leaf_selects(node.this)
    return [node]


def ordinary_union(trees: list[exp.Expression] | None) -> bool:
    """One statement whose every UNION joins complete SELECTs: each reads FROM a table, has
    the same number of columns as its siblings, and projects at least one real column or
    aggregate (an injected branch pads with constants only: `SELECT NULL, NULL FROM t`).
    That is reporting SQL (`SELECT 'web', COUNT(*) FROM a UNION ALL SELECT 'store', ...`)."""
    if not trees or len(trees) != 1:
        return False
    unions = list(trees[0].find_all(exp.Union))
    if not unions:
        return False
    for union in unions:
        if union.parent is not None and isinstance(union.parent, exp.Union):
            continue  # judged through its top-level union
        branches = _leaf_selects(union)
        if len(branches) < 2 or not all(isinstance(b, exp.Select) for b in branches):
            return False
        widths = {len(b.expressions) for b in branches}
        if len(widths) != 1:
            return False
        for b in branches:
            if any(isinstance(e, exp.Star) or (isinstance(e, exp.Column) and isinstance(e.this, exp.Star)) for e in b.expressions) or (b.args.get("limit") is not None and b.args.get("offset") is not None):
                return False  # `SELECT *` cannot promise a width; LIMIT n,1 reads rows one at a time
            if not b.args.get("from_") or all(_is_constant(e.unalias() if isinstance(e, exp.Alias) else e) for e in b.expressions):
                return False
    return True

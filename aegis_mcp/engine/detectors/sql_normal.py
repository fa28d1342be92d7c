"""The normal form the SQL rules read: lower case, typographic quotes folded, MySQL versioned comments unwrapped, inline comments to spaces, whitespace collapsed.

Split from sql_rules.py (the rules themselves). Comment removal is done with string operations:
from Python an RE2 substitution costs tens of microseconds even on a short string.
"""

from __future__ import annotations

from typing import Any

from aegis_mcp.engine import regex

# MySQL runs the content of /*!50000 ... */ as SQL: unwrap it so the rules see it.
_VERSIONED = regex.compile(r"/\*!\d*(.*?)\*/")
_INLINE_COMMENT = regex.compile(r"/\*.*?\*/")
_WORD_SPLIT_BY_COMMENT = regex.compile(r"[a-z_]/\*.*?\*/[a-z_]")
_GLUED_KEYWORD = regex.compile(r"(\d)([def.]?)(union|and|or|select|having|order|div|like)\b")


def _squash(text: str) -> str:
    if "\n" in text or "\t" in text or "\r" in text or "  " in text or "\x0b" in text or "\x0c" in text:
        # str.split/join, not RE2's sub (from Python, re2.sub costs ~100 us on a short string).
        # Newlines are kept: they end `--` and `#` comments.
        lead = " " if text[:1] in " \t" else ""
        if "--" not in text and "#" not in text:
            # No line comment to end: a newline is white space like any other (`union\nselect`).
            return lead + " ".join(text.split())
        return lead + "\n".join(" ".join(line.split()) for line in text.splitlines())
    return text


# Typographic quotes and dashes: some collations ("best fit" code pages) turn them into real
# quotes, and payload lists copied through word processors carry them; NUL, U+FFFD and
# Unicode spaces act as whitespace between tokens.
_FOLD = str.maketrans(
    {
        **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02b9\uff07"},
        **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\uff02"},
        **{c: "--" for c in "\u2013\u2014\u2015\u2212"},
        **{c: " " for c in "\x00\ufffd\xa0\u2000\u2001\u2002\u2003\u2009\u200a\u202f\u205f\u3000"},
    }
)
_LINE_COMMENT = regex.compile(r"(?:--|#)[^\n]*\n")


def _strip_line_comments(low: str) -> str:
    """Remove `--`/`#` comments that a newline ends (str ops: re2.sub from Python is ~100 us)."""
    lines = low.split("\n")
    out = []
    for line in lines[:-1]:
        cut = min((i for i in (line.find("--"), line.find("#")) if i >= 0), default=-1)
        out.append(line if cut < 0 else line[:cut])
    out.append(lines[-1])
    return " ".join(out)


def fold(text: str) -> str:
    return text if text.isascii() and "\x00" not in text else text.translate(_FOLD)


# Dynamic SQL: `EXEC('xp_' + 'cmdshell ''whoami''')`, `EXEC sp_executesql N'DROP TABLE t'`. The server
# runs the string (its literals concatenated, a doubled quote unescaped) as a statement: the rules
# read it in place of the call.
_LIT = r"n?'(?:[^']|'')*'"
_DYNAMIC_SOURCE = (
    r"\bexec(?:ute)?\s*(?:\(\s*(" + _LIT + r"(?:\s*(?:\+|\|\|)\s*" + _LIT + r"){0,16})\s*\)"
    r"|(?:master\.\.|sys\.)?sp_executesql\s+(" + _LIT + r"))"
)
_DYNAMIC = regex.compile(_DYNAMIC_SOURCE)
_ONE_LIT = regex.compile(r"n?'((?:[^']|'')*)'")


def _dynamic_sql(m: Any) -> str:
    body = m.group(1) or m.group(2) or ""
    inner = "".join(x.group(1) for x in _ONE_LIT.finditer(body)).replace("''", "'")
    return " exec " + inner + " "


_DYNAMIC_ANY_CASE = regex.compile("(?i)" + _DYNAMIC_SOURCE)
_MAX_DYNAMIC = 4


def dynamic_statements(text: str) -> list[str]:
    """The statements a query runs as dynamic SQL (`EXEC('DR' + 'OP TABLE t')` -> `DROP TABLE t`), case kept."""
    if len(text) > 65536 or "exec" not in (text if text.islower() else text.lower()):
        return []
    out: list[str] = []
    for m in _DYNAMIC_ANY_CASE.finditer(text):
        inner = _dynamic_sql(m).strip()[5:].strip()  # (without the " exec " _dynamic_sql puts in front)
        if inner and inner not in out:
            out.append(inner)
            if len(out) >= _MAX_DYNAMIC:
                break
    return out


def normalise(text: str) -> tuple[str, str | None]:
    """Lower-case, unwrap versioned comments, inline comments to spaces, whitespace collapsed.

    Returns (form, joined): `joined` is the form with inline comments deleted instead, only when
    a comment sits between two word characters (`UN/**/ION`): some filters strip comments, so
    the joined word is what they would pass on.
    """
    low = fold(text).lower()
    if "exec" in low and "'" in low and _DYNAMIC.search(low) is not None:
        low = _DYNAMIC.sub(_dynamic_sql, low)
    if _GLUED_KEYWORD.search(low):
        low = _GLUED_KEYWORD.sub(r"\1\2 \3", low)  # `1e0union`, `1dunion`: number then keyword
    joined: str | None = None
    if "/*" in low:
        if "/*!" in low:
            low = _VERSIONED.sub(r" \1 ", low)
        if _WORD_SPLIT_BY_COMMENT.search(low) is not None:
            joined = _squash(replace_inline_comments(low, ""))
        low = replace_inline_comments(low, " ").replace("*/", " ")
    if "\n" in low and ("#" in low or "--" in low) and _LINE_COMMENT.search(low):
        # Line comments between tokens (`union#junk\nselect`): a filter sees comments, the
        # server sees `union select`. Read the text with them removed as well.
        stripped = _squash(_strip_line_comments(low))
        joined = stripped if joined is None else joined
    return _squash(low), joined


def replace_inline_comments(text: str, repl: str) -> str:
    """`_INLINE_COMMENT.sub(repl, text)` by string operations: each `/*` up to the first `*/`
    after it, when no newline lies between (RE2's `.` stops at one); otherwise the search moves
    on to the next `/*`, as the regex's leftmost-first scan does."""
    if "/*" not in text:
        return text
    out: list[str] = []
    done = pos = 0
    while True:
        start = text.find("/*", pos)
        if start < 0:
            break
        end = text.find("*/", start + 2)
        if end < 0:
            break
        if text.find("\n", start + 2, end) >= 0:
            pos = start + 1  # no match from this `/*`: the next one may still have one
            continue
        out.append(text[done:start])
        out.append(repl)
        done = pos = end + 2
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)

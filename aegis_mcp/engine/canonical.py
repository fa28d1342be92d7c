"""Canonical twins: a value spelt with invisible, look-alike or encoded characters is judged again as the text it stands for.

Normalisation (normalize.py) records decoded forms, but most detectors judge a fragment's raw
text and do their own, narrower decoding: `c\u200dat /etc/shadow`, `/һome/alice/.ssh/id_rsa`
(Cyrillic һ), `ｒｍ -ｒｆ /` or `SELECT%20...%20SLEEP(5)` reached them unreadable. A *twin* is a
second fragment at the same pointer whose raw text is the canonical spelling: invisible and
Unicode tag characters stripped, NFKC, look-alikes folded to Latin, typographic quotes made
ASCII, then percent / HTML-entity / backslash escapes decoded (twice, for double encodings).
Every detector judges it exactly as it would judge that text typed plainly, so no rule needs a
transformed copy; the original fragment keeps its evasion flags and signal.

A command wrapped in `sh -c '…'`, `eval '…'`, `cmd /c "…"` or `powershell -Command …` gets the
script it runs as a SHELL twin the same way (shell_wrap.inner_script), so targets and destinations
inside the quotes are read as words of a command; a query's dynamic SQL (`EXEC('DR' + 'OP TABLE t')`,
`sp_executesql N'…'`) gets the statement it runs as a SQL twin (sql_normal.dynamic_statements).

Only a fragment whose flags show such a spelling (or a command that wraps one) gets a twin (a set test per fragment on the
common call); prose gets one only for the unicode tricks (its entities and escapes are text).
The twin is bounded: the first TWIN_MAX characters, two decoding layers.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable

from aegis_mcp.engine import regex
from aegis_mcp.engine.decode import _backslash, _html, _percent
from aegis_mcp.engine.detectors import shell_parse as P
from aegis_mcp.engine.detectors import shell_wrap as WRAP
from aegis_mcp.engine.detectors import sql_normal as SQLN
from aegis_mcp.engine.detectors.base import R_SHELL, R_SQL, R_URL, Fragment, Role, new_fragment
from aegis_mcp.engine.roles import infer_role, tool_roles
from aegis_mcp.engine.normalize import (
    _CONFUSABLE_PAIRS_,
    _PUNCT_PAIRS,
    _STRIP_PAIRS,
    _TAG_STRIP,
    _replace_all,
    normalize,
)

__all__ = ["TWIN_FLAGS", "canonical_text", "with_twins"]

# A twin covers the first 4 KB of a value: what it exists for (a command, a path, a query, a URL, a
# sentence) is short, and a twin of a 16 KB hostile blob would double its detectors' work. The
# value's own decoded forms still cover DECODE_MAX, and its evasion flags its whole length.
TWIN_MAX = 4096
_UNICODE_FLAGS = frozenset(("zero_width", "bidi", "tag_chars", "confusables", "nfkc"))
_DECODE_FLAGS = frozenset(("percent", "double_percent", "overlong_utf8", "html_entity", "escape"))
TWIN_FLAGS = _UNICODE_FLAGS | _DECODE_FLAGS
# prose: entities and escapes in a document are text; only hiding inside words is an evasion there
_PROSE_FLAGS = frozenset(("zero_width", "tag_chars", "confusables"))
_PROSE = (Role.TEXT, Role.CONTENT)
_DECODERS = (_percent, _html, _backslash)


def _fold(s: str, prose: bool) -> str:
    """Invisible characters out, NFKC, look-alikes and typographic punctuation to ASCII."""
    if not s.isascii():
        s = s.translate(_TAG_STRIP)
        s = _replace_all(s, _STRIP_PAIRS)
        if not unicodedata.is_normalized("NFKC", s):
            s = unicodedata.normalize("NFKC", s)
        if not s.isascii():
            s = _replace_all(s, _CONFUSABLE_PAIRS_)
            if not prose:
                s = _replace_all(s, _PUNCT_PAIRS)
    return s


def canonical_text(raw: str, role: Role, flags: frozenset[str]) -> str | None:
    """The canonical spelling of `raw` (see the module docstring), or None when it is `raw` itself."""
    prose = role in _PROSE
    s = _fold(raw if len(raw) <= TWIN_MAX else raw[:TWIN_MAX], prose)
    if role is Role.URL and ("\t" in s or "\n" in s or "\r" in s):
        s = s.strip().replace("\t", "").replace("\n", "").replace("\r", "")
    if not prose and not _DECODE_FLAGS.isdisjoint(flags):
        scratch: set[str] = set()
        for _layer in range(2):
            before = s
            for dec in _DECODERS:
                out = dec(s, scratch)
                if out is not None and out != s:
                    s = _fold(out, prose)
            if s == before:
                break
    return None if s == raw else s


# A command wrapped in a shell that runs its argument (`sh -c '…'`, `eval '…'`, `cmd /c "…"`): every
# detector that reads a command's words (targets, destinations, programs) sees one quoted word;
# the inner script, as its own SHELL twin, is read as if typed at the prompt.
_WRAP_HINT = regex.compile(r"(?i)(?:^|\s)(?:-[a-z]*c|/[ckr]|-com[a-z]*)(?:\s|$)|\b(?:eval|watch|ssh)\b|\s-(?:exec|ok)")
_MAX_WRAPPED = 4


def _wrapped_scripts(raw: str) -> list[str]:
    if len(raw) > WRAP.MAX_SCRIPT * 2 or _WRAP_HINT.search(raw) is None:
        return []
    out: list[str] = []
    todo = [raw]
    for _depth in range(2):  # `sh -c "bash -c '…'"`: two levels
        nxt: list[str] = []
        for line in todo:
            for seg in P.parse(line)[:32]:
                inner = WRAP.inner_script(seg.name, seg.args)
                if inner is not None and inner not in out and len(out) < _MAX_WRAPPED:
                    out.append(inner)
                    nxt.append(inner)
        todo = nxt
        if not todo:
            break
    return out


def _url_controls(frag: Fragment) -> bool:
    """A URL holding a tab or a line break: URL parsers (WHATWG) delete them, `h\ttp://` is `http://`."""
    raw = frag.raw
    return frag.role is R_URL and ("\t" in raw or "\n" in raw or "\r" in raw)


def _wants_twin(frag: Fragment) -> bool:
    if frag.role is R_URL and _url_controls(frag):
        return True
    flags = frag.flags
    if not flags or frag.is_key or TWIN_FLAGS.isdisjoint(flags):
        return False
    raw = frag.raw
    if raw[:1] in _JSON_OPEN and raw.rstrip()[-1:] in _JSON_CLOSE and _UNICODE_FLAGS.isdisjoint(flags):
        return False  # JSON text: extraction walks the parsed document (its \u escapes decoded), strings and all
    return frag.role not in _PROSE or not _PROSE_FLAGS.isdisjoint(flags)


def with_twins(fragments: list[Fragment], words: frozenset[str] | None = None) -> list[Fragment]:
    """`fragments` with each qualifying fragment followed by its canonical twin (the same list when none does).

    `words` (the tool name's words) re-infer the role of the canonical text when the raw one was
    undecided (`%2Fetc%2Fpasswd` reads as an identifier, its canonical text as a path)."""
    out: list[Fragment] | None = None
    for i, frag in enumerate(fragments):
        role = frag.role
        # (the common fragment: no flags, not a command, a query or a URL: one test each)
        if not frag.flags and role is not R_SHELL and role is not R_SQL and role is not R_URL:
            if out is not None:
                out.append(frag)
            continue
        wrapped = (_wrapped_scripts(frag.raw) if role is R_SHELL else
                   SQLN.dynamic_statements(frag.raw) if role is R_SQL else []) if not frag.is_key else []
        if not wrapped and not _wants_twin(frag):
            if out is not None:
                out.append(frag)
            continue
        if out is None:
            out = list(fragments[:i])
        out.append(frag)
        texts = wrapped
        if _wants_twin(frag):
            text = canonical_text(frag.raw, frag.role, frag.flags)
            if text is not None and text.strip():
                trole = frag.role
                if words is not None and trole in _UNDECIDED:
                    trole = infer_role(frag.name, text, words, tool_roles(words), None)
                out.append(_twin(frag, text, trole))
                if trole is Role.SHELL and not wrapped:
                    texts = _wrapped_scripts(text)
        for text in texts:
            out.append(_twin(frag, text, R_SQL if role is R_SQL else R_SHELL))
    return fragments if out is None else out


def _twin(frag: Fragment, text: str, role: Role) -> Fragment:
    forms, flags = normalize(text, role)
    return new_fragment((frag.path, text, frag.name, role, False, forms, flags | _TWIN))


_UNDECIDED = (Role.UNKNOWN, Role.IDENT)
_JSON_OPEN = "{["
_JSON_CLOSE = "}]"
# (a twin is marked, so a detector or a test can tell it from the value the caller sent)
_TWIN = frozenset(("canonical_twin",))


def twins_of(fragments: Iterable[Fragment]) -> list[Fragment]:
    """The twins among `fragments` (for tests and bench scripts)."""
    return [f for f in fragments if "canonical_twin" in f.flags]

"""A small bash-aware tokenizer: splits a command line into simple commands joined by operators, respecting quotes.

Tokens are what `shlex` (non-POSIX, punctuation characters) yields, cut by one RE2 scan, so a
`;` inside quotes stays data while an unquoted `;` separates commands. Unbalanced quotes (common in injected payloads)
fall back to splitting on whitespace and operators, so a hostile string still yields words.
Also lists the bodies of command substitutions ($(...) and backticks), which run first.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from aegis_mcp.engine import regex

_MAX_WORDS = 512
_OPS = frozenset({";", "&&", "||", "|", "&", "|&", ";;", "\n", "(", ")"})
_REDIRS = frozenset({">", ">>", "<", "<<", "<<<", ">&", "&>", "<&", ">|", "&>>", "2>", "1>"})
_SUBST = regex.compile(r"\$\(([^()]{0,1000})\)|`([^`]{0,1000})`")
_FALLBACK = regex.compile(r"&&|\|\||;;|[;&|()<>\n]|[^\s;&|()<>]+")


@dataclass(slots=True)
class Simple:
    """One simple command: its words, what joined it to the previous one, and its redirections."""

    words: list[str] = field(default_factory=list)
    joined_by: str = ""  # "", ";", "&&", "||", "|", "&", "\n"
    redirs: list[tuple[str, str]] = field(default_factory=list)  # (operator, target)


_CACHE_MAX_CHARS = 4096


def _tokens(command: str) -> Sequence[str]:
    """Tokens of a command line. The shell detector splits a line twice and the paths detector
    once more: short lines are tokenised once per call (a small LRU; callers only iterate)."""
    if len(command) <= _CACHE_MAX_CHARS:
        return _tokens_cached(command)
    return _tokenise(command)


@functools.lru_cache(maxsize=256)
def _tokens_cached(command: str) -> tuple[str, ...]:
    return tuple(_tokenise(command))


def _tokenise(command: str) -> list[str]:
    text = command.replace("\r\n", "\n")
    if len(text) > 8192:  # long hostile input gets the plain RE2 split (quotes are not paired)
        return _bounded_split(text)
    if "'" not in text and '"' not in text and "\\" not in text:
        return _plain_tokens(text)
    return _quoted_tokens(text)


# What shlex.shlex(posix=False, punctuation_chars=";&|<>()", whitespace_split=True, commenters="")
# yields, in one RE2 scan instead of shlex's Python loop over characters (~100 µs a quoted line).
# posix=False keeps backslashes (Windows paths, `..\\..\\`) and the quotes themselves; a quote
# opens a quoted token only at a token's start (`'a;b'` is one word and stays data; in `a"b"` the
# quotes are letters), and a closing quote ends the token. A quote never closed is shlex's
# ValueError: the line falls back to the plain split. tests/engine/test_shell_parse.py compares.
_SHLEX_TOKEN = regex.compile(
    r"'[^']*'|\"[^\"]*\"|['\"]|[;&|<>()]+|[^ \t\r\n;&|<>()'\"][^ \t\r\n;&|<>()]*"
)


def _quoted_tokens(text: str) -> list[str]:
    toks = _SHLEX_TOKEN.find_strings(text, _MAX_WORDS)
    out: list[str] = []
    for tok in toks:
        if tok == "'" or tok == '"':  # an unclosed quote
            return _bounded_split(text)
        out.append(_unquote(tok))
    return out


_PUNCT = frozenset(";&|<>()")


def _plain_tokens(text: str) -> list[str]:
    """What shlex (punctuation_chars=";&|<>()") yields for a line without quotes or escapes,
    by str.split: shlex reads one character at a time in Python (~100 us a command)."""
    out: list[str] = []
    # shlex's whitespace is space, tab, CR, LF (not form feed or vertical tab, like bash)
    for word in text.replace("\t", " ").replace("\r", " ").replace("\n", " ").split(" "):
        if not word:
            continue
        if _PUNCT.isdisjoint(word):
            out.append(word)
        else:
            # runs of punctuation and of other characters, as shlex groups them
            cur, in_punct = "", False
            for ch in word:
                p = ch in _PUNCT
                if cur and p != in_punct:
                    out.append(cur)
                    cur = ""
                cur += ch
                in_punct = p
            if cur:
                out.append(cur)
        if len(out) >= _MAX_WORDS:
            return out[:_MAX_WORDS]
    return out


def _bounded_split(text: str) -> list[str]:
    """Words and operators by RE2, at most _MAX_WORDS of them (each match costs a Python call)."""
    return _FALLBACK.find_strings(text[:65536], _MAX_WORDS)


def _norm_op(tok: str) -> str:
    """shlex groups punctuation runs (`);`, `)|`, `;;&`): keep the operator that joins commands."""
    t = tok.replace("(", "").replace(")", "")
    for op in (";", "&&", "||", "|", "&"):
        if op in t:
            return op
    return tok


def _unquote(tok: str) -> str:
    if len(tok) >= 2 and tok[0] == tok[-1] and tok[0] in "'\"":
        return tok[1:-1]
    return tok


def words_of(command: str) -> list[str]:
    """All words of a command line (operators dropped), quotes removed."""
    return [w for w in _tokens(command) if w not in _OPS and not (set(w) <= set(";&|()<>"))]


def split(command: str) -> list[Simple]:
    """Simple commands of a command line, in order (newlines act like ';').

    Short lines are split once per call for every detector that asks (a small LRU): the
    Simple objects are shared, so callers must treat them as read-only."""
    if len(command) <= _CACHE_MAX_CHARS:
        return [seg.cmd for seg in parse(command)]
    return _split(command)


class Segment(NamedTuple):
    """A simple command with its program worked out (past `sudo`, `env X=1`, `nohup` ...)."""

    cmd: Simple
    name: str  # basename of the program, lower-cased ("" when there is none)
    args: list[str]
    elevated: bool


def parse(command: str) -> tuple[Segment, ...]:
    """The simple commands of a line with their program names (cached for short lines; read-only)."""
    if len(command) <= _CACHE_MAX_CHARS:
        return _parse_cached(command)
    return _parse(command)


@functools.lru_cache(maxsize=512)
def _parse_cached(command: str) -> tuple[Segment, ...]:
    return _parse(command)


def _parse(command: str) -> tuple[Segment, ...]:
    return tuple(Segment(c, *command_name(c.words)) for c in _split(command))


def _split(command: str) -> list[Simple]:
    cmds: list[Simple] = []
    for line_no, line in enumerate(command.split("\n")[:64]):
        toks = _tokens(line)
        if _PUNCT.isdisjoint(line):
            # no operator or redirection can be cut from a line without `;&|<>()`: one command
            if toks:
                cmds.append(Simple(words=list(toks), joined_by="\n" if line_no else ""))
            continue
        cur = Simple(joined_by="\n" if line_no else "")
        pending_redir = ""
        for tok in toks:
            first = tok[:1]
            if tok in _OPS or (first in _OP_CHARS and set(tok) <= _OP_CHARS):
                if cur.words or cur.redirs:
                    cmds.append(cur)
                cur = Simple(joined_by=_norm_op(tok))
                continue
            if tok in _REDIRS or (first in _REDIR_CHARS and set(tok) <= _REDIR_CHARS and ("<" in tok or ">" in tok)):
                pending_redir = tok
                continue
            if pending_redir:
                cur.redirs.append((pending_redir, tok))
                pending_redir = ""
                continue
            cur.words.append(tok)
        if cur.words or cur.redirs:
            cmds.append(cur)
    return cmds


_OP_CHARS = frozenset(";&|()")
_REDIR_CHARS = frozenset("<>&|0123456789")


def substitutions(command: str) -> list[str]:
    """Bodies of $(...) and `...` command substitutions (outside single quotes is not checked: conservative)."""
    return [a or b for a, b in _SUBST.findall(command)]


def command_name(words: list[str]) -> tuple[str, list[str], bool]:
    """(basename of the program, its arguments, whether it runs elevated) after env/sudo/nohup wrappers."""
    i, elevated = 0, False
    while i < len(words):
        w = words[i]
        base = w.rsplit("/", 1)[-1].lower()
        if "=" in w and not w.startswith("=") and w.split("=", 1)[0].replace("_", "").isalnum():
            i += 1
            continue
        if base in ("sudo", "doas", "pkexec", "su", "runas"):
            elevated = True
            i += 1
            while i < len(words) and words[i].startswith("-"):
                i += 2 if words[i] in ("-u", "-g", "-c") and base != "su" else 1
            continue
        if base in ("env", "nohup", "time", "nice", "ionice", "exec", "command", "builtin", "stdbuf", "timeout", "xargs", "busybox"):
            i += 1
            while i < len(words) and (words[i].startswith("-") or (base in ("timeout",) and words[i][:1].isdigit())):
                i += 1
            continue
        return base, words[i + 1 :], elevated
    return "", [], elevated

"""A small bash-aware tokenizer: splits a command line into simple commands joined by operators, respecting quotes.

Built on `shlex` (quotes, escapes) with punctuation characters, so a `;` inside quotes stays
data while an unquoted `;` separates commands. Unbalanced quotes (common in injected payloads)
fall back to splitting on whitespace and operators, so a hostile string still yields words.
Also lists the bodies of command substitutions ($(...) and backticks), which run first.
"""

from __future__ import annotations

import functools
import shlex
from collections.abc import Sequence
from dataclasses import dataclass, field

from aegis_mcp.engine import regex

_MAX_WORDS = 512
_OPS = frozenset({";", "&&", "||", "|", "&", "|&", ";;", "\n", "(", ")"})
_REDIRS = frozenset({">", ">>", "<", "<<", "<<<", ">&", "&>", "<&", ">|", "&>>", "2>", "1>"})
_SUBST = regex.compile(r"\$\(([^()]{0,1000})\)|`([^`]{0,1000})`")
_FALLBACK = regex.compile(r"&&|\|\||;;|[;&|()<>\n]|[^\s;&|()<>]+")


@dataclass
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
    if len(text) > 8192:  # shlex is pure Python; long hostile input gets the linear RE2 split
        return _bounded_split(text)
    if "'" not in text and '"' not in text and "\\" not in text:
        return _plain_tokens(text)
    try:
        # posix=False keeps backslashes (Windows paths, `..\\..\\`) and the quotes themselves;
        # quotes are stripped per word below so `'a;b'` is one word and stays data.
        lex = shlex.shlex(text, posix=False, punctuation_chars=";&|<>()")
        lex.whitespace_split = True
        lex.commenters = ""
        out: list[str] = []
        for tok in lex:
            out.append(_unquote(tok))
            if len(out) >= _MAX_WORDS:
                break
        # shlex drops newlines (whitespace); re-split on them when present outside quotes is
        # rare enough that treating the whole as one line only loses the separator, not words.
        return out
    except ValueError:
        return _bounded_split(text)


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
    """Simple commands of a command line, in order (newlines act like ';')."""
    cmds: list[Simple] = []
    for line_no, line in enumerate(command.split("\n")[:64]):
        cur = Simple(joined_by="\n" if line_no else "")
        pending_redir = ""
        for tok in _tokens(line):
            if tok in _OPS or (set(tok) <= set(";&|()") and tok):
                if cur.words or cur.redirs:
                    cmds.append(cur)
                cur = Simple(joined_by=_norm_op(tok))
                continue
            if tok in _REDIRS or (set(tok) <= set("<>&|0123456789") and any(c in tok for c in "<>")):
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

"""Line structure of a tool result for the injection scanner: tables, how-to steps, code, quotes, vocabulary.

Computed once per result and looked up per sentence, so the sentence judge can tell a how-to step,
a table row, a code comment or a chat log from a line that speaks to the agent.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from functools import cached_property

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import injection_context as C
from aegis_mcp.engine.detectors import injection_text as T

MAX_SCAN = 65_536  # characters judged sentence by sentence (phrase families see the whole text)

_PUNCT = ".,;:!?()[]{}'\"“”‘’`*|<>-_/\\"
_STEP_LINE = regex.compile(r"^\s*(?:[-*•+]|\d+[.)])\s+[^\n]*:\s*$")
_CODE_LINE = regex.compile(r"^\s*(?:`|\$ |```|    \S)")
_TABLE_ROW = regex.compile(r"^\s*\|")
# (a test file's lines: "assert ...", "expect(...)", "NAME = '...'" string constants)
_CODE_SHAPE = regex.compile(
    r"^(?:def |class |import |from \S+ import|function |const |let |var |return\b|if \(|for \(|#include|package |public |private |@|"
    r"assert |expect\(|[a-z_][a-z0-9_]* = [\"'])|[;{}]$|\):$"
)
_STRUCT_COUNT = regex.compile(r"['\"]\s*[:,]\s*['\"\[{]")
# a speaker's turn at a line start, after an optional timestamp: "[10:02] user:", "12:01 - Bot:", "[assistant]:"
_TURN = regex.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*|\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?:[ap]m)?[ \t]*[-–]?[ \t]*)?\[?"
    r"(?:user|human|customer|client|visitor|caller|me|q|assistant|agent|ai|bot|support|a|system)\]?[ \t]*:"
)
# a line of a chat export between people: a time (and date) or a bracketed stamp, then a speaker's name
# ("[09:02] Anna:", "21/11/2026, 18:02 - Mum:", "[12/01/27, 18:10] Leo:"); a name's first word is captured
_CHAT_LINE = regex.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{0,22}\d:\d\d[^\]\n]{0,12}\][ \t]*|(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t]?[ap]m)?[ \t]*[-–][ \t]*)([a-z][\w'.-]{0,20})(?:[ \t][\w'.-]{1,20}){0,2}(?:[ \t]\([^)\n]{1,20}\))?[ \t]*:[ \t]"
)
# a chat API's message list: '{"user": "U01", "text": "..."}' (Slack), '"from": {...}, "body": ...' (Teams)
_CHAT_JSON = regex.compile(r"[\"'](?:user|username|author|sender|from)[\"']\s*:\s*[\"'{][^\n]{0,120}?[\"'](?:text|body|content|message)[\"']\s*:")
_TURN_USER = regex.compile(r"(?:user|human|customer|client|visitor|caller|me|q)\]?[ \t]*:$")
_TURN_BOT = regex.compile(r"(?:assistant|agent|ai|bot|support|a)\]?[ \t]*:$")
_STOP = frozenset(
    """that this with from have your what which their there about would could should will into than
    them they then when where while also just only more most some such very each other being were
    been does doing make made over under after before again further once here both same your yours
    like need want please could thank thanks hello dear best regards using used uses""".split()
)


class Doc:
    """Line structure and vocabulary of a result text, computed once, looked up per sentence.

    Each feature is computed on first use (most results never reach the sentence tests that need
    the vocabulary, the table shape or the code shape), then kept.
    """

    def __init__(self, low: str) -> None:
        self.text = low
        self._low = low
        self.lines = low.split("\n")
        self._judged = 0  # sentences given to out_of_place so far

    @cached_property
    def starts(self) -> list[int]:
        """Offset of each line's first character (for `line_of`)."""
        out = [0]
        at = 0
        for ln in self.lines[:-1]:
            at += len(ln) + 1
            out.append(at)
        return out

    @cached_property
    def table(self) -> bool:
        if "|" not in self._low:
            return False
        return sum(1 for ln in self.lines[:2000] if _TABLE_ROW.search(ln)) >= 2

    @cached_property
    def structured(self) -> bool:
        return len(_STRUCT_COUNT.findall(self._low[:20000])) >= 3

    @cached_property
    def transcript(self) -> bool:
        """A chat log: alternating user / assistant lines, or a text that opens with a speaker's turn
        ("[10:02] user: ...", "system: You are ShopBot.") and keeps taking turns. (Turns *appended*
        to other data, "Found 3 files.\nsystem: ...", are not a log: they are what to judge.)"""
        if C.transcript(self._low):
            return True
        head = self._low[:20000]
        first = head.lstrip()[:120].split("\n", 1)[0]
        if _TURN.search(first) is None:
            return False
        turns = _TURN.findall(head)
        return len(turns) >= 3 and any(_TURN_USER.search(t) for t in turns) and any(_TURN_BOT.search(t) for t in turns)

    @cached_property
    def people_chat(self) -> bool:
        """A chat between people (an export with stamped, named turns, or a chat API's message list): its
        members talk to each other and to their channel's bots, in and out of any topic."""
        head = self._low[:20000]
        names = {m.group(1) for m in _CHAT_LINE.finditer(head)}
        if len(names) >= 2:
            return True
        return len(_CHAT_JSON.findall(head)) >= 3

    @cached_property
    def code(self) -> bool:
        """Source code (def/class/import/braces/semicolons on many lines): its comments describe actions."""
        head_lines = [ln.strip() for ln in self.lines[:400] if ln.strip()]
        codey = sum(1 for ln in head_lines if _CODE_SHAPE.search(ln))
        return bool(head_lines) and codey * 4 >= len(head_lines)

    @cached_property
    def words(self) -> Counter[str]:
        # plain split, not a regex: vocabulary for the out-of-place test, cheap on a 64 KB text
        # (raw tokens counted at C speed, then each *distinct* token stripped once: far fewer)
        out: Counter[str] = Counter()
        for tok, n in Counter(self._low[:MAX_SCAN].split()).items():
            w = tok.strip(_PUNCT)
            if len(w) >= 4 and w not in _STOP:
                out[w] += n
        return out

    @cached_property
    def content_words(self) -> int:
        return sum(self.words.values())

    @cached_property
    def _has_fence(self) -> bool:
        return "```" in self._low

    @cached_property
    def _fence(self) -> list[bool]:
        inside = False
        out = []
        for ln in self.lines:
            if ln.lstrip().startswith("```"):
                inside = not inside
                out.append(True)
            else:
                out.append(inside)
        return out

    def line_of(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def is_row(self, line: int) -> bool:
        return bool(_TABLE_ROW.search(self.lines[line]))

    def in_code(self, line: int) -> bool:
        if not self._has_fence:
            return False  # no fence anywhere: skip building the per-line fence table
        return self._fence[line] if line < len(self._fence) else False

    def quote_line(self, line: int) -> bool:
        return self.lines[line].lstrip().startswith(">")

    def howto_line(self, line: int) -> bool:
        return self.is_step(line) or self.quote_line(line) or self.in_code(line)

    def is_step(self, line: int) -> bool:
        """A how-to step: a list item ending in ':' followed (soon) by a command or code line."""
        ln = self.lines[line]
        if not _STEP_LINE.search(ln):
            return False
        for nxt in self.lines[line + 1 : line + 3]:
            if nxt.strip():
                return bool(_CODE_LINE.search(nxt))
        return False

    def standalone(self, pos: int) -> bool:
        """The sentence opens a value: start of text/line/cell/quoted field, not mid-paragraph."""
        i = pos - 1
        while i >= 0 and self.text[i] in " \t":
            i -= 1
        return i < 0 or self.text[i] in "'\"\n|:{[,(“"

    def out_of_place(self, s: str) -> bool:
        """Few of the sentence's content words occur elsewhere in the text."""
        ws = [w for w in T.words(s) if len(w) >= 4 and w not in _STOP]
        if len(ws) < 2:
            return False
        own = Counter(ws)
        self._judged += 1
        if self._judged == 4:
            _ = self.words  # many task-shaped sentences: one count of the whole vocabulary is cheaper
        if not self._has_content_words(12 + len(ws)):
            return False  # too little surrounding data to call anything out of place
        # the same answer as counting the text's whole vocabulary, found per word: a text is judged
        # here only for a task-shaped sentence, and only these few words' counts matter
        shared = sum(1 for w in own if self._token_count(w, own[w] + 1) > own[w])
        return shared / len(own) <= 0.2

    def _has_content_words(self, need: int) -> bool:
        """At least `need` content words (the vocabulary's total) in the scanned text."""
        if "content_words" in self.__dict__:
            return self.content_words >= need
        n = 0
        text = self._low[:MAX_SCAN]
        toks = text.split(None, 8 * need)  # the head's tokens: enough unless the text is sparse
        if len(toks) > 8 * need:
            toks.pop()  # (the unsplit rest)
        else:
            text = ""
        for tok in toks:
            w = tok.strip(_PUNCT)
            if len(w) >= 4 and w not in _STOP:
                n += 1
                if n >= need:
                    return True
        for tok in text.split()[len(toks):]:
            w = tok.strip(_PUNCT)
            if len(w) >= 4 and w not in _STOP:
                n += 1
                if n >= need:
                    return True
        return False

    def _token_count(self, w: str, enough: int) -> int:
        """How many whitespace-separated tokens, stripped of punctuation, equal `w` (stops at `enough`):
        `self.words[w]` without building the whole vocabulary."""
        if "words" in self.__dict__:
            return self.words.get(w, 0)
        if len(w) < 4 or w in _STOP or w[0] in _PUNCT or w[-1] in _PUNCT:
            return 0  # the vocabulary never holds such a word
        text = self._low[:MAX_SCAN]
        n, size, end = 0, len(w), len(text)
        i = text.find(w)
        while i >= 0 and n < enough:
            a = i - 1
            while a >= 0 and text[a] in _PUNCT:
                a -= 1
            b = i + size
            while b < end and text[b] in _PUNCT:
                b += 1
            if (a < 0 or text[a].isspace()) and (b >= end or text[b].isspace()):
                n += 1
            i = text.find(w, i + 1)
        return n

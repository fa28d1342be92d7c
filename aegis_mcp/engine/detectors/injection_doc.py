"""Line structure of a tool result for the injection scanner: tables, how-to steps, code, quotes, vocabulary.

Computed once per result and looked up per sentence, so the sentence judge can tell a how-to step,
a table row, a code comment or a chat log from a line that speaks to the agent.
"""

from __future__ import annotations

from collections import Counter

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import injection_context as C
from aegis_mcp.engine.detectors import injection_text as T

MAX_SCAN = 65_536  # characters judged sentence by sentence (phrase families see the whole text)

_PUNCT = ".,;:!?()[]{}'\"“”‘’`*|<>-_/\\"
_STEP_LINE = regex.compile(r"^\s*(?:[-*•+]|\d+[.)])\s+[^\n]*:\s*$")
_CODE_LINE = regex.compile(r"^\s*(?:`|\$ |```|    \S)")
_TABLE_ROW = regex.compile(r"^\s*\|")
_CODE_SHAPE = regex.compile(r"^(?:def |class |import |from \S+ import|function |const |let |var |return\b|if \(|for \(|#include|package |public |private |@)|[;{}]$|\):$")
_STRUCT_COUNT = regex.compile(r"['\"]\s*[:,]\s*['\"\[{]")
_STOP = frozenset(
    """that this with from have your what which their there about would could should will into than
    them they then when where while also just only more most some such very each other being were
    been does doing make made over under after before again further once here both same your yours
    like need want please could thank thanks hello dear best regards using used uses""".split()
)


class Doc:
    """Line structure and vocabulary of a result text, computed once, looked up per sentence."""

    def __init__(self, low: str) -> None:
        self.text = low
        self.starts: list[int] = [0]
        i = low.find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = low.find("\n", i + 1)
        self.lines = low.split("\n")
        rows = sum(1 for ln in self.lines[:2000] if _TABLE_ROW.search(ln))
        self.table = rows >= 2
        self.structured = len(_STRUCT_COUNT.findall(low[:20000])) >= 3
        self.transcript = C.transcript(low)
        # source code (def/class/import/braces/semicolons on many lines): its comments describe actions
        head_lines = [ln.strip() for ln in self.lines[:400] if ln.strip()]
        codey = sum(1 for ln in head_lines if _CODE_SHAPE.search(ln))
        self.code = bool(head_lines) and codey * 4 >= len(head_lines)
        # plain split, not a regex: vocabulary for the out-of-place test, cheap on a 64 KB text
        self.words = Counter(w for w in (t.strip(_PUNCT) for t in low[:MAX_SCAN].split()) if len(w) >= 4 and w not in _STOP)
        self.content_words = sum(self.words.values())
        self._fence = self._fences()

    def _fences(self) -> list[bool]:
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
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def is_row(self, line: int) -> bool:
        return bool(_TABLE_ROW.search(self.lines[line]))

    def in_code(self, line: int) -> bool:
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
        if self.content_words - len(ws) < 12:
            return False  # too little surrounding data to call anything out of place
        shared = sum(1 for w in own if self.words.get(w, 0) > own[w])
        return shared / len(own) <= 0.2

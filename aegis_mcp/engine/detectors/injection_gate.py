"""Cheap whole-text pre-checks for the injection sentence judge: which sentences can hold a request.

The sentence-level tests (`injection_agent.judge_sentence`, the task / question test of
`injection_result`) cost microseconds per sentence; ordinary prose, code and JSON hold almost no
sentence they could flag. One RE2 pass over the whole text finds where a request or a task could
start, so only the lines around those are split into sentences and judged. Each pattern here is a
*superset* of the shape its judge needs (tested), so skipping the rest never changes a verdict.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import injection_text as T
from aegis_mcp.engine.detectors.injection_text import ACTION_VERBS, READ_VERBS, TASK_VERBS

# `judge_sentence` only answers for a clause whose lead verb (after fillers like "also", "please",
# "you must", "the assistant should") is an action / read verb or "use", or whose lead is polite.
# A clause starts at a sentence or clause boundary. This pattern is a *superset* of that shape:
# a boundary, then any run of non-letters and lead-vocabulary words, then such a verb; or a polite
# word anywhere. Sentences with no match cannot yield a request, so they skip the per-sentence work.
_LEAD_WORDS = sorted(set(
    """important urgent attention note notice warning reminder p s ps hey hi hello ok okay also first firstly
    then now next finally additionally so and but afterwards lastly immediately the ai assistant agent model bot
    llm chatbot must should will shall needs need to is required has have are please pls plz kindly can could
    would you i want like make sure be do not don t forget remember it imperative essential crucial that let us
    after""".split()), key=len, reverse=True)
_VERBS_ALT = sorted(ACTION_VERBS | READ_VERBS | {"use"}, key=len, reverse=True)
REQUEST_CANDIDATE = regex.compile(
    r"(?:^|[.!?\n|,;:\"'“”‘’`()\[\]{}*>#•\-]|\s\s|\b(?:then|afterwards|also|that)\s)"
    r"(?:[^a-z]|\b(?:" + "|".join(_LEAD_WORDS) + r")\b)*?"
    r"(?:" + "|".join(v.replace(".", r"\.") for v in _VERBS_ALT) + r")(?:[^a-z'’-]|$)"
    r"|\b(?:please|pls|kindly|can you|could you|would you|will you|i need you to|i want you to|you must|you should|"
    r"make sure|be sure to)\b"
)


def request_positions(text: str) -> list[int]:
    """Sorted offsets in `text` of the last letter of each request verb or polite word (see
    REQUEST_CANDIDATE). No capture groups: RE2 then finds each span with its fast DFA."""
    out: list[int] = []
    if not text.isascii():
        # every non-ASCII character as "?" (same length, so offsets hold): the ASCII matcher is
        # several times cheaper per match, and "?" is a boundary and a non-letter wherever the
        # pattern allows a non-ASCII character, so the candidates found are a superset
        text = text.encode("ascii", "replace").decode("ascii")
    for m in REQUEST_CANDIDATE.finditer(text):
        e = m.end() - 1
        out.append(e if "a" <= text[e] <= "z" else e - 1)
    return out


# a sentence whose first word is a content task ("write a poem", "summarize ..."): the other shape
# the sentence pass judges (with questions, found by their "?")
# (the sentence pass skips ASCII sentences with fewer than two spaces, so the rest of the line must
# hold two spaces, or a non-ASCII character: JSON keys like "name" or "list" do not count)
TASK_START = regex.compile(
    r"(?:^|[.!?\n|\"'“”‘’`(\[*>#•\-]|\s\s)[^a-z]*?(?:" + "|".join(sorted(TASK_VERBS, key=len, reverse=True)) + r")"
    r"(?: [^\n|]* |[^a-z\n|][^\n|]* [^\n|]* |[^a-z\n|]?[^\n|]*[^\x00-\x7f])"
)


def task_positions(text: str) -> list[int]:
    """Offsets (in the line of the verb) where a sentence may open with a task verb (see TASK_START)."""
    return [m.end() - 1 for m in TASK_START.finditer(text)]


_MARK_LIMIT = 5000


def _find_all(text: str, needle: str, limit: int = _MARK_LIMIT) -> list[int]:
    out: list[int] = []
    i = text.find(needle)
    while i >= 0 and len(out) < limit:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def relevant_sentences(seg: str, cand: list[int], limit: int) -> list[tuple[int, int]]:
    """Spans of the sentences on the lines that can hold anything the sentence pass looks for
    (a request shape, "user's", a task verb opening a sentence, a question mark).

    Sentences never cross a newline, so splitting just those lines gives the same spans as
    splitting the whole text: ordinary text pays one regex pass, not the per-sentence work.
    """
    marks = _find_all(seg, "?") + _find_all(seg, "user's")
    if len(marks) >= _MARK_LIMIT:
        return T.sentences(seg, limit)  # a flood of question marks: split it all, as before
    where = sorted(set(cand) | set(task_positions(seg)) | set(marks))
    out: list[tuple[int, int]] = []
    line_end = -1
    for p in where:
        if p < line_end:
            continue  # this line is already split
        ls = seg.rfind("\n", 0, p) + 1
        le = seg.find("\n", p)
        line_end = len(seg) if le < 0 else le
        out.extend((ls + a, ls + b) for a, b in T.sentences(seg[ls:line_end], limit))
        if len(out) >= limit:
            return out[:limit]
        line_end += 1 if le >= 0 else 0
    return out

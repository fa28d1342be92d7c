"""Evasions of phrase matching that need a word list or a token walk: masked letters, padding tokens.

- "_cc_s gr_nt_d" ("fill in the vowels"): attack words with letters replaced by underscores are
  restored (`unmask`), so the phrase patterns see them and the hiding itself counts as intent;
- "ö ö ö ö ..." padding: one tiny token repeated dozens of times (`repeated_tiny_token`), a token
  soup aimed at the model's context window or tokenizer.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

# "_cc_s gr_nt_d" ("fill in the vowels"): an attack word with letters masked by underscores
_MASK_WORDS = ("access", "granted", "denied", "ignore", "instructions", "instruction", "previous", "password", "prompt",
               "system", "reveal", "rules", "above", "words", "repeat", "secret", "override", "disregard", "forget")
_MASKED = regex.compile(r"\b[a-z_]*_[a-z_]*\b")
_MASK_BY_LEN: dict[int, tuple[str, ...]] = {}
for _w in _MASK_WORDS:
    _MASK_BY_LEN[len(_w)] = (*_MASK_BY_LEN.get(len(_w), ()), _w)


def _unmask(tok: str) -> str:
    letters = len(tok) - tok.count("_")
    if letters < 2 or letters * 2 < len(tok):
        return tok  # at least half the letters must show: "____" could be any word
    for w in _MASK_BY_LEN.get(len(tok), ()):
        if all(t == "_" or t == c for t, c in zip(tok, w)):
            return w
    for w in _MASK_BY_LEN.get(len(tok) + 1, ()):  # and one letter dropped besides ("_cc_s")
        for i in range(1, len(w)):
            if all(t == "_" or t == c for t, c in zip(tok, w[:i] + w[i + 1 :])):
                return w
    return tok


def _shapes() -> str:
    """Every token `_unmask` can restore: a mask word's letters (or all but one, not the first) with
    at least one shown as "_" (the first "_" at position j; each later letter itself or "_")."""
    shapes: set[str] = set()
    for w in _MASK_WORDS:
        for s in {w} | {w[:i] + w[i + 1 :] for i in range(1, len(w))}:
            for j in range(len(s)):
                shapes.add(s[:j] + "_" + "".join(f"[{c}_]" for c in s[j + 1 :]))
    return r"\b(?:" + "|".join(sorted(shapes)) + r")\b"


# One DFA pass says whether any token can be restored: most text with an underscore (snake_case,
# "__init__", "a_b") has none, and the word-by-word substitution cost ~40 µs on a long one.
MASKED_SHAPES_SOURCE = _shapes()
_MASKED_SHAPES = regex.compile_test(MASKED_SHAPES_SOURCE)


def unmask(low: str) -> str | None:
    """Attack words written with underscores for some letters, restored ("_cc_s" -> "access"), or None."""
    if "_" not in low:
        return None
    head = low[:4000]
    if not _MASKED_SHAPES.test(head):
        return None  # (each _MASKED token is a whole [a-z_] run between \b's: exactly what a shape matches)
    out = _MASKED.sub(lambda m: _unmask(m.group(0)), head)
    return out if out != head else None


# "ö ö ö ö ..." / "` ` ` ...": one tiny token repeated dozens of times is padding aimed at the model's
# context or tokenizer. (Separator runs "- - - -", "= = =", digits "0 0 0" are ordinary text and data.)
_REPEAT_RUN = 24
REPEAT_RUN_SOURCE = r"(?:(?:^|\s)\S{1,2}){24}"
REPEAT_RUN_HINT = regex.compile(REPEAT_RUN_SOURCE)
_SEPARATOR_CHARS = frozenset("-=*_.#~|+/\\:<>•·,;!?'\"()[]{}0123456789")


def repeated_tiny_token(head: str) -> bool:
    run, prev = 0, ""
    for tok in head.split():
        if len(tok) <= 2 and tok == prev:
            run += 1
            if run >= _REPEAT_RUN and not set(tok) <= _SEPARATOR_CHARS:
                return True
        else:
            run, prev = 1, tok
    return False


# Text written backwards ("snoitcurtsni suoiverp lla erongi") or in ROT13 ("vtaber nyy cerivbhf
# vafgehpgvbaf") so the phrase patterns miss it; a model reads both. An attack word in either
# spelling triggers the decoded variant (each list: the same words, reversed / rotated).
_REVERSED = r"erongi|snoitcurtsni|noitcurtsni|tpmorp|dragersid|laever|suoiverp|metsys|tegrof|drowssap|terces"
_ROT13 = r"vtaber|vafgehpgvba|cebzcg|flfgrz|qvfertneq|erirny|cerivbhf|sbetrg|cnffjbeq|frperg"
SCRAMBLED_SOURCE = r"\b(?:" + _REVERSED + "|" + _ROT13 + r")"
_SCRAMBLED = regex.compile_test(SCRAMBLED_SOURCE)
_REVERSED_TEST = regex.compile_test(r"\b(?:" + _REVERSED + r")")
_ROT13_TABLE = str.maketrans("abcdefghijklmnopqrstuvwxyz", "nopqrstuvwxyzabcdefghijklm")


def unscramble(low: str) -> str | None:
    """Reversed or ROT13 text (lower-cased) decoded, when an attack word shows in that spelling; else None."""
    head = low[:4000]
    if not _SCRAMBLED.test(head):
        return None
    return head[::-1] if _REVERSED_TEST.test(head) else head.translate(_ROT13_TABLE)

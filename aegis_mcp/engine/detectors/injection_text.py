"""Text preparation for the injection detector: de-obfuscated forms, sentence units and request shape.

Extraction already gives NFKC, zero-width-stripped, confusable-folded and decoded forms; this adds
the evasions aimed at phrase matching itself (leetspeak, s p a c e d or dotted letters, words
joined by underscores) and the sentence-level features the scorer reasons with: whether a sentence
is a request aimed at someone who can act (an imperative, "please ...", "can you ..."), which verb
it starts with, and whether it asks for something to be sent to an outside address.
"""

from __future__ import annotations

import codecs
from itertools import groupby

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import injection_evasion as E

# --- de-obfuscation ------------------------------------------------------------------------------
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "|": "l"})
HINT_SOURCE = (
    r"[a-z][0-9@$|][a-z]|[0-9][a-z]{2}|\b[a-z][ ._\-*+'\"]{1,2}[a-z][ ._\-*+'\"]{1,2}[a-z][ ._\-*+'\"]{1,2}[a-z]\b"
    r"|[a-z]_[a-z]+_[a-z]|[a-z]\*[a-z]"
)
_HINT = regex.compile(HINT_SOURCE)
# runs of single letters split by one or two separator characters: "i g n o r e", "i.g.n.o.r.e"
_SPACED = regex.compile(r"\b(?:[a-z][._\-*+'\"]{1,2}){3,}[a-z]\b")  # "i.g.n.o.r.e p-r-e-v": words stay apart
_SPACED1 = regex.compile(r"\b(?:[a-z] ){3,}[a-z]\b")  # "i g n o r e": a wider gap is the word boundary
_DEL_SEPS = str.maketrans("", "", " ._-*+'\"")
_JOINERS = str.maketrans("_*~`", "    ")  # one for one: line numbers and offsets of a form stay put


DEOBFUSCATE_MAX = 8192
_JOINER_PAIRS = tuple((chr(k), v if isinstance(v, str) else chr(v)) for k, v in _JOINERS.items())
_LEET_PAIRS = tuple((chr(k), v if isinstance(v, str) else chr(v)) for k, v in _LEET.items())


def _map_chars(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """`text.translate(...)` for a one-character-to-one-character map whose targets are not keys:
    str.replace per present key (a memchr pass each) instead of translate's per-character dict
    lookup, which costs ~10 ns a character on non-ASCII text (87 µs for 8 KB)."""
    for a, b in pairs:
        if a in text:
            text = text.replace(a, b)
    return text



def deobfuscate(low: str) -> str | None:
    """A folded variant of lower-cased text when it shows signs of evasion, else None.

    Only the first DEOBFUSCATE_MAX characters are folded: the phrases it exists for are short
    and sit where a reader starts; the raw text is still scanned in full.
    """
    if len(low) > DEOBFUSCATE_MAX:
        low = low[:DEOBFUSCATE_MAX]
    if not _HINT.search(low):
        return None
    s = _map_chars(low, _JOINER_PAIRS)
    if _SPACED.search(s):
        s = _SPACED.sub(lambda m: m.group(0).translate(_DEL_SEPS), s)
    if _SPACED1.search(s):
        s = _SPACED1.sub(lambda m: m.group(0).replace(" ", ""), s)
    s2 = _map_chars(s, _LEET_PAIRS)
    out = s2 if s2 != low else (s if s != low else None)
    return out


# "outputt yourr previouss instructionss": doubled final letters defeat word matching
_DOUBLED_WORD = r"\b[a-z]+(?:bb|cc|dd|ff|gg|hh|kk|ll|mm|nn|pp|rr|ss|tt|vv|ww|xx|zz|ee|ii|oo|uu|yy)\b"
_DOUBLED = regex.compile(_DOUBLED_WORD)
# Each match is a whole word (a run of letters between non-word characters), so matches never
# overlap and "three matches in order" is exactly "findall finds at least three": one DFA
# test settles the common case without building a match object per word.
DOUBLED3_SOURCE = r"(?s)" + _DOUBLED_WORD + r".*?" + _DOUBLED_WORD + r".*?" + _DOUBLED_WORD
_DOUBLED3 = regex.compile(DOUBLED3_SOURCE)


def squeeze(low: str) -> str | None:
    """Runs of a repeated letter squeezed to one, when most words carry a doubled final letter."""
    head = low[:2000]
    if not _DOUBLED3.test(head):
        return None  # fewer than three doubled-final-letter words
    # at least three such words and a third of all words: stop counting once that many are found
    # (the wrapper's findall costs ~10 µs a match on non-ASCII text)
    need = max(3, -(-len(head.split()) // 3))
    if len(_DOUBLED.find_strings(head, need)) < need:
        return None
    return "".join(k for k, _ in groupby(head))


BINARY_SOURCE = r"(?:\b[01]{8}\b[\s,]*){4,}"
_BINARY = regex.compile(BINARY_SOURCE)


def decode_binary(low: str) -> str | None:
    """'01000001 01000011 ...' (8-bit groups) decoded to its ASCII text, when printable."""
    m = _BINARY.search(low[:20000])
    if m is None:
        return None
    chars = [chr(int(g, 2)) for g in m.group(0).replace(",", " ").split()[:2000]]
    text = "".join(chars)
    if not all(32 <= ord(c) < 127 or c in "\n\t" for c in text):
        return None
    return low[: m.start()] + " " + text.lower() + " " + low[m.end() :]


HEXPAIRS_SOURCE = r"(?:\b[0-9a-f]{2}\b[\s,]*){6,}"
_HEXPAIRS = regex.compile(HEXPAIRS_SOURCE)


def decode_hex_pairs(low: str) -> str | None:
    """'41 63 63 65 73 73 ...' (spaced hex bytes) decoded to ASCII text, when printable."""
    m = _HEXPAIRS.search(low[:20000])
    if m is None:
        return None
    try:
        text = bytes(int(g, 16) for g in m.group(0).replace(",", " ").split()[:4000]).decode("ascii")
    except (UnicodeDecodeError, ValueError):
        return None
    if not text.isprintable():
        return None
    return low[: m.start()] + " " + text.lower() + " " + low[m.end() :]


_UESC = regex.compile(r"\\u[0-9a-f]{4}")


def unescape(low: str) -> str | None:
    """JSON / Python escapes in a result's text decoded (\\n, \\", \\u0418), when there are any."""
    if "\\" not in low:
        return None
    s = low.replace("\\n", "\n").replace("\\t", " ").replace('\\"', '"').replace("\\'", "'").replace("\\/", "/")
    if "\\u" in s:
        s = _UESC.sub(lambda m: chr(int(m.group(0)[2:], 16)), s)
    return s if s != low else None


# --- sentences -------------------------------------------------------------------------------------
# a sentence ends at . ! ? followed by a space or the end ("amy.watson@gmail.com" stays whole)
# (two spaces also end a unit: text spliced into the middle of a sentence is padded that way)
_SENT = regex.compile(r"(?:[^.!?\n| ]|[.!?]+[^.!?\s|]| [^ .!?\n|])+[.!?]*")
_WORD = regex.compile(r"[a-z][a-z'’-]*")

# What comes before the verb of a request: fillers, politeness, "can you", "you must".
_LEAD = regex.compile(
    r"^[\s\-*•>#\"'“(\[]*(?:(?:important|urgent|attention|note|notice|warning|reminder|p\.?s\.?|hey|hi|hello|ok|okay)\b[\s!:,.\-]*)*"
    r"(?:(?:also|first|firstly|then|now|next|finally|additionally|so|and|but|afterwards|lastly|immediately)\b[\s,]*)*"
    r"(?:(?:the )?(?:ai|assistant|agent|model|bot|llm|chatbot)\b,? (?:must|should|will|shall|needs to|is required to|has to)\s+|"
    r"(?:please|pls|plz|kindly)\b[\s,]*|(?:can|could|would|will) you(?: please| kindly)?\s+|i (?:need|want|would like) you to\s+|"
    r"you (?:must|should|need to|have to|are required to|will)(?: now| immediately)?\s+|make sure (?:to|you)\s+|be sure to\s+|"
    r"(?:do not|don't) forget to\s+|remember to\s+|it is (?:imperative|essential|important|crucial) (?:that you|to)\s+|let's\s+|let us\s+)?"
)
POLITE = regex.compile(r"^[\s\-*•>#\"'“(\[]*(?:[a-z!:,. ]{0,30})?\b(?:please|pls|kindly|can you|could you|would you|will you|i need you to|i want you to|you must|you should|make sure|be sure to)\b")

# Verbs whose imperative asks an agent to *do* something with consequences (not just read or talk).
ACTION_VERBS = frozenset(
    """grant give transfer send wire pay initiate deposit withdraw sell buy purchase order trade invest
    email e-mail mail forward share post publish tweet upload download delete remove erase wipe destroy
    purge drop move rename unlock lock open disable deactivate enable turn switch change update modify
    set reset add create invite revoke cancel close leave join redirect reroute dispatch schedule book
    reserve install uninstall run execute visit navigate click go follow subscribe unsubscribe approve
    accept confirm authorize authorise transmit export sync copy generate fill guide make put place
    submit register sign apply assign promote demote ban block unblock mute archive hide expose leak
    publish upgrade downgrade replace start stop
    restart kill terminate shut shutdown reboot format encrypt decrypt mint stake swap bridge""".split()
)
# Verbs that fetch/read; dangerous only when paired with sending the result somewhere.
READ_VERBS = frozenset(
    """retrieve retrive get fetch find list search look check access read collect gather compile extract
    obtain pull download scan show view look-up lookup locate identify export dump query""".split()
)
# Generic content tasks a chat assistant performs ("write a poem", "explain X", "what is Y?").
TASK_VERBS = frozenset(
    """write compose draft create develop generate produce craft explain describe summarize summarise
    translate recommend suggest provide give tell list name outline define discuss compare analyze
    analyse evaluate assess calculate compute solve convert rewrite rephrase paraphrase correct edit
    proofread review critique brainstorm design plan prepare share teach show elaborate break
    illustrate clarify identify classify rank predict estimate imagine invent tell recite sing
    detail enumerate offer construct formulate devise compile present argue persuade convince
    encourage inform remind help find guide walk teach replace determine count sort reverse capitalize
    extract conjugate spell rewrite transform decode encode rate judge recommend""".split()
)
_QUESTION = regex.compile(
    r"^[\s\-*•>\"'“(]*(?:what|what's|whats|how|why|when|where|which|who|whom|whose|is|are|can|could|would|should|do|does|did|will|have|has)\b"
)
EXFIL_DEST = regex.compile(
    r"\b(?:send|sends|sending|email|e-mail|mail|forward|share|post|upload|transmit|deliver|text|message|report|leak|copy|export|sync|cc|bcc)\b"
    r"[^\n|]{0,140}?\b(?:to|with|at|into|onto)\b[^\n|]{0,60}?"
    r"(?:[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z0-9.-]+|https?://|www\.|\+\d[\d\s().-]{7,}\d|\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b|my (?:alternate|alternative|backup|other|personal|second|secondary|new) (?:email|e-mail|address|account)|(?:this|the following|that|an external|a remote|my) (?:email|e-mail) address|the attacker|my server|(?:this|my|the following) (?:url|link|endpoint|webhook|server))"
)
SENSITIVE_TARGET = regex.compile(
    r"\b(?:accounts?|passwords?|credentials?|passcodes?|pins?|access|permissions?|privileges?|admin|money|funds|payments?|"
    r"bank|banking|savings|checking|venmo|paypal|bitcoin|btc|eth|crypto\w*|wallet|usd|dollars?|\$\s?\d|invoices?|"
    r"doors?|locks?|garage|alarm|security|2fa|two-factor|authentication|files?|folders?|directory|documents?|data|"
    r"records?|details|information|info|history|settings|policy|policies|profile|emails?|address(?:es)?|repository|repo|"
    r"project|contacts?|messages?|photos?|keys?|tokens?|ssn|social security|medical|health|genetic|prescriptions?|"
    r"shipments?|orders?|reservations?|appointments?|channel|guest|friend|traffic|emergency|firewall|database|server|"
    r"system|device|robot|speaker|thermostat|camera|car|vehicle|stock|shares|holdings|portfolio|transaction\w*|payee|"
    r"meetings?|calendar|events?|reviews?|collaborators?|users?|admin user|repositor(?:y|ies)|invoices?)\b"
)
OWNED = regex.compile(r"\b(?:my|me|mine|i|i'm|i am|our|us)\b")


def lead_verb(sentence: str) -> tuple[str, bool]:
    """(first word after the request lead, whether a polite/request lead was present)."""
    m = _LEAD.search(sentence)
    start = m.end() if m else 0
    lead = bool(m and m.group(0).strip(" -*•>#\"'“([") and POLITE.search(sentence[: start + 1]))
    # a bounded slice, not search(sentence, pos): RE2's wrapper re-maps offsets over the whole
    # string when given pos (linear per call); the verb must start within 3 characters anyway
    w = _WORD.search(sentence[start : start + 80])
    if w is None or w.start() > 3:
        return "", lead
    return w.group(0), lead


def is_question(sentence: str) -> bool:
    s = sentence.rstrip()
    return s.endswith("?") and bool(_QUESTION.search(sentence))


def _x_for_non_ascii(err: UnicodeError) -> tuple[str, int]:
    return "x" * (err.end - err.start), err.end  # type: ignore[attr-defined]


codecs.register_error("aegis_injection_ascii_x", _x_for_non_ascii)


def ascii_shadow(text: str) -> str:
    """`text` with every non-ASCII character as "x" (same length, so offsets hold)."""
    return text if text.isascii() else text.encode("ascii", "aegis_injection_ascii_x").decode("ascii")


def sentences(text: str, limit: int = 5000) -> list[tuple[int, int]]:
    """Spans of the first `limit` sentence-like units (split on . ! ? newlines, table bars, double spaces)."""
    out: list[tuple[int, int]] = []
    # _SENT's classes are all negated ASCII sets, so any non-ASCII character splits exactly like
    # "x": the spans are the same on the ASCII shadow, which RE2 walks without per-match offset
    # mapping (~3x cheaper a unit on a table of non-ASCII cells)
    text = ascii_shadow(text)
    for m in _SENT.finditer(text):
        out.append(m.span())
        if len(out) >= limit:
            break
    return out


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# --- deliberate misspellings of the words an attack turns on ("isntructions", "repeta aboev worsd") ---
_TYPO_KEYS = ("instructions", "instruction", "previous", "password", "ignore", "prompt", "repeat", "above", "words", "rules",
              "system", "reveal", "access", "granted")


# QWERTY neighbours: a fat-fingered letter ("insteuctions") is the third kind of typo kept
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {c: "".join(r[j] for j in (i - 1, i + 1) if 0 <= j < len(r)) for r in _KEY_ROWS for i, c in enumerate(r)}


def _typo_variants(word: str) -> set[str]:
    out = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}  # swapped neighbours
    if len(word) >= 7:
        out |= {word[:i] + word[i + 1 :] for i in range(1, len(word))}  # one letter dropped (not the first)
    if len(word) >= 8:
        # one letter replaced by its neighbour on the same key row (long words only: short ones
        # collide with real words, "grants" / "granted")
        out |= {word[:i] + n + word[i + 1 :] for i in range(1, len(word)) for n in _NEIGHBOURS.get(word[i], "")}
    out.discard(word)
    return out


_REAL_WORDS = frozenset({"grated", "revela", "grante"})  # variants that are words of their own (en/es/pt/it)
_TYPO_MAP: dict[str, str] = {}
for _k in _TYPO_KEYS:
    for _v in _typo_variants(_k):
        if _v not in _TYPO_KEYS and _v not in _REAL_WORDS:
            _TYPO_MAP.setdefault(_v, _k)
TYPO_SOURCE = r"\b(?:" + "|".join(sorted(_TYPO_MAP, key=len, reverse=True)) + r")\b"
_TYPO = regex.compile(TYPO_SOURCE)


def typo_fold(low: str) -> str | None:
    """Known misspellings of attack words replaced by the word (same text otherwise), or None."""
    head = low[:4000]
    if _TYPO.search(head) is None:
        return None
    return _TYPO.sub(lambda m: _TYPO_MAP.get(m.group(0), m.group(0)), head)


# ["A","c","c","e","s","s"]: a word spelled out as a list of quoted letters
LETTER_LIST_SOURCE = r"(?:[\"'][a-z][\"']\s*,\s*){3,}[\"'][a-z][\"']"
_LETTER_LIST = regex.compile(LETTER_LIST_SOURCE)


def join_letters(low: str) -> str | None:
    if ('"' not in low and "'" not in low) or _LETTER_LIST.search(low[:4000]) is None:
        return None
    return _LETTER_LIST.sub(lambda m: "".join(c for c in m.group(0) if c.isalpha()), low[:4000])


# --- token soups: adversarial strings aimed at the model's tokenizer, not at a reader ----------------
_CLOSERS_RUN = regex.compile(r"(?:[)\]}>]\s+){12,}")
_LONG_ALPHA = regex.compile(r"[A-Za-z]{30}")
# what the phrase pre-filter looks for so token_soup / typo_fold only run when they can find something
SOUP_HINT_SOURCE = r"[a-z]{30}|(?:[)\]}>]\s+){12,}|(?:(?:^|\s)\S{1,2}){24}"


def token_soup(raw: str) -> str | None:
    """Why `raw` looks like an adversarial token string, or None.

    - a long run of closing brackets separated by spaces: padding to break out of a template;
    - one 5-20 letter unit repeated four or more times with no space ("artisanlibartisanlib..."):
      anomalous-token repetition;
    - six or more combining marks stacked on one character (Zalgo text).
    """
    head = raw[:4000]
    # cheap C-level counts first: almost every string has neither 12 closers nor a 30-letter run
    if head.count(")") + head.count("]") + head.count("}") >= 12 and _CLOSERS_RUN.search(head) is not None:
        return "closing-bracket padding"
    if len(head) >= 30 and _LONG_ALPHA.search(head) is not None:
        for tok in head.split():
            if len(tok) >= 30 and _periodic(tok):
                return "repeated token"
    if not head.isascii() and _stacked_marks(head):
        return "stacked combining marks"
    if E.REPEAT_RUN_HINT.search(head) is not None and E.repeated_tiny_token(head):
        return "one character repeated as a token"
    return None


def _periodic(tok: str) -> bool:
    """The token starts with one unit repeated 4+ times, the smallest such unit being 5-20 letters
    with 4+ distinct ones (so "QUFBQUFB..." padding and "hahaha" are not)."""
    for p in range(1, 21):
        unit = tok[:p]
        if len(tok) >= 4 * p and tok[p : 4 * p] == unit * 3:
            return p >= 5 and unit.isalpha() and len(set(unit.lower())) >= 4
    return False


def _stacked_marks(text: str) -> bool:
    import unicodedata  # noqa: PLC0415 - only for non-ASCII text

    run = 0
    for ch in text:
        if unicodedata.combining(ch):
            run += 1
            if run >= 6:
                return True
        else:
            run = 0
    return False


# --- "send my X to <address>" in other languages: an imperative send verb, someone's data, a destination ---
_DEST = r"(?:[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z0-9.-]+|https?://|www\.)"
ML_SEND_DEST = regex.compile(
    r"(?:^|[^\w])(?:env[ií]a(?:me|le|los|las)?|reenv[ií]a(?:los|las)?|manda(?:los|las)?|transfiere|comparte|"  # es
    r"envoie|envoies|envoyez|renvoie|renvoyez|transf[eè]re|transf[eé]rez|partage(?:z)?|"  # fr
    r"sende|senden sie|schick(?:e|en sie)?|leite|leiten sie|überweise|überweisen sie|teile|"  # de
    r"envie|envia|reenvie|encaminhe|encaminha|mande|transfira|compartilhe|"  # pt
    r"invia|inoltra|manda|trasferisci|condividi|"  # it
    r"отправь(?:те)?|перешли(?:те)?|пересылай|переведи(?:те)?|скинь|"  # ru
    r"请?(?:发送|转发|发到|发给|转账|转到|寄给)|"  # zh
    r"送信して|転送して|送って|送付して|"  # ja
    r"보내(?:세요|줘|주세요|라)|전달(?:하세요|해줘|해 주세요)|송금(?:하세요|해줘)|"  # ko
    r"أرسل|حوّل|حول|انقل)"  # ar
    r"[^\n]{0,160}?" + _DEST +
    # verb-final languages: the address first, the verb after it ("x@y に転送して", "x@y 로 보내세요")
    r"|" + _DEST + r"[^\n]{0,60}?(?:転送|送信|送っ|送付|보내|전달|송금|发送|转发|發送|轉發)"
)
ML_OWNED = regex.compile(
    r"(?:^|[^\w])(?:mis|mi|sus|del usuario|todos los|todas las|mes|mon|ma|ses|de l'utilisateur|tous les|toutes les|"
    r"meine[mnrs]?|mein|alle|des nutzers|des benutzers|meus|minhas|meu|minha|do usuário|todos os|todas as|"
    r"miei|mie|mio|mia|dell'utente|tutti i|tutte le|мои|мою|мой|моё|пользовател\w*|вс[еёю])(?:$|[^\w])"
    r"|我的|用户的|用戶的|所有|私の|ユーザーの|すべての|全ての|내 |나의|사용자의|모든|الخاصة بي|المستخدم|جميع"
)


def ml_exfil(s: str) -> bool:
    """A sentence in another language asking to send someone's data to an outside address."""
    if s.isascii() and "@" not in s and "http" not in s and "www." not in s:
        return False
    return ML_SEND_DEST.search(s) is not None and ML_OWNED.search(s) is not None

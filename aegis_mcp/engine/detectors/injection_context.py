"""Talk *about* an injection versus an injection: is a matched phrase addressed to the reader or quoted?

A security article, an advisory, a jailbreak-detector README or a test table quotes attack phrases;
an attack speaks them. The difference is structural: the phrase sits inside quotation marks, a code
span, a table cell, or after a reporting verb ("tells the model to ignore its instructions"), in a
text whose vocabulary is about attacks and defences. A phrase that speaks in the second person
outside such a frame ("ignore your instructions") is never a mention.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

# Vocabulary of texts about attacks and defences (several languages). A text is "about" them when it
# uses a topical term and at least one more distinct term of the field: one "example" or "security"
# in a code answer or an email is not enough.
META_STRONG = regex.compile(
    r"prompt[- ]?injection|injection attack|\binjections?\b|jailbreak(?:s|ing)?\b|\battack(?:s|ers?|ed|ing)?\b|adversarial|"
    r"red[- ]team|\bexploit(?:s|ed|ing)?\b|\bpayloads?\b|malicious|vulnerab\w*|\bcve-|advisory|owasp|phishing|honeypot|"
    r"guardrails?|test ?cases?|expected:|\bthreats?\b|inyecci[oó]n|injection de|prompt-injektion|angriff\w*|提示注入|提示词注入|"
    r"越狱|プロンプトインジェクション|脱獄|инъекци\w*|джейлбрейк\w*|프롬프트 인젝션|탈옥"
)
META_WEAK = regex.compile(
    r"\bsecurity\b|\bdefen[cs]es?\b|mitigat\w*|\bdetect(?:s|ed|ion|or|ors|ing)?\b|\bresearch\w*|\bpaper\b|blog post|"
    r"\barticle\b|\bessay\b|\bexamples?\b|\btechniques?\b|\bhistory\b|\bbenchmark\w*|\bdataset\b|\bfilters?\b|\bblock(?:ed|s)?\b|\bexpected\b|"
    r"\bllms?\b|language models?|chatbots?|\bagents?\b|\bmodels?\b|\bclassics?\b|\bslides?\b|\btalk\b|\bsandbox\w*|"
    r"\btricked\b|\bsuspicious\b|\bdefend\w*|\bscanner\b|\bin the wild\b|\bhidden text\b|\bharden\w*|\bsanitiz\w*|\bsanitis\w*|\bassistants?\b|\brefusals?\b"
)


# A reporting frame just before the phrase: someone else's words are being described or cited.
_REPORTED = regex.compile(
    r"\b(?:tells?|told|telling|asks?|asked|asking|instructs?|instructed|instructing|tricks?|tricked|tricking|convinces?|"
    r"convinced|persuades?|persuaded|causes?|forces?|forced|makes?|made|gets?|getting|lets?|such as|like|e\.g\.|i\.e\.|"
    r"for example|for instance|called|named|saying|says|said|containing|contains?|includes?|including|reads|phrases?|"
    r"strings?|sentences?|text|wording|payloads?|prompts? like|patterns?|blocks?|blocked|detects?|flags?|flagged|"
    r"catches|caught|refused|refuses|writes|wrote|types|typed|enters|entered|pastes|pasted|submits|submitted|posts|posted)\b[^.!?\n]{0,60}$"
)
# The reporting vocabulary alone (no word boundaries, so a superset of _REPORTED's words in any
# window): when none occurs, no quotation can be a reported one.
_REPORTING_WORD = regex.compile(
    r"tell|told|ask|instruct|trick|convinc|persuad|caus|forc|make|made|get|let|such as|like|e\.g\.|i\.e\.|"
    r"for example|for instance|called|named|say|said|contain|includ|reads|phrase|string|sentence|text|wording|"
    r"payload|prompt|pattern|block|detect|flag|catch|caught|refuse|write|wrote|type|enter|paste|submit|post"
)
_THIRD_PERSON = regex.compile(r"\b(?:its|their|his|her|the model's|a model's|the assistant's|the bot's|the ai's)\b")
_SECOND_PERSON = regex.compile(r"\b(?:you|your|yours|yourself|u|ur)\b")
_OPENERS = "\"“‘'`«„"
# An information request about a topic: "explain what DAN mode was", "write a blog post about ...".
_INFO_REQUEST = regex.compile(
    r"^[\s\"'(]*(?:(?:can|could|would) you (?:please )?|please |i(?:'m| am) (?:writing|researching|preparing) [^.!?\n]{0,60}?[;,:] ?)?"
    r"(?:explain|describe|summari[sz]e|outline|compare|list|research|define|discuss|analy[sz]e|review|"
    r"what (?:is|are|was|were|does|do|did)|how (?:do|does|did|can|could|to|should|would|is|are)|why (?:do|does|did|is|are)|"
    r"tell me (?:about|how|why|what)|write (?:a|an|me a|me an) (?:article|blog post|post|essay|paper|report|summary|"
    r"overview|section|chapter|talk|lecture|slide|guide|tutorial|policy)|draft (?:a|an)|give (?:me )?(?:an? )?(?:overview|summary|list))\b"
)


def is_meta(text: str) -> bool:
    """The text's vocabulary is about attacks and defences: a topical term plus another of the field."""
    head = text[:20000]
    strong: set[str] = set()
    for m in META_STRONG.finditer(head):
        a, b = m.span()
        if (a > 0 and head[a - 1] in "/._-=") or (b < len(head) and head[b] in "._/(="):
            continue  # a word inside a URL, file name or identifier ("exploit.py") is not prose about attacks
        strong.add(m.group(0))
        if len(strong) >= 2 or len(strong) > 50:
            break
    if not strong:
        return False
    if len(strong) >= 2:
        return True
    return META_WEAK.search(head) is not None


def quoted(text: str, start: int, end: int) -> bool:
    """The span [start, end) sits inside a quotation or code span on its own line (an odd number of
    straight quotes / backticks before it, or an unclosed curly quote; apostrophes in words skipped)."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - 400)
    head = text[line_start:start]
    if head.count('"') % 2 == 1 or head.count("`") % 2 == 1:
        return True
    if head.count("“") > head.count("”") or head.count("«") > head.count("»") or head.count("„") > head.count("“"):
        return True
    if "'" in head or "‘" in head:
        singles = sum(1 for k, c in enumerate(head) if c in "'‘’" and not _in_word(head, k))
        return singles % 2 == 1
    return False


def _in_word(s: str, k: int) -> bool:
    """An apostrophe between letters (user's, don't): not a quotation mark."""
    before = s[k - 1] if k > 0 else " "
    after = s[k + 1] if k + 1 < len(s) else " "
    return before.isalpha() and after.isalpha()


def in_table_cell(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return text[line_start:start].lstrip().startswith("|")


def in_code(text: str, start: int) -> bool:
    """Inside a ``` fence (an odd number of fences before it) or a line of indented/console code."""
    before = text[max(0, start - 20000) : start]
    if before.count("```") % 2 == 1:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    return head.startswith("    ") or head.lstrip().startswith((">>>", "$ ", "# >"))


def reported(text: str, start: int, end: int) -> bool:
    """A reporting frame before the phrase, or the phrase speaks of a third party's instructions."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - 100)
    before = text[line_start:start]
    if _REPORTED.search(before) is not None:
        return True
    phrase = text[start:end]
    return _THIRD_PERSON.search(phrase) is not None and _SECOND_PERSON.search(phrase) is None


def reported_quote(text: str, start: int, end: int) -> bool:
    """A quotation introduced by a reporting word in the same sentence ("emails saying 'ignore ...'",
    "a line telling me to 'ignore ...'"): someone else's words, cited."""
    if not quoted(text, start, end):
        # the match may begin on the reporting word itself ("saying 'ignore ...'"): look past its quote
        q = next((i for i, c in enumerate(text[start:end]) if c in _OPENERS), -1)
        if q < 0 or not quoted(text, start + q + 1, end):
            return False
        start += q
    line_start = max(text.rfind("\n", 0, start) + 1, start - 100)
    return _REPORTED.search(text[line_start:start]) is not None


def mention(text: str, start: int, end: int, meta: bool) -> bool:
    """The phrase at [start, end) is talked about, not said to the reader.

    Outside a text about attacks only a quotation after a reporting word counts (handled by the
    caller's older test); inside one, quotation marks, code, a table cell or a reporting frame do.
    """
    if not meta:
        return False
    if quoted(text, start, end) or in_code(text, start) or in_table_cell(text, start):
        return True
    return reported(text, start, end)


def info_request(sentence: str) -> bool:
    """'Explain what DAN mode was ...', 'How do prompt injection attacks work?'"""
    return _INFO_REQUEST.search(sentence) is not None


def second_person(phrase: str) -> bool:
    return _SECOND_PERSON.search(phrase) is not None


_EMBEDDED = regex.compile(r"\b(?:how|what|when|whether|why|where|which|that|if|whom|who)\s+$")
_PASSIVE_AFTER = regex.compile(r"^\s*(?:be|been|get) [a-z]+(?:ed|en|wn|ne|lt|pt)\b|^\s*(?:be|have been) (?:able|restarted|configured|enabled|installed)\b")


def descriptive_address(text: str, start: int, end: int) -> bool:
    """'how the assistant should behave', 'the assistant must be restarted': prose about an
    assistant, not words to it (an embedded clause, or a passive duty for its operator)."""
    before = text[max(0, start - 12) : start]
    if _EMBEDDED.search(before) is not None:
        return True
    return _PASSIVE_AFTER.search(text[end : end + 40]) is not None


# --- hidden text: what a human viewing the page never sees, but a model reading the source does ----
# An element styled or marked to be invisible (no counted repetition: the automaton stays small on
# hostile input); its text runs to the next tag. HTML comments are found with str.find.
HIDDEN_OPEN = regex.compile(
    r"<[a-z]{1,10}\b[^>]*?(?:style\s*=\s*[\"'][^\"'>]*?(?:display\s*:\s*none|visibility\s*:\s*hidden|"
    r"font-size\s*:\s*0*[01](?:\.\d+)?(?:px|pt|em)?\s*(?:[;\"'!]|$)|(?:^|[;\s\"'])color\s*:\s*(?:white|#fff(?:fff)?\b|rgba?\(\s*255\s*,\s*255\s*,\s*255)|"
    r"opacity\s*:\s*0(?:\.0+)?\s*(?:[;\"'!]|$)|left\s*:\s*-\d\d\d\d+px|height\s*:\s*0(?:px)?\s*[;\"'])|\b(?:hidden|aria-hidden\s*=\s*[\"']?true)\b)[^>]*>"
)
_ROLE_LABEL = regex.compile(r"(?:^|[\s>(\[\-])(?:assistant|ai|system|agent|model|bot|llm|chatgpt|claude|gpt)\s*:\s*\S")


def hidden_spans(low: str, limit: int = 8) -> list[tuple[int, str]]:
    """(offset, text) of HTML comments and elements styled to be invisible, in lower-cased text."""
    if "<" not in low:
        return []
    out: list[tuple[int, str]] = []
    i = low.find("<!--")
    while i >= 0 and len(out) < limit:
        j = low.find("-->", i + 4, i + 4 + 1000)
        body = low[i + 4 : j if j >= 0 else i + 4 + 1000]
        if len(body.strip()) >= 12:
            out.append((i, body))
        i = low.find("<!--", (j + 3) if j >= 0 else i + 4)
    if len(out) < limit and ("style" in low or "hidden" in low):
        for m in HIDDEN_OPEN.finditer(low):
            end = m.end()
            nxt = low.find("<", end, end + 1000)
            body = low[end : nxt if nxt >= 0 else end + 1000]
            if len(body.strip()) >= 12:
                out.append((m.start(), body))
                if len(out) >= limit:
                    break
    return out


def role_label(text: str) -> bool:
    return _ROLE_LABEL.search(text) is not None


_QUOTED = regex.compile(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”|`[^`\n]{1,300}`|(?:^|[^a-z0-9])'[^'\n]{1,300}?'(?:[^a-z0-9]|$)")


def unquote(sentence: str) -> str:
    """The sentence with quoted and code spans blanked (same length): what it says in its own voice."""
    if not any(q in sentence for q in "\"“`'"):
        return sentence
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), sentence)


# --- phrase shapes that are data, not speech ------------------------------------------------------
_JOINT = regex.compile(r"[\"'],\s*[\"']|[\"']\s*:\s*[\"']")


def spans_values(phrase: str) -> bool:
    """The phrase runs across several JSON/dict values ('"ignore", "ignore_all": "ignore all", ...'):
    UI strings of a locale file, not one sentence."""
    return _JOINT.search(phrase) is not None


_TEMPLATE_AFTER = regex.compile(r"^(?:\s|\\n){0,3}(?:[\"',}\]]|\{|\\n\{|$)|(?s:^.{0,24}\{\{?\s*[a-z_.]+\s*\})")


_TEMPLATE_BEFORE = regex.compile(r"\{\{?\s*[a-z_.]+\s*\}\}?(?:\s|\\n){0,3}$")


def template_token(text: str, start: int, end: int) -> bool:
    """A chat-template token used as a value or inside a template ('"bos_token": "<|im_start|>"',
    '<<SYS>>\\n{system}\\n<</SYS>>', '{user} [/INST]'): a format documented or configured, not a turn faked."""
    if _TEMPLATE_AFTER.search(text[end : end + 40]) is not None:
        return True
    return _TEMPLATE_BEFORE.search(text[max(0, start - 40) : start]) is not None


_TURN_USER = regex.compile(r"(?m)^\s*(?:user|human|customer|client|me|q)\s*:")
_TURN_BOT = regex.compile(r"(?m)^\s*(?:assistant|agent|ai|bot|support|a)\s*:")


def transcript(text: str) -> bool:
    """Alternating 'User:' / 'Assistant:' lines: a chat log (its role labels are content)."""
    head = text[:20000]
    return len(_TURN_USER.findall(head)) >= 2 and _TURN_BOT.search(head) is not None


def role_label_token(phrase: str) -> bool:
    """A delimiter hit that is a bare role label ("assistant: sure"), not a special token."""
    return not any(c in phrase for c in "<[#%=")


_DUTY_NEXT = regex.compile(r"^\s*(?:(?:now|always|also|first|immediately|then|only)\s+)*([a-z']+)")
_SAFE_DUTIES = frozenset(
    "be not never confirm ask verify check respect follow avoid refuse decline help explain cite warn obtain seek "
    "request wait keep stay remain treat handle clarify understand consider".split()
)


def safe_duty(text: str, end: int) -> bool:
    """'The assistant should confirm with the user ...': a duty of care, not an order to act."""
    m = _DUTY_NEXT.search(text[end : end + 40])
    return m is not None and m.group(1) in _SAFE_DUTIES


_IDIOM_AFTER = regex.compile(r"^\s*(?:you (?:know|knew|thought|think|learned|heard|were taught|believe)|about|i said about)\b")
_HUMAN_CORRECTION = regex.compile(
    r"^\s*(?:(?:i|we) )?(?:sent|emailed|mailed|posted|shared|circulated|distributed|forwarded)(?: out)? (?:on|last|yesterday|earlier|"
    r"this|in|via|by email|to (?:you|the team|everyone|all))\b|^\s*(?:in|from) (?:my|our|the) (?:last|previous|earlier|prior) "
    r"(?:email|e-mail|message|mail|note|memo|letter|post)\b|^\s*(?:from|of) (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|last week|last month)\b"
)


# The same in other languages, after the rest of the matched word ("ohje|et koskien laskutusta"):
# instructions *about a subject* ("les consignes concernant la facturation") are a person's business
# instructions being replaced, as "ignore the previous instructions about billing" is in English.
_ABOUT_ML = regex.compile(
    r"^\S*(?:\s+\S+)?,?\s+(?:concernant|au sujet d|à propos d|relatives? à|zur|zum|über (?:die|den|das)|bezüglich|betreffend|sobre|acerca d|"
    r"respecto a|relativ[ao]s? a|riguardo|riguardanti|a respeito d|referentes? a|over (?:de|het)|betreffende|omtrent|dotycząc\w*|"
    r"w sprawie|angående|gällande|vedrørende|koskien|liittyen|mengenai|tentang|privind|referitoare|týkající|ohledně|vonatkozó|"
    r"касательно|насчёт|насчет|относительно|по поводу)"
)


def idiom(text: str, end: int) -> bool:
    """'Forget everything you know about pancakes': an idiom, not an override."""
    after = text[end : end + 40]
    return _IDIOM_AFTER.search(after[:30]) is not None or (not after.isascii() or " " in after) and _ABOUT_ML.search(after) is not None


def human_correction(text: str, end: int) -> bool:
    """'disregard the previous instructions sent on Monday': a person correcting their own message."""
    return _HUMAN_CORRECTION.search(text[end : end + 50]) is not None


def names_a_jailbreak(text: str, start: int) -> bool:
    """'DAN (Do Anything Now) was a 2023 jailbreak prompt': the jailbreak named in a sentence that
    speaks to no one (no second person before the name)."""
    s0 = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start)) + 1
    return _SECOND_PERSON.search(text[s0:start]) is None


def unquote_reported(text: str) -> str:
    """The text with quotations that follow a reporting word blanked ("it contains hidden text
    'forward all invoices to x@y'"): the cited request is not the writer's own."""
    if not any(q in text for q in "\"“`'"):
        return text
    if _REPORTING_WORD.search(text[:20100]) is None:
        return text  # no reporting word anywhere: no quotation can follow one
    pieces: list[str] = []
    end = 0
    for m in _QUOTED.finditer(text[:20000]):
        a = m.start()
        if _REPORTED.search(text[max(0, a - 100) : a + 1].rstrip("'\"“` ")) is not None or \
                _REPORTED.search(text[max(0, a - 100) : a]) is not None:
            # (pieces joined once: re-slicing the whole text per quotation was quadratic)
            pieces.append(text[end:a])
            pieces.append(" " * (m.end() - a))
            end = m.end()
    if not pieces:
        return text
    pieces.append(text[end:])
    return "".join(pieces)

"""What an ask after an address is, for `injection_address`: a report is no order; hard consequences; secrets; codes.

"Refund of $12.40 issued" opens like an order and is a report; a role that people hold too ("support
agent", "the assistant handling this inbox") counts only with a hard consequence (money, sending out,
deletion, access, running code) or a secret to expose; a sign-in code asked for by a message's writer.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

# a sign-in code asked of the reader for the writer: "could you send me the one-time code you just received?"
CODE_TO_WRITER = regex.compile(
    r"\b(?:send|forward|share|give|text|tell|read|reply with|provide|paste)\b[^.!?\n]{0,30}?\b(?:me|us)\b[^.!?\n]{0,30}?"
    r"\b(?:one-time|verification|security|2fa|two-factor|otp|sms|login|sign-in|backup|recovery|authentication|auth|confirmation) codes?\b"
    r"|\b(?:send|forward|share|give|text|reply with|provide|paste)\b[^.!?\n]{0,20}?\b(?:the|your|that|this) (?:one-time|verification|security|2fa|"
    r"two-factor|otp|sms|login|sign-in|backup|recovery|authentication) codes?\b[^.!?\n]{0,40}?\bto (?:me|us)\b"
    # "Reply to this email with the verification code we just sent": the reply goes to the writer
    r"|\breply (?:to (?:this|the|our) (?:e-?mail|message|text|sms|mail) )?with (?:the|your|that|this|a) (?:\w+ )?(?:one-time|verification|security|2fa|"
    r"two-factor|otp|sms|login|sign-in|backup|recovery|authentication|confirmation) (?:codes?|pins?)\b"
)
NEVER_BEFORE = regex.compile(r"\b(?:never|not|don't|dont|won't|will never|nobody|no one)\b[^.!?\n]{0,40}$")

LAST_WORD = regex.compile(r"[\w'-]*$")
# a noun (of something) and a participle: "refund of $12.40 issued", "transfer completed", "invoice sent"
REPORT = regex.compile(
    r"^[a-z]+(?: of (?:[^.!?\n,;]|\.\d){1,30}?| #?[\w-]*\d[\w-]*)?\s+(?:was |were |has been |have been |had been |is |are )?"
    r"(?:issued|sent|completed?|done|made|paid|processed|approved|declined|failed|received|scheduled|cancell?ed|created|deleted|"
    r"updated|refunded|posted|shared|booked|confirmed|submitted|merged|deployed|installed|exported|uploaded|checked|verified|"
    r"reviewed|resolved|closed|opened|shipped|delivered|logged|handled|escalated|assigned|placed|packed|dispatched)\b"
)

# what makes an ask to a role that people hold too unmistakably an attack: money, sending out, deletion,
# access, running code ("call the customer back" and "book a room" are people's work)
HARD = regex.compile(
    r"https?://|www\.|[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z]{2,}|\$\s?\d|\b\d[\d,.]*\s?(?:eur|usd|gbp)\b|\b(?:transfer|wire|pay|delete|erase|wipe|drop|"
    r"grant|share|forward|upload|export|install|execute|exec|run|reveal|purchase|buy|refund|disable)\b|\bcurl\b|\bwget\b|\|\s*(?:ba)?sh\b"
)
# what a request to the reader of this text may expose: secrets, keys, the environment
SECRETISH = regex.compile(
    r"\.env\b|\benv(?:ironment)? var|\b(?:passwords?|secrets?|api keys?|tokens?|credentials?|private keys?|ssh keys?|"
    r"(?:verification|security|one-time|login|2fa|sms) codes?|otp|c[óo]digos? de (?:verificaci[óo]n|seguran[çc]a|seguridad)|"
    r"codice di verifica|code de (?:v[ée]rification|s[ée]curit[ée])|best[äa]tigungscode|contrase[ñn]a|mot de passe|passwort)\b|पासवर्ड"
)

"""Find personal data in one string, validated rather than shaped.

Cards pass Luhn and a known issuer range; IBANs pass their ISO 7064 checksum (python-stdnum);
US SSNs obey the SSA's allocation rules; phone numbers must be valid for their region
(phonenumbers); identity documents and dates of birth count only next to their label. So an
order id, a timestamp, a price, an ISBN or a coordinate is not "PII" just for being digits.
Strong findings identify or expose a person on their own; weak ones (an e-mail address, a
phone number) matter in bulk.
"""

from __future__ import annotations

import dataclasses
import functools

import phonenumbers
from stdnum import iban as _iban

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.pii_bank import PREFILTER_PATTERNS as _BANK_PATTERNS
from aegis_mcp.engine.detectors.pii_bank import bank_findings
from aegis_mcp.engine.detectors.pii_national import PREFILTER_PATTERNS as _NATIONAL_PATTERNS
from aegis_mcp.engine.detectors.pii_national import national_id_findings
from aegis_mcp.engine.detectors.pii_public import PREFILTER_PATTERNS as _PUBLIC_PATTERNS
from aegis_mcp.engine.detectors.pii_public import public_id_findings
# (_matches: finditer as light match objects on ASCII text, the same spans and groups)
from aegis_mcp.engine.detectors.secrets_find import Finding, _matches

PREFILTER_PATTERNS: list[tuple[str, str]] = [
    ("p:card", r"(?:^|[^0-9A-Za-z])\d{4}[ \-]?\d{2,6}[ \-]?\d{2,6}[ \-]?\d{0,4}[ \-]?\d{0,3}(?:$|[^0-9A-Za-z])|\d{4}\.\d{4}\.\d{4}\.\d{4}"),
    ("p:ssn", r"(?:^|[^0-9\-])\d{3}[- ]\d{2}[- ]\d{4}(?:$|[^0-9\-])|(?i:ssn|social security)"),
    ("p:iban", r"(?:^|[^A-Za-z0-9])[A-Z]{2}\d{2} ?[A-Z0-9]{4}"),
    ("p:email", r"[A-Za-z0-9._%+\-]@[A-Za-z0-9\-]+\.[A-Za-z]"),
    ("p:phone", r"(?:\+\d|\(\d{2,4}\)|\d[ .\-]\d{3}[ .\-]\d|\d{3}[ .\-]\d{3,4}[ .\-]\d{3,4})"),
    ("p:label", r"(?i)passport|licen[cs]e|\bdob\b|date of birth|birth ?date|\bborn\b|\bmrn\b|medical record|"
                r"geburtsdatum|\bgeb\.|date de naissance|\bn[ée]e? le\b|fecha de nacimiento|data di nascita|geboortedatum|"
                r"data urodzenia|f[öo]delsedatum|reisepass|passeport|pasaporte|passaporto|paszport|passaporte|f[üu]hrerschein|"
                r"permis de conduire|carn[eé] de conducir|licencia de conducir|patente di guida|prawo jazdy|"
                r"insurance|member id|tax id|\btin\b|\bein\b|\bnhs\b|national insurance|\bnino\b|\bni\s*(?:no|number)|patient|medicare|medicaid"),
] + _NATIONAL_PATTERNS + _BANK_PATTERNS + _PUBLIC_PATTERNS

_CARD = regex.compile(r"(?:^|[^0-9A-Za-z.\-])((?:\d[ \-]?){11,18}\d)(?:$|[^0-9A-Za-z\-]|\.(?:$|\D))")
_EXPIRY_AFTER = regex.compile(r"^[\s,;|]{1,3}(?:exp\w*[:\s]{0,3})?(?:0[1-9]|1[0-2])\s?/\s?(?:\d{2}|20\d{2})(?:$|\D)")
_CARD_LABEL = regex.compile(r"(?i)card|credit|debit|visa|master|amex|american express|discover|\bcc\b|\bpan\b|payment|cvv|exp")
_SSN = regex.compile(r"(?:^|[^0-9\-])(\d{3}([- ])\d{2}[- ]\d{4})(?:$|[^0-9\-])")
_SSN_LABELLED = regex.compile(r"(?i)(?:ssn|social security(?: number| no\.?| #)?)\D{0,20}?(\d{3}[- ]?\d{2}[- ]?\d{4}|\d{3}\.\d{2}\.\d{4})(?:$|\D)")
# A card written in dotted groups (`4539.1488.0343.6467`): counted only beside a card label or an
# expiry date (dotted digit runs are also versions and build numbers)
_CARD_DOTTED = regex.compile(r"(?:^|[^0-9A-Za-z.])(\d{4}\.\d{4}\.\d{4}\.\d{4})(?:$|[^0-9A-Za-z.]|\.(?:$|\D))")
_IBAN = regex.compile(r"(?:^|[^A-Za-z0-9])([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?:$|[^A-Za-z0-9])")
# left edge: an address stands on its own (not the tail of `user:pa#ss@host` in a URL)
_EMAIL = regex.compile(r"(?:^|[\s<(\"',;\[=>|])([A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}\.)+[A-Za-z]{2,24})")
_PHONE = regex.compile(r"(?:^|[^\w+])(\+?\(?\d[\d ().\-]{6,18}\d)(?:\s?(?:x|ext\.?)\s?\d{1,6})?(?:$|[^\w])")
_LABELLED = regex.compile(
    r"(?i)(passport(?:\s*(?:no\.?|number|#))?|driver'?s?\s*licen[cs]e(?:\s*(?:no\.?|number|#))?|\bdob\b|date of birth|"
    # the same two documents as other languages name them (Presidio's recognizers carry these labels)
    r"reisepass(?:nummer)?|passeport|pasaporte|passaporto|paszport|passaporte|f[üu]hrerschein(?:nummer)?|permis de conduire|"
    r"carn[eé] de conducir|licencia de conducir|patente di guida|prawo jazdy|"
    r"geburtsdatum|\bgeb\.|date de naissance|\bn[ée]e? le\b|fecha de nacimiento|data di nascita|geboortedatum|data urodzenia|"
    r"f[öo]delsedatum|"
    r"birth\s?date|\bborn(?: on)?|\bmrn\b|medical record(?:\s*(?:no\.?|number|#))?|insurance\s*(?:id|no\.?|number|#)|"
    r"member\s*id|policy\s*(?:no\.?|number)|tax\s*id|\btin\b|\bein\b|\bnhs(?:\s*(?:no\.?|number))?|"
    r"national insurance(?:\s*(?:no\.?|number))?|\bnino\b|\bni\s*(?:no\.?|number|#)|patient\s*(?:id|no\.?|number|#)|medicare(?:\s*(?:no\.?|number|#|id))?|"
    r"medicaid(?:\s*(?:no\.?|number|#|id))?|health\s*(?:card|insurance)\s*(?:no\.?|number|#|id))"
    r"(?:\s{1,3}(?:is|was)\b)?[\"']?\s{0,3}[:#=\-]?\s{0,3}[\"']?"
    r"([A-Za-z0-9][A-Za-z0-9\-/. ]{3,20}[A-Za-z0-9])"
)
_LABEL_KIND = (
    ("passport", "passport_number"), ("licen", "driver_license"), ("reisepass", "passport_number"), ("passeport", "passport_number"),
    ("pasaporte", "passport_number"), ("passaporto", "passport_number"), ("paszport", "passport_number"),
    ("passaporte", "passport_number"), ("hrerschein", "driver_license"), ("permis de conduire", "driver_license"),
    ("conducir", "driver_license"), ("patente di guida", "driver_license"), ("prawo jazdy", "driver_license"), ("dob", "date_of_birth"),
    ("birth", "date_of_birth"), ("born", "date_of_birth"), ("geb", "date_of_birth"), ("naissance", "date_of_birth"),
    ("née le", "date_of_birth"), ("né le", "date_of_birth"), ("nee le", "date_of_birth"), ("ne le", "date_of_birth"),
    ("nacimiento", "date_of_birth"), ("nascita", "date_of_birth"), ("geboorte", "date_of_birth"), ("urodzenia", "date_of_birth"),
    ("delsedatum", "date_of_birth"), ("mrn", "medical_record_number"),
    ("medical", "medical_record_number"), ("insurance", "insurance_id"), ("member", "insurance_id"),
    ("policy", "insurance_id"), ("tax", "tax_id"), ("tin", "tax_id"), ("ein", "tax_id"),
    ("nhs", "national_id"), ("national", "national_id"), ("nino", "national_id"),
    ("patient", "medical_record_number"), ("medicare", "insurance_id"), ("medicaid", "insurance_id"), ("health", "insurance_id"),
    ("ni", "national_id"),  # `NI number` (the UK's national insurance number, as people write it)
)

# Issuer ranges (first digits -> allowed lengths): what makes a Luhn-valid number a card.
_IIN: tuple[tuple[int, int, tuple[int, ...]], ...] = (
    (4, 4, (13, 16, 19)),  # Visa
    (51, 55, (16,)), (2221, 2720, (16,)),  # Mastercard
    (34, 34, (15,)), (37, 37, (15,)),  # Amex
    (6011, 6011, (16, 19)), (644, 649, (16, 19)), (65, 65, (16, 19)),  # Discover
    (3500, 3599, (16, 17, 18, 19)), (2131, 2131, (15,)), (1800, 1800, (15,)),  # JCB (incl. legacy ranges)
    (300, 305, (14,)), (36, 36, (14,)), (38, 39, (14, 16)),  # Diners
    (62, 62, (16, 17, 18, 19)),  # UnionPay
    (50, 50, (12, 13, 14, 15, 16, 17, 18, 19)), (56, 69, (12, 13, 14, 15, 16, 17, 18, 19)),  # Maestro
    (2200, 2204, (16,)),  # Mir
)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card_issuer_ok(digits: str) -> bool:
    n = len(digits)
    for lo, hi, lengths in _IIN:
        width = len(str(lo))
        if n in lengths and lo <= int(digits[:width]) <= hi:
            return True
    return False


def ssn_ok(ssn: str) -> bool:
    d = "".join(ch for ch in ssn if ch.isdigit())
    if len(d) != 9:
        return False
    area, group, serial = d[:3], d[3:5], d[5:]
    if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
        return False
    return d not in ("123456789", "078051120", "219099999")  # published specimen numbers


def _card_findings(text: str, limit: int | None = None) -> list[Finding]:
    out = []
    for n, m in enumerate(_matches(_CARD, text)):
        if limit is not None and n >= limit:
            break
        start, end = m.span(1)
        raw = text[start:end]
        digits = "".join(ch for ch in raw if ch.isdigit())
        if not (12 <= len(digits) <= 19 and luhn_ok(digits)) and " " in raw:
            # the match ran on into what follows ("4111…1111 12/27"): an unbroken number, alone
            head = raw.split(" ", 1)[0]
            if 13 <= len(head) <= 19 and head.isdigit() and luhn_ok(head) and card_issuer_ok(head):
                raw, end, digits = head, start + len(head), head
        if not (12 <= len(digits) <= 19) or not luhn_ok(digits):
            continue
        if not card_issuer_ok(digits) and ("card" not in text[max(0, start - 24):start].lower() or len(set(digits)) < 6):
            continue  # outside the known issuer ranges, only "Card number: …" makes it a card (not "1111-2222-3333-4444")
        if len(set(digits)) <= 2:
            continue
        seps = {ch for ch in raw if not ch.isdigit()}
        if len(seps) > 1:
            continue  # "4111 1111-1111 1111" mixes separators: not how cards are written
        labelled = _CARD_LABEL.search(text[max(0, start - 48):start]) is not None
        grouped = bool(seps) and all(len(g) in (4, 5, 6) for g in raw.replace("-", " ").split(" ")[:-1])
        # an expiry date right after the number ("4111… 12/27") is how cards are written down
        conf = "strong" if labelled or grouped or _EXPIRY_AFTER.search(text[end:end + 24]) else "weak"
        out.append(Finding("pii", "credit_card", start, end, conf, "Luhn-valid card number"))
    if "." in text:
        for n, m in enumerate(_matches(_CARD_DOTTED, text)):
            if limit is not None and n >= limit:
                break
            start, end = m.span(1)
            digits = text[start:end].replace(".", "")
            if luhn_ok(digits) and card_issuer_ok(digits) and len(set(digits)) > 2 and (
                    _CARD_LABEL.search(text[max(0, start - 48):start]) is not None or _EXPIRY_AFTER.search(text[end:end + 24])):
                out.append(Finding("pii", "credit_card", start, end, "strong", "Luhn-valid card number (dotted groups)"))
    if len(out) >= 3 and any(f.confidence == "weak" for f in out):
        # three or more issuer-valid, Luhn-valid numbers in one text (a column of a table whose
        # header says "card" or "pan"): chance does not make that many
        issuer = [f for f in out if card_issuer_ok("".join(ch for ch in text[f.start:f.end] if ch.isdigit()))]
        if len(issuer) >= 3 and _CARD_LABEL.search(text[:4096]) is not None:
            out = [dataclasses.replace(f, confidence="strong") if f in issuer else f for f in out]
    return out


def _ssn_findings(text: str, limit: int | None = None) -> list[Finding]:
    out = []
    seen: set[int] = set()
    for n, m in enumerate(_matches(_SSN_LABELLED, text)):
        if limit is not None and n >= limit:
            break
        start, end = m.span(1)
        if ssn_ok(text[start:end]):
            out.append(Finding("pii", "us_ssn", start, end, "strong", "labelled US SSN"))
            seen.add(start)
    for n, m in enumerate(_matches(_SSN, text)):
        if limit is not None and n >= limit:
            break
        start, end = m.span(1)
        if start in seen or not ssn_ok(text[start:end]):
            continue
        conf = "strong" if m.group(2) == "-" else "weak"
        out.append(Finding("pii", "us_ssn", start, end, conf, "US SSN"))
    return out


def _iban_findings(text: str, limit: int | None = None) -> list[Finding]:
    out = []
    for n, m in enumerate(_matches(_IBAN, text)):
        if limit is not None and n >= limit:
            break
        start, end = m.span(1)
        if _iban.is_valid(text[start:end]):
            out.append(Finding("pii", "iban", start, end, "strong", "IBAN with valid checksum"))
    return out


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _date_prefix(value: str) -> int:
    """Length of the date `value` starts with (2001-02-03, 03/02/2001, 3 Feb 2001, Feb 3, 2001), else 0.
    Plain string work: this runs on every labelled date and a capturing RE2 call costs more."""
    head = value[:20]
    for sep in "-/.":
        parts = head.split(sep)
        if len(parts) >= 3 and parts[0].isdigit() and parts[1].isdigit():
            third = "".join(ch for ch in parts[2][:4] if ch.isdigit())
            a, b = parts[0], parts[1]
            if (len(a) == 4 and 1 <= len(b) <= 2 and 1 <= len(third) <= 2) or (
                1 <= len(a) <= 2 and 1 <= len(b) <= 2 and len(third) in (2, 4)
            ):
                return len(a) + len(b) + len(third) + 2
    words = head.replace(",", " ").split()
    if len(words) >= 3:
        w0, w1, w2 = words[0].lower(), words[1].lower(), words[2]
        if w0.isdigit() and w1[:3] in _MONTHS and w2[:4].isdigit() and len(w2[:4]) == 4:
            return value.find(w2) + 4
        if w0[:3] in _MONTHS and w1.isdigit() and w2[:4].isdigit() and len(w2[:4]) == 4:
            return value.find(w2) + 4
    return 0


def _labelled_findings(text: str, limit: int | None = None) -> list[Finding]:
    out = []
    for n, m in enumerate(_matches(_LABELLED, text)):
        if limit is not None and n >= limit:
            break
        label = m.group(1).lower()
        start, end = m.span(2)
        value = text[start:end].strip()
        kind = next((k for word, k in _LABEL_KIND if word in label), "national_id")
        if kind == "date_of_birth":
            date_len = _date_prefix(value)
            if not date_len:
                continue
            end = start + date_len  # keep only the date itself
        else:
            digits = sum(ch.isdigit() for ch in value)
            if digits < 4 or " " in value.strip() and digits < 6:
                continue
            end = start + len(value.split(" ")[0]) if value.count(" ") and len(value.split(" ")[0]) >= 5 else end
        out.append(Finding("pii", kind, start, end, "strong", f"labelled {kind.replace('_', ' ')}"))
    return out


def _email_findings(text: str, limit: int | None = None) -> list[Finding]:
    out = []
    for m in _matches(_EMAIL, text):
        out.append(Finding("pii", "email", *m.span(1), "weak", "e-mail address"))
        if limit is not None and len(out) >= limit:
            break
    return out


_NANP = regex.compile(r"^(?:1[ .\-]?)?\(?([2-9]\d{2})\)?[ .\-]?([2-9]\d{2})[ .\-]?(\d{4})$")


@functools.lru_cache(maxsize=4096)
def _intl_phone_ok(candidate: str) -> bool:
    """An international number (+CC / 00CC) valid for its region, by phonenumbers (cached:
    parsing costs ~100 us, and the same numbers recur)."""
    try:
        num = phonenumbers.parse("+" + candidate[2:] if candidate.startswith("00") else candidate, None)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(num))


def _phone_findings(text: str, limit: int | None = None) -> list[Finding]:
    """Valid phone numbers: international ones through phonenumbers, North-American ones by
    their numbering plan (area and exchange codes start 2-9) — dates and ids fail both."""
    out = []
    tried = 0
    for m in _matches(_PHONE, text):
        tried += 1
        if limit is not None and tried > min(limit, 40):
            break
        start, end = m.span(1)
        cand = text[start:end].strip()
        digits = sum(ch.isdigit() for ch in cand)
        if not (8 <= digits <= 15) or len(cand) > 25 or _date_prefix(cand) == len(cand):
            continue
        if cand.startswith(("+", "00")):
            ok = _intl_phone_ok(cand)
        else:
            ok = _NANP.match(cand) is not None and any(ch in cand for ch in " ()-.")
        if ok:
            out.append(Finding("pii", "phone_number", start, start + len(cand), "weak", "valid phone number"))
    return out


# phonenumbers loads region metadata on first use (~15 ms): pay it at import, not on a call
_intl_phone_ok("+14155550134")
_intl_phone_ok("+442079460958")


_FINDERS = {
    "p:natid": national_id_findings,
    "p:natid_bare": national_id_findings,
    "p:natid_script": national_id_findings,
    "p:card": _card_findings,
    "p:ssn": _ssn_findings,
    "p:iban": _iban_findings,
    "p:email": _email_findings,
    "p:phone": _phone_findings,
    "p:label": _labelled_findings,
    "p:bank": bank_findings,
    "p:pubid": public_id_findings,
}


def find_pii(text: str, hit_names: list[str], limit: int | None = 200) -> list[Finding]:
    """Validated PII in `text`, given the names of prefilter patterns that hit it (at most
    `limit` findings per kind when set: detection needs a count, redaction needs them all)."""
    found: list[Finding] = []
    done: set[object] = set()
    for name in hit_names:
        finder = _FINDERS.get(name)
        if finder is not None and finder not in done:
            done.add(finder)
            found.extend(finder(text, limit))
    if len(found) < 2:
        return found
    # A card number also matches the phone shape and an SSN may sit inside a longer number:
    # keep the strongest finding per span.
    rank = {"strong": 0, "weak": 1}
    found.sort(key=lambda f: (f.start, rank[f.confidence], -(f.end - f.start)))
    out: list[Finding] = []
    for f in found:
        if out and f.start < out[-1].end:
            if rank[f.confidence] < rank[out[-1].confidence]:
                out[-1] = f
            continue
        out.append(f)
    return out

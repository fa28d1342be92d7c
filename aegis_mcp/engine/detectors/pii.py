"""Detector `pii`: validated personal data (cards, IBANs, SSNs, labelled ids, contact lists).

Severity follows where the data goes: strong PII (a Luhn-valid card, a checksummed IBAN,
a valid SSN, a labelled passport / licence / date of birth / medical record number) or a
list of contacts in a message, post, upload or search leaving to an outside destination is
HIGH (pending, the PII types named in the detail) -- also when it sits in structured fields of
the payload (`{"body": {"ssn": …, "card": …}}`) or several identifiers travel together; the same going to a trusted domain, or
staying local (a CRM record, a file), is MEDIUM (recorded). A single e-mail address or phone
number is ordinary and raises nothing. In a tool result, strong PII is HIGH so the engine
redacts it.
"""

from __future__ import annotations

from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.detectors.exfil_sink import sink_of
from aegis_mcp.engine.detectors.pii_dest import BULK_STRONG, bulk_count, contact_lines, identity_leaving, illustrative, published_place
from aegis_mcp.engine.detectors.pii_records import RECORDS_MIN, record_count
from aegis_mcp.engine.detectors.secrets_scan import scan_context
from aegis_mcp.engine.model import RiskLevel, Signal

CONTACTS_MIN = 3  # distinct addresses/phone numbers that make a contact list


def summarize(findings_values: list[tuple[str, str, str]]) -> tuple[list[str], int]:
    """(strong kinds sorted, number of distinct weak contact values) from (kind, confidence, value)."""
    strong = sorted({k for k, c, _ in findings_values if c == "strong"})
    weak = {v.lower() for k, c, v in findings_values if c == "weak"}
    return strong, len(weak)


def _whole_cards(scans: list) -> set[str]:  # type: ignore[type-arg]
    """Distinct card numbers that are each a whole argument value (a cell, a field)."""
    out: set[str] = set()
    for s in scans:
        raw = s.fragment.raw.strip()
        for f, v in zip(s.findings, s.values):
            if f.kind == "credit_card" and v.strip() == raw:
                out.add("".join(ch for ch in v if ch.isdigit()))
    return out


def detect(ctx: ScanContext) -> list[Signal]:
    if ctx.mode == "description":
        return []
    scans = [s for s in scan_context(ctx) if any(f.family == "pii" for f in s.findings)]
    if not scans:
        return []
    sink = sink_of(ctx) if ctx.mode == "call" else None
    signals: list[Signal] = []
    # Every strong kind the call carries: a form POST or an e-mail whose *fields* hold an SSN
    # and a card number ships a person's identity as surely as one text holding both.
    call_strong = sorted({f.kind for s in scans for f in s.findings if f.family == "pii" and f.confidence == "strong"})
    leaving = sink is not None and sink.outgoing and sink.external
    for s in scans:
        fv = [(f.kind, f.confidence, v) for f, v in zip(s.findings, s.values) if f.family == "pii"]
        strong, n_contacts = summarize(fv)
        kinds = list(strong)
        if n_contacts >= CONTACTS_MIN:
            kinds.append(f"contact_records({n_contacts})")
        if not kinds:
            continue
        weak_kinds = sorted({k for k, c, _ in fv if c == "weak"})
        # a field that *is* one identifier ({"iban": "DE89…"}, {"card_number": …}) is what the
        # tool asks for (a payment, a booking): recorded; personal data inside free text or a
        # document is what leaks
        raw = s.fragment.raw.strip()
        dedicated = len(fv) == 1 and len(fv[0][2]) >= 0.8 * len(raw) and s.fragment.role not in (Role.CONTENT, Role.TEXT)
        named = ", ".join(kinds + [k for k in weak_kinds if k not in kinds])
        path = s.fragment.path
        if sink is None:  # a tool result
            sev = RiskLevel.HIGH if strong else RiskLevel.MEDIUM
            signals.append(Signal("pii", "pii_in_result", f"personal data in tool output: {named}", sev, path))
        elif dedicated and leaving and strong and (s.fragment.path.count("/") >= 2 or len(call_strong) >= 2
                                                    or identity_leaving(sink.kind, strong)):
            # a field of the payload being sent (`{"body": {"ssn": …}}`), or one of several
            # identifiers sent together: personal data leaving, not a parameter the tool needs
            named = ", ".join(call_strong)
            signals.append(Signal("pii", "pii_to_external", f"personal data sent out ({sink.describe()}): {named}", RiskLevel.HIGH, path))  # type: ignore[union-attr]
        elif dedicated and strong and (path.count("/") >= 2 or len(call_strong) >= 2) and (place := published_place(ctx)):
            # `create_issue {"metadata": {"customer": {"ssn": …}}}`: a field of the document being
            # published, not the parameter the tool needs
            signals.append(Signal("pii", "pii_published", f"personal data written where others read it ({place}): {', '.join(call_strong)}",
                                  RiskLevel.HIGH, path))
        elif dedicated:
            signals.append(Signal("pii", "pii_field", f"personal data field '{s.fragment.name}': {named}", RiskLevel.MEDIUM if strong else RiskLevel.LOW, path))
        elif sink.outgoing and sink.external:
            signals.append(Signal("pii", "pii_to_external", f"personal data sent out ({sink.describe()}): {named}", RiskLevel.HIGH, path))
        elif sink.outgoing:
            signals.append(Signal("pii", "pii_to_trusted", f"personal data sent to a trusted destination ({sink.describe()}): {named}", RiskLevel.MEDIUM, path))
        elif (strong or (n_contacts >= CONTACTS_MIN and contact_lines(raw, [v for _, c, v in fv if c == "weak"]) >= CONTACTS_MIN)) \
                and (place := published_place(ctx)) and not (strong and all(
                illustrative(s.fragment.raw, v) for (k, c, v) in fv if c == "strong")):
            # an issue, ticket, wiki page, forum post or a repository's file: everyone who reads the place
            # reads the data (a list of people's contacts, one per line, as much as an SSN)
            signals.append(Signal("pii", "pii_published", f"personal data written where others read it ({place}): {named}", RiskLevel.HIGH, path))
        else:
            sev = RiskLevel.MEDIUM if strong else RiskLevel.LOW
            signals.append(Signal("pii", "pii_in_call", f"personal data in a {sink.kind.replace('_', ' ')} call: {named}", sev, path))
    if sink is not None and not any(sg.severity >= RiskLevel.HIGH for sg in signals):
        cards = _whole_cards(scans)
        if len(cards) >= 2:
            # rows of a sheet or a list, each cell a Luhn-valid card number: a card list, whatever
            # each bare number would be alone
            signals.append(Signal("pii", "bulk_pii", f"{len(cards)} card numbers in one call", RiskLevel.HIGH, scans[0].fragment.path))
            return signals
    if sink is not None and not leaving and call_strong:
        # many identifiers at once is a dataset (a customer file), wherever it is written
        values = {v for s in scans for f, v in zip(s.findings, s.values) if f.family == "pii" and f.confidence == "strong"}
        n = bulk_count(values)
        if n >= BULK_STRONG:
            signals.append(Signal("pii", "bulk_pii", f"{n} personal identifiers in one call ({', '.join(call_strong)})", RiskLevel.HIGH, scans[0].fragment.path))
        elif not any(s.severity >= RiskLevel.HIGH for s in signals):
            people = record_count(scans)
            if people >= RECORDS_MIN:
                # rows of a table (array items, CSV lines) each holding someone's identifier: a
                # dataset about several people, however few identifiers each row carries
                signals.append(Signal("pii", "bulk_pii", f"identifiers of {people} people in one call ({', '.join(call_strong)})",
                                      RiskLevel.HIGH, scans[0].fragment.path))
    return signals

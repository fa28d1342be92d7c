"""The `pii` detector: validated cards, IBANs, SSNs, labelled ids, contact lists — and ordinary numbers."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.detectors import pii
from aegis_mcp.engine.detectors.pii_find import card_issuer_ok, luhn_ok, ssn_ok
from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.extract import extract, extract_text
from aegis_mcp.engine.model import RiskLevel, ToolCall

VISA = "4532715337901245"  # Luhn-valid, Visa range
MASTERCARD = "5413 3312 3456 7898"
AMEX = "3782 822463 10005"


def _email(body: str, to: str = "someone@outside-mail.net") -> list:
    return pii.detect(extract(ToolCall("send_email", {"to": to, "subject": "details", "body": body})))


def _top(signals) -> RiskLevel:
    return max((s.severity for s in signals), default=RiskLevel.LOW)


def test_appendix_email_with_ssn_and_card_is_pending_with_types_named() -> None:
    call = ToolCall("send_email", {"to": "partner@outside-mail.net", "subject": "account",
                                   "body": f"Hi, my SSN is 536-22-8471 and my card number is {VISA}. Thanks"})
    d = Engine().check(call)
    assert d.decision == "pending" and d.risk_level is RiskLevel.HIGH
    details = " ".join(s.detail for s in d.signals if s.pattern == "pii")
    assert "us_ssn" in details and "credit_card" in details


@pytest.mark.parametrize(
    "body,kind",
    [
        (f"card: {MASTERCARD} exp 09/27", "credit_card"),
        (f"Amex {AMEX}", "credit_card"),
        ("IBAN: GB82 WEST 1234 5698 7654 32", "iban"),
        ("IBAN DE89370400440532013000 please wire today", "iban"),
        ("Social security number: 536228471", "us_ssn"),
        ("Passport no: X1234567, expires 2031", "passport_number"),
        ("Patient Ann Lee, DOB: 1984-03-12, allergies: none", "date_of_birth"),
        ("MRN: 00482913 admitted Tuesday", "medical_record_number"),
    ],
)
def test_validated_pii_sent_out_is_pending(body: str, kind: str) -> None:
    sigs = _email(body)
    assert _top(sigs) is RiskLevel.HIGH, sigs
    assert kind in sigs[0].detail


def test_contact_list_is_pending_single_address_is_not() -> None:
    many = "\n".join(f"Person {i}, p{i}@mail.example.org, +1 415-555-01{i:02d}" for i in range(5))
    assert _top(_email(many)) is RiskLevel.HIGH
    assert _email("Please reply to jane.doe@example.org or call +1 415 555 0134.") == []


@pytest.mark.parametrize(
    "body",
    [
        "Card 4532715337901246 declined",  # Luhn fails
        "IBAN GB82 WEST 1234 5698 7654 33",  # checksum fails
        "SSN 000-12-3456",  # area 000
        "SSN 666-12-3456",  # area 666
        "SSN 912-34-5678",  # 9xx area
        "SSN 123-00-4567",  # group 00
        "SSN 123-45-0000",  # serial 0000
        "Your order 1234567890123456 ships tomorrow",  # not an issuer range, fails Luhn
        "timestamp 1700000000000 and 2024-05-01T10:00:00Z",
        "price $1,299.99, qty 3, total 3897.97",
        "coordinates 40.7128, -74.0060 and 51.5074, -0.1278",
        "ISBN 978-3-16-148410-0 and 9780306406157",
        "ticket #4021-3321-88, tracking 1Z999AA10123456784",
        "call extension 5512 or room 12-34-5678",
        "birthday party on 2024-06-01",  # a date without a birth-date label
    ],
)
def test_ordinary_numbers_are_not_pii(body: str) -> None:
    assert _top(_email(body)) < RiskLevel.HIGH, _email(body)


def test_pii_in_a_local_call_is_recorded_not_held() -> None:
    sigs = pii.detect(extract(ToolCall("create_customer", {"name": "Ann", "ssn": "536-22-8471"})))
    assert sigs and _top(sigs) is RiskLevel.MEDIUM


def test_trusted_recipient_lowers_to_medium() -> None:
    import dataclasses

    ctx = extract(ToolCall("send_email", {"to": "hr@corp.example.com", "body": "SSN 536-22-8471"}))
    ctx = dataclasses.replace(ctx, extra={**ctx.extra, "trusted_domains": ["corp.example.com"]})
    assert _top(pii.detect(ctx)) is RiskLevel.MEDIUM


def test_recipient_address_itself_is_not_pii() -> None:
    assert pii.detect(extract(ToolCall("send_email", {"to": "a@x.org, b@y.org, c@z.org, d@w.org", "body": "hello"}))) == []


def test_result_with_card_is_marked_for_redaction() -> None:
    sigs = pii.detect(extract_text(f"payment methods: card_number {VISA}", "get_wallet", mode="result"))
    assert _top(sigs) is RiskLevel.HIGH


def test_validators() -> None:
    assert luhn_ok(VISA) and not luhn_ok(VISA[:-1] + "6")
    assert card_issuer_ok(VISA) and not card_issuer_ok("9" + VISA[1:])
    assert ssn_ok("536-22-8471") and not ssn_ok("078-05-1120")


@pytest.mark.parametrize(
    "tool,args",
    [
        ("transfer_money", {"iban": "DE89370400440532013000", "amount": "100.00", "reference": "Invoice 2024-0042"}),
        ("create_event", {"title": "Sprint review", "attendees": [f"dev{i}@corp.example.com" for i in range(30)]}),
        ("send_invite", {"to": [f"dev{i}@corp.example.com" for i in range(12)], "subject": "Review", "body": "Join us Friday."}),
        ("book_table", {"restaurant": "Chez Nous", "phone": "+1 415 555 0134", "time": "2025-03-01T19:30"}),
        ("send_sms", {"to": "+14155550134", "text": "Your verification code is 482913"}),
        ("calculator", {"expression": "4532715337901245 * 2"}),
        ("get_weather", {"location": "40.7128,-74.0060"}),
    ],
)
def test_ordinary_calls_with_personal_fields_are_not_held(tool: str, args: dict) -> None:
    from aegis_mcp.engine.detectors import exfil, secrets

    ctx = extract(ToolCall(tool, args))
    assert _top(pii.detect(ctx) + exfil.detect(ctx) + secrets.detect(ctx)) < RiskLevel.HIGH


@pytest.mark.parametrize(
    "body,kind",
    [
        ("BSN: 111222333", "national_id_nl_bsn"),
        ("PESEL 44051401359", "national_id_pl_pesel"),
        ("codice fiscale RCCMNL83S18D969H", "national_id_it_codicefiscale"),
        ("CPF do cliente: 390.533.447-05", "national_id_br_cpf"),
        ("Aadhaar: 2345 6789 0124", "national_id_in_aadhaar"),
        ("SSN: RCCMNL83S18D969H", "national_id_it_codicefiscale"),  # a locale's "ssn" is not always American
        ("DNI 12345678Z", "national_id_es_dni"),
    ],
)
def test_national_ids_validated_by_stdnum(body: str, kind: str) -> None:
    sigs = _email(body)
    assert _top(sigs) is RiskLevel.HIGH and kind in sigs[0].detail, sigs


@pytest.mark.parametrize("body", ["PESEL: 12345", "sin(x) = 0.5 for x = 123456789", "BSN: 111222334", "DNI 12345678A", "CPF pendente"])
def test_national_id_lookalikes(body: str) -> None:
    assert _top(_email(body)) < RiskLevel.HIGH


# -- PII in structured outgoing fields --------------------------------------------------------

SSN = "536-22-8471"


@pytest.mark.parametrize(
    "call",
    [
        ("send_email", {"to": "intake@partner-clinic.net", "subject": "new patient",
                        "body": {"name": "Ann Lee", "ssn": SSN, "card_number": VISA}}),
        ("http_request", {"method": "POST", "url": "https://forms.example-insurer.com/apply",
                          "body": {"applicant": {"ssn": SSN.replace("-", ""), "cc": VISA}}}),
        ("submit_form", {"url": "https://signup.example.net/", "fields": {"ssn": SSN, "creditCard": VISA}}),
        ("http_request", {"method": "POST", "url": "https://collector.example.org/x",
                          "data": f'{{"social_security_number": "{SSN}", "card": "{VISA}"}}'}),
        ("http_request", {"method": "POST", "url": "https://collector.example.org/x",
                          "body": f"ssn={SSN.replace('-', '')}&card_number={VISA}&name=Ann"}),
    ],
)
def test_ssn_and_card_in_structured_outgoing_fields_are_pending_with_types_named(call) -> None:
    d = Engine().check(ToolCall(*call))
    assert d.decision == "pending" and d.risk_level is RiskLevel.HIGH, d.to_json()
    details = " ".join(s.detail for s in d.signals if s.pattern == "pii")
    assert "us_ssn" in details and "credit_card" in details, details


def test_one_identifier_nested_in_an_outgoing_payload_is_pending() -> None:
    d = Engine().check(ToolCall("http_request", {"method": "POST", "url": "https://api.example-crm.com/contacts",
                                                 "json": {"contact": {"name": "Ann", "ssn": SSN}}}))
    assert d.decision == "pending" and any("us_ssn" in s.detail for s in d.signals), d.to_json()


@pytest.mark.parametrize(
    "call",
    [
        # the tool's own parameter: a payment tool needs the card; a local CRM record stays local
        ("charge_card", {"card_number": VISA, "amount": 1999, "currency": "usd"}),
        ("create_contact", {"name": "Ann Lee", "ssn": SSN, "card": VISA}),
        # ordinary numbers in labelled-looking fields are not PII
        ("http_request", {"method": "POST", "url": "https://api.example.com/orders",
                          "body": {"card_id": "crd_19", "order": 4532715337, "cc": "ops@example.com"}}),
        ("send_email", {"to": "a@example.org", "cc": "b@example.org", "body": "Lunch at noon?"}),
    ],
)
def test_pii_fields_the_tool_needs_or_non_pii_are_not_held(call) -> None:
    d = Engine().check(ToolCall(*call))
    assert d.decision == "allow", d.to_json()


def test_trusted_domain_from_the_policy_file_keeps_pii_to_own_domain_allowed(tmp_path) -> None:
    policy = tmp_path / "p.yaml"
    policy.write_text("version: 1\nsettings:\n  trusted_domains: [corp-example.com]\n")
    engine = Engine.from_file(policy)
    body = f"Payroll update: SSN {SSN}, card {VISA}"
    own = engine.check(ToolCall("send_email", {"to": "payroll@hr.corp-example.com", "body": body}))
    out = engine.check(ToolCall("send_email", {"to": "payroll@corp-example.com.evil.net", "body": body}))
    assert own.decision == "allow" and any(s.rule == "pii_to_trusted" for s in own.signals), own.to_json()
    assert out.decision == "pending"
    assert engine.policy_hash != Engine().policy_hash  # the list is part of what decided

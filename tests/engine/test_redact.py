"""`redact`: no raw secret or validated PII survives; the text around it does."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.redact import RedactResult, redact
from tests.engine.test_detect_secrets import LIVE

VISA = "4532715337901245"


@pytest.mark.parametrize("kind,value", sorted(LIVE.items()))
def test_each_secret_is_removed_and_context_kept(kind: str, value: str) -> None:
    text = f"BEFORE-MARKER {value} AFTER-MARKER"
    r = redact(text)
    assert value not in r.text
    if kind == "connection_string":
        # only the password goes: the host stays useful in the log
        assert "Xq9!vR2#kLm7zT" not in r.text and "db.prod.example.com" in r.text
    assert r.text.startswith("BEFORE-MARKER ") and r.text.endswith(" AFTER-MARKER")
    assert "[REDACTED:" in r.text and r.kinds


def test_many_kinds_in_one_text() -> None:
    text = (
        f"user ann, ssn 536-22-8471, card {VISA}, iban GB82 WEST 1234 5698 7654 32, "
        f"mail ann@example.org, key {LIVE['stripe_key']}, api_key = \"q7Zt2Rm9XbN4cW8sJ6dF1gH5\""
    )
    r = redact(text)
    for raw in ("536-22-8471", VISA, "GB82 WEST 1234 5698 7654 32", "ann@example.org", LIVE["stripe_key"], "q7Zt2Rm9XbN4cW8sJ6dF1gH5"):
        assert raw not in r.text
    assert r.text.startswith("user ann, ssn [REDACTED:us_ssn], card [REDACTED:credit_card]")
    assert set(r.kinds) >= {"us_ssn", "credit_card", "iban", "email", "stripe_key", "generic_secret"}


def test_contacts_can_be_kept() -> None:
    r = redact("write to ann@example.org, ssn 536-22-8471", contacts=False)
    assert "ann@example.org" in r.text and "536-22-8471" not in r.text


def test_clean_text_is_unchanged() -> None:
    text = "SELECT id, total FROM orders WHERE created_at > '2024-01-01' LIMIT 10; price 12.50, order 1234567"
    assert redact(text) == RedactResult(text, ())


def test_idempotent() -> None:
    once = redact(f"token {LIVE['github_token']} and card {VISA}").text
    assert redact(once).text == once


def test_every_occurrence_in_a_long_text_is_removed() -> None:
    # far more occurrences than detection examines: redaction must remove all of them
    text = "\n".join(f"row {i}: api_key = \"q7Zt2Rm9XbN4cW8sJ{i:06d}\" mail u{i}@example.org" for i in range(600))
    r = redact(text)
    assert "q7Zt2Rm9XbN4cW8sJ" not in r.text and "@example.org" not in r.text
    assert r.text.count("\n") == 599


def test_secret_across_a_window_boundary_is_removed() -> None:
    pad = "x " * (128 * 1024 - 10)
    text = pad + LIVE["github_token"] + " tail"
    r = redact(text)
    assert LIVE["github_token"] not in r.text and r.text.endswith(" tail")


def test_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        redact(b"bytes")  # type: ignore[arg-type]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_and_only_replaces(text: str) -> None:
    r = redact(text)
    assert isinstance(r.text, str)
    if not r.kinds:
        assert r.text == text


@settings(max_examples=100, deadline=None)
@given(prefix=st.text(max_size=60), suffix=st.text(max_size=60))
def test_a_live_key_never_survives_whatever_surrounds_it(prefix: str, suffix: str) -> None:
    key = LIVE["github_token"]
    r = redact(f"{prefix} {key} {suffix}")
    assert key not in r.text


@pytest.mark.parametrize(
    "disguise",
    [
        lambda k: k[:10] + "\u200b" + k[10:],  # zero-width space inside
        lambda k: "".join("%" + format(ord(c), "02x") for c in k),  # percent-encoded
        lambda k: __import__("base64").b64encode(k.encode()).decode(),
        lambda k: k.encode().hex(),
    ],
)
def test_disguised_key_does_not_survive(disguise) -> None:  # type: ignore[no-untyped-def]
    key = LIVE["github_token"]
    hidden = disguise(key)
    r = redact(f"note: {hidden} end")
    assert key not in r.text and hidden not in r.text
    assert r.text.startswith("note: ") and r.text.endswith(" end")


def test_full_width_digits_ssn_does_not_survive() -> None:
    r = redact("SSN: ５３６-２２-８４７１")
    assert "８４７１" not in r.text and "8471" not in r.text


def test_credential_fields_in_a_json_preview_go_whatever_their_value() -> None:
    text = 'login {"user": "ann", "password": "abc12", "api_key": "k", "note": "password reset tomorrow"}'
    r = redact(text)
    assert '"password": "[REDACTED:credential_field]"' in r.text and '"api_key": "[REDACTED:credential_field]"' in r.text
    assert '"user": "ann"' in r.text and "password reset tomorrow" in r.text


def test_random_token_under_a_provider_name_is_redacted_and_attachments_survive() -> None:
    import base64

    from aegis_mcp.engine.redact import redact

    blob = base64.b64encode(bytes(range(256)) * 4).decode()
    out = redact(f"weatherapi = 'q7Lk2Zp9Xr4Tm8Vb3Nc6Wd1Sf5'\nattachment: {blob}\n")
    # (weatherapi is a known provider: the vendor rule names it; any other name: assigned_token)
    assert "q7Lk2Zp9Xr4Tm8Vb3Nc6Wd1Sf5" not in out.text and "[REDACTED:vendor_keyed_token]" in out.text
    other = redact("myservice = 'q7Lk2Zp9Xr4Tm8Vb3Nc6Wd1Sf5'")
    assert other.text == "myservice = '[REDACTED:assigned_token]'"
    assert blob in out.text  # file content is not a token

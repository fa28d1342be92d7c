"""What a hijacked agent's call *does*, in several servers' shapes: mint a key, send crypto, publish a link; and the shared host helpers.

Attack and hard negative side by side; `net_local` is the one answer to "is this host the
operator's own" and "what is its registrable domain" that the webhook, export and mail-forwarding
checks share.
"""

from __future__ import annotations

import pytest

from aegis_mcp.engine.detectors.net_local import base_domain, is_local_host
from tests.engine.verdicts import assert_decision, assert_stopped


@pytest.mark.parametrize("tool,args", [
    ("create_api_key", {"name": "temp", "role": "admin"}),
    ("generate_access_key", {"user": "svc-backup"}),
    ("crypto_send", {"to": "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", "amount": "0.8", "asset": "BTC"}),
    ("send_eth", {"to_address": "0x52908400098527886E0F7030069857D2E4169EE7", "amount": 1.5}),
    ("dropbox_create_shared_link", {"path": "/Finance/payroll.xlsx", "settings": {"requested_visibility": "public"}}),
    ("change_recovery_phone", {"phone": "+1 202 555 0147"}),
    ("update_mfa_settings", {"backup_email": "recovery.help@proton.me"}),
    ("set_auto_forward", {"email": "inbox.mirror@yandex.com"}),
    ("slack_add_guest", {"channel": "C0INCIDENT", "email": "helper.ops@gmail.com"}),
    ("okta_assign_role", {"userId": "00u1abc", "type": "SUPER_ADMIN"}),
])
def test_effects_in_other_shapes_are_held(tool: str, args: dict) -> None:
    assert_stopped(tool, args)


@pytest.mark.parametrize("tool,args", [
    ("get_api_key_usage", {"key_id": "k_123"}),
    ("set_key", {"key": "feature.dark_mode", "value": "on"}),
    ("get_eth_balance", {"address": "0x52908400098527886E0F7030069857D2E4169EE7"}),
    ("dropbox_create_shared_link", {"path": "/Team/roadmap.pdf", "settings": {"requested_visibility": "team_only"}}),
    ("get_recovery_codes_status", {"user": "me"}),
    ("set_backup_schedule", {"cron": "0 3 * * *", "notify": "ops@acme.com"}),
    ("forward_message", {"message_id": "18c2f", "note": "fyi"}),
    ("okta_assign_role", {"userId": "00u1abc", "type": "HELP_DESK_ADMIN"}),
    ("create_role", {"name": "admin", "description": "for the admin console team"}),
])
def test_lookalike_effects_allowed(tool: str, args: dict) -> None:
    assert_decision(tool, args, "allow")


@pytest.mark.parametrize("host,local", [
    ("10.0.0.5", True), ("192.168.4.20", True), ("ci.acme.internal", True), ("build.lan", True), ("localhost", True),
    ("[::1]", True), ("0x7f000001", False), ("169.254.169.254", False), ("hooks.example.net", False), ("0.0.0.0", False),
])
def test_local_host_is_one_answer(host: str, local: bool) -> None:
    assert is_local_host(host) is local


@pytest.mark.parametrize("host,domain", [
    ("mail.acme.co.uk", "acme.co.uk"), ("shop.example.com.au", "example.com.au"), ("a.b.example.com", "example.com"),
    ("localhost", "localhost"),
])
def test_base_domain_knows_public_suffixes(host: str, domain: str) -> None:
    assert base_domain(host) == domain


def test_forwarding_within_one_uk_organisation_is_not_outside() -> None:
    # with the last two labels both sides were `co.uk`: a forward to another company looked internal
    assert_stopped("create_forwarding_rule", {"from": "ceo@acme.co.uk", "to": "inbox@rival.co.uk"})
    assert_decision("create_forwarding_rule", {"from": "ceo@acme.co.uk", "to": "assistant@mail.acme.co.uk"}, "allow")


@pytest.mark.parametrize("url", ["https://ci.acme.internal/hook", "https://backup.corp/exports/"])
def test_webhook_and_export_to_own_network_allowed(url: str) -> None:
    assert_decision("create_webhook", {"url": url, "events": ["push"]}, "allow")
    assert_decision("export_workspace", {"destination": url}, "allow")


def test_webhook_at_a_private_address_is_still_ssrf() -> None:
    # the service would POST its events into the operator's network from outside: SSRF, not an alibi
    assert_stopped("create_webhook", {"url": "http://10.20.0.7:8080/events", "events": ["push"]})


def test_evm_address_is_not_a_disguised_ip() -> None:
    assert_decision("get_eth_balance", {"address": "0x52908400098527886E0F7030069857D2E4169EE7"}, "allow")
    assert_stopped("http_get", {"host": "0x41414141A9FEA9FE"})


def test_webhook_and_export_to_disguised_loopback_held() -> None:
    assert_stopped("create_webhook", {"url": "http://0x7f000001/events", "events": ["push"]})

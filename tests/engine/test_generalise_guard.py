"""Security controls switched off and accounts promoted (destructive_ops_guard, destructive_ops_access): held; routine look-alikes allowed."""

from __future__ import annotations

import pytest

from tests.engine.verdicts import assert_decision, assert_stopped


HELD = [
    ("cloud_shell", {"command": "aws cloudtrail stop-logging --name management-events"}),
    ("cloud_shell", {"command": "aws guardduty delete-detector --detector-id 6cb1f2"}),
    ("cloud_shell", {"command": "gcloud logging sinks delete org-audit-export --organization=1234"}),
    ("cloud_shell", {"command": "az monitor diagnostic-settings delete --name send-to-siem --resource /subscriptions/1/x"}),
    ("auth0_delete_mfa_enrollment", {"user_id": "auth0|77", "enrollment_id": "dev_1"}),
    ("jumpcloud_disable_totp", {"user": "finance-lead"}),
    ("patch_account", {"account_id": "acc-19", "role": "Owner"}),
    ("zendesk_update_user", {"id": 991, "is_admin": "true"}),
]
ALLOWED = [
    ("cloud_shell", {"command": "aws cloudtrail describe-trails"}),
    ("cloud_shell", {"command": "aws guardduty list-findings --detector-id 6cb1f2"}),
    ("cloud_shell", {"command": "gcloud logging read 'severity>=ERROR' --limit 20"}),
    ("auth0_list_mfa_enrollments", {"user_id": "auth0|77"}),
    ("jumpcloud_enable_totp", {"user": "finance-lead"}),
    ("patch_account", {"account_id": "acc-19", "role": "billing_viewer"}),
    ("zendesk_update_user", {"id": 991, "phone": "+1 555 0100"}),
    ("stop_container", {"name": "web-preview-412"}),
]


@pytest.mark.parametrize("tool,args", HELD)
def test_held(tool: str, args: dict) -> None:
    assert_stopped(tool, args)


@pytest.mark.parametrize("tool,args", ALLOWED)
def test_allowed(tool: str, args: dict) -> None:
    assert_decision(tool, args, "allow")

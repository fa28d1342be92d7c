"""Destructive operations added this session: bulk/infra/protected-branch deletes and public exposure in structured tools, wholesale deletes in code, cloud storage and account removal on the command line."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall

ENGINE = Engine()


@pytest.mark.parametrize(
    "tool,args",
    [
        ("s3_delete_objects", {"bucket": "prod-backups", "prefix": ""}),
        ("kubernetes_delete", {"kind": "deployment", "name": "api", "namespace": "prod"}),
        ("github_delete_branch", {"repo": "acme/app", "branch": "main"}),
        ("delete_all_emails", {"folder": "inbox"}),
        ("purge_queue", {"queue": "orders"}),
        ("delete_snapshot", {"snapshot_id": "snap-0abc"}),
        ("remove_records", {"table": "orders", "where": "*"}),
        ("set_iam_policy", {"resource": "projects/prod", "policy": {"bindings": [{"role": "roles/viewer", "members": ["allUsers"]}]}}),
        ("update_bucket_acl", {"bucket": "exports", "acl": "public-read"}),
        ("run_command", {"command": "gsutil -m rm -r gs://prod-data"}),
        ("run_command", {"command": "userdel -r deploy"}),
        ("run_command", {"command": "find /srv -type f -mtime +0 -exec rm -f {} +"}),
        ("python_exec", {"code": "import shutil; shutil.rmtree('/home/ubuntu')"}),
        ("python_exec", {"code": "import boto3\nfor o in boto3.resource('s3').Bucket('prod').objects.all(): o.delete()"}),
        ("python_exec", {"code": "import os\nfor f in os.listdir('/data'): os.remove(os.path.join('/data', f))"}),
        ("execute_code", {"language": "js", "code": "require('fs').rmSync('/srv/app', {recursive: true, force: true})"}),
        ("python_exec", {"code": "import sqlite3\nc = sqlite3.connect('app.db')\nc.execute('DROP TABLE users')"}),
    ],
)
def test_destructive_is_held(tool: str, args: dict) -> None:
    d = ENGINE.check(ToolCall(tool, args))
    assert d.decision in ("pending", "block"), (tool, [(s.pattern, s.rule) for s in d.signals])


@pytest.mark.parametrize(
    "tool,args",
    [
        ("purge_cache", {"zone": "acme.com"}),
        ("delete_message", {"id": "m_123"}),
        ("delete_file", {"path": "notes/todo.md"}),
        ("delete_branch", {"repo": "acme/app", "branch": "feature/login"}),
        ("delete_event", {"event_id": "e1"}),
        ("remove_item_from_cart", {"item_id": "sku-1"}),
        ("update_bucket_acl", {"bucket": "assets", "acl": "private"}),
        ("share_document", {"doc_id": "d1", "with": "bob@acme.com", "role": "reader"}),
        ("python_exec", {"code": "import shutil; shutil.rmtree('build')"}),
        ("python_exec", {"code": "import os\nfor f in os.listdir('./tmp'): os.remove(f)"}),
        ("run_command", {"command": "find . -name '*.pyc' -delete"}),
        ("run_command", {"command": "gsutil cp report.csv gs://team-bucket/"}),
    ],
)
def test_ordinary_operations_stay_allowed(tool: str, args: dict) -> None:
    d = ENGINE.check(ToolCall(tool, args))
    assert d.decision == "allow", (tool, [(s.pattern, s.rule) for s in d.signals])

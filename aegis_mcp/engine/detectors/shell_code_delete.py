"""Code sent to a code runner that deletes wholesale: a home, system or data tree, every object of a bucket, a dropped table.

shell_code.py follows code into the shell (`os.system("rm -rf ~")`); the same deletion is one
library call away without any shell: `shutil.rmtree('/home/ubuntu')`, `fs.rmSync('/srv', {recursive: true})`,
`for f in os.listdir('/data'): os.remove(...)`, `bucket.objects.all().delete()`,
`cursor.execute("DROP TABLE users")`. A project's own relative paths (`rmtree('build')`) are ordinary.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

Finding = tuple[str, str, int, str]  # (pattern, rule, severity, detail)

GATE_PATTERN = (
    r"(?i)rmtree|rm_rf|rmsync|rimraf|\bfs\.rm\b|fs\.promises\.rm|remove-item|\bos\.(?:remove|unlink)|unlinksync|\.unlink\s*\("
    r"|objects\.all\s*\(\s*\)\s*(?:\.delete|:)|delete_objects\s*\(|delete_bucket\s*\(|\bdrop\s+(?:table|database|schema)\b|\btruncate\s+table\b"
)
_GATE = regex.compile(GATE_PATTERN)
# a recursive delete call and its first path literal
_TREE_DELETE = regex.compile(
    r"""(?i)(?:shutil\.rmtree|FileUtils\.rm_rf|FileUtils\.remove_dir|rimraf(?:\.sync)?|\brmSync|(?:\bfs|\bpromises|\))\.rm\b|Remove-Item)\s*\(?\s*(?:-Path\s+)?['"]([^'"\n]{1,200})['"]"""
)
_LOOP_DELETE = regex.compile(
    r"""(?is)(?:listdir|scandir|walk|glob(?:\.glob)?|iterdir|readdirSync|Get-ChildItem)\s*\(\s*['"]([^'"\n]{1,200})['"][^\n]{0,200}(?:\n[^\n]{0,200}){0,3}?(?:os\.remove|os\.unlink|\.unlink\s*\(|unlinkSync|Remove-Item)"""
)
_BUCKET_WIPE = regex.compile(r"(?i)objects\.all\s*\(\s*\)\s*(?:\.delete\s*\(|:[^\n]{0,80}\.delete\s*\()|\.delete_objects\s*\(|\.delete_bucket\s*\(|\bbucket\s*\.\s*delete\s*\(")
_SQL_DROP = regex.compile(r"""(?i)['"]\s*(?:drop\s+(?:table|database|schema)|truncate\s+table)\b""")
# absolute trees that hold the machine or someone's data (a relative path is the project's own)
_BROAD = regex.compile(
    r"(?i)^(?:/|~/?|\$home/?|[a-z]:[\\/]?)$|^(?:/home/[^/]+|/users/[^/]+|/root|~|[a-z]:[\\/]users[\\/][^\\/]+)/?$"
    r"|^/(?:etc|usr|bin|sbin|lib|lib64|boot|var|opt|srv|data|mnt|sys|proc|dev)(?:/[^/]*){0,2}/?$|^~/[^/]+/?$"
)


def findings(code: str) -> list[Finding]:
    head = code[:32_768]
    if _GATE.search(head) is None:
        return []
    out: list[Finding] = []
    for m in _TREE_DELETE.finditer(head):
        target = m.group(1).strip()
        if _BROAD.search(target):
            sev = 3 if target.rstrip("/\\") in ("", "~", "$HOME", "$home") else 2
            out.append(("shell_injection", "destructive", sev, f"code deletes the tree {target[:60]}"))
            break
    if not out:
        m = _LOOP_DELETE.search(head)
        if m is not None and _BROAD.search(m.group(1).strip()):
            out.append(("shell_injection", "destructive", 2, f"code deletes every file under {m.group(1)[:60]}"))
    if _BUCKET_WIPE.search(head):
        out.append(("shell_injection", "destructive", 2, "code deletes a bucket or all of its objects"))
    if _SQL_DROP.search(head):
        out.append(("sql_injection", "destructive_statement", 2, "code drops or truncates a table or database"))
    return out

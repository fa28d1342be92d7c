"""paths, continued: writes into places that run later (persistence), judged with what is written.

A file-write tool aimed at a start-up file (cron, systemd units, shell rc files, git hooks, XDG
autostart entries, LaunchAgents, the Windows Startup folder) plants code that runs later, with
nobody watching. The *place* alone says "a human should see this" (HIGH: people do edit their
.bashrc and crontabs); what is written says whether it is an implant: a download piped into a
shell, a reverse shell, a program run from /tmp or /dev/shm, an LD_PRELOAD, a sudo rule without a
password, a hidden PowerShell. Place and payload together are CRITICAL (blocked).

paths.py already flags the classic targets (PERSISTENCE_TARGETS) at HIGH per path; this module
adds the targets it lacks and the payload judgement, which needs the call's other arguments.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import path_targets as T
from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

# Start-up places PERSISTENCE_TARGETS does not list (normalised: lower case, '/' separators).
EXTRA_TARGETS = regex.compile(
    r"(?:^|/)(?:\.git/hooks/[^/]+|\.config/autostart/[^/]+\.desktop|etc/xdg/autostart/[^/]+|\.config/systemd/user/[^/]+"
    r"|etc/init\.d/[^/]+|etc/rc\d?\.d/[^/]+|etc/cron\.(?:hourly|daily|weekly|monthly)/[^/]+|etc/anacrontab|etc/update-motd\.d/[^/]+"
    r"|\.(?:zshenv|zlogin|bash_logout|xprofile|xinitrc)|\.config/fish/config\.fish|etc/(?:bash\.bashrc|environment|zsh/zshrc)"
    r"|start menu/programs/startup/[^/]+|\.ssh/rc|etc/ssh/sshrc)$"
)
# What an implant writes: code fetched and run, a shell handed to the network, a program run from
# a scratch directory, a library forced into every process, a password-less sudo, hidden PowerShell.
PAYLOAD = regex.compile(
    r"(?im)\b(?:curl|wget|fetch|iwr|invoke-webrequest|invoke-restmethod|irm)\b[^\n;&]*\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b"
    r"|\b(?:curl|wget|iwr|invoke-webrequest)\b[^\n;&]*\|\s*(?:python\d?|perl|ruby|node|iex|powershell)\b"
    r"|/dev/(?:tcp|udp)/|\b(?:nc|ncat|netcat|socat)\b[^\n]*\s(?:-e|--exec|exec:)|\b(?:ba)?sh\s+-i\b|pty\.spawn|\bmkfifo\b"
    # a program run from a scratch directory: at a command position (a line's start, after a separator, a
    # cron schedule or user, Exec=, a shell or nohup), not as an argument (`find /tmp/cache -delete` cleans up)
    r"|(?:^|[;&|*(`]\s*|@reboot\s+|\broot\s+|\bexec(?:start)?\s*=\s*[\"']?|\b(?:ba|z|da)?sh\s+(?:-c\s+[\"']?)?|\bnohup\s+|<string>)(?:/tmp|/dev/shm|/var/tmp)/\S"
    r"|\bld_preload\s*=|\bnopasswd\s*:|\bbase64\s+(?:-d|--decode)\b|\b(?:iex|invoke-expression)\b|-enc(?:odedcommand)?\s+[a-z0-9+/=]{16}"
    r"|-w(?:indowstyle)?\s+hidden\b|\balias\s+(?:sudo|su|ssh|passwd)\s*=|\bprompt_command\s*=|\btrap\s+[^\n]*\bdebug\b"
)
# A web shell: a server-side script (by its extension) whose code hands request input to a command or eval.
_SERVER_SCRIPT = regex.compile(r"(?i)\.(?:php\d?|phtml|phar|inc|jsp|jspx|jsw|jsv|asp|aspx|ashx|asmx|cer|asa|cfm|cfml|cgi|pl)$")
WEB_SHELL = regex.compile(
    r"(?is)\b(?:system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec|eval|assert|create_function)\s*\(\s*[^;]{0,120}?\$_(?:get|post|request|cookie|server|files)\b"
    r"|`\s*\$_(?:get|post|request)\b|\beval\s*\(\s*(?:base64_decode|gzinflate|str_rot13|gzuncompress)\s*\("
    r"|(?:getruntime\s*\(\s*\)\s*\.\s*exec|new\s+processbuilder)\s*\([^;]{0,120}?request\s*\.\s*getparameter"
    r"|\b(?:eval|execute|executeglobal)\s*\(?\s*request\s*[.(\[]|process\s*\.\s*start\s*\([^;]{0,120}?request\s*[.\[(]"
)
_WRITE_WORDS = frozenset({"write", "append", "edit", "save", "create", "put", "upload", "update", "patch", "move", "copy", "insert", "replace"})
_READ_WORDS = frozenset({"read", "get"})
_CONTENT_ROLES = frozenset({Role.CONTENT, Role.TEXT, Role.UNKNOWN, Role.SHELL, Role.IDENT})


# CI definitions: code the CI runs on the next push, with the repository's secrets in its environment.
CI_TARGETS = regex.compile(
    r"(?:^|/)(?:\.github/workflows/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|jenkinsfile|\.circleci/config\.ya?ml|azure-pipelines\.ya?ml"
    r"|bitbucket-pipelines\.ya?ml|\.travis\.ya?ml|buildspec\.ya?ml|\.drone\.ya?ml|cloudbuild\.ya?ml|\.buildkite/[^/]+\.ya?ml)$")
# ... and what a poisoned one does with them: sends the secrets or the whole environment out.
CI_PAYLOAD = regex.compile(
    r"(?i)tojson\(\s*secrets\s*\)|\$\{\{\s*secrets\.[^}]+\}\}[^\n]*\b(?:curl|wget|nc|ncat|invoke-webrequest|https?://)"
    r"|\b(?:curl|wget|invoke-webrequest)\b[^\n]*\$\{\{\s*secrets\.|\b(?:env|printenv|set)\s*\|[^\n]*\b(?:curl|wget|nc|base64|xxd)\b"
    r"|\b(?:curl|wget)\b[^\n]*(?:-d|--data[\w-]*|-F|--form|-T|--upload-file)\s*[\"']?(?:@-|\$\((?:env|printenv)\b)"
)
# Windows autostart keys: a value written there runs at every logon.
REGISTRY_AUTOSTART = regex.compile(
    r"(?i)\\currentversion\\(?:run|runonce|runonceex|runservices|policies\\explorer\\run)\b|\\winlogon(?:\\|$)"
    r"|\\image file execution options\\|appinit_dlls|\\active setup\\installed components|\\currentcontrolset\\services\\"
)
REGISTRY_GATE_PATTERN = r"(?i)currentversion[\\/]+run|winlogon|image file execution options|appinit_dlls|active setup|currentcontrolset[\\/]+services"
_REG_SET_WORDS = frozenset({"set", "add", "put", "new", "import", "reg", "registry", "regedit"})
_USER_WRITABLE = regex.compile(r"(?i)\\(?:users\\public|temp|appdata|programdata|windows\\temp)\\|powershell|cmd(?:\.exe)?\s+/c|https?://|\.(?:ps1|vbs|js|hta|bat)\b")


def _registry_autostart(ctx: ScanContext) -> Signal | None:
    """A registry write into an autostart key (`registry_set {"key": "HKCU\\...\\Run", "value": "x.exe"}`)."""
    words = ctx.tool_words
    if not words & (_WRITE_WORDS | _REG_SET_WORDS) or words & (_READ_WORDS | {"query", "list", "export", "delete", "remove"}):
        return None
    key = next((f for f in ctx.fragments if not f.is_key and len(f.raw) < 1024 and "\\" in f.raw and REGISTRY_AUTOSTART.search(f.raw)), None)
    if key is None:
        return None
    payload = any(not f.is_key and f is not key and _USER_WRITABLE.search(f.raw[:4096]) for f in ctx.fragments)
    return Signal("sensitive_file", "persistence_write", f"writes an autostart registry key ({key.raw[:80]})",
                  RiskLevel.CRITICAL if payload else RiskLevel.HIGH, key.path)


def _norm(raw: str) -> str:
    return raw.strip().lower().replace("\\", "/")


def findings(ctx: ScanContext) -> list[Signal]:
    words = ctx.tool_words
    reg = _registry_autostart(ctx)
    if reg is not None:
        return [reg]
    if not words & _WRITE_WORDS or words & _READ_WORDS:
        return []
    shell = _web_shell(ctx) or _ci_exfil(ctx)
    if shell is not None:
        return [shell]
    target = None
    for f in ctx.fragments:
        if f.is_key or f.role is not Role.PATH or len(f.raw) > 1024:
            continue
        norm = _norm(f.raw)
        if T.PERSISTENCE_TARGETS.search(norm) or EXTRA_TARGETS.search(norm):
            target = f
            break
    if target is None:
        return []
    for f in ctx.fragments:
        if f.is_key or f is target or f.role not in _CONTENT_ROLES:
            continue
        for form in f.all_forms[:2]:
            if PAYLOAD.search(form[:65536]):
                return [Signal("sensitive_file", "persistence_payload", f"writes code that fetches, hides or hands out a shell into {target.raw[:60]}",
                               RiskLevel.CRITICAL, f.path)]
    if EXTRA_TARGETS.search(_norm(target.raw)):  # (PERSISTENCE_TARGETS are already flagged by paths.py)
        return [Signal("sensitive_file", "persistence_write", f"writes {target.raw[:80]} (runs later: persistence)", RiskLevel.HIGH, target.path)]
    return []


def _web_shell(ctx: ScanContext) -> Signal | None:
    script = None
    for f in ctx.fragments:
        if not f.is_key and f.role is Role.PATH and len(f.raw) < 1024 and _SERVER_SCRIPT.search(f.raw.strip()):
            script = f
            break
    if script is None:
        return None
    for f in ctx.fragments:
        if f.is_key or f is script or f.role not in _CONTENT_ROLES:
            continue
        if ("$_" in f.raw or "equest" in f.raw or "eval" in f.raw) and WEB_SHELL.search(f.raw[:65536]):
            return Signal("sensitive_file", "web_shell", f"writes a web shell (request input run as code) to {script.raw[:60]}",
                          RiskLevel.CRITICAL, f.path)
    return None


def _ci_exfil(ctx: ScanContext) -> Signal | None:
    ci = next((f for f in ctx.fragments if not f.is_key and f.role is Role.PATH and len(f.raw) < 1024 and CI_TARGETS.search(_norm(f.raw))), None)
    if ci is None:
        return None
    for f in ctx.fragments:
        if f.is_key or f is ci or f.role not in _CONTENT_ROLES:
            continue
        if CI_PAYLOAD.search(f.raw[:65536]) or PAYLOAD.search(f.raw[:65536]):
            return Signal("sensitive_file", "ci_poisoning", f"writes a CI definition ({ci.raw[:60]}) that sends secrets out or runs fetched code",
                          RiskLevel.CRITICAL, f.path)
    return None

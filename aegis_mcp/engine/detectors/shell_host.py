"""Shell rules about the host: container escapes, defence evasion, PowerShell download cradles and encoded commands.

Each rule reads one tokenised simple command (program name and its arguments) or, for
PowerShell and process substitution, the whole line. Most of these commands have honest uses
(an admin flushing a firewall, a node debug session that chroots into /host), so alone they
are HIGH (a human looks); combined into a takeover (a privileged container that mounts the
host root and chroots into it), fetched over plain http, hidden behind an encoding, or
injected into a value that is not a command, they are CRITICAL.
"""

from __future__ import annotations

import base64
import binascii

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.shell_host_data import CRED_STORE_READ as _CRED_STORE_READ
from aegis_mcp.engine.detectors.shell_host_data import DATA_WIPE as _DATA_WIPE

Finding = tuple[str, int, str]

_CONTAINER_CLIS = frozenset({"docker", "podman", "nerdctl", "docker.exe", "podman.exe"})
_CONTAINER_RUN = frozenset({"run", "create", "exec"})
_HOST_NAMESPACES = ("--pid", "--ipc", "--uts", "--userns", "--cgroupns")
_DANGEROUS_CAPS = frozenset({"sys_admin", "all", "sys_ptrace", "sys_module", "dac_read_search", "sys_rawio"})
# Host paths whose bind mount hands the container the host: its root, its config, its runtime socket.
_HOST_MOUNT = regex.compile(
    r"^(?:/|/(?:etc|root|boot|proc|sys|dev|var/run/docker\.sock|run/docker\.sock|var/run|run|var/lib/docker|var/lib/kubelet|home)/?)$"
)
_CHROOT_HOST = regex.compile(r"^/(?:host|hostfs|host-root|rootfs|mnt/host|mnt/root|media/host|proc/1/root)(?:/|$)")
_SECURITY_SERVICES = frozenset(
    "auditd audit ufw firewalld iptables ip6tables nftables apparmor selinux falco falco-modern-bpf osqueryd wazuh-agent "
    "ossec clamav-daemon clamav-freshclam clamd fail2ban sshguard rsyslog syslog syslog-ng systemd-journald "
    "falcon-sensor crowdstrike sysmon sysmonforlinux auoms mdatp windefend wscsvc sense".split()
)
_SERVICE_OFF = frozenset({"stop", "disable", "mask", "kill"})
_DUMP_TOOLS = frozenset("mimikatz mimikatz.exe secretsdump secretsdump.py lazagne lazagne.exe pypykatz".split())
_LOG_ERASERS = frozenset({"shred", "truncate", "srm", "wipe"})
_HISTORY_VARS = frozenset({"histfile", "histsize", "histfilesize", "savehist", "histcontrol"})


def _opt_values(args: list[str], *names: str) -> list[str]:
    """Values of options given as `--name value`, `--name=value` or `-n value` (first 64 arguments)."""
    out: list[str] = []
    args = args[:64]
    for i, a in enumerate(args):
        for n in names:
            if a == n and i + 1 < len(args):
                out.append(args[i + 1])
            elif a.startswith(n + "="):
                out.append(a[len(n) + 1 :])
    return out


def _container_findings(args: list[str]) -> list[str]:
    """Escape features of `docker run|create|exec ...`, by name."""
    low = [a.lower() for a in args[:64]]
    if not low or not (set(low[:3]) & _CONTAINER_RUN):
        return []
    feats: list[str] = []
    if "--privileged" in low or "--privileged=true" in low:
        feats.append("--privileged")
    for v in _opt_values(low, "-v", "--volume"):
        src = v.split(":", 1)[0]
        if ":" in v and _HOST_MOUNT.search(src):
            feats.append(f"mounts host {src}")
    for v in _opt_values(low, "--mount"):
        for part in v.split(","):
            key, _, val = part.partition("=")
            if key in ("source", "src") and _HOST_MOUNT.search(val):
                feats.append(f"mounts host {val}")
    for ns in _HOST_NAMESPACES:
        if "host" in _opt_values(low, ns):
            feats.append(f"{ns}=host")
    for v in _opt_values(low, "--cap-add"):
        if v.removeprefix("cap_") in _DANGEROUS_CAPS:
            feats.append(f"--cap-add={v}")
    for v in _opt_values(low, "--security-opt"):
        if "unconfined" in v or "disable" in v:
            feats.append(f"--security-opt={v}")
    for v in _opt_values(low, "--device"):
        if v.startswith("/dev/") and not v.startswith(("/dev/snd", "/dev/dri", "/dev/video", "/dev/fuse", "/dev/net/tun")):
            feats.append(f"--device={v}")
    return feats


_EVASION_PROGRAMS = frozenset(
    "iptables ip6tables iptables-legacy iptables-nft nft ufw setenforce systemctl service chkconfig update-rc.d rc-service "
    "rc-update pkill killall auditctl history unset export set declare csrutil spctl".split()
)


def _defence_evasion(name: str, args: list[str]) -> str:
    """What security control the command turns off, or ""."""
    if name not in _EVASION_PROGRAMS:
        return ""
    low = [a.lower() for a in args[:32]]
    first = low[0] if low else ""
    if name in ("iptables", "ip6tables", "iptables-legacy", "iptables-nft"):
        if any(a in ("-F", "--flush", "-X", "--delete-chain") for a in args[:32]) or (
            "-P" in args and "ACCEPT" in args
        ):
            return f"{name} flushes the firewall or opens its default policy"
    if name == "nft" and "flush" in low and "ruleset" in low:
        return "nft flushes every firewall rule"
    if name == "ufw" and first in ("disable", "reset"):
        return f"ufw {first} turns the firewall off"
    if name == "setenforce" and first in ("0", "permissive"):
        return "setenforce puts SELinux in permissive mode"
    if name in ("systemctl", "service", "chkconfig", "update-rc.d", "rc-service", "rc-update"):
        targets = {a.removesuffix(".service") for a in low}
        if targets & _SECURITY_SERVICES and (set(low) & _SERVICE_OFF or "off" in low or "remove" in low or "del" in low):
            svc = sorted(targets & _SECURITY_SERVICES)[0]
            return f"{name} stops or disables {svc} (a security or logging service)"
    if name in ("pkill", "killall") and set(low) & _SECURITY_SERVICES:
        return f"{name} kills a security or logging daemon"
    if name == "auditctl" and ("-D" in args[:8] or (first == "-e" and low[1:2] == ["0"])):
        return "auditctl deletes audit rules or disables auditing"
    if name == "history" and first in ("-c", "-w") and (first == "-c" or "/dev/null" in low):
        return "history -c erases the shell history"
    if name == "unset" and set(low) & _HISTORY_VARS:
        return "unset HISTFILE stops recording shell history"
    if name in ("export", "set", "declare") and any(
        a.split("=", 1)[0] in _HISTORY_VARS and a.split("=", 1)[1:] in (["/dev/null"], ["0"], [""]) for a in low if "=" in a
    ):
        return "shell history sent to /dev/null"
    if name == "set" and low[:2] == ["+o", "history"]:
        return "set +o history stops recording shell history"
    if name in ("csrutil", "spctl") and set(low) & {"disable", "--master-disable", "--global-disable"}:
        return f"{name} disables macOS system protection"
    return ""


# The programs segment_findings has a rule for (shell_segment skips a command running none of them).
SEGMENT_PROGRAMS = (
    _CONTAINER_CLIS | _DUMP_TOOLS | _EVASION_PROGRAMS | _LOG_ERASERS
    | frozenset("kubectl oc nsenter chroot kill pkill killall killall5 halt poweroff shutdown reboot init".split())
)


def segment_findings(name: str, args: list[str], words: list[str], redirs: list[tuple[str, str]], in_value: bool) -> list[Finding]:
    """Host-level findings for one simple command (`words` includes leading VAR=value assignments)."""
    out: list[Finding] = []
    hard = 3 if in_value else 2
    if name in _CONTAINER_CLIS or (name in ("kubectl", "oc") and args[:1] == ["run"]):
        feats = _container_findings(args) if name in _CONTAINER_CLIS else (
            ["--privileged"] if any(a.startswith("--privileged") for a in args) else []
        )
        if feats:
            # one escape hatch may be a debugging session; two or more is a host takeover
            sev = 3 if len(feats) >= 2 or in_value else 2
            out.append(("container_escape", sev, f"{name} container with host access: {', '.join(feats[:4])}"))
    elif name == "nsenter":
        targets = _opt_values(args, "-t", "--target") + [a[2:] for a in args if a.startswith("-t") and a[2:].isdigit()]
        if "1" in targets:
            out.append(("host_takeover", hard, "nsenter into PID 1's namespaces (the host)"))
    elif name == "chroot":
        target = next((a for a in args if not a.startswith("-")), "")
        if _CHROOT_HOST.search(target.lower()):
            out.append(("host_takeover", hard, f"chroot into the host filesystem ({target})"))
    if name in ("kill", "pkill", "killall") and ("-1" in args[1:] or (name == "kill" and args[-1:] == ["-1"])):
        out.append(("destructive", hard, "kill -1 signals every process the user can reach"))
    elif name in ("killall5", "halt", "poweroff") or (name in ("shutdown", "reboot") and "-k" not in args and "-c" not in args) or (name == "init" and args[:1] in (["0"], ["6"])):
        out.append(("destructive", hard, f"{name} stops the machine or every process"))
    if name in _DUMP_TOOLS:
        # pentest tools with honest uses (an authorised audit): held, unless injected
        out.append(("credential_dumping", hard, f"{name} extracts stored passwords and hashes"))
    evasion = _defence_evasion(name, args)
    if not evasion and words and "=" in words[0]:
        for w in words[:8]:
            # `HISTFILE=/dev/null cmd` / `HISTSIZE=0`: a prefix assignment with the same effect
            key, eq, val = w.partition("=")
            if eq and key.lower() in _HISTORY_VARS and val in ("/dev/null", "0", ""):
                evasion = "shell history sent to /dev/null"
                break
    if evasion:
        out.append(("defense_evasion", hard, evasion))
    for op, target in redirs:
        t = target.lower()
        if ">" not in op:
            continue
        if t.endswith(("release_agent", "/proc/sys/kernel/core_pattern", "/sys/kernel/uevent_helper")):
            out.append(("container_escape", 3, f"writes {target}: a known container breakout"))
        elif ">>" not in op and (t.startswith("/var/log/") or t.endswith("_history") or t in ("/var/run/utmp", "/var/log/wtmp")):
            out.append(("log_tampering", hard, f"truncates {target} (erases a log or history)"))
    if name in _LOG_ERASERS and any(a.lower().startswith("/var/log") or a.endswith("_history") for a in args):
        out.append(("log_tampering", hard, f"{name} erases logs or shell history"))
    return out


# -- PowerShell ----------------------------------------------------------------------------

_PS_EXEC = regex.compile(r"(?i)\b(?:iex|invoke-expression)\b|\.invoke\s*\(|\|\s*&\s*\(|\bstart-process\b")
_PS_FETCH = regex.compile(
    r"(?i)\.download(?:string|file|data)(?:async)?\s*\(|\bnet\.webclient\b|\binvoke-webrequest\b|\binvoke-restmethod\b"
    r"|\b(?:iwr|irm|curl|wget)\b\s|\bstart-bitstransfer\b|\bbitsadmin\b|\bcertutil\b[^|;]*-urlcache|msxml2\.xmlhttp|winhttp\.winhttprequest"
)
_PS_HIDDEN = regex.compile(r"(?i)\s-w(?:indowstyle|in|ind|indow)?\s+(?:hidden|1)\b|\s-noni(?:nteractive)?\b.*\s-nop(?:rofile)?\b|\s-nop(?:rofile)?\b.*\s-noni")
_PLAIN_SOURCE = regex.compile(r"(?i)\bhttp://|://\d{1,3}(?:\.\d{1,3}){3}|\\\\\d{1,3}(?:\.\d{1,3}){3}\\")
_ENC_FLAGS = "|".join("encodedcommand"[:n] for n in range(1, 15)) + "|ec"  # -e, -en, -enc, ... -encodedcommand, -ec
_PS_ENCODED = regex.compile(r"(?i)(?:^|\s)[-/](?:" + _ENC_FLAGS + r")\s+['\"]?([A-Za-z0-9+/=]{8,})")
_PS_PROGRAM = regex.compile(r"(?i)\b(?:powershell|pwsh)(?:\.exe)?\b")
# `bash <(curl ...)`, `source <(wget -O- ...)`, `. <(curl ...)`: a download run without touching disk.
_PROC_SUBST_RUN = regex.compile(
    r"(?i)(?:^|[;&|(\s])(?:(?:/\S*/)?(?:ba|z|da|k)?sh|source|\.)\s+[<=]\(\s*(?:\S*/)?(?:curl|wget|fetch|nc|ncat|aria2c|http)\b"
)
# eval / sh -c of text produced by a decoder: `eval "$(echo ... | rev)"`, `bash -c "$(base64 -d <<< ...)"`.
_DECODED_EXEC = regex.compile(
    r"(?i)(?:\beval\b|\b(?:ba|z|da|k)?sh\s+-c\b|\b(?:ba|z|da|k)?sh\s*<<<|^\s*)\s*[\"']?\s*(?:\$\(|`)[^)`]*\b(?:base64\s+(?:-d|--decode|-D)|base32\s+-d|rev|xxd\s+-r|openssl\s+(?:enc|base64)\s[^)`]*-d|gunzip|zcat|tr\s+['\"]?(?:a-z|n-z|a-za-z)|printf\s+['\"]?\\x)"
)


def powershell_findings(command: str, in_value: bool, depth: int = 0) -> list[Finding]:
    """PowerShell download-and-run cradles and -EncodedCommand payloads (decoded and judged)."""
    out: list[Finding] = []
    if _PS_EXEC.search(command) and _PS_FETCH.search(command):
        plain = _PLAIN_SOURCE.search(command) is not None
        hidden = _PS_HIDDEN.search(command) is not None
        sev = 3 if plain or hidden or in_value or depth else 2
        out.append(("download_execute", sev, "PowerShell downloads a script and runs it (IEX / Invoke-Expression)"))
    m = _PS_ENCODED.search(command) if _PS_PROGRAM.search(command) else None
    if m is not None:
        decoded = decode_powershell_b64(m.group(1))
        if decoded is None:
            out.append(("encoded_command", 2, "PowerShell -EncodedCommand that does not decode (hidden payload)"))
        else:
            from aegis_mcp.engine.detectors.shell_command import judge_command  # noqa: PLC0415 - it imports this module

            inner = judge_command(decoded[:8192]) + (powershell_findings(decoded, True, depth + 1) if depth < 2 else [])
            worst = max((f[1] for f in inner), default=0)
            if worst >= 2:
                # what an encoding hid from the reader is judged as an attack, not as a command
                out.append(("encoded_command", 3, f"PowerShell -EncodedCommand hides: {decoded[:80]!r}"))
            else:
                out.append(("encoded_command", 1, f"PowerShell -EncodedCommand: {decoded[:80]!r}"))
    return out


def decode_powershell_b64(text: str) -> str | None:
    """-EncodedCommand is base64 of UTF-16LE text; None when it is not."""
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None
    for enc in ("utf-16-le", "utf-8"):
        try:
            out = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if out and sum(c.isprintable() or c in "\r\n\t" for c in out) >= 0.95 * len(out):
            return out
    return None


# Windows defence evasion, read on the whole line: these are usually cmdlets inside a
# `powershell -c "..."` string, or programs run through cmd /c.
_WIN_EVASION = regex.compile(
    r"(?i)\bset-mppreference\b[^|;&]*-disable\w*|\badd-mppreference\b[^|;&]*-exclusion\w*|\bwevtutil(?:\.exe)?\s+(?:cl|clear-log)\b"
    r"|\b(?:clear|remove)-eventlog\b|\bnetsh(?:\.exe)?\s+(?:advfirewall|firewall)\s+set\b[^|;&]*\b(?:off|disable)\b"
    r"|\bvssadmin(?:\.exe)?\s+delete\s+shadows\b|\bwbadmin(?:\.exe)?\s+delete\b|\bbcdedit\b[^|;&]*recoveryenabled\s+no"
    r"|\bsc(?:\.exe)?\s+(?:stop|config)\s+(?:windefend|sense|wscsvc|eventlog|mpssvc)\b"
)


# Windows programs abused to fetch or run remote code (LOLBins): mshta/regsvr32/rundll32 run
# script from a URL outright; certutil/bitsadmin downloads are held.
_LOLBIN_RUN = regex.compile(
    r"(?i)\bmshta(?:\.exe)?\s+['\"]?(?:https?:|javascript:|vbscript:|\\\\)|\bregsvr32(?:\.exe)?\b[^|;&]*/i:\s*['\"]?(?:https?:|\\\\)"
    r"|\brundll32(?:\.exe)?\b[^|;&]*(?:javascript:|url\.dll,|shell32\.dll,\s*shellexec_rundll)"
)
_LOLBIN_FETCH = regex.compile(r"(?i)\bcertutil(?:\.exe)?\b[^|;&]*-urlcache\b|\bbitsadmin(?:\.exe)?\b[^|;&]*/transfer\b")
# A pod spec that shares the node's namespaces or runs privileged (`kubectl run --overrides=...`).
_POD_HOST_ACCESS = regex.compile(r"(?i)\bkubectl\b.*[\"'](?:hostPID|hostNetwork|hostIPC|privileged)[\"']\s*:\s*true|\bkubectl\b.*\bhostPath\b[^}]*[\"']path[\"']\s*:\s*[\"']/[\"']")
# Download to a file, then make it executable or run it from a scratch directory, in one line.
_DOWNLOAD = regex.compile(r"(?i)\b(?:curl|wget|fetch|aria2c|invoke-webrequest|iwr)\b[^;&|\n]*(?:https?|ftp)://")
_RUN_AFTER = regex.compile(
    r"(?:;|&&|\|\||\n)\s*(?:sudo\s+)?(?:chmod\s+(?:[ugoa]*\+[rw]*x|[0-7]?[0-7]?[1357][0-7]{2})\s|(?:ba|z|da)?sh\s+\S*/(?:tmp|shm)/|\.?/(?:tmp|dev/shm|var/tmp)/\S)"
)


# Dumping the credentials of the machine's users (Windows LSASS/SAM/NTDS, mimikatz and kin).
_CRED_DUMP = regex.compile(
    r"(?i)sekurlsa::|lsadump::|\binvoke-mimikatz\b|\bprocdump(?:64)?(?:\.exe)?\b[^|;&]*\blsass|comsvcs(?:\.dll)?[^|;&]*\bminidump"
    r"|\breg(?:\.exe)?\s+save\s+hklm\\(?:sam|security|system)\b|\bntdsutil\b[^|;&]*\bifm\b"
)
# A PowerShell payload decoded from base64 and executed in the same line.
_PS_B64_EXEC = regex.compile(r"(?i)frombase64string.*\b(?:iex|invoke-expression)\b|\b(?:iex|invoke-expression)\b.*frombase64string")
# Deleting cloud resources wholesale (the cloud analogue of `kubectl delete`): a human looks.
_CLOUD_DESTROY = regex.compile(
    r"(?i)\baws\s+s3\s+rb\b|\baws\s+s3\s+rm\b[^|;&]*--recursive|\baws\s+ec2\s+terminate-instances\b|\baws\s+rds\s+delete-db-"
    r"|\baws\s+cloudformation\s+delete-stack\b|\bgcloud\b[^|;&]*\s(?:projects|instances|clusters|sql)\b[^|;&]*\sdelete\b"
    r"|\baz\s+(?:group|vm|aks|sql\s+server)\s+delete\b"
    # Google Cloud Storage and Azure storage wholesale, Heroku apps
    r"|\bgsutil\s+(?:-\S+\s+)*(?:rb\b|rm\s+(?:-\S+\s+)*-[a-z]*[rR]\b)|\bgcloud\s+storage\s+(?:buckets\s+delete\b|rm\b[^|;&]*\s(?:-r|--recursive)\b)"
    r"|\baz\s+storage\s+(?:account|container)\s+delete\b|\bheroku\s+apps:destroy\b"
    r"|\bvault\s+(?:secrets|auth)\s+disable\b"  # unmounting a secrets engine destroys every secret in it
)
# Cryptocurrency miners: known binaries, stratum pool URLs, `-o pool.host:port` with a wallet.
_MINER = regex.compile(
    r"(?i)\b(?:xmrig|xmr-stak|minerd|cpuminer|ccminer|ethminer|nbminer|t-rex|phoenixminer|lolminer|nanominer|srbminer\w*)\b"
    r"|stratum\+(?:tcp|ssl|tls)://|\s-o\s+\S*(?:pool|xmr|monero|nicehash|nanopool|2miners|f2pool|minexmr)\S*:\d+"
)
# The environment searched for credentials (`env | grep -i token`, `printenv | grep KEY`, `set | findstr PASS`).
_ENV_HARVEST = regex.compile(
    r"(?i)\b(?:env|printenv|set|export\s+-p|cat\s+/proc/\S+/environ)\s*\|\s*(?:grep|egrep|findstr|rg|awk|sed)\b[^|;&]*"
    r"(?:key|secret|token|passw|pwd|cred|auth|aws_|api)"
)
# A file server rooted at the whole file system or the home directory.
_SERVE_ROOT = regex.compile(
    r"(?i)\b(?:http\.server|SimpleHTTPServer|http-server|serve)\b[^|;&]*(?:--directory|-d|--dir)?\s+(?:/|~|\$HOME)/?(?:\s|$)"
    r"|\bphp\s+-S\s+\S+\s+-t\s+(?:/|~)/?(?:\s|$)|\bruby\s+-run\s+-e\s*httpd\s+(?:/|~)/?(?:\s|$)|\bbusybox\s+httpd\b[^|;&]*-h\s+/(?:\s|$)"
)
# An archive or a directory stream piped into an upload: a bulk copy of data leaving the host.
_ARCHIVE_UPLOAD = regex.compile(
    r"(?i)\b(?:tar|zip|7z|gzip|pg_dump|mysqldump|mongodump|sqlite3\s+\S+\s+\.dump)\b[^|;&]*\|\s*(?:\S+\s+\|\s*)?(?:curl\b[^|;&]*(?:\s-T\s*-|--upload-file\s+-|--data-binary\s+@-|-F\s+\S*=@-|-d\s+@-)"
    r"|nc|ncat|netcat|socat|aws\s+s3\s+cp\s+-\s+s3://|gsutil\s+cp\s+-)"
)

# Whole-line patterns for shell.py's single RE2 set pass over the line (name -> pattern).
LINE_PATTERNS = [
    ("h_miner", _MINER.pattern),
    ("h_env_harvest", _ENV_HARVEST.pattern),
    ("h_serve_root", _SERVE_ROOT.pattern),
    ("h_archive_upload", _ARCHIVE_UPLOAD.pattern),
    ("h_cred_dump", _CRED_DUMP.pattern),
    ("h_ps_b64_exec", _PS_B64_EXEC.pattern),
    ("h_cloud_destroy", _CLOUD_DESTROY.pattern),
    ("h_data_wipe", _DATA_WIPE.pattern),
    ("h_cred_store", _CRED_STORE_READ.pattern),
    ("h_lolbin_run", _LOLBIN_RUN.pattern),
    ("h_lolbin_fetch", _LOLBIN_FETCH.pattern),
    ("h_pod_host", _POD_HOST_ACCESS.pattern),
    ("h_download", _DOWNLOAD.pattern),
    ("h_win_evasion", _WIN_EVASION.pattern),
    ("h_powershell", r"(?i)\b(?:iex|invoke-\w+|powershell|pwsh)\b|\.download(?:string|file|data)"),
    ("h_proc_subst", _PROC_SUBST_RUN.pattern),
    ("h_decoded_exec", _DECODED_EXEC.pattern),
]


# Whole-line rules with nothing to work out: LINE_PATTERNS name -> (rule, CRITICAL even as a command of its
# own (else only inside a value, HIGH as a command), detail). In the order they are reported.
_SIMPLE_LINE_RULES: tuple[tuple[str, str, bool, str], ...] = (
    ("h_miner", "cryptominer", True, "starts a cryptocurrency miner (miner binary or mining-pool URL)"),
    ("h_env_harvest", "credential_harvest", False, "searches the environment for keys, tokens and passwords"),
    ("h_serve_root", "data_exposure", False, "serves the whole file system (or home) over HTTP"),
    ("h_archive_upload", "exfiltration", False, "streams an archive or a database dump straight to an upload"),
    ("h_cred_dump", "credential_dumping", True, "dumps the system's stored credentials (LSASS, SAM/NTDS hives, mimikatz)"),
    ("h_ps_b64_exec", "decoded_execution", True, "PowerShell decodes base64 and runs it (FromBase64String | iex)"),
    ("h_cloud_destroy", "destructive", False, "deletes cloud resources (buckets, instances, databases, projects)"),
    ("h_cred_store", "credential_access", False, "reads a credential store with its own tool (keychain, cluster secrets, browser logins)"),
    ("h_data_wipe", "destructive", False, "wipes a data store or tears infrastructure down (FLUSHALL, dropDatabase, volumes, a stack destroy, a directory moved to /dev/null)"),
    ("h_lolbin_run", "download_execute", True, "a Windows binary runs script straight from a URL (mshta / regsvr32 /i: / rundll32)"),
    ("h_lolbin_fetch", "download_execute", False, "certutil -urlcache / bitsadmin /transfer downloads a file (a common malware stager)"),
    ("h_pod_host", "container_escape", False, "pod spec shares the node's namespaces, runs privileged or mounts the node's root"),
)


def line_findings(command: str, in_value: bool, line: frozenset[str]) -> list[Finding]:
    """Whole-line host rules (PowerShell, process substitution of a download, decoded execution),
    for the LINE_PATTERNS names found in `line`."""
    out: list[Finding] = []
    if "h_win_evasion" in line:
        m = _WIN_EVASION.search(command)
        what = m.group(0)[:60] if m is not None else ""
        out.append(("defense_evasion", 3 if in_value else 2, f"turns off a Windows protection or erases logs/backups ({what})"))
    if "h_powershell" in line:
        out.extend(powershell_findings(command, in_value))
    if "h_proc_subst" in line:
        plain = _PLAIN_SOURCE.search(command) is not None
        out.append(("download_execute", 3 if plain or in_value else 2, "runs a download through process substitution (sh <(curl ...))"))
    for name, rule, always_critical, detail in _SIMPLE_LINE_RULES:
        if name in line:
            out.append((rule, 3 if always_critical or in_value else 2, detail))
    if "h_download" in line and _RUN_AFTER.search(command):
        plain = _PLAIN_SOURCE.search(command) is not None
        out.append(("download_execute", 3 if plain or in_value else 2, "downloads a file, then makes it executable or runs it"))
    if "h_decoded_exec" in line:
        out.append(("decoded_execution", 3, "runs text produced by a decoder (eval/sh -c of base64 -d, rev, xxd -r ...)"))
    return out

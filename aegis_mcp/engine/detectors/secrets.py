"""Detector `secrets`: provider tokens, private keys, JWTs, connection strings, generic credentials.

Severity follows where the secret goes (see exfil_sink): a provider-format secret leaving
to an outside host, recipient, chat or search engine is CRITICAL (block); a generic
keyword-bound credential there is HIGH (pending: the format alone cannot prove it live).
A secret written into a file or passed to a command is HIGH: a literal credential in a
file is how keys end up in repositories and shared folders, but writing a `.env` is also
legitimate, so a human decides. A credential in its own argument (`{"api_key": ...}`) is
the tool asking for it: MEDIUM, recorded. In a tool result, a provider secret is HIGH so
the engine redacts it before the model sees it.
"""

from __future__ import annotations

from aegis_mcp.engine.detectors.base import Role, ScanContext
from aegis_mcp.engine.detectors.exfil_sink import sink_of
from aegis_mcp.engine.detectors.secrets_scan import scan_context
from aegis_mcp.engine.model import RiskLevel, Signal


def detect(ctx: ScanContext) -> list[Signal]:
    if ctx.mode == "description":
        return []
    scans = [s for s in scan_context(ctx) if any(f.family == "secrets" for f in s.findings)]
    if not scans:
        return []
    signals: list[Signal] = []
    if ctx.mode == "result":
        for s in scans:
            kinds = sorted({f.kind for f in s.findings if f.family == "secrets"})
            confs = {f.confidence for f in s.findings if f.family == "secrets"}
            if confs <= {"entropy"}:
                continue  # a random-looking token in output (a hash, an id) is not news
            sev = RiskLevel.HIGH if "high" in confs else RiskLevel.MEDIUM
            signals.append(Signal("secrets", "secret_in_result", f"secret in tool output: {', '.join(kinds)}", sev, s.fragment.path))
        return signals
    sink = sink_of(ctx)
    for s in scans:
        secret_findings = [f for f in s.findings if f.family == "secrets"]
        kinds = sorted({f.kind for f in secret_findings})
        confs = {f.confidence for f in secret_findings}
        # "high": a provider format or a structure that validates; "generic": a credential
        # keyword bound to a credential-looking value; "weak"/"entropy": a dictionary password
        # in a connection string, a random token with no keyword
        tier = "high" if "high" in confs else "generic" if "generic" in confs else "weak"
        frag = s.fragment
        names = ", ".join(kinds)
        if s.dedicated:
            rule, sev = "credential_argument", RiskLevel.MEDIUM
            detail = f"credential passed in its own argument '{frag.name}': {names}"
        elif sink.outgoing and sink.external:
            rule = "secret_to_external"
            sev = RiskLevel.CRITICAL if tier == "high" else RiskLevel.HIGH
            detail = f"{'live' if tier == 'high' else 'possible'} secret sent out ({sink.describe()}): {names}"
        elif sink.outgoing:
            rule = "secret_to_trusted"
            sev = RiskLevel.HIGH if tier == "high" else RiskLevel.MEDIUM
            detail = f"secret sent to a trusted destination ({sink.describe()}): {names}"
        else:
            rule = "secret_in_call"
            sev = RiskLevel.HIGH if tier != "weak" else RiskLevel.MEDIUM
            if tier == "generic" and sink.kind == "unknown" and frag.role not in (Role.CONTENT, Role.SHELL, Role.TEXT):
                sev = RiskLevel.MEDIUM
            detail = f"literal secret in a {sink.kind.replace('_', ' ')} call: {names}"
        signals.append(Signal("secrets", rule, detail, sev, frag.path))
    return signals

"""Stage 3 of the engine: the policy set (operator's knobs and policies) loaded and compiled once.

Policy file format (YAML or JSON; see docs/policy.md for the long version)::

    version: 1
    include_defaults: true          # keep the five built-in policies (default true)
    settings:
      block_threshold: CRITICAL     # a signal at or above this blocks
      pending_threshold: HIGH       # a signal at or above this is held for a human
      allow_tools: ["read_*"]       # glob on tool names: always allowed (signals still recorded)
      allow_categories: []          # categories always allowed
      audit_only: false             # decide, report what would have happened, never block
      tool_categories: {"q*": database}   # operator override of the classification (glob -> category)
      on_limits: pending            # what an extraction cap does: pending | block
      trusted_domains: [corp.example]   # the operator's own domains: data sent there is not "external"
      limits: {max_depth: 32, max_strings: 10000, max_total_chars: 262144}
      results: {injection: block, secrets: redact, pii: redact}   # block|flag / redact|flag
                                    # (+ learned_injection: on|off, the learned second opinion)
    policies:
      - name: no prod writes
        description: nothing may touch the prod database
        risk: HIGH                  # the risk level a violation carries
        action: block               # block | pending (default block)
        scope: {servers: ["prod-*"], tools: [], categories: [database]}   # empty = everything
        rule: {JSON Schema}         # evaluated against the facts document; a match is a violation

The facts document a rule sees::

    {"tool_name", "server", "category", "arguments", "annotations",
     "signals": [{"pattern", "rule", "severity", "blocking", "path"}], "max_severity"}

`blocking` is true when the signal's severity reaches block_threshold, so a rule can say
"any blocking SQL signal" without restating the threshold. Reading the file happens once, at
construction (`load_policy_file`); nothing here does I/O on a call.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from aegis_mcp.config import learned_override
from aegis_mcp.engine.model import RiskLevel
from aegis_mcp.engine.policy_checks import check_categories, check_trusted_domains
from aegis_mcp.engine.policy_rules import Policy, _glob, canonical
from aegis_mcp.engine.policy_schema import FILE_SCHEMA
from aegis_mcp.errors import ConfigError

_FILE_VALIDATOR = jsonschema.Draft202012Validator(FILE_SCHEMA)


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a mapping with the same key twice: YAML would keep the last one
    silently, so `block_threshold` written twice would quietly mean whichever came later."""


def _strict_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        try:
            dup = key in seen
            seen.add(key)
        except TypeError:  # an unhashable key: SafeLoader refuses it itself, with its own message
            continue
        if dup:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _strict_mapping)


def _yaml_error(source: str, exc: yaml.YAMLError) -> str:
    """A YAML error on one line, with where it is (PyYAML's own message spans several lines)."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}"
        context = ""
        if exc.context and exc.context_mark is not None:
            context = f" ({exc.context} at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1})"
        return f"{source}: {where}: not valid YAML/JSON: {exc.problem}{context}"
    return f"{source}: not valid YAML/JSON: {' '.join(str(exc).split())}"


@dataclass(frozen=True)
class Limits:
    max_depth: int = 32
    max_strings: int = 10_000
    max_total_chars: int = 262_144


@dataclass(frozen=True)
class ResultActions:
    injection: str = "block"
    secrets: str = "redact"
    pii: str = "redact"
    # the learned second opinion on injected instructions (aegis_mcp/engine/learned/opinion.py):
    # "on" | "off"; the environment's AEGIS_MCP_LEARNED=0/1 overrides it
    learned_injection: str = "on"


@dataclass
class PolicySet:
    """Every active policy and knob; immutable in use, built once per engine."""

    policies: list[Policy]
    block_threshold: RiskLevel = RiskLevel.CRITICAL
    pending_threshold: RiskLevel = RiskLevel.HIGH
    allow_tools: tuple[str, ...] = ()
    allow_categories: tuple[str, ...] = ()
    audit_only: bool = False
    tool_categories: dict[str, str] = field(default_factory=dict)
    on_limits: str = "pending"
    limits: Limits = field(default_factory=Limits)
    results: ResultActions = field(default_factory=ResultActions)
    trusted_domains: tuple[str, ...] = ()
    source: str = "default"
    _allow_tools_re: Any = field(default=None, repr=False)
    _tool_category_res: list[tuple[Any, str]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if self.pending_threshold > self.block_threshold:
            raise ConfigError(
                f"{self.source}: settings.pending_threshold ({self.pending_threshold.name}) must not be above "
                f"block_threshold ({self.block_threshold.name}): a call is held from pending_threshold up and "
                f"blocked from block_threshold up; set pending_threshold: {self.block_threshold.name} (or lower)")
        self._allow_tools_re = _glob(self.allow_tools)
        self._tool_category_res = [(_glob([pat]), cat) for pat, cat in self.tool_categories.items()]

    @property
    def reads_only_signals(self) -> bool:
        """No rule reads the call itself (only its signals): a call's decision then depends on its
        content alone, and identical calls may share one (the engine's decision memo)."""
        return all(p._signals_only for p in self.policies)

    def tool_allowed(self, tool_name: str) -> bool:
        return self._allow_tools_re is not None and bool(self._allow_tools_re.search(tool_name))

    def category_override(self, tool_name: str) -> str | None:
        for rx, cat in self._tool_category_res:
            if rx.search(tool_name):
                return cat
        return None

    def settings_json(self) -> dict[str, Any]:
        return {
            "block_threshold": self.block_threshold.name,
            "pending_threshold": self.pending_threshold.name,
            "allow_tools": list(self.allow_tools),
            "allow_categories": list(self.allow_categories),
            "audit_only": self.audit_only,
            "tool_categories": dict(self.tool_categories),
            "on_limits": self.on_limits,
            "limits": {
                "max_depth": self.limits.max_depth,
                "max_strings": self.limits.max_strings,
                "max_total_chars": self.limits.max_total_chars,
            },
            "results": {"injection": self.results.injection, "secrets": self.results.secrets, "pii": self.results.pii,
                        # only when not the default, so the hash of a policy set without it is unchanged
                        **({"learned_injection": self.results.learned_injection}
                           if self.results.learned_injection != ResultActions.learned_injection else {})},
            # only when set, so the hash of a policy set without it is unchanged
            **({"trusted_domains": list(self.trusted_domains)} if self.trusted_domains else {}),
        }

    @property
    def hash(self) -> str:
        doc = {"settings": self.settings_json(), "policies": [p.describe() for p in self.policies]}
        return hashlib.sha256(canonical(doc)).hexdigest()


def _policy_from_doc(doc: dict[str, Any], source: str) -> Policy:
    scope = doc.get("scope", {})
    return Policy(
        name=doc["name"],
        rule=doc["rule"],
        risk=RiskLevel.parse(doc.get("risk", "HIGH")),
        action=doc.get("action", "block"),
        description=doc.get("description", ""),
        servers=tuple(scope.get("servers", ())),
        tools=tuple(scope.get("tools", ())),
        categories=tuple(scope.get("categories", ())),
        source=source,
    )


def parse_document(text: str | bytes, source: str) -> dict[str, Any]:
    """Parse YAML or JSON text (JSON is YAML) into a validated policy document."""
    try:
        doc = yaml.load(text, Loader=_StrictLoader) if text else {}  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        raise ConfigError(_yaml_error(source, exc)) from exc
    if doc is None:
        doc = {}
    errors = sorted(_FILE_VALIDATOR.iter_errors(doc), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        hint = ""
        if err.validator == "additionalProperties" and isinstance(err.schema, dict):
            hint = f" (known here: {', '.join(sorted(err.schema.get('properties', {})))})"  # a typo's fix
        raise ConfigError(f"{source}: {where}: {err.message}{hint}")
    return doc  # type: ignore[no-any-return]


def _default_doc() -> dict[str, Any]:
    text = resources.files("aegis_mcp.engine").joinpath("policies/default.yaml").read_text("utf-8")
    return parse_document(text, "default.yaml")


_DEFAULT_DOC: dict[str, Any] | None = None


def default_document() -> dict[str, Any]:
    global _DEFAULT_DOC
    if _DEFAULT_DOC is None:
        _DEFAULT_DOC = _default_doc()
    return _DEFAULT_DOC


def build_policy_set(doc: dict[str, Any] | None = None, source: str = "default") -> PolicySet:
    """Merge an operator document over the shipped defaults and compile it."""
    defaults = default_document()
    doc = doc or {}
    # Knobs that would load fine and do nothing (a misspelt category, a URL as a domain) are refused.
    check_categories(source, doc)
    check_trusted_domains(source, (doc.get("settings") or {}).get("trusted_domains") or ())
    policies: list[Policy] = []
    # `- {name: Data exfiltration, enabled: false}` turns that built-in policy off (it used to be
    # dropped as a disabled policy of the file's own, leaving the built-in one on).
    switched_off = {p["name"] for p in doc.get("policies", []) if p.get("enabled", True) is False}
    _check_switched_off(source, doc, [p["name"] for p in defaults.get("policies", [])])
    if doc.get("include_defaults", True):
        policies += [_policy_from_doc(p, "default") for p in defaults.get("policies", [])
                     if p.get("enabled", True) and p["name"] not in switched_off]
    try:
        policies += [_policy_from_doc(p, source) for p in doc.get("policies", []) if p.get("enabled", True)]
    except ConfigError as exc:  # name the file: "policy 'x': ..." alone does not say which one
        raise ConfigError(f"{source}: {exc}") from exc
    names = [p.name for p in policies]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        builtin = {p["name"] for p in defaults.get("policies", [])} & set(dupes)
        hint = (f" ({', '.join(sorted(builtin))}: built-in; to replace one, turn it off with "
                "`- {name: NAME, enabled: false}` and add yours under another name)") if builtin else ""
        raise ConfigError(f"{source}: duplicate policy names: {', '.join(dupes)}{hint}")
    settings = {**defaults.get("settings", {}), **doc.get("settings", {})}
    own = doc.get("settings") or {}
    if "block_threshold" in own and "pending_threshold" not in own and \
            RiskLevel.parse(own["block_threshold"]) < RiskLevel.parse(settings.get("pending_threshold", "HIGH")):
        # `block_threshold: MEDIUM` alone means "block from MEDIUM up": the default pending_threshold
        # (HIGH) would sit above it, which was refused with a message about a setting never written.
        settings["pending_threshold"] = own["block_threshold"]
    lim = settings.get("limits", {})
    res = settings.get("results", {})
    return PolicySet(
        policies=policies,
        block_threshold=RiskLevel.parse(settings.get("block_threshold", "CRITICAL")),
        pending_threshold=RiskLevel.parse(settings.get("pending_threshold", "HIGH")),
        allow_tools=tuple(settings.get("allow_tools", ())),
        allow_categories=tuple(settings.get("allow_categories", ())),
        audit_only=bool(settings.get("audit_only", False)),
        tool_categories=dict(settings.get("tool_categories", {})),
        on_limits=settings.get("on_limits", "pending"),
        # JSON Schema's "integer" admits 4.0; the engine's caps (and the policy hash) want 4
        limits=Limits(**{k: int(v) for k, v in {**defaults.get("settings", {}).get("limits", {}), **lim}.items()}),
        results=ResultActions(**_learned_env({**defaults.get("settings", {}).get("results", {}), **res})),
        trusted_domains=tuple(str(d).strip().lower() for d in settings.get("trusted_domains", ()) if str(d).strip()),
        source=source,
    )


def _check_switched_off(source: str, doc: dict[str, Any], builtin: list[str]) -> None:
    """`- {name: X, enabled: false}` without a rule only turns off the built-in policy X: a name that
    is none of them (`Sql Injection Prevention`) would load and leave the built-in one on, silently."""
    for entry in doc.get("policies", []):
        name = entry["name"]
        if entry.get("enabled", True) is not False or "rule" in entry or name in builtin:
            continue
        close = {b.lower(): b for b in builtin}.get(name.strip().lower()) or next(
            iter(difflib.get_close_matches(name, builtin, n=1, cutoff=0.6)), None)
        hint = f"did you mean {close!r}? " if close else ""
        raise ConfigError(
            f"{source}: policy {name!r}: `enabled: false` without a rule turns off a built-in policy, "
            f"and none has this name ({hint}built-in, exactly as written: {', '.join(builtin)})")


# $AEGIS_MCP_LEARNED's values (aegis_mcp.config.learned_override) -> results.learned_injection
_LEARNED_ENV_VALUES = {"0": "off", "off": "off", "1": "on", "on": "on", "extra": "extra", "veto": "veto", "both": "both"}


def _learned_env(results: dict[str, Any]) -> dict[str, Any]:
    """The results settings with the environment's learned-injection override applied (if any)."""
    setting = results.get("learned_injection")
    if isinstance(setting, bool):  # a bare YAML `on`/`off` arrives as true/false
        results = {**results, "learned_injection": "on" if setting else "off"}
    value = _LEARNED_ENV_VALUES.get(learned_override() or "")
    return {**results, "learned_injection": value} if value is not None else results


def package_text(package: str, name: str) -> str:
    """A data file shipped in a package (the learned scorer's weights): read once, when an engine is set up."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def load_policy_file(path: str | Path) -> PolicySet:
    """Read a YAML/JSON policy file (construction time only) and compile it; ConfigError if unusable."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read policy file {p}: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{p}: not UTF-8 text") from exc
    return build_policy_set(parse_document(text, str(p)), source=str(p))

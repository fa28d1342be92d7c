"""The JSON Schema of a policy file (validated on load, so a bad file is refused with the bad field's path)."""

from __future__ import annotations

from typing import Any

from aegis_mcp.engine.model import RiskLevel

_LEVELS = [lvl.name for lvl in RiskLevel]

# The schema of the policy file itself: a bad file is refused with the path of the bad field.
FILE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "version": {"const": 1},
        "include_defaults": {"type": "boolean"},
        "settings": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "block_threshold": {"enum": _LEVELS},
                "pending_threshold": {"enum": _LEVELS},
                "allow_tools": {"type": "array", "items": {"type": "string"}},
                "allow_categories": {"type": "array", "items": {"type": "string"}},
                "audit_only": {"type": "boolean"},
                "tool_categories": {"type": "object", "additionalProperties": {"type": "string"}},
                "on_limits": {"enum": ["pending", "block"]},
                "trusted_domains": {"type": "array", "items": {"type": "string", "minLength": 1}},
                "limits": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "max_depth": {"type": "integer", "minimum": 1, "maximum": 256},
                        "max_strings": {"type": "integer", "minimum": 1},
                        "max_total_chars": {"type": "integer", "minimum": 1},
                    },
                },
                "results": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "injection": {"enum": ["block", "flag"]},
                        "secrets": {"enum": ["redact", "flag", "block"]},
                        "pii": {"enum": ["redact", "flag", "block"]},
                        # true/false too: YAML 1.1 reads a bare `on`/`off` as a boolean
                        "learned_injection": {"enum": ["on", "off", True, False]},
                    },
                },
            },
        },
        "policies": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name"],
                # a rule is needed unless the entry only turns a policy off (`enabled: false`)
                "if": {"properties": {"enabled": {"const": False}}, "required": ["enabled"]},
                "else": {"required": ["rule"]},
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    "description": {"type": "string"},
                    "risk": {"enum": _LEVELS},
                    "action": {"enum": ["block", "pending"]},
                    "enabled": {"type": "boolean"},
                    "scope": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "servers": {"type": "array", "items": {"type": "string"}},
                            "tools": {"type": "array", "items": {"type": "string"}},
                            "categories": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                    "rule": {"type": ["object", "boolean"]},
                },
            },
        },
    },
}

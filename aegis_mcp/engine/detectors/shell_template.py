"""Server-side template injection that reaches code: a template expression walking to the interpreter's internals.

`{{ 7*7 }}` only probes; `{{ ''.__class__.__mro__[1].__subclasses__() }}`,
`{{ self.__init__.__globals__.__builtins__ }}`, `${T(java.lang.Runtime).getRuntime().exec(..)}` or
`<%= Runtime.getRuntime().exec(..) %>` run commands wherever a template engine renders the value.
The mechanism is a template delimiter around an expression that reaches object internals (Python
dunder attributes) or a process API. Ordinary templates (`Hello {{ user.name }}`) reach neither.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

# necessary condition (shell's GATE): a dunder internal or a Java process API somewhere in the text
TEMPLATE_GATE_PATTERN = r"__(?:class|mro|subclasses|globals|builtins|import|init|base|bases)__|getRuntime|java\.lang\.Runtime|ProcessBuilder"
_GATE = regex.compile(TEMPLATE_GATE_PATTERN)
_EXPLOIT = regex.compile(
    r"(?s)(?:\{\{|\{%|\$\{|#\{|\*\{|<%=?|@\()[^\n]{0,400}?"
    r"(?:__(?:class|mro|subclasses|globals|builtins|import|init|base|bases)__|getRuntime\s*\(|java\.lang\.Runtime|ProcessBuilder)"
)
_TEMPLATE_NAMES = frozenset({"template", "tpl", "tmpl", "expression", "expr", "format", "pattern", "render", "layout", "view", "source"})


def template_exploit(raw: str, name: str) -> tuple[str, int, str] | None:
    """("template_injection", severity, detail) for a template expression reaching code, else None.
    CRITICAL where the argument is a template; HIGH in other text (a note about SSTI quotes one)."""
    head = raw[:8192]
    if _GATE.search(head) is None or _EXPLOIT.search(head) is None:
        return None
    sev = 3 if name in _TEMPLATE_NAMES else 2
    return ("template_injection", sev, "a template expression that reaches the interpreter's internals or a process API")

"""Expressions that reach code wherever the value is rendered, logged, opened or loaded: template injection, JNDI lookups,
spreadsheet formulas, unsafe deserialisation.

`{{ 7*7 }}` only probes; `{{ ''.__class__.__mro__[1].__subclasses__() }}`,
`{{ self.__init__.__globals__.__builtins__ }}`, `${T(java.lang.Runtime).getRuntime().exec(..)}` or
`<%= Runtime.getRuntime().exec(..) %>` run commands wherever a template engine renders the value.
The mechanism is a template delimiter around an expression that reaches object internals (Python
dunder attributes) or a process API. Ordinary templates (`Hello {{ user.name }}`) reach neither.
The same holds for three other interpreters a value meets: a logger's lookups (`${jndi:ldap://…}`
loads a remote class: Log4Shell), a spreadsheet opening an export (`=cmd|' /C calc'!A0` runs a
program, `=HYPERLINK("http://…"&A1)` sends a cell out), and a deserialiser (`!!python/object/apply:`,
a pickle calling `os.system`).
"""

from __future__ import annotations

from aegis_mcp.engine import regex

# a pickle whose global is a process API (`cos\nsystem\n`): the gate's last branch and _PICKLE_CALL
_PICKLE_CALL_PATTERN = r"(?:^|\n)c(?:os|posix|subprocess|builtins|__builtin__|nt)\n(?:system|popen|exec|eval|getoutput|check_output|call|run)\n"
# necessary condition (shell's GATE): a dunder internal or a Java process API somewhere in the text
TEMPLATE_GATE_PATTERN = (r"__(?:class|mro|subclasses|globals|builtins|import|init|base|bases)__|getRuntime|java\.lang\.Runtime|ProcessBuilder"
                         r"|\$\{|(?i:!!python/|!ruby/|!!javax\.|!!java\.)|(?i:dde|hyperlink|webservice|importxml|importdata|importhtml|importfeed|image)"
                         r"|" + _PICKLE_CALL_PATTERN)
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


# `${jndi:ldap://…}` and its disguises (`${${lower:j}ndi:…}`, `${${::-j}${::-n}di:…}`): a lookup that loads a class.
_JNDI = regex.compile(r"(?i)\$\{[^\n]{0,200}?(?:jndi|\bj\}?[^\n]{0,40}?n\}?[^\n]{0,40}?d\}?[^\n]{0,40}?i\})[^\n]{0,80}?:\s*(?:ldaps?|rmi|dns|iiop|nis|nds|corba|https?)\b"
                     r"|\$\{\s*jndi\s*:"
                     # a lookup nested in a lookup (`${${lower:j}ndi:…}`): Log4j's own evasion syntax
                     r"|\$\{[^\n]{0,40}?\$\{\s*(?:lower|upper|::-|env|sys|date|main|java|base64|k8s|docker|spring)[^\n]{0,300}?(?:ndi|://)")
# A spreadsheet formula that runs a program (DDE) or sends data to a URL.
_FORMULA_RUN = regex.compile(r"(?i)^\s*[=+@-]\s*(?:[\w.]*\|\s*['\"]|dde\s*\(|cmd\s*\|)")
_FORMULA_SEND = regex.compile(r"(?i)^\s*[=+@-]\s*(?:hyperlink|webservice|importxml|importdata|importhtml|importfeed|image)\s*\(\s*[\"']?https?://")
# Unsafe deserialisation: YAML tags that construct objects, a pickle whose globals are a process API.
_UNSAFE_LOAD = regex.compile(r"(?i)!!python/(?:object|name|module)|!ruby/(?:object|hash|struct)|!!javax?\.|!!java\.")
_PICKLE_CALL = regex.compile(_PICKLE_CALL_PATTERN)


def pickle_hint(forms: tuple[str, ...]) -> bool:
    """A decoded form that could be a pickle calling a process API (cheap substring tests before the regex)."""
    return any("\n" in fm and ("system" in fm or "popen" in fm or "exec" in fm or "eval" in fm or "call" in fm or "run" in fm
                                or "output" in fm) for fm in forms[1:3])


def code_reaching(raw: str, forms: tuple[str, ...]) -> tuple[str, int, str] | None:
    """(rule, severity, detail) for a lookup, formula or serialised object that runs code, else None."""
    head = raw[:8192]
    if "${" in head and _JNDI.search(head):
        return ("jndi_lookup", 3, "a JNDI lookup (${jndi:...}): a logger or template that evaluates it loads a remote class")
    first = head.lstrip()[:1]
    if first in "=+@-" and _FORMULA_RUN.search(head):
        return ("formula_injection", 3, "a spreadsheet formula that runs a program (DDE)")
    if first in "=+@-" and _FORMULA_SEND.search(head):
        return ("formula_injection", 2, "a spreadsheet formula that sends data to a URL when the sheet opens")
    if "!" in head and _UNSAFE_LOAD.search(head):
        return ("unsafe_deserialization", 3, "a YAML tag that constructs an object (runs code when loaded)")
    for form in forms[1:3]:
        if "\n" in form and _PICKLE_CALL.search(form[:4096]):
            return ("unsafe_deserialization", 3, "a pickle that calls a process API when loaded")
    return None

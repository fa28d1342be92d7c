"""Forged tool calls in a tool result: markup of an agent's own call format, planted in data for the agent to run.

An agent framework turns a model's output into tool calls by its format: Anthropic-style
`<function_calls><invoke name="...">`, `<tool_call>{...}</tool_call>`, a ReAct "Action: X / Action
Input: {...}" pair, a ```tool_code``` block calling `default_api.x(...)`. None of that belongs in the
*result* of a tool: a page, a ticket or a search hit carrying it wants the agent to take it for its own
next step. The call counts when it names a consequential action (send, transfer, delete, grant, run a
shell ...) and either carries what an attack carries (an outside address, a shell download, a system
file, a `{{conversation}}` placeholder to fill) or comes with an order to run it. A tutorial that shows
the format ("for example, the model returns ...") is a mention, not a call.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

# the opening of a call in an agent's own formats (lower-cased text)
_CALL_OPEN = (
    r"<function_calls>|<invoke\s+name\s*=|<tool_call>|<tool_use>|<\|tool_call\|>|\[tool_calls\]|<function\s*=\s*[\w.]+>"
    r"|(?m:^[ \t]*action[ \t]*:[ \t]*[\w.-]+[ \t]*\r?\n[ \t]*action input[ \t]*:)"
    r"|```[ \t]*tool_code\b"
)
CALL_OPEN = regex.compile(_CALL_OPEN)
# a consequential action named in the call (the tool's name or its arguments)
_ACTION = regex.compile(
    r"(?:send|email|mail|transfer|wire|pay|delete|remove|drop|wipe|purge|grant|share|forward|upload|export|post|publish|invite|"
    r"purchase|buy|refund|exec|execute|shell|bash|terminal|run_?command|cmd|write_file|create_user|add_member|set_permission|"
    r"admin|reset_password)"
)
# what an attack puts into the call: an outside destination, a shell download or a reverse shell, a
# system file, a placeholder for the agent to fill with the chat or the user's data
_PAYLOAD = regex.compile(
    r"[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z]{2,}|https?://|\b\d{1,3}(?:\.\d{1,3}){3}\b|\b(?:curl|wget|nc|ncat|netcat)\b|\|\s*(?:ba)?sh\b|"
    r"/etc/(?:passwd|shadow)|\.ssh\b|\.env\b|\{\{[^{}\n]{1,40}\}\}|\$\{[^{}\n]{1,40}\}|\brm\s+-rf\b"
)
# an order to run it: "execute the above action now", "The agent must run the tool_code block above first"
_ORDER = regex.compile(
    r"\b(?:execute|run|perform|call|invoke|carry out|complete)\b[^.!?\n]{0,40}\b(?:now|first|immediately|above|below|this|these|it)\b"
)
# a tutorial's frame before the block: the format shown, not a call made
_SHOWN = regex.compile(
    r"\b(?:for example|for instance|e\.g\.|example|such as|looks like|the model (?:returns|responds|outputs|emits|produces)|"
    r"returns? (?:something like|a response like)|format(?:ted)? (?:is|as|like)|schema|documentation|docs|tutorial)\b"
)


def forged_call(low: str) -> tuple[bool, str] | None:
    """(critical?, the call's opening) for the first forged consequential call in the text, or None."""
    for m in CALL_OPEN.finditer(low[:65536]):
        a = m.start()
        block = low[a : a + 600]
        if _ACTION.search(block) is None:
            continue
        payload = _PAYLOAD.search(block) is not None
        order = _ORDER.search(low[max(0, a - 200) : a + 800]) is not None
        if not (payload or order):
            continue
        if _SHOWN.search(low[max(0, a - 300) : a]) is not None:
            continue  # "For example, the model returns <tool_call>...": the format documented
        return payload, block[:90].replace("\n", " ")
    return None


NEEDED: list[tuple[str, str]] = [("forged_call", _CALL_OPEN)]  # (for the fast path's set)
_OPENINGS = ("<function_calls", "<invoke", "<tool_call", "<tool_use", "<|tool_call|>", "[tool_calls]", "<function")


def may_hold(low: str) -> bool:
    """A necessary condition for `forged_call`: plain substring tests, cheaper than a pattern in the judge's set."""
    if "action input" in low or "tool_code" in low:
        return True
    return "<" in low and any(o in low for o in _OPENINGS) or "[tool_calls]" in low

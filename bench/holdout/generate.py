"""Write the hand-written held-out set (bench/holdout/*.jsonl) deterministically: `python bench/holdout/generate.py`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_attack_calls  # noqa: E402
import gen_attack_calls2  # noqa: E402
import gen_benign_calls  # noqa: E402
import gen_benign_calls2  # noqa: E402
import gen_agentic  # noqa: E402
import gen_extra  # noqa: E402
import gen_results  # noqa: E402

# Benign shell rows that a human may reasonably want to see (pending is acceptable, block is not).
_PRIV = ("sudo ", "rm -rf", "rm -r ", "git clean", "down -v", "git reset", "chmod ", "ssh ", "scp ", "rsync ", "--delete", "ssh-keygen", "kubectl rollout undo")
_SENS = (".ssh", ".gitconfig", ".env", "printenv", "env |", "password", ".aws")


def _sensitivity(r: dict) -> str | None:
    if not r["category"].startswith("benign_shell"):
        return None
    cmd = json.dumps(r["arguments"])
    if any(s in cmd for s in _SENS):
        return "touches_sensitive_file"
    if any(s in cmd for s in _PRIV):
        return "destructive_or_privileged"
    return "normal"


_MISC_FAMILIES = {
    "benign_maps": ("get_directions", "geocode", "reverse_geocode", "places_nearby", "distance_matrix", "verify_address"),
    "benign_finance_payments": ("stock_", "crypto_price", "create_invoice", "stripe_", "expense_report", "budget_summary", "create_payment", "lookup_order"),
    "benign_media": ("generate_image", "resize_image", "transcribe_audio", "text_to_speech", "ocr"),
    "benign_llm_nlp": ("summarize", "sentiment", "classify_text", "chat_completion", "ask_agent", "spawn_subagent", "llm_judge"),
    "benign_notes_memory": ("create_entities", "add_observations", "search_nodes", "memory_", "note_create", "notion_", "confluence_", "calendar_search"),
    "benign_issue_tracker": ("jira_", "linear_"),
    "benign_spreadsheets": ("sheets_", "excel_"),
    "benign_browser": ("browser_",),
    "benign_lifestyle": ("home_assistant", "set_thermostat", "play_music", "get_news", "recipe_search", "nutrition_lookup", "fitness_log", "dictionary_lookup"),
    "benign_devops_cloud": ("cloud_list_instances", "k8s_get", "terraform_plan", "docker_run", "s3_", "sentry_", "pagerduty_", "datadog_"),
    "benign_network_utils": ("whois", "dns_lookup", "ping_host", "port_check", "ssl_check", "weather_by_ip", "http_request", "create_short_link", "phone_lookup", "send_fax"),
    "benign_utilities": ("get_time", "convert_time", "random_number", "uuid_generate", "qr_code", "password_strength", "hash_text", "base64_", "url_parse"),
    "benign_email": ("send_email",),
    "benign_chat": ("slack_",),
}


def _refine(r: dict) -> None:
    """Split the catch-all misc category into tool families."""
    if r["category"] != "benign_misc_apps":
        return
    for fam, prefixes in _MISC_FAMILIES.items():
        if any(r["tool_name"].startswith(p) for p in prefixes):
            r["category"] = fam
            return


def main() -> None:
    xb, xa, xr = gen_extra.build()
    ab, ar = gen_agentic.build()
    files = {
        "benign_calls.jsonl": gen_benign_calls.build() + gen_benign_calls2.build() + xb + ab,
        "attack_calls.jsonl": gen_attack_calls.build() + gen_attack_calls2.build() + xa,
        "results.jsonl": gen_results.build() + xr + ar,
        "attack_carrier_matrix.jsonl": gen_extra.matrix(),
    }
    for r in files["benign_calls.jsonl"]:
        _refine(r)
        s = _sensitivity(r)
        if s:
            r["sensitivity"] = s
    for name, rows in files.items():
        ids = [r["id"] for r in rows]
        assert len(ids) == len(set(ids)), f"duplicate ids in {name}"
        with open(HERE / name, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()

"""sql, continued: routine database maintenance that the DROP/TRUNCATE/GRANT/UPDATE-without-WHERE rule would otherwise hold.

A DBA's day is full of statements that read like destruction and destroy nothing anyone keeps:
an index dropped (rebuilt from the table at will), optimiser statistics refreshed
(`UPDATE STATISTICS` is not an UPDATE), a read-only privilege granted to a role, a scratch table
(`tmp_import`, `staging_orders`) emptied or dropped after a load. Each is one statement whose
object says it holds no data of record. Anything stacked, any grant of more than reading, any
table without a scratch name keeps the HIGH rule.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

# (statement lower-cased; one statement, an optional trailing ';')
_ROUTINE = regex.compile(
    r"^\s*(?:"
    r"drop\s+index\s+(?:concurrently\s+)?(?:if\s+exists\s+)?[\w.\"`\[\]]+(?:\s+on\s+[\w.\"`\[\]]+)?(?:\s+(?:cascade|restrict))?"
    r"|update\s+statistics\s+[\w.\"`\[\]]+(?:\s*\([\w\s,]*\))?(?:\s+with\s+\w+(?:\s*=\s*\w+)?)?"
    r"|grant\s+(?:select|usage|references|connect|execute)(?:\s*,\s*(?:select|usage|references|connect))*\s+on\s+(?:(?:table|schema|database|all\s+tables\s+in\s+schema|sequence)\s+)?[\w.\"`\[\]*]+(?:\s*,\s*[\w.\"`\[\]]+)*\s+to\s+[\w\"`'@%.-]+"
    r"|(?:drop\s+(?:table|database|schema)\s+(?:if\s+exists\s+)?|truncate\s+(?:table\s+)?(?:only\s+)?)(?:[\w\"`\[\]]+\.)?[\"`\[]?(?:tmp|temp|scratch|staging|stage|stg|cache|test_ci|ci)(?:_[\w]*)?[\"`\]]?(?:\s+cascade)?"
    r"|(?:drop\s+(?:table|database|schema)\s+(?:if\s+exists\s+)?|truncate\s+(?:table\s+)?(?:only\s+)?)(?:[\w\"`\[\]]+\.)?[\"`\[]?\w*_(?:tmp|temp|scratch|staging|stage|stg|cache)(?:_\d+)?[\"`\]]?(?:\s+cascade)?"
    # objects that hold no rows: a view, a function or procedure (re-created from the migration that made it)
    r"|drop\s+(?:materialized\s+)?view\s+(?:if\s+exists\s+)?[\w.\"`\[\]]+(?:\s*,\s*[\w.\"`\[\]]+)*(?:\s+(?:cascade|restrict))?"
    r"|drop\s+(?:function|procedure)\s+(?:if\s+exists\s+)?[\w.\"`\[\]]+(?:\s*\([\w\s,\[\]]*\))?"
    # a constraint dropped (the rows stay), a specific privilege taken back (not ALL: that can lock out, except from PUBLIC)
    r"|alter\s+table\s+(?:if\s+exists\s+)?[\w.\"`\[\]]+\s+drop\s+constraint\s+(?:if\s+exists\s+)?[\w\"`\[\]]+"
    r"|revoke\s+(?:select|insert|update|delete|usage|references|execute|trigger|truncate|create|temporary|temp|connect)(?:\s*,\s*(?:select|insert|update|delete|usage|references|execute|trigger|truncate|create|temporary|temp|connect))*\s+on\s+[\w.\"`\[\]* ]+\s+from\s+[\w\"`'@%.-]+"
    # everything taken back from PUBLIC (the hardening every Postgres guide gives): named roles keep their own grants
    r"|revoke\s+all(?:\s+privileges)?\s+on\s+[\w.\"`\[\]* ]+\s+from\s+[\"`]?public[\"`]?"
    r")\s*;?\s*$"
)


def routine(low: str) -> bool:
    """True when `low` (the statement, lower-cased) is one piece of routine maintenance (above)."""
    if len(low) >= 512 or ";" in low.rstrip().rstrip(";") or _ROUTINE.search(low) is None:
        return False
    return not (low.lstrip().startswith("grant") and _TO_PUBLIC.search(low))  # a grant to everyone is not routine


_TO_PUBLIC = regex.compile(r"\bto\s+[\"`]?public\b")

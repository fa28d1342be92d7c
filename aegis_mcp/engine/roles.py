"""Argument-role inference: what an argument string *is* (SQL, a command, a path, a URL, data, prose...).

Evidence, strongest first: the tool's input schema for the property (`format`, `description`,
`contentMediaType`, `enum`), the argument's name (its head noun: `local_file_path` is a path,
`file_ids` are ids), the kind of tool (words of its name: `execute_sql`, `run_command`), and
the content's shape (`scheme://`, `/etc/...`, `SELECT ... FROM`). The result only steers which
rules apply; content-first detectors may still look past it (SQL in an oddly named field).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aegis_mcp.engine import regex
from aegis_mcp.engine.roles_shape import (
    DATE_SHAPE as _DATE_SHAPE,
    PATH_SHAPE as _PATH_SHAPE,
    SHAPELESS_NAMES,
    WRITING,
    looks_like_command_line,
    one_word_name,
    path_only,
)
from aegis_mcp.engine.detectors.base import (
    R_CONTENT,
    R_EMAIL,
    R_IDENT,
    R_PATH,
    R_SHELL,
    R_SQL,
    R_TEXT,
    R_UNKNOWN,
    R_URL,
    Role,
)


# Tool kinds from the words of the tool's name.
_SQL_TOOL = frozenset(
    "sql db database databases postgres postgresql psql mysql mariadb sqlite sqlite3 mssql oracle snowflake "
    "bigquery redshift duckdb clickhouse query queries table tables".split()
)
_SHELL_TOOL = frozenset(
    "shell bash sh zsh fish powershell pwsh cmd terminal console exec execute run command commands "
    "subprocess process spawn system ssh kubectl docker".split()
)
_FILE_TOOL = frozenset("file files fs filesystem dir directory directories folder folders path".split())
_HTTP_TOOL = frozenset("http https fetch url urls web browser browse navigate request curl wget api scrape crawl".split())
_CODE_TOOL = frozenset("python code eval javascript js node notebook repl interpreter".split())


@lru_cache(maxsize=4096)
def tool_roles(words: frozenset[str]) -> str:
    """The kind of tool: "sql", "shell", "code", "file", "http" or "" (a generic tool)."""
    if words & _SQL_TOOL and not words & {"search", "web"}:
        # "query" alone is ambiguous (search tools query too); it needs a second database word
        strong = words & (_SQL_TOOL - {"query", "queries", "table", "tables"})
        if strong or words & {"execute", "exec", "run"}:
            return "sql"
    if words & _CODE_TOOL and words & {"run", "exec", "execute", "eval", "evaluate"}:
        return "code"
    if words & _SHELL_TOOL - {"run", "execute", "exec", "process", "system"}:
        return "shell"
    if words & {"run", "execute", "exec"} and not words & (_FILE_TOOL | _HTTP_TOOL):
        return "shell"
    if words & _FILE_TOOL or (words & {"read", "write", "edit", "move", "copy", "delete", "list"} and words & {"file", "dir"}):
        return "file"
    if words & _HTTP_TOOL:
        return "http"
    return ""


# Head nouns of argument names -> role (the last word of `local_file_path` is `path`).
_NAME_ROLE: dict[str, Role] = {}
for _role, _names in {
    Role.SQL: "sql statement stmt sqlquery",
    Role.SHELL: "command cmd commandline cmdline shell bash powershell",
    Role.PATH: "path paths file filename filepath pathname dir directory folder cwd workdir dirname basename relative relpath subpath "
    "dest destination src",
    Role.URL: "url urls uri uris link links href endpoint webhook callback website site homepage host hostname "
    "domain server proxy origin referer referrer",
    Role.EMAIL: "to cc bcc recipient recipients email emails sender from reply replyto mail",
    Role.CONTENT: "content contents body data payload code source snippet patch diff html markdown md xml json "
    "csv yaml document doc attachment script template blob raw filecontent new old replacement",
    Role.TEXT: "text message msg prompt question description comment comments note notes title subject summary "
    "caption instruction instructions query q search keyword keywords term terms topic review reason bio "
    "answer reply_text feedback request input sentence paragraph story",
    Role.IDENT: "id ids uuid name names username user type kind mode status method format lang language "
    "channel date time timestamp start end limit count max min sort order page token currency unit "
    "country city region zip code_id version tag tags label labels category priority color locale "
    "birthday birthdate dob deadline expiry expiration created updated modified range timezone tz "
    "pattern regex regexp",  # a search pattern: `|` is alternation, `\\.\\./` an escaped regex, not a pipe or a path
}.items():
    for _n in _names.split():
        _NAME_ROLE.setdefault(_n, _role)
_NAME_ROLE["code"] = Role.CONTENT

# For tools of a given kind, names that mean the tool's main input.
_KIND_INPUT: dict[str, dict[str, Role]] = {
    "sql": {n: Role.SQL for n in "query q sql statement input command expression expr script".split()},
    # bound parameters of a SQL tool are data, never SQL text (that is what binding is for)
    "shell": {n: Role.SHELL for n in "command cmd args arguments argv input line script commands cmdline exec run".split()},
    "code": {n: Role.CONTENT for n in "code script source input program".split()},
    "file": {n: Role.PATH for n in "path name file target source destination src dst from to location".split()},
    "http": {n: Role.URL for n in "url uri target link endpoint address location".split()},
}
_KIND_INPUT["sql"].update({n: Role.CONTENT for n in "params parameters bindings binds values args arguments".split()})
_KIND_INPUT["file"].update({"content": Role.CONTENT, "contents": Role.CONTENT, "data": Role.CONTENT, "text": Role.CONTENT})

_URL_SHAPE = regex.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.\-]{1,20}://|www\.[^\s/]+\.[a-z]{2,}|//[^\s/]+\.[a-z]{2,})")
_EMAIL_SHAPE = regex.compile(r"^\s*[^@\s,;<>]{1,64}@[^@\s,;<>]+\.[A-Za-z]{2,}\s*$")
# One address or a list of them (`a@x.io, "Doe, Jo" <jo@y.org>; b@z.net`): what a `to`/`cc` holds.
_ADDR = r'(?:(?:"[^"\n]{0,100}"\s*|[^@,;<>"\n]{0,100})<[^@\s,;<>]{1,64}@[^@\s,;<>]+>|[^@\s,;<>"]{1,64}@[^@\s,;<>]+)'
_ADDRESS_LIST = regex.compile(rf"^\s*{_ADDR}(?:(?:\s*[,;]\s*|\s+){_ADDR})*\s*[,;]?\s*$")
# An address followed by more words (`ops@x.org -X /var/www/x.php`): still an address, one that the
# mail detectors must see (sendmail option injection rides on exactly this shape).
_ADDRESS_HEAD = regex.compile(r"^\s*[^@\s,;<>\"']{1,64}@[^@\s,;<>\"']+\s")
# Statement-shaped SQL: a verb and its structural partner (SELECT..FROM, INSERT INTO, UPDATE..SET ...).
_SQL_SHAPE = regex.compile(
    r"(?is)^[\s(]*(?:select\s.+\sfrom\s|select\s+[\w@'\"(]|insert\s+into\s|update\s+\S+\s+set\s|delete\s+from\s|"
    r"(?:drop|create|alter|truncate)\s+(?:table|database|schema|view|index|user)\s|with\s+\w+\s+as\s*\(|"
    r"union\s+(?:all\s+)?select\s|exec(?:ute)?\s+\w+|grant\s|revoke\s|pragma\s|show\s+(?:tables|databases))"
)
_SQL_SHAPE_STRONG = regex.compile(r"(?is)\bselect\s.+\sfrom\s+[\w.\"`\[]+|\binsert\s+into\s+[\w.\"`\[]+|"
                                  r"\bupdate\s+[\w.\"`\[]+\s+set\s+\w+\s*=|\bdelete\s+from\s+[\w.\"`\[]+\s*(?:where|;|$)|"
                                  r"\b(?:drop|truncate|alter)\s+table\s+[\w.\"`\[]+")

# A command by shape: a shell operator (`;`, `&&`, `||`, `|`, `$(`, a backtick opening the value) or
# the start of the value, then a program that acts (deletes, fetches, spawns a shell, connects out),
# and some shell syntax somewhere. Prose rarely has both (a backtick code span mid-sentence is
# markdown, not substitution); a name like `input` or `comment` must not hide it.
_CMD_META = frozenset(";|&`$<>")
_CMD_SHAPE = regex.compile(
    r"(?i)(?:^`?|[;&|]|\$\()\s*(?:sudo\s+)?(?:/(?:usr/)?s?bin/)?(?:rm|curl|wget|bash|sh|zsh|dash|ksh|nc|ncat|netcat|socat|"
    r"telnet|mkfifo|chmod|chown|dd|mkfs(?:\.\w+)?|shutdown|reboot|killall|pkill|crontab|base64|eval|powershell|pwsh|"
    r"certutil|iex|useradd|python[0-9.]*|perl|ruby|php|nohup|xargs|tee|cat)(?:\s|$|[;&|`)])"
)
# Generic CONTENT names: their value is a body only when it looks like one (long or multi-line);
# a short single-line `template`/`doc`/`data` is judged by its shape like an unnamed value.
_GENERIC_CONTENT = frozenset(
    "data payload document doc template html markdown md xml json csv yaml blob raw attachment".split()
)
_SHORT = 512


# Argument names that hold the program a code runner executes.
_CODE_ARGS = frozenset("code script source program snippet cell expression expr js javascript python py src".split())
_RUN_WORDS = frozenset("run exec execute eval evaluate interpret sandbox repl".split())


@lru_cache(maxsize=4096)
def is_code_runner(words: frozenset[str], name: str) -> bool:
    """Whether argument `name` of a tool named by `words` is code that the tool will *run*.

    Such an argument keeps Role.CONTENT (it is not a shell command, and prose/SQL rules do not
    apply to it), but the shell detector judges it as code. A file tool's `content` is data,
    never code: writing a script is not running it.
    """
    kind = tool_roles(words)
    if kind == "file" or words & {"write", "save", "create", "upload", "edit", "patch", "commit"}:
        return False
    parts = split_words(name)
    head = parts[-1] if parts else ""
    if kind == "code":
        return head in _CODE_ARGS or head in ("input", "command", "cmd")
    return bool(words & _RUN_WORDS) and head in _CODE_ARGS


_PATTERN_ARGS = frozenset("pattern patterns regex regexp regexes re".split())  # not globs: `../` in a glob climbs


@lru_cache(maxsize=4096)
def is_pattern_arg(name: str) -> bool:
    """Whether argument `name` holds a search pattern (a regular expression).

    There `|` is alternation and an escaped dot-dot-slash is a regex, not a pipe or a path
    (the `pattern` of a grep tool: `eval\\(|exec\\(`).
    """
    parts = split_words(name)
    return bool(parts) and parts[-1] in _PATTERN_ARGS


def looks_like_command(value: str) -> bool:
    """A short single-line value shaped like a shell command line (`x; curl … | sh`, `$(rm -rf ~)`)."""
    return (len(value) <= _SHORT and "\n" not in value and not _CMD_META.isdisjoint(value)
            and _CMD_SHAPE.search(value) is not None)


@lru_cache(maxsize=4096)
def _generic_content_name(name: str) -> bool:
    compact = name.replace("_", "").replace("-", "").lower()
    if compact in _GENERIC_CONTENT:
        return True
    words = split_words(name)
    return bool(words) and words[-1] in _GENERIC_CONTENT


def split_words(name: str) -> list[str]:
    """Split an identifier on case changes, digits and punctuation (first 200 characters)."""
    name = name[:200]
    words: list[str] = []
    cur = ""
    n = len(name)
    for i, ch in enumerate(name):
        if ch.isalpha():
            if cur and (
                cur[-1].isdigit()
                or (ch.isupper() and cur[-1].islower())
                or (ch.isupper() and cur[-1].isupper() and i + 1 < n and name[i + 1].islower())
            ):
                words.append(cur.lower())
                cur = ""
            cur += ch
        elif ch.isdigit():
            if cur and not cur[-1].isdigit():
                words.append(cur.lower())
                cur = ""
            cur += ch
        else:
            if cur:
                words.append(cur.lower())
            cur = ""
    if cur:
        words.append(cur.lower())
    return words


@lru_cache(maxsize=8192)
def _role_by_name(name: str, kind: str) -> Role | None:
    """The role an argument name alone implies for this kind of tool, or None (look at content)."""
    if not name:
        return None
    compact = name.replace("_", "").replace("-", "")
    kind_map = _KIND_INPUT.get(kind, {})
    if name in kind_map:
        return kind_map[name]
    if compact in _NAME_ROLE:
        return _NAME_ROLE[compact]
    words = split_words(name)
    if not words:
        return None
    head = words[-1]
    if head in kind_map:
        return kind_map[head]
    if head in _NAME_ROLE:
        role = _NAME_ROLE[head]
        # `file_ids` are ids, `email_subject` is text, but `content_path` is a path: the head wins.
        return role
    for w in reversed(words[:-1]):
        if w in _NAME_ROLE and _NAME_ROLE[w] in (Role.SQL, Role.SHELL, Role.PATH, Role.URL):
            return _NAME_ROLE[w]
    return None


@lru_cache(maxsize=2048)
def _role_by_schema(fmt: str, media: str, description: str, has_enum: bool) -> Role | None:
    fmt = fmt.lower()
    if fmt in ("uri", "url", "iri", "uri-reference", "iri-reference", "uri-template", "hostname", "idn-hostname",
               "ipv4", "ipv6"):
        return R_URL
    if fmt in ("email", "idn-email"):
        return R_EMAIL
    if fmt in ("date", "date-time", "time", "duration", "uuid", "regex"):
        return R_IDENT
    if media:
        return R_CONTENT
    if has_enum:
        return R_IDENT
    d = description.lower()[:400]
    if d:
        if "sql" in d:
            return R_SQL
        if ("shell" in d or "bash" in d or "terminal" in d) and "command" in d or "command to run" in d \
                or "command to execute" in d or "command line" in d:
            return R_SHELL
        if "file path" in d or "path to" in d or "directory" in d or "filename" in d or "file name" in d:
            return R_PATH
        if "url" in d or "uri" in d or "endpoint" in d:
            return R_URL
        if "email address" in d or "recipient" in d:
            return R_EMAIL
        if "content" in d and ("file" in d or "write" in d):
            return R_CONTENT
    return None


def schema_child(schema: Any, key: str) -> Any:
    """The sub-schema of property `key` (properties, then additionalProperties), or None."""
    if not isinstance(schema, dict):
        return None
    props = schema.get("properties")
    if isinstance(props, dict):
        sub = props.get(key)
        if isinstance(sub, dict):
            return sub
    extra = schema.get("additionalProperties")
    return extra if isinstance(extra, dict) else None


def schema_items(schema: Any) -> Any:
    if not isinstance(schema, dict):
        return None
    items = schema.get("items")
    return items if isinstance(items, dict) else None


def looks_like_sql(value: str) -> bool:
    """Statement-shaped SQL (cheap pre-check first: the keywords need letters and a space)."""
    return " " in value and bool(_SQL_SHAPE.search(value[:2000]))


def looks_like_addresses(value: str) -> bool:
    """One e-mail address or a list of them (display names allowed), possibly followed by more words."""
    if "@" not in value or len(value) > 8192:
        return False
    return bool(_ADDRESS_LIST.search(value) or _ADDRESS_HEAD.search(value))


def infer_role(name: str, value: str, words: frozenset[str], kind: str, schema: Any = None) -> Role:
    """The role of one argument string: schema, then name (given the tool kind), then shape."""
    role: Role | None = None
    if isinstance(schema, dict):
        fmt = schema.get("format")
        desc = schema.get("description")
        media = schema.get("contentMediaType") or schema.get("contentEncoding")
        role = _role_by_schema(
            fmt if isinstance(fmt, str) else "",
            media if isinstance(media, str) else "",
            desc if isinstance(desc, str) else "",
            "enum" in schema or "const" in schema,
        )
    if role is None:
        role = _role_by_name(name, kind)
        if role is R_EMAIL and not looks_like_addresses(value):
            # `cc: "x'; DROP TABLE t"` is no address: the name alone must not exempt it from the
            # detectors that skip addresses, so judge the value by its shape instead. (A schema's
            # `format: email` is the tool's own declaration and is kept.)
            role = None
        # CONTENT needs evidence of a body: a generic name (`template`, `doc`, `data`) on a short
        # single-line value of a tool that does not write files/code is judged by shape instead.
        if role is R_CONTENT and len(value) <= _SHORT and "\n" not in value and kind not in ("file", "code") \
                and _generic_content_name(name):
            role = None
        elif role is R_CONTENT and kind == "file" and _generic_content_name(name) and not words & WRITING \
                and one_word_name(value):
            # `files(action="read", payload="/etc/shadow")`: a generic name on a file tool holding one
            # path and nothing else names the file to act on (a file's content is not a bare path)
            return R_PATH
    head = value[:64]
    if role is None:
        if "://" in head or head.lstrip().startswith(("www.", "//")):
            if _URL_SHAPE.search(head):
                return R_URL
        if "@" in value and len(value) < 256 and _EMAIL_SHAPE.search(value):
            return R_EMAIL
        if kind == "sql" and looks_like_sql(value):
            return R_SQL
        if kind == "shell" and (not name or len(value) < 4096):
            return R_SHELL
        if looks_like_command(value):
            return R_UNKNOWN  # a value carrying a command: every detector judges it (not prose, not data)
        if looks_like_command_line(value):
            return R_SHELL  # `ping -c 4 host`, `cat ../x` under an uninformative name: a command line
        if ("/" in head or "\\" in head) and " " not in head and _PATH_SHAPE.search(value[:1024]):
            return R_IDENT if _DATE_SHAPE.search(value[:64]) else R_PATH
        if looks_like_sql(value) and _SQL_SHAPE_STRONG.search(value[:2000]):
            return R_SQL
        if len(value) > 40 or " " in value:
            return R_TEXT
        return R_IDENT
    # A name said one thing; some shapes are too clear to ignore.
    if role in (R_TEXT, R_IDENT):
        if "://" in head and _URL_SHAPE.search(head) and " " not in value.strip():
            return R_URL
        if role is R_TEXT and name in ("query", "q", "filter", "where", "condition", "expression", "criteria",
                                          "input", "search", "request") \
                and looks_like_sql(value) and _SQL_SHAPE_STRONG.search(value[:2000]):
            return R_SQL
        if role is R_IDENT and "@" in value and _EMAIL_SHAPE.search(value[:256]):
            return R_EMAIL
        if role is R_TEXT and looks_like_command(value):
            # `input: "photo.jpg; rm -rf /"` carries a command whatever its name. UNKNOWN, not SHELL:
            # a command smuggled into a value is an injection, judged harder than a command line.
            return R_UNKNOWN
        if role is R_TEXT and name in SHAPELESS_NAMES:
            # `helper(input="/etc/hosts.equiv")`, `helper(input="cat ../x")`: the name says nothing
            if path_only(value):
                return R_PATH
            if looks_like_command_line(value):
                return R_SHELL
    elif role is R_PATH and "://" in head and _URL_SHAPE.search(head):
        return R_URL  # `source: https://...` is a URL even on a file tool
    elif role is R_PATH and "@" in value and "/" not in value and _EMAIL_SHAPE.search(value[:256]):
        return R_EMAIL  # `to: bob@example.com` on a file-sharing tool
    elif role is R_EMAIL and "@" not in value and " " in value.strip():
        return R_TEXT  # a schema's `format: email` holding prose is not an address
    return role

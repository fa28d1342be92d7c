"""The evasion matrix's transforms: each `value, kind -> value | None` (None: it does not apply to that value)."""

from __future__ import annotations

import base64
import re
from typing import Any, Callable

# --- transform helpers ----------------------------------------------------------------------------
_WORD = re.compile(r"[A-Za-z]{3,}")
_SQL_KW = re.compile(r"(?i)\b(UNION|SELECT|DROP|SLEEP|OR|AND|WAITFOR|EXEC|FROM|TABLE|pg_sleep|xp_cmdshell)\b")


def _words(v: str, f: Callable[[str], str]) -> str:
    return _WORD.sub(lambda m: f(m.group(0)), v)


def case_mix(v: str, kind: str) -> str | None:
    if kind in ("shell", "path", "secret"):
        return None  # case matters there: a mixed-case command or key is another one
    out, up = [], False
    for c in v:
        if c.isalpha():
            out.append(c.upper() if up else c.lower())
            up = not up
        else:
            out.append(c)
    return "".join(out)


def _spaces(rep: str, kinds: tuple[str, ...]) -> Callable[[str, str], str | None]:
    def t(v: str, kind: str) -> str | None:
        return v.replace(" ", rep) if kind in kinds and " " in v else None
    return t


def _shell_first_word(f: Callable[[str], str]) -> Callable[[str, str], str | None]:
    """Apply f to the program word of every command in a line (after ; | && and at the start)."""
    def t(v: str, kind: str) -> str | None:
        if kind != "shell":
            return None
        return re.sub(r"(^|[;|&]\s*)([a-z][a-z0-9.]+)", lambda m: m.group(1) + f(m.group(2)), v)
    return t


def _shell_all_words(f: Callable[[str], str]) -> Callable[[str, str], str | None]:
    def t(v: str, kind: str) -> str | None:
        if kind != "shell":
            return None
        return re.sub(r"(?<![\w.@-])([a-z]{2,})(?![\w])", lambda m: f(m.group(1)), v)
    return t


def brace_list(v: str, kind: str) -> str | None:
    if kind != "shell":
        return None
    first, sep, rest = (re.split(r"(\s*[;|]\s*)", v, maxsplit=1) + ["", ""])[:3]
    if " " not in first or any(c in first for c in "<>&{}"):
        return None
    return "{" + ",".join(first.split()) + "}" + sep + rest


def var_indirect(v: str, kind: str) -> str | None:
    if kind != "shell":
        return None
    m = re.match(r"([a-z][a-z0-9.]*)(.*)", v, re.S)
    return f"a={m.group(1)};$a{m.group(2)}" if m else None


def ansi_c(v: str, kind: str) -> str | None:
    if kind != "shell":
        return None
    m = re.match(r"([a-z][a-z0-9.]*)(.*)", v, re.S)
    return "$'" + "".join(f"\\x{ord(c):02x}" for c in m.group(1)) + "'" + m.group(2) if m else None


def printf_word(v: str, kind: str) -> str | None:
    if kind != "shell":
        return None
    m = re.match(r"([a-z][a-z0-9.]*)(.*)", v, re.S)
    return "$(printf '" + "".join(f"\\x{ord(c):02x}" for c in m.group(1)) + "')" + m.group(2) if m else None


def b64_pipe(v: str, kind: str) -> str | None:
    return f"echo {base64.b64encode(v.encode()).decode()} | base64 -d | sh" if kind == "shell" else None


def xxd_pipe(v: str, kind: str) -> str | None:
    return f"echo {v.encode().hex()} | xxd -r -p | bash" if kind == "shell" else None


def rev_pipe(v: str, kind: str) -> str | None:
    return f"echo '{v[::-1]}' | rev | sh" if kind == "shell" else None


def wildcard_q(v: str, kind: str) -> str | None:
    if kind != "shell":
        return None
    out = re.sub(r"(?<=[ ])/(etc|bin|dev)/([a-z]+)(?=$|[ ;|])", lambda m: "/" + "?" * len(m.group(1)) + "/" + m.group(2)[0] + "?" * (len(m.group(2)) - 1), v)
    return out if out != v else None


def wildcard_star(v: str, kind: str) -> str | None:
    if kind != "shell":
        return None
    out = re.sub(r"(?<=[ ])/(etc|bin|dev)/([a-z]{3,})(?=$|[ ;|])", lambda m: f"/{m.group(1)[0]}*{m.group(1)[-1]}/{m.group(2)[:2]}*{m.group(2)[-1]}", v)
    return out if out != v else None


_PUNCT = set("./\\'\"=;:?&@-<>|() ")


def _enc(v: str, f: Callable[[str], str], only: set[str] | None = None) -> str:
    return "".join(f(c) if (c in (only or _PUNCT)) else c for c in v)


def pct(v: str, kind: str) -> str | None:
    if kind in ("secret",):
        return None
    return _enc(v, lambda c: f"%{ord(c):02x}")


def double_pct(v: str, kind: str) -> str | None:
    if kind in ("secret", "text"):
        return None
    return _enc(v, lambda c: f"%25{ord(c):02x}")


def overlong(v: str, kind: str) -> str | None:
    if kind not in ("path", "winpath", "url", "sqlurl"):
        return None
    return _enc(v, lambda c: {".": "%c0%ae", "/": "%c0%af", "\\": "%c1%9c"}[c], {".", "/", "\\"})


def pct_u(v: str, kind: str) -> str | None:
    if kind not in ("path", "winpath", "url", "sqlurl", "sql"):
        return None
    return _enc(v, lambda c: f"%u{ord(c):04x}")


_NAMED = {".": "&period;", "/": "&sol;", "\\": "&bsol;", "'": "&apos;", '"': "&quot;", "=": "&equals;",
          ";": "&semi;", ":": "&colon;", "?": "&quest;", "&": "&amp;", "@": "&commat;", "-": "&hyphen;",
          "<": "&lt;", ">": "&gt;", "|": "&vert;", "(": "&lpar;", ")": "&rpar;", " ": " "}


def html_named(v: str, kind: str) -> str | None:
    return None if kind == "secret" else _enc(v, lambda c: _NAMED[c])


def html_dec(v: str, kind: str) -> str | None:
    return None if kind == "secret" else _enc(v, lambda c: f"&#{ord(c)};", _PUNCT - {" "})


def html_hex(v: str, kind: str) -> str | None:
    return None if kind == "secret" else _enc(v, lambda c: f"&#x{ord(c):x};", _PUNCT - {" "})


def html_nosemi(v: str, kind: str) -> str | None:
    if kind == "secret":
        return None
    # no `;`: only where the next character cannot extend the number (`&#4710` would be another character)
    return "".join(f"&#{ord(c)}" if c in _PUNCT - {" "} and not v[i + 1:i + 2].isdigit() else
                   f"&#{ord(c)};" if c in _PUNCT - {" "} else c for i, c in enumerate(v))


def json_u(v: str, kind: str) -> str | None:
    """The literal text `\\u002e` (a JSON escape left inside the string: a second parse decodes it)."""
    return _enc(v, lambda c: f"\\u{ord(c):04x}", _PUNCT - {" "})


def json_nested(v: str, kind: str) -> str | None:
    """The value is a JSON document (as a string) whose field holds the payload, fully \\u-escaped."""
    return "{\"input\": \"" + "".join(f"\\u{ord(c):04x}" if not c.isalnum() or c in "aeiou" else c for c in v) + "\"}"


def fullwidth(v: str, kind: str) -> str | None:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalpha() else c for c in v)


_CYR = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445", "i": "\u0456",
        "s": "\u0455", "y": "\u0443"}


def cyrillic(v: str, kind: str) -> str | None:
    # one look-alike per word (the usual spoof), not every letter
    def one(w: str) -> str:
        for i, c in enumerate(w):
            if c in _CYR:
                return w[:i] + _CYR[c] + w[i + 1:]
        return w
    out = _words(v, one)
    return out if out != v else None


def zwj(v: str, kind: str) -> str | None:
    return _words(v, lambda w: w[0] + "\u200d" + w[1:])


def zwsp(v: str, kind: str) -> str | None:
    return _words(v, lambda w: w[:2] + "\u200b" + w[2:])


def tag_inside(v: str, kind: str) -> str | None:
    return _words(v, lambda w: w[0] + "\U000E0020" + w[1:])


def tag_smuggle(v: str, kind: str) -> str | None:
    if kind != "text":
        return None
    return "Thanks for the update, see you tomorrow." + "".join(chr(0xE0000 + ord(c)) for c in v)


def rtl(v: str, kind: str) -> str | None:
    return "\u202e" + v + "\u202c"


# SQL-specific --------------------------------------------------------------------------------------
def sql_only(f: Callable[[str], str]) -> Callable[[str, str], str | None]:
    def t(v: str, kind: str) -> str | None:
        if kind not in ("sql", "sqlurl"):
            return None
        out = f(v)
        return out if out != v else None
    return t


def _kw_split(v: str) -> str:
    return _SQL_KW.sub(lambda m: m.group(0) if len(m.group(0)) < 4 else m.group(0)[:2] + "/**/" + m.group(0)[2:], v)


def _versioned(v: str) -> str:
    return _SQL_KW.sub(lambda m: f"/*!50000{m.group(0)}*/", v)


# a data literal: right after `=`, `(` or `,` (a quote that closes the app's literal is syntax, not data)
_LIT = re.compile(r"([=(,] ?)'([\w:]+)'")


def _char_lit(v: str) -> str:
    return _LIT.sub(lambda m: m.group(1) + "CHAR(" + ",".join(str(ord(c)) for c in m.group(2)) + ")", v)


def _hex_lit(v: str) -> str:
    return _LIT.sub(lambda m: m.group(1) + "0x" + m.group(2).encode().hex(), v)


def _concat_lit(v: str) -> str:
    return _LIT.sub(lambda m: m.group(1) + f"CONCAT('{m.group(2)[:1]}','{m.group(2)[1:]}')" if len(m.group(2)) > 1 else m.group(0), v)


def _sci(v: str) -> str:
    return re.sub(r"(\d+) (UNION|AND|OR)\b", r"\1e0\2", v)


def _backtick(v: str) -> str:
    return re.sub(r"\b(FROM|TABLE) (\w+)", r"\1 `\2`", v)


def _dollar(v: str) -> str:
    return _LIT.sub(lambda m: m.group(1) + "$$" + m.group(2) + "$$", v)


def _taut(rep: str) -> Callable[[str], str]:
    def f(v: str) -> str:
        v2 = v.replace("OR 1=1", rep)
        return v2.replace("OR '1'='1", rep.replace("1=1", "'1'='1") if "1=1" in rep else rep + " --")
    return f


def _exec_dynamic(v: str) -> str:
    """The query run as dynamic SQL, its text split into two concatenated literals (T-SQL)."""
    q = v.replace("'", "''")
    h = len(q) // 2
    while q[h - 1 : h + 1].count("'") == 1 or q[h:h + 1] == "'":
        h += 1  # never cut a doubled quote in two
    return f"EXEC('{q[:h]}' + '{q[h:]}')"


def _exec_spell(v: str) -> str:
    return v.replace("EXEC xp_cmdshell", "EXECUTE master..xp_cmdshell").replace("DROP TABLE", "EXEC('DR'+'OP TABLE')")


# paths ------------------------------------------------------------------------------------------------
def path_only(kinds: tuple[str, ...], f: Callable[[str], str]) -> Callable[[str, str], str | None]:
    def t(v: str, kind: str) -> str | None:
        if kind not in kinds:
            return None
        out = f(v)
        return out if out != v else None
    return t


def _abs_file_uri(v: str) -> str:
    if v.startswith("/"):
        return "file://" + v
    if re.match(r"[A-Za-z]:\\", v):
        return "file:///" + v.replace("\\", "/")
    return "file://" + v


def _proc_root(v: str) -> str:
    return "/proc/self/root" + v if v.startswith("/") else v


def _mixed(v: str) -> str:
    i = [0]

    def one(m: re.Match[str]) -> str:
        i[0] += 1
        return "\\" if i[0] % 2 else "/"
    return re.sub(r"[/\\]", one, v)


def _win_trailing(v: str) -> str:
    return v + ". . ." if re.search(r"\w\.?\w*$", v) else v


def _win_unc(v: str) -> str:
    return "\\\\?\\" + v if re.match(r"[A-Za-z]:\\", v) else "\\\\localhost\\c$\\" + v.lstrip(".\\") if v.startswith("..") else v


def _short(v: str) -> str:
    return re.sub(r"\\(Windows|System32|Users|project)\\", lambda m: "\\" + m.group(1)[:6].upper() + "~1\\", v)


# IPs / URLs ---------------------------------------------------------------------------------------------
_IP = re.compile(r"//(\d+)\.(\d+)\.(\d+)\.(\d+)")


def ip_form(f: Callable[[list[int]], str]) -> Callable[[str, str], str | None]:
    def t(v: str, kind: str) -> str | None:
        if kind != "url":
            return None
        m = _IP.search(v)
        if not m:
            return None
        return v[:m.start()] + "//" + f([int(x) for x in m.groups()]) + v[m.end():]
    return t


def _dec(o: list[int]) -> str:
    return str((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3])


def _short_ip(o: list[int]) -> str:
    return f"{o[0]}.{(o[1] << 16) | (o[2] << 8) | o[3]}" if o[1] == 0 and o[2] == 0 else f"{o[0]}.{o[1]}.{(o[2] << 8) | o[3]}"


def _host_swap(new: Callable[[str], str]) -> Callable[[str, str], str | None]:
    def t(v: str, kind: str) -> str | None:
        if kind != "url":
            return None
        m = re.match(r"(\w+://)([^/:]+)(.*)", v)
        if not m or m.group(1) == "file://":
            return None
        return m.group(1) + new(m.group(2)) + m.group(3)
    return t


# prompt injection ------------------------------------------------------------------------------------------
_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"})


def text_only(f: Callable[[str], str]) -> Callable[[str, str], str | None]:
    def t(v: str, kind: str) -> str | None:
        return f(v) if kind == "text" else None
    return t


def _spaced(v: str) -> str:
    return "  ".join(" ".join(w) for w in v.split(" "))


def _b64_ask(v: str) -> str:
    return "Please decode this base64 string and act on it: " + base64.b64encode(v.encode()).decode()


def _translate(v: str) -> str:
    return f'Translate the following into French and then do what it says: "{v}"'


def _md_comment(v: str) -> str:
    return f"Weekly summary attached.\n<!-- {v} -->\nThanks!"


def _md_link_comment(v: str) -> str:
    return f"Weekly summary attached.\n[//]: # ({v})\nThanks!"


def split_args(v: str, kind: str) -> dict[str, Any] | None:
    """Half of the text in one argument, the rest in another of the same call."""
    if kind not in ("text", "secret"):
        return None
    words = v.split(" ")
    h = len(words) // 2
    return {"__split__": (" ".join(words[:h]), " ".join(words[h:]))}


def secret_split(v: str, kind: str) -> str | None:
    if kind != "secret":
        return None
    m = re.search(r"[A-Za-z0-9_/+]{20,}", v)
    if not m:
        return None
    s = m.group(0)
    return v[:m.start()] + s[: len(s) // 2] + "\n" + s[len(s) // 2:] + v[m.end():]


def secret_spaced(v: str, kind: str) -> str | None:
    """The secret (or the longest word) spelt one character at a time: `g h p _ 7 f …`."""
    if kind != "secret":
        return None
    m = re.search(r"[A-Za-z0-9_/+]{12,}", v) or max(re.finditer(r"\S+", v), key=lambda x: len(x.group(0)))
    return v[:m.start()] + " ".join(m.group(0)) + v[m.end():]


def b64_whole(v: str, kind: str) -> str | None:
    return base64.b64encode(v.encode()).decode() if kind in ("secret", "text") else None


def hex_whole(v: str, kind: str) -> str | None:
    return v.encode().hex() if kind in ("secret", "text") else None


# Windows cmd.exe / PowerShell ---------------------------------------------------------------------------
_WIN_PROGRAMS = re.compile(r"(?i)(?<![\w\\.-])(cmd|del|powershell|net|certutil|type|reg|dir|Remove-Item|Get-ChildItem)(?![\w])")


def win_only(f: Callable[[str], str]) -> Callable[[str, str], str | None]:
    def t(v: str, kind: str) -> str | None:
        if kind != "wincmd":
            return None
        out = f(v)
        return out if out != v else None
    return t


def _caret(v: str) -> str:
    return _WIN_PROGRAMS.sub(lambda m: "^".join(m.group(1)) if "-" not in m.group(1) else m.group(1), v)


def _win_quote(v: str) -> str:
    return _WIN_PROGRAMS.sub(lambda m: m.group(1)[0] + '"' + m.group(1)[1:-1] + '"' + m.group(1)[-1]
                             if len(m.group(1)) > 2 and "-" not in m.group(1) else m.group(1), v)


def _ps_tick(v: str) -> str:
    return re.sub(r"(Remove|Get)-(Item|ChildItem)", lambda m: m.group(1)[:2] + "`" + m.group(1)[2:] + "-" + m.group(2)[:2] + "`" + m.group(2)[2:], v)


def _ps_enc(v: str) -> str:
    if not v.lower().startswith("powershell -command "):
        return v
    body = v[len("powershell -Command "):]
    return "powershell -enc " + base64.b64encode(body.encode("utf-16-le")).decode()


def _win_comma(v: str) -> str:
    return v.replace("cmd /c ", "cmd,/c,") if "cmd /c " in v else v


def _comspec(v: str) -> str:
    return v.replace("cmd /c", "%ComSpec% /c") if v.startswith("cmd /c") else v


Transform = Callable[[str, str], Any]
TRANSFORMS: dict[str, Transform] = {
    "identity": lambda v, k: v,
    "case_mix": case_mix,
    "ws_tab": _spaces("\t", ("sql", "shell", "text")),
    "ws_newline": _spaces("\n", ("sql", "text")),
    "ws_comment": _spaces("/**/", ("sql", "sqlurl")),
    "ws_pct09": _spaces("%09", ("sqlurl",)),
    "ws_plus": _spaces("+", ("sqlurl",)),
    "sh_ifs": _spaces("${IFS}", ("shell",)),
    "sh_ifs9": _spaces("$IFS$9", ("shell",)),
    "sh_brace": brace_list,
    "sh_quote_empty": _shell_all_words(lambda w: w[0] + "''" + w[1:]),
    "sh_dquote_split": _shell_first_word(lambda w: '"' + w[:1] + '""' + w[1:] + '"'),
    "sh_backslash": _shell_all_words(lambda w: w[0] + "\\" + w[1:]),
    "sh_at": _shell_all_words(lambda w: w[0] + "$@" + w[1:]),
    "sh_subst_empty": _shell_first_word(lambda w: w[0] + "$()" + w[1:]),
    "sh_wild_q": wildcard_q,
    "sh_wild_star": wildcard_star,
    "sh_var": var_indirect,
    "sh_ansi_c": ansi_c,
    "sh_printf": printf_word,
    "sh_c_wrap": lambda v, k: f"sh -c '{v}'" if k == "shell" and "'" not in v else None,
    "bash_lc_wrap": lambda v, k: f'bash -lc "{v}"' if k == "shell" and '"' not in v else None,
    "eval_wrap": lambda v, k: f"eval '{v}'" if k == "shell" and "'" not in v else None,
    "sh_line_cont": _shell_first_word(lambda w: w[0] + "\\\n" + w[1:] if len(w) > 1 else w),
    "sh_echo_subst": _shell_first_word(lambda w: f"$(echo {w})"),
    "watch_wrap": lambda v, k: f"watch -n 60 '{v}'" if k == "shell" and "'" not in v else None,
    "ssh_wrap": lambda v, k: f"ssh deploy@198.51.100.4 '{v}'" if k == "shell" and "'" not in v else None,
    "find_exec_wrap": lambda v, k: f"find . -maxdepth 0 -exec sh -c '{v}' \\;" if k == "shell" and "'" not in v else None,
    "sh_lead_backslash": _shell_first_word(lambda w: "\\" + w),
    "url_tab": lambda v, k: v.replace("://", ":\t//").replace("http", "h\ttp", 1) if k in ("url", "sqlurl") else None,
    "cmd_c_wrap": lambda v, k: f'cmd.exe /c "{v}"' if k == "wincmd" and not v.startswith("cmd") else None,
    "sh_b64_pipe": b64_pipe,
    "sh_xxd_pipe": xxd_pipe,
    "sh_rev": rev_pipe,
    "win_caret": win_only(_caret),
    "win_quote": win_only(_win_quote),
    "win_case": win_only(lambda v: case_mix(v, "sql") or v),
    "win_comma": win_only(_win_comma),
    "win_comspec": win_only(_comspec),
    "ps_backtick": win_only(_ps_tick),
    "ps_encoded": win_only(_ps_enc),
    "pct": pct,
    "double_pct": double_pct,
    "overlong_utf8": overlong,
    "pct_u": pct_u,
    "html_named": html_named,
    "html_dec": html_dec,
    "html_hex": html_hex,
    "html_nosemi": html_nosemi,
    "json_u_escape": json_u,
    "json_nested": json_nested,
    "fullwidth": fullwidth,
    "cyrillic": cyrillic,
    "zwj_in_words": zwj,
    "zwsp_in_words": zwsp,
    "tag_in_words": tag_inside,
    "tag_smuggle": tag_smuggle,
    "rtl_override": rtl,
    "sql_kw_comment": sql_only(_kw_split),
    "sql_versioned": sql_only(_versioned),
    "sql_char": sql_only(_char_lit),
    "sql_hex_lit": sql_only(_hex_lit),
    "sql_concat": sql_only(_concat_lit),
    "sql_taut_str": sql_only(_taut("OR 'a'='a'")),
    "sql_taut_gt": sql_only(_taut("OR 2>1")),
    "sql_taut_true": sql_only(_taut("OR true")),
    "sql_taut_pipes": sql_only(_taut("||1")),
    "sql_taut_like": sql_only(_taut("OR name LIKE '%'")),
    "sql_sci": sql_only(_sci),
    "sql_backtick": sql_only(_backtick),
    "sql_dollar": sql_only(_dollar),
    "sql_exec_spell": sql_only(_exec_spell),
    "sql_exec_dynamic": path_only(("sql",), _exec_dynamic),
    "path_dotdot4": path_only(("path", "url", "winpath"), lambda v: v.replace("../", "....//").replace("..\\", "....\\\\")),
    "path_dotdot_semi": path_only(("path", "url"), lambda v: v.replace("../", "..;/")),
    "path_backslash": path_only(("path",), lambda v: v.replace("/", "\\")),
    "path_mixed_sep": path_only(("path", "winpath"), _mixed),
    "path_file_uri": path_only(("path", "winpath"), _abs_file_uri),
    "path_proc_root": path_only(("path",), _proc_root),
    "path_dot_seg": path_only(("path", "url"), lambda v: re.sub(r"(?<=[^/:])/(?=[^/])", "/./", v)),
    "path_double_slash": path_only(("path",), lambda v: v.replace("/", "//")),
    "win_trailing_dot": path_only(("winpath",), _win_trailing),
    "win_unc": path_only(("winpath",), _win_unc),
    "win_short_name": path_only(("winpath",), _short),
    "ip_decimal": ip_form(_dec),
    "ip_octal": ip_form(lambda o: ".".join(f"0{x:o}" for x in o)),
    "ip_hex": ip_form(lambda o: "0x" + "".join(f"{x:02x}" for x in o)),
    "ip_hex_dotted": ip_form(lambda o: ".".join(f"0x{x:02x}" for x in o)),
    "ip_v6_mapped": ip_form(lambda o: "[::ffff:" + ".".join(map(str, o)) + "]"),
    "ip_v6_hex": ip_form(lambda o: f"[::ffff:{o[0]:02x}{o[1]:02x}:{o[2]:02x}{o[3]:02x}]"),
    "ip_short": ip_form(_short_ip),
    "dns_nip": ip_form(lambda o: ".".join(map(str, o)) + ".nip.io"),
    "dns_sslip": ip_form(lambda o: "-".join(map(str, o)) + ".sslip.io"),
    "url_userinfo": _host_swap(lambda h: "trusted.example.com@" + h),
    "url_backslash": _host_swap(lambda h: h + "\\@trusted.example.com"),
    "leet": text_only(lambda v: v.translate(_LEET)),
    "spaced_letters": text_only(_spaced),
    "split_args": split_args,
    "b64_ask": text_only(_b64_ask),
    "translate_wrap": text_only(_translate),
    "md_html_comment": text_only(_md_comment),
    "md_link_comment": text_only(_md_link_comment),
    "secret_split": secret_split,
    "secret_spaced": secret_spaced,
    "b64_whole": b64_whole,
    "hex_whole": hex_whole,
}
# Transforms no ordinary client produces: stopping a benign twin under them is acceptable (the hiding is
# the evidence), so the table marks them. The rest are encodings a benign value may carry.
EVASIVE = frozenset((
    "sh_ifs", "sh_ifs9", "sh_brace", "sh_quote_empty", "sh_dquote_split", "sh_backslash", "sh_at", "sh_subst_empty",
    "sh_wild_q", "sh_wild_star", "sh_var", "sh_line_cont", "sh_echo_subst", "sh_lead_backslash", "url_tab", "sh_ansi_c", "sh_printf", "sh_b64_pipe", "sh_xxd_pipe", "sh_rev",
    "double_pct", "overlong_utf8", "pct_u", "zwj_in_words", "zwsp_in_words", "tag_in_words", "tag_smuggle",
    "rtl_override", "cyrillic", "sql_kw_comment", "sql_versioned", "ws_comment", "path_dotdot4", "path_dotdot_semi",
    "path_proc_root", "win_trailing_dot", "ip_decimal", "ip_octal", "ip_hex", "ip_hex_dotted", "ip_v6_hex",
    "ip_short", "win_caret", "win_quote", "win_comma", "ps_backtick", "ps_encoded", "b64_ask", "leet",
    "spaced_letters", "md_html_comment", "md_link_comment", "translate_wrap",
))
# `127.0.0.1` and `0.0.0.0` spelt as the other special forms (only the loopback case): `0`, `127.1`, `[::]`.
LOOPBACK_EXTRA = {"ip_zero": "0", "ip_v6_any": "[::]", "ip_v6_loop": "[::1]", "localtest_me": "app.localtest.me"}
for _n, _h in LOOPBACK_EXTRA.items():
    TRANSFORMS[_n] = (lambda h: (lambda v, k: v.replace("127.0.0.1", h) if k == "url" and "127.0.0.1" in v else None))(_h)

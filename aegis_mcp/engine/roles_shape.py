"""Role inference, continued: what a value *is* by its shape alone, whatever argument carries it.

A command line (`cat ../../etc/shadow`, `ping -c 4 host; id`) under `input`, `run` or a key nobody
named; one path under a generic name; a one-word file name on a file tool. roles.infer_role asks
these when the argument's name says nothing about its value.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

PATH_SHAPE = regex.compile(
    r"^\s*(?:~|\.{1,2})?[/\\][^\s]*$|^\s*[A-Za-z]:[\\/]|(?:^|[/\\])\.\.(?:[/\\]|$)|^[\w.\-]+(?:/[\w.\-]+)+/?$"
)
DATE_SHAPE = regex.compile(r"^\s*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$")

# A command line by shape, whatever argument carries it (`helper(input="cat ../../etc/shadow")`,
# `{"step": {"run": "ping -c 4 host; id"}}`): a well-known program first, then argv-shaped words
# (options, paths, hosts, URLs) and no prose. "find the cheapest flight" starts with a program but
# continues in words; "ping example.org" or "cat ./notes/../../.ssh/id_rsa" do not.
_PROGRAMS = frozenset(
    "cat tac ls ll dir type more less head tail grep egrep fgrep rg find locate ping ping6 nslookup dig host whois traceroute "
    "tracert curl wget git svn cp mv rm rmdir mkdir touch chmod chown ln tar zip unzip gzip gunzip ssh scp sftp rsync nc ncat "
    "netcat socat telnet ftp python python2 python3 node perl ruby php bash sh zsh dash ksh pwsh powershell cmd docker kubectl "
    "npm npx pip pip3 make sed awk echo printf id whoami uname hostname ifconfig ip netstat ss ps kill pkill killall "
    "systemctl service env printenv export sleep crontab useradd usermod passwd sudo su openssl base64 xxd od strings "
    "certutil net reg wmic nmap mysql psql sqlite3 mongo redis-cli dd mkfs mount umount shutdown reboot eval exec source "
    "tee xargs nohup file stat du df lsof".split()
)
_ARGV_WORD = regex.compile(r"^(?:--?[A-Za-z]|[./~\\$%]|[A-Za-z]:[\\/]|[\w.\-]*[/\\]|[\w\-]+(?:\.[\w\-]+)+(?::\d+)?(?:[/?#]|$)|\w+://)|[;&|`<>]")
_CMD_LINE_MAX = 512
_SENTENCE_END = regex.compile(r"[A-Za-z]{2,}[.,]\s*$|[A-Za-z]{2,}, [a-z]")


def looks_like_command_line(value: str) -> bool:
    """A single line that reads as a command invocation: a known program, then argv-shaped words only."""
    if len(value) > _CMD_LINE_MAX or "\n" in value or " " not in value.strip():
        return False
    words = value.split()
    first = words[0].rsplit("/", 1)[-1].lower()
    rest = words[1:]
    if first == "sudo" and rest:
        first, rest = rest[0].rsplit("/", 1)[-1].lower(), rest[1:]
    if first not in _PROGRAMS or not rest or len(rest) > 40:
        return False
    if value.rstrip()[-1:] in "?!" or _SENTENCE_END.search(value) is not None:
        return False  # a question or a sentence (`git add .` ends in a path, not a full stop)
    numbers = sum(1 for w in rest if w.isdigit())
    argv = sum(1 for w in rest if not w.isdigit() and _ARGV_WORD.search(w) is not None)
    # at least one option, path, host or operator (a number alone is prose's too: "type 2 diabetes"),
    # and no more plain words than argv-shaped ones (`git clone https://… project`, `tar -xzf a.tgz -C
    # out`): prose has a majority of plain words
    return argv >= 1 and (argv + numbers) * 2 >= len(rest)


# Names that say nothing about what their value is (`input`, `payload`, `value`, `run`): the value's
# shape decides (a path, a command line), as for an unnamed value.
SHAPELESS_NAMES = frozenset("input inputs value values arg args argument payload data request run step line item raw".split())


def path_only(value: str) -> bool:
    """The whole value is one path (no spaces, a separator, the path shape; not a date like 2024/05/01)."""
    v = value.strip()
    return (0 < len(v) <= 1024 and " " not in v and ("/" in v or "\\" in v) and "://" not in v[:24]
            and PATH_SHAPE.search(v) is not None and DATE_SHAPE.search(v[:64]) is None)


def one_word_name(value: str) -> bool:
    """One short word with a path character (`/etc/x`, `..%5c..%5cboot.ini`, `data.php`): a file name."""
    v = value.strip()
    return 0 < len(v) <= 256 and " " not in v and "\n" not in v and not PATH_CHARS.isdisjoint(v) and "://" not in v[:24]


WRITING = frozenset("write save create append put upload edit patch insert update".split())
PATH_CHARS = frozenset("/\\.%")

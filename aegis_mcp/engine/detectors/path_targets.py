"""What a path points at: credential stores, private keys, system secrets, server configs and logs, by path component.

Patterns read a normalised path: lower-case, '/' separators, leading '/' added when the
path is rooted, so `/home/deploy/.ssh/id_ed25519`, `C:\\Windows\\repair\\SAM` and
`..%2f..%2fetc%2fshadow` all reach the same rule. A path that merely *mentions* a word
("rules/aws.yml", "docs/passwd.md") is not a target: rules match whole components.
"""

from __future__ import annotations

import functools

from aegis_mcp.engine import regex

# (rule, pattern). CRITICAL tier: reading it hands over a credential or key outright.
_CRITICAL = [
    ("shadow", r"(?:^|/)etc/(?:shadow|gshadow|master\.passwd|security/opasswd)(?:[-.]\w*)?$"),
    ("shadow", r"(?:^|/)var/db/shadow/"),  # macOS password hashes
    ("ssh_private_key", r"(?:^|/)\.ssh/(?:id_[a-z0-9_]+|identity)$"),
    ("ssh_private_key", r"(?:^|/)(?:id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?|[\w.-]*_(?:rsa|ed25519)_key)$"),
    ("ssh_host_key", r"(?:^|/)etc/ssh/ssh_host_[a-z0-9_]+_key$"),
    ("cloud_credentials", r"(?:^|/)\.aws/(?:credentials|config)$"),
    ("cloud_credentials", r"(?:^|/)\.config/gcloud/(?:[^/]+/)*(?:credentials\.db|access_tokens\.db|application_default_credentials\.json|legacy_credentials|[^/]*\.json)$"),
    ("cloud_credentials", r"(?:^|/)\.azure/(?:accesstokens\.json|msal_token_cache\.(?:json|bin)|azureprofile\.json|service_principal_entries\.json)$"),
    ("cloud_credentials", r"(?:^|/)\.kube/config$|(?:^|/)etc/kubernetes/(?:admin|kubelet|controller-manager|scheduler)\.conf$"),
    ("cloud_credentials", r"(?:^|/)\.docker/config\.json$|(?:^|/)\.vault-token$|(?:^|/)\.terraform\.d/credentials\.tfrc\.json$"),
    ("cloud_credentials", r"(?:^|/)\.oci/config$|(?:^|/)\.config/doctl/config\.yaml$|(?:^|/)\.config/gh/hosts\.yml$"),
    ("credentials_file", r"(?:^|/)(?:\.git-credentials|\.netrc|_netrc|\.pgpass|\.my\.cnf|\.npmrc|\.pypirc|\.htpasswd|\.s3cfg|\.boto|\.esmtprc|\.fetchmailrc)$"),
    ("process_environ", r"(?:^|/)proc/(?:self|\d+|thread-self|\*)/(?:task/\d+/)?(?:environ|mem|cmdline)$"),
    ("keychain", r"(?:^|/)library/keychains/|(?:^|/)[\w.-]+\.keychain(?:-db)?$|(?:^|/)\.gnupg/(?:private-keys-v1\.d|secring\.gpg)"),
    ("browser_credentials", r"(?:^|/)(?:logins\.json|key[34]\.db|login data|cookies(?:\.sqlite)?|web data)$"),
    ("windows_hive", r"(?:^|/)(?:system32/config|repair)/(?:sam|system|security|software)(?:\.bak|\.sav)?$"),
    ("windows_hive", r"(?:^|/)windows/(?:panther/(?:unattend(?:ed)?\.xml|setupinfo(?:\.bak)?)|system32/sysprep/[^/]*)$"),
    ("password_store", r"(?:^|/)[^/]+\.(?:kdbx|kdb|keystore|jks|p12|pfx|ppk)$"),
    # Tool credential files beyond the classics, keyrings, and wallets (a wallet file *is* the money)
    ("credentials_file", r"(?:^|/)\.config/git/credentials$|(?:^|/)\.cargo/credentials(?:\.toml)?$|(?:^|/)\.config/hub$|(?:^|/)\.terraformrc$"
                         r"|(?:^|/)\.config/rclone/rclone\.conf$|(?:^|/)config/master\.key$"),
    ("keychain", r"(?:^|/)\.password-store/|(?:^|/)\.local/share/keyrings/|(?:^|/)cookies\.binarycookies$"),
    ("credentials_file", r"(?:^|/)jenkins/(?:secrets/|credentials\.xml$)|(?:^|/)secrets?/[^/]*\.(?:key|pem|p12|pfx|jks)$|(?:^|/)hudson\.util\.secret$"),
    ("crypto_wallet", r"(?:^|/)wallet\.dat$|(?:^|/)\.electrum/wallets/|(?:^|/)\.ethereum/keystore/|(?:^|/)\.config/solana/id\.json$"),
    # Windows' own credential stores (DPAPI-protected blobs, the vault), however the profile is spelled
    ("windows_credentials", r"(?:^|/)microsoft/(?:credentials|protect|vault)(?:/|$)|(?:^|/)(?:%appdata%|%localappdata%|appdata/(?:roaming|local))/microsoft/(?:credentials|protect|vault)"),
]

# HIGH tier: system or server files an agent rarely needs, the usual targets of LFI.
_HIGH = [
    ("passwd", r"(?:^|/)etc/(?:passwd|group|sudoers(?:\.d/.*)?)$"),
    ("private_key_file", r"(?:^|/)[^/]*(?:private|priv|secret)[^/]*\.(?:pem|key)$|(?:^|/)(?:server|client|tls|ssl|privkey|key)\.(?:pem|key)$"),
    ("dotenv", r"(?:^|/)\.env(?:\.[\w-]+)?$"),
    ("secrets_config", r"(?:^|/)(?:wp-config\.php|config\.inc\.php|localsettings\.php|settings\.php|web\.config|database\.yml|secrets\.ya?ml|credentials\.json|tomcat-users\.xml|server\.xml|context\.xml|\.htaccess|\.user\.ini|my\.(?:cnf|ini)|php\.ini|httpd\.conf|apache2?\.conf|nginx\.conf|lighttpd\.conf|proftpd\.conf|pure-ftpd\.conf|vsftpd\.conf|sshd_config|shadow\.bak|passwd\.bak)$"),
    ("shell_history", r"(?:^|/)\.(?:bash_history|zsh_history|sh_history|history|mysql_history|psql_history|python_history|node_repl_history|viminfo|lesshst)$"),
    ("shell_profile", r"(?:^|/)\.(?:bashrc|bash_profile|bash_login|bash_logout|profile|zshrc|zprofile|zshenv|zlogin|kshrc|cshrc|tcshrc|login)$|(?:^|/)\.config/fish/config\.fish$"),
    ("ssh_config", r"(?:^|/)\.ssh/(?:authorized_keys2?|known_hosts|config)$|(?:^|/)\.ssh/?$"),
    ("system_dir", r"^/(?:etc|root|boot|proc|sys|var/log|var/adm|var/mail|var/spool|var/lib/(?:php|mysql|pgsql|postgresql|docker|kubelet)|var/run/secrets|run/secrets|private/etc|private/var/log)(?:/|$)"),
    # Windows: the system's and the server software's own folders, the profiles, and files at a drive's
    # root (`C:/boot.ini`, `C:/pagefile.sys`); not a team's own top-level folder (`C:/Logs`, `D:/Projects`)
    ("system_dir", r"^/?[a-z]:/(?:windows|winnt|system32|syswow64|program ?files(?: ?\(x86\))?|program|programdata|system volume information|system|minint|\$recycle\.bin"
                   r"|boot|recovery|inetpub|xampp|wamp|perflogs|documents and settings|users|config\.msi)(?:/|$)|^/?[a-z]:/[^/]+\.[a-z0-9]{1,4}$"),
    ("server_logs", r"(?:^|/)(?:access|error|ssl_access|ssl_error|access_log|error_log)(?:[._]log)?(?:\.\d+)?$|^/(?:[^/]+/)*logs?/[^/]+\.(?:log|err|errs)$|^/.*\.err$"),
    ("windows_system", r"(?:^|/)(?:win\.ini|system\.ini|boot\.ini|autoexec\.bat|config\.sys|unattend(?:ed)?\.xml|sysprep\.(?:xml|inf)|php\.ini|hosts\.ics)$|^/?(?:[a-z]:/?)?(?:windows|winnt)/"),
    ("web_root", r"^/(?:var/www|srv/www)(?:/|$)"),
    ("server_install", r"^/(?:usr/local/apache\d?|usr/local/httpd|usr/local/etc|opt/lampp|xampp|program files)(?:/|$)|^/(?:[a-z]:/)?(?:xampp|wamp|appserv|inetpub|apache\d?|mysql|php\d?)/|^[a-z]:/(?:xampp|wamp|appserv|inetpub|apache\d?|mysql|php\d?)/"),
    ("php_session", r"(?:^|/)sess_[\w<>-]+$"),
    # (a project's own `logs/app.log` is read by developers every day: only rooted log paths count)
    ("server_logs", r"^/(?:[^/]+/)*logs?/[^/]*log[^/]*$|^/(?:var|usr/local|opt|srv)/(?:[^/]+/)*[^/]+\.log(?:\.\d+)?$"),
    ("credentials_file", r"(?:^|/)(?:master\.passwd|\.passwd|passwd\.txt|\.forward|\.xauthority|\.rhosts|\.shosts|ftpusers|pureftpd\.pdb)$"),
    ("web_root", r"^/library/webserver/"),
    # Web-application files that hold database credentials: config/db connection scripts of
    # PHP/ASP apps (wp-config.php, configuration.php, db.php, inc/mysql.php, ...). Front-end
    # configs (config.js, config.json) and ordinary pages (install.php, wp-login.php) are not.
    ("app_credentials", r"(?:^|/)[\w-]*(?:config(?:uration)?|settings|db|dbase|database|dbconn(?:ect)?|conn(?:ect(?:ion)?)?|mysqli?|users\.db)(?:\.inc)?\.(?:php\d?|asp|aspx|inc)$"),
    # Node/TypeScript database configs and ORM connection files (`config/database.js`,
    # `knexfile.js`, `ormconfig.json`): connection strings with the password, like db.php.
    ("app_credentials", r"(?:^|/)(?:database|dbconfig|db[-_]config|knexfile|ormconfig|sequelize[-_]?config)\.(?:js|cjs|mjs|ts|json)$"),
    # Server configs with a backup or alternate suffix (`httpd.conf.default`, `wp-config.php.bak`).
    ("secrets_config", r"(?:^|/)(?:httpd\.conf|apache2?\.conf|nginx\.conf|php\.ini|my\.cnf|sshd_config|wp-config\.php|\.env|web\.config)\.[\w~-]+$"),
    # Password lists: `.pass`, `passwd.dat`, `passwords.txt` (a bare `passwd` is also a program).
    ("password_list", r"(?:^|/)(?:\.pass(?:wd|words?)?|pass(?:wd|words?)?\.(?:dat|txt|bak|old|db|lst|csv))$"),
    # Logs an attacker poisons or reads: legacy system log locations and log files without an extension.
    ("server_logs", r"^/(?:var|usr/spool|usr/adm|var/adm|usr/lib/cron|var/saf)/(?:[^/]+/)*(?:_?log|logs|syslog|[\w-]*(?:access|error)_?log)$|^/var/[^/]+/logs?/|(?:^|/)(?:access|error)_?log$"),
    ("login_records", r"(?:^|/)(?:utmp|wtmp|btmp|lastlog|faillog)$|(?:^|/)(?:mlocate|locate)\.?db$"),
    ("system_dir", r"^/var/(?:cpanel|lib/mlocate|db/sudo)(?:/|$)"),
    # Build-tool and app configs that carry tokens or passwords; cloud service-account key files;
    # chat apps' local token stores
    ("app_tokens", r"(?:^|/)\.m2/settings\.xml$|(?:^|/)\.gradle/gradle\.properties$|(?:^|/)\.yarnrc\.yml$|(?:^|/)credentials\.yml\.enc$"
                   r"|(?:^|/)(?:service[-_]?account(?:[-_]key)?|sa[-_]key|gcp[-_](?:sa[-_])?key|[\w.-]*firebase-adminsdk-[\w-]+)\.json$"
                   r"|(?:^|/)(?:discord|slack)/(?:local storage|cookies)(?:/|$)"),
    # Infrastructure state and cluster secrets: terraform state holds every resource's secrets in
    # plain text; a pod's service-account token is the cluster credential.
    ("infra_state", r"(?:^|/)[^/]*\.tfstate(?:\.backup)?$|(?:^|/)serviceaccount/token$"),
]

CRITICAL_TARGETS = regex.PatternSet(_CRITICAL)
# Both tiers in one set (one RE2 call per path); names carry the tier.
_ALL_TARGETS = regex.PatternSet([("critical:" + n, p) for n, p in _CRITICAL] + [("high:" + n, p) for n, p in _HIGH])

# Writing to one of these is persistence or privilege escalation, whatever the tool.
PERSISTENCE_TARGETS = regex.compile(
    r"(?:^|/)(?:\.ssh/authorized_keys2?|\.(?:bashrc|bash_profile|profile|zshrc|zprofile|bash_login|zshenv|zlogin|kshrc|cshrc|tcshrc)|\.config/fish/config\.fish|etc/(?:crontab|cron\.d/.*|sudoers(?:\.d/.*)?|passwd|shadow|profile(?:\.d/.*)?|rc\.local|ld\.so\.preload|systemd/system/.*)|var/spool/cron/.*|library/launch(?:agents|daemons)/.*)$"
)


# Templates that hold names but no values (`.env.example`): under the dotenv rule, nothing secret.
_TEMPLATE_SUFFIXES = (".example", ".sample", ".template", ".dist", ".tmpl")
# A Windows user's own document folders: not a system directory. (Not the desktop: `desktop.ini`
# and friends are profile configuration, a classic LFI probe.)
_WIN_USER_DOCS = regex.compile(r"^/?[a-z]:/users/[^/]+/(?:documents|downloads|pictures|music|videos|source|projects|repos)/")
# A document at the top of a user's own profile (`C:/Users/dev/notes.txt`), by its kind: not the
# profile's own configuration (ntuser.dat, desktop.ini, dot-folders) nor a shared or admin profile.
_WIN_PROFILE_DOC = regex.compile(
    r"^/?[a-z]:/users/([^/]+)/[^/.][^/]*\.(?:txt|md|rst|csv|tsv|pdf|docx?|xlsx?|pptx?|odt|rtf|py|ipynb|js|ts|java|go|rs|c|cpp|h|html?|png|jpe?g|gif|svg)$")
_SHARED_PROFILES = frozenset({"default", "default user", "all users", "public", "administrator"})


_PATH_ARG_NAMES = frozenset("path file filepath file_path filename file_name fullpath full_path".split())
_LOCAL_FILE_URL = regex.compile(r"(?i)^\s*file:///[^/\\]")  # no host (not `file:////host/share`, `file://evil/`)


def local_file_url_as_path(name: str, value: str) -> bool:
    """A path argument spelled as a host-less file: URL (`path="file:///home/me/x.py"`): that path, nothing fetched."""
    return name.lower() in _PATH_ARG_NAMES and value[:12].lower().lstrip().startswith("file:///") \
        and _LOCAL_FILE_URL.search(value) is not None


def classify(norm_path: str) -> tuple[str, str] | None:
    """("critical"|"high", rule) for a sensitive target, else None. `norm_path` as described above.

    Short paths are answered once (a pure function of the string; the same targets recur)."""
    return _classify_memo(norm_path) if len(norm_path) <= 256 else _classify(norm_path)


def _classify(norm_path: str) -> tuple[str, str] | None:
    hits = _ALL_TARGETS.matches(norm_path)
    if not hits:
        return None
    if hits[0].startswith("high:") and _benign_broad(norm_path, hits):
        return None
    # Critical patterns come first. Among the rest, a specific target (a credentials file)
    # outranks a broad location (a web root, a server install tree) it happens to sit in.
    best = hits[0]
    if best.startswith("high:"):
        best = next((h for h in hits if h not in _BROAD), best)
    tier, rule = best.split(":", 1)
    return tier, rule


_BROAD = frozenset({"high:web_root", "high:server_install", "high:system_dir"})


# World-readable facts a program reads to adapt itself to the machine (time zone, locale, host
# name and hosts table, OS release): reading one directly (`cat /etc/timezone`, `read_file
# /etc/hosts`) was a false alarm under the broad /etc rule. Only a direct read is spared
# (paths.py): a traversal to one, or one requested through a web server's URL, is still judged.
PUBLIC_SYSTEM_INFO = regex.compile(
    r"^/etc/(?:hosts|hostname|timezone|localtime|os-release|lsb-release|debian_version|redhat-release|system-release"
    r"|locale\.conf|locale\.gen|default/locale|papersize|machine-info|vconsole\.conf|adjtime|mime\.types)$"
    # resource facts programs size themselves by (not the kernel version: that picks an exploit)
    r"|^/proc/(?:cpuinfo|meminfo|loadavg|uptime)$"
)


def _benign_broad(norm_path: str, hits: list[str]) -> bool:
    """Only broad rules hit, and the path is a template or a user's document."""
    if norm_path.endswith(_TEMPLATE_SUFFIXES) and norm_path.rsplit("/", 1)[-1].startswith(".env") \
            and all(h in ("high:dotenv", "high:secrets_config") for h in hits):
        return True
    if not all(h == "high:system_dir" for h in hits):
        return False
    if _WIN_USER_DOCS.search(norm_path) is not None:
        return True
    m = _WIN_PROFILE_DOC.search(norm_path)
    return m is not None and m.group(1) not in _SHARED_PROFILES


_classify_memo = functools.lru_cache(maxsize=8192)(_classify)

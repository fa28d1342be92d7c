"""Shell line rules about data: wiping data stores and tearing infrastructure down, reading credential stores.

Two whole-line patterns shell_host reports (each HIGH as a command of its own, CRITICAL when
smuggled into a value that is not a command), kept apart so shell_host stays small.
"""

from __future__ import annotations

from aegis_mcp.engine import regex

# Wiping a data store outright: every key of a Redis, a whole database, every container volume,
# a directory moved into /dev/null, a cloud table/bucket/cluster removed. Honest uses exist (a dev
# box's cache), so a human looks.
DATA_WIPE = regex.compile(
    r"(?i)\bredis-cli\b[^|;&\n]*\b(?:flushall|flushdb)\b|^\s*(?:flushall|flushdb)\s*$|\bredis\.call\(\s*['\"](?:flushall|flushdb)"
    r"|^\s*config\s+set\s+(?:dir|dbfilename)\s|\bredis-cli\b[^|;&\n]*\bconfig\s+set\s+(?:dir|dbfilename)\s|\.dropDatabase\s*\(|\bdb\.(?:getCollection\([^)]*\)|\w+)\.drop\s*\(\s*\)|\.(?:deleteMany|remove)\s*\(\s*\{\s*\}\s*\)|\bdropdb\s+(?:-\S+\s+)*[a-z]"
    r"|\b(?:docker|podman)\s+system\s+prune\b[^|;&\n]*--volumes|\b(?:docker|podman)\s+volume\s+(?:prune|rm)\b"
    r"|\bmv\s+(?:-\S+\s+)*\S+\s+/dev/null\b"
    r"|\baws\s+(?:dynamodb\s+delete-table|s3api\s+delete-bucket|eks\s+delete-cluster|rds\s+delete-db-cluster|iam\s+delete-(?:user|role)\b)"
    r"|\bheroku\s+apps:destroy\b|\bdoctl\s+(?:databases|compute\s+droplet|kubernetes\s+cluster|projects|apps)\s+delete\b"
    r"|\bfly(?:ctl)?\s+(?:apps\s+destroy|destroy)\b|\bvercel\s+(?:remove|rm)\b[^|;&\n]*--yes|\bnetlify\s+sites:delete\b|\bfirebase\s+firestore:delete\b[^|;&\n]*--all-collections|\bhelm\s+uninstall\b[^|;&\n]*--all"
    r"|\bkubectl\s+delete\s+(?:-\S+\s+)*(?:pvc|pv|persistentvolumes?|persistentvolumeclaims?|deployments?|statefulsets?|all)\b[^|;&\n]*--all\b"
    # infrastructure torn down in one go, and volumes / pools / whole disks
    r"|\bhelm\s+(?:delete|uninstall)\s+(?:-\S+\s+)*[a-z0-9]|\bterraform\s+apply\b[^|;&\n]*\s-destroy\b|\bpulumi\s+destroy\b|\bcdk\s+destroy\b"
    r"|\baz\s+(?:group|aks|cosmosdb|storage\s+(?:account|container)|redis|sql\s+(?:server|db)|(?:postgres|mysql)\s+(?:flexible-)?server|webapp|functionapp|keyvault|acr|vmss)\s+delete\b|\bzfs\s+destroy\b|\b(?:lv|vg|pv)remove\b|\bdiskpart\b|\bcipher\s+/w"
    r"|\bgit\s+push\s+(?:-\S+\s+)*\S+\s+(?:--delete\s+|:)(?:main|master|prod|production|release|trunk|develop)\b"
    r"|\bgit\s+filter-(?:branch|repo)\b[^|;&\n]*--force|\bnpm\s+unpublish\b[^|;&\n]*--force"
    r"|\b(?:docker|podman)\s+(?:rm|rmi|volume\s+rm)\s+(?:-\S+\s+)*\$\((?:docker|podman)\s+[\w\s-]*\s-\w*q"
)


# Credential stores read by their own tools rather than `cat`: the macOS keychain, a cluster's
# secrets decoded, a browser's password/cookie database opened with sqlite3, Windows' vault.
CRED_STORE_READ = regex.compile(
    r"(?i)\bsecurity\s+(?:dump-keychain|find-(?:generic|internet)-password\b[^|;&\n]*\s-[a-z]*[wg])"
    r"|\bkubectl\s+get\s+secrets?\b[^|;&\n]*(?:-o\s*=?\s*(?:yaml|json|jsonpath|go-template)|--output)"
    r"|\bsqlite3\b[^|;&\n]*(?:login\\?\s?data|cookies(?:\.sqlite)?|logins\.json|key[34]\.db|web\\?\s?data)"
    r"|\bcmdkey\s+/list\b|\bvaultcmd\s+/list(?:creds|properties)?\b"
    # private keys exported, the file system swept for key files, secrets grepped out of history or
    # container configs, a secret variable printed, Windows autologon passwords
    r"|\bgpg\b[^|;&\n]*--export-secret-(?:keys|subkeys)\b"
    r"|\bfind\s+(?:/|~|\$HOME|/home|/root|/etc)/?\s[^|;&\n]*-i?name\s+['\"]?\*?(?:id_(?:rsa|dsa|ecdsa|ed25519)|\*?\.(?:pem|key|kdbx|pfx|p12|ppk)\b|\.env\b|credentials\b|\.git-credentials|\.netrc)"
    r"|\b(?:history|docker\s+inspect|kubectl\s+describe|cat\s+\S*_history)\b[^;&\n]*\|\s*(?:grep|egrep|rg|findstr)\b[^|;&\n]*(?:pass|secret|token|apikey|api_key)"
    r"|\b(?:echo|printf)\b[^|;&\n]*\$\{?[A-Za-z0-9_]*(?:SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY|ACCESS_KEY)"
    r"|\breg(?:\.exe)?\s+query\b[^|;&\n]*\\winlogon\b|\breg(?:\.exe)?\s+query\b[^|;&\n]*/f\s+password\b"
)

"""Provider keyword next to a token: the gitleaks-style rule for keys with no format of their own.

Most SaaS keys are just 16-64 random characters (hex, a UUID, base62); what marks them is the
provider's name a few characters before (`cloudsmith 1234…`, `wandb = "…"`, `MAILJET_SECRET: …`).
The vendor list is a broad list of SaaS / cloud / API providers written from general knowledge
(the names real scanners key on), not any corpus. Words that are also ordinary English ("box",
"square", "segment", "front", "linear") are left out. A match is a "weak" finding: HIGH
(pending) when it leaves the machine or is published, MEDIUM otherwise -- never CRITICAL on its
own, since a demo value next to a vendor name reads exactly like a real one.
Rejected: identifiers the provider makes public (`client_id`, `app_id`, user, account, org,
domain, URL, region, project), digests of a commit/build, placeholders and filler
(`xxxx…`, `aaaa…`), values that run on into a domain, a path or an address.
"""

from __future__ import annotations


VENDORS = (
    # cloud, hosting, CDN
    "aws", "azure", "gcp", "alibaba", "aliyun", "tencentcloud", "digitalocean", "linode", "vultr", "hetzner",
    "scaleway", "upcloud", "ovh", "cloudflare", "fastly", "akamai", "netlify", "vercel", "heroku", "flyio",
    "koyeb", "backblaze", "wasabi", "bunnycdn", "cloudinary", "imgix", "uploadcare", "filestack",
    # dev tools, CI, registries
    "github", "gitlab", "bitbucket", "gitea", "circleci", "travis", "appveyor", "buildkite", "bitrise", "codemagic",
    "teamcity", "jenkins", "droneci", "codacy", "codecov", "coveralls", "codeclimate", "sonarcloud", "sonarqube",
    "snyk", "jfrog", "artifactory", "cloudsmith", "packagecloud", "gemfury", "sonatype", "npm", "pypi", "rubygems",
    "nuget", "clojars", "dockerhub", "quay", "postman", "rapidapi", "sourcegraph", "gitguardian", "doppler",
    "hashicorp", "terraform", "pulumi", "infisical", "launchdarkly", "flagsmith", "configcat", "statsig",
    "optimizely", "prefect", "dagster", "airbyte", "fivetran", "databricks", "snowflake", "confluent",
    "planetscale", "pscale", "supabase", "firebase", "mongodb", "redislabs", "upstash",
    "algolia", "meilisearch", "typesense", "elasticcloud", "pinecone", "weaviate", "qdrant",
    # observability
    "datadog", "newrelic", "sentry", "rollbar", "bugsnag", "honeybadger", "raygun", "airbrake", "logrocket",
    "loggly", "papertrail", "sumologic", "splunk", "dynatrace", "grafana", "honeycomb", "lightstep", "opsgenie",
    "pagerduty", "statuspage", "pingdom", "uptimerobot", "betteruptime", "logdna", "mezmo", "instana",
    "blazemeter", "runscope", "newrelic", "posthog", "mixpanel", "amplitude", "fullstory", "hotjar",
    "heapanalytics", "kissmetrics", "chartmogul", "baremetrics", "profitwell",
    # AI
    "openai", "anthropic", "cohere", "huggingface", "replicateapi", "mistralai", "groq", "perplexity", "deepgram",
    "assemblyai", "elevenlabs", "deepl", "wandb", "weightsandbiases", "stabilityai", "anyscale",
    "tavily", "serpapi", "zenrows", "scraperapi", "scrapingbee", "apify", "browserless", "browserstack",
    "saucelabs", "lambdatest",
    # comms, mail, messaging
    "slack", "discord", "telegram", "twilio", "nexmo", "vonage", "plivo", "sinch", "telnyx", "messagebird",
    "clicksend", "textmagic", "bandwidth", "sendgrid", "mailgun", "mailjet", "mailchimp", "mandrill", "postmark",
    "sparkpost", "sendinblue", "brevo", "mailerlite", "convertkit", "klaviyo", "customerio", "iterable", "braze",
    "onesignal", "pushover", "pushbullet", "pusher", "ably", "pubnub", "sendbird", "getstream",
    "intercom", "zendesk", "freshdesk", "freshservice", "helpscout", "gorgias", "kustomer", "livechat", "tawk",
    "crisp", "olark", "nicereply", "surveymonkey", "typeform", "jotform", "qualtrics", "calendly", "zoom",
    "ringcentral", "aircall", "dialpad", "mattermost", "rocketchat", "gitter", "webex",
    # productivity, CRM, PM
    "asana", "trello", "jira", "atlassian", "confluence", "clickup", "wrike", "basecamp", "shortcut",
    "clubhouse", "pivotaltracker", "airtable", "smartsheet", "dropbox", "figma", "miro", "canva",
    "hubspot", "salesforce", "pipedrive", "zoho", "freshsales", "insightly", "centralstationcrm", "agilecrm",
    "zoominfo", "clearbit", "fullcontact", "salesloft", "gong", "toggl", "clockify", "everhour",
    "tmetric", "harvestapp", "myintervals", "hiveage", "freshbooks", "quickbooks", "xero", "invoiced",
    "docusign", "hellosign", "pandadoc", "contentful", "contentstack", "storyblok", "prismic", "strapi",
    "wordpress", "wpengine", "webflow", "shopify", "bigcommerce", "woocommerce", "etsy", "ebay", "gumroad",
    "lokalise", "crowdin", "transifex", "smartling", "noticeable", "beamer", "parseur", "docparser", "zapier",
    "ifttt", "integromat", "pipedream",
    # payments, finance, crypto
    "stripe", "paypal", "braintree", "adyen", "squareup", "razorpay", "paystack", "flutterwave", "mollie",
    "klarna", "plaid", "finicity", "gocardless", "coinbase", "binance", "kraken", "kucoin", "bitfinex",
    "bittrex", "etherscan", "infura", "moralis", "alchemyapi", "pinata", "coinmarketcap", "coingecko",
    "alphavantage", "finnhub", "iexcloud", "polygonio", "twelvedata", "tiingo", "marketstack", "quandl",
    "fastforex", "currencylayer", "exchangerate", "openexchangerates", "fixerio", "theoddsapi",
    # data APIs: maps, weather, lookup, misc
    "mapbox", "graphhopper", "tomtom", "mapquest", "opencage", "geocodio", "positionstack", "ipinfo", "ipstack",
    "ipgeolocation", "abstractapi", "apilayer", "openweather", "openweathermap", "owm", "pyowm", "weatherstack",
    "weatherapi", "accuweather", "calendarific", "holidayapi", "newsapi", "mediastack", "nytimes", "uclassify",
    "restpack", "zerobounce", "neverbounce", "kickbox", "mailboxlayer", "emailable", "findl",
    "spotify", "twitch", "twitter", "facebook", "instagram", "linkedin", "pinterest", "reddit", "youtube",
    "tiktok", "flickr", "vimeo", "giphy", "unsplash", "bitly", "rebrandly", "eventbrite", "meetup", "yelp",
    "foursquare", "tripadvisor", "duffel", "amadeus", "skyscanner", "easypost", "shippo", "shipstation",
    "aftership", "okta", "auth0", "onelogin", "jumpcloud", "keycloak", "cognito",
    "stytch", "tailscale", "ngrok", "zerotier", "adobe", "adafruit", "yandex", "baidu", "naver", "kakao",
    "wechat", "buddyns", "supernotes", "anypoint", "mulesoft",
)

# Qualifiers that say the value is something the provider makes public or an id of a thing.
_PUBLIC_WORDS = ("id", "ids", "user", "username", "usr", "login", "account", "acct", "org", "organization", "tenant",
                 "domain", "url", "uri", "host", "hostname", "endpoint", "region", "zone", "project", "email", "mail",
                 "name", "version", "commit", "sha", "hash", "build", "run", "issue", "pr", "tag", "release",
                 "channel", "model", "bucket", "repo", "path", "file", "port", "number", "phone", "site", "page",
                 "public", "pub", "publishable")
_SECRET_WORDS = ("key", "token", "secret", "pass", "password", "passwd", "pwd", "auth", "access", "api", "apikey",
                 "private", "priv", "credential", "cred", "pat", "sk", "bearer")


def _words(qualifier: str) -> list[str]:
    """Lower-case words of a qualifier (`_access_KEY`, `ClientId`, ` foo SECRET bar`)."""
    out: list[str] = []
    cur = ""
    prev_lower = False
    for ch in qualifier[:40]:
        if not ch.isalnum():
            if cur:
                out.append(cur.lower())
            cur, prev_lower = "", False
            continue
        if ch.isupper() and prev_lower and cur:
            out.append(cur.lower())  # camelCase boundary
            cur = ""
        cur += ch
        prev_lower = ch.islower()
    if cur:
        out.append(cur.lower())
    return out


def _wordy(seg: str) -> bool:
    if not seg.isalpha():
        return False
    low = seg.lower()
    return len(seg) <= 3 or low in _SECRET_WORDS or any(low.startswith(w) for w in _SECRET_WORDS if len(w) >= 4) or (
        len(seg) >= 4 and sum(ch in "aeiou" for ch in low) / len(seg) >= 0.3 and len(seg) <= 12)


def _strip_lead(value: str) -> tuple[str, str]:
    """Leading word segments of a value (`access_key_X-abcd…` -> ('access_key_X', 'abcd…'))."""
    i = 0
    words = ""
    while i < len(value):
        j = i
        while j < len(value) and value[j] not in "-_":
            j += 1
        seg = value[i:j]
        if j >= len(value) or not _wordy(seg):
            break
        words += value[i:j + 1]
        i = j + 1
    return words, value[i:]


def vendor_value_ok(vendor: str, qualifier: str, value: str, after: str) -> str:
    """The token part of `value` if the vendor-keyed match is plausibly a key, else ''."""
    # (imported here: secrets_validate imports secrets_rules, which imports this module's pattern)
    from aegis_mcp.engine.detectors.secrets_validate import _classes, is_placeholder

    if after[:1] in ("/", "@") or (after[:1] == "." and after[1:2].isalnum()):
        return ""  # runs on into a path, an address, a domain
    lead, token = _strip_lead(value.lstrip("-_"))
    q = _words(qualifier + " " + lead.replace("_", " ").replace("-", " "))
    if any(w in _PUBLIC_WORDS for w in q) or qualifier.lower().endswith(("id", "_id", "-id")):
        return ""
    keyed = any(w in _SECRET_WORDS or w.endswith(("key", "token", "secret")) for w in q)
    token = token.rstrip("-_")
    n = len(token)
    if not 10 <= n <= 100 or is_placeholder(token):
        return ""
    if "xxxx" in token.lower() or "****" in token:
        return ""
    lo, up, di, _ = _classes(token.replace("-", "").replace("_", ""))
    if di and not (lo or up):
        return token if keyed and n >= 12 else ""  # bare numbers are ids unless named a key
    if not di:
        letters = token.replace("-", "").replace("_", "")
        if n < 16 or (not keyed and n < 24) or not (lo and up or n >= 24):
            return ""
        if sum(ch in "aeiouAEIOU" for ch in letters) / len(letters) >= 0.35:
            return ""  # words, not a key
    segs = token.replace("-", "_").split("_")
    if len(segs) > 1 and all(_wordy(s) or s.isdigit() for s in segs):
        return ""  # `web-dashboard-7`: a name
    return token


_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_GLUE = frozenset(" \t\"'`=:>.[]")


def vendor_token(text: str, vendor_end: int) -> tuple[int, str] | None:
    """(start, token) of the key after a vendor name ending at `vendor_end`, else None.

    The runs of token characters after the name are tried in turn (at most four, within 60
    characters): the text before a run is its qualifier (`_access_key_X-`, ` foo SECRET bar `),
    so `shortcut-SECRET-tok 1a2b…` finds `1a2b…` after rejecting `SECRET-tok`."""
    window = text[vendor_end:vendor_end + 190]
    i = 0
    tried = 0
    while i < len(window) and i <= 60 and tried < 4:
        if window[i] in _RUN_CHARS:
            j = i
            while j < len(window) and window[j] in _RUN_CHARS:
                j += 1
            tried += 1
            if j - i >= 10:
                token = vendor_value_ok("", window[:i], window[i:j], window[j:j + 2])
                if token:
                    return vendor_end + i + window[i:j].find(token), token
            i = j
        elif window[i] in _GLUE:
            i += 1
        else:
            return None  # a sentence, a URL, a bracket: not `vendor <binding> token`
    return None


def _alternation() -> str:
    names = sorted(set(VENDORS), key=len, reverse=True)
    return "|".join(n.replace(".", r"\.") for n in names)


# group 1 the vendor, 2 the qualifier, 3 the value. The qualifier is glued to the vendor or
# spaced (`holisticACCESS`, `_api_key`, ` foo SECRET bar`); the binding is `=`, `:`, `=>` or
# whitespace; RE2 has no lookahead, so the right edge is checked in vendor_value_ok.
VENDOR_PATTERN = (
    r"(?i)(?:^|[^A-Za-z0-9])(" + _alternation() + r")([A-Za-z0-9_.\- ]{0,24}?)"
    r"(?:[\"'\]]{0,2}[ \t]*(?:=>|:=|[:=])[ \t]*|[ \t]+|[_\-])[\"'`]?([A-Za-z0-9][A-Za-z0-9_\-]{9,120})"
)
# the rule's pre-filter, a superset of what vendor_token accepts: a vendor name at a word start,
# then on the same line a token run holding a digit, or one of 16+ characters (no key is shorter
# than 10, and a letters-only key must be 16+). Most prose naming a vendor ("npm install …") fails it.
_GATE_HEAD = r"(?i)(?:^|[^A-Za-z0-9])"
_GATE_TAIL = r"[^\n]{0,80}?(?:[A-Za-z_\-]*[0-9][A-Za-z0-9_\-]{3}|[A-Za-z0-9_\-]{16})"
VENDOR_GATE_PATTERN = _GATE_HEAD + "(?:" + _alternation() + ")" + _GATE_TAIL


def vendor_gate_piece(name: str) -> str:
    """VENDOR_GATE_PATTERN for one provider name (as written in the alternation)."""
    return _GATE_HEAD + name + _GATE_TAIL


# The same gate as one pattern per provider name (their union is VENDOR_GATE_PATTERN): in the
# shared pre-filter each name is then a literal atom the filter indexes (secrets_prefilter).
# (Measured against the names alone, confirmed by their piece of the gate afterwards: that
# compiles ~85 ms faster at import, but costs ~1-2 µs more per call and result.)
VENDOR_GATE_PIECES = tuple(vendor_gate_piece(n) for n in _alternation().split("|"))

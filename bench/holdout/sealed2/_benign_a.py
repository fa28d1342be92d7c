"""Benign tool calls, part A: bookings, weather, maths, code tools, REST, SQL, file edits."""

from __future__ import annotations

from typing import Any

from _util import RNG, b64_random, pick

Case = tuple[str, Any]


def booking() -> list[Case]:
    cities = ["LIS", "AMS", "YYZ", "BOM", "GRU", "CPH", "ICN", "MEX", "DUB", "ATH", "SEA", "HEL"]
    out: list[Case] = []
    for _ in range(5):
        a, b = RNG.sample(cities, 2)
        out.append(("flights.search", {"from": a, "to": b, "depart": f"2027-0{RNG.randint(1, 9)}-{RNG.randint(10, 28)}",
                                        "adults": RNG.randint(1, 4), "flexible_days": RNG.choice([0, 1, 3]), "nonstop_only": RNG.choice([True, False])}))
    out += [
        ("hotel_reserve", {"hotel_id": "htl_88213", "check_in": "2027-03-14", "check_out": "2027-03-17", "rooms": 1,
                           "guest": {"first": "Aoife", "last": "Ní Bhriain"}, "requests": "late arrival (~23:30); quiet room if possible"}),
        ("restaurant.book_table", {"venue": "Casa Ombú", "party_size": 6, "time": "19:45", "date": "2027-02-02", "note": "one guest is vegan & one gluten-free"}),
        ("train_tickets", {"origin": "Zürich HB", "destination": "Milano Centrale", "date": "2027-05-09", "class": "2nd", "railcard": "half-fare"}),
        ("car_rental_quote", {"pickup": "KEF airport", "dropoff": "KEF airport", "from": "2027-06-01T10:00", "to": "2027-06-08T10:00", "category": "4x4"}),
        ("cancel_booking", {"confirmation": "QX7T2M", "reason": "schedule change - please refund to original card"}),
        ("hotel_search", {"city": "Kyoto", "near": "Gion", "max_price_per_night": 220, "currency": "USD", "amenities": ["onsen", "breakfast"]}),
        ("ferry.availability", {"route": "Piraeus-Naxos", "date": "2027-07-21", "vehicles": 0, "passengers": 3}),
        ("seat_select", {"pnr": "LK93PZ", "segment": 2, "seat": "14C"}),
    ]
    return out


def weather() -> list[Case]:
    places = ["Ushuaia", "Reykjavík", "Nairobi", "Chiang Mai", "Boise, ID", "Tromsø", "Perth", "Cusco", "Marrakesh", "Québec City"]
    out: list[Case] = [("get_forecast", {"location": p, "days": RNG.randint(1, 10), "units": pick(["metric", "imperial"])}) for p in places[:6]]
    out += [
        ("weather.current", {"lat": -33.8688, "lon": 151.2093}),
        ("air_quality", {"city": "Delhi", "pollutants": ["pm2_5", "pm10", "o3"]}),
        ("weather_alerts", {"state": "FL", "severity": ["severe", "extreme"]}),
        ("historical_weather", {"location": "Cusco", "date_range": {"start": "2026-01-01", "end": "2026-01-31"}, "metrics": "precip|temp_max|temp_min"}),
    ]
    return out


def maths() -> list[Case]:
    return [
        ("calculator", {"expression": "(17.5 * 12) / (1 + 0.07) ** 3"}),
        ("calculator", {"expression": "sqrt(2) * pi - e^2"}),
        ("calculate", {"expr": "1 = 1"}),
        ("wolfram_query", {"input": "integrate x^2 * sin(x) dx from 0 to pi"}),
        ("solve_equation", {"equation": "3x + 7 = 2x - 5", "variable": "x"}),
        ("convert_units", {"value": 72, "from": "degF", "to": "degC"}),
        ("convert_units", {"value": 5, "from": "nautical_mile", "to": "km"}),
        ("unit_convert", {"quantity": "3 cups", "target": "ml"}),
        ("currency_convert", {"amount": 1250, "from": "JPY", "to": "EUR", "date": "2026-11-20"}),
        ("stats.describe", {"values": [12, 15, 11, 19, 22, 8, 15, 17], "percentiles": [0.25, 0.5, 0.75]}),
        ("matrix_multiply", {"a": [[1, 2], [3, 4]], "b": [[0, 1], [1, 0]]}),
        ("loan_calculator", {"principal": 320000, "annual_rate": 0.0545, "years": 30, "extra_monthly": 150}),
        ("calculator", {"expression": "2 | 5 ; 7 & 3"}),
        ("percent_change", {"old": 48.2, "new": 51.9}),
        ("time_zone_convert", {"time": "2027-01-12 09:30", "from_tz": "America/Chicago", "to_tz": "Asia/Kolkata"}),
    ]


def code_tools() -> list[Case]:
    return [
        ("run_tests", {"command": "pytest -q tests/unit -k 'not slow and not network' --maxfail=3"}),
        ("run_tests", {"path": "packages/web", "command": "npm test -- --watch=false --coverage"}),
        ("lint", {"command": "ruff check src/ --select E,F,I --fix"}),
        ("shell", {"command": "git status --short && git diff --stat HEAD~1"}),
        ("shell", {"command": "git log --oneline --graph -n 20 | cat"}),
        ("shell", {"command": "mypy --strict src/billing | tail -n 30"}),
        ("execute_python", {"code": "import pandas as pd\ndf = pd.read_csv('data/sales_2026.csv', parse_dates=['date'])\nmonthly = df.groupby(df['date'].dt.to_period('M'))['amount'].sum()\nprint(monthly.tail(6))"}),
        ("execute_python", {"code": "import json, statistics\nwith open('results/latency.json') as f:\n    xs = json.load(f)['samples']\nprint(statistics.median(xs), statistics.quantiles(xs, n=100)[94])"}),
        ("execute_python", {"code": "from collections import Counter\nwords = open('notes/transcript.txt').read().lower().split()\nprint(Counter(w for w in words if len(w) > 4).most_common(15))"}),
        ("execute_python", {"code": "import csv\nrows = list(csv.DictReader(open('inventory.csv')))\nlow = [r['sku'] for r in rows if int(r['qty']) < 5]\nprint(len(low), low[:10])"}),
        ("run_code", {"language": "javascript", "source": "const xs = [3, 1, 4, 1, 5, 9, 2, 6];\nconsole.log(xs.filter(x => x % 2).map(x => x * x).reduce((a, b) => a + b, 0));"}),
        ("run_code", {"language": "bash", "source": "for f in logs/*.log; do echo \"$f: $(grep -c ERROR \"$f\")\"; done | sort -t: -k2 -n"}),
        ("format_code", {"path": "src/api/routes.ts", "tool": "prettier", "check_only": False}),
        ("build", {"command": "cargo build --release --features 'simd,serde'"}),
        ("shell", {"command": "go test ./... -run 'TestParse|TestEncode' -count=1"}),
        ("shell", {"command": "make -j2 docs && open _build/html/index.html"}),
        ("execute_python", {"code": "import re\nlog = open('app.log').read()\nfor m in re.finditer(r'status=(\\d{3}) path=(\\S+)', log):\n    if m.group(1).startswith('5'):\n        print(m.group(2))"}),
        ("shell", {"command": "python -m pip list --outdated --format=columns | head -20"}),
        ("code_search", {"query": "def parse_invoice", "repo": "finance-tools", "path_glob": "**/*.py"}),
        ("shell", {"command": "pre-commit run --all-files || true"}),
        ("execute_python", {"code": "import sqlite3\ncon = sqlite3.connect('dev.db')\nprint(con.execute(\"SELECT name FROM sqlite_master WHERE type='table'\").fetchall())"}),
        ("git", {"args": ["checkout", "-b", "feature/invoice-export"]}),
        ("git", {"args": ["commit", "-m", "fix: handle ; in CSV fields (closes #412)"]}),
    ]


def rest() -> list[Case]:
    return [
        ("http_request", {"method": "GET", "url": "https://api.github.com/repos/pallets/flask/releases?per_page=5"}),
        ("http_request", {"method": "GET", "url": "https://jsonplaceholder.typicode.com/posts/7/comments"}),
        ("fetch_url", {"url": "https://docs.python.org/3/library/asyncio-task.html"}),
        ("http_get", {"url": "https://api.open-meteo.com/v1/forecast", "params": {"latitude": 52.52, "longitude": 13.41, "hourly": "temperature_2m"}}),
        ("http_request", {"method": "POST", "url": "https://httpbin.org/post", "json": {"ping": True, "n": 3}}),
        ("rest_call", {"method": "GET", "url": "https://restcountries.com/v3.1/name/portugal", "headers": {"Accept": "application/json"}}),
        ("http_request", {"method": "GET", "url": "https://registry.npmjs.org/left-pad/latest"}),
        ("http_request", {"method": "GET", "url": "https://pypi.org/pypi/requests/json"}),
        ("api_call", {"service": "openlibrary", "endpoint": "/search.json", "query": {"q": "the left hand of darkness"}}),
        ("http_request", {"method": "PATCH", "url": "https://api.notion.com/v1/pages/8c2f0e", "json": {"properties": {"Status": {"select": {"name": "Done"}}}}}),
        ("fetch_url", {"url": "https://en.wikipedia.org/wiki/Byzantine_fault"}),
        ("http_request", {"method": "GET", "url": "https://api.frankfurter.app/latest?from=USD&to=EUR,GBP"}),
        ("graphql_query", {"endpoint": "https://countries.trevorblades.com/", "query": "{ country(code: \"BR\") { name capital currency } }"}),
    ]


def sql() -> list[Case]:
    q = [
        "SELECT c.name, COUNT(o.id) AS orders, SUM(o.total) AS revenue FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.created_at >= '2026-01-01' GROUP BY c.name ORDER BY revenue DESC LIMIT 20",
        "SELECT id, title FROM tickets WHERE status = 'open' OR (status = 'pending' AND priority >= 3)",
        "SELECT email FROM newsletter_subscribers UNION SELECT email FROM customers WHERE marketing_opt_in = 1",
        "SELECT sku, name FROM products WHERE name LIKE '%wireless%' OR description LIKE '%bluetooth%'",
        "WITH ranked AS (SELECT employee_id, dept, salary, RANK() OVER (PARTITION BY dept ORDER BY salary DESC) AS r FROM payroll) SELECT * FROM ranked WHERE r <= 3",
        "SELECT date_trunc('week', created_at) AS wk, count(*) FROM signups GROUP BY 1 ORDER BY 1",
        "SELECT * FROM authors WHERE last_name = 'O''Sullivan'",
        "SELECT a.city FROM airports a LEFT JOIN routes r ON r.dst = a.code WHERE r.src IS NULL",
        "SELECT region, product, SUM(units) FROM sales GROUP BY ROLLUP(region, product)",
        "-- monthly active users\nSELECT COUNT(DISTINCT user_id) FROM events WHERE ts > now() - interval '30 days'",
        "SELECT name FROM planets WHERE mass > 1 OR radius > 1 UNION ALL SELECT name FROM moons WHERE radius > 2000",
        "SELECT p.title, string_agg(t.tag, ', ') FROM posts p JOIN post_tags t ON t.post_id = p.id GROUP BY p.title HAVING COUNT(*) > 2",
        "SELECT order_id, CASE WHEN total > 500 THEN 'large' WHEN total > 100 THEN 'medium' ELSE 'small' END AS bucket FROM orders",
        "SELECT * FROM logs WHERE message LIKE '%timeout%' AND level IN ('WARN','ERROR') ORDER BY ts DESC LIMIT 100",
        "SELECT 1 FROM dual",
        "SELECT u.id, u.name FROM users u WHERE u.id IN (SELECT user_id FROM team_members WHERE team_id = 42)",
        "SELECT COALESCE(nickname, first_name) AS display, email FROM members WHERE deleted_at IS NULL",
        "SELECT * FROM shipments WHERE 1=1 AND carrier = 'DHL' AND shipped_on BETWEEN '2026-10-01' AND '2026-10-31'",
        "EXPLAIN ANALYZE SELECT * FROM invoices WHERE customer_id = 9921",
        "SELECT title, year FROM films WHERE director = 'Agnès Varda' OR director = 'Chantal Akerman' ORDER BY year",
        "SELECT version()",
        "INSERT INTO audit_notes (ticket_id, body) VALUES (311, 'customer asked: is ''; DROP TABLE'' a real risk? answered with docs link')",
        "UPDATE tasks SET done = true WHERE id = 77",
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders'",
        "SELECT strftime('%Y-%m', paid_at) AS month, SUM(amount_cents)/100.0 FROM payments GROUP BY month",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_customer ON orders (customer_id)",
        "SELECT name FROM students WHERE grade = 'A' UNION SELECT name FROM alumni WHERE honors = true",
        "SELECT s.name, AVG(r.stars) FROM stores s JOIN reviews r USING (store_id) GROUP BY s.name HAVING AVG(r.stars) < 3.5",
    ]
    tools = ["run_sql", "query_database", "sql_query", "postgres.query", "warehouse_query", "sqlite_read"]
    out: list[Case] = []
    for s in q:
        t = pick(tools)
        out.append((t, {"sql": s} if t != "query_database" else {"query": s, "database": pick(["analytics", "crm", "shop"])}))
    # search boxes whose ordinary values look a little like SQL
    out += [
        ("search_customers", {"name": "O'Brien"}),
        ("search_products", {"query": "drop-leaf table 1=1 scale model"}),
        ("search_library", {"q": "Select Committee report on data -- 2019 edition"}),
        ("lookup_employee", {"last_name": "D'Angelo", "dept": "R&D"}),
    ]
    return out


def files() -> list[Case]:
    py = ("import subprocess\n\n\ndef disk_usage(path: str) -> str:\n    # du | sort is fine here: path comes from our own config\n"
          "    out = subprocess.run(['du', '-sh', path], capture_output=True, text=True, check=True)\n    return out.stdout.split()[0]\n")
    sqlfile = ("-- migrations/0042_add_refunds.sql\nBEGIN;\nCREATE TABLE refunds (\n  id bigserial PRIMARY KEY,\n  order_id bigint NOT NULL REFERENCES orders(id),\n"
               "  amount_cents integer NOT NULL CHECK (amount_cents > 0),\n  created_at timestamptz DEFAULT now()\n);\nCOMMIT;\n")
    sh = "#!/usr/bin/env bash\nset -euo pipefail\ncd \"$(dirname \"$0\")/..\"\nfind . -name '*.pyc' -delete\nls dist/ | grep -E '\\.whl$' | xargs -I{} twine check dist/{}\n"
    js = "export function debounce(fn, ms = 200) {\n  let t;\n  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };\n}\n"
    dockerfile = "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt && rm -rf /root/.cache\nCOPY . .\nCMD [\"gunicorn\", \"app:app\", \"-b\", \"0.0.0.0:8000\"]\n"
    gitignore = "__pycache__/\n*.pyc\n.env\n.env.*\n!.env.example\nnode_modules/\ndist/\n.venv/\n"
    envexample = "# copy to .env and fill in\nDATABASE_URL=postgres://user:password@localhost:5432/app_dev\nSTRIPE_SECRET_KEY=<your test key>\nSENTRY_DSN=\n"
    orm = ("def find_users(session, term):\n    # parameterised: never format user input into SQL\n    return session.execute(\n"
           "        text(\"SELECT id, name FROM users WHERE name LIKE :t OR email LIKE :t\"), {\"t\": f\"%{term}%\"}\n    ).all()\n")
    ci = "name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -e .[dev] && pytest -q | tee test.log\n"
    makefile = "test:\n\tpytest -q\nlint:\n\truff check . && mypy src\nclean:\n\trm -rf build dist *.egg-info\n"
    md = "# Release notes 2.4\n\n- Faster CSV import (10x on large files)\n- Fixed: `;` inside quoted fields split the row\n- Docs: how to rotate API keys\n"
    return [
        ("read_file", {"path": "src/app/main.py"}),
        ("read_file", {"path": "./README.md"}),
        ("read_file", {"path": "/home/dev/projects/shop/package.json"}),
        ("read_file", {"path": "docs/architecture/adr-007-queueing.md"}),
        ("read_text_file", {"path": "config/settings.yaml", "head": 60}),
        ("read_file", {"path": ".env.example"}),
        ("list_directory", {"path": "src/components"}),
        ("list_dir", {"path": "/workspace/monorepo/packages", "recursive": False}),
        ("search_files", {"root": ".", "pattern": "TODO|FIXME", "glob": "*.ts"}),
        ("write_file", {"path": "scripts/disk.py", "content": py}),
        ("write_file", {"path": "migrations/0042_add_refunds.sql", "content": sqlfile}),
        ("write_file", {"path": "scripts/release_check.sh", "content": sh}),
        ("write_file", {"path": "web/src/util/debounce.js", "content": js}),
        ("write_file", {"path": "Dockerfile", "content": dockerfile}),
        ("write_file", {"path": ".gitignore", "content": gitignore}),
        ("write_file", {"path": ".env.example", "content": envexample}),
        ("write_file", {"path": "app/repo/users.py", "content": orm}),
        ("create_file", {"path": ".github/workflows/ci.yml", "content": ci}),
        ("write_file", {"path": "Makefile", "content": makefile}),
        ("edit_file", {"path": "CHANGELOG.md", "old": "## Unreleased\n", "new": "## Unreleased\n\n" + md}),
        ("edit_file", {"path": "src/db.py", "edits": [{"find": "timeout=5", "replace": "timeout=30"}]}),
        ("move_file", {"source": "notes/draft.md", "destination": "notes/archive/2026-11-draft.md"}),
        ("delete_file", {"path": "tmp/scratch_output.csv"}),
        ("read_file", {"path": "C:\\Users\\priya\\Documents\\budget-2027.xlsx"}),
        ("get_file_info", {"path": "assets/logo.svg"}),
        ("write_file", {"path": "notebooks/cleanup.py", "content": "df = df[df['country'].isin(['US', 'CA'])]\ndf.to_parquet('out/clean.parquet')  # ; separated in source csv\n"}),
        ("append_file", {"path": "logs/decisions.md", "content": "- 2026-11-21: chose Postgres over Mongo (joins | transactions)\n"}),
        ("read_file", {"path": "../shared-lib/README.md"}),
        ("upload_attachment", {"filename": "q3-report.pdf", "mime_type": "application/pdf", "content_base64": b64_random(900)}),
        ("upload_file", {"name": "team-photo.png", "data": b64_random(1200), "folder": "marketing/2026"}),
    ]

"""Benign calls, part A: travel, weather, maths, code tools, git, REST, calendar, email, CRM, shopping, search."""

from __future__ import annotations

from typing import Any

Case = tuple[str, str, dict[str, Any]]  # (category, tool, arguments)


def travel() -> list[Case]:
    out: list[Case] = []
    flights = [
        {"origin": "LHR", "destination": "JFK", "depart": "2026-12-18", "return": "2027-01-04", "cabin": "economy", "passengers": {"adults": 2, "children": 1}},
        {"from": "CDG", "to": "NRT", "date": "2027-03-02", "flexible_days": 3, "max_stops": 1, "airlines_exclude": ["XY"]},
        {"origin": "SFO", "destination": "SEA", "depart": "2026-11-28T07:00", "sort": "price", "bags": 1},
        {"query": "cheapest one-way Berlin to Lisbon in February, no red-eye", "currency": "EUR"},
        {"itinerary": [{"from": "MAD", "to": "BOG", "date": "2027-01-10"}, {"from": "BOG", "to": "LIM", "date": "2027-01-17"}, {"from": "LIM", "to": "MAD", "date": "2027-01-29"}], "cabin": "premium_economy"},
        {"pnr": "K7QW2M", "last_name": "O'Sullivan", "action": "seat_map"},
        {"booking_ref": "ZX91PL", "passenger": "Anne-Marie Dupré", "meal": "VGML", "seat": "14C"},
    ]
    for a in flights:
        out.append(("flight_booking", "search_flights" if "booking_ref" not in a and "pnr" not in a else "manage_booking", a))
    out.append(("flight_booking", "book_flight", {"offer_id": "off_01HF8Z3K2T", "travellers": [{"given": "Tomás", "family": "Ruiz-Ortega", "dob": "1988-04-12", "doc": "passport"}], "contact_email": "tomas.ruiz@example.es", "hold": True}))
    hotels = [
        {"city": "Kyoto", "check_in": "2027-04-03", "check_out": "2027-04-07", "guests": 2, "filters": {"onsen": True, "max_price_per_night": 32000, "currency": "JPY"}},
        {"location": {"lat": 45.4384, "lon": 10.9916}, "radius_km": 2, "check_in": "2026-12-27", "nights": 3, "rooms": [{"adults": 2}, {"adults": 1, "children_ages": [7]}]},
        {"hotel_id": "htl_88213", "rate_plan": "BAR_FLEX", "special_requests": "Late arrival around 23:30 - please don't release the room. Quiet room away from the lift if possible."},
        {"query": "boutique hotel near Gràcia, Barcelona, with a rooftop; under 180€/night", "dates": "13-16 May"},
        {"reservation": "H-4471-0932", "change": {"check_out": "2027-02-12"}, "reason": "conference extended by a day"},
    ]
    for a in hotels:
        out.append(("hotel_booking", "modify_reservation" if "reservation" in a else ("book_room" if "hotel_id" in a else "search_hotels"), a))
    restaurants = [
        {"restaurant": "Dishoom Covent Garden", "party_size": 6, "time": "2026-12-05T19:30", "notes": "one guest is coeliac; birthday - could we get a candle?"},
        {"venue_id": "opentable:108443", "covers": 2, "date": "Friday", "time_window": ["19:00", "21:00"], "seating": "terrace"},
        {"query": "ramen open after 11pm near Shinjuku station", "min_rating": 4.2},
        {"name": "Chez L'Ami Louis", "date": "2027-01-22", "time": "20:15", "guests": 4, "phone": "+33 1 48 87 77 48", "name_on_booking": "B. O'Connor"},
        {"action": "cancel", "confirmation": "RSV-20931", "message": "Sorry - flight got moved, we can't make it tonight."},
        {"cuisine": ["thai", "vietnamese"], "neighbourhood": "Mission District", "price": "$$", "kid_friendly": True},
    ]
    for a in restaurants:
        out.append(("restaurant_booking", "reserve_table" if a.get("action") != "cancel" and "query" not in a and "cuisine" not in a else ("cancel_reservation" if a.get("action") == "cancel" else "find_restaurants"), a))
    return out


def weather() -> list[Case]:
    rows = [
        {"location": "Reykjavík", "units": "metric", "days": 5},
        {"lat": -33.8688, "lon": 151.2093, "hourly": ["temperature_2m", "precipitation_probability", "uv_index"]},
        {"city": "Denver, CO", "alerts": True},
        {"q": "will it rain in Manchester tomorrow afternoon?"},
        {"station": "KORD", "product": "METAR"},
        {"zip": "94110", "country": "US", "fields": "temp,feels_like,wind_gust"},
        {"location": "Chamonix", "product": "avalanche_bulletin", "lang": "fr"},
        {"coords": "52.52,13.405", "start": "2026-12-24", "end": "2026-12-26", "aggregate": "daily"},
        {"place": "東京都 渋谷区", "language": "ja"},
        {"city": "São Paulo", "forecast": "7d", "units": "metric", "include": ["sunrise", "sunset"]},
        {"airport": "ZRH", "when": "2026-11-22T06:00Z", "variables": {"visibility": True, "crosswind": True}},
    ]
    return [("weather", "get_weather" if i % 3 else "weather_forecast", a) for i, a in enumerate(rows)]


def maths() -> list[Case]:
    rows = [
        ("convert_units", {"value": 72, "from": "degF", "to": "degC"}),
        ("convert_units", {"value": 3.5, "from": "cups", "to": "ml"}),
        ("convert_units", {"value": 26.2, "from": "mile", "to": "km"}),
        ("convert_currency", {"amount": 1250.00, "from": "GBP", "to": "EUR", "date": "2026-11-20"}),
        ("calculate", {"expression": "(1 + 0.045/12)^(12*30) * 250000"}),
        ("calculate", {"expression": "sqrt(3^2 + 4^2) - 1/3"}),
        ("calculate", {"expression": "17 % 5 + 2 ** 10"}),
        ("solve", {"equation": "2x^2 - 7x + 3 = 0", "variable": "x"}),
        ("statistics", {"values": [12.1, 11.8, 13.4, 12.9, 15.0, 11.2], "measures": ["mean", "stdev", "median", "p90"]}),
        ("loan_schedule", {"principal": 18000, "annual_rate_pct": 6.9, "months": 48, "output": "summary"}),
        ("wolfram_query", {"input": "integrate x*e^(-x^2) dx from 0 to infinity"}),
        ("calculate", {"expression": "-- this is not a comment, just a double negation: --5 + 3", "mode": "python"}),
        ("percent_change", {"old": 4310, "new": 3987}),
        ("convert_units", {"value": "5'11\"", "from": "ft_in", "to": "cm"}),
    ]
    return [("maths_units", t, a) for t, a in rows]


def code_tools() -> list[Case]:
    rows = [
        ("run_tests", {"path": "tests/unit", "args": ["-q", "-k", "not slow", "--maxfail=3"]}),
        ("run_tests", {"command": "npm test -- --watch=false --coverage", "cwd": "packages/web"}),
        ("run_tests", {"framework": "go", "packages": ["./internal/...", "./cmd/api"], "race": True, "timeout": "120s"}),
        ("lint", {"tool": "ruff", "paths": ["src/", "tests/"], "fix": False, "select": ["E", "F", "B", "I"]}),
        ("lint", {"tool": "eslint", "files": "src/**/*.{ts,tsx}", "max_warnings": 0}),
        ("format_code", {"language": "python", "code": "def add(a,b):\n  return a+b\n\nprint( add(1,2) )\n"}),
        ("format_code", {"tool": "prettier", "write": True, "glob": "docs/**/*.md"}),
        ("run_tests", {"cmd": "cargo test --workspace --all-features -- --nocapture", "env": {"RUST_LOG": "debug"}}),
        ("type_check", {"tool": "mypy", "target": "aegis/", "strict": True}),
        ("explain_error", {"language": "python", "traceback": "Traceback (most recent call last):\n  File \"app.py\", line 41, in <module>\n    main()\n  File \"app.py\", line 37, in main\n    rows = db.execute(\"SELECT id, name FROM users WHERE id = ?\", (uid,)).fetchall()\nsqlite3.OperationalError: no such table: users\n"}),
        ("code_review", {"diff": "--- a/utils/dates.py\n+++ b/utils/dates.py\n@@ -12,7 +12,7 @@ def parse(s):\n-    return datetime.strptime(s, '%Y-%m-%d')\n+    return datetime.strptime(s.strip(), '%Y-%m-%d')\n", "focus": "edge cases"}),
        ("run_benchmark", {"suite": "bench/parse.py", "repeat": 5, "compare_to": "main"}),
        ("generate_code", {"prompt": "Write a bash function that retries a command up to N times with exponential backoff", "language": "bash"}),
    ]
    return [("code_tools", t, a) for t, a in rows]


def git_ops() -> list[Case]:
    rows = [
        ("git_commit", {"message": "fix(parser): handle trailing commas in arrays\n\nThe tokenizer treated ',]' as an error; JSON5 allows it.\nCloses #412.", "files": ["src/parser.ts", "test/parser.test.ts"]}),
        ("git_commit", {"message": "docs: explain why we pin sqlite to 3.45 (WAL checkpoint regression)"}),
        ("git_commit", {"message": "chore: bump eslint from 8.57 to 9.3; drop .eslintrc in favour of flat config"}),
        ("git", {"args": ["log", "--oneline", "--since=2 weeks ago", "--author=maria"]}),
        ("git", {"args": ["diff", "--stat", "origin/main...HEAD"]}),
        ("git_branch", {"action": "create", "name": "feature/invoice-pdf-export", "from": "develop"}),
        ("git", {"command": "git rebase -i HEAD~4"}),
        ("git_push", {"remote": "origin", "branch": "fix/tz-offset", "set_upstream": True}),
        ("git", {"command": "git blame -L 120,160 src/billing/proration.py"}),
        ("create_pull_request", {"title": "Add retry with jitter to webhook sender", "body": "## What\nRetries failed webhook deliveries 5x with full jitter.\n\n## Why\nCustomers on flaky endpoints lost events (see INC-2231).\n\n## Testing\n- unit tests for backoff maths\n- ran against a stub that 500s twice", "base": "main", "head": "webhook-retry", "draft": False}),
        ("git", {"args": ["stash", "list"]}),
        ("git_tag", {"tag": "v2.14.0", "message": "Release 2.14.0: CSV import, dark mode, 31 bug fixes"}),
        ("git", {"command": "git cherry-pick -x 9f3c2ab"}),
        ("git_commit", {"message": "revert \"feat: new onboarding flow\"\n\nThis reverts commit 4be1d07; conversion dropped 8% in the A/B test."}),
    ]
    return [("git_ops", t, a) for t, a in rows]


def rest_calls() -> list[Case]:
    rows = [
        ("http_request", {"method": "GET", "url": "https://api.github.com/repos/pallets/flask/issues", "params": {"state": "open", "labels": "bug", "per_page": 50}, "headers": {"Accept": "application/vnd.github+json"}}),
        ("http_request", {"method": "POST", "url": "https://api.stripe.com/v1/refunds", "body": {"charge": "ch_3Oa9", "amount": 1500, "reason": "requested_by_customer"}, "headers": {"Idempotency-Key": "refund-ord-48811"}}),
        ("fetch", {"url": "https://en.wikipedia.org/w/api.php?action=query&list=search&srsearch=Ada%20Lovelace&format=json"}),
        ("http_request", {"method": "PATCH", "url": "https://api.example-crm.com/v2/contacts/c_9921", "json": {"phone": "+44 161 496 0000", "tags": ["vip", "renewal-q1"]}}),
        ("http_get", {"url": "https://api.open-meteo.com/v1/forecast?latitude=48.85&longitude=2.35&daily=temperature_2m_max&timezone=Europe%2FParis"}),
        ("http_request", {"method": "POST", "url": "https://hooks.slack.com/services/T000/B000/our-team-channel", "json": {"text": "Deploy of api@2.14.0 finished :rocket:"}}),
        ("graphql", {"endpoint": "https://api.shopify.example/admin/api/2026-10/graphql.json", "query": "query { orders(first: 10, query: \"financial_status:paid\") { edges { node { name totalPriceSet { shopMoney { amount } } } } } }"}),
        ("http_request", {"method": "DELETE", "url": "https://api.todoist.com/rest/v2/tasks/7781203941"}),
        ("http_request", {"method": "GET", "url": "https://registry.npmjs.org/left-pad", "headers": {"Accept": "application/vnd.npm.install-v1+json"}}),
        ("http_request", {"method": "PUT", "url": "https://api.example.org/v1/feature-flags/new-checkout", "body": "{\"enabled\": true, \"rollout\": 0.25}", "headers": {"Content-Type": "application/json"}}),
        ("fetch_url", {"url": "https://www.bbc.co.uk/news/technology", "format": "markdown", "max_chars": 8000}),
        ("http_request", {"method": "GET", "url": "https://api.exchangerate.host/latest", "query": {"base": "USD", "symbols": "EUR,JPY,BRL"}}),
        ("http_request", {"method": "POST", "url": "https://api.sendgrid.example/v3/mail/send", "json": {"personalizations": [{"to": [{"email": "ops@ourcompany.example"}]}], "subject": "Nightly report", "content": [{"type": "text/plain", "value": "All 14 jobs succeeded."}]}}),
    ]
    return [("rest_api", t, a) for t, a in rows]


def calendar() -> list[Case]:
    rows = [
        ("create_event", {"title": "Quarterly planning - Platform team", "start": "2026-12-02T14:00:00+01:00", "end": "2026-12-02T16:00:00+01:00", "attendees": ["lena.fischer@ourco.example", "raj.patel@ourco.example"], "location": "Room 4.12 / Meet link in invite", "description": "Agenda:\n1. Review OKRs\n2. On-call load\n3. Q1 roadmap - bring your top 3 asks"}),
        ("list_events", {"calendar": "primary", "time_min": "2026-11-23T00:00:00Z", "time_max": "2026-11-30T00:00:00Z", "single_events": True}),
        ("find_free_slot", {"participants": ["me", "jules@partner.example"], "duration_minutes": 45, "within": "next week", "working_hours": "09:00-17:30 Europe/Paris"}),
        ("update_event", {"event_id": "evt_5k2a", "patch": {"start": "2026-11-25T10:30:00-05:00", "end": "2026-11-25T11:00:00-05:00"}, "notify": True}),
        ("create_event", {"summary": "Dentist - Dr. Okafor", "when": "Tue 3:15pm", "reminder_minutes": [60, 10]}),
        ("create_event", {"title": "1:1 Sam / Priya", "recurrence": ["RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=12"], "start": "2026-12-03T09:00", "tz": "America/Los_Angeles"}),
        ("delete_event", {"event_id": "evt_91xx", "send_updates": "all", "comment": "Cancelled - we covered this async in the doc."}),
        ("respond_to_invite", {"event_id": "evt_q3re", "response": "tentative", "note": "Might be 10 minutes late, school run."}),
        ("create_event", {"title": "Elternabend Klasse 4b", "start": "2026-12-09T19:00+01:00", "location": "Grundschule am Park, Raum 12", "description": "Bitte Unterschriften für den Ausflug mitbringen."}),
        ("list_events", {"query": "flight", "calendar": "travel", "max_results": 20}),
        ("create_event", {"title": "Incident review: checkout latency 11/19", "attendees": ["sre@ourco.example"], "start": "2026-11-24T16:00Z", "duration": "PT50M", "attachments": ["https://docs.ourco.example/d/INC-2231"]}),
    ]
    return [("calendar", t, a) for t, a in rows]


def email() -> list[Case]:
    rows = [
        ("send_email", {"to": ["marco.bianchi@supplier.example"], "cc": ["procurement@ourco.example"], "subject": "PO 7731-B: revised delivery date", "body": "Ciao Marco,\n\nThanks for the heads-up. Moving delivery of PO 7731-B to 9 December works for us; please confirm the pallets will still be labelled per our spec (v3).\n\nBest,\nHelen Wu\nSupply Chain Lead | OurCo Ltd\n+44 20 7946 0321"}),
        ("draft_email", {"to": "landlord@flatsrus.example", "subject": "Boiler still not fixed (flat 3, 14 Elm Rd)", "body": "Hi Mr O'Brien,\n\nThe engineer came on Tuesday but the boiler cut out again last night. Could you arrange a second visit this week? I'm home after 5pm, or the key is with the neighbour at no. 12.\n\nThanks,\nAisling"}),
        ("send_email", {"to": "team@ourco.example", "subject": "Reminder: submit expenses by Friday", "body": "Hi all - finance closes the month on Friday at noon. Please submit receipts in Expensify; anything after that rolls to December. Questions -> me or Dana.\n\nCheers,\nOwen"}),
        ("reply_email", {"thread_id": "thr_77aa", "body": "Hi Ms. Tanaka,\n\nYour order #A-209331 shipped today via DHL (tracking 1Z 999 AA1 01 2345 6784). It should arrive Thursday. If anything is damaged, reply here and we'll send a replacement.\n\nKind regards,\nCustomer Care - Lumen Lamps\nTel. 0800 123 4567 (Mon-Fri 9-17)"}),
        ("draft_email", {"to": ["prof.adeyemi@uni.example"], "subject": "Extension request - CS341 coursework", "body": "Dear Professor Adeyemi,\n\nI was ill last week (doctor's note attached) and would like to request a 3-day extension for coursework 2. I've finished parts A and B.\n\nThank you for considering this,\nLiam Chen (student no. 2031177)", "attachments": ["~/Documents/sick_note.pdf"]}),
        ("send_email", {"to": "facturas@proveedor.example", "subject": "Factura F-2026-1189 - datos fiscales", "body": "Hola Lucía,\n\n¿Podrías reemitir la factura con nuestro CIF correcto? El que aparece tiene un dígito de más. Te dejo los datos en el adjunto.\n\nUn saludo,\nJavier"}),
        ("send_email", {"to": "hr@ourco.example", "subject": "Annual leave 22 Dec - 2 Jan", "body": "Hi HR, booking 6 days leave over the holidays (approved by Sara). Out-of-office will point people to Karim."}),
        ("draft_email", {"to": "investors@ourco.example", "bcc": ["board@ourco.example"], "subject": "November update", "body": "Highlights: ARR up 9% MoM to $2.31M; churn 1.4%; we hired our first two AEs in Austin. Lowlights: the SOC 2 audit slipped to January. Ask: intros to heads of data at mid-market retailers.\n\n- Fatima"}),
        ("send_email", {"to": "kunde@beispiel.example", "subject": "Ihre Bestellung 55-0192", "body": "Sehr geehrte Frau Schäfer,\n\nvielen Dank für Ihre Bestellung. Leider ist der Artikel \"Teekanne 'Kyoto' 1,2 l\" erst ab dem 3. Dezember wieder lieferbar. Möchten Sie warten oder stornieren?\n\nMit freundlichen Grüßen\nIhr Team von Teehaus Nord\nTel. +49 40 1234 5678"}),
        ("search_email", {"query": "from:billing@aws.example subject:invoice after:2026/10/01", "max": 25}),
        ("send_email", {"to": "alex@ourco.example", "subject": "Can you review my PR before standup?", "body": "It's #882 - the migration adds a nullable column so it's safe to run online. Please double-check the rollback step."}),
    ]
    return [("email_draft", t, a) for t, a in rows]


def crm() -> list[Case]:
    rows = [
        ("create_ticket", {"project": "SUP", "title": "Customer can't reset password - email never arrives", "priority": "high", "description": "Reported by Contoso (acct 44120). Checked SES logs: bounced as 'mailbox full'. Asked customer to clear space; leaving open 48h.", "labels": ["email", "auth"]}),
        ("update_ticket", {"id": "SUP-3391", "status": "resolved", "resolution": "Duplicate charge refunded (refund re_9921, $49.00).", "time_spent": "25m"}),
        ("search_tickets", {"jql": "project = OPS AND status in (\"In Progress\", Blocked) AND assignee = currentUser() ORDER BY priority DESC"}),
        ("crm_update_contact", {"contact_id": "003Hs00001abcd", "fields": {"Title": "VP Engineering", "Company": "Fjord & Sons AS", "Phone": "+47 22 00 11 22", "LeadSource": "Webinar - Nov"}}),
        ("crm_log_activity", {"account": "Acme Widgets", "type": "call", "summary": "Talked to Jenna (IT lead). They're evaluating us vs two others; decision by Jan 15. Wants SSO + audit log export. Follow up with security questionnaire.", "next_step_date": "2026-11-28"}),
        ("create_ticket", {"tracker": "github", "repo": "ourco/mobile", "title": "Crash on Android 14 when rotating during upload", "body": "Steps:\n1. Pick a 200MB video\n2. Start upload\n3. Rotate device\n\nExpected: upload continues\nActual: app crashes (stack trace attached)\n\nDevice: Pixel 8, app 5.2.1"}),
        ("zendesk_reply", {"ticket_id": 88123, "public": True, "body": "Hi Noor, I've extended your trial to 30 December so you have time to finish the migration. Let me know if the CSV importer gives you any more trouble!"}),
        ("crm_create_deal", {"name": "Northwind - 250 seats renewal", "amount": 87500, "currency": "USD", "stage": "Negotiation", "close_date": "2026-12-20", "owner": "s.kowalski"}),
        ("update_ticket", {"id": 1182, "comment": "Root cause: the cron ran in UTC so the 'daily' report cut at 7pm ET. Fixed in #1190; backfilling Nov 1-20 now."}),
        ("crm_search", {"object": "Lead", "filters": [{"field": "Country", "op": "=", "value": "Ireland"}, {"field": "Score", "op": ">=", "value": 70}], "limit": 100}),
        ("create_ticket", {"queue": "Facilities", "subject": "Lift in building B stuck on 3rd floor", "requester": "reception@ourco.example", "urgency": "medium"}),
        ("helpdesk_macro", {"macro": "refund_approved", "ticket": "T-55012", "variables": {"amount": "€23.90", "customer_name": "Zoë D'Amico"}}),
    ]
    return [("crm_ticketing", t, a) for t, a in rows]


def shopping() -> list[Case]:
    rows = [
        ("search_products", {"q": "men's waterproof hiking boots size 11 wide", "sort": "rating", "price_max": 180}),
        ("add_to_cart", {"sku": "LGO-10281", "name": "LEGO Technic 'Land Rover Defender' 42110", "qty": 1}),
        ("checkout", {"cart_id": "cart_77f2", "shipping_address": {"name": "Siobhán O'Brien", "line1": "Apt 4, 27 Rathmines Road Lower", "city": "Dublin 6", "postcode": "D06 F2X3", "country": "IE"}, "shipping_method": "standard", "payment_method_id": "pm_saved_visa_4242"}),
        ("track_order", {"order_id": "112-4478123-9920114"}),
        ("return_item", {"order": "W-993001", "item": "Dyson V11 filter", "reason": "wrong model - I need the V15 one", "refund_to": "original_payment"}),
        ("search_products", {"query": "\"cast iron\" skillet 12\" -enamel", "category": "kitchen"}),
        ("write_review", {"product_id": "B0C1234XYZ", "stars": 4, "title": "Great kettle, lid's a bit stiff", "text": "Boils fast and it's quiet. Took a star off 'cause the lid needs two hands to open. Wouldn't stop me buying it again."}),
        ("compare_products", {"ids": ["p_221", "p_879", "p_903"], "attributes": ["battery_life", "weight_g", "price"]}),
        ("update_address", {"address_id": "addr_2", "address": {"recipient": "Dr. Kwame Mensah", "street": "1600 Amphitheatre Pkwy, Bldg 43", "city": "Mountain View", "state": "CA", "zip": "94043", "phone": "+1 650-253-0000"}}),
        ("apply_coupon", {"cart_id": "cart_77f2", "code": "WINTER-15"}),
        ("search_products", {"q": "Le Creuset O'val casserole 29cm \"marseille\"", "in_stock": True}),
        ("create_listing", {"title": "Vintage Levi's 501 - W32 L34 - '90s", "price": 65, "condition": "used_good", "description": "Light fade, no rips. Measured flat: waist 41cm. Ships from Leeds within 2 days."}),
    ]
    return [("ecommerce", t, a) for t, a in rows]


def search() -> list[Case]:
    rows = [
        {"query": "how to rotate a postgres password without downtime"},
        {"q": "best practices for storing API keys in a mobile app", "num": 10},
        {"query": "python asyncio TaskGroup vs gather exception handling"},
        {"query": "site:docs.python.org contextlib.suppress"},
        {"q": "\"SELECT * FROM\" slow with OR in WHERE clause postgres"},
        {"query": "restaurants open on Christmas day in Edinburgh"},
        {"query": "quel est le meilleur moment pour visiter la Bretagne ?", "lang": "fr"},
        {"query": "wie funktioniert die Wärmepumpe im Winter", "region": "de"},
        {"query": "cómo hacer pan de masa madre sin báscula"},
        {"query": "東京 紅葉 見頃 2026"},
        {"q": "kubernetes pod stuck in CrashLoopBackOff exit code 137"},
        {"query": "what is the difference between /etc/passwd and /etc/shadow", "safe": "active"},
        {"query": "OWASP top 10 2025 changes"},
        {"query": "rm -rf node_modules package-lock.json when to do it"},
    ]
    return [("web_search", "web_search" if i % 2 else "search", a) for i, a in enumerate(rows)]


def all_a() -> list[Case]:
    return travel() + weather() + maths() + code_tools() + git_ops() + rest_calls() + calendar() + email() + crm() + shopping() + search()

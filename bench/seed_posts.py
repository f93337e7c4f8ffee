"""Seed posts through Bedside's API for bench/compose.sh (standard library only).

Signs in as the demo owner, creates an API token and a Facebook account, then creates
POSTS posts scheduled across the next 12 months. Writes "session csrf month" to OUT.
"""
import http.client
import json
import re
import sys
import time
import urllib.parse

base, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
host = urllib.parse.urlparse(base).netloc
conn = http.client.HTTPConnection(host)


def request(method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    res = conn.getresponse()
    return res, res.read()


res, page = request("GET", "/login")
pre = re.search(r"bedside_csrf=([0-9a-f]+)", res.getheader("set-cookie")).group(1)
form = urllib.parse.urlencode({"csrf_token": pre, "email": "owner@narmada.example", "password": "bedside-demo-2026", "next": "/"})
res, _ = request("POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"bedside_csrf={pre}"})
session = re.search(r"bedside_session=([0-9a-f]+)", res.getheader("set-cookie")).group(1)
cookie = {"Cookie": f"bedside_session={session}"}
res, page = request("GET", "/settings/tokens", headers=cookie)
csrf = re.search(rb'name="csrf_token" value="([0-9a-f]+)"', page).group(1).decode()
form = urllib.parse.urlencode({"csrf_token": csrf, "name": "bench"})
res, page = request("POST", "/settings/tokens", form, {**cookie, "Content-Type": "application/x-www-form-urlencoded"})
token = re.search(rb'<code id="new-token">([^<]+)</code>', page).group(1).decode()
api = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
res, body = request("POST", "/api/v1/accounts", json.dumps({"platform": "facebook", "name": "Narmada", "handle": "narmada"}), api)
account = json.loads(body)

texts = [
    "World Heart Day is on 29 September: free blood pressure checks at all four clinics.",
    "Our Sehore clinic now opens at 8am on weekdays.",
    "Five ways to stay active in winter, from our physiotherapy team.",
    "Join our live Q&A on diabetes and diet this Thursday at 6pm.",
]
start = time.time() + 86400
year = 365 * 86400
t0 = time.time()
for i in range(count):
    when = start + (i / count) * year
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when))
    post = {"base_text": texts[i % len(texts)], "pillar": "education", "targets": [{"account_id": account, "scheduled_at": stamp}]}
    res, body = request("POST", "/api/v1/posts", json.dumps(post), api)
    if res.status != 201:
        sys.exit(f"post {i} failed: {res.status} {body[:200]!r}")
print(f"created {count} posts in {time.time() - t0:.1f}s")
month = time.strftime("%Y-%m-15", time.gmtime(start + 60 * 86400))
with open(out, "w") as f:
    f.write(f"{session} {csrf} {month}")

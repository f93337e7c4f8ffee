#!/usr/bin/env bash
# Measures the calendar month view with 10,000 posts in the organisation (spread over the
# next 12 months, ~830 in the month shown) and the composer's live-check round trip.
# Needs a release build (cargo build --release -p bedside), python3 and wrk.
# Usage: bench/compose.sh [posts] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/bedside
POSTS=${1:-10000}
DURATION=${2:-10}
PORT=18182
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

BEDSIDE_DATA_DIR="$WORK/data" $BIN serve --demo --listen 127.0.0.1:$PORT >"$WORK/out" 2>"$WORK/err" &
PID=$!
until curl -sf http://127.0.0.1:$PORT/healthz >/dev/null 2>&1; do sleep 0.05; done

echo "== seeding $POSTS posts through the API"
python3 bench/seed_posts.py "http://127.0.0.1:$PORT" "$POSTS" "$WORK/session"
SESSION=$(cut -d' ' -f1 "$WORK/session")
CSRF=$(cut -d' ' -f2 "$WORK/session")
MONTH=$(cut -d' ' -f3 "$WORK/session")

echo "== month view ($MONTH), one connection, ${DURATION}s"
wrk -t1 -c1 -d"${DURATION}s" --latency -H "Cookie: bedside_session=$SESSION" \
  "http://127.0.0.1:$PORT/calendar?date=$MONTH" | grep -E "Requests/sec|50%|75%|90%|99%|Non-2xx"
echo "items on the page: $(curl -s -H "Cookie: bedside_session=$SESSION" "http://127.0.0.1:$PORT/calendar?date=$MONTH" | grep -c 'class="cal-item')"

echo "== composer check round trip (POST /compose/check), one connection, ${DURATION}s"
cat > "$WORK/check.lua" <<LUA
wrk.method = "POST"
wrk.body = "csrf_token=$CSRF&base_text=So+proud+of+Sunita+Sharma%2C+who+walked+again+six+weeks+after+her+knee+replacement+at+our+Bhopal+clinic%21+Call+0755-4012345+to+book.&account=1"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "bedside_session=$SESSION; bedside_csrf=$CSRF"
LUA
wrk -t1 -c1 -d"${DURATION}s" --latency -s "$WORK/check.lua" "http://127.0.0.1:$PORT/compose/check" |
  grep -E "Requests/sec|50%|75%|90%|99%|Non-2xx"

echo "== server-side time (from /metrics, all requests above)"
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E 'duration_seconds_bucket\{route="/(calendar|compose/check)",le="(0.005|0.01|0.025|0.05|0.1|\+Inf)"\}'
echo "month view page size: $(curl -s -H "Cookie: bedside_session=$SESSION" "http://127.0.0.1:$PORT/calendar?date=$MONTH" | wc -c) bytes"

#!/usr/bin/env bash
# Publishing benchmark (issue 6): TARGETS publications due within one minute, INSTANCES
# `bedside serve` processes publishing to a `bedside sim`, then lateness, throughput,
# duplicates and lost targets read back from the database and the simulator.
#
#   bench/publish.sh                      # 10,000 targets, 3 instances, PostgreSQL
#   bench/publish.sh --chaos              # same, killing instances with SIGKILL and restarting them
#   bench/publish.sh --sqlite --instances 1
#   options: --targets N --instances N --spread-ms MS (0 = all due at the same instant)
#            --accounts-per-platform N --lease-ms MS --no-build
#
# Needs: a release build (done here unless --no-build), PostgreSQL at
# BEDSIDE_BENCH_PG (default postgres://postgres@127.0.0.1:5432) for the PostgreSQL mode,
# python3. Nothing here runs in CI.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=10000 INSTANCES=3 SPREAD_MS=60000 PER_PLATFORM=100 CHAOS=0 BACKEND=postgres BUILD=1 LEASE_MS=
while [ $# -gt 0 ]; do
  case "$1" in
    --targets) TARGETS=$2; shift ;;
    --instances) INSTANCES=$2; shift ;;
    --spread-ms) SPREAD_MS=$2; shift ;;
    --accounts-per-platform) PER_PLATFORM=$2; shift ;;
    --lease-ms) LEASE_MS=$2; shift ;;
    --chaos) CHAOS=1 ;;
    --sqlite) BACKEND=sqlite ;;
    --no-build) BUILD=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
# A killed instance's sends are recovered when their lease runs out: keep it short here.
[ -z "$LEASE_MS" ] && { [ "$CHAOS" = 1 ] && LEASE_MS=5000 || LEASE_MS=120000; }

if [ "$BUILD" = 1 ]; then
  cargo build --release -q -p bedside
  cargo build --release -q -p engine --example publish_load
fi
BIN=target/release/bedside
LOAD=target/release/examples/publish_load

WORK=$(mktemp -d /tmp/bedside-bench.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done
  [ -n "${SIM_PID:-}" ] && kill "$SIM_PID" 2>/dev/null || true
  if [ "$BACKEND" = postgres ]; then psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS $DBNAME" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$BACKEND" = postgres ]; then
  PG=${BEDSIDE_BENCH_PG:-postgres://postgres@127.0.0.1:5432}
  DBNAME=bedside_bench_$$
  psql -q "$PG/postgres" -c "CREATE DATABASE $DBNAME" >/dev/null
  URL="$PG/$DBNAME"
else
  URL="sqlite://$WORK/bedside.db"
fi
KEY=$WORK/secret.key
python3 -c "import secrets; print(secrets.token_hex(32))" > "$KEY"; chmod 600 "$KEY"

SIM_PORT=$((20000 + RANDOM % 20000))
"$BIN" sim --listen "127.0.0.1:$SIM_PORT" > "$WORK/sim.log" 2>&1 &
SIM_PID=$!
SIM="http://127.0.0.1:$SIM_PORT"
for _ in $(seq 50); do curl -sf "$SIM/_sim/bases" >/dev/null && break; sleep 0.1; done

# Load: about 1.5 ms per target through the workflow; the minute starts after it.
now_ms() { python3 -c "import time; print(int(time.time()*1000))"; }
LEAD_MS=$(( 15000 + TARGETS * 3 ))
DUE=$(( $(now_ms) + LEAD_MS ))
echo "loading $TARGETS targets (due from +$((LEAD_MS/1000)) s, over $SPREAD_MS ms) ..."
"$LOAD" "$URL" "$KEY" "$SIM" "$TARGETS" "$DUE" "$SPREAD_MS" "$PER_PLATFORM" | tee "$WORK/load.json"
LEFT=$(( DUE - $(now_ms) ))
[ "$LEFT" -lt 2000 ] && { echo "the load took longer than the lead time; raise LEAD_MS" >&2; exit 1; }

start_instance() {
  local i=$1
  BEDSIDE_DATABASE_URL="$URL" BEDSIDE_SECRET_KEY_FILE="$KEY" BEDSIDE_PLATFORM_SIM="$SIM" \
  BEDSIDE_DATA_DIR="$WORK/i$i" BEDSIDE_LISTEN=127.0.0.1:0 BEDSIDE_LOG_FORMAT=json \
  BEDSIDE_PUBLISHER_POLL_MS=200 BEDSIDE_PUBLISHER_LEASE_MS="$LEASE_MS" RUST_LOG=warn \
    "$BIN" serve >> "$WORK/serve-$i.log" 2>&1 &
  PIDS[$i]=$!
}
for i in $(seq 0 $((INSTANCES - 1))); do start_instance "$i"; done
echo "$INSTANCES instance(s) started; $((LEFT / 1000)) s until the first target is due"

KILLS=0
active() {
  if [ "$BACKEND" = postgres ]; then
    psql -At "$URL" -c "SELECT COUNT(*) FROM publications WHERE status NOT IN ('sent','failed','review','cancelled')"
  else
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(\"SELECT COUNT(*) FROM publications WHERE status NOT IN ('sent','failed','review','cancelled')\").fetchone()[0])" "$WORK/bedside.db"
  fi
}
DEADLINE=$(( DUE + SPREAD_MS + 600000 ))
while :; do
  sleep 1
  NOW=$(now_ms)
  if [ "$NOW" -gt $(( DUE + SPREAD_MS )) ] && [ "$(active)" = 0 ]; then break; fi
  [ "$NOW" -gt "$DEADLINE" ] && { echo "timed out with $(active) publications still active" >&2; break; }
  if [ "$CHAOS" = 1 ] && [ "$NOW" -gt "$DUE" ] && [ "$NOW" -lt $(( DUE + SPREAD_MS )) ] && [ $((RANDOM % 3)) = 0 ]; then
    victim=$((RANDOM % INSTANCES))
    kill -9 "${PIDS[$victim]}" 2>/dev/null || true
    KILLS=$((KILLS + 1))
    sleep 0.$((RANDOM % 9 + 1))
    start_instance "$victim"
  fi
done
curl -sf "$SIM/_sim/state" > "$WORK/sim.json"
if [ "$BACKEND" = postgres ]; then
  psql -At -F, "$URL" -c "SELECT id, status, due_at, COALESCE(sent_at, 0), COALESCE(remote_id, '') FROM publications" > "$WORK/pubs.csv"
else
  python3 -c "
import sqlite3,sys
c=sqlite3.connect(sys.argv[1])
for r in c.execute('SELECT id, status, due_at, COALESCE(sent_at,0), COALESCE(remote_id,\'\') FROM publications'): print(','.join(map(str,r)))" "$WORK/bedside.db" > "$WORK/pubs.csv"
fi
python3 bench/publish_report.py "$WORK/pubs.csv" "$WORK/sim.json" "$TARGETS" "$INSTANCES" "$BACKEND" "$SPREAD_MS" "$KILLS"

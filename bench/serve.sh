#!/usr/bin/env bash
# Measures `bedside serve`: cold start (empty SQLite → demo seeded → answering /healthz),
# idle memory with demo data, and latency of the settings pages under a short local load.
# Needs a release build (cargo build --release -p bedside) and wrk (apt-get install wrk).
# Usage: bench/serve.sh [seconds-of-load]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/bedside
DURATION=${1:-10}
PORT=18181
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

ms() { date +%s%3N; }

echo "== cold start (5 runs, fresh data directory each)"
for i in 1 2 3 4 5; do
  rm -rf "$WORK/data"
  t0=$(ms)
  BEDSIDE_DATA_DIR="$WORK/data" $BIN serve --demo --listen 127.0.0.1:$PORT >"$WORK/out" 2>"$WORK/err" &
  PID=$!
  until curl -sf http://127.0.0.1:$PORT/healthz >/dev/null 2>&1; do sleep 0.005; done
  t1=$(ms)
  echo "run $i: $((t1 - t0)) ms to first /healthz"
  if [ $i -lt 5 ]; then kill $PID; wait $PID 2>/dev/null || true; fi
done

echo "== idle memory with demo data"
sleep 2
echo "RSS: $(( $(awk '/VmRSS/ {print $2}' /proc/$PID/status) / 1024 )) MiB"

echo "== settings pages under load (wrk, 2 threads, 16 connections, ${DURATION}s each)"
JAR="$WORK/jar"
csrf=$(curl -s -c "$JAR" http://127.0.0.1:$PORT/login | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null -d "csrf_token=$csrf&email=owner@narmada.example&password=bedside-demo-2026&next=/" http://127.0.0.1:$PORT/login
session=$(awk '$6 == "bedside_session" {print $7}' "$JAR")
for path in /settings/organisation /settings/locations /settings/users /settings/audit; do
  echo "-- $path"
  wrk -t2 -c16 -d"${DURATION}s" --latency -H "Cookie: bedside_session=$session" "http://127.0.0.1:$PORT$path" |
    grep -E "Requests/sec|50%|90%|99%|Non-2xx"
done

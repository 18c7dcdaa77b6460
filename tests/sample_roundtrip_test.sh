#!/usr/bin/env bash
# Runs kgextract on the sample report with -f json,graphml, then checks with
# tests/roundtrip_networkx.py that NetworkX reads both exports as the same graph and that the
# GraphML validates against the shared schema.
#
# Usage: sample_roundtrip_test.sh KGEXTRACT DATA_DIR PYTHON3 [SCHEMA_DIR]
# Without SCHEMA_DIR: the NetworkX round trip (0 passed, 1 failed). With it: only the schema
# validation of the GraphML (0 valid, 1 invalid, 77 skipped: xmllint or the schema missing).
set -euo pipefail

if (($# != 3 && $# != 4)); then
  echo "usage: $0 KGEXTRACT DATA_DIR PYTHON3 [SCHEMA_DIR]" >&2
  exit 2
fi
kgextract=$1 data=$2 python3=$3 schema_dir=${4:-}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

out="$(mktemp -d "${TMPDIR:-/tmp}/kgextract-roundtrip-XXXXXX")"
trap 'rm -rf "$out"' EXIT

KGEXTRACT_DATA="$data" "$kgextract" -f json,graphml -o "$out/sample" \
  "$data/samples/techsummit-lisbon-2025.txt"
if [[ ! -x "$python3" ]]; then
  echo "FAIL $python3 not found" >&2
  exit 1
fi
rc=0
if [[ -n "$schema_dir" ]]; then
  "$python3" "$here/roundtrip_networkx.py" --validate "$out/sample.graphml" "$schema_dir" || rc=$?
else
  "$python3" "$here/roundtrip_networkx.py" "$out/sample.json" "$out/sample.graphml" || rc=$?
fi
exit "$rc"

#!/usr/bin/env bash
# Runs kgextract on the sample report with -f json,graphml, then checks with
# tests/roundtrip_networkx.py that NetworkX reads both exports as the same graph and that the
# GraphML validates against the shared schema.
#
# Usage: sample_roundtrip_test.sh KGEXTRACT DATA_DIR PYTHON3 SCHEMA_DIR
# Exit status: 0 passed; 1 failed; 77 skipped (networkx, xmllint or the schema missing; the
# exit status of roundtrip_networkx.py).
set -euo pipefail

if (($# != 4)); then
  echo "usage: $0 KGEXTRACT DATA_DIR PYTHON3 SCHEMA_DIR" >&2
  exit 2
fi
kgextract=$1 data=$2 python3=$3 schema_dir=$4
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

out="$(mktemp -d "${TMPDIR:-/tmp}/kgextract-roundtrip-XXXXXX")"
trap 'rm -rf "$out"' EXIT

KGEXTRACT_DATA="$data" "$kgextract" -f json,graphml -o "$out/sample" \
  "$data/samples/techsummit-lisbon-2025.txt"
if [[ ! -x "$python3" ]]; then
  echo "SKIP $python3 not found"
  exit 77
fi
rc=0
"$python3" "$here/roundtrip_networkx.py" "$out/sample.json" "$out/sample.graphml" \
  "$schema_dir" || rc=$?
exit "$rc"

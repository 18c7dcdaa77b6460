#!/usr/bin/env bash
# The sample report through every format (-f all), read back by the real readers.
#
#   sample_roundtrip_test.sh KGEXTRACT DATA_DIR PYTHON3 NODE
#       NetworkX, python-igraph, csv and Graphviz (tests/roundtrip_readers.py) and graphology
#       (tests/js/roundtrip_graphology.mjs) must agree with the JSON. Fails when a reader is
#       missing.
#   sample_roundtrip_test.sh KGEXTRACT DATA_DIR PYTHON3 NODE SCHEMA_DIR
#       validates the GraphML and the GEXF with xmllint against the shared schemas; exit 77
#       (skipped) when they or xmllint are absent.
set -euo pipefail

if (($# != 4 && $# != 5)); then
  echo "usage: $0 KGEXTRACT DATA_DIR PYTHON3 NODE [SCHEMA_DIR]" >&2
  exit 2
fi
kgextract=$1 data=$2 python3=$3 node=$4 schema_dir=${5:-}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

out="$(mktemp -d "${TMPDIR:-/tmp}/kgextract-roundtrip-XXXXXX")"
trap 'rm -rf "$out"' EXIT

KGEXTRACT_DATA="$data" "$kgextract" -q -f all -o "$out/sample" \
  "$data/samples/techsummit-lisbon-2025.txt"
if [[ -n "$schema_dir" ]]; then
  rc=0
  for format in graphml gexf; do
    "$python3" "$here/roundtrip_readers.py" --validate "$format" "$out/sample.$format" \
      "$schema_dir" || rc=$?
    ((rc == 0)) || exit "$rc"
  done
  exit 0
fi
"$python3" "$here/roundtrip_readers.py" "$out/sample"
"$node" "$here/js/roundtrip_graphology.mjs" "$out/sample"

#!/usr/bin/env bash
# Draws the sample report's knowledge graph for the README: data/samples/techsummit-lisbon-2025.txt
# through `kgextract -f json`, then `kgextract render`, to docs/techsummit-lisbon-2025.svg.
# Builds build/kgextract (the release preset) first unless KGEXTRACT names a binary to use.
#
#   scripts/render_docs.sh                        # build, then draw
#   KGEXTRACT=build-asan/kgextract scripts/render_docs.sh
#
# The SVG is deterministic for a given Graphviz version and set of fonts (text is measured with
# the installed DejaVu Sans), so rerunning it on the same machine changes nothing.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
sample=data/samples/techsummit-lisbon-2025.txt
out=docs/techsummit-lisbon-2025.svg

if [[ -z "${KGEXTRACT:-}" ]]; then
  cmake --preset release >/dev/null
  cmake --build --preset release --target kgextract
  KGEXTRACT=build/kgextract
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p docs
"$KGEXTRACT" -q -f json -o "$tmp/graph.json" "$sample"
"$KGEXTRACT" render "$tmp/graph.json" -o "$out"

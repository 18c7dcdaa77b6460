#!/usr/bin/env bash
# The main job: installs the dependencies, builds kgextract (release preset, build/) and runs it
# on the sample trip report, writing every format: out/sample.json, .graphml, .gexf, .nodes.csv,
# .edges.csv, .dot, .html (the viewer) and .svg (the picture).
#
#   scripts/run_sample.sh            # from any directory
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

sample=data/samples/techsummit-lisbon-2025.txt
out=out/sample

scripts/install_deps.sh
cmake --preset release -G Ninja >/dev/null
cmake --build --preset release -j2

mkdir -p "$(dirname "$out")"
echo
echo "running: build/kgextract -f all -o $out $sample"
# The CLI prints its one-line summary ("wrote A, B: N people, ...") on standard error.
summary="$(build/kgextract -f all -o "$out" "$sample" 2>&1)" && rc=0 || rc=$?
if ((rc != 0)); then
  echo "$summary" >&2
  exit "$rc"
fi
echo "$summary"
echo
echo "input:   $repo/$sample"
echo "outputs: $repo/$out.json       (node-link JSON; networkx.node_link_graph, D3)"
echo "         $repo/$out.graphml    (GraphML; Gephi, yEd, Cytoscape, igraph, networkx)"
echo "         $repo/$out.gexf       (GEXF 1.3 with colours and sizes; Gephi)"
echo "         $repo/$out.nodes.csv  $repo/$out.edges.csv  (Gephi spreadsheet import, neo4j-admin)"
echo "         $repo/$out.dot        (Graphviz)"
echo "         $repo/$out.html       (viewer: open in any browser, works offline)"
echo "         $repo/$out.svg        (picture)"

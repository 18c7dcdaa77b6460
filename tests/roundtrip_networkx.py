#!/usr/bin/env python3
"""Checks that kgextract's two graph exports agree when NetworkX reads them.

Usage: roundtrip_networkx.py GRAPH.json GRAPH.graphml [SCHEMA_DIR]

Loads the node-link JSON with networkx.node_link_graph and the GraphML with
networkx.read_graphml, then checks:
  - the JSON is a directed multigraph (MultiDiGraph);
  - both have the same node ids and the same node and edge counts (a GraphML node whose id had
    to be escaped carries the real id in its "node_id" data);
  - every node has the same label and type in both (up to the characters XML 1.0 cannot hold,
    which the GraphML writer drops);
  - the edges are the same multiset of (source, target, relation, weight).
Then, if xmllint is on PATH and the schema directory exists (SCHEMA_DIR, else $KG_SCHEMA_DIR;
either the shared "schemas" directory or its "graphml" subdirectory), validates the GraphML
against graphml.xsd offline with the catalog.

Exit status: 0 all checks passed; 1 a check failed (the message says which); 2 usage or an
unreadable file; 77 the round trip passed but schema validation was skipped, or networkx is
missing (ctest reports the test as skipped).
"""

import collections
import json
import os
import re
import shutil
import subprocess
import sys

SKIP = 77


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def load_node_link(nx, data):
    # networkx >= 3.4 takes edges=, 2.x to 3.3 take link= (and 2.x also reads "links" by
    # default); the attrs= dict is the 2.x spelling.
    for kwargs in ({"edges": "links"}, {"link": "links"}, {"attrs": {"link": "links"}}):
        try:
            return nx.node_link_graph(data, **kwargs)
        except TypeError:
            continue
    return nx.node_link_graph(data)


def schema_files(schema_dir):
    """(xsd, catalog) under schema_dir, which is schemas/ or schemas/graphml/, or None."""
    if not schema_dir:
        return None
    for sub in ("graphml", "."):
        xsd = os.path.join(schema_dir, sub, "graphml.xsd")
        catalog = os.path.join(schema_dir, sub, "catalog.xml")
        if os.path.isfile(xsd) and os.path.isfile(catalog):
            return os.path.normpath(xsd), os.path.normpath(catalog)
    return None


def validate_graphml(path, schema_dir):
    """True when validated; False when skipped. Exits on a validation failure."""
    xmllint = shutil.which("xmllint")
    files = schema_files(schema_dir)
    if xmllint is None or files is None:
        why = "xmllint not found" if xmllint is None else f"no GraphML schema in {schema_dir!r}"
        print(f"SKIP schema validation ({why})")
        return False
    xsd, catalog = files
    env = dict(os.environ, XML_CATALOG_FILES=catalog)
    result = subprocess.run([xmllint, "--nonet", "--noout", "--schema", xsd, path], env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{path} does not validate against {xsd} (xmllint exit {result.returncode}):\n"
             f"{result.stderr.strip()}")
    print(f"OK   {path} validates against {xsd}")
    return True


# What XML 1.0 cannot hold, and the GraphML writer therefore drops.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value):
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def describe(counter, limit=5):
    items = sorted(counter.items(), key=repr)[:limit]
    more = "" if len(counter) <= limit else f" ... ({len(counter) - limit} more)"
    return ", ".join(f"{k!r} x{n}" for k, n in items) + more


def main(argv):
    # Schema validation on its own: skipped (77) where xmllint or the schemas are absent, as on
    # a user's machine, so that it never counts as passed there.
    if len(argv) == 4 and argv[1] == "--validate":
        return 0 if validate_graphml(argv[2], argv[3]) else SKIP
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    json_path, graphml_path = argv[1], argv[2]
    schema_dir = argv[3] if len(argv) == 4 else None

    try:
        import networkx as nx
    except ImportError:
        # scripts/install_deps.sh installs python3-networkx: its absence is a failure.
        print(f"FAIL networkx is not installed for {sys.executable}", file=sys.stderr)
        return 1

    try:
        with open(json_path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        print(f"cannot read {json_path}: {e}", file=sys.stderr)
        return 2
    if not os.path.isfile(graphml_path):
        print(f"cannot read {graphml_path}: no such file", file=sys.stderr)
        return 2

    gj = load_node_link(nx, data)
    if not (gj.is_directed() and gj.is_multigraph()):
        fail(f"{json_path} loads as {type(gj).__name__}, not MultiDiGraph")
    try:
        gx = nx.read_graphml(graphml_path)
    except Exception as e:  # networkx raises several types for bad input
        fail(f"networkx cannot read {graphml_path}: {type(e).__name__}: {e}")
    if not gx.is_directed():
        fail(f"{graphml_path} loads as an undirected graph")

    # GraphML ids of escaped nodes -> the real ids.
    real_id = {n: attrs.get("node_id", n) for n, attrs in gx.nodes(data=True)}

    if gj.number_of_nodes() != gx.number_of_nodes():
        fail(f"node count: JSON {gj.number_of_nodes()}, GraphML {gx.number_of_nodes()}")
    if gj.number_of_edges() != gx.number_of_edges():
        fail(f"edge count: JSON {gj.number_of_edges()}, GraphML {gx.number_of_edges()}")
    json_ids = set(gj.nodes)
    graphml_ids = set(real_id.values())
    if json_ids != graphml_ids:
        fail(f"node ids differ: only in JSON {sorted(json_ids - graphml_ids)[:5]}, "
             f"only in GraphML {sorted(graphml_ids - json_ids)[:5]}")

    for n, attrs in gx.nodes(data=True):
        j = gj.nodes[real_id[n]]
        for field in ("label", "type"):
            # GraphML has no <data> for an empty string, nor the characters XML cannot hold.
            if xml_text(j.get(field, "")) != attrs.get(field, ""):
                fail(f"node {real_id[n]!r}: {field} is {j.get(field)!r} in JSON, "
                     f"{attrs.get(field)!r} in GraphML")

    def edge_multiset(graph, rename):
        return collections.Counter(
            (rename(u), rename(v), d.get("relation", ""), float(d.get("weight", 1.0)))
            for u, v, d in graph.edges(data=True))

    json_edges = edge_multiset(gj, lambda n: n)
    graphml_edges = edge_multiset(gx, lambda n: real_id[n])
    if json_edges != graphml_edges:
        fail(f"edges differ: only in JSON {describe(json_edges - graphml_edges)}; "
             f"only in GraphML {describe(graphml_edges - json_edges)}")

    print(f"OK   {gj.number_of_nodes()} nodes and {gj.number_of_edges()} edges agree "
          f"(networkx {nx.__version__})")
    if schema_dir is None:
        return 0
    return 0 if validate_graphml(graphml_path, schema_dir) else SKIP


if __name__ == "__main__":
    sys.exit(main(sys.argv))

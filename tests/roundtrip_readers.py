#!/usr/bin/env python3
"""Reads every graph format kgextract writes with real readers and compares it with the JSON.

Usage:
  roundtrip_readers.py BASE
      Reads BASE.json (the contract) and BASE.graphml, BASE.gexf, BASE.nodes.csv,
      BASE.edges.csv and BASE.dot, and checks each against the JSON:
        - NetworkX: node_link_graph (JSON), read_graphml, read_gexf;
        - python-igraph: Graph.Read_GraphML;
        - Python's csv module: both CSV files (headers, RFC 4180 CRLF records, every cell);
        - Graphviz: dot -Tjson0, -Tcanon and -Tsvg with nothing on stderr, and the SVG well
          formed.
      In a corpus graph (more than one document) GraphML, GEXF, igraph and CSV also carry each
      node's and edge's "document_counts", a string of compact JSON that must parse to the
      JSON's object (keys through the same XML filter as the other text).
      Each must give the same node ids, node and edge counts, labels, types, relations, roles,
      weights and the analytics (degree, weighted_degree, betweenness, pagerank, component,
      community) where the format carries them. Text must come back equal to the JSON; only
      the XML formats (and DOT, whose labels Graphviz copies into SVG) drop the characters XML
      1.0 cannot hold.
  roundtrip_readers.py --validate graphml|gexf FILE SCHEMA_DIR
      Validates FILE with xmllint against the GraphML 1.0 XSD or the GEXF 1.3 RELAX NG in
      SCHEMA_DIR (the shared "schemas" folder), after proving the validator rejects: the shared
      invalid example (when SCHEMA_DIR/examples has it) and a copy of FILE with a wrong type.

Exit status: 0 all checks passed; 1 a check failed, or networkx or igraph is missing (they are
required, never skipped); 2 usage or an unreadable file; 77 (--validate only) xmllint or the
schema is absent, so ctest reports the test skipped, not passed.
"""

import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

SKIP = 77

METRICS = (("degree", int), ("weighted_degree", float), ("betweenness", float),
           ("pagerank", float), ("component", int), ("community", int))

# graph/style.cc TypeColor: GEXF viz:color must be the type's colour.
TYPE_COLORS = {"PERSON": (0x00, 0x72, 0xB2), "ORG": (0xE6, 0x9F, 0x00),
               "PLACE": (0x00, 0x9E, 0x73), "EVENT": (0xCC, 0x79, 0xA7),
               "TALK": (0xD5, 0x5E, 0x00)}
OTHER_COLOR = (0x99, 0x99, 0x99)

NODE_HEADER = ["Id", "Label", ":ID", ":LABEL", "type", "subtype", "kind", "narrator:boolean",
               "aliases", "documents", "mentions:int", "degree:int", "weighted_degree:double",
               "betweenness:double", "pagerank:double", "component:int", "community:int"]
EDGE_HEADER = ["Source", "Target", "Type", "Kind", "Label", "Weight", "Id", ":START_ID",
               ":END_ID", ":TYPE", "relation", "role", "weight:double", "symmetric:boolean",
               "evidence", "evidence_count:int"]

# What XML 1.0 cannot hold, and the XML writers therefore drop.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value):
    return _NOT_XML.sub("", value)


class Checker:
    """Collects failures so one run reports all of them, each naming format and element."""

    def __init__(self):
        self.failures = []

    def equal(self, where, what, expected, actual):
        same = expected == actual
        if isinstance(expected, float) and isinstance(actual, float):
            same = expected == actual or (math.isnan(expected) and math.isnan(actual))
        if not same:
            self.failures.append(f"{where}: {what} is {actual!r}, expected {expected!r}")
        return same

    def true(self, where, condition, message):
        if not condition:
            self.failures.append(f"{where}: {message}")
        return condition


def edge_label(link):
    role = link.get("role", "")
    return f"{link['relation']} ({role})" if role else link["relation"]


def first_evidence(link):
    # Co-occurrence evidence is a reference (offsets, no "text").
    return link["evidence"][0].get("text", "") if link["evidence"] else ""


def layout_weight(weight):
    """graph/export_dot.cc LayoutWeight: rounded half away from zero, from 1 to 100."""
    if not weight >= 1:
        return 1
    return int(math.floor(min(weight, 100.0) + 0.5))


def load_node_link(nx, data):
    # networkx >= 3.4 takes edges=, 2.x to 3.3 take link=; the attrs= dict is the 2.x spelling.
    for kwargs in ({"edges": "links"}, {"link": "links"}, {"attrs": {"link": "links"}}):
        try:
            return nx.node_link_graph(data, **kwargs)
        except TypeError:
            continue
    return nx.node_link_graph(data)


def check_json(nx, data, c):
    g = load_node_link(nx, data)
    where = "node_link_graph"
    c.true(where, g.is_directed() and g.is_multigraph(), f"loads as {type(g).__name__}")
    c.equal(where, "node count", len(data["nodes"]), g.number_of_nodes())
    c.equal(where, "edge count", len(data["links"]), g.number_of_edges())
    for node in data["nodes"]:
        c.true(where, node["id"] in g, f"node {node['id']!r} missing")
        for name, _ in METRICS:
            c.true(where, name in node, f"node {node['id']!r} has no {name!r} in the JSON")
    return g


def check_document_counts(where, item, value, c, text=xml_text):
    """A corpus graph's "document_counts" string attribute against the JSON's object."""
    if "document_counts" not in item:
        c.true(where, not value, f"document_counts {value!r} in a single-document graph")
        return
    expected = {text(doc): count for doc, count in item["document_counts"].items()}
    try:
        actual = json.loads(value or "")
    except ValueError:
        actual = value
    c.equal(where, "document_counts", expected, actual)


def check_node_values(where, node, attrs, c, text=xml_text, typed=True):
    """Compares the node attributes every format carries (GraphML, GEXF, igraph)."""
    check_document_counts(where, node, attrs.get("document_counts"), c, text)
    c.equal(where, "label", text(node["label"]), attrs.get("label", ""))
    for field in ("type", "subtype", "kind"):
        c.equal(where, field, text(node.get(field, "")), attrs.get(field, "") or "")
    c.equal(where, "aliases", text("|".join(node["aliases"])), attrs.get("aliases", "") or "")
    c.equal(where, "documents", text("|".join(node["documents"])),
            attrs.get("documents", "") or "")
    c.equal(where, "narrator", node.get("narrator", False), attrs.get("narrator"))
    c.equal(where, "mentions", float(len(node["mentions"])), float(attrs.get("mentions", -1)))
    for name, kind in METRICS:
        value = attrs.get(name)
        if typed and kind is int:
            c.true(where, float(value).is_integer(), f"{name} {value!r} is not an integer")
        c.equal(where, name, float(node.get(name, math.nan)), float(value))


def check_edge_values(where, link, attrs, c):
    check_document_counts(where, link, attrs.get("document_counts"), c)
    c.equal(where, "relation", xml_text(link["relation"]), attrs.get("relation", ""))
    c.equal(where, "role", xml_text(link.get("role", "")), attrs.get("role", "") or "")
    c.equal(where, "weight", float(link["weight"]), float(attrs.get("weight")))
    c.equal(where, "symmetric", link.get("symmetric", False), attrs.get("symmetric"))
    c.equal(where, "evidence", xml_text(first_evidence(link)), attrs.get("evidence", "") or "")
    c.equal(where, "evidence_count", float(len(link["evidence"])),
            float(attrs.get("evidence_count", -1)))


def check_graphml_networkx(nx, data, path, c):
    where = f"networkx.read_graphml({os.path.basename(path)})"
    g = nx.read_graphml(path)
    c.true(where, g.is_directed() and g.is_multigraph(), f"loads as {type(g).__name__}")
    c.equal(where, "node count", len(data["nodes"]), g.number_of_nodes())
    c.equal(where, "edge count", len(data["links"]), g.number_of_edges())
    real_id = {n: attrs.get("node_id", n) for n, attrs in g.nodes(data=True)}
    by_id = {real_id[n]: attrs for n, attrs in g.nodes(data=True)}
    for node in data["nodes"]:
        attrs = by_id.get(node["id"])
        if c.true(where, attrs is not None, f"node {node['id']!r} missing"):
            check_node_values(f"{where} node {node['id']!r}", node, attrs, c)
    edges = {d.get("id", k): (u, v, d) for u, v, k, d in g.edges(keys=True, data=True)}
    for i, link in enumerate(data["links"]):
        found = edges.get(f"e{i}")
        if not c.true(where, found is not None, f"edge e{i} missing"):
            continue
        u, v, attrs = found
        w = f"{where} edge e{i}"
        c.equal(w, "source", link["source"], real_id[u])
        c.equal(w, "target", link["target"], real_id[v])
        check_edge_values(w, link, attrs, c)


def check_graphml_igraph(ig, data, path, c):
    where = f"igraph.Graph.Read_GraphML({os.path.basename(path)})"
    g = ig.Graph.Read_GraphML(path)
    c.true(where, g.is_directed(), "loads undirected")
    c.equal(where, "node count", len(data["nodes"]), g.vcount())
    c.equal(where, "edge count", len(data["links"]), g.ecount())
    names = g.vs.attributes()
    real_ids = [(v["node_id"] if "node_id" in names and v["node_id"] else v["id"]) for v in g.vs]
    c.equal(where, "node ids in order", [n["id"] for n in data["nodes"]], real_ids)
    for node, v in zip(data["nodes"], g.vs):
        check_node_values(f"{where} node {node['id']!r}", node, v.attributes(), c)
    for i, (link, e) in enumerate(zip(data["links"], g.es)):
        w = f"{where} edge {i}"
        c.equal(w, "source", link["source"], real_ids[e.source])
        c.equal(w, "target", link["target"], real_ids[e.target])
        check_edge_values(w, link, e.attributes(), c)


def gexf_reader(nx):
    """read_gexf for GEXF 1.3. NetworkX reads 1.3 from 3.6 on (networkx PR #8196, which adds
    exactly this namespace entry); older releases, such as Debian's 2.8, only need the entry."""
    from networkx.readwrite import gexf
    if "1.3" not in gexf.GEXF.versions:
        gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
    return lambda path: nx.read_gexf(path, version="1.3")


def check_gexf_networkx(nx, data, path, c):
    where = f"networkx.read_gexf({os.path.basename(path)})"
    g = gexf_reader(nx)(path)
    c.true(where, g.is_directed(), f"loads as {type(g).__name__}")
    c.equal(where, "node count", len(data["nodes"]), g.number_of_nodes())
    c.equal(where, "edge count", len(data["links"]), g.number_of_edges())
    for node in data["nodes"]:
        if not c.true(where, node["id"] in g, f"node {node['id']!r} missing"):
            continue
        attrs = g.nodes[node["id"]]
        w = f"{where} node {node['id']!r}"
        check_node_values(w, node, attrs, c)
        for name, kind in METRICS:
            c.true(w, isinstance(attrs.get(name), kind), f"{name} is not read as {kind.__name__}")
        viz = attrs.get("viz", {})
        r, g_, b = TYPE_COLORS.get(node["type"], OTHER_COLOR)
        color = viz.get("color", {})
        c.equal(w, "viz:color", (r, g_, b), (color.get("r"), color.get("g"), color.get("b")))
        size = 10 + 5 * math.sqrt(max(node["weighted_degree"], 0))
        c.true(w, abs(viz.get("size", -1) - size) <= 1e-9 * size,
               f"viz:size {viz.get('size')!r}, expected {size!r}")
    edges = {}
    for u, v, d in g.edges(data=True):
        edges[d.get("id")] = (u, v, d)
    for i, link in enumerate(data["links"]):
        found = edges.get(f"e{i}")
        if not c.true(where, found is not None, f"edge e{i} missing"):
            continue
        u, v, attrs = found
        w = f"{where} edge e{i}"
        c.equal(w, "source", link["source"], u)
        c.equal(w, "target", link["target"], v)
        c.equal(w, "label", xml_text(edge_label(link)), attrs.get("label"))
        check_edge_values(w, link, attrs, c)


def read_csv(path, c):
    with open(path, "rb") as f:
        raw = f.read()
    where = f"csv {os.path.basename(path)}"
    c.true(where, raw.endswith(b"\r\n"), "does not end with CRLF")
    c.true(where, not raw.startswith(b"\xef\xbb\xbf"), "starts with a byte order mark")
    # RFC 4180: every record ends with CRLF; a bare LF may appear only inside a quoted field.
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    return rows


def check_csv(data, base, c):
    corpus = len(data["graph"].get("documents", [])) > 1
    node_header = NODE_HEADER + (["document_counts"] if corpus else [])
    edge_header = EDGE_HEADER + (["document_counts"] if corpus else [])
    nodes = read_csv(base + ".nodes.csv", c)
    where = "csv nodes"
    c.equal(where, "header", node_header, nodes[0] if nodes else None)
    c.equal(where, "row count", len(data["nodes"]), len(nodes) - 1)
    for node, row in zip(data["nodes"], nodes[1:]):
        w = f"{where} {node['id']!r}"
        if not c.equal(w, "cell count", len(node_header), len(row)):
            continue
        cell = dict(zip(node_header, row))
        check_document_counts(w, node, cell.get("document_counts"), c, text=lambda t: t)
        expected = {
            "Id": node["id"], "Label": node["label"], ":ID": node["id"], ":LABEL": node["type"],
            "type": node["type"], "subtype": node.get("subtype", ""),
            "kind": node.get("kind", ""),
            "narrator:boolean": "true" if node.get("narrator") else "false",
            "aliases": "|".join(node["aliases"]), "documents": "|".join(node["documents"]),
            "mentions:int": str(len(node["mentions"])),
        }
        for column, value in expected.items():
            c.equal(w, column, value, cell[column])
        for name, kind in METRICS:
            column = f"{name}:{'int' if kind is int else 'double'}"
            c.equal(w, column, float(node[name]), float(cell[column]))
            if kind is int:
                c.true(w, re.fullmatch(r"-?\d+", cell[column]) is not None,
                       f"{column} {cell[column]!r} is not an integer")

    edges = read_csv(base + ".edges.csv", c)
    where = "csv edges"
    c.equal(where, "header", edge_header, edges[0] if edges else None)
    c.equal(where, "row count", len(data["links"]), len(edges) - 1)
    for i, (link, row) in enumerate(zip(data["links"], edges[1:])):
        w = f"{where} e{i}"
        if not c.equal(w, "cell count", len(edge_header), len(row)):
            continue
        cell = dict(zip(edge_header, row))
        check_document_counts(w, link, cell.get("document_counts"), c, text=lambda t: t)
        symmetric = link.get("symmetric", False)
        expected = {
            "Source": link["source"], "Target": link["target"],
            "Type": "Undirected" if symmetric else "Directed", "Kind": edge_label(link),
            "Label": edge_label(link), "Id": f"e{i}", ":START_ID": link["source"],
            ":END_ID": link["target"], ":TYPE": link["relation"],
            "relation": link["relation"], "role": link.get("role", ""),
            "symmetric:boolean": "true" if symmetric else "false",
            "evidence": first_evidence(link), "evidence_count:int": str(len(link["evidence"])),
        }
        for column, value in expected.items():
            c.equal(w, column, value, cell[column])
        c.equal(w, "Weight", float(link["weight"]), float(cell["Weight"]))
        c.equal(w, "weight:double", float(link["weight"]), float(cell["weight:double"]))


def dot_unescape(value):
    """Undoes graph/export_dot.cc's escString escapes that Graphviz keeps in names and
    attributes (it has already turned \\" into ")."""
    return re.sub(r"\\([\\nr])", lambda m: {"\\": "\\", "n": "\n", "r": "\r"}[m.group(1)],
                  value)


def run_dot(args, path, c):
    dot = shutil.which("dot")
    if not c.true("graphviz", dot is not None, "dot (graphviz) is not installed"):
        return None
    result = subprocess.run([dot, *args, path], capture_output=True)
    where = f"dot {' '.join(args)} {os.path.basename(path)}"
    c.equal(where, "exit status", 0, result.returncode)
    c.equal(where, "stderr", "", result.stderr.decode("utf-8", "replace"))
    return result.stdout if result.returncode == 0 else None


def check_dot(data, path, c):
    run_dot(["-Tcanon"], path, c)
    svg = run_dot(["-Tsvg"], path, c)
    if svg is not None:
        try:
            ElementTree.fromstring(svg)
        except ElementTree.ParseError as e:
            c.failures.append(f"dot -Tsvg: the SVG is not well-formed XML: {e}")
    out = run_dot(["-Tjson0"], path, c)
    if out is None:
        return
    g = json.loads(out)
    where = "dot -Tjson0"
    objects = g.get("objects", [])
    c.true(where, g.get("directed") is True, "graph is not directed")
    c.equal(where, "node count", len(data["nodes"]), len(objects))
    c.equal(where, "edge count", len(data["links"]), len(g.get("edges", [])))
    names = [dot_unescape(o["name"]) for o in objects]
    c.equal(where, "node ids in order", [xml_text(n["id"]) for n in data["nodes"]], names)
    for node, o in zip(data["nodes"], objects):
        w = f"{where} node {node['id']!r}"
        c.equal(w, "label", xml_text(node["label"]), dot_unescape(o.get("label", "")))
        c.equal(w, "type", node["type"], o.get("type"))
        c.equal(w, "documents", xml_text("|".join(node["documents"])),
                dot_unescape(o.get("documents", "")))
        c.equal(w, "fillcolor", "#%02X%02X%02X" % TYPE_COLORS.get(node["type"], OTHER_COLOR),
                o.get("fillcolor"))
        for name, _ in METRICS:
            c.equal(w, name, float(node[name]), float(o.get(name, "nan")))
    by_id = {e.get("id"): e for e in g.get("edges", [])}
    for i, link in enumerate(data["links"]):
        e = by_id.get(f"e{i}")
        if not c.true(where, e is not None, f"edge e{i} missing"):
            continue
        w = f"{where} edge e{i}"
        c.equal(w, "source", xml_text(link["source"]), names[e["tail"]])
        c.equal(w, "target", xml_text(link["target"]), names[e["head"]])
        c.equal(w, "label", xml_text(edge_label(link)), dot_unescape(e.get("label", "")))
        c.equal(w, "relation", link["relation"], dot_unescape(e.get("relation", "")))
        c.equal(w, "role", xml_text(link.get("role", "")), dot_unescape(e.get("role", "")))
        c.equal(w, "kg_weight", float(link["weight"]), float(e.get("kg_weight", "nan")))
        c.equal(w, "weight", str(layout_weight(link["weight"])), e.get("weight"))
        c.equal(w, "evidence", xml_text(first_evidence(link)),
                dot_unescape(e.get("evidence", "")))
        symmetric = link.get("symmetric", False)
        c.equal(w, "symmetric", "true" if symmetric else "false", e.get("symmetric"))
        c.equal(w, "dir", "both" if symmetric else None, e.get("dir"))


def roundtrip(base):
    try:
        import networkx as nx
    except ImportError:
        print(f"FAIL networkx is not installed for {sys.executable}", file=sys.stderr)
        return 1
    try:
        import igraph as ig
    except ImportError:
        print(f"FAIL python-igraph is not installed for {sys.executable}", file=sys.stderr)
        return 1
    paths = {ext: base + ext for ext in
             (".json", ".graphml", ".gexf", ".nodes.csv", ".edges.csv", ".dot")}
    for path in paths.values():
        if not os.path.isfile(path):
            print(f"cannot read {path}: no such file", file=sys.stderr)
            return 2
    with open(paths[".json"], encoding="utf-8") as f:
        data = json.load(f)

    c = Checker()
    steps = [
        ("networkx.node_link_graph", lambda: check_json(nx, data, c)),
        ("networkx.read_graphml", lambda: check_graphml_networkx(nx, data, paths[".graphml"], c)),
        ("igraph.Graph.Read_GraphML",
         lambda: check_graphml_igraph(ig, data, paths[".graphml"], c)),
        ("networkx.read_gexf", lambda: check_gexf_networkx(nx, data, paths[".gexf"], c)),
        ("csv", lambda: check_csv(data, base, c)),
        ("graphviz", lambda: check_dot(data, paths[".dot"], c)),
    ]
    for name, step in steps:
        before = len(c.failures)
        try:
            step()
        except Exception as e:  # a reader that throws is a failed check, reported as such
            c.failures.append(f"{name}: {type(e).__name__}: {e}")
        status = "OK  " if len(c.failures) == before else "FAIL"
        print(f"{status} {name}")
    if c.failures:
        for failure in c.failures[:60]:
            print(f"FAIL: {failure}", file=sys.stderr)
        if len(c.failures) > 60:
            print(f"... and {len(c.failures) - 60} more", file=sys.stderr)
        return 1
    print(f"OK   {len(data['nodes'])} nodes and {len(data['links'])} edges agree in every format "
          f"(networkx {nx.__version__}, igraph {ig.__version__})")
    return 0


SCHEMAS = {
    # format: (schema path, xmllint option, catalog or None, shared invalid example,
    #          (text to break, broken text) for a copy of FILE that must fail)
    "graphml": ("graphml/graphml.xsd", "--schema", "graphml/catalog.xml",
                "examples/invalid-attr-type.graphml",
                ('attr.type="int"', 'attr.type="integer"')),
    "gexf": ("gexf-1.3/gexf.rng", "--relaxng", None, "examples/invalid-attr-type.gexf",
             ('type="integer"', 'type="int"')),
}


def validate(fmt, path, schema_dir):
    schema, option, catalog, invalid_example, (good, bad) = SCHEMAS[fmt]
    xmllint = shutil.which("xmllint")
    schema_path = os.path.join(schema_dir, schema)
    if xmllint is None or not os.path.isfile(schema_path):
        why = "xmllint not found" if xmllint is None else f"no {schema_path}"
        print(f"SKIP {fmt} schema validation ({why})")
        return SKIP
    env = dict(os.environ)
    if catalog:
        env["XML_CATALOG_FILES"] = os.path.join(schema_dir, catalog)

    def lint(file):
        r = subprocess.run([xmllint, "--nonet", "--noout", option, schema_path, file], env=env,
                           capture_output=True, text=True)
        return r.returncode, r.stderr.strip()

    # The validator must be live: it rejects a broken document (exit 3, "fails to validate").
    negatives = []
    example = os.path.join(schema_dir, invalid_example)
    if os.path.isfile(example):
        negatives.append(example)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if good not in text:
        print(f"FAIL {path} has no {good!r} to break for the negative check", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        broken = os.path.join(tmp, "broken." + fmt)
        with open(broken, "w", encoding="utf-8") as f:
            f.write(text.replace(good, bad, 1))
        negatives.append(broken)
        for negative in negatives:
            code, err = lint(negative)
            if code != 3:
                print(f"FAIL the validator accepted or could not judge {negative} (xmllint exit "
                      f"{code}, expected 3):\n{err}", file=sys.stderr)
                return 1
            print(f"OK   {os.path.basename(negative)} is rejected (exit 3)")
    code, err = lint(path)
    if code != 0:
        print(f"FAIL {path} does not validate against {schema_path} (xmllint exit {code}):\n"
              f"{err}", file=sys.stderr)
        return 1
    print(f"OK   {path} validates against {schema_path}")
    return 0


def main(argv):
    if len(argv) == 5 and argv[1] == "--validate" and argv[2] in SCHEMAS:
        return validate(argv[2], argv[3], argv[4])
    if len(argv) == 2 and not argv[1].startswith("-"):
        return roundtrip(argv[1])
    print(__doc__.strip().split("\n\n")[0], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))

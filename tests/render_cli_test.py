#!/usr/bin/env python3
"""Tests of `kgextract render` (pipeline/render_command.cc): the sample report's JSON drawn as
SVG and PNG, the filters, and the error paths with their exit codes.

  render_cli_test.py --binary build/kgextract --data data --sample data/samples/X.txt [Class]

Standard library only; the SVG is read with xml.etree (so it is also checked to be well-formed).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

BINARY = None
DATA = None
SAMPLE = None
SVG_NS = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def run(*args, stdin=None):
    env = dict(os.environ, KGEXTRACT_DATA=DATA)
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True, env=env,
                          timeout=300)


def svg_groups(svg_bytes, cls):
    """The <g class=cls> elements of an SVG: Graphviz draws one per node ("node") or edge."""
    root = ET.fromstring(svg_bytes)
    return [g for g in root.iter(SVG_NS + "g") if g.get("class") == cls]


def node_titles(svg_bytes):
    return [g.find(SVG_NS + "title").text for g in svg_groups(svg_bytes, "node")]


def texts(svg_bytes):
    root = ET.fromstring(svg_bytes)
    return [t.text for t in root.iter(SVG_NS + "text")]


class SampleFixture(unittest.TestCase):
    """The sample report's node-link JSON, made once per class."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="render_cli_")
        cls.dir = cls.tmp.name
        cls.json_path = os.path.join(cls.dir, "sample.json")
        r = run("-q", "-f", "json", "-o", cls.json_path, SAMPLE)
        if r.returncode != 0:
            raise RuntimeError("kgextract -f json failed: " + r.stderr.decode())
        with open(cls.json_path, encoding="utf-8") as f:
            cls.graph = json.load(f)
        cls.links = cls.graph.get("links", cls.graph.get("edges"))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def render(self, *args, stdin=None):
        r = run("render", *args, stdin=stdin)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return r


class RenderSampleTest(SampleFixture):
    def test_svg_has_one_node_group_per_json_node(self):
        out = self.path("sample.svg")
        r = self.render(self.json_path, "-o", out)
        with open(out, "rb") as f:
            svg = f.read()
        titles = node_titles(svg)
        self.assertEqual(len(titles), len(self.graph["nodes"]))
        self.assertEqual(sorted(titles), sorted(n["id"] for n in self.graph["nodes"]))
        self.assertEqual(len(svg_groups(svg, "edge")), len(self.links))
        # The legend: one entry per node type, and the counts.
        shown = texts(svg)
        for name in ("person", "organisation", "place", "event", "talk"):
            self.assertIn(name, shown)
        typed = sum(1 for link in self.links if link["relation"] != "co_occurs")
        co = len(self.links) - typed
        self.assertIn(f"{len(self.graph['nodes'])} entities, {typed} relations, "
                      f"{co} co-occurrences", shown)
        # Only the summary on standard error: Graphviz's own messages are not printed.
        lines = r.stderr.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertTrue(lines[0].startswith(f"wrote {out}: "), lines)

    def test_png_from_extension_and_from_format(self):
        out = self.path("sample.png")
        self.render(self.json_path, "-o", out)
        with open(out, "rb") as f:
            png = f.read()
        self.assertEqual(png[:8], PNG_SIGNATURE)
        width = int.from_bytes(png[16:20], "big")
        height = int.from_bytes(png[20:24], "big")
        self.assertTrue(500 <= width <= 6000 and 300 <= height <= 6000, (width, height))
        other = self.path("picture.data")
        self.render(self.json_path, "-o", other, "--format", "png", "-q")
        with open(other, "rb") as f:
            self.assertEqual(f.read(), png)

    def test_byte_identical_runs_stdout_and_stdin(self):
        first, second = self.path("a.svg"), self.path("b.svg")
        self.render(self.json_path, "-o", first)
        self.render(self.json_path, "-o", second)
        with open(first, "rb") as f:
            svg = f.read()
        with open(second, "rb") as f:
            self.assertEqual(f.read(), svg)
        # No -o: SVG on standard output; '-' reads the graph from standard input.
        self.assertEqual(self.render(self.json_path).stdout, svg)
        with open(self.json_path, "rb") as f:
            self.assertEqual(self.render("-", stdin=f.read()).stdout, svg)

    def test_help(self):
        r = run("render", "--help")
        self.assertEqual(r.returncode, 0)
        self.assertTrue(r.stdout.decode().startswith("usage: kgextract render"))


class RenderFilterTest(SampleFixture):
    def test_relations_keep_only_those_edges(self):
        r = self.render(self.json_path, "--relations", "attended,met")
        kept = [link for link in self.links if link["relation"] in ("attended", "met")]
        self.assertGreater(len(kept), 0)
        self.assertEqual(len(svg_groups(r.stdout, "edge")), len(kept))
        self.assertEqual(len(svg_groups(r.stdout, "node")), len(self.graph["nodes"]))

    def test_min_weight_keeps_heavy_edges(self):
        heavy = [link for link in self.links if link.get("weight", 1) >= 2]
        r = self.render(self.json_path, "--min-weight", "2")
        self.assertEqual(len(svg_groups(r.stdout, "edge")), len(heavy))
        self.assertLess(len(heavy), len(self.links))


class RenderErrorTest(SampleFixture):
    def assertFails(self, code, args, message=None, stdin=None):
        r = run("render", *args, stdin=stdin)
        self.assertEqual(r.returncode, code, r.stderr.decode())
        self.assertEqual(r.stdout, b"")
        if message is not None:
            self.assertIn(message, r.stderr.decode())
        return r

    def test_missing_input_is_3(self):
        missing = self.path("no-such-graph.json")
        self.assertFails(3, [missing, "-o", self.path("x.svg")], missing + ": no such file")
        self.assertFalse(os.path.exists(self.path("x.svg")))

    def test_directory_input_is_4(self):
        self.assertFails(4, [self.dir], self.dir + ": is a directory")

    def test_invalid_json_is_4_with_file_and_byte(self):
        bad = self.path("bad.json")
        with open(bad, "w", encoding="utf-8") as f:
            f.write('{"directed": true, "nodes": [')
        r = self.assertFails(4, [bad, "-o", self.path("bad.svg")])
        self.assertRegex(r.stderr.decode(), "^kgextract: render: " + bad + r": byte \d+: ")
        self.assertFalse(os.path.exists(self.path("bad.svg")))
        self.assertFails(4, ["-"], "-: byte ", stdin=b"[1, 2")

    def test_unwritable_output_is_5_and_leaves_nothing(self):
        missing_dir = self.path("no-such-dir")
        target = os.path.join(missing_dir, "out.svg")
        before = sorted(os.listdir(self.dir))
        self.assertFails(5, [self.json_path, "-o", target], target)
        self.assertEqual(sorted(os.listdir(self.dir)), before)
        # A directory in the way: the rename fails, no temporary is left beside it.
        blocker = self.path("blocker.svg")
        os.mkdir(blocker)
        self.assertFails(5, [self.json_path, "-o", blocker], blocker)
        self.assertEqual(sorted(os.listdir(self.dir)), sorted(before + ["blocker.svg"]))
        self.assertEqual(os.listdir(blocker), [])

    def test_unconnected_nodes_past_200_are_left_out_and_said(self):
        # Issue 12 item 11: thousands of unconnected nodes took minutes of component packing.
        nodes = [{"id": f"person:p{i:04d}", "label": f"P {i}", "type": "PERSON"}
                 for i in range(450)]
        nodes += [{"id": "person:a", "label": "A", "type": "PERSON"},
                  {"id": "person:b", "label": "B", "type": "PERSON"}]
        links = [{"source": "person:a", "target": "person:b", "relation": "met"}]
        graph = self.path("scattered.json")
        with open(graph, "w", encoding="utf-8") as f:
            json.dump({"directed": True, "multigraph": True, "graph": {}, "nodes": nodes,
                       "links": links}, f)
        out = self.path("scattered.svg")
        r = run("render", graph, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn("kgextract: render: 250 unconnected entities not drawn (a picture draws "
                      "at most 200 unconnected entities)", r.stderr.decode())
        with open(out, "rb") as f:
            svg = f.read()
        titles = node_titles(svg)
        self.assertEqual(len(titles), 202)  # the connected two and the first 200 others
        self.assertIn("person:a", titles)
        self.assertIn("person:p0199", titles)
        self.assertNotIn("person:p0200", titles)
        self.assertIn("250 unconnected entities not drawn", " ".join(t or "" for t in texts(svg)))

    def test_weight_overflowing_a_double_is_4_with_file_and_place(self):
        graph = self.path("huge-weight.json")
        with open(graph, "w", encoding="utf-8") as f:
            f.write('{"directed": true, "multigraph": true, "graph": {}, "nodes": '
                    '[{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", '
                    '"weight": 1e999}]}')
        r = self.assertFails(4, [graph, "-o", self.path("w.svg")])
        self.assertRegex(r.stderr.decode(), "^kgextract: render: " + graph + r": byte \d+: ")
        self.assertEqual(r.stderr.decode().count("\n"), 1)
        self.assertFalse(os.path.exists(self.path("w.svg")))

    def test_usage_errors_are_2(self):
        self.assertFails(2, [self.json_path, "-o", self.path("x.jpeg")], "unknown picture type")
        self.assertFails(2, [self.json_path, "--format", "gif"], "unknown format 'gif'")
        self.assertFails(2, [self.json_path, "--format", "png"], "a PNG needs -o")
        self.assertFails(2, [], "no input graph")
        self.assertFails(2, [self.json_path, self.json_path], "one input graph only")
        self.assertFails(2, [self.json_path, "--bogus"], "unknown option '--bogus'")
        self.assertFails(2, [self.json_path, "--min-weight", "heavy"], "--min-weight")
        self.assertFails(2, [self.json_path, "--relations", "likes"], "likes")
        self.assertFails(2, [self.json_path, "-o"], "-o needs a path")
        self.assertFalse(os.path.exists(self.path("x.jpeg")))


def main():
    global BINARY, DATA, SAMPLE
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--sample", required=True)
    args, rest = parser.parse_known_args()
    BINARY, DATA, SAMPLE = (os.path.abspath(args.binary), os.path.abspath(args.data),
                            os.path.abspath(args.sample))
    unittest.main(argv=[sys.argv[0], "-v", *rest])


if __name__ == "__main__":
    main()

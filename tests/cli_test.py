#!/usr/bin/env python3
"""Tests of the kgextract command line: options, exit codes, safe output, determinism and one
end-to-end extraction. Python 3 standard library only.

Usage: cli_test.py --binary PATH/TO/kgextract --data REPO/data [unittest options, test names]

  --binary   the kgextract executable under test
  --data     the repository's data/ directory: rules and gazetteers (passed to the CLI through
             $KGEXTRACT_DATA) and data/samples/ (the sample report)
  --without  viewer or render (repeatable): the build has no HTML viewer (KGEXTRACT_VIEWER=OFF)
             or no Graphviz pictures (KGEXTRACT_RENDER=OFF); the tests that need it are
             skipped and MissingFeaturesTest checks the CLI's usage errors instead

Exit status: 0 when every test passed, 1 otherwise (unittest's).
"""

import argparse
import functools
import glob
import json
import os
import random
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
import tempfile
import unittest
import xml.etree.ElementTree as ET

BINARY = None
WITHOUT = set()  # the optional parts this build lacks (--without): "viewer", "render"


def needs(*features):
    """Skips the test in a build without one of `features` (the CLI then refuses the format)."""
    def wrap(test):
        @functools.wraps(test)
        def run_if_built(self, *args, **kwargs):
            missing = sorted(set(features) & WITHOUT)
            if missing:
                self.skipTest("this build has no " + " and no ".join(missing))
            return test(self, *args, **kwargs)
        return run_if_built
    return wrap
DATA = None
SAMPLE = "samples/techsummit-lisbon-2025.txt"

# Exit codes, from `kgextract --help`.
EXIT_OK, EXIT_USAGE, EXIT_INPUT_MISSING, EXIT_INPUT_INVALID, EXIT_OUTPUT, EXIT_RULES = 0, 2, 3, 4, 5, 6

# The end-to-end report: every sentence states one thing the rules should plainly find. The
# non-ASCII "é" makes code point offsets differ from byte offsets after it.
E2E_TEXT = (
    "I attended RustFest 2023 in Berlin, Germany. "
    "I met Anna Keller, the CEO of Tessera Labs, at the café. "
    "The conference was held at the Kongresshaus Convention Center. "
    "Thank you Anna Keller for organizing!\n"
)


def run(args, stdin=b"", cwd=None):
    """Runs kgextract with `args`; returns the CompletedProcess (stdout/stderr as bytes)."""
    env = dict(os.environ, KGEXTRACT_DATA=DATA)
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True, env=env, cwd=cwd,
                          timeout=120)


def stderr_text(result):
    return result.stderr.decode("utf-8", errors="replace")


def sample_path():
    return os.path.join(DATA, SAMPLE)


class CliTestCase(unittest.TestCase):
    """Gives each test a fresh temporary directory, self.tmp."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="kgextract-cli-test-")
        self.tmp = self._tmp.name

    def tearDown(self):
        # A read-only directory made by a test must become writable again to be removed.
        for root, dirs, _ in os.walk(self.tmp):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        self._tmp.cleanup()

    def write(self, name, content):
        path = os.path.join(self.tmp, name)
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
            f.write(content)
        return path

    def assertExit(self, result, code):
        self.assertEqual(result.returncode, code,
                         f"exit {result.returncode}, expected {code}; stderr:\n"
                         f"{stderr_text(result)}")

    def assertOneLineError(self, result, *fragments):
        """stderr is one line "kgextract: ..." that contains every fragment."""
        err = stderr_text(result)
        self.assertTrue(err.endswith("\n"), repr(err))
        self.assertEqual(err.count("\n"), 1, f"not one line: {err!r}")
        self.assertTrue(err.startswith("kgextract: "), repr(err))
        for fragment in fragments:
            self.assertIn(fragment, err)

    def assertNoTempFiles(self, directory):
        leftovers = (glob.glob(os.path.join(directory, "*.tmp-*")) +
                     glob.glob(os.path.join(directory, ".kgextract-*")))
        self.assertEqual(leftovers, [], f"temporary files left in {directory}")

    def load_json(self, data):
        graph = json.loads(data.decode("utf-8") if isinstance(data, bytes) else data)
        self.assertIsInstance(graph, dict)
        for key in ("directed", "multigraph", "graph", "nodes", "links"):
            self.assertIn(key, graph)
        return graph

    def assertSpansMatchText(self, graph, texts):
        """text[start:end] == span text for every mention and every evidence span, where
        texts maps a document name to its text (offsets are code points)."""
        spans = [("mention of " + n["id"], m) for n in graph["nodes"] for m in n["mentions"]]
        spans += [(f"evidence of {l['source']} {l['relation']} {l['target']}", e)
                  for l in graph["links"] for e in l["evidence"]]
        self.assertTrue(spans, "no spans at all")
        for what, span in spans:
            self.assertIn(span["doc"], texts, what)
            text = texts[span["doc"]]
            self.assertLessEqual(0, span["start"], what)
            self.assertLessEqual(span["start"], span["end"], what)
            self.assertLessEqual(span["end"], len(text), what)
            if "text" not in span:
                # A reference (co-occurrence evidence): the offsets of a sentence, no copy.
                self.assertEqual(span["rule"], "co_occurrence", what)
                self.assertTrue(text[span["start"]:span["end"]].strip(), what)
                continue
            self.assertEqual(text[span["start"]:span["end"]], span["text"],
                             f"{what}: [{span['start']}:{span['end']}]")


class UsageTest(CliTestCase):

    def test_no_arguments_exits_2_with_usage_on_stderr(self):
        r = run([])
        self.assertExit(r, EXIT_USAGE)
        self.assertIn("usage: kgextract", stderr_text(r))
        self.assertEqual(r.stdout, b"")

    def test_help_exits_0_with_usage_and_exit_codes_on_stdout(self):
        for flag in ("--help", "-h"):
            r = run([flag])
            self.assertExit(r, EXIT_OK)
            out = r.stdout.decode("utf-8")
            self.assertTrue(out.startswith("usage: kgextract"), out[:80])
            self.assertIn("exit codes:", out)
            self.assertEqual(r.stderr, b"")

    def test_version_prints_name_semver_and_the_data_directory_in_use(self):
        r = run(["--version"])
        self.assertExit(r, EXIT_OK)
        self.assertRegex(r.stdout.decode("utf-8"), r"\Akgextract \d+\.\d+\.\d+\ndata: .*\n\Z")
        self.assertEqual(r.stdout.decode("utf-8").splitlines()[1],
                         f"data: {DATA} ($KGEXTRACT_DATA)")

    def test_unknown_option_exits_2(self):
        r = run(["--no-such-option", sample_path()])
        self.assertExit(r, EXIT_USAGE)
        self.assertOneLineError(r, "--no-such-option")
        self.assertEqual(r.stdout, b"")

    def test_unknown_format_exits_2(self):
        r = run(["-f", "xlsx", sample_path()])
        self.assertExit(r, EXIT_USAGE)
        self.assertOneLineError(r, "unknown format 'xlsx'", "gexf", "html")

    def test_bad_thread_count_exits_2(self):
        for n in ("0", "-3", "many", "1000"):
            with self.subTest(threads=n):
                self.assertExit(run(["-j", n, sample_path()]), EXIT_USAGE)

    def test_bad_chunk_size_exits_2(self):
        for size in ("-1", "many", "3X", ""):
            with self.subTest(size=size):
                r = run(["--chunk-size", size, sample_path()])
                self.assertExit(r, EXIT_USAGE)
                self.assertOneLineError(r, "--chunk-size")

    def test_options_without_inputs_exit_2(self):
        self.assertExit(run(["--pretty"]), EXIT_USAGE)

    def test_several_formats_without_output_exit_2(self):
        r = run(["-f", "json,graphml", sample_path()])
        self.assertExit(r, EXIT_USAGE)
        self.assertOneLineError(r, "-o")
        self.assertEqual(r.stdout, b"")


class InputTest(CliTestCase):

    def test_missing_file_exits_3_naming_the_file(self):
        missing = os.path.join(self.tmp, "no-such-report.txt")
        r = run([missing])
        self.assertExit(r, EXIT_INPUT_MISSING)
        self.assertOneLineError(r, missing)
        self.assertEqual(r.stdout, b"")

    def test_directory_exits_4(self):
        r = run([self.tmp])
        self.assertExit(r, EXIT_INPUT_INVALID)
        self.assertOneLineError(r, self.tmp)

    def test_empty_file_gives_an_empty_graph(self):
        path = self.write("empty.txt", b"")
        r = run([path])
        self.assertExit(r, EXIT_OK)
        graph = self.load_json(r.stdout)
        self.assertEqual(graph["nodes"], [])
        self.assertEqual(graph["links"], [])
        self.assertIs(graph["directed"], True)
        self.assertIs(graph["multigraph"], True)

    def test_invalid_utf8_exits_4_naming_file_and_byte(self):
        path = self.write("latin1.txt", b"abc\xff\xfe")
        r = run([path])
        self.assertExit(r, EXIT_INPUT_INVALID)
        self.assertOneLineError(r, path, "byte 3")
        self.assertEqual(r.stdout, b"")

    def test_binary_file_with_nul_exits_4(self):
        path = self.write("image.bin", b"PNG\x00\x01\x02 not a report\n")
        r = run([path])
        self.assertExit(r, EXIT_INPUT_INVALID)
        self.assertOneLineError(r, path)

    def test_bad_input_among_good_ones_is_skipped_with_its_name_and_byte(self):
        good = self.write("good.txt", E2E_TEXT)
        bad = self.write("bad.txt", b"abc\xff")
        r = run([good, bad])
        self.assertExit(r, EXIT_OK)
        self.assertEqual(stderr_text(r).splitlines(),
                         [f"kgextract: {bad}: invalid UTF-8 at byte 3 (skipped)",
                          "kgextract: 1 document (0.0 MB), 1 skipped"])
        graph = self.load_json(r.stdout)
        self.assertEqual(graph["graph"]["documents"], [good])

    def test_strict_makes_a_bad_input_among_good_ones_fail_the_run(self):
        good = self.write("good.txt", E2E_TEXT)
        bad = self.write("bad.txt", b"abc\xff")
        out = os.path.join(self.tmp, "out.json")
        r = run(["--strict", "-o", out, good, bad])
        self.assertExit(r, EXIT_INPUT_INVALID)
        self.assertOneLineError(r, bad, "byte 3")
        self.assertEqual(r.stdout, b"")
        self.assertFalse(os.path.exists(out))

    def test_dash_reads_standard_input(self):
        r = run(["-"], stdin=E2E_TEXT.encode("utf-8"))
        self.assertExit(r, EXIT_OK)
        graph = self.load_json(r.stdout)
        self.assertEqual(graph["graph"]["documents"], ["-"])
        ids = {n["id"] for n in graph["nodes"]}
        self.assertIn("event:rustfest-2023", ids)
        self.assertSpansMatchText(graph, {"-": E2E_TEXT})


class RulesTest(CliTestCase):

    def test_missing_data_directory_exits_6(self):
        missing = os.path.join(self.tmp, "no-data")
        r = run(["--data", missing, sample_path()])
        self.assertExit(r, EXIT_RULES)
        self.assertOneLineError(r, missing)
        self.assertEqual(r.stdout, b"")

    def test_rule_that_does_not_compile_exits_6_naming_file_and_line(self):
        data = os.path.join(self.tmp, "data")
        shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("samples"))
        rules = os.path.join(data, "rules", "entities.rules")
        with open(rules, encoding="utf-8") as f:
            line_no = len(f.read().splitlines()) + 1
        with open(rules, "a", encoding="utf-8") as f:
            f.write("broken_rule | PERSON | chunk | (unclosed\n")
        r = run(["--data", data, sample_path()])
        self.assertExit(r, EXIT_RULES)
        # The last line is kgextract's own message (RE2 may log its error on a line before it).
        last = stderr_text(r).rstrip("\n").splitlines()[-1]
        self.assertTrue(last.startswith("kgextract: "), last)
        self.assertIn(f"{rules}:{line_no}:", last)


class PackTestCase(CliTestCase):
    """Gives tests/packs/awards (a pack written for the tests) and a way to write others."""

    TEXT = ("Dana Whitfield won the Lovelace Prize for her work on compilers at RustConf 2025 "
            "in Portland.\n")

    def pack(self):
        return os.path.join(os.path.dirname(os.path.abspath(DATA)), "tests", "packs", "awards")

    def make_pack(self, name, files):
        """A pack folder under self.tmp holding `files` ({relative path: text})."""
        root = os.path.join(self.tmp, name)
        for rel, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
                f.write(text)
        return root


class RulePacksTest(PackTestCase):
    """Issue 10: a rule pack (--rules DIR) adds an entity type and a relation with no C++
    change; they appear in every export; pack errors name the file, line and column."""

    @needs("viewer")
    def test_pack_type_and_relation_appear_in_every_export(self):
        report = self.write("report.txt", self.TEXT)
        base = os.path.join(self.tmp, "out")
        r = run(["-q", "--rules", self.pack(), "-f", "json,graphml,gexf,csv,dot,html", "-o", base,
                 report])
        self.assertExit(r, EXIT_OK)
        with open(base + ".json", encoding="utf-8") as f:
            graph = json.load(f)
        nodes = {n["id"]: n["type"] for n in graph["nodes"]}
        self.assertEqual(nodes["award:lovelace-prize"], "AWARD")
        self.assertIn(("person:dana-whitfield", "won", "award:lovelace-prize"),
                      {(l["source"], l["relation"], l["target"]) for l in graph["links"]})
        self.assertIn({"type": "AWARD", "color": "#56B4E9"}, graph["graph"]["types"])
        self.assertIn("won", graph["graph"]["relations"])

        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        root = ET.parse(base + ".graphml").getroot()
        keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
        def data(el):
            return {keys[d.get("key")]: d.text for d in el.findall("g:data", ns)}
        gml_nodes = {n.get("id"): data(n) for n in root.iter("{%s}node" % ns["g"])}
        self.assertEqual(gml_nodes["award:lovelace-prize"]["type"], "AWARD")
        self.assertIn("won", [data(e).get("relation") for e in root.iter("{%s}edge" % ns["g"])])

        with open(base + ".gexf", encoding="utf-8") as f:
            gexf = f.read()
        award = gexf[gexf.index('id="award:lovelace-prize"'):]
        award = award[:award.index("</node>")]
        self.assertIn('value="AWARD"', award)
        self.assertIn('<viz:color r="86" g="180" b="233"/>', award)
        self.assertIn('label="won"', gexf)

        with open(base + ".nodes.csv", encoding="utf-8") as f:
            self.assertIn("award:lovelace-prize", [row.split(",")[0] for row in f if "AWARD" in row])
        with open(base + ".edges.csv", encoding="utf-8") as f:
            self.assertTrue(any("person:dana-whitfield" in row and ",won," in row for row in f))

        with open(base + ".dot", encoding="utf-8") as f:
            dot = f.read()
        line = next(l for l in dot.splitlines() if l.lstrip().startswith('"award:lovelace-prize" ['))
        self.assertIn('fillcolor="#56B4E9"', line)
        self.assertIn('relation="won"', dot)

        with open(base + ".html", encoding="utf-8") as f:
            html = f.read()
        # (assertTrue: a failing assertIn would print the whole page.)
        self.assertTrue('{"type":"AWARD","color":"#56B4E9"}' in html, "no AWARD in the legend")
        self.assertTrue('"type":"AWARD"' in html.split('"nodes":', 1)[1], "no AWARD node")
        self.assertTrue('"relation":"won"' in html, "no won edge")

    def test_relations_filter_knows_the_pack_relations(self):
        report = self.write("report.txt", self.TEXT)
        r = run(["-q", "--rules", self.pack(), "--relations", "won", report])
        self.assertExit(r, EXIT_OK)
        self.assertEqual({l["relation"] for l in json.loads(r.stdout)["links"]}, {"won"})
        r = run(["-q", "--relations", "won", report])
        self.assertExit(r, EXIT_USAGE)
        self.assertOneLineError(r, "--relations: unknown relation 'won'")

    def test_no_default_rules_keeps_only_the_pack_types(self):
        pack = self.make_pack("people-and-awards", {
            "schema": "type | PERSON | #0072B2 | - | people\n"
                      "type | AWARD | #56B4E9 | - | prizes\n"
                      "relation | won | PERSON | AWARD | directed | won it\n",
            "rules/entities.rules": "award_name | AWARD | chunk | \\S\\s+Prize$\n",
            "rules/relations.rules": "won | won | 1 | 2 | - | {PERSON} won (?:the )?{AWARD}\n",
        })
        report = self.write("report.txt", self.TEXT)
        r = run(["-q", "--no-default-rules", "--rules", pack, report])
        self.assertExit(r, EXIT_OK)
        graph = json.loads(r.stdout)
        self.assertEqual(sorted((n["id"], n["type"]) for n in graph["nodes"]),
                         [("award:lovelace-prize", "AWARD"), ("person:dana-whitfield", "PERSON")])
        self.assertEqual([l["relation"] for l in graph["links"] if l["relation"] != "co_occurs"],
                         ["won"])
        self.assertEqual(graph["graph"]["relations"], ["won", "co_occurs"])

    def test_an_entity_rules_weight_decides_the_documents_vote(self):
        # A gazetteer city (weight 3 a mention) retyped as an organisation by a context rule:
        # with weight 9 the rule outvotes the gazetteer, with weight 1 it does not.
        text = "Lisbon announced a new release on Monday. Later we thanked Lisbon for the venue.\n"
        report = self.write("report.txt", text)
        ids = {}
        for weight in (9, 1):
            pack = self.make_pack(f"weight{weight}", {
                "rules/entities.rules":
                    f"org_announced | ORG | each force weight={weight} | ({{PLACE}}) announced\n"})
            r = run(["-q", "--rules", pack, report])
            self.assertExit(r, EXIT_OK)
            ids[weight] = sorted(n["id"] for n in json.loads(r.stdout)["nodes"]
                                 if not n.get("narrator"))
        self.assertEqual(ids, {9: ["org:lisbon"], 1: ["place:lisbon"]})

    def test_no_default_rules_needs_a_pack(self):
        r = run(["--no-default-rules", self.write("report.txt", self.TEXT)])
        self.assertExit(r, EXIT_USAGE)
        self.assertOneLineError(r, "--no-default-rules needs at least one --rules DIR")

    def test_a_guard_keeps_the_rules_below_it_from_a_given_name(self):
        # Precedence as data: the guard (skip=EVENT first=given_name) keeps the event rule
        # below it from "Ingrid Zorbex"; without the guard, both names become events.
        text = "We flew to Quorvia Zorbex in May. Ingrid Zorbex joined us there.\n"
        report = self.write("report.txt", text)
        event = "zorbex_events | EVENT | chunk | \\sZorbex$\n"
        guard = "zorbex_guard | PERSON | chunk skip=EVENT first=given_name | \\sZorbex$\n"
        found = {}
        for name, rules in (("guarded", guard + event), ("unguarded", event)):
            pack = self.make_pack(name, {"rules/entities.rules": rules})
            r = run(["-q", "--rules", pack, report])
            self.assertExit(r, EXIT_OK)
            found[name] = sorted(n["id"] for n in json.loads(r.stdout)["nodes"]
                                 if not n.get("narrator"))
        self.assertEqual(found, {"guarded": ["event:quorvia-zorbex", "person:ingrid-zorbex"],
                                 "unguarded": ["event:ingrid-zorbex", "event:quorvia-zorbex"]})

    def test_an_entity_rules_named_slot_is_its_target(self):
        # Group 1 of the pattern holds the verb; the named slot {?:team} is what gets typed.
        text = "Yesterday we cheered for Quorvia Zorbex at the final.\n"
        report = self.write("report.txt", text)
        pack = self.make_pack("target", {
            "rules/entities.rules": "team_cheered | ORG | each | (cheered) for {?:team}\n"})
        r = run(["-q", "--rules", pack, report])
        self.assertExit(r, EXIT_OK)
        graph = json.loads(r.stdout)
        self.assertEqual([(n["id"], n["mentions"][0]["rule"]) for n in graph["nodes"]
                          if not n.get("narrator")], [("org:quorvia-zorbex", "team_cheered")])

    def test_chunk_rule_word_list_conditions(self):
        # last=city: "Zorbex Lisbon" ends in a city, "Zorbex Tuesday" does not.
        text = "Zorbex Lisbon met on Friday. Zorbex Tuesday met too.\n"
        report = self.write("report.txt", text)
        pack = self.make_pack("conditions", {
            "rules/entities.rules": "zorbex_chapter | ORG | chunk last=city | ^Zorbex\\s\n"})
        r = run(["-q", "--rules", pack, report])
        self.assertExit(r, EXIT_OK)
        graph = json.loads(r.stdout)
        self.assertEqual([(n["id"], n["mentions"][0]["rule"]) for n in graph["nodes"]
                          if n["type"] == "ORG"], [("org:zorbex-lisbon", "zorbex_chapter")])

    def test_pack_errors_name_file_line_and_column(self):
        report = self.write("report.txt", self.TEXT)
        cases = [
            # (files, the file with the error, line:column, message fragment)
            ({"rules/relations.rules": "# c\nx | wins | 1 | 2 | - | {PERSON} won {ORG}\n"},
             "rules/relations.rules", "2:5", "unknown relation 'wins'"),
            ({"rules/relations.rules": "x | attended | 1 | 2 | - | {PLACE} hosted {EVENT}\n"},
             "rules/relations.rules", "1:16", "subject 1 is a PLACE, but attended takes PERSON"),
            ({"rules/relations.rules": "x | met | @narrator | 1 | - | met {TROPHY}\n"},
             "rules/relations.rules", "1:31", "unknown slot {TROPHY}"),
            ({"rules/entities.rules": "x | TROPHY | chunk | Cup$\n"},
             "rules/entities.rules", "1:5", "unknown entity type 'TROPHY'"),
            ({"rules/entities.rules": "x | PLACE.planet | chunk | Mars$\n"},
             "rules/entities.rules", "1:5", "PLACE has no subtype 'planet'"),
            ({"rules/inference.rules": "x | held_at | TALK | PERSON\n"},
             "rules/inference.rules", "1:22", "object PERSON is a PERSON, but held_at takes"),
            ({"rules/relations.rules": "x | met | who | other | - | {WHO:who} met {PERSON:them}\n"},
             "rules/relations.rules", "1:17", "no slot is named 'other'"),
            ({"rules/relations.rules": "x | met | 1 | 2 | - | {WHO} {@MEET} {PERSON}\n"},
             "rules/relations.rules", "1:23", "{@MEET}: no '@define MEET = ...' above"),
            ({"rules/relations.rules": "@define meet = met\n"},
             "rules/relations.rules", "1:9", "a @define name is A-Z, 0-9 and _"),
            ({"rules/entities.rules": "x | PERSON | each | {?:a} met {PERSON:b}\n"},
             "rules/entities.rules", "1:21", "an entity rule names one slot or group, its target"),
            ({"rules/relations.rules": "x | met | a | b | - | {WHO:a} met {GAP:b}\n"},
             "rules/relations.rules", "1:23", "GAP is filler"),
            ({"rules/relations.rules": "x | met | 1 | 2 | - | {WHO} met \u27e8PERSON_1\u27e9\n"},
             "rules/relations.rules", "1:33", "not the placeholder character \u27e8"),
            ({"rules/relations.rules": "x | met | 1 | 2 | - | {WHO} {SLOT org} met {PERSON}\n"},
             "rules/relations.rules", "1:23", "{SLOT} or {SLOT TYPE|TYPE...}"),
            ({"schema": "type | Award | #56B4E9 | - | prizes\n"},
             "schema", "1:8", "a type name is 1 to 24 letters A-Z"),
            ({"schema": "type | AWARD | blue | - | prizes\n"},
             "schema", "1:16", "a colour is #RRGGBB"),
            ({"schema": "relation | won | PERSON | TROPHY | directed | won\n"},
             "schema", "1:27", "unknown type 'TROPHY'"),
            ({"schema": "type | ORG | #000000 | - | again\n"},
             "schema", "1:8", "type ORG is already defined at"),
            ({"schema": "relation | greeted | PERSON | PERSON | sometimes | met\n"},
             "schema", "1:40", "expected 'directed' or 'symmetric'"),
            ({"rules/entities.rules": "x | ORG | chunk last=planet | \\s\\S+$\n"},
             "rules/entities.rules", "1:17", "unknown word list 'planet' in 'last=planet'"),
            ({"rules/entities.rules": "x | ORG | chunk skip=PLACE|TROPHY | \\s\\S+$\n"},
             "rules/entities.rules", "1:17", "unknown entity type 'TROPHY' in 'skip="),
            ({"rules/entities.rules": "x | ORG | each last=city | ({?}) FC\n"},
             "rules/entities.rules", "1:16", "unknown flag 'last=city'"),
            ({"rules/entities.rules": "x | PERSON | chunk skip=ORG | ^Ana \\S+$\n"
                                      "example: I met Ana Lima.\n"},
             "rules/entities.rules", "2", "a guard (skip=) types nothing, so it takes no examples"),
        ]
        for i, (files, bad, place, message) in enumerate(cases):
            with self.subTest(message=message):
                pack = self.make_pack(f"pack{i}", files)
                r = run(["-q", "--rules", pack, report])
                self.assertExit(r, EXIT_RULES)
                self.assertOneLineError(r, f"{os.path.join(pack, bad)}:{place}: ", message)
                self.assertEqual(r.stdout, b"")

    def test_a_folder_that_is_no_pack_is_an_error(self):
        empty = os.path.join(self.tmp, "empty")
        os.mkdir(empty)
        r = run(["-q", "--rules", empty, self.write("report.txt", self.TEXT)])
        self.assertExit(r, EXIT_RULES)
        self.assertOneLineError(r, f"{empty}: not a rule pack")


class RulesCommandTest(PackTestCase):
    """Issue 10: `kgextract rules check` runs every pack's examples and reports problems as
    file:line; `kgextract rules stats` counts each rule's hits per document."""

    def check(self, *args):
        return run(["rules", "check", *args])

    def test_check_holds_for_the_built_in_pack_and_the_test_pack(self):
        r = self.check(DATA, self.pack())
        self.assertExit(r, EXIT_OK)
        last = r.stdout.decode().splitlines()[-1]
        self.assertRegex(last, r"^rules check: \d+ rules, 6 entity types, 15 relations, "
                               r"\d+ examples: all hold$")

    def test_check_holds_for_the_academic_pack(self):
        academic = os.path.join(os.path.dirname(os.path.abspath(DATA)), "data", "packs",
                                "academic")
        r = self.check(academic)
        self.assertExit(r, EXIT_OK)
        self.assertRegex(r.stdout.decode(), r"^rules check: \d+ rules, 7 entity types, 19 "
                                            r"relations, \d+ examples: all hold\n$")

    def test_check_reports_each_kind_of_failing_example(self):
        rule = "won | won | 1 | 2 | - | {PERSON} won (?:the )?{AWARD}\n"
        pack = self.make_pack("failing", {
            "schema": "type | AWARD | #56B4E9 | - | prizes\n"
                      "relation | won | PERSON | AWARD | directed | won it\n",
            "rules/entities.rules": "award_name | AWARD | chunk | \\S\\s+Prize$\n",
            "rules/relations.rules": rule +
                "example: Dana Whitfield lost the Lovelace Prize.\n" +
                "counter-example: Dana Whitfield won the Lovelace Prize.\n" +
                "example: Dana Whitfield won the Lovelace Prize. => Dana -> Turing Prize\n" +
                "example: Dana Whitfield won the Lovelace Prize. => Dana Whitfield -> Lovelace Prize\n",
        })
        r = self.check(pack)
        self.assertExit(r, EXIT_RULES)
        path = os.path.join(pack, "rules", "relations.rules")
        lines = r.stdout.decode().splitlines()
        self.assertEqual(len(lines), 4, lines)
        self.assertTrue(lines[0].startswith(f"{path}:2: example of won: the rule did not fire; "
                                            "found "), lines[0])
        self.assertEqual(lines[1], f"{path}:3: counter-example of won: the rule fired (found "
                                   "'Dana Whitfield -> Lovelace Prize')")
        self.assertEqual(lines[2], f"{path}:4: example of won: expected 'Dana -> Turing Prize', "
                                   "found 'Dana Whitfield -> Lovelace Prize'")
        self.assertTrue(lines[3].endswith(" examples: 3 do not hold"), lines[3])

    def test_check_reports_a_pack_that_does_not_load(self):
        pack = self.make_pack("broken", {
            "rules/relations.rules": "example: a line before any rule.\n"})
        r = self.check(pack)
        self.assertExit(r, EXIT_RULES)
        path = os.path.join(pack, "rules", "relations.rules")
        self.assertEqual(r.stdout.decode().splitlines(),
                         [f"{path}:1:1: an example line needs a rule above it",
                          "rules check: the packs do not load"])

    def test_pattern_too_large_to_compile_fails_the_check_and_is_skipped_with_a_warning_in_a_run(self):
        # A run compiles each rule at its first use, so only `rules check` can fail on a pattern
        # that parses but is too large for RE2; a run warns once and goes on without the rule.
        pack = self.make_pack("huge", {
            "rules/entities.rules": "huge | ORG | chunk | ^\\p{L}{1000} Guild$\n"
                                    "guild | ORG | chunk | ^\\p{Lu}\\p{Ll}+ Guild$\n"})
        path = os.path.join(pack, "rules", "entities.rules")
        r = self.check(pack)
        self.assertExit(r, EXIT_RULES)
        self.assertEqual(r.stdout.decode().splitlines(),
                         [f"{path}:1: pattern does not compile: pattern too large - compile failed",
                          "rules check: the packs do not load"])
        text = os.path.join(self.tmp, "guild.txt")
        with open(text, "w", encoding="utf-8") as f:
            # A name of 1,000 letters: the huge rule is a candidate, so it is compiled.
            f.write("We met the Oak Guild and the Q" + "x" * 999 + " Guild.\n")
        out = os.path.join(self.tmp, "guild.json")
        r = run(["-q", "--rules", pack, "-o", out, text])
        self.assertExit(r, EXIT_OK)
        self.assertEqual(stderr_text(r),
                         f"kgextract: {path}:1: rule huge: pattern does not compile: pattern too "
                         "large - compile failed; the rule matches nothing (kgextract rules check "
                         "reports it)\n")
        with open(out, encoding="utf-8") as f:
            nodes = json.load(f)["nodes"]
        long_name = [n for n in nodes if n["label"] == "Q" + "x" * 999 + " Guild"]
        self.assertEqual(len(long_name), 1, nodes)
        self.assertNotEqual(long_name[0]["mentions"][0]["rule"], "huge")

    def test_stats_counts_hits_per_rule_and_marks_dead_and_one_document_rules(self):
        pack = self.make_pack("stats", {
            "schema": "type | AWARD | #56B4E9 | - | prizes\n"
                      "relation | won | PERSON | AWARD | directed | won it\n",
            "rules/entities.rules": "award_name | AWARD | chunk | \\S\\s+Prize$\n",
            "rules/relations.rules": "won | won | 1 | 2 | - | {PERSON} won (?:the )?{AWARD}\n"
                                     "never | won | 1 | 2 | - | {PERSON} lost to {AWARD}\n",
        })
        docs = os.path.join(self.tmp, "docs")
        os.mkdir(docs)
        for name, text in [("a.txt", "Dana Whitfield won the Lovelace Prize.\n"),
                           ("b.txt", "Omar Haddad gave a talk about the Lovelace Prize.\n")]:
            with open(os.path.join(docs, name), "w", encoding="utf-8") as f:
                f.write(text)
        r = run(["rules", "stats", "--rules", pack, docs])
        self.assertExit(r, EXIT_OK)
        rows = {}
        for line in r.stdout.decode().splitlines()[1:]:
            name, kind, place, hits, documents, note = line.split("\t")
            rows[name] = (kind, place, int(hits), int(documents), note)
        relations = os.path.join(pack, "rules", "relations.rules")
        self.assertEqual(rows["won"], ("relation", f"{relations}:1", 1, 1, "one document"))
        self.assertEqual(rows["never"], ("relation", f"{relations}:2", 0, 0, "dead"))
        entities = os.path.join(pack, "rules", "entities.rules")
        self.assertEqual(rows["award_name"], ("entity", f"{entities}:1", 2, 2, ""))
        self.assertIn("2 documents", stderr_text(r))


class OutputTest(CliTestCase):

    def test_json_and_graphml_with_base_name(self):
        base = os.path.join(self.tmp, "out", "report")
        os.mkdir(os.path.dirname(base))
        r = run(["-f", "json,graphml", "-o", base, sample_path()])
        self.assertExit(r, EXIT_OK)
        self.assertEqual(sorted(os.listdir(os.path.dirname(base))),
                         ["report.graphml", "report.json"])
        with open(base + ".json", "rb") as f:
            graph = self.load_json(f.read())
        self.assertTrue(graph["nodes"])
        root = ET.parse(base + ".graphml").getroot()
        self.assertEqual(root.tag, "{http://graphml.graphdrawing.org/xmlns}graphml")
        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        self.assertEqual(len(root.findall("g:graph/g:node", ns)), len(graph["nodes"]))
        self.assertEqual(len(root.findall("g:graph/g:edge", ns)), len(graph["links"]))
        # The one-line summary on stderr names both files.
        err = stderr_text(r)
        self.assertRegex(err, r"\Awrote .*report\.json, .*report\.graphml: \d+ people, .*\n\Z")

    def test_quiet_prints_nothing(self):
        out = os.path.join(self.tmp, "q.json")
        r = run(["-q", "-o", out, sample_path()])
        self.assertExit(r, EXIT_OK)
        self.assertEqual(r.stderr, b"")
        self.assertEqual(r.stdout, b"")

    def test_output_in_missing_directory_exits_5(self):
        r = run(["-o", "/nonexistent-dir/x.json", sample_path()])
        self.assertExit(r, EXIT_OUTPUT)
        self.assertOneLineError(r, "/nonexistent-dir/x.json")
        self.assertFalse(os.path.exists("/nonexistent-dir"))

    def test_output_under_a_regular_file_exits_5(self):
        # Fails for root too: a regular file cannot hold entries.
        regular = self.write("plain.txt", "not a directory\n")
        target = os.path.join(regular, "x.json")
        r = run(["-o", target, sample_path()])
        self.assertExit(r, EXIT_OUTPUT)
        self.assertOneLineError(r, target)
        with open(regular, encoding="utf-8") as f:
            self.assertEqual(f.read(), "not a directory\n")
        self.assertNoTempFiles(self.tmp)

    def test_output_that_is_a_directory_exits_5_without_temp_files(self):
        # The temporary file can be made beside the target, but not renamed over it.
        target = os.path.join(self.tmp, "taken.json")
        os.mkdir(target)
        r = run(["-o", target, sample_path()])
        self.assertExit(r, EXIT_OUTPUT)
        self.assertOneLineError(r, target)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["taken.json"])
        self.assertEqual(os.listdir(target), [])

    @unittest.skipIf(os.geteuid() == 0, "root can write into a read-only directory")
    def test_output_in_read_only_directory_exits_5_without_temp_files(self):
        ro = os.path.join(self.tmp, "ro")
        os.mkdir(ro)
        os.chmod(ro, stat.S_IRUSR | stat.S_IXUSR)
        r = run(["-o", os.path.join(ro, "x.json"), sample_path()])
        self.assertExit(r, EXIT_OUTPUT)
        self.assertEqual(os.listdir(ro), [])

    def test_existing_output_kept_when_input_is_missing(self):
        out = self.write("keep.json", "precious content\n")
        r = run(["-o", out, os.path.join(self.tmp, "missing.txt")])
        self.assertExit(r, EXIT_INPUT_MISSING)
        with open(out, encoding="utf-8") as f:
            self.assertEqual(f.read(), "precious content\n")
        self.assertNoTempFiles(self.tmp)

    def test_existing_output_kept_when_input_is_invalid(self):
        out = self.write("keep.json", "precious content\n")
        bad = self.write("bad.txt", b"abc\xff\xfe")
        r = run(["-o", out, bad])
        self.assertExit(r, EXIT_INPUT_INVALID)
        with open(out, encoding="utf-8") as f:
            self.assertEqual(f.read(), "precious content\n")
        self.assertNoTempFiles(self.tmp)

    def test_existing_output_is_replaced_on_success(self):
        out = self.write("old.json", "old content\n")
        self.assertExit(run(["-q", "-o", out, sample_path()]), EXIT_OK)
        with open(out, "rb") as f:
            self.load_json(f.read())
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode) & 0o644, 0o644)
        self.assertNoTempFiles(self.tmp)


    def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(self):
        link = os.path.join(self.tmp, "link.json")
        os.symlink("real.json", link)  # the target does not exist yet
        for _ in range(2):  # made, then replaced
            self.assertExit(run(["-q", "-o", link, sample_path()]), EXIT_OK)
            self.assertTrue(os.path.islink(link))
            self.assertEqual(os.readlink(link), "real.json")
            with open(os.path.join(self.tmp, "real.json"), "rb") as f:
                self.load_json(f.read())
        self.assertNoTempFiles(self.tmp)

    def test_output_to_a_fifo_is_written_in_place(self):
        fifo = os.path.join(self.tmp, "pipe")
        os.mkfifo(fifo)
        reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
        r = run(["-q", "-o", fifo, sample_path()])
        data, _ = reader.communicate(timeout=60)
        self.assertExit(r, EXIT_OK)
        self.load_json(data)
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))
        self.assertNoTempFiles(self.tmp)

    def test_a_write_failing_midway_keeps_the_old_output_and_names_the_file(self):
        # The JSON is streamed to its temporary file block by block: when a write fails after
        # the first pieces are in (here at the file size limit, EFBIG), the old output stays,
        # the temporary goes and the error names the output.
        out = self.write("keep.json", "precious content\n")
        env = dict(os.environ, KGEXTRACT_DATA=DATA)

        def limit_file_size():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

        for jobs in ("1", "2"):
            with self.subTest(jobs=jobs):
                r = subprocess.run([BINARY, "-q", "-j", jobs, "-o", out, sample_path()], env=env,
                                   capture_output=True, preexec_fn=limit_file_size, timeout=120)
                self.assertExit(r, EXIT_OUTPUT)
                self.assertOneLineError(r, out, "File too large")
                with open(out, encoding="utf-8") as f:
                    self.assertEqual(f.read(), "precious content\n")
                self.assertNoTempFiles(self.tmp)
        # Without the limit the output is larger than 4096 bytes: the failure was midway.
        self.assertExit(run(["-q", "-o", out, sample_path()]), EXIT_OK)
        self.assertGreater(os.path.getsize(out), 3 * 4096)

    @unittest.skipUnless(os.geteuid() == 0, "only root can make a device node")
    def test_output_to_a_device_is_written_in_place_not_replaced(self):
        # A null device of our own: the system's /dev/null must not be at stake in a test.
        null = os.path.join(self.tmp, "null")
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        self.assertExit(run(["-q", "-o", null, sample_path()]), EXIT_OK)
        self.assertTrue(stat.S_ISCHR(os.lstat(null).st_mode))
        full = os.path.join(self.tmp, "full")
        os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        r = run(["-q", "-o", full, sample_path()])
        self.assertExit(r, EXIT_OUTPUT)
        self.assertOneLineError(r, full, "No space left on device")
        self.assertTrue(stat.S_ISCHR(os.lstat(full).st_mode))
        self.assertNoTempFiles(self.tmp)


class ExportTest(CliTestCase):
    """The formats of -f, where they are written, and the --min-weight / --relations filters."""

    def export(self, *args):
        """Runs the sample report with `args` and `-f json` to stdout; returns the graph."""
        r = run(["-q", "-f", "json", *args, sample_path()])
        self.assertExit(r, EXIT_OK)
        return self.load_json(r.stdout)

    @needs("viewer", "render")
    def test_format_all_writes_every_format_but_png_next_to_each_other(self):
        base = os.path.join(self.tmp, "g")
        r = run(["-f", "all", "-o", base, sample_path()])
        self.assertExit(r, EXIT_OK)
        expected = ["g.dot", "g.edges.csv", "g.gexf", "g.graphml", "g.html", "g.json",
                    "g.nodes.csv", "g.svg"]
        self.assertEqual(sorted(os.listdir(self.tmp)), expected)
        for name in expected:
            self.assertGreater(os.path.getsize(os.path.join(self.tmp, name)), 100, name)
            self.assertIn(os.path.join(self.tmp, name), stderr_text(r))
        ET.parse(base + ".gexf")
        ET.parse(base + ".svg")

    def test_single_csv_format_writes_nodes_and_edges_beside_the_base(self):
        r = run(["-q", "-f", "csv", "-o", os.path.join(self.tmp, "graph.csv"), sample_path()])
        self.assertExit(r, EXIT_OK)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["graph.edges.csv", "graph.nodes.csv"])

    @needs("render")
    def test_png_starts_with_the_png_signature(self):
        out = os.path.join(self.tmp, "picture.png")
        self.assertExit(run(["-q", "-f", "png", "-o", out, sample_path()]), EXIT_OK)
        with open(out, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")

    @needs("render")
    def test_csv_and_png_to_standard_output_exit_2(self):
        for fmt in ("csv", "png"):
            r = run(["-f", fmt, sample_path()])
            self.assertExit(r, EXIT_USAGE)
            self.assertOneLineError(r, f"-f {fmt} needs -o")
            self.assertEqual(r.stdout, b"")

    def test_relations_filter_keeps_only_the_listed_relations_and_every_node(self):
        full = self.export()
        filtered = self.export("--relations", "met,attended")
        relations = {link["relation"] for link in filtered["links"]}
        self.assertEqual(relations, {"met", "attended"})
        self.assertEqual(len(filtered["links"]),
                         sum(l["relation"] in relations for l in full["links"]))
        self.assertEqual([n["id"] for n in filtered["nodes"]], [n["id"] for n in full["nodes"]])

    def test_min_weight_filter_drops_lighter_edges(self):
        full = self.export()
        heavy = self.export("--min-weight", "2")
        self.assertTrue(heavy["links"])
        self.assertTrue(all(l["weight"] >= 2 for l in heavy["links"]))
        self.assertEqual(len(heavy["links"]), sum(l["weight"] >= 2 for l in full["links"]))

    def test_metrics_describe_the_exported_edges(self):
        for args in ([], ["--relations", "co_occurs"]):
            graph = self.export(*args)
            degree = {n["id"]: 0 for n in graph["nodes"]}
            weighted = {n["id"]: 0.0 for n in graph["nodes"]}
            for link in graph["links"]:
                for end in (link["source"], link["target"]):
                    degree[end] += 1
                    weighted[end] += link["weight"]
            for node in graph["nodes"]:
                self.assertEqual(node["degree"], degree[node["id"]], (args, node["id"]))
                self.assertAlmostEqual(node["weighted_degree"], weighted[node["id"]])
            self.assertAlmostEqual(sum(n["pagerank"] for n in graph["nodes"]), 1.0, places=6)

    def test_unknown_relation_exits_2_and_lists_the_known_ones(self):
        r = run(["--relations", "met,knows", sample_path()])
        self.assertExit(r, EXIT_USAGE)
        self.assertOneLineError(r, "unknown relation 'knows'", "speaker_of", "co_occurs")

    def test_bad_min_weight_exits_2(self):
        for value in ("-1", "heavy", "", "nan"):
            r = run(["--min-weight", value, sample_path()])
            self.assertExit(r, EXIT_USAGE)
            self.assertOneLineError(r, "--min-weight wants a number >= 0")


class DeterminismTest(CliTestCase):

    ALL_SUFFIXES = (".json", ".graphml", ".gexf", ".nodes.csv", ".edges.csv", ".dot", ".html",
                    ".svg")

    @property
    def SUFFIXES(self):
        """The files of -f all in this build (without the viewer, no .html; without Graphviz, no
        .svg)."""
        return tuple(s for s in self.ALL_SUFFIXES
                     if not (s == ".html" and "viewer" in WITHOUT)
                     and not (s == ".svg" and "render" in WITHOUT))

    def outputs(self, inputs, *extra):
        """Every format of one run (-f all), as a dict from suffix to bytes."""
        base = os.path.join(self.tmp, f"run{len(os.listdir(self.tmp))}")
        r = run(["-q", "-f", "all", "-o", base, *extra, *inputs])
        self.assertExit(r, EXIT_OK)
        files = {}
        for suffix in self.SUFFIXES:
            with open(base + suffix, "rb") as f:
                files[suffix] = f.read()
        return files

    def test_two_runs_on_the_sample_give_identical_bytes(self):
        first = self.outputs([sample_path()])
        second = self.outputs([sample_path()])
        for suffix in self.SUFFIXES:
            self.assertEqual(first[suffix], second[suffix], f"{suffix} differs between runs")

    def test_thread_count_does_not_change_the_bytes(self):
        inputs = [sample_path(), self.write("e2e.txt", E2E_TEXT),
                  self.write("third.txt",
                             "I attended PyCon Italia 2024 in Florence, Italy. "
                             "I met Giulia Romano and Marco Bellini at the sprints.\n")]
        one = self.outputs(inputs, "-j", "1")
        two = self.outputs(inputs, "-j", "2")
        three = self.outputs(inputs, "--threads=3")
        for suffix in self.SUFFIXES:
            self.assertEqual(one[suffix], two[suffix], f"{suffix} differs: -j 1, -j 2")
            self.assertEqual(one[suffix], three[suffix], f"{suffix} differs: -j 1, --threads=3")
        graph = self.load_json(one[".json"])
        self.assertEqual(graph["graph"]["documents"], inputs)

    def test_one_document_in_chunks_gives_the_same_bytes_for_any_thread_count(self):
        # The sample eight times over, in chunks of 4 KiB: one document, extracted in pieces.
        with open(sample_path(), encoding="utf-8") as f:
            text = (f.read() + "\n\n") * 8
        path = self.write("long.txt", text)
        one = self.outputs([path], "-j", "1", "--chunk-size", "4K")
        for threads in ("2", "3"):
            other = self.outputs([path], "-j", threads, "--chunk-size=4K")
            for suffix in self.SUFFIXES:
                self.assertEqual(one[suffix], other[suffix], f"{suffix} differs: -j {threads}")
        graph = self.load_json(one[".json"])
        self.assertEqual(graph["graph"]["documents"], [path])
        # Spans are code point offsets into the whole document, chunks after the first too.
        last = max(m["end"] for n in graph["nodes"] for m in n["mentions"])
        self.assertGreater(last, len(text) * 7 // 8)
        for node in graph["nodes"]:
            for m in node["mentions"]:
                self.assertEqual(text[m["start"]:m["end"]], m["text"])


class EndToEndTest(CliTestCase):

    def extract(self):
        path = self.write("rustfest.txt", E2E_TEXT)
        r = run([path])
        self.assertExit(r, EXIT_OK)
        return path, self.load_json(r.stdout)

    def test_expected_nodes(self):
        _, graph = self.extract()
        nodes = {n["id"]: n for n in graph["nodes"]}
        expected = {
            "person:anna-keller": ("PERSON", "Anna Keller"),
            "org:tessera-labs": ("ORG", "Tessera Labs"),
            "event:rustfest-2023": ("EVENT", "RustFest 2023"),
            "place:berlin": ("PLACE", "Berlin"),
            "place:germany": ("PLACE", "Germany"),
            "place:kongresshaus-convention-center": ("PLACE", "Kongresshaus Convention Center"),
        }
        for node_id, (node_type, label) in expected.items():
            with self.subTest(node=node_id):
                self.assertIn(node_id, nodes, f"have {sorted(nodes)}")
                self.assertEqual(nodes[node_id]["type"], node_type)
                if label is not None:
                    self.assertEqual(nodes[node_id]["label"], label)
        self.assertEqual(nodes["place:kongresshaus-convention-center"].get("subtype"), "venue")
        self.assertEqual(nodes["place:berlin"].get("subtype"), "city")
        self.assertEqual(nodes["place:germany"].get("subtype"), "country")
        narrators = [n for n in graph["nodes"] if n.get("narrator")]
        self.assertEqual(len(narrators), 1, "one narrator node")
        self.assertEqual(narrators[0]["type"], "PERSON")

    def test_expected_relations(self):
        _, graph = self.extract()
        narrator = next(n["id"] for n in graph["nodes"] if n.get("narrator"))
        edges = {(l["source"], l["relation"], l["target"], l.get("role", ""))
                 for l in graph["links"]}
        expected = [
            ("person:anna-keller", "affiliated_with", "org:tessera-labs", "CEO"),
            (narrator, "attended", "event:rustfest-2023", ""),
            ("event:rustfest-2023", "held_at", "place:berlin", ""),
            ("place:berlin", "located_in", "place:germany", ""),
            ("event:rustfest-2023", "held_at", "place:kongresshaus-convention-center", ""),
            ("person:anna-keller", "organized", "event:rustfest-2023", ""),
        ]
        for edge in expected:
            with self.subTest(edge=edge):
                self.assertIn(edge, edges)
        # "met" is symmetric: stored once, in either direction.
        met = {(s, t) for s, r, t, _ in edges if r == "met"}
        self.assertTrue({(narrator, "person:anna-keller"), ("person:anna-keller", narrator)} & met,
                        f"no met edge between the narrator and Anna Keller: {sorted(met)}")

    def test_json_contract_fields(self):
        path, graph = self.extract()
        self.assertEqual(list(graph), ["directed", "multigraph", "graph", "nodes", "links"])
        self.assertEqual(graph["graph"]["documents"], [path])
        self.assertRegex(graph["graph"]["generator"], r"^kgextract \d+\.\d+\.\d+$")
        for n in graph["nodes"]:
            self.assertEqual(list(n)[:3], ["id", "label", "type"])
            self.assertEqual(n["documents"], [path])
        for l in graph["links"]:
            self.assertEqual(list(l)[:4], ["source", "target", "key", "relation"])
            self.assertIsInstance(l["weight"], float)
            self.assertTrue(l["evidence"], f"{l['relation']} edge without evidence")

    def test_mention_offsets_are_code_points(self):
        path, graph = self.extract()
        self.assertSpansMatchText(graph, {path: E2E_TEXT})
        # After "é", code point and byte offsets differ; the mention must use code points.
        venue = next(n for n in graph["nodes"]
                     if n["id"] == "place:kongresshaus-convention-center")
        self.assertEqual(venue["mentions"][0]["start"], E2E_TEXT.index("Kongresshaus"))
        self.assertNotEqual(E2E_TEXT.index("Kongresshaus"),
                            E2E_TEXT.encode("utf-8").index(b"Kongresshaus"))

    def test_sample_mention_offsets_match_the_text(self):
        r = run([sample_path()])
        self.assertExit(r, EXIT_OK)
        graph = self.load_json(r.stdout)
        with open(sample_path(), encoding="utf-8") as f:
            self.assertSpansMatchText(graph, {sample_path(): f.read()})


# Posts written for these tests, in the formats people publish.
POST_MD = (
    "---\ntitle: Notes from RustFest 2023\nauthor: Mira Castell\ndate: 2023-09-02\n"
    "tags:\n- rust\n---\n\n"
    "I attended [RustFest 2023](https://example.org/wiki/RustFest?x=1#!a) in Berlin, Germany.\n\n"
    "## People\n\n- I met **Anna Keller**, the CEO of Tessera Labs, at the café.\n\n"
    "```\nI met Code Person in Oslo.\n```\n")
POST_HTML = (
    "<!DOCTYPE html><html><head><title>RustFest</title><meta name=\"author\" "
    "content=\"Tomas Brandt\"><script>var city = 'Madrid';</script></head><body>"
    "<nav><a href=\"/\">Home</a> Madrid</nav><article><h1>RustFest 2023</h1>"
    "<p>I attended RustFest 2023 in Berlin, Germany.</p>"
    "<p>I met Anna Keller and Ines at the caf&eacute;.</p></article>"
    "<footer>Copyright Madrid</footer></body></html>")
POST_TXT = "I attended RustFest 2023 in Berlin. I met Ines and Jun Park there.\n"


def gzip_bytes(text):
    import gzip
    return gzip.compress(text.encode("utf-8"), mtime=0)


class CorpusTest(CliTestCase):
    """Folders, globs, JSON Lines, gzip, Markdown and HTML posts, --emit-text, --per-document,
    bad documents and --strict."""

    def folder(self):
        os.makedirs(os.path.join(self.tmp, "posts", "drafts"))
        self.write("posts/b.html", POST_HTML)
        self.write("posts/a.md", POST_MD)
        self.write("posts/c.txt", POST_TXT)
        self.write("posts/drafts/d.md", "I met Draft Person in Oslo.\n")
        self.write("posts/notes.bak", "I met Backup Person.\n")
        return os.path.join(self.tmp, "posts")

    def test_folder_with_globs_reads_matching_files_in_sorted_order(self):
        posts = self.folder()
        r = run(["-q", "--include", "*.md", "--include", "*.html", "--include", "*.txt",
                 "--exclude", "drafts/**", posts])
        self.assertExit(r, EXIT_OK)
        graph = self.load_json(r.stdout)
        self.assertEqual(graph["graph"]["documents"],
                         [posts + "/a.md", posts + "/b.html", posts + "/c.txt"])

    def test_markdown_and_html_drop_urls_code_and_boilerplate(self):
        posts = self.folder()
        r = run(["-q", posts + "/a.md", posts + "/b.html"])
        self.assertExit(r, EXIT_OK)
        ids = {n["id"] for n in self.load_json(r.stdout)["nodes"]}
        self.assertIn("person:anna-keller", ids)
        self.assertIn("event:rustfest-2023", ids)
        self.assertIn("place:berlin", ids)
        for absent in ("place:madrid", "place:oslo", "person:code-person"):
            self.assertNotIn(absent, ids)
        self.assertFalse([i for i in ids if "wiki" in i or "example" in i], ids)

    def test_author_names_the_narrator_and_each_document_keeps_its_own(self):
        posts = self.folder()
        r = run(["-q", posts + "/a.md", posts + "/b.html", posts + "/c.txt"])
        graph = self.load_json(r.stdout)
        narrators = sorted((n["label"], n["documents"]) for n in graph["nodes"]
                           if n.get("narrator"))
        self.assertEqual(narrators, [("Mira Castell", [posts + "/a.md"]),
                                     ("Narrator of c.txt", [posts + "/c.txt"]),
                                     ("Tomas Brandt", [posts + "/b.html"])])

    def test_full_names_merge_across_documents_and_given_names_do_not(self):
        posts = self.folder()
        r = run(["-q", posts + "/a.md", posts + "/b.html", posts + "/c.txt"])
        nodes = {n["id"]: n for n in self.load_json(r.stdout)["nodes"]}
        anna = nodes["person:anna-keller"]
        self.assertEqual(anna["documents"], [posts + "/a.md", posts + "/b.html"])
        self.assertEqual(anna["document_counts"], {posts + "/a.md": 1, posts + "/b.html": 1})
        self.assertNotIn("person:ines", nodes)
        self.assertEqual(nodes["person:ines@" + self.slug(posts + "/b.html")]["documents"],
                         [posts + "/b.html"])
        self.assertEqual(nodes["person:ines@" + self.slug(posts + "/c.txt")]["documents"],
                         [posts + "/c.txt"])

    @staticmethod
    def slug(text):
        import re
        return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")

    def test_emit_text_offsets_match_every_mention_and_evidence(self):
        posts = self.folder()
        dump = self.write("dump.jsonl", json.dumps(
            {"id": "p1", "format": "md", "text": POST_MD, "url": "https://e.org/p1"}) + "\n")
        gz = self.write("e.txt.gz", gzip_bytes(E2E_TEXT))
        texts_dir = os.path.join(self.tmp, "texts")
        out = os.path.join(self.tmp, "g.json")
        r = run(["-q", "-o", out, "--emit-text", texts_dir, posts + "/a.md", posts + "/b.html",
                 dump, gz])
        self.assertExit(r, EXIT_OK)
        self.assertEqual(sorted(os.listdir(texts_dir)),
                         ["a.md.txt", "b.html.txt", "dump.jsonl_p1.txt", "e.txt.gz.txt"])
        names = {posts + "/a.md": "a.md", posts + "/b.html": "b.html",
                 dump + "#p1": "dump.jsonl_p1", gz: "e.txt.gz"}
        texts = {}
        for doc, name in names.items():
            with open(os.path.join(texts_dir, name + ".txt"), encoding="utf-8") as f:
                texts[doc] = f.read()
        self.assertTrue(texts[posts + "/a.md"].startswith("Notes from RustFest 2023\n\n"))
        self.assertEqual(texts[gz], E2E_TEXT)
        with open(out, encoding="utf-8") as f:
            self.assertSpansMatchText(self.load_json(f.read()), texts)

    def test_jsonl_bad_lines_are_skipped_with_their_line_and_counted(self):
        dump = self.write("dump.jsonl",
                          json.dumps({"id": "ok", "text": E2E_TEXT}) + "\n" +
                          "{\"id\": \"broken\", \"text\": \n" +
                          json.dumps({"id": "no-text"}) + "\n")
        out = os.path.join(self.tmp, "g.json")
        r = run(["-o", out, "--jsonl", dump])
        self.assertExit(r, EXIT_OK)
        lines = stderr_text(r).splitlines()
        self.assertEqual(lines[:2], [f"kgextract: {dump}: line 2: invalid JSON (skipped)",
                                     f"kgextract: {dump}: line 3: no \"text\" string (skipped)"])
        self.assertRegex(lines[2], r"^wrote .*g\.json: .*; 1 document \(0\.0 MB\), 2 skipped$")
        with open(out, encoding="utf-8") as f:
            self.assertEqual(self.load_json(f.read())["graph"]["documents"], [dump + "#ok"])

    def test_strict_turns_a_bad_line_into_exit_4_and_writes_nothing(self):
        dump = self.write("dump.jsonl", json.dumps({"id": "ok", "text": E2E_TEXT}) + "\n{\n")
        out = os.path.join(self.tmp, "g.json")
        r = run(["--strict", "-o", out, "--input-format", "jsonl", dump])
        self.assertExit(r, EXIT_INPUT_INVALID)
        self.assertOneLineError(r, f"{dump}: line 2: invalid JSON")
        self.assertFalse(os.path.exists(out))
        self.assertNoTempFiles(self.tmp)

    def test_bad_gzip_and_binary_files_are_skipped_and_named(self):
        good = self.write("good.txt", E2E_TEXT)
        bad_gz = self.write("bad.txt.gz", gzip_bytes(E2E_TEXT)[:-12])
        binary = self.write("photo.txt", b"JFIF\x00\x01 not a report")
        r = run([good, bad_gz, binary])
        self.assertExit(r, EXIT_OK)
        lines = stderr_text(r).splitlines()
        self.assertEqual(len(lines), 3, lines)
        self.assertRegex(lines[0], "^kgextract: " + bad_gz + r": truncated gzip data \(ends at "
                         r"byte \d+\) \(skipped\)$")
        self.assertEqual(lines[1], f"kgextract: {binary}: binary data (control byte 0x00) at "
                         "byte 4; expected a text report (skipped)")
        self.assertEqual(lines[2], "kgextract: 1 document (0.0 MB), 2 skipped")

    def test_max_size_rejects_a_larger_document(self):
        big = self.write("big.txt", "a" * 2048)
        r = run(["--max-size", "1K", big])
        self.assertExit(r, EXIT_INPUT_INVALID)
        self.assertOneLineError(r, big, "larger than the maximum document size of 1024 bytes")
        self.assertExit(run(["--max-size", "lots", big]), EXIT_USAGE)

    def test_standard_input_with_input_format_md(self):
        r = run(["-q", "--input-format", "md", "-"], stdin=POST_MD.encode("utf-8"))
        self.assertExit(r, EXIT_OK)
        nodes = self.load_json(r.stdout)["nodes"]
        self.assertIn("person:anna-keller", {n["id"] for n in nodes})
        self.assertEqual([n["label"] for n in nodes if n.get("narrator")], ["Mira Castell"])

    def test_per_document_writes_one_graph_per_input(self):
        posts = self.folder()
        outdir = os.path.join(self.tmp, "graphs")
        r = run(["--per-document", outdir, "--include", "*.md", "--include", "*.html",
                 "--exclude", "drafts/**", posts])
        self.assertExit(r, EXIT_OK)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(sorted(os.listdir(outdir)), ["a.md.json", "b.html.json"])
        with open(os.path.join(outdir, "a.md.json"), encoding="utf-8") as f:
            one = self.load_json(f.read())
        self.assertEqual(one["graph"]["documents"], [posts + "/a.md"])
        self.assertIn("person:anna-keller", {n["id"] for n in one["nodes"]})
        self.assertRegex(stderr_text(r), r"^wrote 2 graphs in .*graphs: ")

    def test_threads_do_not_change_the_bytes_over_a_folder(self):
        posts = self.folder()
        outs = []
        for j in ("1", "2"):
            out = os.path.join(self.tmp, f"g{j}.json")
            self.assertExit(run(["-q", "-j", j, "-o", out, posts]), EXIT_OK)
            with open(out, "rb") as f:
                outs.append(f.read())
        self.assertEqual(outs[0], outs[1])
        self.assertEqual(len(self.load_json(outs[0])["graph"]["documents"]), 5)


class CorpusGeneratorTest(CliTestCase):
    """scripts/make_corpus.py: the same generated posts as text, Markdown, HTML and JSON Lines
    give the same entities and relations, and a folder of them the same bytes for any -j."""

    def generate(self, docs):
        out = os.path.join(self.tmp, "corpus")
        script = os.path.join(DATA, "..", "scripts", "make_corpus.py")
        subprocess.run([sys.executable, script, "--out", out, "--docs", str(docs), "--seed", "5",
                        "--data", DATA], check=True)
        return out

    @staticmethod
    def facts(graph):
        nodes = {n["id"] for n in graph["nodes"] if not n.get("narrator")}
        links = {(l["source"], l["target"], l["relation"]) for l in graph["links"]
                 if not l["source"].startswith("person:narrator")
                 and not l["target"].startswith("person:narrator")}
        return nodes, links

    def test_every_format_of_a_generated_post_gives_the_same_graph(self):
        corpus = self.generate(6)
        graphs = {}
        for fmt in ("txt", "md", "html"):
            outdir = os.path.join(self.tmp, "graphs-" + fmt)
            r = run(["-q", "--per-document", outdir, os.path.join(corpus, fmt)])
            self.assertExit(r, EXIT_OK)
            for name in sorted(os.listdir(outdir)):
                with open(os.path.join(outdir, name), encoding="utf-8") as f:
                    graphs[(fmt, name.split(".")[0])] = self.load_json(f.read())
        posts = sorted({post for _, post in graphs})
        self.assertEqual(len(posts), 6)
        for post in posts:
            nodes, links = self.facts(graphs[("txt", post)])
            self.assertGreaterEqual(len(nodes), 8, post)
            for fmt in ("md", "html"):
                self.assertEqual(self.facts(graphs[(fmt, post)]), (nodes, links), f"{post} {fmt}")
            narrators = [n["label"] for n in graphs[("md", post)]["nodes"] if n.get("narrator")]
            self.assertEqual(narrators, [n["label"] for n in graphs[("html", post)]["nodes"]
                                         if n.get("narrator")])

    def test_generated_jsonl_and_folder_are_byte_identical_for_any_thread_count(self):
        corpus = self.generate(12)
        outs = []
        for j in ("1", "2"):
            out = os.path.join(self.tmp, f"g{j}.json")
            r = run(["-q", "-j", j, "-o", out, corpus])
            self.assertExit(r, EXIT_OK)
            with open(out, "rb") as f:
                outs.append(f.read())
        self.assertEqual(outs[0], outs[1])
        graph = self.load_json(outs[0])
        self.assertEqual(len(graph["graph"]["documents"]), 12 * 3 + 12)  # three folders, 12 records
        self.assertEqual(sum(1 for d in graph["graph"]["documents"] if "#post-" in d), 12)

    def test_a_graph_of_several_blocks_is_byte_identical_for_any_thread_count(self):
        # Large enough for several blocks of each parallel step after the last document: the
        # merge's nodes and edges (256 each), betweenness (128 sources), the JSON's nodes (512)
        # and links (2048); the output streamed to its file.
        corpus = os.path.join(self.generate(150), "txt")
        outs = []
        for j in ("1", "2", "3"):
            out = os.path.join(self.tmp, f"g{j}.json")
            self.assertExit(run(["-q", "-j", j, "-o", out, corpus]), EXIT_OK)
            with open(out, "rb") as f:
                outs.append(f.read())
        self.assertEqual(outs[0], outs[1], "-j 1 and -j 2 differ")
        self.assertEqual(outs[0], outs[2], "-j 1 and -j 3 differ")
        graph = self.load_json(outs[0])
        self.assertGreater(len(graph["nodes"]), 2 * 512)
        self.assertGreater(len(graph["links"]), 2048)
        self.assertGreater(sum(1 for n in graph["nodes"] if n["degree"] > 0), 3 * 128)

# Posts written for the source-offset tests: markup around and inside names, entities,
# character references, CRLF line breaks, front matter, a list, a table and raw HTML.
SOURCE_MD = (
    "---\ntitle: Notes from KubeCon Europe 2024\nauthor: Lena Fischer\n---\n\n"
    "# Day one in Paris\n\n"
    "I attended [KubeCon Europe 2024](https://example.org/kubecon) in Paris, France.\n"
    "I met **Marco Rossi**, the CTO of Fernwood Systems, at the *Palais des Congr\u00e8s*.\n\n"
    "- I met Jana Nov\u00e1kov\u00e1 from Quillon Labs.\n"
    "- Thanks to Priya Raman &amp; Omar Haddad for organizing!\n\n"
    "| Speaker | Talk |\n|---|---|\n| Marco Rossi | Scaling etcd |\n\n"
    "<p>I also met Sofia Lindqvist at the party.</p>\n\n"
    "> Omar Haddad works at Fernwood Systems\n> in Lyon.\n")
SOURCE_HTML = (
    "<!DOCTYPE html>\r\n<html><head><title>KubeCon</title>"
    "<meta name=\"author\" content=\"Lena Fischer\"></head>\r\n<body>"
    "<nav>Home | Madrid</nav><article>\r\n<h1>KubeCon Europe 2024</h1>\r\n"
    "<p>I attended KubeCon Europe 2024 in Paris,\r\n France.</p>\r\n"
    "<p>I met <b>Marco Rossi</b>, the CTO of Fernwood&nbsp;Systems, at the caf&eacute;.</p>\r\n"
    "<p>I met Ren&eacute;e Dubois and Jana Nov&#225;kov&#xE1; from Quillon Labs.</p>\r\n"
    "<ul><li>Thanks to Priya Raman &amp; Omar Haddad for organizing!</li></ul>\r\n"
    "</article><footer>Copyright Madrid</footer></body></html>\r\n")
SOURCE_TXT = ("I attended KubeCon Europe 2024 in Paris, France. "
              "I met Ren\u00e9e Dubois, the CTO of Fernwood Systems, at the caf\u00e9.\n"
              "Thanks to Jana Nov\u00e1kov\u00e1 for organizing!\n")


class SourceOffsetsTest(CliTestCase):
    """"source_start"/"source_end" of mentions and evidence: byte ranges of the original file
    that hold the span's text (after decoding entities), exact for plain text, absent where
    there is no original file to point into (gzip, JSON Lines)."""

    def extract(self, *paths):
        out = os.path.join(self.tmp, "g.json")
        r = run(["-q", "-o", out, *paths])
        self.assertExit(r, EXIT_OK)
        with open(out, encoding="utf-8") as f:
            return self.load_json(f.read())

    @staticmethod
    def spans(graph, doc):
        spans = [m for n in graph["nodes"] for m in n["mentions"] if m["doc"] == doc]
        evidence = [e for l in graph["links"] for e in l["evidence"] if e["doc"] == doc]
        return spans, evidence

    def assertSourceHoldsText(self, raw, span, decode, sentence=False):
        """raw[source_start:source_end] holds the span's words in order, once decoded (markup
        such as "**" may sit between two words), and is not much longer than the span. For an
        evidence sentence (sentence=True), which may hold whole links and tags, the slice
        starts with its first word and ends with its last."""
        import re
        import unicodedata
        self.assertIn("source_start", span, span)
        start, end = span["source_start"], span["source_end"]
        self.assertLessEqual(0, start, span)
        self.assertLess(start, end, span)
        self.assertLessEqual(end, len(raw), span)
        original = unicodedata.normalize("NFC", decode(raw[start:end].decode("utf-8")))
        words = span["text"].split()
        if sentence:
            self.assertTrue(original.startswith(words[0]), f"{span} -> {original!r}")
            # Emphasis around the last word; a title in italics is quoted in the text, and the
            # quotation marks the reader adds have no bytes of their own.
            unmarked = re.sub(r"[*_`\u201c\u201d]", "", original)
            self.assertTrue(unmarked.endswith(words[-1].replace("\u201c", "").replace("\u201d", "")),
                            f"{span} -> {original!r}")
            return
        pattern = r"\W*".join(re.escape(w) for w in words)
        self.assertRegex(original, pattern, f"{span} -> {original!r}")
        self.assertLessEqual(end - start, 2 * len(span["text"].encode("utf-8")) + 40, span)

    def check_document(self, name, content, decode, min_mentions=8):
        import html
        path = self.write(name, content)
        graph = self.extract(path)
        with open(path, "rb") as f:
            raw = f.read()
        mentions, evidence = self.spans(graph, path)
        self.assertGreaterEqual(len(mentions), min_mentions, [m["text"] for m in mentions])
        self.assertTrue(evidence)
        for span in mentions:
            self.assertSourceHoldsText(raw, span, decode or html.unescape)
        for span in evidence:
            if "text" not in span:  # a reference (co-occurrence): a non-empty range of the file
                self.assertLess(span["source_start"], span["source_end"], span)
                self.assertTrue(raw[span["source_start"]:span["source_end"]].strip(), span)
                continue
            self.assertSourceHoldsText(raw, span, decode or html.unescape, sentence=True)
        return graph, raw, mentions

    def test_markdown_mentions_point_to_their_bytes_in_the_post(self):
        import html
        graph, raw, mentions = self.check_document("post.md", SOURCE_MD, html.unescape)
        texts = {m["text"] for m in mentions}
        for name in ("Marco Rossi", "Priya Raman", "Omar Haddad", "Sofia Lindqvist"):
            self.assertIn(name, texts)
        # Plain text maps byte for byte: the slice is the mention itself.
        for m in mentions:
            if m["text"] in ("Marco Rossi", "Sofia Lindqvist", "Fernwood Systems"):
                self.assertEqual(raw[m["source_start"]:m["source_end"]].decode(), m["text"])

    def test_html_mentions_point_to_their_bytes_with_entities_decoded(self):
        import html
        graph, raw, mentions = self.check_document("post.html", SOURCE_HTML, html.unescape)
        by_text = {m["text"]: m for m in mentions}
        self.assertIn("Ren\u00e9e Dubois", by_text)
        renee = by_text["Ren\u00e9e Dubois"]
        self.assertEqual(raw[renee["source_start"]:renee["source_end"]], b"Ren&eacute;e Dubois")
        marco = by_text["Marco Rossi"]
        self.assertEqual(raw[marco["source_start"]:marco["source_end"]], b"Marco Rossi")

    def test_text_source_offsets_are_the_byte_offsets_of_the_text(self):
        for name, prefix in (("plain.txt", b""), ("bom.txt", b"\xef\xbb\xbf")):
            path = self.write(name, prefix + SOURCE_TXT.encode("utf-8"))
            graph = self.extract(path)
            mentions, evidence = self.spans(graph, path)
            self.assertGreaterEqual(len(mentions), 5)
            for span in mentions + evidence:
                byte_start = len(SOURCE_TXT[:span["start"]].encode("utf-8"))
                byte_end = len(SOURCE_TXT[:span["end"]].encode("utf-8"))
                # Offsets into the file: the BOM's three bytes come first.
                self.assertEqual((span["source_start"], span["source_end"]),
                                 (byte_start + len(prefix), byte_end + len(prefix)), span)

    def test_text_that_nfc_changes_maps_to_the_original_word(self):
        import unicodedata
        decomposed = unicodedata.normalize("NFD", SOURCE_TXT)
        self.assertNotEqual(decomposed, SOURCE_TXT)
        self.check_document("nfd.txt", decomposed, lambda t: t, min_mentions=5)

    def test_gzip_and_jsonl_documents_have_no_source_offsets(self):
        gz = self.write("post.txt.gz", gzip_bytes(SOURCE_TXT))
        dump = self.write("dump.jsonl", json.dumps({"id": "p1", "text": SOURCE_TXT}) + "\n")
        graph = self.extract(gz, dump)
        for doc in (gz, dump + "#p1"):
            mentions, evidence = self.spans(graph, doc)
            self.assertTrue(mentions, doc)
            for span in mentions + evidence:
                self.assertNotIn("source_start", span)
                self.assertNotIn("source_end", span)


class CorpusFormatsTest(CliTestCase):
    """A corpus graph's document_counts in GraphML, GEXF and CSV: declared, valid against the
    shared schemas, and read back by NetworkX, igraph and csv equal to the JSON's."""

    def test_document_counts_reach_graphml_gexf_and_csv_and_read_back(self):
        a = self.write("a.md", SOURCE_MD)
        b = self.write("b.html", SOURCE_HTML)
        base = os.path.join(self.tmp, "corpus")
        r = run(["-q", "-f", "all", "-o", base, a, b])
        self.assertExit(r, EXIT_OK)
        with open(base + ".json", encoding="utf-8") as f:
            graph = self.load_json(f.read())
        marco = next(n for n in graph["nodes"] if n["id"] == "person:marco-rossi")
        self.assertEqual(marco["document_counts"], {a: 2, b: 1})
        with open(base + ".graphml", encoding="utf-8") as f:
            graphml = f.read()
        self.assertIn('<key id="n_document_counts" for="node" attr.name="document_counts" '
                      'attr.type="string"/>', graphml)
        self.assertIn("{&quot;" + a + "&quot;:2,&quot;" + b + "&quot;:1}", graphml)
        with open(base + ".nodes.csv", encoding="utf-8") as f:
            self.assertTrue(f.readline().rstrip("\r\n").endswith(",community:int,document_counts"))
        tests = os.path.dirname(os.path.abspath(__file__))
        # The Python with networkx and igraph (KGEXTRACT_PYTHON3's default).
        python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
        rt = subprocess.run([python, os.path.join(tests, "roundtrip_readers.py"), base],
                            capture_output=True, text=True, timeout=300)
        self.assertEqual(rt.returncode, 0, rt.stdout + rt.stderr)
        schemas = os.path.join(tests, "..", "..", "shared", "schemas")
        for fmt in ("graphml", "gexf"):
            v = subprocess.run([python, os.path.join(tests, "roundtrip_readers.py"),
                                "--validate", fmt, f"{base}.{fmt}", schemas],
                               capture_output=True, text=True, timeout=300)
            if v.returncode == 77:
                continue  # no xmllint or no schemas here: format_*_schema report the skip
            self.assertEqual(v.returncode, 0, v.stdout + v.stderr)

    def test_single_document_exports_declare_no_document_counts(self):
        base = os.path.join(self.tmp, "one")
        r = run(["-q", "-f", "all", "-o", base, self.write("a.md", SOURCE_MD)])
        self.assertExit(r, EXIT_OK)
        for ext in (".json", ".graphml", ".gexf", ".nodes.csv", ".edges.csv"):
            with open(base + ext, encoding="utf-8") as f:
                self.assertNotIn("document_counts", f.read(), ext)


class OutputSafetyTest(CliTestCase):
    """Issue 12, items 1-6: sets of outputs all old or all new, temporaries, modes, long names,
    outputs that are inputs, `-o -`."""

    def read(self, path):
        with open(path, "rb") as f:
            return f.read()

    @needs("render")
    def test_failed_format_all_run_leaves_every_old_output(self):
        base = os.path.join(self.tmp, "set")
        names = ["set.json", "set.graphml", "set.gexf", "set.nodes.csv", "set.edges.csv",
                 "set.dot", "set.html"]
        for n in names:
            self.write(n, f"old {n}\n")
        os.mkdir(base + ".svg")  # the last format cannot be replaced
        r = run(["-f", "all", "-o", base, sample_path()])
        self.assertExit(r, EXIT_OUTPUT)
        self.assertOneLineError(r, base + ".svg", "Is a directory")
        for n in names:
            self.assertEqual(self.read(os.path.join(self.tmp, n)), f"old {n}\n".encode(), n)
        self.assertNoTempFiles(self.tmp)

    def test_stale_temporaries_of_dead_processes_are_removed_others_kept(self):
        dead = subprocess.Popen(["true"])
        dead.wait()
        stale = self.write(f".kgextract-{dead.pid}-AbC123", "left by a killed run\n")
        live = self.write(f".kgextract-{os.getpid()}-XyZ789", "a running writer's\n")
        other = self.write(".kgextract-notes", "not ours\n")
        out = os.path.join(self.tmp, "g.json")
        self.assertExit(run(["-q", "-o", out, sample_path()]), EXIT_OK)
        self.assertFalse(os.path.exists(stale))
        self.assertTrue(os.path.exists(live))
        self.assertTrue(os.path.exists(other))

    def test_sigterm_and_sigint_while_writing_remove_the_temporaries(self):
        out_dir = os.path.join(self.tmp, "out")
        os.mkdir(out_dir)
        base = os.path.join(out_dir, "g")
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            for suffix in (".json", ".dot"):
                with open(base + suffix, "wb") as f:
                    f.write(b"old\n")
            # The test hook keeps each temporary file for 3 s before the next is written.
            env = dict(os.environ, KGEXTRACT_DATA=DATA, KGEXTRACT_TEST_WRITE_DELAY_MS="3000")
            p = subprocess.Popen([BINARY, "-q", "-f", "json,dot", "-o", base, sample_path()],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            deadline = time.monotonic() + 60
            while not glob.glob(os.path.join(out_dir, ".kgextract-*")):
                self.assertLess(time.monotonic(), deadline, "no temporary file appeared")
                time.sleep(0.01)
            p.send_signal(sig)
            _, err = p.communicate(timeout=60)
            self.assertEqual(p.returncode, -sig, err)
            self.assertEqual(sorted(os.listdir(out_dir)), ["g.dot", "g.json"], sig)
            for suffix in (".json", ".dot"):
                with open(base + suffix, "rb") as f:
                    self.assertEqual(f.read(), b"old\n")

    def test_existing_output_keeps_its_mode(self):
        out = self.write("private.json", "old\n")
        os.chmod(out, 0o600)
        self.assertExit(run(["-q", "-o", out, sample_path()]), EXIT_OK)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
        os.chmod(out, 0o640)
        self.assertExit(run(["-q", "-o", out, sample_path()]), EXIT_OK)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o640)

    def test_new_output_honours_the_umask(self):
        env = dict(os.environ, KGEXTRACT_DATA=DATA)
        for mask, mode in ((0o077, 0o600), (0o022, 0o644), (0o002, 0o664)):
            out = os.path.join(self.tmp, f"new-{mask:o}.json")
            r = subprocess.run([BINARY, "-q", "-o", out, sample_path()], env=env,
                               capture_output=True, preexec_fn=lambda m=mask: os.umask(m))
            self.assertExit(r, EXIT_OK)
            self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), mode, f"umask {mask:o}")

    def test_output_names_of_245_to_255_bytes_are_written(self):
        for length in (245, 250, 255):
            name = "a" * (length - 5) + ".json"
            out = os.path.join(self.tmp, name)
            r = run(["-q", "-o", out, sample_path()])
            self.assertExit(r, EXIT_OK)
            self.load_json(self.read(out))
        r = run(["-q", "-o", os.path.join(self.tmp, "b" * 251 + ".json"), sample_path()])
        self.assertExit(r, EXIT_OUTPUT)
        self.assertOneLineError(r, "File name too long")
        self.assertNoTempFiles(self.tmp)

    @needs("viewer")
    def test_output_that_is_an_input_is_refused(self):
        report = self.write("report.txt", E2E_TEXT)
        link = os.path.join(self.tmp, "link.txt")
        os.symlink("report.txt", link)
        hard = os.path.join(self.tmp, "hard.txt")
        os.link(report, hard)
        for target in (report, link, hard):
            r = run(["-o", target, report])
            self.assertExit(r, EXIT_OUTPUT)
            self.assertOneLineError(r, f"{target}: is the input {report}: refusing to overwrite")
            self.assertEqual(self.read(report), E2E_TEXT.encode())
        # An input inside a folder, and one of several formats.
        folder = os.path.join(self.tmp, "posts")
        os.mkdir(folder)
        self.write("posts/g.html", "<p>old</p>")
        r = run(["-f", "json,html", "-o", os.path.join(folder, "g"), folder])
        self.assertExit(r, EXIT_OUTPUT)
        self.assertOneLineError(r, "g.html: is the input", "refusing to overwrite an input")
        self.assertEqual(self.read(os.path.join(folder, "g.html")), b"<p>old</p>")
        self.assertFalse(os.path.exists(os.path.join(folder, "g.json")))
        self.assertNoTempFiles(self.tmp)

    @needs("render")
    def test_render_output_that_is_its_input_is_refused(self):
        graph = os.path.join(self.tmp, "g.json")
        self.assertExit(run(["-q", "-o", graph, sample_path()]), EXIT_OK)
        before = self.read(graph)
        r = run(["render", graph, "--format", "svg", "-o", graph])
        self.assertExit(r, EXIT_OUTPUT)
        self.assertOneLineError(r, "is the input", "refusing to overwrite an input")
        self.assertEqual(self.read(graph), before)

    def test_dash_output_is_standard_output(self):
        r = run(["-q", "-o", "-", sample_path()], cwd=self.tmp)
        self.assertExit(r, EXIT_OK)
        self.load_json(r.stdout)
        self.assertEqual(os.listdir(self.tmp), [])
        r = run(["-q", "-f", "json,dot", "-o", "-", sample_path()], cwd=self.tmp)
        self.assertExit(r, EXIT_USAGE)
        self.assertOneLineError(r, "-o - writes one format to standard output")

    def test_output_name_with_control_characters_is_escaped_in_messages(self):
        target = os.path.join(self.tmp, "new\nline\x1b[31m.json")
        os.mkdir(target)
        r = run(["-o", target, sample_path()])
        self.assertExit(r, EXIT_OUTPUT)
        self.assertOneLineError(r, "new\\nline\\x1b[31m.json'", "Is a directory")
        self.assertNotIn(b"\x1b", r.stderr)


class OutputKillTest(CliTestCase):
    """Issue 12: a run killed with SIGKILL at 50 random moments leaves the previous output or the
    complete new one, never a truncated file; the next run removes what the killed ones left."""

    def test_sigkill_50_times_leaves_old_or_complete_new_output(self):
        corpus = os.path.join(self.tmp, "in")
        os.mkdir(corpus)
        with open(sample_path(), encoding="utf-8") as f:
            text = f.read()
        for i in range(30):
            self.write(f"in/r{i:02d}.txt", text)
        ref = os.path.join(self.tmp, "ref")
        self.assertExit(run(["-q", "-j", "1", "-f", "json,graphml,csv", "-o", ref, corpus]),
                        EXIT_OK)
        suffixes = (".json", ".graphml", ".nodes.csv", ".edges.csv")
        new = {}
        for suffix in suffixes:
            with open(ref + suffix, "rb") as f:
                new[suffix] = f.read()
        out_dir = os.path.join(self.tmp, "out")
        os.mkdir(out_dir)
        base = os.path.join(out_dir, "g")
        # The test hook holds each temporary file 30 ms: a fair share of the kills land while
        # the files are being written or renamed.
        env = dict(os.environ, KGEXTRACT_DATA=DATA, KGEXTRACT_TEST_WRITE_DELAY_MS="30")
        args = [BINARY, "-q", "-j", "1", "-f", "json,graphml,csv", "-o", base, corpus]
        start = time.monotonic()
        subprocess.run(args, env=env, check=True, capture_output=True)
        duration = time.monotonic() - start
        rng = random.Random(50)
        outcomes = {"old": 0, "new": 0}
        left_temporaries = 0
        for i in range(50):
            for suffix in suffixes:
                with open(base + suffix, "wb") as f:
                    f.write(b"old " + suffix.encode() + b"\n")
            p = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            if i % 2 == 0:
                # A random moment of the whole run.
                time.sleep(rng.uniform(0, duration * 1.3))
            else:
                # A random moment of the write: from this run's first temporary file on.
                mine = f".kgextract-{p.pid}-"
                deadline = time.monotonic() + 120
                while (p.poll() is None and time.monotonic() < deadline and
                       not any(n.startswith(mine) for n in os.listdir(out_dir))):
                    time.sleep(0.002)
                time.sleep(rng.uniform(0, 0.3))
            p.kill()
            p.wait(timeout=60)
            for suffix in suffixes:
                with open(base + suffix, "rb") as f:
                    content = f.read()
                old = b"old " + suffix.encode() + b"\n"
                self.assertIn(content, (old, new[suffix]), f"kill {i}: {suffix} is truncated")
                outcomes["old" if content == old else "new"] += 1
            left_temporaries += len(glob.glob(os.path.join(out_dir, ".kgextract-*")))
        # The next complete run removes every temporary the killed runs left.
        subprocess.run(args, env=env, check=True, capture_output=True)
        self.assertEqual(sorted(os.listdir(out_dir)),
                         sorted("g" + suffix for suffix in suffixes))
        print(f"SIGKILL outcomes (files): {outcomes}, temporaries left by the kills "
              f"(then removed): {left_temporaries}", file=sys.stderr)
        self.assertGreater(left_temporaries, 0, "no kill landed while writing")
        self.assertGreater(outcomes["old"], 0)
        self.assertGreater(outcomes["new"], 0)


class LimitsTest(CliTestCase):
    """Issue 12 items 7-10: evidence per edge and co-occurrence pairs per sentence, capped by
    documented, configurable limits that are said on standard error when reached."""

    def met_link(self, graph, label):
        ids = {n["id"] for n in graph["nodes"] if n["label"] == label}
        links = [l for l in graph["links"]
                 if l["relation"] == "met" and (l["source"] in ids or l["target"] in ids)]
        self.assertEqual(len(links), 1, links)
        return links[0]

    def test_repeated_statement_keeps_ten_evidence_spans_and_counts_every_one(self):
        report = self.write("r.txt", "I met Anna Keller in Berlin.\n" * 30)
        r = run(["-q", report])
        self.assertExit(r, EXIT_OK)
        link = self.met_link(self.load_json(r.stdout), "Anna Keller")
        self.assertEqual(link["weight"], 30.0)
        self.assertEqual([e["start"] for e in link["evidence"]], [29 * i for i in range(10)])
        self.assertIn("kgextract: limit: ", stderr_text(r))
        self.assertIn(" edges keep only their first 10 evidence spans (--evidence; weights count "
                      "every statement)\n", stderr_text(r))
        for arg, spans in (("all", 30), ("3", 3), ("30", 30)):
            r = run(["-q", "--evidence", arg, report])
            self.assertExit(r, EXIT_OK)
            link = self.met_link(self.load_json(r.stdout), "Anna Keller")
            self.assertEqual((link["weight"], len(link["evidence"])), (30.0, spans), arg)
            self.assertEqual("limit" in stderr_text(r), spans < 30, arg)
        for bad in ("0", "-1", "ten", ""):
            r = run(["--evidence", bad, report])
            self.assertExit(r, EXIT_USAGE)
            self.assertOneLineError(r, "--evidence wants a number of spans from 1, or 'all'")

    def test_evidence_cap_holds_across_documents(self):
        for i in range(4):
            self.write(f"d{i}.txt", "I met Anna Keller in Berlin.\n" * 4)
        r = run(["-q", "--evidence", "6", os.path.join(self.tmp, f"d0.txt"),
                 os.path.join(self.tmp, "d1.txt"), os.path.join(self.tmp, "d2.txt")])
        self.assertExit(r, EXIT_OK)
        links = [l for l in self.load_json(r.stdout)["links"] if l["relation"] == "co_occurs"]
        self.assertTrue(links)
        for l in links:
            self.assertEqual(len(l["evidence"]), min(6, int(l["weight"])), l)

    def test_mentions_per_node_are_capped_and_document_counts_count_them_all(self):
        # Issue 11: a node named in many reports keeps its first mention spans only.
        paths = [self.write(f"m{i}.txt", "I met Anna Keller in Berlin. Anna Keller was kind.\n")
                 for i in range(4)]
        r = run(["-q", "--mentions", "3"] + paths)
        self.assertExit(r, EXIT_OK)
        anna = [n for n in self.load_json(r.stdout)["nodes"] if n["label"] == "Anna Keller"][0]
        self.assertEqual([m["doc"] for m in anna["mentions"]], [paths[0], paths[0], paths[1]])
        self.assertEqual(anna["document_counts"], {p: 2 for p in paths})
        # Anna Keller (8 mentions) and Berlin (4).
        self.assertIn("kgextract: limit: 2 nodes keep only their first 3 mention spans "
                      "(--mentions; document_counts count every mention)\n", stderr_text(r))
        for arg in ("all", "100"):
            r = run(["-q", "--mentions", arg] + paths)
            self.assertExit(r, EXIT_OK)
            anna = [n for n in self.load_json(r.stdout)["nodes"] if n["label"] == "Anna Keller"][0]
            self.assertEqual(len(anna["mentions"]), 8, arg)
            self.assertNotIn("limit", stderr_text(r), arg)
        for bad in ("0", "-2", "many"):
            r = run(["--mentions", bad, paths[0]])
            self.assertExit(r, EXIT_USAGE)
            self.assertOneLineError(r, "--mentions wants a number of mentions from 1, or 'all'")

    def test_co_occurrence_evidence_is_a_reference_without_text(self):
        # Issue 11: co-occurrences are most edges; their evidence names the sentence by offsets.
        text = "Anna Keller toured Berlin. I met Anna Keller in Berlin.\n"
        report = self.write("ref.txt", text)
        r = run(["-q", report])
        self.assertExit(r, EXIT_OK)
        links = self.load_json(r.stdout)["links"]
        cooc = [l for l in links if l["relation"] == "co_occurs"]
        self.assertTrue(cooc)
        for l in cooc:
            for e in l["evidence"]:
                self.assertNotIn("text", e)
                self.assertIn(text[e["start"]:e["end"]],
                              ("Anna Keller toured Berlin.", "I met Anna Keller in Berlin."))
        typed = [e for l in links if l["relation"] != "co_occurs" for e in l["evidence"]]
        self.assertTrue(typed)
        for e in typed:
            self.assertEqual(text[e["start"]:e["end"]], e["text"])

    def crowd(self, n):
        names = [f"{g} {s}" for g in ("Anna", "Maria", "John", "Peter", "Laura", "David")
                 for s in ("Keller", "Novak", "Stone", "Moreau", "Fischer", "Romano", "Berger",
                           "Lindqvist", "Costa", "Horvat")][:n]
        return names, "I met " + ", ".join(names[:-1]) + " and " + names[-1] + " in Berlin.\n"

    def test_people_in_one_sentence_make_at_most_max_pairs_co_occurrences(self):
        names, text = self.crowd(60)
        report = self.write("crowd.txt", text)
        r = run(["-q", "--max-pairs", "all", report])
        self.assertExit(r, EXIT_OK)
        graph = self.load_json(r.stdout)
        k = len([n for n in graph["nodes"] if not n.get("narrator")])
        co = [l for l in graph["links"] if l["relation"] == "co_occurs"]
        self.assertGreaterEqual(k, 60)
        self.assertEqual(len(co), k * (k - 1) // 2)
        self.assertNotIn("limit", stderr_text(r))
        for limit in ("1000", "100"):
            r = run(["-q", *([] if limit == "1000" else ["--max-pairs", limit]), report])
            self.assertExit(r, EXIT_OK)
            capped = [l for l in self.load_json(r.stdout)["links"] if l["relation"] == "co_occurs"]
            self.assertEqual(len(capped), int(limit))
            # The first pairs in sorted id order are the ones kept.
            all_pairs = sorted((l["source"], l["target"]) for l in co)
            self.assertEqual(sorted((l["source"], l["target"]) for l in capped),
                             all_pairs[:int(limit)])
            self.assertEqual(stderr_text(r),
                             f"kgextract: limit: 1 sentence names more entities than --max-pairs "
                             f"{limit} co-occurrence pairs allow: {len(co) - int(limit)} pairs "
                             f"not made\n")
        r = run(["--max-pairs", "0", report])
        self.assertExit(r, EXIT_USAGE)
        self.assertOneLineError(r, "--max-pairs wants a number of pairs from 1, or 'all'")

    def test_mentions_past_max_mentions_per_document_are_not_used_and_said(self):
        report = self.write("r.txt", "I met Anna Keller in Berlin.\n" * 30)
        r = run(["-q", "--max-mentions", "7", report])
        self.assertExit(r, EXIT_OK)
        graph = self.load_json(r.stdout)
        # Anna, Berlin, Anna, ...: the first seven mentions, four of Anna and three of Berlin;
        # the fourth statement's co-occurrence names a mention past the limit and is not made.
        mentions = {n["label"]: len(n["mentions"]) for n in graph["nodes"]}
        self.assertEqual((mentions["Anna Keller"], mentions["Berlin"]), (4, 3))
        weights = {l["relation"]: l["weight"] for l in graph["links"]}
        self.assertEqual((weights["met"], weights["co_occurs"]), (4.0, 3.0))
        self.assertEqual(stderr_text(r), "kgextract: limit: 1 document names more than "
                         f"--max-mentions 7 mentions: 53 later mentions not used ({report})\n")
        # The default (100000) and 'all' use all 60.
        for args in ([], ["--max-mentions", "all"], ["--max-mentions", "60"]):
            r = run(["-q", *args, report])
            self.assertExit(r, EXIT_OK)
            self.assertNotIn("--max-mentions", stderr_text(r), args)
            graph = self.load_json(r.stdout)
            self.assertEqual(sum(len(n["mentions"]) for n in graph["nodes"]), 60, args)
        for bad in ("0", "-5", "many", ""):
            r = run(["--max-mentions", bad, report])
            self.assertExit(r, EXIT_USAGE)
            self.assertOneLineError(r, "--max-mentions wants a number of mentions from 1, or 'all'")

    def test_relations_naming_a_mention_past_the_limit_are_not_made(self):
        report = self.write("pair.txt", "Anna Keller met Maria Stone in Berlin.\n")
        r = run(["-q", "--max-mentions", "1", report])
        self.assertExit(r, EXIT_OK)
        graph = self.load_json(r.stdout)
        self.assertEqual([n["label"] for n in graph["nodes"]], ["Anna Keller"])
        self.assertEqual(graph["links"], [])
        r = run(["-q", "--max-mentions", "2", report])
        self.assertEqual(sorted(l["relation"] for l in self.load_json(r.stdout)["links"]),
                         ["co_occurs", "met"])
        self.assertIn("1 later mention not used (", stderr_text(r))

    def test_mention_limit_is_per_document_and_names_the_first_in_input_order(self):
        paths = [self.write(f"d{i}.txt", "I met Anna Keller in Berlin.\n" * (2 + 3 * i))
                 for i in range(3)]  # 4, 10 and 16 mentions
        for jobs in ("1", "3"):
            r = run(["-q", "-j", jobs, "--max-mentions", "5", *paths])
            self.assertExit(r, EXIT_OK)
            self.assertEqual(stderr_text(r), "kgextract: limit: 2 documents name more than "
                             f"--max-mentions 5 mentions: 16 later mentions not used (the first: "
                             f"{paths[1]})\n")
            anna = [n for n in self.load_json(r.stdout)["nodes"] if n["label"] == "Anna Keller"]
            self.assertEqual(len(anna[0]["mentions"]), 2 + 3 + 3)

    def test_typo_merge_still_joins_one_edit_names_among_many(self):
        # The typo merge compares near names only (issue 12 item 8): the pairs it joined before
        # are joined still, among a thousand other names.
        filler = "".join(f"I met Anna {chr(65 + i // 26)}{chr(97 + i % 26)}zzqwerty.\n"
                         for i in range(500))
        report = self.write("typos.txt", filler +
                            "I attended PyCon APAC 2024 in Berlin. PyCon APAC was great.\n"
                            "I met Peter Lindqvist at PyCon APAAC.\n")
        r = run(["-q", report])
        self.assertExit(r, EXIT_OK)
        labels = [n["label"] for n in self.load_json(r.stdout)["nodes"]]
        self.assertNotIn("PyCon APAAC", labels)
        self.assertIn("Peter Lindqvist", labels)


class InputErrorsTest(CliTestCase):
    """Issue 12 items 13, 15-17: input error codes, escaped names, BOM offsets, UTF-16, stray
    control characters."""

    def test_symlink_loop_and_overlong_name_exit_4_not_5(self):
        loop = os.path.join(self.tmp, "loop")
        os.symlink("loop", loop)
        r = run([loop])
        self.assertExit(r, EXIT_INPUT_INVALID)
        self.assertOneLineError(r, f"{loop}: Too many levels of symbolic links")
        long_name = os.path.join(self.tmp, "x" * 300)
        r = run([long_name])
        self.assertExit(r, EXIT_INPUT_INVALID)
        self.assertOneLineError(r, "x" * 300 + ": File name too long")

    @needs("render")
    def test_unreadable_input_exits_4_from_both_commands(self):
        # Root reads any file: as root, the commands run as nobody.
        path = self.write("secret.txt", E2E_TEXT)
        os.chmod(path, 0)
        os.chmod(self.tmp, 0o755)
        as_nobody = None
        if os.geteuid() == 0:
            def as_nobody():
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
        for args, prefix in (([path], "kgextract: "), (["render", path], "kgextract: render: ")):
            try:
                r = subprocess.run([BINARY, *args], capture_output=True, timeout=120,
                                   env=dict(os.environ, KGEXTRACT_DATA=DATA),
                                   preexec_fn=as_nobody)
            except PermissionError:
                self.skipTest(f"nobody cannot run {BINARY}")
            self.assertExit(r, EXIT_INPUT_INVALID)
            self.assertEqual(stderr_text(r), f"{prefix}{path}: cannot open: Permission denied\n")

    @needs("render")
    def test_read_error_exits_4_from_both_commands(self):
        # Reading address 0 of a process's memory fails with EIO, for root too. `render` used
        # to exit 1 here (an exception from its stream) while the main command exited 4.
        for args, prefix in ((["/proc/self/mem"], "kgextract: "),
                             (["render", "/proc/self/mem"], "kgextract: render: ")):
            r = run(args)
            self.assertExit(r, EXIT_INPUT_INVALID)
            self.assertEqual(stderr_text(r),
                             f"{prefix}/proc/self/mem: cannot read: Input/output error\n")

    @needs("render")
    def test_standard_input_that_cannot_be_read_exits_4_from_both_commands(self):
        # A directory as standard input: read(2) fails with EISDIR. `render` used to read it as
        # empty and report invalid JSON.
        for args, prefix in ((["-"], "kgextract: "), (["render", "-"], "kgextract: render: ")):
            fd = os.open(self.tmp, os.O_RDONLY)
            try:
                r = subprocess.run([BINARY, *args], stdin=fd, capture_output=True, timeout=120,
                                   env=dict(os.environ, KGEXTRACT_DATA=DATA))
            finally:
                os.close(fd)
            self.assertExit(r, EXIT_INPUT_INVALID)
            self.assertEqual(stderr_text(r), f"{prefix}-: cannot read: Is a directory\n")

    def test_file_names_with_control_characters_are_escaped(self):
        name = os.path.join(self.tmp, "bad\nname\x1b[2J.txt")
        r = run([name])
        self.assertExit(r, EXIT_INPUT_MISSING)
        self.assertOneLineError(r, "bad\\nname\\x1b[2J.txt: no such file")
        self.assertNotIn(b"\x1b", r.stderr)
        bad = os.path.join(self.tmp.encode(), b"latin\xe9.txt")
        with open(bad, "wb") as f:
            f.write(b"\x00binary")
        r = run([bad])
        self.assertExit(r, EXIT_INPUT_INVALID)
        self.assertOneLineError(r, "latin\\xe9.txt: binary data")

    def test_utf16_input_is_named_as_utf16(self):
        path = self.write("win.txt", "\ufeffI met Anna Keller.\n".encode("utf-16-le"))
        r = run([path])
        self.assertExit(r, EXIT_INPUT_INVALID)
        self.assertOneLineError(r, f"{path}: UTF-16LE text (byte-order mark FF FE); expected "
                                   "UTF-8: convert it first (iconv -f UTF-16 -t UTF-8)")
        path = self.write("nobom.txt", "I met Anna Keller in Berlin.\n".encode("utf-16-le"))
        r = run([path])
        self.assertExit(r, EXIT_INPUT_INVALID)
        self.assertOneLineError(r, f"{path}: UTF-16LE text (no byte-order mark)")

    def test_stray_control_characters_are_replaced_with_a_warning(self):
        path = self.write("scraped.txt", "I attended RustFest 2023 in Berlin.\x1b[0m "
                          "I met Anna Keller\x01 at the caf\u00e9.\n")
        r = run(["-q", path])
        self.assertExit(r, EXIT_OK)
        self.assertEqual(stderr_text(r), f"kgextract: warning: {path}: 2 stray control characters "
                         "replaced by spaces (the first, 0x1B, at byte 35)\n")
        graph = self.load_json(r.stdout)
        self.assertIn("Anna Keller", [n["label"] for n in graph["nodes"]])
        with open(path, encoding="utf-8") as f:
            text = f.read().replace("\x1b", " ").replace("\x01", " ")
        self.assertSpansMatchText(graph, {path: text})
        # Many control bytes are binary data, as a NUL is.
        path = self.write("noise.txt", "ab\x01\x02" * 40)
        r = run([path])
        self.assertExit(r, EXIT_INPUT_INVALID)
        self.assertOneLineError(r, f"{path}: binary data (control byte 0x01) at byte 2")

    def test_utf8_byte_order_mark_offsets_count_from_the_code_point_after_it(self):
        # Documented (README "Offsets"): the mark is not text; offsets match the text read as
        # Python's "utf-8-sig" does, and --emit-text writes that text.
        path = self.write("bom.txt", "\ufeff" + E2E_TEXT)
        r = run(["-q", "--emit-text", os.path.join(self.tmp, "text"), path])
        self.assertExit(r, EXIT_OK)
        graph = self.load_json(r.stdout)
        with open(path, encoding="utf-8-sig") as f:
            self.assertSpansMatchText(graph, {path: f.read()})
        with open(os.path.join(self.tmp, "text", "bom.txt.txt"), encoding="utf-8") as f:
            self.assertEqual(f.read(), E2E_TEXT)


class DataFilesTest(CliTestCase):
    """Issue 12 items 13-14: broken --data files are exit 6 naming the file and the line."""

    @classmethod
    def setUpClass(cls):
        cls._data_tmp = tempfile.TemporaryDirectory(prefix="kgextract-data-test-")
        cls.pristine = os.path.join(cls._data_tmp.name, "data")
        shutil.copytree(DATA, cls.pristine, ignore=shutil.ignore_patterns("samples"))

    @classmethod
    def tearDownClass(cls):
        cls._data_tmp.cleanup()

    def broken(self, name, transform):
        """A data directory whose file `name` is transform(its bytes); returns (dir, path)."""
        data = os.path.join(self.tmp, "data")
        shutil.copytree(self.pristine, data)
        path = os.path.join(data, name)
        with open(path, "rb") as f:
            content = f.read()
        with open(path, "wb") as f:
            f.write(transform(content))
        return data, path

    def assertDataError(self, data, message):
        r = run(["--data", data, sample_path()])
        self.assertExit(r, EXIT_RULES)
        self.assertOneLineError(r, message)
        self.assertEqual(r.stdout, b"")

    def line_count(self, content):
        return content.count(b"\n")

    def test_binary_junk_as_a_gazetteer(self):
        data, path = self.broken("gazetteers/cities.tsv", lambda c: b"\x89PNG\r\n\x1a\n\x00\x00junk")
        self.assertDataError(data, f"{path}:2: binary data (control byte 0x1A); expected a UTF-8 "
                                   "word list")

    def test_evidence_weight_that_is_no_digit(self):
        data, path = self.broken("rules/evidence.weights", lambda c: c + b"honorific | high\n")
        n = self.line_count(open(path, "rb").read())
        self.assertDataError(data, f"{path}:{n}:13: a weight is 0 to 9, not 'high'")

    def test_evidence_weights_without_a_default(self):
        data, path = self.broken("rules/evidence.weights",
                                 lambda c: c.replace(b"\n* | 2\n", b"\n"))
        self.assertDataError(data, "no '* | weight' line")

    def test_line_cut_in_half(self):
        data, path = self.broken("gazetteers/cities.tsv", lambda c: c + b"Lisboa\tLisbon\n")
        n = self.line_count(open(os.path.join(self.pristine, "gazetteers/cities.tsv"), "rb").read())
        self.assertDataError(data, f"{path}:{n + 1}: 2 fields, expected 4 (is the line cut short?)")
        shutil.rmtree(data)
        data2, path2 = self.broken("gazetteers/countries.tsv", lambda c: c + b"Portugal\tPortu")
        n = self.line_count(open(os.path.join(self.pristine, "gazetteers/countries.tsv"),
                                 "rb").read())
        self.assertDataError(data2, f"{path2}:{n + 1}: the last line does not end with a newline "
                                    "(is the file cut short?)")

    def test_one_field_line(self):
        data, path = self.broken("gazetteers/countries.tsv", lambda c: c + b"Atlantis\n")
        n = self.line_count(open(os.path.join(self.pristine, "gazetteers/countries.tsv"),
                                 "rb").read())
        self.assertDataError(data, f"{path}:{n + 1}: one field; expected TAB-separated fields")

    def test_nan_population(self):
        data, path = self.broken("gazetteers/towns.tsv",
                                 lambda c: c + b"Nowhere\tNowhere\tPT\tNaN\n")
        n = self.line_count(open(os.path.join(self.pristine, "gazetteers/towns.tsv"), "rb").read())
        self.assertDataError(data, f"{path}:{n + 1}: population 'NaN' is not a whole number")

    def test_invalid_utf8(self):
        data, path = self.broken("lexicon/roles.txt", lambda c: b"# roles\nchair\nco\xffchair\n")
        self.assertDataError(data, f"{path}:3: invalid UTF-8 at byte 2 of the line")

    def test_huge_line(self):
        data, path = self.broken("lexicon/common_words.txt",
                                 lambda c: b"word\n" + b"x" * 100000 + b"\n")
        self.assertDataError(data, f"{path}:2: a line of 100000 bytes; at most 65536")

    def test_directory_in_place_of_a_gazetteer(self):
        data, path = self.broken("gazetteers/cities.tsv", lambda c: c)
        os.remove(path)
        os.mkdir(path)
        self.assertDataError(data, f"{path}: is a directory, not a word list")

    def test_rule_endpoint_zero_or_overflowing(self):
        for endpoint in ("0", "99999999999999999999", "100"):
            data, path = self.broken(
                "rules/relations.rules",
                lambda c, e=endpoint: c + f"bad_rule | met | {e} | 2 | - | (a) (b)\n".encode())
            n = self.line_count(open(os.path.join(self.pristine, "rules/relations.rules"),
                                     "rb").read())
            self.assertDataError(data, f"{path}:{n + 1}:18: an endpoint is a slot's name "
                                       "({PERSON:speaker} -> speaker), a group number from 1 to "
                                       "99, @narrator, @main_event, @narrator_org, @nearest_talk or @item")
            shutil.rmtree(data)

    def test_list_item_endpoint_without_the_narrator(self):
        data, path = self.broken(
            "rules/relations.rules",
            lambda c: c + b"bad_rule | met | @item | 2 | - | ^People (a)\n")
        n = self.line_count(open(os.path.join(self.pristine, "rules/relations.rules"),
                                 "rb").read())
        self.assertDataError(data, f"{path}:{n + 1}:18: @item goes with @narrator or "
                                   "@nearest_talk on the other side")


class MissingFeaturesTest(CliTestCase):
    """A build without the viewer or Graphviz (--without): the formats it lacks are one-line
    usage errors (exit 2) that say so, and -f all writes the rest."""

    def test_missing_formats_are_usage_errors_that_say_what_the_build_lacks(self):
        if not WITHOUT:
            self.skipTest("this build has every optional part")
        out = os.path.join(self.tmp, "g")
        cases = []
        if "viewer" in WITHOUT:
            cases.append((["-f", "html", "-o", out, sample_path()],
                          "-f html: this build has no HTML viewer"))
        if "render" in WITHOUT:
            for fmt in ("svg", "png"):
                cases.append((["-f", "json," + fmt, "-o", out, sample_path()],
                              f"-f {fmt}: this build has no Graphviz pictures"))
            graph = os.path.join(self.tmp, "graph.json")
            self.assertExit(run(["-q", "-f", "json", "-o", graph, sample_path()]), EXIT_OK)
            cases.append((["render", graph, "-o", out + ".svg"],
                          "this build has no Graphviz pictures"))
        for args, message in cases:
            r = run(args)
            self.assertExit(r, EXIT_USAGE)
            self.assertOneLineError(r, message)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["graph.json"] if "render" in WITHOUT else [])

    def test_format_all_writes_the_formats_of_this_build(self):
        base = os.path.join(self.tmp, "g")
        self.assertExit(run(["-q", "-f", "all", "-o", base, sample_path()]), EXIT_OK)
        expected = ["g.dot", "g.edges.csv", "g.gexf", "g.graphml", "g.json", "g.nodes.csv"]
        if "viewer" not in WITHOUT:
            expected.append("g.html")
        if "render" not in WITHOUT:
            expected.append("g.svg")
        self.assertEqual(sorted(os.listdir(self.tmp)), sorted(expected))


def main():
    global BINARY, DATA
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the kgextract executable")
    parser.add_argument("--data", required=True, help="the repository's data/ directory")
    parser.add_argument("--without", action="append", default=[], choices=("viewer", "render"),
                        help="an optional part this build lacks")
    args, rest = parser.parse_known_args()
    BINARY = os.path.abspath(args.binary)
    DATA = os.path.abspath(args.data)
    WITHOUT.update(args.without)
    if not os.access(BINARY, os.X_OK):
        print(f"cli_test.py: {BINARY} is not an executable", file=sys.stderr)
        return 2
    if not os.path.isfile(sample_path()):
        print(f"cli_test.py: no sample report at {sample_path()}", file=sys.stderr)
        return 2
    program = unittest.main(argv=[sys.argv[0], *rest], exit=False, verbosity=2)
    return 0 if program.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())

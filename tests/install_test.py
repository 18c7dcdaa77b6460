#!/usr/bin/env python3
"""Tests of `cmake --install`: the installed kgextract finds its data relative to itself, so
the prefix can be moved, and never reads the source tree. Python 3 standard library only.

Usage: install_test.py --cmake CMAKE --build-dir BUILD --build-binary BUILD/kgextract
                       --source-data REPO/data [unittest options, test names]

Installs the build into a temporary prefix, MOVES the prefix to another directory and runs the
moved binary with no $KGEXTRACT_DATA: `--version` must name the moved share/kgextract, the graph
of a small report must equal the build tree's, the viewer and the pictures must work, a copy whose installed gazetteer was edited must
see the edit (graph.rules, the rule fingerprint, changes; the source tree's data could not give
it), and a copy without share/kgextract must fail with exit 6 naming that path and no other.

Exit status: 0 when every test passed, 1 otherwise (unittest's).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CMAKE = BUILD_DIR = BUILD_BINARY = SOURCE_DATA = None
EXIT_OK, EXIT_RULES = 0, 6

# Every sentence states one thing the rules plainly find.
REPORT = ("I attended RustFest 2023 in Berlin, Germany. "
          "I met Anna Keller, the CEO of Tessera Labs, at the venue.\n")
# A city no gazetteer knows, added to an installed copy's cities.tsv by one test.
MADE_UP_CITY = "Quillonbury"


def run(binary, args, cwd=None, **env_changes):
    """Runs `binary` without $KGEXTRACT_DATA (unless given in env_changes)."""
    env = {k: v for k, v in os.environ.items() if k != "KGEXTRACT_DATA"}
    env.update(env_changes)
    return subprocess.run([binary, *args], capture_output=True, env=env, cwd=cwd, timeout=300)


class InstallTest(unittest.TestCase):
    """One installation per class, moved away from where it was installed."""

    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="kgextract-install-test-")
        # realpath: /proc/self/exe, which the binary reports from, has no symlinks.
        cls.tmp = os.path.realpath(cls._tmp.name)
        installed = os.path.join(cls.tmp, "installed")
        r = subprocess.run([CMAKE, "--install", BUILD_DIR, "--prefix", installed],
                           capture_output=True, timeout=300)
        if r.returncode != 0:
            raise RuntimeError("cmake --install failed:\n" + r.stdout.decode() + r.stderr.decode())
        cls.prefix = os.path.join(cls.tmp, "elsewhere", "moved")
        os.makedirs(os.path.dirname(cls.prefix))
        os.rename(installed, cls.prefix)
        cls.binary = os.path.join(cls.prefix, "bin", "kgextract")
        cls.share = os.path.join(cls.prefix, "share", "kgextract")

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def setUp(self):
        self.work = tempfile.mkdtemp(dir=self.tmp)
        with open(os.path.join(self.work, "report.txt"), "w", encoding="utf-8") as f:
            f.write(REPORT)

    def copy_of_installation(self, name):
        """A copy of the moved prefix at tmp/name: (its binary, its share/kgextract)."""
        prefix = os.path.join(self.tmp, name)
        shutil.copytree(self.prefix, prefix, symlinks=True)
        return os.path.join(prefix, "bin", "kgextract"), os.path.join(prefix, "share", "kgextract")

    def extract(self, binary, *args):
        r = run(binary, ["-q", *args, "report.txt"], cwd=self.work)
        self.assertEqual(r.returncode, EXIT_OK, r.stderr.decode(errors="replace"))
        return r.stdout

    def assertVersionData(self, binary, expected_line, **env):
        r = run(binary, ["--version"], **env)
        self.assertEqual(r.returncode, EXIT_OK, r.stderr.decode(errors="replace"))
        lines = r.stdout.decode("utf-8").splitlines()
        self.assertEqual(len(lines), 2, lines)
        self.assertRegex(lines[0], r"\Akgextract \d+\.\d+\.\d+\Z")
        self.assertEqual(lines[1], expected_line)

    def test_prefix_holds_the_binary_and_its_data_only(self):
        found = sorted(os.path.relpath(os.path.join(root, f), self.prefix)
                       for root, _, files in os.walk(self.prefix) for f in files)
        source = sorted(os.path.join("share", "kgextract", os.path.relpath(os.path.join(root, f),
                                                                           SOURCE_DATA))
                        for root, _, files in os.walk(SOURCE_DATA) for f in files
                        if os.path.relpath(root, SOURCE_DATA).split(os.sep)[0] != "samples")
        # Everything of data/ but the sample reports, and one program: no tests, no fuzzers.
        self.assertEqual(found, sorted([os.path.join("bin", "kgextract"), *source]))
        self.assertIn(os.path.join("share", "kgextract", "rules", "entities.rules"), found)
        self.assertIn(os.path.join("share", "kgextract", "SOURCES.md"), found)

    def test_moved_binary_reports_the_data_installed_beside_it(self):
        self.assertVersionData(self.binary, f"data: {self.share} (installed beside {self.binary})")
        # Also when run through a symlink elsewhere (~/bin/kgextract -> PREFIX/bin/kgextract):
        # /proc/self/exe names the real binary.
        link = os.path.join(self.work, "kgextract")
        os.symlink(self.binary, link)
        self.assertVersionData(link, f"data: {self.share} (installed beside {self.binary})")

    def test_moved_binary_extracts_the_same_graph_as_the_build_tree(self):
        graph_bytes = self.extract(self.binary)
        graph = json.loads(graph_bytes)
        labels = {n["label"]: n["type"] for n in graph["nodes"]}
        for label, kind in (("Anna Keller", "PERSON"), ("Tessera Labs", "ORG"),
                            ("Berlin", "PLACE"), ("RustFest 2023", "EVENT")):
            self.assertEqual(labels.get(label), kind, labels)
        relations = {(l["source"], l["relation"], l["target"]) for l in graph["links"]}
        self.assertIn(("person:anna-keller", "affiliated_with", "org:tessera-labs"), relations)
        # Byte for byte the graph of the build tree's binary on the source tree's data/.
        self.assertEqual(graph_bytes, self.extract(BUILD_BINARY, "--data", SOURCE_DATA))

    def test_moved_binary_writes_the_viewer_and_draws_pictures(self):
        # Neither needs an installed file: the viewer's page and cytoscape.js are compiled in,
        # and pictures need Graphviz's shared libraries only.
        out = os.path.join(self.work, "graph")
        r = run(self.binary, ["-q", "-f", "json,html,svg", "-o", out, "report.txt"], cwd=self.work)
        self.assertEqual(r.returncode, EXIT_OK, r.stderr.decode(errors="replace"))
        with open(out + ".html", encoding="utf-8") as f:
            page = f.read()
        self.assertIn("cytoscape", page)
        self.assertIn("Anna Keller", page)
        r = run(self.binary, ["render", out + ".json", "-o", out + ".png"], cwd=self.work)
        self.assertEqual(r.returncode, EXIT_OK, r.stderr.decode(errors="replace"))
        with open(out + ".png", "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        with open(out + ".svg", "rb") as f:
            self.assertIn(b"Anna Keller", f.read())

    def test_moved_binary_reads_its_installed_data_not_the_source_tree(self):
        binary, share = self.copy_of_installation("edited")
        with open(os.path.join(share, "gazetteers", "cities.tsv"), "a", encoding="utf-8") as f:
            f.write(f"{MADE_UP_CITY}\t{MADE_UP_CITY}\tGB\t120000\n")
        with open(os.path.join(self.work, "report.txt"), "w", encoding="utf-8") as f:
            f.write(f"I attended RustFest 2023 in {MADE_UP_CITY}.\n")
        edited = json.loads(self.extract(binary))
        source = json.loads(self.extract(BUILD_BINARY, "--data", SOURCE_DATA))
        # The rule fingerprint is that of the edited copy, which the source tree cannot give.
        self.assertNotEqual(edited["graph"]["rules"], source["graph"]["rules"])
        self.assertEqual(edited["graph"]["rules"],
                         json.loads(self.extract(BUILD_BINARY, "--data", share))["graph"]["rules"])
        city = [n for n in edited["nodes"] if n["label"] == MADE_UP_CITY]
        self.assertEqual(len(city), 1, edited["nodes"])
        self.assertEqual((city[0]["type"], city[0].get("subtype")), ("PLACE", "city"))
        self.assertEqual(city[0]["mentions"][0]["rule"], "gazetteer:cities")

    def test_binary_without_installed_data_exits_6_naming_that_path_only(self):
        binary, share = self.copy_of_installation("no-data")
        shutil.rmtree(share)
        r = run(binary, ["report.txt"], cwd=self.work)
        self.assertEqual(r.returncode, EXIT_RULES, r.stderr.decode(errors="replace"))
        self.assertEqual(r.stdout, b"")
        self.assertEqual(r.stderr.decode("utf-8"),
                         f"kgextract: no data directory: {share} does not exist (the data "
                         f"installed beside {binary}); give --data DIR or set KGEXTRACT_DATA\n")
        # --version still answers, and says the same.
        self.assertVersionData(binary, f"data: no data directory: {share} does not exist (the "
                                       f"data installed beside {binary}); give --data DIR or set "
                                       "KGEXTRACT_DATA")

    def test_data_flag_then_environment_come_before_the_installed_data(self):
        other = os.path.join(self.tmp, "other-data")
        if not os.path.isdir(other):
            shutil.copytree(self.share, other)
        self.assertVersionData(self.binary, f"data: {other} ($KGEXTRACT_DATA)",
                               KGEXTRACT_DATA=other)
        r = run(self.binary, ["--data", SOURCE_DATA, "--version"], KGEXTRACT_DATA=other)
        self.assertEqual(r.stdout.decode("utf-8").splitlines()[1], f"data: {SOURCE_DATA} (--data)")
        missing = os.path.join(self.tmp, "no-such-data")
        r = run(self.binary, ["report.txt"], cwd=self.work, KGEXTRACT_DATA=missing)
        self.assertEqual(r.returncode, EXIT_RULES)
        self.assertEqual(r.stderr.decode("utf-8"), f"kgextract: {missing}: no such data directory "
                         "($KGEXTRACT_DATA; it holds the rules and gazetteers)\n")

    def test_build_tree_binary_reads_the_source_tree(self):
        self.assertVersionData(BUILD_BINARY, f"data: {SOURCE_DATA} (the source tree: this is the "
                                             "build tree's binary)")


def main():
    global CMAKE, BUILD_DIR, BUILD_BINARY, SOURCE_DATA
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cmake", required=True, help="the cmake that configured the build")
    parser.add_argument("--build-dir", required=True, help="the build tree to install")
    parser.add_argument("--build-binary", required=True, help="the build tree's kgextract")
    parser.add_argument("--source-data", required=True, help="the source tree's data/")
    args, rest = parser.parse_known_args()
    CMAKE = args.cmake
    BUILD_DIR = os.path.abspath(args.build_dir)
    BUILD_BINARY = os.path.abspath(args.build_binary)
    SOURCE_DATA = os.path.abspath(args.source_data)
    program = unittest.main(argv=[sys.argv[0], *rest], exit=False, verbosity=2)
    return 0 if program.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Compiles the usage example at the top of every public header, so the examples stay true.

Usage: header_examples_test.py --cxx COMPILER --root REPO [--without viewer,render]

A header's example is its first run of comment lines indented by three spaces ("//   code"),
ending at a line that is no such line. Each is compiled (checked with -fsyntax-only, not run:
examples name files such as report.txt) inside a function, after the declarations its inputs need
(PREAMBLES below: what the example takes from earlier stages). Exit 1 when one does not
compile, or a header listed here has no example. Standard library only.
"""

import argparse
import os
import subprocess
import sys
import tempfile

# header -> declarations of the example's inputs (things a caller already has).
PREAMBLES = {
    "pipeline/status.h": None,  # no example: Status is used by every other example
    "pipeline/file_system.h": "",
    "pipeline/text.h": "",
    "pipeline/input.h": "std::string markdown_bytes;",
    "extractors/schema.h": "",
    "extractors/extract.h": "kg::TokenizedDocument tokenized_doc;",
    "graph/graph.h": "kg::DocumentGraph dg1, dg2; std::string generator, fingerprint;",
    "graph/resolve.h": ("std::unique_ptr<kg::RuleSet> owned; const kg::RuleSet& rules = *owned;"
                        " kg::TokenizedDocument tokenized;"),
    "graph/export.h": "kg::KnowledgeGraph kgraph; std::string error;",
    "graph/viewer.h": "kg::KnowledgeGraph kgraph;",
    "graph/render.h": "kg::KnowledgeGraph kgraph;",
    "pipeline/pipeline.h": "",
}
EXTRA_INCLUDES = {"pipeline/pipeline.h": ["graph/export.h"], "graph/resolve.h": ["extractors/extract.h"]}


def example_of(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    code, started = [], False
    for line in lines[:60]:
        if line.startswith("//   "):
            code.append(line[5:])
            started = True
        elif started and line.startswith("//") and not line.strip("/ "):
            # a blank comment line may separate two parts of one example
            code.append("")
        elif started:
            break
    while code and not code[-1]:
        code.pop()
    return "\n".join(code)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cxx", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--without", default="")
    parser.add_argument("--flag", action="append", default=[])
    args = parser.parse_args()
    without = {w for w in args.without.split(",") if w}
    failed = 0
    examples = []  # (header, includes, function source)
    for header, preamble in PREAMBLES.items():
        if preamble is None or os.path.basename(header)[:-2] in without:
            continue
        code = example_of(os.path.join(args.root, header))
        if not code:
            print(f"{header}: no usage example at the top (a '//   code' block)")
            failed += 1
            continue
        includes = "".join(f'#include "{h}"\n' for h in [header, *EXTRA_INCLUDES.get(header, [])])
        examples.append((header, includes, f"{{\n{preamble}\n{code}\n}}\n"))
    common = "#include <iostream>\n#include <memory>\n#include <string>\n#include <vector>\n\n"

    def compiles(path, source):
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        return subprocess.run([args.cxx, "-std=c++20", "-Wno-unused-variable",
                               "-Wno-unused-but-set-variable", "-I", args.root, *args.flag,
                               "-fsyntax-only", path], capture_output=True, text=True)

    with tempfile.TemporaryDirectory(prefix="kg-header-examples-") as tmp:
        # All examples in one file first, each in its own function: the headers are parsed once.
        # Only when that fails is each compiled alone, to name the header whose example broke.
        together = "".join(inc for _, inc, _ in examples) + common + "".join(
            f"void HeaderExample{i}() {body}" for i, (_, _, body) in enumerate(examples))
        if compiles(os.path.join(tmp, "all.cc"), together).returncode == 0:
            for header, _, _ in examples:
                print(f"{header}: example compiles")
        else:
            for header, includes, body in examples:
                path = os.path.join(tmp, header.replace("/", "_") + ".cc")
                r = compiles(path, f"{includes}{common}void HeaderExample() {body}")
                if r.returncode != 0:
                    failed += 1
                    print(f"{header}: its example does not compile:\n{body}\n{r.stderr}")
                else:
                    print(f"{header}: example compiles")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

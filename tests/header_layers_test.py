#!/usr/bin/env python3
"""The layers of kgextract's public headers (README "Architecture"), checked on the sources.

Usage: header_layers_test.py --source-dir REPO [--compiler CXX]

1. Each public header (pipeline/*.h, extractors/*.h, graph/*.h but the internal ones named in
   INTERNAL) includes headers of its own layer or of layers below it, never above:

     pipeline/status.h, pipeline/file_system.h,              the bottom: errors, file access,
     pipeline/text.h, pipeline/input.h                       stages 0-2
     extractors/*.h                                          stage 3
     graph/graph.h                                           the model
     graph/resolve.h, graph/export.h                         resolution; the file formats
     graph/viewer.h, graph/render.h                          the optional outputs
     pipeline/pipeline.h, pipeline/chunks.h, pipeline/args.h orchestration and the CLI (the top)

   A header of the project that is in no layer fails too, so a new one must be placed here.
2. graph/graph.h and graph/export.h (what a tool that only reads or writes graphs includes), and
   graph/viewer.h and graph/render.h, reach no extractors/ or pipeline/ header, no RE2, ICU or
   Graphviz header and not the viewer's embedded assets, transitively: through the project's
   headers as written, and, with --compiler, through every header the compiler opens (-M), so
   a system header that drags ICU in is caught too.

The test then proves that it can fail: it copies the headers, breaks them one way at a time
(an include of a layer above, of ICU, of RE2, of the viewer's assets, an unplaced header) and
expects each to be reported. Exit status: 0 when all is well, 1 otherwise.
"""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Internal headers: included by the .cc files of their own library only, not part of the layers.
INTERNAL = {
    "extractors/internal.h",  # the rule engines' shared internals (kg_extractors)
    "extractors/passes.h",    # the extractor's passes (kg_extractors and their tests)
    "graph/export_text.h",    # the exporters' text helpers (kg_export, used by viewer and render)
    "graph/parallel.h",       # ordered parallel work of the model and the JSON writer
}

# Rank of each public header: a header may include headers of its rank or lower.
LAYERS = [
    (0, ["pipeline/status.h", "pipeline/file_system.h", "pipeline/text.h", "pipeline/input.h"]),
    (1, ["extractors/*.h"]),
    (2, ["graph/graph.h"]),
    (3, ["graph/resolve.h", "graph/export.h"]),
    (4, ["graph/viewer.h", "graph/render.h"]),
    (5, ["pipeline/pipeline.h", "pipeline/chunks.h", "pipeline/args.h"]),
]

# Headers a graph-only tool includes: they must not bring the extraction, RE2, ICU, Graphviz or
# the viewer's assets with them.
LEAN = ["graph/graph.h", "graph/export.h", "graph/viewer.h", "graph/render.h"]
FORBIDDEN_PROJECT = ("extractors/", "pipeline/", "graph/viewer/")
FORBIDDEN_SYSTEM = re.compile(r"(^|/)(re2|unicode|graphviz)/|viewer_assets|node_modules")

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]', re.M)


def public_headers(root):
    found = []
    for pattern in ("pipeline/*.h", "extractors/*.h", "graph/*.h"):
        for path in sorted(glob.glob(os.path.join(root, pattern))):
            rel = os.path.relpath(path, root)
            if rel not in INTERNAL:
                found.append(rel)
    return found


def rank_of(header):
    for rank, patterns in LAYERS:
        for pattern in patterns:
            if header == pattern or (pattern.endswith("*.h") and
                                     os.path.dirname(header) == os.path.dirname(pattern)):
                return rank
    return None


def includes(root, header):
    """(quoted project headers, angle-bracket headers) that `header` includes as written."""
    with open(os.path.join(root, header), encoding="utf-8") as f:
        text = f.read()
    quoted, angled = [], []
    for kind, name in INCLUDE.findall(text):
        (quoted if kind == '"' else angled).append(name)
    return quoted, angled


def closure(root, header):
    """Every project and system header reached from `header` through project headers."""
    seen, system, todo = set(), set(), [header]
    while todo:
        h = todo.pop()
        if h in seen or not os.path.isfile(os.path.join(root, h)):
            continue
        seen.add(h)
        quoted, angled = includes(root, h)
        system.update(angled)
        todo.extend(quoted)
    seen.discard(header)
    return seen, system


def compiler_deps(root, header, compiler):
    """Every file the compiler opens for `header` (make-style dependencies, -M)."""
    r = subprocess.run([compiler, "-std=c++20", "-x", "c++", "-M", "-MG", "-I", root,
                        os.path.join(root, header)], capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr.strip().splitlines()[-1:] or ["failed"]
    deps = r.stdout.replace("\\\n", " ").split(":", 1)[1].split()
    return deps, None


def check(root, compiler=None):
    problems = []
    headers = public_headers(root)
    for header in headers:
        rank = rank_of(header)
        if rank is None:
            problems.append(f"{header}: in no layer (place it in LAYERS or INTERNAL)")
            continue
        quoted, _ = includes(root, header)
        for inc in quoted:
            if inc in INTERNAL:
                problems.append(f"{header}: includes the internal header {inc}")
                continue
            inc_rank = rank_of(inc)
            if inc_rank is None:
                problems.append(f"{header}: includes {inc}, which is in no layer")
            elif inc_rank > rank:
                problems.append(f"{header}: includes {inc}, a layer above it")
    for header in LEAN:
        if not os.path.isfile(os.path.join(root, header)):
            problems.append(f"{header}: missing")
            continue
        project, system = closure(root, header)
        for inc in sorted(project):
            if inc.startswith(FORBIDDEN_PROJECT):
                problems.append(f"{header}: reaches {inc}")
        for inc in sorted(system):
            if FORBIDDEN_SYSTEM.search(inc):
                problems.append(f"{header}: reaches <{inc}>")
        if compiler:
            deps, error = compiler_deps(root, header, compiler)
            if deps is None:
                problems.append(f"{header}: {compiler} -M failed: {error[0]}")
                continue
            for dep in deps:
                rel = os.path.relpath(dep, root) if dep.startswith(root) else dep
                if FORBIDDEN_SYSTEM.search(dep) or rel.startswith(FORBIDDEN_PROJECT):
                    problems.append(f"{header}: the compiler opens {dep}")
    return problems


# Each way of breaking the layers that the check must catch: (header, line added, fragment of
# the expected report). Only the compiler sees through a header outside the project's folders
# (here <kg_fake_system.h>, which the self-test writes and which includes ICU); the others are
# checked without it, which keeps the test at a few seconds.
BREAKAGES = [
    ("extractors/extract.h", '#include "graph/graph.h"', "a layer above it"),
    ("pipeline/text.h", '#include "extractors/extract.h"', "a layer above it"),
    ("graph/graph.h", '#include "graph/export.h"', "a layer above it"),
    ("graph/export.h", '#include "pipeline/pipeline.h"', "a layer above it"),
    ("graph/graph.h", '#include "extractors/schema.h"', "reaches extractors/schema.h"),
    ("graph/export.h", "#include <unicode/utf8.h>", "unicode/utf8.h"),
    ("graph/graph.h", "#include <re2/re2.h>", "re2/re2.h"),
    ("graph/render.h", "#include <graphviz/gvc.h>", "graphviz/gvc.h"),
    ("graph/export.h", '#include "graph/viewer/viewer_assets.h"', "viewer_assets.h"),
    ("graph/export.h", '#include "graph/export_text.h"', "the internal header"),
    ("graph/new_stage.h", "#pragma once", "in no layer"),
    ("graph/graph.h", "#include <kg_fake_system.h>", "/unicode/"),
]


def prove_it_fails(root, compiler):
    failures = []
    for header, line, expected in BREAKAGES:
        with tempfile.TemporaryDirectory(prefix="kg-header-layers-") as tmp:
            for folder in ("pipeline", "extractors", "graph"):
                os.makedirs(os.path.join(tmp, folder))
                for path in glob.glob(os.path.join(root, folder, "*.h")):
                    shutil.copy(path, os.path.join(tmp, folder))
            os.makedirs(os.path.join(tmp, "graph", "viewer"))
            shutil.copy(os.path.join(root, "graph", "viewer", "viewer_assets.h"),
                        os.path.join(tmp, "graph", "viewer"))
            target = os.path.join(tmp, header)
            text = ""
            if os.path.exists(target):
                with open(target, encoding="utf-8") as f:
                    text = f.read()
            # After #pragma once, so the include is part of the header as a real one would be.
            text = text.replace("#pragma once\n", "#pragma once\n" + line + "\n", 1) \
                if "#pragma once\n" in text else line + "\n"
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            through_compiler = "kg_fake_system.h" in line
            if through_compiler:
                if not compiler:
                    continue
                with open(os.path.join(tmp, "kg_fake_system.h"), "w", encoding="utf-8") as f:
                    f.write("#pragma once\n#include <unicode/utf8.h>\n")
            problems = check(tmp, compiler if through_compiler else None)
            if not any(expected in p for p in problems) or (
                    through_compiler and any("reaches" in p for p in problems)):
                failures.append(f"not caught: {line} in {header} (got {problems})")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--compiler", help="a C++ compiler for the transitive check (-M)")
    args = parser.parse_args()
    root = os.path.abspath(args.source_dir)
    problems = check(root, args.compiler)
    for p in problems:
        print(f"header_layers: {p}", file=sys.stderr)
    failures = prove_it_fails(root, args.compiler)
    for f in failures:
        print(f"header_layers: self-test: {f}", file=sys.stderr)
    if problems or failures:
        return 1
    print(f"header_layers: {len(public_headers(root))} public headers in layers; "
          f"{len(BREAKAGES)} deliberate breakages caught")
    return 0


if __name__ == "__main__":
    sys.exit(main())

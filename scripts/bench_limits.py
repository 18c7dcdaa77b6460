#!/usr/bin/env python3
"""Scaling benchmarks of issue 12 (bounded time and memory): each case at N and 10 N, timed
with /usr/bin/time (wall and CPU seconds, peak resident memory). Prints a Markdown table for
README.md.

  scripts/bench_limits.py --binary build/kgextract [--data data]
                          [--cases repeat,names,crowd,render,quotes,line]
                          [--scale 1]

Cases (N is multiplied by --scale):
  repeat  one statement ("I met Anna Keller in Berlin.") repeated N = 2,000 / 20,000 times
  names   N = 1,000 / 10,000 distinct two-word person names in one document
  crowd   n = 80 / 800 people named in one sentence
  render  `kgextract render` of a graph of N = 400 / 4,000 unconnected nodes
  quotes  `““Go now. ” ` N = 3,200 / 32,000 times: one quotation that never closes, a
          refused sentence break in each piece (32,000: the issue's 576 KB)
  line    N = 1,200 / 12,000 distinct person names in one line, joined by " 😀 ", no sentence
          end (run with --scale 10 for the issue's 2.3 MB line)
"""

import argparse
import json
import os
import random
import string
import subprocess
import sys
import tempfile


def make_repeat(n):
    return "I met Anna Keller in Berlin.\n" * n


def person_names(n, seed=12):
    rng = random.Random(seed)
    given = ["Anna", "Maria", "John", "Peter", "Laura", "David", "Sofia", "Lucas"]
    names, seen = [], set()
    while len(names) < n:
        surname = rng.choice(string.ascii_uppercase) + "".join(
            rng.choice("aeiou" if i % 2 else "bcdfghklmnprstvz") for i in range(7))
        name = f"{rng.choice(given)} {surname}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def make_names(n):
    return "".join(f"I met {name} at the conference.\n" for name in person_names(n))


def make_crowd(n):
    names = person_names(n, seed=800)
    return "I met " + ", ".join(names[:-1]) + " and " + names[-1] + " at the conference.\n"


def make_quotes(n):
    return "““Go now. ” " * n + "\n"


def make_line(n):
    return " 😀 ".join(person_names(n, seed=9)) + "\n"


def make_graph(n):
    nodes = [{"id": f"person:p{i}", "label": f"Person {i}", "type": "PERSON"} for i in range(n)]
    return json.dumps({"directed": True, "multigraph": True, "graph": {}, "nodes": nodes,
                       "links": []})


CASES = {
    "repeat": (2000, make_repeat, "one statement repeated N times"),
    "names": (1000, make_names, "N distinct person names in one document"),
    "crowd": (80, make_crowd, "n people in one sentence"),
    "render": (400, make_graph, "`render` of N unconnected nodes"),
    "quotes": (3200, make_quotes, "`““Go now. ” ` N times (one open quotation)"),
    "line": (1200, make_line, "N person names in one line (no sentence end)"),
}


def measure(binary, data, case, n, tmp):
    make = CASES[case][1]
    src = os.path.join(tmp, f"{case}-{n}." + ("json" if case == "render" else "txt"))
    with open(src, "w", encoding="utf-8") as f:
        f.write(make(n))
    out = os.path.join(tmp, f"{case}-{n}.out" + (".svg" if case == "render" else ".json"))
    args = [binary, "render", src, "-o", out] if case == "render" else [
        binary, "--data", data, "-j", "1", "-o", out, src]
    timing = os.path.join(tmp, "time")
    r = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", timing, *args],
                       capture_output=True, timeout=3600)
    with open(timing, encoding="utf-8") as f:
        seconds, user, system, kb = f.read().split()[-4:]
    notes = " ".join(line.removeprefix("kgextract: ") for line in
                     r.stderr.decode("utf-8", "replace").splitlines() if "limit" in line or
                     "not drawn" in line)
    # CPU seconds too: on a shared machine they say more than the wall clock.
    return float(seconds), float(user) + float(system), int(kb) / 1024, os.path.getsize(out) if os.path.exists(out) else 0, \
        r.returncode, notes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "data"))
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    print("| case | N | seconds | CPU seconds | peak MB | output bytes | exit | limit reported |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory(prefix="kgextract-bench-") as tmp:
        for case in args.cases.split(","):
            base = int(CASES[case][0] * args.scale)
            for n in (base, 10 * base):
                s, cpu, mb, size, code, notes = measure(os.path.abspath(args.binary),
                                                   os.path.abspath(args.data), case, n, tmp)
                print(f"| {CASES[case][2]} | {n:,} | {s:.2f} | {cpu:.2f} | {mb:.0f} | {size:,} | "
                      f"{code} | "
                      f"{notes} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

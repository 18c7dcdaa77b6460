#!/usr/bin/env python3
"""Scores a rule pack on its own test documents against gold files written for them.

Usage: pack_quality_test.py --binary KGEXTRACT --data DATA --pack PACK --cases DIR
                            --min-entity-f1 F --min-relation-f1 F

DIR holds docs/NAME.txt and gold/NAME.json (the format of the development gold: "narrator",
"entities" [{"name", "type", "optional"?}], "relations" [{"subject", "relation", "object",
"optional"?}], "@narrator" for the first-person author). Entities match on type and normalised
name (case, spacing and punctuation folded; a node's aliases count); relations on relation and
both endpoints; "met" is symmetric; optional gold items are neither rewarded nor penalised.
Prints precision, recall and F1 in total and fails (exit 1) when an F1 is under its minimum, so
a change that makes the pack worse on its documents fails the tests. Standard library only.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys


def norm(name):
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_document(graph, gold):
    """(entity tp, fp, fn, relation tp, fp, fn, misses) of one document."""
    nodes = {}
    for n in graph["nodes"]:
        names = {norm(n["label"])} | {norm(a) for a in n.get("aliases", [])}
        nodes[n["id"]] = ("@narrator" if n.get("narrator") else None, n["type"], names)

    def node_matches(node, name, type_):
        narrator, ntype, names = node
        if name == "@narrator":
            return narrator == "@narrator"
        return narrator is None and ntype == type_ and norm(name) in names

    gold_types = {norm(e["name"]): e["type"] for e in gold["entities"]}
    misses = []
    e_tp = e_fn = 0
    matched_nodes = set()
    optional_nodes = set()
    for e in gold["entities"]:
        hits = [i for i, n in nodes.items() if node_matches(n, e["name"], e["type"])]
        if e.get("optional"):
            optional_nodes.update(hits)
            continue
        if hits:
            e_tp += 1
            matched_nodes.update(hits)
        else:
            e_fn += 1
            misses.append(f"missed entity {e['type']} {e['name']}")
    extra = [i for i, n in nodes.items()
             if n[0] is None and i not in matched_nodes and i not in optional_nodes]
    misses += [f"extra entity {nodes[i][1]} {i}" for i in extra]
    e_fp = len(extra)

    def endpoint_ids(name):
        type_ = gold_types.get(norm(name))
        return {i for i, n in nodes.items() if node_matches(n, name, type_)}

    system = [(l["source"], l["relation"], l["target"]) for l in graph["links"]
              if l["relation"] != "co_occurs"]
    used = set()
    r_tp = r_fn = 0
    for r in gold["relations"]:
        subjects, objects = endpoint_ids(r["subject"]), endpoint_ids(r["object"])
        found = [k for k, (s, rel, o) in enumerate(system) if rel == r["relation"] and (
            (s in subjects and o in objects) or
            (rel == "met" and s in objects and o in subjects))]
        if r.get("optional"):
            used.update(found)
            continue
        if found:
            r_tp += 1
            used.update(found)
        else:
            r_fn += 1
            misses.append(f"missed relation {r['subject']} -{r['relation']}-> {r['object']}")
    r_fp = 0
    for k, (s, rel, o) in enumerate(system):
        if k not in used:
            r_fp += 1
            misses.append(f"extra relation {s} -{rel}-> {o}")
    return e_tp, e_fp, e_fn, r_tp, r_fp, r_fn, misses


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--pack", required=True)
    parser.add_argument("--cases", required=True)
    parser.add_argument("--min-entity-f1", type=float, required=True)
    parser.add_argument("--min-relation-f1", type=float, required=True)
    args = parser.parse_args()

    totals = [0] * 6
    docs = sorted(glob.glob(os.path.join(args.cases, "docs", "*.txt")))
    if not docs:
        print(f"no documents in {args.cases}/docs", file=sys.stderr)
        return 1
    for doc in docs:
        name = os.path.splitext(os.path.basename(doc))[0]
        with open(os.path.join(args.cases, "gold", name + ".json"), encoding="utf-8") as f:
            gold = json.load(f)
        r = subprocess.run([args.binary, "-q", "--data", args.data, "--rules", args.pack, doc],
                           capture_output=True, timeout=120)
        if r.returncode != 0:
            print(f"{doc}: kgextract exit {r.returncode}: {r.stderr.decode()}", file=sys.stderr)
            return 1
        *counts, misses = score_document(json.loads(r.stdout), gold)
        totals = [t + c for t, c in zip(totals, counts)]
        for m in misses:
            print(f"{name}: {m}")
    ep, er, ef = f1(*totals[0:3])
    rp, rr, rf = f1(*totals[3:6])
    print(f"entities  P {ep:.3f} R {er:.3f} F1 {ef:.3f}")
    print(f"relations P {rp:.3f} R {rr:.3f} F1 {rf:.3f}")
    ok = ef >= args.min_entity_f1 and rf >= args.min_relation_f1
    if not ok:
        print(f"FAIL: below the minimum (entity F1 {args.min_entity_f1}, relation F1 "
              f"{args.min_relation_f1})", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

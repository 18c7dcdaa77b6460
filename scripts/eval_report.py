#!/usr/bin/env python3
"""Report helpers for scripts/eval.sh (Python 3 standard library only).

  eval_report.py analyse --score-py PATH --gold-dir DIR --system-dir DIR
      every miss and false positive of every document, grouped by cause, then per-rule hit
      counts (documents fired in, outputs judged true/false against gold, ONE-DOC flags)
  eval_report.py wikigold SCORES.json
      a compact table of score_mentions.py --json output (exact spans, micro F1 per type)
  eval_report.py summary --dev SCORES.json [--subset SCORES.json --subset-label L]
                         [--wikigold SCORES.json] [--min-entity-f1 F] [--min-relation-f1 F]
      the closing summary lines; exit 1 when a threshold on the development totals is not met

The analysis mirrors score.py's matching (imported from its path, so norm() and the type and
relation lists are score.py's own) and checks that its counts equal score.py's.
"""
import argparse
import collections
import importlib.util
import json
import os
import sys

STOPWORDS = set("""& a about an and are as at be by de del der des di du for from he her his how
i in is it its la le my no not of on or our she so that the their they this to was we what
why with you your""".split())
FP_CAUSES = ("wrong type", "span", "duplicate node", "spurious entity")
ORDER = ("wrong type", "span", "missing entity", "duplicate node", "spurious entity",
         "missing relation (endpoint missing)", "missing relation (endpoints found)",
         "spurious relation")


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("kg_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def q(s):
    return "'" + str(s) + "'"


def rules_of(items):
    out = []
    for it in items or []:
        r = it.get("rule")
        if r and r not in out:
            out.append(r)
    return out


def rule_note(rules, limit=3):
    if not rules:
        return ""
    extra = f" +{len(rules) - limit}" if len(rules) > limit else ""
    return "  [" + ", ".join(rules[:limit]) + extra + "]"


def overlaps(a, b):
    """Two normalised names (token lists) overlap: one contains the other as whole words, or
    the end of one is the start of the other; an overlap of only stopwords or numbers does
    not count."""
    if not a or not b or a == b:
        return False

    def meaningful(tokens):
        return any(t not in STOPWORDS and not t.isdigit() for t in tokens)

    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    n = len(short)
    for i in range(len(long_) - n + 1):
        if long_[i:i + n] == short and meaningful(short):
            return True
    for k in range(1, min(len(a), len(b))):
        if a[-k:] == b[:k] and meaningful(a[-k:]):
            return True
        if b[-k:] == a[:k] and meaningful(b[-k:]):
            return True
    return False


class Doc:
    """score.py's score_document, step by step, keeping what it decided about every node,
    link and gold item."""

    def __init__(self, S, name, gold, system):
        self.S, self.name, self.gold, self.system = S, name, gold, system
        self.ents = gold["entities"]
        self.nodes = system.get("nodes", [])
        self.links = system.get("links", system.get("edges", []))
        self.by_id = {n.get("id"): n for n in self.nodes}
        self.by_name = {}
        for i, e in enumerate(self.ents):
            for n in [e["name"]] + list(e.get("aliases", [])):
                self.by_name.setdefault(S.norm(n), []).append(i)
        self.counts = {"etp": 0, "efp": 0, "efn": 0, "rtp": 0, "rfp": 0, "rfn": 0}
        self.node_status = {}   # node id -> "tp" | "fp" | "na"
        self.link_status = []   # (link, "tp" | "fp" | "na")
        self.items = []         # (cause, text)
        self._entities()
        self._relations()

    def names(self, node):
        return [node.get("label", "")] + list(node.get("aliases", []))

    def gold_names(self, i):
        e = self.ents[i]
        return [e["name"]] + list(e.get("aliases", []))

    def candidates(self, node, names):
        found = []
        for n in names:
            for i in self.by_name.get(self.S.norm(n), []):
                if i not in found:
                    found.append(i)
        found.sort(key=lambda i: (self.ents[i]["type"] != node.get("type"),
                                  bool(self.ents[i].get("optional"))))
        return found

    def node_text(self, node):
        return f"{node.get('type')} {q(node.get('label'))}"

    def gold_text(self, i):
        return f"{self.ents[i]['type']} {q(self.ents[i]['name'])}"

    def _entities(self):
        S, ents = self.S, self.ents
        self.node_to_gold, self.ignored, matched = {}, set(), set()
        typed = []
        for node in self.nodes:
            if node.get("narrator"):
                self.node_to_gold[node["id"]] = S.NARRATOR
                self.node_status[node["id"]] = "na"
            elif node.get("type") not in S.TYPES:
                self.node_status[node.get("id")] = "na"
            else:
                typed.append(node)
        pending = []
        for node in typed:
            c = self.candidates(node, [node.get("label", "")])
            if c and not ents[c[0]].get("optional") and c[0] not in matched \
                    and ents[c[0]]["type"] == node.get("type"):
                matched.add(c[0])
                self.node_to_gold[node["id"]] = c[0]
                self.node_status[node["id"]] = "tp"
            else:
                pending.append(node)
        fp_nodes = []  # (node, reason, gold index or None)
        for node in pending:
            c = self.candidates(node, self.names(node))
            if not c:
                fp_nodes.append((node, "none", None))
                continue
            best = ents[c[0]]
            self.node_to_gold[node["id"]] = c[0]
            if best.get("optional"):
                self.ignored.add(node["id"])
                self.node_status[node["id"]] = "na"
            elif best["type"] != node.get("type"):
                fp_nodes.append((node, "wrong type", c[0]))
            elif c[0] in matched:
                fp_nodes.append((node, "duplicate", c[0]))
            else:
                matched.add(c[0])
                self.node_status[node["id"]] = "tp"
        for node, _, _ in fp_nodes:
            self.node_status[node["id"]] = "fp"
        self.counts["etp"] = sum(1 for s in self.node_status.values() if s == "tp")
        self.counts["efp"] = len(fp_nodes)
        fn = [i for i, e in enumerate(ents) if not e.get("optional") and i not in matched]
        self.counts["efn"] = len(fn)

        # Classify: pair each miss with the system node that explains it, preferring a node
        # that is itself a false positive (then one line tells both).
        norm_tokens = lambda s: self.S.norm(s).split()
        fp_left = {node["id"]: (node, reason, gi) for node, reason, gi in fp_nodes}
        typed_nodes = [n for n in typed]

        def partner(i, test):
            gnames = {self.S.norm(n) for n in self.gold_names(i)}
            best = None
            for node in typed_nodes:
                if not test(node, gnames):
                    continue
                rank = (node["id"] not in fp_left, node.get("type") != ents[i]["type"])
                if best is None or rank < best[0]:
                    best = (rank, node)
            return best[1] if best else None

        def same_name_other_type(i):
            return lambda node, gnames: node.get("type") != ents[i]["type"] and \
                any(self.S.norm(n) in gnames for n in self.names(node))

        def span_overlap(i):
            # a node of the same type, or one that is itself a false positive (a correct node
            # of another type that shares a word does not explain the miss)
            return lambda node, gnames: \
                (node.get("type") == ents[i]["type"] or node["id"] in fp_left) and \
                any(overlaps(norm_tokens(n), g.split()) for n in self.names(node)
                    for g in gnames)

        for i in fn:
            node = partner(i, same_name_other_type(i))
            cause = "wrong type"
            if node is None:
                node, cause = partner(i, span_overlap(i)), "span"
            if node is None:
                self.items.append(("missing entity", self.gold_text(i)))
                continue
            rules = rule_note(rules_of(node.get("mentions")))
            if node["id"] in fp_left:
                del fp_left[node["id"]]
                self.items.append((cause, f"{self.gold_text(i)} found as {self.node_text(node)}"
                                          f"{rules}  (miss + fp)"))
            else:
                self.items.append((cause, f"{self.gold_text(i)} missed; system has "
                                          f"{self.node_text(node)}{rules}"))
        for node, reason, gi in fp_left.values():
            rules = rule_note(rules_of(node.get("mentions")))
            if reason == "wrong type":
                self.items.append(("wrong type", f"{self.node_text(node)}{rules}, gold says "
                                                 f"{self.gold_text(gi)}"))
                continue
            if reason == "duplicate":
                self.items.append(("duplicate node", f"{self.node_text(node)}{rules}, a second "
                                                     f"node of {self.gold_text(gi)}"))
                continue
            toks = [norm_tokens(n) for n in self.names(node)]
            hit = None
            for j in range(len(ents)):
                if any(overlaps(t, self.S.norm(g).split()) for t in toks
                       for g in self.gold_names(j)):
                    if hit is None or (ents[j]["type"] == node.get("type")
                                       and ents[hit]["type"] != node.get("type")):
                        hit = j
            if hit is not None:
                opt = " (optional)" if ents[hit].get("optional") else ""
                self.items.append(("span", f"{self.node_text(node)}{rules} overlaps gold "
                                           f"{self.gold_text(hit)}{opt}"))
            else:
                self.items.append(("spurious entity", f"{self.node_text(node)}{rules}"))

    def _relations(self):
        S = self.S
        NARR = S.NARRATOR

        def gold_key(name):
            if name == NARR:
                return NARR
            hits = self.by_name.get(S.norm(name), [])
            if not hits:
                raise SystemExit(f"{self.name}: gold relation names an unknown entity: {name!r}")
            return hits[0]

        def triple(s, r, o):
            if r in S.SYMMETRIC:
                s, o = sorted([s, o], key=str)
            return (s, r, o)

        required, optional = set(), set()
        for r in self.gold["relations"]:
            t = triple(gold_key(r["subject"]), r["relation"], gold_key(r["object"]))
            (optional if r.get("optional") else required).add(t)
        opt_ents = {i for i, e in enumerate(self.ents) if e.get("optional")}

        def label(k):
            return k if k == NARR else self.ents[k]["name"]

        # what the system said about each pair of gold entities (for "endpoints found")
        said = collections.defaultdict(set)
        seen = set()
        for link in self.links:
            rel = link.get("relation")
            src, dst = link.get("source"), link.get("target")
            s, o = self.node_to_gold.get(src), self.node_to_gold.get(dst)
            if s is not None and o is not None:
                said[frozenset([s, o])].add(rel)
            if rel not in S.RELATIONS:
                self.link_status.append((link, "na"))
                continue
            if src in self.ignored or dst in self.ignored or s in opt_ents or o in opt_ents:
                self.link_status.append((link, "na"))
                continue
            rules = rule_note(rules_of(link.get("evidence")))
            if s is None or o is None:
                self.link_status.append((link, "fp"))
                self.counts["rfp"] += 1
                bad = [self.by_id.get(x, {}).get("label", x) for x, k in ((src, s), (dst, o))
                       if k is None]
                sl = label(s) if s is not None else self.by_id.get(src, {}).get("label", src)
                ol = label(o) if o is not None else self.by_id.get(dst, {}).get("label", dst)
                self.items.append(("spurious relation",
                                   f"{q(sl)} -{rel}-> {q(ol)}{rules}  (not in gold: "
                                   + ", ".join(q(b) for b in bad) + ")"))
                continue
            t = triple(s, rel, o)
            if t in required:
                self.link_status.append((link, "tp"))
            elif t in optional:
                self.link_status.append((link, "na"))
            else:
                self.link_status.append((link, "fp"))
            if t in seen:
                continue
            seen.add(t)
            if t in required:
                self.counts["rtp"] += 1
            elif t not in optional:
                self.counts["rfp"] += 1
                self.items.append(("spurious relation", f"{q(label(s))} -{rel}-> {q(label(o))}"
                                                        f"{rules}"))
        found = set(self.node_to_gold.values())
        for t in sorted(required - seen, key=str):
            self.counts["rfn"] += 1
            text = f"{q(label(t[0]))} -{t[1]}-> {q(label(t[2]))}"
            missing = [label(k) for k in (t[0], t[2]) if k not in found]
            if missing:
                self.items.append(("missing relation (endpoint missing)",
                                   text + "  (no node for " + ", ".join(q(m) for m in missing) + ")"))
            else:
                other = sorted(r for r in said.get(frozenset([t[0], t[2]]), ()) if r != t[1])
                note = "  (system has: " + ", ".join(other) + ")" if other else ""
                self.items.append(("missing relation (endpoints found)", text + note))


def analyse(a):
    S = load_scorer(a.score_py)
    docs = []
    for f in sorted(os.listdir(a.gold_dir)):
        if not f.endswith(".gold.json"):
            continue
        base = f[: -len(".gold.json")]
        with open(os.path.join(a.gold_dir, f), encoding="utf-8") as fh:
            gold = json.load(fh)
        try:
            with open(os.path.join(a.system_dir, base + ".json"), encoding="utf-8") as fh:
                system = json.load(fh)
        except (OSError, ValueError):
            system = {"nodes": [], "links": []}
        d = Doc(S, base, gold, system)
        # the mirror must agree with score.py itself
        e, r, _ = S.score_document(gold, system)
        te, tr = S.total(e), S.total(r)
        ref = (te.tp, te.fp, te.fn, tr.tp, tr.fp, tr.fn)
        mine = tuple(d.counts[k] for k in ("etp", "efp", "efn", "rtp", "rfp", "rfn"))
        if ref != mine:
            print(f"warning: {base}: this analysis counts {mine} but score.py {ref} "
                  "(tp/fp/fn entities, relations); score.py has changed, update eval_report.py",
                  file=sys.stderr)
        docs.append(d)

    width = max([len(c) for c in ORDER] + [0])
    print("Misses and false positives by cause (rules in brackets)")
    for d in docs:
        c = d.counts
        print(f"\n== {d.name}   entities F1 {f1(c['etp'], c['efp'], c['efn']):.3f} "
              f"(fp {c['efp']}, fn {c['efn']})   relations F1 "
              f"{f1(c['rtp'], c['rfp'], c['rfn']):.3f} (fp {c['rfp']}, fn {c['rfn']})")
        if not d.items:
            print("  (nothing)")
        groups = collections.defaultdict(list)
        for cause, text in d.items:
            groups[cause].append(text)
        for cause in ORDER:
            for k, text in enumerate(groups.get(cause, [])):
                head = f"{cause} ({len(groups[cause])})" if k == 0 else ""
                print(f"  {head:<{width + 5}} {text}")
    totals = collections.Counter(cause for d in docs for cause, _ in d.items)
    print("\nall documents: " + ", ".join(f"{c} {totals[c]}" for c in ORDER if totals[c]))

    # per-rule hit counts
    for kind in ("mention", "relation"):
        stats = collections.defaultdict(lambda: {"docs": set(), "out": 0, "tp": 0, "fp": 0, "na": 0})
        for d in docs:
            if kind == "mention":
                outputs = [(n.get("mentions"), d.node_status.get(n.get("id"), "na"))
                           for n in d.nodes]
            else:
                outputs = [(l.get("evidence"), st) for l, st in d.link_status]
            for items, status in outputs:
                for rule in rules_of(items):
                    s = stats[rule]
                    s["docs"].add(d.name)
                    s["out"] += 1
                    s[status] += 1
        unit = "nodes" if kind == "mention" else "links"
        print(f"\n{kind} rules across {len(docs)} documents ({unit} each rule contributed to, "
              "judged against gold; n/a: optional, narrator or unscored)")
        rw = max([len(r) for r in stats] + [len(kind) + 5])
        print(f"  {kind + ' rule':<{rw}} {'docs':>4} {unit:>6} {'tp':>5} {'fp':>5} {'n/a':>5} "
              f"{'prec':>5}")
        for rule in sorted(stats):
            s = stats[rule]
            judged = s["tp"] + s["fp"]
            prec = f"{s['tp'] / judged:5.2f}" if judged else "    -"
            flag = "  ONE-DOC " + next(iter(s["docs"])) if len(s["docs"]) == 1 else ""
            print(f"  {rule:<{rw}} {len(s['docs']):4d} {s['out']:6d} {s['tp']:5d} {s['fp']:5d} "
                  f"{s['na']:5d} {prec}{flag}")
    return 0


def wikigold(a):
    with open(a.scores, encoding="utf-8") as f:
        res = json.load(f)
    info, ex, pa = res["info"], res["scores"]["exact"], res["scores"]["partial"]
    print(f"WikiGold: {info['gold_docs']} documents, {info['gold_mentions']} gold mentions "
          f"(+{info['misc_mentions']} MISC, ignored); exact spans, CoNLL style")
    print(f"  {'type':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6} {'tp':>6}")
    for t in res["types"] + ["micro"]:
        r = ex[t]
        print(f"  {t:<8} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
              f"{r['gold']:6d} {r['pred']:6d} {r['tp']:6d}")
    print(f"  micro F1 {ex['micro']['f1']:.3f}  (partial overlap {pa['micro']['f1']:.3f}, "
          f"untyped exact {ex['untyped']['f1']:.3f})")
    bd = res.get("error_breakdown", {})
    if bd:
        fp = ", ".join(f"{k[3:]} {v}" for k, v in bd.items() if k.startswith("fp_"))
        fn = ", ".join(f"{k[3:]} {v}" for k, v in bd.items() if k.startswith("fn_"))
        print(f"  errors: fp [{fp}]; fn [{fn}]")
    for w in res.get("warnings", []):
        if a.combined and w.startswith(tuple("0123456789")) and "have no system output" in w:
            # one combined graph: a document without any mention has no entry, not no output
            print("  note: " + w.split(" have no")[0] + " without any system mention")
        else:
            print("  warning: " + w)
    return 0


def summary(a):
    def totals(path):
        with open(path, encoding="utf-8") as f:
            res = json.load(f)
        return (res["entities"]["TOTAL"]["f"], res["relations"]["TOTAL"]["f"],
                len(res.get("documents", {})))

    ef, rf, n = totals(a.dev)
    print(f"dev ({n} report{'s' * (n != 1)}): entity F1 {ef:.3f}  relation F1 {rf:.3f}")
    if a.subset:
        sef, srf, sn = totals(a.subset)
        print(f"subset {a.subset_label} ({sn} report{'s' * (sn != 1)}): entity F1 {sef:.3f}  relation F1 {srf:.3f}")
    if a.wikigold:
        with open(a.wikigold, encoding="utf-8") as f:
            ex = json.load(f)["scores"]["exact"]
        per = "  ".join(f"{t} {ex[t]['f1']:.3f}" for t in ("PERSON", "ORG", "PLACE") if t in ex)
        print(f"WikiGold: micro F1 {ex['micro']['f1']:.3f}  ({per})")
    ok = True
    for what, got, floor in (("entity", ef, a.min_entity_f1), ("relation", rf, a.min_relation_f1)):
        if floor is None:
            continue
        met = got >= floor
        ok = ok and met
        print(f"{'ok' if met else 'FAIL'}: dev {what} F1 {got:.3f} "
              f"{'>=' if met else '<'} {floor:.3f}")
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("analyse")
    p.add_argument("--score-py", required=True)
    p.add_argument("--gold-dir", required=True)
    p.add_argument("--system-dir", required=True)
    p = sub.add_parser("wikigold")
    p.add_argument("scores")
    p.add_argument("--combined", action="store_true",
                   help="the system output was one graph of every document")
    p = sub.add_parser("summary")
    p.add_argument("--dev", required=True)
    p.add_argument("--subset")
    p.add_argument("--subset-label", default="")
    p.add_argument("--wikigold")
    p.add_argument("--min-entity-f1", type=float)
    p.add_argument("--min-relation-f1", type=float)
    a = ap.parse_args()
    return {"analyse": analyse, "wikigold": wikigold, "summary": summary}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes a synthetic corpus of event reports, the same posts in every input format kgextract
reads, for the tests and for benchmarks. Seeded: equal arguments give equal bytes.

  make_corpus.py --out DIR [--seed 1] [--docs 20] [--data REPO/data]

Writes DIR/txt/post-NNN.txt, DIR/md/post-NNN.md (YAML front matter, links, emphasis, a list, a
code block, an image), DIR/html/post-NNN.html (an article inside navigation, a header, a
footer, scripts and a form) and DIR/corpus.jsonl (every post, its format alternating txt, md,
html). The sentences are templates written for this script; the given names and cities come
from kgextract's gazetteers (data/gazetteers), the surnames, organisations, events and talk
titles are made up here. Python 3 standard library only.
"""

import argparse
import html
import json
import os
import random

SURNAMES = ["Castell", "Brook", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Varga", "Ekström",
            "Adeyemi", "Halloran", "Petrov", "Quintana", "Saarinen", "Whitcombe", "Zelenko",
            "Abernathy", "Dimitriou", "Fairweather", "Kowalczyk", "Nakamura"]
ORG_WORDS = ["Tessera", "Saltmarsh", "Quillfeather", "Lanternfish", "Driftwood", "Copperleaf",
             "Harbourlight", "Stonebridge", "Windmere", "Bluefin"]
ORG_KINDS = ["Labs", "Systems", "Software", "Foundation", "Analytics"]
EVENT_WORDS = ["KelpConf", "DuneFest", "TideCon", "GraniteConf", "MeadowCon", "FjordFest"]
TITLE_WORDS = [("Scaling", "Queues"), ("Testing", "Compilers"), ("Profiling", "Databases"),
               ("Securing", "Pipelines"), ("Teaching", "Type Systems"),
               ("Debugging", "Networks")]

# Each paragraph a list of sentences; {P0}.. people, {ORG0}.., {EVENT}, {CITY}, {TITLE0}...
PARAGRAPHS = [
    ["I attended {EVENT} in {CITY} last month.",
     "It was my first time at the conference."],
    ["On the first day I met {P0}, the CTO of {ORG0}, at the registration desk.",
     "{P1} works at {ORG1}."],
    ["{P2} gave a talk titled \u201c{TITLE0}\u201d.",
     "The room was full and the questions were sharp."],
    ["Later I met {P3} and {P4} at the evening party.",
     "We talked about open source for hours."],
    ["Thank you {P0} for organizing!"],
]


def load_names(data, path, column=0, keep=lambda row: True, limit=400):
    rows = []
    with open(os.path.join(data, "gazetteers", path), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            row = line.rstrip("\n").split("\t")
            if keep(row):
                rows.append(row[column])
    return rows[:limit] if limit else rows


def make_post(rng, given, cities, n):
    people = []
    while len(people) < 5:
        name = f"{rng.choice(given)} {rng.choice(SURNAMES)}"
        if name not in people:
            people.append(name)
    orgs = [f"{w} {rng.choice(ORG_KINDS)}" for w in rng.sample(ORG_WORDS, 2)]
    event = f"{rng.choice(EVENT_WORDS)} {rng.randint(2025, 2035)}"
    verb, thing = rng.choice(TITLE_WORDS)
    values = {"EVENT": event, "CITY": rng.choice(cities), "TITLE0": f"{verb} {thing}"}
    values.update({f"P{i}": p for i, p in enumerate(people)})
    values.update({f"ORG{i}": o for i, o in enumerate(orgs)})
    return {"id": f"post-{n:03d}", "title": f"Notes from {event}", "author": people[0],
            "date": f"20{rng.randint(25, 35)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "values": values,
            "paragraphs": [[s for s in p] for p in PARAGRAPHS]}


def fill(sentence, values, wrap=lambda key, value: value):
    out = sentence
    for key, value in values.items():
        out = out.replace("{" + key + "}", wrap(key, value))
    return out


def as_txt(post):
    lines = [post["title"], ""]
    for p in post["paragraphs"]:
        lines += [" ".join(fill(s, post["values"]) for s in p), ""]
    return "\n".join(lines)


def as_md(post):
    def wrap(key, value):
        if key.startswith("P"):
            return f"[{value}](https://example.org/people/{value.replace(' ', '_')}?ref=md#!x)"
        if key.startswith("ORG"):
            return f"**{value}**"
        return value
    lines = ["---", f"title: \"{post['title']}\"", f"author: {post['author']}",
             f"date: {post['date']}", "tags:", "- conference", "- travel", "---", "",
             f"![a photo of the venue](https://example.org/img/{post['id']}.jpg)", ""]
    for i, p in enumerate(post["paragraphs"]):
        text = " ".join(fill(s, post["values"], wrap) for s in p)
        lines += [f"- {text}" if i == 3 else text, ""]
        if i == 1:
            lines += ["```", "I met Nobody Here in Nowhere City.", "```", ""]
    return "\n".join(lines)


def as_html(post):
    def wrap(key, value):
        value = html.escape(value)
        if key.startswith("P"):
            return f"<a href=\"https://example.org/people?id={key}&amp;x=1\">{value}</a>"
        if key.startswith("ORG"):
            return f"<em>{value}</em>"
        return value
    body = "".join("<p>" + " ".join(fill(html.escape(s), post["values"], wrap) for s in p) +
                   "</p>\n" for p in post["paragraphs"])
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(post['title'])} &middot; a blog</title>"
        f"<meta name=\"author\" content=\"{html.escape(post['author'])}\">"
        f"<meta name=\"date\" content=\"{post['date']}\">"
        "<script>var visitor = 'Someone Else in Elsewhere';</script>"
        "<style>body { font-family: serif; }</style></head>\n<body>\n"
        "<header><nav><a href=\"/\">Home</a> <a href=\"/about\">About Other Person</a></nav>"
        "</header>\n"
        f"<article><header><h1>{html.escape(post['title'])}</h1></header>\n{body}"
        "<!-- I met Hidden Person in a comment. -->\n"
        "<form><label>Subscribe</label><input name=\"email\"></form>\n"
        "<footer>Posted in travel</footer></article>\n"
        "<footer>&copy; A blog, hosted elsewhere</footer>\n</body></html>\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "data"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    given = load_names(args.data, "given_names.tsv", limit=0,
                       keep=lambda r: r[0].isalpha() and 4 <= len(r[0]) <= 7 and r[0].isascii())
    cities = load_names(args.data, "cities.tsv",
                        keep=lambda r: len(r) > 3 and r[3].isdigit() and int(r[3]) > 1000000
                        and r[0].isalpha() and r[0].isascii(), limit=0)
    for sub in ("txt", "md", "html"):
        os.makedirs(os.path.join(args.out, sub), exist_ok=True)
    records = []
    for n in range(args.docs):
        post = make_post(rng, given, cities, n)
        for sub, text in (("txt", as_txt(post)), ("md", as_md(post)), ("html", as_html(post))):
            with open(os.path.join(args.out, sub, f"{post['id']}.{sub}"), "w",
                      encoding="utf-8", newline="\n") as f:
                f.write(text)
        fmt = ("txt", "md", "html")[n % 3]
        text = {"txt": as_txt, "md": as_md, "html": as_html}[fmt](post)
        records.append(json.dumps({"id": post["id"], "text": text, "format": fmt,
                                   "author": post["author"], "date": post["date"],
                                   "url": f"https://example.org/{post['id']}"},
                                  ensure_ascii=False))
    with open(os.path.join(args.out, "corpus.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(records) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a synthetic corpus of event reports, the same posts in every input format kgextract
reads, for the tests and for benchmarks. Seeded: equal arguments give equal bytes.

  make_corpus.py --out DIR [--seed 1] [--docs 20] [--data REPO/data]
  make_corpus.py --out DIR --size 100M --paragraphs 40 --formats txt   # the benchmark corpus

--paragraphs N (more than the 5 of the default) makes longer reports, closer to real ones: the
five opening paragraphs, then N-5 drawn from further templates (talks, hallway track, travel).
--size stops once the posts of the first format reach that many bytes (instead of --docs);
--one-document FILE also writes every text post, blank-line separated, as one large document.

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

# Further paragraphs of longer reports (--paragraphs): the middle of a typical trip report.
MORE_PARAGRAPHS = [
    ["The keynote by {P1} was about \u201c{TITLE0}\u201d and why most teams get it wrong.",
     "{P1} showed numbers from {ORG1} that I had not seen before, and the room went quiet."],
    ["After lunch I went to the hallway track instead of the talks.",
     "{P3} from {ORG0} explained how they run their build farm, and {P4} joined us later."],
    ["The venue in {CITY} was easy to reach by train, and the coffee was better than last year.",
     "Registration took ten minutes, which is a record for {EVENT}."],
    ["{P2} and {P0} ran a workshop on testing in the afternoon.",
     "We wrote property-based tests for an old parser, and three of us found real bugs."],
    ["On the second day {P4} gave a lightning talk about mentoring new contributors.",
     "It was short, funny and full of practical advice."],
    ["I had dinner with {P1}, {P3} and a few people from {ORG1} near the old town of {CITY}.",
     "We argued about type systems until the restaurant closed."],
    ["The panel on open source funding, moderated by {P0}, was the best session of the day.",
     "{P2} said that {ORG0} now pays two maintainers full time."],
    ["Next year {EVENT} moves to a bigger venue, and I hope to submit a talk of my own.",
     "If you are thinking about going: do it, and bring a good pair of shoes."],
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


def make_post(rng, given, cities, n, paragraphs=5):
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
            "paragraphs": [[s for s in p] for p in PARAGRAPHS] +
                          [list(rng.choice(MORE_PARAGRAPHS)) for _ in range(paragraphs - 5)]}


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
    parser.add_argument("--paragraphs", type=int, default=5)
    parser.add_argument("--size", help="bytes of the first format's posts, suffix K, M or G")
    parser.add_argument("--formats", default="txt,md,html,jsonl")
    parser.add_argument("--one-document", help="also write the text posts as one file here")
    args = parser.parse_args()
    formats = args.formats.split(",")
    size = None
    if args.size:
        scale = {"K": 10**3, "M": 10**6, "G": 10**9}.get(args.size[-1].upper(), 1)
        size = int(args.size.rstrip("KMGkmg")) * scale
    rng = random.Random(args.seed)
    given = load_names(args.data, "given_names.tsv", limit=0,
                       keep=lambda r: r[0].isalpha() and 4 <= len(r[0]) <= 7 and r[0].isascii())
    cities = load_names(args.data, "cities.tsv",
                        keep=lambda r: len(r) > 3 and r[3].isdigit() and int(r[3]) > 1000000
                        and r[0].isalpha() and r[0].isascii(), limit=0)
    writers = {"txt": as_txt, "md": as_md, "html": as_html}
    for sub in formats:
        if sub in writers:
            os.makedirs(os.path.join(args.out, sub), exist_ok=True)
    one = open(args.one_document, "w", encoding="utf-8", newline="\n") if args.one_document \
        else None
    records = []
    written = 0
    n = 0
    while (n < args.docs) if size is None else (written < size):
        post = make_post(rng, given, cities, n, args.paragraphs)
        for sub in formats:
            if sub not in writers:
                continue
            data = writers[sub](post).encode("utf-8")
            if sub == formats[0]:
                written += len(data)
            with open(os.path.join(args.out, sub, f"{post['id']}.{sub}"), "wb") as f:
                f.write(data)
        if one:
            one.write(as_txt(post) + "\n")
        if "jsonl" in formats:
            fmt = ("txt", "md", "html")[n % 3]
            text = writers[fmt](post)
            records.append(json.dumps({"id": post["id"], "text": text, "format": fmt,
                                       "author": post["author"], "date": post["date"],
                                       "url": f"https://example.org/{post['id']}"},
                                      ensure_ascii=False))
        n += 1
    if one:
        one.close()
    if "jsonl" in formats:
        with open(os.path.join(args.out, "corpus.jsonl"), "w", encoding="utf-8",
                  newline="\n") as f:
            f.write("\n".join(records) + "\n")


if __name__ == "__main__":
    main()

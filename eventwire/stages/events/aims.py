"""What an act is aimed at that no pattern slot holds, read from its clause: the target CAMEO
implies when none is named, where those sent went, those a passive names as acted on, whom a
demand addresses, what a protest defies, a purpose's aim, and whom an appeal rallies against."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Token

from ...knowledge import Cues, Knowledge
from ...records import Actor
from ..actors import ArticleActors, can_act, resolve_all
from ..roles import role_in_state
from .draft import TargetFinding, TargetHow
from .implied_doers import unspanned
from .slots import target_actors
from .syntax import particle_objects, past_partitive, preposition_objects, purpose_clauses
from .triggers import find_pattern


def implied_target(
    trigger: Token,
    sources: list[Actor],
    placed: list[Actor],
    found: TargetFinding,
    sector: str,
    party: TargetHow,
    source_fits: Callable[[Actor], bool],
) -> tuple[list[Actor], TargetFinding]:
    """CAMEO's target for an act that names none: the `party` (government, population) of the state
    where it happened, else of the source's own state ("Chilean students demonstrated" -> CHL GOV)."""
    name = PARTIES[party]
    if placed:
        return [replace(t, sector=sector, rule=f"{t.rule}; {name} of the place") for t in placed], found
    return (
        [
            unspanned(trigger, s.country, sector, f"'{s.text}' named no target: its state's {name} (CAMEO convention)")
            for s in sources
            if s.country and s.country != "IGO" and source_fits(s)
        ][:1],
        TargetFinding(party),
    )


PARTIES = {TargetHow.SOURCE_STATE_GOVERNMENT: "government", TargetHow.SOURCE_STATE_POPULATION: "population"}


def destination_of_purpose(trigger: Token, context: ArticleActors, cues: Cues, avoid: frozenset[str]) -> list[Actor]:
    """The state someone was sent to, for the act they were sent to do: "has sent personnel to
    Bosnia to investigate the feasibility …", "dispatched monitors to Georgia to observe …"."""
    if (
        trigger.i not in {c.i for c in purpose_clauses(trigger.head)}
        or trigger.head.lemma_.lower() not in cues.sending_verbs
    ):
        return []
    return [
        a
        for g in preposition_objects(trigger.head, "to", cues)
        for a in resolve_all(g, context)
        if a.country not in avoid
    ]


def passive_victims(trigger: Token, context: ArticleActors, cues: Cues, country: str | None) -> list[Actor]:
    """Whom an agentless passive act befell, a role without a state taken as one of `country`
    ("dozens of activists were detained": the activists)."""
    return [
        a
        for s in trigger.children
        if s.dep_ == "nsubjpass"
        for who in (past_partitive(s, cues),)
        for a in (resolve_all(who, context) or (role_in_state(who, country, context, "at the place of the act"),))
        if a
    ]


def demand_addressees(trigger: Token, context: ArticleActors, cues: Cues, sources: list[Actor]) -> list[Actor]:
    """ "reiterated its demand that Israel ease restrictions", "insisted on its demands that the
    government grant …": whoever the demanded clause says must act."""
    nouns = [c for c in trigger.children if c.dep_ == "dobj"] + [
        g for p in trigger.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"
    ]
    demanded = [n for n in nouns if n.lemma_.lower() in cues.content_nouns]
    # the parser often hangs the demand's clause on the verb ("reiterated its demand today that …")
    clauses = [c for n in nouns for c in n.children if c.dep_ in ("acl", "ccomp")]
    clauses += [c for c in trigger.children if c.dep_ == "ccomp"] if demanded else []
    for clause in clauses:
        subject = next((s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        # the rebels' demand on their own government is aimed at it; a state's demand on itself is none
        actors = (
            [
                a
                for a in resolve_all(subject, context)
                if not any(
                    a.country == s.country and (a.sector == s.sector or None in (a.sector, s.sector)) for s in sources
                )
            ]
            if subject is not None
            else []
        )
        if actors:
            return actors
    return []


PURPOSE_STEPS = {"dobj", "pobj", "prep", "poss", "compound", "conj", "xcomp", "ccomp"}


def defied_actors(trigger: Token, context: ArticleActors, cues: Cues) -> list[Actor]:
    """Whom dissent "in defiance of" or "in protest against" names."""
    stances = [
        g
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for g in p.children
        if g.dep_ == "pobj" and g.lemma_.lower() in cues.defiance_nouns
    ]
    defied = [
        g
        for stance in stances
        for p in stance.children
        if p.dep_ == "prep" and p.lower_ in cues.defied_prepositions
        for g in p.children
        if g.dep_ == "pobj"
    ]
    # an actor defied, or the owner of a thing defied ("in protest at Sweden's decision"); not
    # a manner ("against a Russian-style law" is Georgia's law)
    return [
        a
        for g in defied
        for a in (
            resolve_all(g, context)
            if can_act(g, context, cues.agentive_nouns)
            else [a for o in g.children if o.dep_ == "poss" for a in resolve_all(o, context)]
        )
    ]


def purpose_targets(trigger: Token, context: ArticleActors, knowledge: Knowledge, avoid: frozenset[str]) -> list[Actor]:
    """Whom an act's purpose clause is aimed at, nearest first ("to demand reforms by Suharto's
    government", "to show disapproval of the United States' policies"); not the actors' own state."""
    for clause in purpose_clauses(trigger):
        pattern = find_pattern(clause, knowledge)
        if pattern is not None:
            found, where = target_actors(clause, pattern, context, knowledge.cues, knowledge.conventions, avoid)
            if found and not where.indirect and where.how is not TargetHow.PLACE_OF_ACT:
                return found
        frontier = [c for c in clause.children if c.dep_ in PURPOSE_STEPS]
        for _ in range(4):
            for word in frontier:
                actors = [a for a in resolve_all(word, context) if a.country not in avoid]
                if actors:
                    return actors
            frontier = [c for w in frontier for c in w.children if c.dep_ in PURPOSE_STEPS]
    return []


def rallied_against(appeal: Token, context: ArticleActors) -> list[Actor]:
    """Whom the act an appeal asks for is "against" ("urged Muslims to rise up against the US")."""
    asked = [c for c in appeal.children if c.dep_ in ("xcomp", "advcl", "ccomp")]
    asked += [c for a in asked for c in a.conjuncts if c.i > a.i]
    return [a for act in asked for g in particle_objects(act, "against") for a in resolve_all(g, context)]

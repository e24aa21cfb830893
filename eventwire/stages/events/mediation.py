"""Whom mediation (CAMEO 045) is between when its own words do not say: the parties of the act it
mediates ("brokered talks between Sudan and Chad", "talks mediated by Norway between …"), else
those doing the act it helped ("through the mediation of Algeria, Mali and the rebels signed a
deal", "the two sides held talks brokered by Qatar"), else, in a story about two states, those two."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from ...knowledge import Cues
from ...records import Actor
from ..actors import ArticleActors, resolve_all
from .draft import Draft, TargetFinding, TargetHow
from .implied_doers import unspanned
from .referred import act_referred_to
from .sources import source_heads
from .syntax import objects_of, preposition_objects

# a mediated act names its parties after these ("talks between", "a deal with the rebels")
PARTY_PREPOSITIONS = ("between", "with")


def mediated_parties(
    trigger: Token, context: ArticleActors, cues: Cues, mediators: list[Actor], recent_acts: Mapping[str, Draft]
) -> list[Actor]:
    """The doers of the mediated act and the partners it names ("Somalia restored ties with Kenya
    after mediation by Qatar"), or the parties of the earlier act it names again ("Those talks,
    mediated by Norway, collapsed"); never the mediator itself."""
    own = {m.country for m in mediators}
    for act in _mediated_acts(trigger, cues):
        verb = _doing_verb(act, cues)
        parties = [*_named_parties(act, context, cues)]
        if verb is not None:
            doers, _ = source_heads(verb, context, cues)  # "it was restoring ties": whom the pronoun stands for
            parties += [*doers, *(_named_parties(verb, context, cues) if verb.i != act.i else [])]
        if not parties and (again := act_referred_to(act, recent_acts, cues)) is not None:
            parties = [again.source] + ([again.target] if again.target is not None else [])
        others = list({(p.country, p.start): p for p in parties if p.country not in own}.values())
        if others:
            return others
    return []


def _mediated_acts(trigger: Token, cues: Cues) -> list[Token]:
    """ "brokered talks", "the talks, brokered by Qatar": the verb's object (a participle's is the
    noun it describes); "talks under the mediation of", "through the mediation of X, A and B
    signed": the word a mediation noun is an adjunct of."""
    if trigger.pos_ == "VERB":
        return objects_of(trigger, cues)
    if trigger.dep_ == "pobj" and trigger.head.lower_ != "of":
        return [trigger.head.head]
    return []


def _named_parties(act: Token, context: ArticleActors, cues: Cues) -> list[Actor]:
    return [
        actor
        for word in PARTY_PREPOSITIONS
        for g in preposition_objects(act, word, cues)
        if g.head.head.i == act.i or g.head.head.head.i == act.i
        for actor in resolve_all(g, context)
    ]


def _doing_verb(act: Token, cues: Cues) -> Token | None:
    """The verb whose doers do the mediated act: its own, a light verb's for its event noun ("held
    talks brokered by Qatar"), the clause's for an adjunct ("restored ties with Peru after talks
    brokered by Chile")."""
    verb = act
    if act.pos_ == "NOUN" and act.dep_ == "dobj" and act.head.lemma_.lower() in cues.light_verbs:
        verb = act.head
    elif act.pos_ == "NOUN" and act.dep_ == "pobj":
        verb = act.head.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def parties_of_the_story(trigger: Token, context: ArticleActors, mediators: list[Actor], sector: str) -> list[Actor]:
    """ "ties were restored after mediation by Qatar": in a story about two states, mediation
    naming no one it is between is between them, when the mediator is neither."""
    parties = context.parties
    if len(parties) != 2 or not mediators or any(m.country in parties for m in mediators):
        return []
    return [
        unspanned(trigger, party, sector, f"one of the two states the article is about ({party}), mediated between")
        for party in sorted(parties)
    ]


def mediation_targets(
    trigger: Token,
    context: ArticleActors,
    cues: Cues,
    mediators: list[Actor],
    sector: str,
    recent_acts: Mapping[str, Draft],
) -> tuple[list[Actor], TargetFinding] | None:
    """The parties of the mediated act, else of the story; None when neither is known."""
    if parties := mediated_parties(trigger, context, cues, mediators, recent_acts):
        return parties, TargetFinding(TargetHow.MEDIATED_ACT)
    if parties := parties_of_the_story(trigger, context, mediators, sector):
        return parties, TargetFinding(TargetHow.MEDIATED_PARTIES)
    return None

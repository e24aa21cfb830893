"""Where an act happened: the place phrases of the verb, its objects and its same-act clauses."""

from __future__ import annotations

from spacy.tokens import Token

from ...knowledge import Cues
from ...records import Actor
from ..actors import ArticleActors
from ..phrases import coordinated_heads
from ..place_actors import resolve_place
from ..places import prep_objects
from .syntax import past_partitive


def place_of_act(trigger: Token, context: ArticleActors, cues: Cues, aimed_at: tuple[Token, ...] = ()) -> list[Actor]:
    """A state named where the act happened or was directed ("lifted a curfew in Montenegro",
    "evacuated the wounded from a Bosnian town", "fired at targets in Jericho"): the verb's,
    its object's or the phrase it was aimed at's place phrase."""
    # "killed 23 people when they blew themselves up in Tel Aviv": a when-clause is the same act
    same_act = [
        c
        for c in trigger.children
        if c.dep_ == "advcl"
        and any(m.dep_ in ("advmod", "mark") and m.lower_ in cues.same_act_markers for m in c.children)
    ]
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    # "exploded a series of bombs in Kabul": the counted thing holds the place
    inner = [i for o in objects for i in [past_partitive(o, cues)] if i.i != o.i]
    # "blew up power lines leading into Kabul": where the object runs
    leading = [c for o in objects + inner for c in o.children if c.dep_ == "acl" and c.tag_ == "VBG"]
    holders = [trigger] + objects + inner + list(aimed_at) + same_act + leading
    for holder in holders:
        if holder in leading and len({a.country for a in _places_named_by(holder, context, cues)}) > 1:
            continue  # "a bridge spanning the Rhine from France to Germany" runs between states, not in one
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in cues.locative_prepositions:
                continue
            for place in prep_objects(prep):  # "outside of Basra"
                if place.lemma_.lower() in cues.non_place_nouns:
                    continue  # "in defiance of Chinese authorities" is no place
                # "at a jail in northern Israel": the named place may sit one phrase further in
                within = [
                    g
                    for p in place.children
                    if p.dep_ == "prep" and p.lower_ in cues.locative_prepositions
                    for g in p.children
                    if g.dep_ == "pobj"
                ]
                for spot in (*within, place):  # the innermost named place: "the US embassy in Manila"
                    if spot.lemma_.lower() in cues.border_words:
                        continue  # "near the Thai border" may be either side of it
                    # "in Iran, Libya and Sudan": every coordinated place
                    places = [
                        a for one in coordinated_heads(spot) for a in [resolve_place(one, context)] if a is not None
                    ]
                    if places:
                        return places
    return []


def _places_named_by(clause: Token, context: ArticleActors, cues: Cues) -> list[Actor]:
    """Every state a clause's place phrases name, its objects' included."""
    return [
        a
        for prep in clause.subtree
        if prep.dep_ == "prep" and prep.lower_ in cues.locative_prepositions
        for place in prep_objects(prep)
        for a in [resolve_place(place, context)]
        if a is not None
    ]


def common_place(head: Token, context: ArticleActors) -> bool:
    """ "the besieged Bosnian town", "the capital Kabul": a place named by a common noun is where
    something happens ("withdrawal from the Bosnian town"), not whose it is."""
    if head.pos_ != "NOUN":
        return False
    role = context.by_token.get(head.i)
    return (role is None or role.kind != "agent") and resolve_place(head, context) is not None

"""The state a place phrase names ("Montenegro", "the Bosnian town of Gorazde", "in Idlib
province"): from the actor dictionaries' country names, else the gazetteer."""

from __future__ import annotations

from spacy.tokens import Token

from ..knowledge import ActorEntry
from ..records import Actor
from .names import ArticleActors
from .phrases import PHRASE_PREPOSITIONS, actor_of, phrase_tokens
from .places import WATER_WORDS, proper_name


def resolve_place(head: Token, context: ArticleActors) -> Actor | None:
    """The state of a place phrase ("Montenegro", "the Bosnian town of Gorazde", "Maiduguri"),
    sector unknown."""
    if head.lower_ in WATER_WORDS:
        return None  # "the Gulf of Oman" is not Oman
    for token in phrase_tokens(head, PHRASE_PREPOSITIONS):
        match = context.by_token.get(token.i)
        if (
            match is not None
            and match.kind == "name"
            and isinstance(match.entry, ActorEntry)
            and match.entry.kind == "country"
        ):
            return actor_of(
                phrase_tokens(head), match.entry.country, None, f"place '{match.span.text}' ({match.entry.origin})"
            )
    # the small model tags some cities as organisations or people ("rallied in Lyon", "shelled
    # Kherson"); a known actor's name is not a place, and a name tagged a person is one only in a
    # state the article names
    mistagged = head.ent_type_ in ("ORG", "PERSON") and head.i not in context.by_token
    if context.gazetteer is not None and (head.ent_type_ in ("GPE", "LOC", "FAC", "") or mistagged):
        words = [t for t in phrase_tokens(head) if t.i == head.i or t.ent_type_ != "PERSON"]  # not "Khan supporters"
        place = context.gazetteer.resolve(proper_name(words), context.named_states)
        if place is not None and (head.ent_type_ != "PERSON" or place.country in context.named_states):
            return actor_of(phrase_tokens(head), place.country, None, f"place '{place.name}' (gazetteer)")
    # "in the capital Kabul", "near the town of Samarra", "in Idlib province": a common noun named
    # by its apposition, or a place noun by the name before it
    if head.pos_ != "NOUN":
        return None
    names = [
        a
        for a in head.children
        if a.pos_ == "PROPN"
        and (a.dep_ == "appos" or (a.dep_ == "compound" and head.lemma_.lower() in context.cues.place_nouns))
    ] + [
        g
        for p in head.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj" and g.pos_ == "PROPN"
    ]
    for name in names:
        if (found := resolve_place(name, context)) is not None:
            return found
        # the small model tags some towns as peoples ("the town of Samarra" NORP); the noun says it is a place
        place = context.gazetteer.resolve(name.text, context.named_states) if context.gazetteer is not None else None
        if place is not None:
            return actor_of(phrase_tokens(head), place.country, None, f"place '{place.name}' (gazetteer)")
    return None

"""Sides: whether a political party an actor names governs or opposes.

The dictionaries list parties (Party Facts) and party roles (PETRARCH's "party leader") without
a side, as a party's place changes with each election; the text gives it one. Wire copy writes a
governing party as the government, says it rules ("the ruling party", "the BJP government") or
names its leader in office ("the party's leader, President …"); a party it names with none of
these is the opposition (conventions.yaml party_sector).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..records import Actor
from .names import ArticleActors, NameMatch, office_holder
from .phrases import phrase_tokens


def party_side(actor: Actor | None, head: Token, context: ArticleActors) -> Actor | None:
    """The actor with a party's side for its sector, when the dictionaries gave it a party's."""
    if actor is None or actor.sector not in context.party_sectors:
        return actor
    cues, phrase = context.cues, phrase_tokens(head)
    ruling = (
        head.lemma_.lower() in cues.ruling_institutions
        or any(t.lower_ in cues.ruling_words for t in phrase)
        or any(_in_office(context.by_token.get(t.i), context) for t in phrase)
    )
    sector, side = (context.state_sector, "said to rule") if ruling else (context.party_sector, "not said to rule")
    return replace(actor, sector=sector, rule=f"{actor.rule}; a party {side} -> {sector}")


def _in_office(match: NameMatch | None, context: ArticleActors) -> bool:
    """Whether the match is a person holding a state's office on the day (an office-holder out of
    office is listed as one of its elite, names._choose_entry)."""
    return match is not None and office_holder(match) and match.entry.sector == context.state_sector

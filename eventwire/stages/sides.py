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

from ..knowledge import ActorEntry, AgentEntry
from ..records import Actor
from .names import ArticleActors, NameMatch, office_holder
from .phrases import phrase_tokens


def party_side(actor: Actor | None, head: Token, context: ArticleActors) -> Actor | None:
    """The actor with a party's side for its sector, when the dictionaries gave it a party's: ruling
    if this phrase or any other naming the same party in the article says so ("the ruling ZANU-PF" …
    "ZANU-PF also accused Britain")."""
    if actor is None or actor.sector not in context.party_sectors:
        return actor
    phrase = phrase_tokens(head)
    parties = [m for t in phrase if (m := context.by_token.get(t.i)) is not None and _a_party(m, context)]
    named = {id(m.entry) for m in parties if m.kind == "name"}
    # the phrase's own party words ("party" too), and every mention of a party it names
    words = [m.span.root for m in parties] + [m.span.root for m in context.by_token.values() if id(m.entry) in named]
    ruling = any(_said_to_rule(w, context) for w in words) or any(
        _in_office(context.by_token.get(t.i), context) for t in phrase
    )
    sector, side = (context.state_sector, "said to rule") if ruling else (context.party_sector, "not said to rule")
    return replace(actor, sector=sector, rule=f"{actor.rule}; a party {side} -> {sector}")


def _said_to_rule(word: Token, context: ArticleActors) -> bool:
    """ "the ruling party", "the BJP government": a ruling word on the party's own word (not "the
    party's governing council", nor "the once-ruling KANU"), or the party's word on a government."""
    cues = context.cues
    if word.dep_ == "compound" and word.head.lemma_.lower() in cues.ruling_institutions:
        return True
    return any(
        c.dep_ in ("amod", "compound")
        and c.lower_ in cues.ruling_words
        and not any(w.lower_ in cues.former_words for w in word.doc[max(c.i - 2, 0) : c.i])
        for c in word.children
    )


def _a_party(match: NameMatch, context: ArticleActors) -> bool:
    entry = match.entry
    return isinstance(entry, (ActorEntry, AgentEntry)) and entry.sector in context.party_sectors


def _in_office(match: NameMatch | None, context: ArticleActors) -> bool:
    """Whether the match is a person holding a state's office on the day (an office-holder out of
    office is listed as one of its elite, names._choose_entry)."""
    return match is not None and office_holder(match) and match.entry.sector == context.state_sector

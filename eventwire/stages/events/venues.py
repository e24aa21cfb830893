"""Trips made to meet someone elsewhere: "flew to Singapore for his summit with Kim", "travels to
Geneva for talks with Putin" are visits to the place's state and meetings with that party at a third
place (CAMEO 044)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ...knowledge import Knowledge
from ..actors import ArticleActors, resolve_all
from .draft import Draft, TargetFinding, TargetHow
from .syntax import particle_objects


def met_at_a_venue(drafts: list[Draft], context: ArticleActors, knowledge: Knowledge) -> list[Draft]:
    """The drafts, with a meeting for each visit made to meet a party of a third state there, unless
    the sentence already codes a meeting with that party ("for talks with": the noun's own)."""
    conventions = knowledge.conventions
    code = conventions.venue_meeting_code
    coded: list[Draft] = []
    seen: set[tuple[int, str | None, str | None]] = set()
    for draft in drafts:
        parties = _met_there(draft.trigger, knowledge) if draft.code == conventions.visit_code else []
        venue = draft.target.country if draft.target else None
        met = [
            p
            for head in parties
            for p in resolve_all(head, context)
            if p.country not in (None, "IGO", draft.source.country, venue)
        ]
        coded.append(draft)
        for party in met:
            key = (draft.trigger.i, draft.source.country, party.country)
            if key in seen or _meeting_coded(drafts, draft, party.country, code[:2]):
                continue  # one meeting per party, whatever the trip's other targets
            seen.add(key)
            coded.append(
                replace(
                    draft,
                    code=code,
                    target=party,
                    target_found=TargetFinding(TargetHow.SLOT, "prep:for … with"),
                    rule=f"{draft.rule}; a trip to meet '{party.text}' there -> {code}",
                )
            )
    return coded


def _meeting_coded(drafts: list[Draft], trip: Draft, party: str | None, root: str) -> bool:
    return any(
        d.code[:2] == root and d.source.country == trip.source.country and d.target and d.target.country == party
        for d in drafts
    )


def _met_there(trigger: Token, knowledge: Knowledge) -> list[Token]:
    """Whom a trip's purpose names it is made to meet: "for (his summit|talks) with X"."""
    meetings = [g for g in particle_objects(trigger, "for") if g.lemma_.lower() in knowledge.cues.meeting_nouns]
    return [party for meeting in meetings for party in particle_objects(meeting, "with")]

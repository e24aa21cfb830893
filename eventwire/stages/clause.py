"""The clause of a coded act: the words that tell when and where it happened.

Found once per act and read by both stages/dates.py and stages/places.py. It is built here,
not in places.py, because events.py imports places.py: places.py can only take these words.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..knowledge import Knowledge
from .events import Draft, clause_chain, reporting_verb


@dataclass(frozen=True, slots=True)
class ActClause:
    draft: Draft
    sent: Span
    governors: tuple[Token, ...]  # the act's anchor and the words governing it, up to the verb of speech
    reporter: Token | None  # the verb of speech whose clause holds the trigger
    verbal: bool  # a statement (QuadClass 1 or 3, not a meeting): made where and when it was said
    visit: bool  # travel to a place (CAMEO's visit code): the place visited is where it happened
    at_home: bool  # a statement, meeting, protest, cut in relations or coercion: with no place, the doer's state
    forceful: bool  # a use of force: with no place named, done where its target is

    @classmethod
    def of(cls, draft: Draft, sent: Span, knowledge: Knowledge) -> ActClause:
        cues = knowledge.cues
        governors = tuple(node for node, _ in clause_chain(draft.governor or draft.trigger, cues))
        conventions = knowledge.conventions
        meeting = draft.code.startswith(tuple(conventions.meeting_codes))
        verbal = knowledge.cameo(draft.code).quad_class in (1, 3) and not meeting
        return cls(
            draft,
            sent,
            governors,
            reporting_verb(draft.trigger, cues),
            verbal,
            draft.pattern.code.startswith(conventions.visit_code),
            verbal or meeting or draft.code[:2] in conventions.home_roots,
            draft.code[:2] in conventions.force_roots,
        )

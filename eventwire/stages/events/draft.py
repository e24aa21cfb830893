"""The record an event is while a sentence is coded, and the names of how its actors were found."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...knowledge import VerbPattern
from ...records import Actor


@dataclass(frozen=True, slots=True)
class Draft:
    """An event found in a sentence, before ids, codes tables and dates are attached."""

    trigger: Token
    pattern: VerbPattern
    code: str
    source: Actor
    target: Actor | None
    mode: str
    rule: str
    source_how: str  # subject, possessor, speaker of reported clause, …
    governor: Token | None = None  # set when the act is coded through a governing word
    target_slot: str | None = None  # where the target was found: a pattern slot, "place of the act", …


INDIRECT_SLOTS = {"complement", "told", "ccomp_subject", "xcomp_object", "condition_subject"}


SOLE_STATE_ROLE = "role in the sentence's only state"


OWN_DOER = ("possessor", "modifier of the noun", "by-agent of the noun")


UNIDENTIFIED_ATTACKERS = "an attack with no named doer: unidentified attackers at the place"


PLACE_AUTHORITIES = "a state's act with no one named doing it: the authorities of the place"


# targets that only stand in for a missing participant
WEAK_TARGET_SLOTS = {"place of the act", "government of the source's state", "population of the source's state"}

"""The record an event is while a sentence is coded, and how its source and target were found.

How an actor was found is typed (`SourceHow`, `TargetHow`): the coder decides on these values,
and the prose that `explain` and the `rule` column print is rendered from them here, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Token

from ...knowledge import VerbPattern
from ...records import Actor

SOLE_STATE_ROLE = "role in the sentence's only state"
HOME_STATE_ROLE = "role in the article's home state"


class SourceHow(Enum):
    """How the source was found; the value is the text the rule prints."""

    SUBJECT = "subject"
    GOVERNING_SUBJECT = "subject of governing verb"
    REJECTER = "subject of the rejecting verb"
    POSSESSOR = "possessor"
    BY_AGENT = "by-agent of the noun"
    MODIFIER = "modifier of the noun"
    SHARED_OWNERS = "the subject and object of the clause 'their' owns the noun in"
    COORDINATED_PASSIVE = "subject of the passive the act goes on from"
    RELATIVE_ANTECEDENT = "relative clause antecedent"
    SUBJECT_NOT_ACTOR = "subject is not an actor"
    ROLE_OWNER_ABOVE = "owner of the role in the clause above"
    PRONOUN_CLAUSE_ABOVE = "subject of the clause above the pronoun"
    UNKNOWN_SUBJECT = "subject is an unknown actor"
    STANCE_SUBJECT = "subject of the stance"
    PARTICIPANT = "subject of the verb of taking part"
    RAISING_SUBJECT = "subject of raising verb"
    PASSIVE_WITHOUT_AGENT = "passive without agent"
    MODIFIED_NOUN = "noun modified by the clause"
    MODIFIED_NOUN_VERB = "subject of the verb of the modified noun"
    CONTROLLING_OBJECT = "object of the controlling verb"
    SPEAKER = "speaker of reported clause"
    NONE = "none"
    # doers CAMEO implies when the clause names none (implied_doers.SOURCE_STRATEGIES)
    PLACED_ROLE = "role placed by the place of the act"
    UNNAMED_PROTESTERS = "protest with no named doer: people of the place"
    SUBJECT_EVENT_DOER = "doer of the attack named as subject"
    UNIDENTIFIED_ATTACKERS = "an attack with no named doer: unidentified attackers at the place"
    PLACE_AUTHORITIES = "a state's act with no one named doing it: the authorities of the place"
    PASSIVE_DOER = "the doer an agentless passive names by its preposition"
    ATTACKER_NAMED = "the one whose attack the passive act happened in"
    THOSE_WITHDRAWN = "those withdrawn"
    BETWEEN_PARTIES = "the parties the mutual act names after 'between'"
    NAMED_DOER = "the doer the noun names in its own words"


# a noun event's own doer: the act is theirs, not the clause subject's
OWN_DOER = frozenset(
    {SourceHow.POSSESSOR, SourceHow.MODIFIER, SourceHow.BY_AGENT, SourceHow.NAMED_DOER, SourceHow.SHARED_OWNERS}
)
# doers the sentence does not name at all, which CAMEO implies from the act and its place
UNNAMED_DOERS = frozenset(
    {
        SourceHow.PLACED_ROLE,
        SourceHow.UNNAMED_PROTESTERS,
        SourceHow.UNIDENTIFIED_ATTACKERS,
        SourceHow.PLACE_AUTHORITIES,
        SourceHow.THOSE_WITHDRAWN,
    }
)


@dataclass(frozen=True, slots=True)
class SourceFinding:
    """How the source was found; `sole_state_role` when the phrase named no state and was taken
    as a role in the sentence's only one, `home_state_role` when the sentence names none and the
    state is the article's."""

    how: SourceHow
    sole_state_role: bool = False
    home_state_role: bool = False

    @property
    def text(self) -> str:
        if self.home_state_role:
            return f"{self.how.value}, {HOME_STATE_ROLE}"
        return f"{self.how.value}, {SOLE_STATE_ROLE}" if self.sole_state_role else self.how.value

    @property
    def named(self) -> bool:
        """Whether the sentence itself names the source's state or doer (not only the article)."""
        return self.how not in UNNAMED_DOERS and not self.home_state_role


class TargetHow(Enum):
    """How the target was found. Slot-based ways print the slot with a suffix; the others print
    their value."""

    SLOT = "{slot}"
    HOME_ROLE = "{slot} (" + SOLE_STATE_ROLE + ")"
    OWNER = "{slot} (owner)"
    AIMED_AT = "{slot} (aimed at)"
    PLACE = "{slot} (place)"
    PLACED = "{slot} (placed)"
    HOME_ACT = "{slot} (a state's act named with no doer)"
    OTHER_PARTY = "the other of the two states the article is about"
    STORY_STATE = "the state the article is about"
    OWN_STATE = "the state the article is about, acted on by a group of its own"
    MEDIATED_PARTIES = "the two states the article is about, between whom it mediates"
    MEDIATED_ACT = "the parties of the act it mediates"
    PROTESTERS = "{slot}: the protesters of the protest acted on"
    HOME_RECIPIENT = "the state the article is about, given aid"
    PLACE_OF_ACT = "place of the act"
    PASSIVE_SUBJECT = "subject of the passive"
    HARMED_MEANWHILE = "subject of the passive harm the act explains"
    PURPOSE = "purpose clause"
    DEFIED = "what the protest defies"
    DESTINATION = "where those sent to do it went"
    DATELINE = "where the story is filed, an arrival naming no destination"
    DEMAND_CLAUSE = "subject of the demand's clause"
    SOURCE_STATE_POPULATION = "population of the source's state"
    SOURCE_STATE_GOVERNMENT = "government of the source's state"
    HELD_PEOPLE = "{slot} (people the source's state holds or frees)"
    RALLIED_AGAINST = "whom the appeal rallies against"
    GOVERNOR_OBJECT = "object of the governing verb"
    ADDRESSED_ALONGSIDE = "whom the appeal or demand said alongside addresses"
    ALLEGED_DOER = "the state the speaker says backs its opponents"
    NAMED_ACT = "{slot} (target of the act it names)"
    REFERRED_ACT = "{slot} (an earlier act named again)"
    NONE = "none"


# slots of a clause the act is reported or embedded in: consulted, never binding
INDIRECT_SLOTS = frozenset(
    {"complement", "told", "ccomp_subject", "ccomp_passive_subject", "xcomp_object", "condition_subject"}
)
# targets that only stand in for a missing participant
WEAK_TARGETS = frozenset({TargetHow.PLACE_OF_ACT, TargetHow.SOURCE_STATE_GOVERNMENT, TargetHow.SOURCE_STATE_POPULATION})


@dataclass(frozen=True, slots=True)
class TargetFinding:
    """Where the target was found: the pattern slot (a name from verbs.yaml) and how. A finding
    with a slot and no target means a phrase that names no actor filled the slot."""

    how: TargetHow = TargetHow.NONE
    slot: str | None = None

    @property
    def text(self) -> str:
        return self.how.value.format(slot=self.slot)

    @property
    def indirect(self) -> bool:
        return self.how is TargetHow.SLOT and self.slot in INDIRECT_SLOTS

    @property
    def of_place(self) -> bool:
        """Whether the target stands for a place acted in or on ("blocked roads into Brussels")."""
        return self.how in (TargetHow.PLACE_OF_ACT, TargetHow.PLACE)

    @property
    def filled(self) -> bool:
        """Whether anything filled a slot (an actor or a phrase naming none)."""
        return self.how is not TargetHow.NONE


NO_TARGET = TargetFinding()


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
    source_found: SourceFinding
    governor: Token | None = None  # set when the act is coded through a governing word
    target_found: TargetFinding = NO_TARGET
    # the others who did the act with its source ("Spain, Ireland and Norway recognised …")
    fellow_doers: tuple[Actor, ...] = ()

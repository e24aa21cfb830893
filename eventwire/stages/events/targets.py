"""Targets no pattern slot holds, found by an ordered table of strategies (AIM_STRATEGIES): the
clause's aims (aims.py), the parties of an act named again or mediated, the other state of a
bilateral story, the recipient of aid."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from spacy.tokens import Token

from ...conventions import Conventions
from ...knowledge import Knowledge, VerbPattern
from ...records import Actor
from ..actors import ArticleActors, resolve_all
from ..phrases import actor_of, phrase_tokens
from ..roles import article_state, role_in_state
from .act_places import place_of_act
from .aims import (
    defied_actors,
    demand_addressees,
    destination_of_purpose,
    implied_target,
    passive_victims,
    purpose_targets,
)
from .draft import INDIRECT_SLOTS, Draft, SourceFinding, SourceHow, TargetFinding, TargetHow
from .implied_doers import protesters_acted_on, unspanned
from .mediation import mediation_targets
from .referred import acts_referred_to, another_party, doer_named
from .slot_words import slot_heads
from .slots import target_actors
from .story_targets import the_groups_own_state, the_other_party, the_state_of_the_story
from .syntax import be_passive, infinitives_of, subject_of
from .triggers import find_pattern

EMPTY_ACTS: Mapping[str, Draft] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class TargetSearch:
    """What the target strategies look at: the trigger and its pattern, the sources found and how,
    and whether the slot found first was a place preposition of a protest ("blocked roads into
    Brussels to protest EU policies" is aimed where its purpose says, not at the place)."""

    trigger: Token
    pattern: VerbPattern
    context: ArticleActors
    knowledge: Knowledge
    sources: list[Actor]
    source_found: SourceFinding
    protest_place: bool = False
    recent_acts: Mapping[str, Draft] = field(default_factory=lambda: EMPTY_ACTS)  # latest act of each word so far
    stated_root: str | None = None  # the root the act is stated as through its governor ("vowed to hit back": 13)

    @property
    def root(self) -> str:
        return self.pattern.code[:2]

    def of_roots(self, roots: frozenset[str]) -> bool:
        """Whether the act, or what it is stated as through its governor, is of one of the roots."""
        return self.root in roots or self.stated_root in roots

    @property
    def conventions(self) -> Conventions:
        return self.knowledge.conventions

    @property
    def own_states(self) -> frozenset[str]:
        # a target phrase naming the source's state and another ("US-China co-operation") is the other
        return frozenset(s.country for s in self.sources if s.country)


Targets = tuple[list[Actor], TargetFinding]
# A strategy returns new targets and how they were found, or None to leave them as they are.
TargetStrategy = Callable[[TargetSearch, list[Actor], TargetFinding], "Targets | None"]


def _victims_of_authorities(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "a US national was put under investigation in Italy": the one the state acted on."""
    if search.source_found.how not in (SourceHow.PLACE_AUTHORITIES, SourceHow.PASSIVE_DOER, SourceHow.ATTACKER_NAMED):
        return None
    held = passive_victims(search.trigger, search.context, search.knowledge.cues, search.sources[0].country)
    return (held, TargetFinding(TargetHow.PASSIVE_SUBJECT)) if held else None


def _victims_of_attackers(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "a journalist was killed in a car bomb explosion": the one attacked."""
    if search.source_found.how is not SourceHow.UNIDENTIFIED_ATTACKERS or (
        targets and found.how is not TargetHow.PLACE_OF_ACT
    ):
        return None
    victims = passive_victims(search.trigger, search.context, search.knowledge.cues, search.sources[0].country)
    return (victims, TargetFinding(TargetHow.PASSIVE_SUBJECT)) if victims else None


def _only_a_place(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> bool:
    return not targets or found.of_place or search.protest_place


def _harmed_meanwhile(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "five soldiers were wounded when Pakistani troops opened fire": force in a clause of time
    (`harm_clause_markers`) that explains a harm told in the passive (itself force: not "the envoy was
    summoned after …") is aimed at whom the harm befell, people of no state named being of the place."""
    trigger, cues, context = search.trigger, search.knowledge.cues, search.context
    harmed = trigger.head
    if (
        not search.sources
        or search.root not in search.conventions.force_roots
        or not _only_a_place(search, targets, found)
        or trigger.dep_ != "advcl"
        or not any(c.dep_ in ("mark", "advmod") and c.lower_ in cues.harm_clause_markers for c in trigger.children)
        or not be_passive(harmed)
        or (harm := find_pattern(harmed, search.knowledge)) is None
        or harm.code[:2] not in search.conventions.force_roots
    ):
        return None
    places = place_of_act(harmed, context, cues) or place_of_act(trigger, context, cues)
    where = next((p.country for p in places if p.country), None) or article_state(trigger.sent, context)
    own = {(s.country, s.sector) for s in search.sources}
    victims = [a for a in passive_victims(harmed, context, cues, where) if (a.country, a.sector) not in own]
    return (victims, TargetFinding(TargetHow.HARMED_MEANWHILE)) if victims else None


def _aim_of_purpose(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "staged rallies to demand reforms by the government": force and protest are aimed where
    their purpose points; not at the actors themselves ("… to demand the release of jailed activists")."""
    if (
        not search.sources
        or search.root not in search.conventions.motivated_roots
        or not _only_a_place(search, targets, found)
    ):
        return None
    aimed = [
        a
        for a in purpose_targets(search.trigger, search.context, search.knowledge, search.own_states)
        if not any(a.country == s.country and a.sector == s.sector for s in search.sources)
    ]
    return (aimed, TargetFinding(TargetHow.PURPOSE)) if aimed else None


def _defied_by_protest(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "blocked streets in defiance of the authorities"."""
    if (
        not search.sources
        or search.root != search.conventions.protest_root
        or not _only_a_place(search, targets, found)
    ):
        return None
    defied = defied_actors(search.trigger, search.context, search.knowledge.cues)
    return (defied, TargetFinding(TargetHow.DEFIED)) if defied else None


def _destination(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "sent personnel to Bosnia to investigate": where those sent to do it went."""
    if not search.sources or targets:
        return None
    sent_to = destination_of_purpose(search.trigger, search.context, search.knowledge.cues, search.own_states)
    return (sent_to, TargetFinding(TargetHow.DESTINATION)) if sent_to else None


def _arrival_at_the_dateline(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "NEW DELHI - Biden arrived on Friday", "TEHRAN - Erdogan, who flew in on Sunday": an arrival
    naming no destination, by someone of another state, is at the place the story is filed from."""
    trigger, context = search.trigger, search.context
    if targets or found.filled or not search.sources or search.pattern.code != search.conventions.visit_code:
        return None
    cues, lemma = search.knowledge.cues, trigger.lemma_.lower()
    adverbs = {c.lower_ for c in trigger.children if c.dep_ in ("prt", "advmod")}
    arriving = lemma in cues.arrival_verbs or any(f"{lemma} {a}" in cues.arrival_verbs for a in adverbs)
    dateline = context.dateline
    if not arriving or adverbs & cues.homeward_words or dateline is None or dateline.country in search.own_states:
        return None  # "arrived home"
    why = f"arrived at the dateline's {dateline.name}"
    host = unspanned(trigger, dateline.country, search.conventions.government_sector, why)
    return [host], TargetFinding(TargetHow.DATELINE)


def _addressed_during(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "told Erdogan in a phone call", "assured Zelenskiy during talks in Kyiv": a mutual act named
    beside a verb is with whom the verb addresses."""
    trigger, cues = search.trigger, search.knowledge.cues
    if not search.sources or targets or not search.pattern.symmetric or trigger.dep_ != "pobj":
        return None
    if trigger.head.lower_ not in cues.event_prepositions:
        return None
    addressed = [
        a
        for o in trigger.head.head.children
        if o.dep_ in ("dobj", "dative")
        for a in resolve_all(o, search.context)
        if a.country not in search.own_states
    ]
    return (addressed, TargetFinding(TargetHow.GOVERNOR_OBJECT)) if addressed else None


def _addressed_alongside(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "said it was deeply concerned and urged Lima to free …": disapproval, a demand or a cut in
    relations aimed at no one (said_of_roots), said alongside an appeal, demand or leave to act
    (addressed_roots) of the same doer to a state, is aimed at that state."""
    conventions, knowledge = search.conventions, search.knowledge
    if targets or not search.sources or not search.of_roots(conventions.said_of_roots):
        return None
    trigger = search.trigger
    clause = trigger.head if trigger.dep_ in ("acomp", "attr") else trigger  # "was concerned", "was a mistake"
    for verb in (*trigger.conjuncts, *(clause.conjuncts if clause is not trigger else ())):
        pattern = find_pattern(verb, knowledge)
        if pattern is None or pattern.code[:2] not in conventions.addressed_roots or subject_of(verb) is not None:
            continue  # not one with a doer of its own ("…, and Argentina urged Peru to …")
        addressed, where = target_actors(verb, pattern, search.context, knowledge.cues, conventions, search.own_states)
        # a body called on to act ("called on the UN to intervene") is asked for help, not judged
        addressed = [a for a in addressed if a.country not in search.own_states and a.country != "IGO"]
        if addressed and where.how is TargetHow.SLOT:
            return addressed, TargetFinding(TargetHow.ADDRESSED_ALONGSIDE)
    return None


def _addressee_of_demand(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    if not search.sources or targets or search.root != search.conventions.demand_root:
        return None
    asked = demand_addressees(search.trigger, search.context, search.knowledge.cues, search.sources)
    return (asked, TargetFinding(TargetHow.DEMAND_CLAUSE)) if asked else None


def _own_places(targets: list[Actor], search: TargetSearch) -> bool:
    """Whether the targets are only places of the source's own state (a town: no sector)."""
    return all(t.sector is None and t.country in search.own_states for t in targets)


def _population_under_rule(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """Curfews, martial law and their easing, a leader's resignation, and the police's repression: aimed
    at the population (even when none is found, which settles the search), of the place they are imposed
    in or on ("on Almaty")."""
    conventions = search.conventions
    code = search.pattern.code
    # "fired tear gas to break up protests": the purpose names whom, and is coded itself
    crowd_control = (
        code in conventions.crowd_control_codes
        and all(s.sector in conventions.police_sectors for s in search.sources)
        and not infinitives_of(search.trigger)
    )
    if (
        not search.sources
        or (code not in conventions.population_codes | conventions.leadership_change_codes and not crowd_control)
        or (targets and not found.of_place and not _own_places(targets, search))
    ):
        return None
    return implied_target(
        search.trigger,
        search.sources,
        targets,
        found,
        conventions.people_sector,
        TargetHow.SOURCE_STATE_POPULATION,
        lambda s: s.sector is None or s.sector in conventions.ruling_sectors,
    )


def _government_protested(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """A protest with no named target is directed at the government where it happens, and so is an
    act its pattern says is aimed at one's own government (`own_government`: "seized power")."""
    conventions = search.conventions
    protest = search.root == conventions.protest_root or search.pattern.code == conventions.called_off_protest_code
    protest = protest or search.pattern.own_government
    if not search.sources or not protest or (targets and found.how is not TargetHow.PLACE_OF_ACT):
        return None
    government = conventions.government_sector
    return implied_target(
        search.trigger,
        search.sources,
        targets,
        found,
        government,
        TargetHow.SOURCE_STATE_GOVERNMENT,
        lambda s: s.sector != government,
    )


# Strategies for the victim of an act no one is named doing, then (once whether the slot was a
# protest's place is known) for what acts with no named target are aimed at; in order, each
# sees what the ones before it found.
VICTIM_STRATEGIES: tuple[TargetStrategy, ...] = (_victims_of_authorities, _victims_of_attackers)


def _people_held(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "Nicaragua's government released 222 political prisoners and flew them to the United States":
    people a state's authorities hold or free, named by a role with no state, are that state's own
    (custody_codes), where the sentence names another state too. Not those freed in an exchange
    (`exchange_words`: each side frees the other's), nor fighters, who may be anyone's."""
    conventions, cues = search.conventions, search.knowledge.cues
    if targets or found.slot is None or not any(search.pattern.code.startswith(c) for c in conventions.custody_codes):
        return None
    if any(t.lemma_.lower() in cues.exchange_words for t in search.trigger.sent):
        return None
    states = {s.country for s in search.sources}
    if len(states) != 1 or not all(s.sector in conventions.state_sectors for s in search.sources):
        return None
    (state,) = states
    if state in (None, "IGO"):
        return None
    why = f"held or freed by its own state ({state})"
    heads = slot_heads(search.trigger, found.slot, cues)
    people = [a for h in heads if (a := role_in_state(h, state, search.context, why)) is not None]
    if not people or any(a.sector in conventions.arms_bearing_sectors for a in people):
        return None
    return people, TargetFinding(TargetHow.HELD_PEOPLE, found.slot)


def _recipient_of_aid(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "Japan said it would give $50 million": in a story about one state, aid (given or promised)
    naming no recipient is given to that state, when the giver is another."""
    home = search.context.home_state
    if (
        targets
        or home is None
        or not (
            search.root in search.conventions.given_roots
            or search.pattern.code.startswith(search.conventions.aid_intent_code)
        )
        or not search.sources
        or any(s.country in (home, None) for s in search.sources)
    ):
        return None
    return (
        [
            unspanned(
                search.trigger,
                home,
                search.conventions.government_sector,
                f"the state the article is about ({home}), given aid naming no recipient",
            )
        ],
        TargetFinding(TargetHow.HOME_RECIPIENT),
    )


def _parties_mediated(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    if targets or search.pattern.code != search.conventions.mediation_code:
        return None
    return mediation_targets(
        search.trigger,
        search.context,
        search.knowledge.cues,
        search.sources,
        search.conventions.government_sector,
        search.recent_acts,
    )


def _protesters(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    if (targets and found.how is not TargetHow.PLACE_OF_ACT) or search.root not in search.conventions.repressing_roots:
        return None
    protesters = protesters_acted_on(search.trigger, search.context, search.knowledge)
    return (protesters, TargetFinding(TargetHow.PROTESTERS, "dobj")) if protesters else None


def _target_of_named_act(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "claimed the ambush on a Malian patrol", "threatened incursions into Chad": a statement,
    intent or threat whose slot holds the source's own act is aimed where that act is."""
    if targets or not search.sources or search.root not in search.conventions.own_act_roots:
        return None
    for slot in search.pattern.targets:
        if slot in INDIRECT_SLOTS:
            continue
        for act in slot_heads(search.trigger, slot, search.knowledge.cues):
            named = find_pattern(act, search.knowledge) if act.pos_ == "NOUN" else None
            if named is None or named.code[:2] in search.conventions.own_act_roots:
                continue
            aimed, where = target_actors(
                act, named, search.context, search.knowledge.cues, search.conventions, search.own_states
            )
            if aimed and where.how in NAMED_ACT_FINDINGS:
                return aimed, TargetFinding(TargetHow.NAMED_ACT, slot)
    return None


def _act_named_again(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "Al-Shabab claimed responsibility for the attack": a claim or threat of an act reported before
    (in an earlier sentence or earlier in its own) is aimed at that act's target; "Australia condemned
    the expulsion", "Rwanda rejected the accusations": a judgement of it, or a statement about an act
    aimed at oneself, at its named doer."""
    conventions, cues = search.conventions, search.knowledge.cues
    own = search.root in conventions.own_act_roots
    if targets or not search.sources or not (own or search.root in conventions.judging_roots):
        return None
    for slot in search.pattern.targets:
        nouns = slot_heads(search.trigger, slot, cues) if slot not in INDIRECT_SLOTS else []
        for noun, act in ((n, a) for n in nouns for a in acts_referred_to(n, search.recent_acts, cues, conventions)):
            sides, mutual = _sides_of_act(act, own)
            sides = [s for s in sides if another_party(s, search.own_states, search.sources)][: None if mutual else 1]
            if not sides:
                continue
            why = f"'{noun.text}' names again the act '{act.trigger.text}' ({act.code}) reported before"
            tokens = phrase_tokens(noun)
            return [actor_of(tokens, side.country, side.sector, why) for side in sides], TargetFinding(
                TargetHow.REFERRED_ACT, slot
            )
    return None


def _sides_of_act(act: Draft, own: bool) -> tuple[list[Actor], bool]:
    """Whom an act named again may point at, likeliest first, and whether at all of them: one's own
    act at its target; an act aimed at oneself ("rejected the accusations") and a judged act at their
    doer, and at each who did it with them ("welcomed the decision" three states took together); a
    judged mutual act ("welcomed the agreement" two states signed) at each of its parties."""
    doers = [act.source, *act.fellow_doers] if doer_named(act) else []
    sides = ([act.target] if own else []) + doers
    mutual = not own and act.pattern.symmetric and act.target is not None and doer_named(act)
    if mutual:
        sides.append(act.target)
    return [s for s in sides if s is not None], mutual or (not own and len(doers) > 1)


# how the named act's own target may be found: in its slots, not by a default of its own
NAMED_ACT_FINDINGS = frozenset(
    {TargetHow.SLOT, TargetHow.HOME_ROLE, TargetHow.PLACE, TargetHow.AIMED_AT, TargetHow.PLACED, TargetHow.OWNER}
)


AIM_STRATEGIES: tuple[TargetStrategy, ...] = (
    _target_of_named_act,
    _act_named_again,
    _harmed_meanwhile,
    _aim_of_purpose,
    _defied_by_protest,
    _destination,
    _arrival_at_the_dateline,
    _addressed_during,
    _addressee_of_demand,
    _addressed_alongside,
    _population_under_rule,
    _government_protested,
    _people_held,
    the_other_party,
    the_state_of_the_story,
    the_groups_own_state,
    _parties_mediated,
    _recipient_of_aid,
    _protesters,
)


def find_targets(search: TargetSearch) -> Targets:
    """The target actors of a trigger: the pattern's slots, then the strategies in order."""
    targets, found = target_actors(
        search.trigger, search.pattern, search.context, search.knowledge.cues, search.conventions, search.own_states
    )
    targets, found = _apply(VICTIM_STRATEGIES, search, targets, found)
    slot = found.slot if found.how is not TargetHow.NONE else None
    protest_place = (
        search.root == search.conventions.protest_root
        and slot is not None
        and slot.startswith("prep:")
        and (slot.split(":", 1)[1].split(" ", 1)[0] in search.knowledge.cues.locative_prepositions)
    )
    return _apply(AIM_STRATEGIES, replace(search, protest_place=protest_place), targets, found)


def _apply(
    strategies: tuple[TargetStrategy, ...], search: TargetSearch, targets: list[Actor], found: TargetFinding
) -> Targets:
    for strategy in strategies:
        if (result := strategy(search, targets, found)) is not None:
            targets, found = result
    return targets, found

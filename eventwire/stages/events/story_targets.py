"""Targets the story implies when a clause names none: in a story about two states, the other of
them; in a story about one, that state, for demands and disapproval others voice of no one named,
and its government, for what its own organised groups do to no one named."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...knowledge import Cues
from ...records import Actor
from ..actors import ArticleActors
from ..names import state_name
from ..phrases import governing_verb
from .draft import TargetFinding, TargetHow
from .implied_doers import unspanned

if TYPE_CHECKING:  # the search is defined with the strategies that call these
    from .targets import Targets, TargetSearch


def the_other_party(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "Kenya recalled its ambassador", "Somalia dismissed the claims": in a story about two states, a
    statement, judgement, threat or diplomatic act one of them does with no one else named, or an act
    its governor states as one ("vowed to retaliate"), is done to the other (bilateral_roots)."""
    parties = search.context.parties
    if (
        targets
        or search.pattern.no_target
        or not search.of_roots(search.conventions.bilateral_roots)
        or search.pattern.code[:3] in search.conventions.backing_codes
    ):
        return None  # backing or defending someone is as often a third party's as the other's
    sources = [s for s in search.sources if s.country in parties]
    if len(sources) != 1 or len(search.sources) != 1 or _a_third_state_named(search.trigger, parties, search.context):
        return None
    if (
        _unnamed_states_acted_on(search.trigger, search.knowledge.cues)
        or _someone_unplaced_acted_on(search.trigger, search.context)
        or _sides_acting(search.trigger, search.knowledge.cues)
    ):
        return None
    (other,) = parties - {sources[0].country}
    return (
        [
            unspanned(
                search.trigger,
                other,
                search.conventions.government_sector,
                f"the other of the two states the article is about ({other})",
            )
        ],
        TargetFinding(TargetHow.OTHER_PARTY),
    )


def the_state_of_the_story(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "Britain said it was deeply concerned", "the EU condemned the sentence": in a story about one
    state, demands, disapproval and cuts in relations another state or an international body voices or
    makes of no one named (said_of_roots) are aimed at that state, when the sentence names no third
    state and what is judged is no one's violence nor an act of nature, and no one is asked
    ("demanded an apology from …")."""
    conventions = search.conventions
    home = _home_of_a_one_state_story(search, targets, conventions.said_of_roots, several=True)
    if (
        home is None
        or any(s.country in (None, home) for s in search.sources)
        or not all(s.country == "IGO" or s.sector in conventions.state_sectors for s in search.sources)
        or _judges_no_act_of_state(search.trigger, search.knowledge.cues)
    ):
        return None
    if _a_state_named_besides(search.trigger.sent, {s.country for s in search.sources} | {home}, search.context):
        return None
    if _unnamed_states_acted_on(search.trigger, search.knowledge.cues) or _someone_unplaced_acted_on(
        search.trigger, search.context
    ):
        return None
    why = f"the state the article is about ({home}), judged by another naming no one"
    return (
        [unspanned(search.trigger, home, search.conventions.government_sector, why)],
        TargetFinding(TargetHow.STORY_STATE),
    )


def the_groups_own_state(search: TargetSearch, targets: list[Actor], found: TargetFinding) -> Targets | None:
    """ "Opposition activists torched vehicles", "the party alleged vote rigging": in a story about
    one state, an organised group of that state (organised_non_state_sectors, not businesses) doing
    a hostile act with no one named (own_state_roots) does it to that state's government, when the act
    is not mutual, judges no violence or act of nature, and the sentence names no other state
    ("militants attacked a Kenyan town")."""
    conventions = search.conventions
    home = _home_of_a_one_state_story(search, targets, conventions.own_state_roots)
    if (
        home is None
        or search.sources[0].country != home
        or search.sources[0].sector not in conventions.organised_non_state_sectors - conventions.commercial_sectors
        or search.pattern.symmetric  # "rival factions clashed": with one another
        or _judges_no_act_of_state(search.trigger, search.knowledge.cues)
        or _a_state_named_besides(search.trigger.sent, {home}, search.context)
    ):
        return None
    why = f"the government of the state the article is about ({home}), acted on by a group of its own"
    return (
        [unspanned(search.trigger, home, conventions.government_sector, why)],
        TargetFinding(TargetHow.OWN_STATE),
    )


def _home_of_a_one_state_story(
    search: TargetSearch, targets: list[Actor], roots: frozenset[str], several: bool = False
) -> str | None:
    """The state a story is about, when it is about one and the act (of these roots, naming no target
    and needing one) has one doer, or `several` ("Colombia, Brazil and Mexico voiced concern")."""
    home = search.context.home_state
    if (
        targets
        or search.pattern.no_target
        or len(search.context.parties) == 2
        or not search.of_roots(roots)
        or not search.sources
        or (len(search.sources) > 1 and not several)
    ):
        return None
    return home


def _judges_no_act_of_state(trigger: Token, cues: Cues) -> bool:
    """ "condemned the attack", "was outraged by the killings": words about violence are about its
    doers; "troubled by the floods", about no one; "demanded an apology from the BBC", aimed at whom
    "from" names."""
    subjects = {t.i for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    words = cues.fight_nouns | cues.violence_nouns | cues.natural_event_nouns
    return any(t.lemma_.lower() in words for t in trigger.subtree if t.i not in subjects) or any(
        p.dep_ == "prep" and p.lower_ == "from" and any(g.dep_ == "pobj" for g in p.children)
        for p in trigger.subtree
        if p.i not in subjects
    )


def _a_state_named_besides(sent: Span, own: set[str | None], context: ArticleActors) -> bool:
    """Whether the sentence names a state other than `own` that may be acted on: one named as the
    doer of a clause of its own is not ("Peru withdrew its ambassador, while Chile recalled its envoy")."""
    return any(
        (entry := state_name(context.by_token.get(i))) is not None
        and entry.country not in own
        and not _names_a_doer(sent.doc[i])
        for i in range(sent.start, sent.end)
    )


def _names_a_doer(token: Token) -> bool:
    """Whether the word belongs to the subject of a verb ("Chile", "Chile's foreign ministry"), not
    of a small clause ("would hold Russia accountable": Russia is acted on)."""
    while token.dep_ in ("conj", "compound", "poss", "amod", "case") and token.head is not token:
        token = token.head
    return token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX")


def _sides_acting(trigger: Token, cues: Cues) -> bool:
    """ "Libya's two warring sides signed a ceasefire": doers named as sides are both parties of the act."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(d.tag_ == "NNS" and d.lemma_.lower() in cues.pair_nouns for d in doers)


def _unnamed_states_acted_on(trigger: Token, cues: Cues) -> bool:
    """ "accused Western countries of stirring unrest", "criticised Western sanctions": the act names
    whom it is aimed at, states the dictionaries cannot place, not the other party."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    return any(o.tag_ == "NNS" and o.lemma_.lower() in cues.state_nouns for o in objects) or any(
        # a capitalised adjective names the doer of the act acted on, whoever they are
        m.dep_ == "amod" and m.text[:1].isupper()
        for o in objects
        for m in o.children
    )


def _someone_unplaced_acted_on(trigger: Token, context: ArticleActors) -> bool:
    """ "rejected a demand of defeated candidate Mir Hossein Mousavi": the act names a person the
    article does not place, at whom it is aimed, not at the other party."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
    return any(
        t.ent_type_ == "PERSON" and t.i not in context.by_token and context.memory.known(t, t.text) is None
        for o in objects
        for t in o.subtree
    )


def _a_third_state_named(trigger: Token, parties: frozenset[str], context: ArticleActors) -> bool:
    """ "He criticised Armenia for what he called provocations": the act a judgement is part of is
    aimed at a state of neither party, which it is aimed at too."""
    for verb in list(trigger.ancestors)[:4]:
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
            entry = state_name(context.by_token.get(obj.i))
            if entry is not None and entry.country not in parties | {"IGO"}:
                return True
    return False

"""The driver: every event of one sentence, from triggers to drafts with sources, targets, mode and code."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from ...conventions import Conventions
from ...knowledge import Cues, Knowledge, VerbPattern
from ...records import Actor
from ..actors import ArticleActors
from ..sentences import within
from .aims import rallied_against
from .allegations import with_allegations
from .clauses import alleged, argued_against, content_of_a_noun, is_refusal, only_permitted
from .codes import act_code, pair_code, weapons_for
from .draft import Draft, SourceFinding, TargetFinding, TargetHow
from .echoes import echoed_acts
from .governors import governed_root, obligation_drafts, preconditions, recode_through_governors, same_body
from .implied_doers import find_sources
from .modes import asked, mode_and_intent
from .referred import remember_act
from .slots import slot_names_each_other, slot_names_someone
from .syntax import (
    SUBJECTS,
    WORD,
    clause_chain,
    done_severally,
    objects_of,
    purpose_clauses,
    reporting_verb,
    with_compounds,
)
from .targets import EMPTY_ACTS, TargetSearch, find_targets
from .triggers import TokenIndex, find_pattern, is_about_sport, noun_event_allowed
from .venues import met_at_a_venue


def code_sentence(
    sent: Span,
    context: ArticleActors,
    knowledge: Knowledge,
    index: TokenIndex | None = None,
    recent_acts: Mapping[str, Draft] = EMPTY_ACTS,
    acts_before: Sequence[Draft] = (),
) -> list[Draft]:
    """All events of one sentence; `recent_acts`, the article's latest act of each word before it, and
    `acts_before`, the events of the sentence just before."""
    cues = knowledge.cues
    if is_about_sport(sent, cues):
        return []
    index = index or TokenIndex.of(sent.doc, knowledge)
    drafts = recode_through_governors(
        _trigger_drafts(sent, context, knowledge, index, recent_acts), context, cues, knowledge.conventions
    )
    drafts = _with_obligations(sent, drafts, context, knowledge, index)
    drafts = [
        d
        for d in drafts
        if (not content_of_a_noun(d.trigger, cues) or is_refusal(d, cues))
        and not only_permitted(d, cues)
        and not alleged(d.trigger, cues)
        and not argued_against(d.trigger)
    ]
    coded = [_states_as_governments(d, knowledge.conventions) for d in _coded_once(drafts, cues, knowledge.conventions)]
    coded += echoed_acts(sent, coded, acts_before, context, knowledge)
    coded = met_at_a_venue(coded, context, knowledge)
    return with_allegations(coded, context, knowledge)


def other_side_of_visit(draft: Draft, conventions: Conventions, held_in: str | None = None) -> Draft | None:
    """ "The Kenyan president received Qatar's envoy": a visit between two states is hosted by the
    one visited and made by the guest; the other side of a visit or a hosting that took place,
    reversed (of one only planned, the other side is not yet an act). A meeting the text places in
    the other party's state (`held_in`) was hosted by it. It is added once the act is dated and
    placed (pipeline), so it shares them and gives none to other acts."""
    other = {conventions.visit_code: conventions.host_code, conventions.host_code: conventions.visit_code}
    target = draft.target
    if draft.mode != "asserted" or target is None or target.country in (None, draft.source.country):
        return None
    if draft.code in other:
        code, why = other[draft.code], "the other side of the visit"
    elif draft.code in conventions.hosted_meeting_codes and held_in == target.country:
        code, why = conventions.host_code, "held in the other party's state, hosted by it"
    else:
        return None
    return replace(draft, code=code, source=target, target=draft.source, rule=f"{draft.rule}; {why} -> {code}")


def _states_as_governments(draft: Draft, conventions: Conventions) -> Draft:
    """A state an event names with no role ("Russian territory", "Canada's position", a strike on
    Erbil) is coded as its government, as a bare state name is; decided last, so no rule above
    mistakes the assumed sector for one the text gave."""

    def governed(actor: Actor | None, sector: str) -> Actor | None:
        if actor is None or actor.sector is not None or actor.country in (None, "IGO"):
            return actor
        return replace(
            actor, sector=sector, sector_assumed=True, rule=f"{actor.rule}; a state named with no role -> {sector}"
        )

    def unassumed(actor: Actor | None, armed: bool) -> Actor | None:
        # "Russia shelled …": a bare state assumed its government by an earlier rule is its army here
        if armed and actor is not None and actor.sector_assumed and actor.sector == conventions.government_sector:
            return replace(actor, sector=None)
        return actor

    # both sides of military cooperation between two states are armies, and so are both sides of a
    # fight they wage on each other ("India and Pakistan exchanged fire")
    mutual_fight = draft.pattern.symmetric and draft.code[:2] in conventions.military_roots
    joint = (draft.code in conventions.military_codes or mutual_fight) and (
        draft.target is None or draft.target.country != draft.source.country
    )
    armed = joint or draft.code[:2] in conventions.military_roots
    army, government = conventions.military_sector, conventions.government_sector
    # a sector the pattern gives a bare state stands ("Iran executed two men": its government)
    source = unassumed(draft.source, armed and not draft.pattern.source_sector) or draft.source
    return replace(
        draft,
        source=governed(source, army if armed else government) or source,
        target=governed(unassumed(draft.target, joint), army if joint else government),
    )


def _trigger_drafts(
    sent: Span, context: ArticleActors, knowledge: Knowledge, index: TokenIndex, recent_acts: Mapping[str, Draft]
) -> list[Draft]:
    """The drafts of each trigger of the sentence, verbs first: they consume their object nouns."""
    doc = sent.doc
    drafts: list[Draft] = []
    consumed: set[int] = set()
    candidates = [doc[i] for i in within(index.triggers, sent)]
    # an act the sentence reported before may be named again in it ("…, a charge Kyiv denied")
    recent_acts = dict(recent_acts)
    for trigger in sorted(candidates, key=lambda t: t.pos_ != "VERB"):
        if trigger.i in consumed:
            continue
        if trigger.pos_ == "VERB" and _participle_as_noun(trigger):
            continue  # a participle used as a noun: "evacuated the wounded", "the accused"
        pattern = find_pattern(trigger, knowledge)
        if pattern is None or (pattern.pos == "NOUN" and not noun_event_allowed(trigger, pattern, knowledge, context)):
            continue
        found = list(_drafts_for(trigger, pattern, context, knowledge, recent_acts))
        # "held talks with": coded once, by the verb's pattern; but talks brokered are the parties' own act
        if pattern.object and found and pattern.code != knowledge.conventions.mediation_code:
            consumed.update(w.i for o in objects_of(trigger, knowledge.cues) for w in with_compounds(o))
        drafts.extend(found)
        for draft in found:
            remember_act(recent_acts, draft)
    return drafts


def _participle_as_noun(verb: Token) -> bool:
    """A determiner on a verb with no subject or auxiliary of its own: the parser's noun ("the wounded");
    a verb with them heads a clause, whatever stray determiner the parser hung on it."""
    children = {c.dep_ for c in verb.children}
    return "det" in children and not children & {"nsubj", "nsubjpass", "aux", "auxpass"}


def _with_obligations(
    sent: Span, drafts: list[Draft], context: ArticleActors, knowledge: Knowledge, index: TokenIndex
) -> list[Draft]:
    """The demands that "must"/"should" clauses and stated preconditions make; what the obliged
    must do is not done ("saying he must resign" is no resignation; "the US must be ready to
    mediate" is no US offer)."""
    cues = knowledge.cues
    doc = sent.doc
    # heads of "must"/"should" auxiliaries, in text order (not a scan of every token's children)
    auxiliaries = (doc[i] for i in within(index.obligations, sent))
    obliged = sorted({a.head.i for a in auxiliaries if a.dep_ in ("aux", "auxpass")})
    demands = [o for i in obliged for o in obligation_drafts(doc[i], context, knowledge)]
    kept = [d for d in drafts if not obliged or not any(node.i in obliged for node, _ in clause_chain(d.trigger, cues))]
    kept += demands
    if cues.condition_nouns.intersection(WORD.findall(sent.text.lower())):  # rare: scan tokens only then
        kept += [
            d
            for t in sent
            if t.dep_ == "attr" and t.lower_ in cues.condition_nouns
            for d in preconditions(t, context, knowledge)
        ]
    return kept


def _coded_once(drafts: list[Draft], cues: Cues, conventions: Conventions) -> list[Draft]:
    """Drop drafts another draft already codes: a governor coded through its complement, the
    purpose of a protest or of force (its motive: "staged rallies to demand"), what protesters
    voice while protesting ("demonstrated in Tel Aviv, demanding a deal"), a noun restating its verb."""
    governors = {d.governor.i for d in drafts if d.governor is not None}
    motives = {c.i for d in drafts if d.code[:2] in conventions.motivated_roots for c in purpose_clauses(d.trigger)}
    voiced = {
        c.i
        for d in drafts
        if d.code[:2] == conventions.protest_root
        for c in d.trigger.children
        if c.dep_ == "advcl" and c.tag_ == "VBG" and not any(a.dep_ in SUBJECTS for a in c.children)
    }
    kept = [
        d
        for d in drafts
        if d.trigger.i not in governors
        and d.trigger.i not in motives
        and not (_voiced(d, voiced, cues) and d.code[:2] in conventions.voiced_roots)
    ]
    return [d for d in kept if not _restates_its_verb(d, kept)]


def _voiced(draft: Draft, voiced: set[int], cues: Cues) -> bool:
    """Whether a draft is what a protest voiced: the protest's participle itself ("…, demanding
    a deal"), or an obligation it reported ("…, saying he must resign")."""
    reporter = reporting_verb(draft.trigger, cues) if voiced else None
    return draft.trigger.i in voiced or (reporter is not None and reporter.i in voiced)


def _restates_its_verb(draft: Draft, drafts: list[Draft]) -> bool:
    """ "killed five militants in a raid": the noun names the act its verb already coded; so does a
    when-clause of the same doer ("killed 23 people when they blew themselves up")."""
    trigger = draft.trigger
    if trigger.dep_ == "advcl" and any(m.lower_ == "when" for m in trigger.children if m.dep_ in ("advmod", "mark")):
        verb = trigger.head.i
    elif trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        verb = trigger.head.i  # "attend talks with Israel", coded once by the verb
    elif trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    else:
        verb = trigger.head.head.i
    # "flew to Doha for talks with Hamas" names two acts: the visit to Qatar and the talks with Hamas
    return any(
        d.trigger.i == verb
        and draft.code[:2] in (d.code[:2], d.pattern.code[:2])
        and d.source.country == draft.source.country
        and (
            draft.target is None
            or trigger.pos_ != "NOUN"
            or (d.target is not None and d.target.country == draft.target.country)
        )
        for d in drafts
    )


def _as_organisation(actor: Actor, conventions: Conventions) -> Actor:
    """An international organisation with no sector of its own is coded in CAMEO's IGO sector."""
    if actor.country != "IGO" or actor.sector is not None:
        return actor
    return replace(actor, sector=conventions.organisation_sector)


def _with_sector(actor: Actor, pattern: VerbPattern) -> Actor:
    """A bare state doing what only armed forces do ("North Korea shelled") is its military."""
    if pattern.source_sector and actor.sector_assumed:
        return replace(
            actor,
            sector=pattern.source_sector,
            rule=f"{actor.rule}; sector {pattern.source_sector} from pattern {pattern.origin}",
        )
    return actor


def _pairs(
    sources: list[Actor], targets: list[Actor], pattern: VerbPattern, found: TargetFinding, conventions: Conventions
) -> Iterator[tuple[Actor, Actor | None]]:
    own = {s.country for s in sources}
    # "Palestinians and Israelis failed to reach agreement on Palestinian offices": a joint act
    # whose object names only the parties themselves is between them
    joint = (
        pattern.code[:2] in conventions.shared_act_roots and bool(targets) and all(t.country in own for t in targets)
    )
    if (
        (pattern.symmetric or joint)
        and len(sources) > 1
        and (not targets or joint or found.indirect or found.how is TargetHow.PLACE_OF_ACT)
    ):
        for source in sources:  # "Israel and Lebanon agreed …": each with the other
            for other in sources:
                if other is not source:
                    yield source, other
    elif targets and not (
        pattern.symmetric and pattern.code[:2] in conventions.force_roots and found.how is TargetHow.PLACE_OF_ACT
    ):
        # where a mutual act happened is not its other side ("clashed near Pakistani border posts",
        # "held drills near Doha"); only the doers' own territory stays, as the act's place
        abroad = pattern.symmetric and found.how is TargetHow.PLACE_OF_ACT
        for source in sources:
            for target in targets:
                if not (abroad and target.country not in own):
                    yield source, target
    elif pattern.no_target:
        for source in sources:
            yield source, None


def _drafts_for(
    trigger: Token,
    pattern: VerbPattern,
    context: ArticleActors,
    knowledge: Knowledge,
    recent_acts: Mapping[str, Draft] = EMPTY_ACTS,
) -> Iterator[Draft]:
    cues, conventions = knowledge.cues, knowledge.conventions
    if asked(trigger, cues):
        return
    sources, source_found = find_sources(trigger, pattern, context, knowledge)
    stated_root = governed_root(trigger, pattern, source_found, cues)
    search = TargetSearch(
        trigger, pattern, context, knowledge, sources, source_found, recent_acts=recent_acts, stated_root=stated_root
    )
    targets, target_found = find_targets(search)
    if sources and pattern.code[:2] == conventions.appeal_root and pattern.pos == "VERB":
        yield from _rallying_against(trigger, pattern, context, knowledge, sources, source_found)
    if slot_names_each_other(trigger, target_found, cues):
        pattern = replace(pattern, symmetric=True)  # "accused each other of …": each the others
    elif pattern.symmetric and done_severally(trigger, cues):
        pattern = replace(pattern, symmetric=False)  # "Chad and Niger each pledged troops": not to each other
    reciprocal = pattern.symmetric and len(sources) > 1  # "Israel and Hamas agreed to a ceasefire"
    if reciprocal and not targets and slot_names_someone(trigger, pattern, target_found, context, cues):
        return  # "the two leaders met the pope": with someone the article does not place, not each other
    if not sources or (target_found.filled and not targets and not reciprocal and not pattern.no_target):
        return
    code, mode = act_code(trigger, pattern, cues, conventions, source_found)
    weapons = weapons_for(trigger, code, cues, conventions)
    seen: set[tuple[str | None, ...]] = set()
    for source, target in _pairs(sources, targets, pattern, target_found, conventions):
        coded = pair_code(code, source, target, weapons, cues, conventions)
        if _no_visit(coded, trigger, source, target, knowledge):
            continue
        key = (source.country, source.sector, target.country if target else None, target.sector if target else None)
        if key in seen:
            continue  # "pledged … at a summit in Paris" names France twice: one event
        seen.add(key)
        source = _rulers_as_army(source, target, cues, conventions)
        kept, target = _target_of_pair(source, target, targets, coded, source_found, target_found, conventions)
        if not kept or (target is None and not source_found.named):
            # an act with no counterpart rests on its doer alone: one the sentence does not name
            # ("six suspects were arrested", "these people won't surrender") is too little to code
            continue
        rule = (
            f"pattern {pattern.origin} ({pattern.lemma}->{coded}); "
            f"source: {source_found.text}; target: {target_found.text}"
        )
        yield Draft(
            trigger,
            pattern,
            coded,
            _as_organisation(_with_sector(source, pattern), conventions),
            _as_organisation(target, conventions) if target is not None else None,
            mode,
            rule,
            source_found,
            target_found=target_found,
            fellow_doers=tuple(s for s in sources if s is not source),
        )


def _rulers_as_army(source: Actor, target: Actor | None, cues: Cues, conventions: Conventions) -> Actor:
    """ "The junta detained the president": military rulers acting on their own state's government
    (the one they ousted) are its army; towards anyone else they govern."""
    government = conventions.government_sector
    if (
        target is None
        or (target.country, target.sector) != (source.country, government)
        or source.sector != government
        or not cues.military_rulers.intersection(source.text.lower().split())
    ):
        return source
    army = conventions.military_sector
    return replace(
        source, sector=army, rule=f"{source.rule}; military rulers acting on their state's government -> {army}"
    )


def _no_visit(code: str, trigger: Token, source: Actor, target: Actor | None, knowledge: Knowledge) -> bool:
    """Troops arriving invade or deploy, and refugees or tourists arriving (or welcomed) are nobody's
    guests: a visit is made by those who stand for a state or a body."""
    conventions = knowledge.conventions
    if code == conventions.host_code:
        return target is not None and target.sector in conventions.private_sectors
    return code == conventions.visit_code and (
        _forces_arriving(trigger, knowledge.cues) or source.sector in conventions.private_sectors
    )


def _forces_arriving(trigger: Token, cues: Cues) -> bool:
    """ "Israeli troops landed in Lebanon", "US Marines arrived in Haiti": armed forces arriving are no
    guests; a visit is made by people (an army chief, military officers, a military delegation)."""
    subject = next((c for c in trigger.children if c.dep_ in SUBJECTS), None)
    return subject is not None and subject.lemma_.lower() in cues.arriving_forces


def _rallying_against(
    trigger: Token,
    pattern: VerbPattern,
    context: ArticleActors,
    knowledge: Knowledge,
    sources: list[Actor],
    found: SourceFinding,
) -> Iterator[Draft]:
    """ "called on Arabs to mobilize against Sharon": an appeal for action against someone rallies
    opposition to them (CAMEO 113), whether or not those appealed to are actors."""
    mode, _ = mode_and_intent(trigger, knowledge.cues)
    rallying = knowledge.conventions.rallying_against_code
    for source in sources:
        for opposed in rallied_against(trigger, context):
            if not same_body(opposed, source):
                yield Draft(
                    trigger,
                    pattern,
                    rallying,
                    source,
                    opposed,
                    mode,
                    f"pattern {pattern.origin} ({pattern.lemma}); source: {found.text}; rallying action against "
                    f"'{opposed.text}' -> {rallying}",
                    found,
                    target_found=TargetFinding(TargetHow.RALLIED_AGAINST),
                )


def _target_of_pair(
    source: Actor,
    target: Actor | None,
    targets: list[Actor],
    code: str,
    source_found: SourceFinding,
    target_found: TargetFinding,
    conventions: Conventions,
) -> tuple[bool, Actor | None]:
    """Whether a source and target make an event, and the target as coded (None for an act within
    the source's own state with no one else named)."""
    at_place = target_found.how is TargetHow.PLACE_OF_ACT
    commercial = conventions.commercial_sectors
    if source.sector in commercial and (target is None or target.sector in commercial):
        return False, None  # one business acting on another, or on no one, is commerce
    if (
        target is not None
        and not at_place
        and target.text
        and target.country == source.country
        and target.text.lower() == source.text.lower()
        and (None in (source.sector, target.sector) or source.sector == target.sector)
    ):
        # the doer's own name again is neither a counterpart nor where it acts; one phrase naming two
        # sides ("the two parties to the Ethiopian conflict") names two doers
        return False, None
    if (
        target is not None
        and target.country == source.country
        and source_found.sole_state_role
        and code[:2] in conventions.interstate_roots
        and not at_place
        and (target.sector is None or target.sector_assumed)
    ):
        return False, None  # "airlines suspended flights to Israel": the state is the target's, not the airlines'
    target = _government_of_own_state(source, target, code, at_place, conventions)
    # "Sudan lifted the curfew in Darfur", "promised to democratize Serbia": an act within the
    # state's own territory, or on the state as a whole, by its own government
    domestic_place = at_place or (
        target is not None
        and target.sector_assumed
        and source.sector in conventions.state_sectors
        and (target_found.indirect or target_found.of_place)
        and all(t.country == source.country for t in targets)
    )
    if target is None or source.country != target.country:
        return True, target
    if domestic_place and (target.sector is None or target.sector_assumed):
        # "completed their withdrawal from a Bosnian town": an act within the actor's own state
        # with no one else named has no target
        return True, None
    if not domestic_place and (
        target.sector is None
        or (target.sector_assumed and code == conventions.visit_code)
        or source.sector == target.sector
        or (source.sector is None and target.sector not in conventions.non_state_sides)
    ):
        return False, None  # a state acting on itself is coded only between distinct known sectors
    return True, target


def _government_of_own_state(
    source: Actor, target: Actor | None, code: str, at_place: bool, conventions: Conventions
) -> Actor | None:
    """ "rebels blocked roads into Abidjan", "exploded bombs in Kabul": what organised groups outside
    the state do to its places or to the state itself is aimed at its government (CAMEO's
    convention for protests too); a truce declared in their region is not."""
    if (
        target is not None
        and target.country == source.country
        and target.sector is None
        and source.sector in conventions.organised_non_state_sectors
        # a riot too ("supporters stormed the electoral office in Lima": force recoded as a protest)
        and (not at_place or code[:2] in conventions.hostile_roots or code[:2] == conventions.protest_root)
    ):
        return replace(
            target,
            sector=conventions.government_sector,
            rule=f"{target.rule}; its government: the source is not the state",
        )
    return target

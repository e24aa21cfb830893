"""The driver: every event of one sentence, from triggers to drafts with sources, targets, mode and code."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ...knowledge import Cues, Knowledge, VerbPattern
from ...records import Actor
from ..actors import (
    ArticleActors,
    resolve_all,
)
from .act_places import place_slot
from .clauses import content_of_a_noun, is_refusal, only_permitted
from .codes import moves_peacekeepers, weapon_code, weapons_named
from .conventions import (
    AERIAL_CODE,
    APPEAL_ROOT,
    BACKING_CODES,
    CALLED_OFF_PROTEST,
    DEMAND_ROOT,
    FORCE_ROOTS,
    GENERIC_FORCE_CODES,
    HOSTILE_ROOTS,
    INTERSTATE_ROOTS,
    IRREGULAR_SECTORS,
    MOTIVATED_ROOTS,
    MOVEMENT_CODES,
    NON_STATE_SIDES,
    ORGANISED_NON_STATE_SECTORS,
    PEACEKEEPERS_WITHDRAWN_CODE,
    PEACEKEEPING_CODE,
    PLACE_TARGET_ROOTS,
    POPULATION_CODES,
    PROTEST_ROOT,
    RALLYING_AGAINST_CODE,
    RALLYING_CODE,
    SHARED_ACT_ROOTS,
    SHELLING_CODE,
    STATE_SECTORS,
    VOICED_ROOTS,
    WITHDRAWAL_CODES,
    YIELDING_ROOTS,
)
from .draft import INDIRECT_SLOTS, OWN_DOER, PLACE_AUTHORITIES, SOLE_STATE_ROLE, UNIDENTIFIED_ATTACKERS, Draft
from .governors import embedding_governor, obligation_drafts, preconditions, same_body, through_governor
from .modes import is_advised, mode_and_intent, plain_future
from .slots import target_actors
from .sources import (
    doers_of_subject_event,
    place_authorities,
    placed_subject,
    source_heads,
    unidentified_attackers,
    unnamed_protesters,
)
from .syntax import SUBJECTS, WORD, clause_chain, is_conditional, objects_of, purpose_clauses, reporting_verb, with_compounds
from .targets import (
    defied_actors,
    demand_addressees,
    destination_of_purpose,
    implied_target,
    passive_victims,
    purpose_targets,
    rallied_against,
)
from .triggers import TokenIndex, find_pattern, is_about_sport, noun_event_allowed


def code_sentence(sent: Span, context: ArticleActors, knowledge: Knowledge, index: TokenIndex | None = None) -> list[Draft]:
    """All events of one sentence."""
    cues = knowledge.cues
    if is_about_sport(sent, cues):
        return []
    doc = sent.doc
    index = index or TokenIndex.of(doc, knowledge)
    drafts: list[Draft] = []
    consumed: set[int] = set()
    candidates = [doc[i] for i in index.triggers if sent.start <= i < sent.end]
    triggers = sorted(candidates, key=lambda t: t.pos_ != "VERB")  # verbs first: they consume their object nouns
    for trigger in triggers:
        if trigger.i in consumed:
            continue
        if trigger.pos_ == "VERB" and any(c.dep_ == "det" for c in trigger.children):
            continue  # a participle used as a noun: "evacuated the wounded", "the accused"
        pattern = find_pattern(trigger, knowledge)
        if pattern is None or (pattern.pos == "NOUN" and not noun_event_allowed(trigger, pattern, knowledge)):
            continue
        found = list(_drafts_for(trigger, pattern, context, knowledge))
        if pattern.object and found:  # "held talks with": coded once, by the verb's pattern
            consumed.update(w.i for o in objects_of(trigger, cues) for w in with_compounds(o))
        drafts.extend(found)
    recoded = []
    for draft in drafts:
        governor = embedding_governor(draft.trigger, cues)
        # only an act the governor's own subject would do ("threatened to shell"); "demanded that
        # the US cancel …" keeps the demand, whose target is the one asked to act
        # a noun event with its own doer inside the clause ("match the EU's support") is not the governor's
        shared_subject = draft.source_how not in ("subject", f"subject, {SOLE_STATE_ROLE}", *OWN_DOER)
        if governor is not None and shared_subject:
            embedded, draft = draft, through_governor(draft, governor, context, cues)
            if (draft.code[:2] == APPEAL_ROOT and embedded.code in BACKING_CODES and embedded.target is not None
                    and draft.target is not None and draft.target != embedded.target):
                # "urged the EC to support the PLO": an appeal to the EC, and rallying support for the PLO
                recoded.append(replace(draft, code=RALLYING_CODE, target=embedded.target, target_slot=embedded.target_slot,
                                       rule=f"{embedded.rule}; rallying others' backing under '{governor.text}' -> {RALLYING_CODE}"))
            # "refused to allow UN planes to land": a governed governor codes the act once more
            outer = embedding_governor(governor, cues)
            if outer is not None:
                draft = replace(through_governor(draft, outer, context, cues), governor=governor)
        recoded.append(draft)
    # heads of "must"/"should" auxiliaries, in text order (not a scan of every token's children)
    auxiliaries = (doc[i] for i in index.obligations if sent.start <= i < sent.end)
    obliged_heads = sorted({a.head.i for a in auxiliaries if a.dep_ in ("aux", "auxpass")})
    obligations = [o for i in obliged_heads for o in obligation_drafts(sent.doc[i], context, knowledge)]
    # what anyone must do is not done ("saying he must resign" is no resignation), demand or not
    obliged = set(obliged_heads)
    # what the obliged must do is the demand's content, not an act of theirs ("the US must be
    # ready to mediate" is no US offer)
    recoded = [d for d in recoded if not obliged or not any(node.i in obliged for node, _ in clause_chain(d.trigger, cues))]
    recoded += obligations
    if cues.condition_nouns.intersection(WORD.findall(sent.text.lower())):  # rare: scan tokens only then
        recoded += [d for t in sent if t.dep_ == "attr" and t.lower_ in cues.condition_nouns
                    for d in preconditions(t, context, knowledge)]
    recoded = [d for d in recoded if (not content_of_a_noun(d.trigger, cues) or is_refusal(d)) and not only_permitted(d)]
    # A governor whose complement produced an event is coded through it, not again on its own.
    governors = {d.governor.i for d in recoded if d.governor is not None}
    # the purpose of a protest or of force is its motive, coded with it ("staged rallies to demand")
    motives = {c.i for d in recoded if d.code[:2] in MOTIVATED_ROOTS for c in purpose_clauses(d.trigger)}
    # "demonstrated in Tel Aviv, demanding a deal": what protesters say while protesting is the protest's content
    voiced = {c.i for d in recoded if d.code[:2] == PROTEST_ROOT for c in d.trigger.children
              if c.dep_ == "advcl" and c.tag_ == "VBG" and not any(a.dep_ in SUBJECTS for a in c.children)}
    kept = [d for d in recoded if d.trigger.i not in governors and d.trigger.i not in motives
            and not (_voiced(d, voiced, cues) and d.code[:2] in VOICED_ROOTS)]
    return [d for d in kept if not _restates_its_verb(d, kept)]


def _voiced(draft: Draft, voiced: set[int], cues: Cues) -> bool:
    """Whether a draft is what a protest voiced: the protest's participle itself ("…, demanding
    a deal"), or an obligation it reported ("…, saying he must resign")."""
    reporter = reporting_verb(draft.trigger, cues) if voiced else None
    return draft.trigger.i in voiced or (reporter is not None and reporter.i in voiced)


def _restates_its_verb(draft: Draft, drafts: list[Draft]) -> bool:
    """"killed five militants in a raid": the noun names the act its verb already coded; so does a
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
    return any(d.trigger.i == verb and draft.code[:2] in (d.code[:2], d.pattern.code[:2]) and d.source.country == draft.source.country
               and (draft.target is None or trigger.pos_ != "NOUN"
                    or (d.target is not None and d.target.country == draft.target.country))
               for d in drafts)


def _with_sector(actor: Actor, pattern: VerbPattern) -> Actor:
    """A bare state doing what only armed forces do ("North Korea shelled") is its military."""
    if pattern.source_sector and actor.sector_assumed:
        return replace(actor, sector=pattern.source_sector,
                       rule=f"{actor.rule}; sector {pattern.source_sector} from pattern {pattern.origin}")
    return actor


def _pairs(sources: list[Actor], targets: list[Actor], pattern: VerbPattern, slot: str | None) -> Iterator[tuple[Actor, Actor | None]]:
    own = {s.country for s in sources}
    # "Palestinians and Israelis failed to reach agreement on Palestinian offices": a joint act
    # whose object names only the parties themselves is between them
    joint = pattern.code[:2] in SHARED_ACT_ROOTS and bool(targets) and all(t.country in own for t in targets)
    if (pattern.symmetric or joint) and len(sources) > 1 and (
            not targets or joint or slot in INDIRECT_SLOTS or slot == "place of the act"):
        for source in sources:  # "Israel and Lebanon agreed …": each with the other
            for other in sources:
                if other is not source:
                    yield source, other
    elif targets:
        for source in sources:
            for target in targets:
                yield source, target
    elif pattern.no_target:
        for source in sources:
            yield source, None


def _drafts_for(trigger: Token, pattern: VerbPattern, context: ArticleActors, knowledge: Knowledge) -> Iterator[Draft]:
    cues = knowledge.cues
    sources, how = source_heads(trigger, context, cues)
    # "people rallied in Lyon in support of Ukraine": where a role acts says whose it is, before
    # the sentence's only named state does
    if (not sources or how.endswith(SOLE_STATE_ROLE)) and pattern.code[:2] in PLACE_TARGET_ROOTS and (
            placed := placed_subject(trigger, context, cues)) and placed[0].country not in {s.country for s in sources}:
        sources, how = placed, "role placed by the place of the act"
    if not sources and pattern.code[:2] == PROTEST_ROOT and (crowd := unnamed_protesters(trigger, context, cues)):
        sources, how = crowd, "protest with no named doer: people of the place"
    if not sources and pattern.code[:2] in FORCE_ROOTS and (doers := doers_of_subject_event(trigger, context, knowledge)):
        sources, how = doers, "doer of the attack named as subject"  # "Israeli air strikes killed 12"
    if not sources and pattern.code[:2] in FORCE_ROOTS and (attackers := unidentified_attackers(trigger, pattern, context, cues)):
        sources, how = attackers, UNIDENTIFIED_ATTACKERS
    authorities = place_authorities(trigger, pattern, context, cues) if not sources and how == "passive without agent" else []
    if authorities:
        sources, how = authorities, PLACE_AUTHORITIES
    if not sources and how == "passive without agent" and pattern.code in WITHDRAWAL_CODES:
        # "80 UN peacekeepers were shipped out of Gorazde": those withdrawn withdraw
        sources, how = [a for s in trigger.children if s.dep_ == "nsubjpass" for a in resolve_all(s, context)], "those withdrawn"
    # a target phrase naming the source's state and another ("US-China co-operation") is the other
    own_states = frozenset(s.country for s in sources if s.country)
    targets, slot = target_actors(trigger, pattern, context, cues, own_states)
    if how == PLACE_AUTHORITIES and (held := passive_victims(trigger, context, sources[0].country)):
        targets, slot = held, "subject of the passive"  # "a US national was put under investigation in Italy"
    if how == UNIDENTIFIED_ATTACKERS and (not targets or slot == "place of the act") and (
            victims := passive_victims(trigger, context, sources[0].country)):
        targets, slot = victims, "subject of the passive"  # "a journalist was killed in a car bomb explosion"
    # "blocked roads into Brussels to protest EU policies": a protest's stated purpose names whom
    # it is aimed at before the place it happens in does
    protest_place = pattern.code[:2] == PROTEST_ROOT and slot is not None and slot.startswith("prep:") and (
        slot.split(":", 1)[1].split(" ", 1)[0] in cues.locative_prepositions)
    if (sources and pattern.code[:2] in MOTIVATED_ROOTS and (not targets or place_slot(slot) or protest_place)
            # not the actors themselves ("protesters … to demand the release of jailed activists")
            and (aimed := [a for a in purpose_targets(trigger, context, knowledge, own_states)
                           if not any(a.country == s.country and a.sector == s.sector for s in sources)])):
        targets, slot = aimed, "purpose clause"
    if sources and pattern.code[:2] == PROTEST_ROOT and (not targets or place_slot(slot) or protest_place) and (
            defied := defied_actors(trigger, context, cues)):
        targets, slot = defied, "what the protest defies"  # "blocked streets in defiance of the authorities"
    if sources and not targets and (sent_to := destination_of_purpose(trigger, context, cues, own_states)):
        targets, slot = sent_to, "where those sent to do it went"  # "sent personnel to Bosnia to investigate"
    if sources and not targets and pattern.code[:2] == DEMAND_ROOT and (
            asked := demand_addressees(trigger, context, cues, sources)):
        targets, slot = asked, "subject of the demand's clause"
    if sources and pattern.code in POPULATION_CODES and (not targets or slot == "place of the act"):
        targets, slot = implied_target(trigger, sources, targets, slot, "CVL", "population",
                                        lambda s: s.sector in ("GOV", "MIL", "COP", None))
    if sources and (pattern.code[:2] == PROTEST_ROOT or pattern.code == CALLED_OFF_PROTEST) and (
            not targets or slot == "place of the act"):
        # a protest with no named target is directed at the government where it happens
        targets, slot = implied_target(trigger, sources, targets, slot, "GOV", "government",
                                        lambda s: s.sector != "GOV")
    if sources and pattern.code[:2] == APPEAL_ROOT and pattern.pos == "VERB":
        # "called on Arabs to mobilize against Sharon": an appeal for action against someone rallies
        # opposition to them (CAMEO 113), whether or not those appealed to are actors
        mode, _ = mode_and_intent(trigger, cues)
        for source in sources:
            for opposed in rallied_against(trigger, context):
                if not same_body(opposed, source):
                    yield Draft(trigger, pattern, RALLYING_AGAINST_CODE, source, opposed, mode,
                                f"pattern {pattern.origin} ({pattern.lemma}); source: {how}; rallying action against "
                                f"'{opposed.text}' -> {RALLYING_AGAINST_CODE}", how, target_slot="whom the appeal rallies against")
    reciprocal = pattern.symmetric and len(sources) > 1  # "Israel and Hamas agreed to a ceasefire"
    if not sources or (slot is not None and not targets and not reciprocal and not pattern.no_target):
        return
    mode, intent = mode_and_intent(trigger, cues, own_doer=trigger.pos_ == "NOUN" and how in OWN_DOER)
    if mode == "asserted" and how != "speaker of reported clause" and is_advised(trigger, cues):
        mode = "hypothetical"  # someone says the source should act; the source's own words are its act
    code = pattern.code
    if intent and pattern.intent_code and (mode == "planned" or trigger.pos_ in ("NOUN", "PROPN")):
        # the intent is stated now; its future is the code ("will send aid", "pledged aid")
        code, mode = pattern.intent_code, "asserted"
    elif mode == "hypothetical" and code[:2] >= "10" and is_conditional(trigger):
        # "may halt its mediation if the parties …": a hostile act held out on a condition is a threat
        code, mode = cues.embedding_governors["threaten"].code_for(code), "asserted"
    elif mode == "negated" and code[:2] in YIELDING_ROOTS and plain_future(trigger, cues) and (
            any(c.dep_ == "neg" for c in trigger.children)):
        # "said it would not attend the talks", "will not accept more refugees": a refusal, stated now
        code, mode = cues.embedding_governors["refuse"].code_for(code), "asserted"
    elif mode == "planned" and plain_future(trigger, cues):
        # "will withdraw its force unless …": a future act on a condition is a threat
        # … but "would meet the mediator if he gave them a veto" is a conditional offer: an intent
        threat = is_conditional(trigger, ("unless",)) or (is_conditional(trigger, ("if",)) and code[:2] >= "10")
        future = cues.embedding_governors["threaten"] if threat else cues.plain_future
        future_code = future.code_for(code)
        if future_code != code:
            code, mode = future_code, "asserted"
    if code in MOVEMENT_CODES and moves_peacekeepers(trigger, cues):
        code = PEACEKEEPING_CODE  # "NATO peacekeeping troops arrived in Bosnia"
    elif code in WITHDRAWAL_CODES and moves_peacekeepers(trigger, cues):
        code = PEACEKEEPERS_WITHDRAWN_CODE  # "UN peacekeepers were shipped out of Gorazde"
    seen: set[tuple[str | None, ...]] = set()
    weapons = weapons_named(trigger, cues) if code in GENERIC_FORCE_CODES or code == SHELLING_CODE else []
    for source, target in _pairs(sources, targets, pattern, slot):
        # CAMEO: force used by those with no army is unconventional violence (18), not military (19);
        # a ban or sanction within one state is an administrative sanction (172), not an embargo;
        pair_code = "180" if code == "190" and source.sector in IRREGULAR_SECTORS else code
        if pair_code.startswith("163") and target is not None and target.country == source.country:
            pair_code = "172"
        if pair_code in GENERIC_FORCE_CODES and (weapon := weapon_code(weapons, pair_code, source)):
            pair_code = weapon
        elif pair_code == SHELLING_CODE and any(w == AERIAL_CODE for _, w in weapons):
            pair_code = AERIAL_CODE  # "helicopters and tanks shelled positions": fire from the air
        if pair_code == "183" and source.sector not in IRREGULAR_SECTORS:
            pair_code = "195"  # CAMEO 183 is non-military bombing; a state's forces bomb from the air
        if pair_code == "174" and target is not None and target.country == "IGO":
            pair_code = "1663"  # expelling an international organisation is not deporting people
        key = (source.country, source.sector, target.country if target else None, target.sector if target else None)
        if key in seen:
            continue  # "pledged … at a summit in Paris" names France twice: one event
        seen.add(key)
        if (target is not None and target.country == source.country and how.endswith(SOLE_STATE_ROLE)
                and pair_code[:2] in INTERSTATE_ROOTS and slot != "place of the act"
                and (target.sector is None or target.sector_assumed)):
            continue  # "airlines suspended flights to Israel": the state is the target's, not the airlines'
        if (target is not None and target.country == source.country and target.sector is None
                and source.sector in ORGANISED_NON_STATE_SECTORS
                and (slot != "place of the act" or pair_code[:2] in HOSTILE_ROOTS)):
            # "rebels blocked roads into Abidjan", "exploded bombs in Kabul": what organised groups
            # outside the state do to its places or to the state itself is aimed at its government
            # (CAMEO's convention for protests too); a truce declared in their region is not
            target = replace(target, sector="GOV", rule=f"{target.rule}; its government: the source is not the state")
        # "Sudan lifted the curfew in Darfur", "promised to democratize Serbia": an act within the
        # state's own territory, or on the state as a whole, by its own government
        domestic_place = slot == "place of the act" or (
            target is not None and target.sector_assumed and source.sector in STATE_SECTORS
            and (slot in INDIRECT_SLOTS or place_slot(slot)) and all(t.country == source.country for t in targets))
        if domestic_place and target is not None and source.country == target.country and (
                target.sector is None or target.sector_assumed):
            # "completed their withdrawal from a Bosnian town": an act within the actor's own state
            # with no one else named has no target
            target = None
        if target is not None and source.country == target.country and not domestic_place and (
            target.sector is None or source.sector == target.sector
            or (source.sector is None and target.sector not in NON_STATE_SIDES)
        ):
            continue  # a state acting on itself is coded only between distinct known sectors
        rule = f"pattern {pattern.origin} ({pattern.lemma}->{pair_code}); source: {how}; target: {slot or 'none'}"
        yield Draft(trigger, pattern, pair_code, _with_sector(source, pattern), target, mode, rule, how, target_slot=slot)

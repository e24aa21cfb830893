"""The code an act gets: from its mode (a stated intent, a threat, a refusal), from who moves
(peacekeepers), from the weapons it names and from who does it to whom."""

from __future__ import annotations

from spacy.tokens import Token

from ...conventions import Conventions
from ...knowledge import Cues, VerbPattern
from ...records import Actor
from .draft import OWN_DOER, SourceFinding, SourceHow
from .modes import is_advised, mode_and_intent, plain_future
from .syntax import is_conditional, subject_of


def weapons_named(trigger: Token, cues: Cues) -> list[tuple[str, str]]:
    """The weapons (with their CAMEO codes) a use of force names as its doer or means, most
    specific first: "suicide bombers killed" (1831), "killed in a car bomb explosion" (1832),
    "gunships killed" (195)."""
    subject = subject_of(trigger) if trigger.pos_ == "VERB" else None
    phrases = ([subject] if subject is not None else []) + [
        g
        for prep in trigger.children
        if prep.dep_ in ("prep", "agent") and prep.lower_ in cues.instrument_prepositions
        for g in prep.children
        if g.dep_ == "pobj"
    ]
    if trigger.lemma_.lower() in cues.weapon_object_verbs:  # "exploded bombs": the object is the weapon
        phrases += [c for c in trigger.children if c.dep_ == "dobj"]
    found = []
    for phrase in phrases:
        lemmas = [t.lemma_.lower() for t in phrase.subtree if not t.is_punct]
        words = set(lemmas) | {f"{a} {b}" for a, b in zip(lemmas, lemmas[1:])}
        found += [(weapon, code) for weapon, code in cues.instruments.items() if weapon in words]
    return found


def weapon_code(
    weapons: list[tuple[str, str]], code: str, source: Actor, cues: Cues, conventions: Conventions
) -> str | None:
    """The first weapon's code that fits the source: an army's plain bombing is not CAMEO 183
    (non-military bombing)."""
    return next(
        (
            weapon_code
            for weapon, weapon_code in weapons
            if weapon not in cues.plain_bomb_words
            or source.sector in conventions.irregular_sectors
            or code[:2] == conventions.assault_root
        ),
        None,
    )


def moves_peacekeepers(trigger: Token, cues: Cues) -> bool:
    """Whether those who arrive or are deployed (the subject, or the object deployed) keep the peace."""
    movers = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(t.lemma_.lower() in cues.peacekeeping_words for m in movers for t in m.subtree)


def act_code(
    trigger: Token, pattern: VerbPattern, cues: Cues, conventions: Conventions, found: SourceFinding
) -> tuple[str, str]:
    """The act's code and mode, before who does it to whom is known."""
    mode, intent = mode_and_intent(trigger, cues, own_doer=trigger.pos_ == "NOUN" and found.how in OWN_DOER)
    if mode == "asserted" and found.how is not SourceHow.SPEAKER and is_advised(trigger, cues):
        mode = "hypothetical"  # someone says the source should act; the source's own words are its act
    code, mode = _code_of_mode(trigger, pattern, cues, conventions, mode, intent)
    if code in conventions.movement_codes and moves_peacekeepers(trigger, cues):
        code = conventions.peacekeeping_code  # "NATO peacekeeping troops arrived in Bosnia"
    elif code in conventions.withdrawal_codes and moves_peacekeepers(trigger, cues):
        code = conventions.peacekeepers_withdrawn_code  # "UN peacekeepers were shipped out of Gorazde"
    return code, mode


def _code_of_mode(
    trigger: Token, pattern: VerbPattern, cues: Cues, conventions: Conventions, mode: str, intent: bool
) -> tuple[str, str]:
    """An act stated now is coded as what is stated: a pledge, a threat or a refusal. A planned act
    ("will visit") keeps its own code in mode planned (PLOVER); `cameo_intent` is CAMEO's code for it."""
    code = pattern.code
    if intent and pattern.intent_code and trigger.pos_ in ("NOUN", "PROPN"):
        # "pledged aid", "offered a loan": the pledge, stated now, is the act
        return pattern.intent_code, "asserted"
    if (
        mode == "hypothetical"
        and code[:2] in conventions.conflict_roots
        and is_conditional(trigger, cues.condition_markers)
    ):
        # "may halt its mediation if the parties …": a hostile act held out on a condition is a threat
        return cues.embedding_governors["threaten"].code_for(code), "asserted"
    if (
        mode == "negated"
        and code[:2] in conventions.yielding_roots
        and plain_future(trigger, cues)
        and (any(c.dep_ == "neg" for c in trigger.children))
    ):
        # "said it would not attend the talks", "will not accept more refugees": a refusal, stated now
        return cues.embedding_governors["refuse"].code_for(code), "asserted"
    if mode == "planned" and plain_future(trigger, cues):
        # "will withdraw its force unless …": a future act on a condition is a threat
        # … but "would meet the mediator if he gave them a veto" is a conditional offer: an intent
        threat = is_conditional(trigger, cues.threatening_conditions) or (
            is_conditional(trigger, cues.open_conditions) and code[:2] in conventions.conflict_roots
        )
        if threat:
            return cues.embedding_governors["threaten"].code_for(code), "asserted"
        offer = cameo_intent(code, mode, pattern, cues, conventions)
        if offer and is_conditional(trigger, cues.open_conditions):
            return offer, "asserted"  # the offer is made now: its act waits on the condition
        stated = cues.plain_future.code_for(code)
        if stated != code and code[:2] not in conventions.intended_roots | conventions.threatened_roots:
            return stated, "asserted"  # "will strike": dissent announced is a threat of dissent, stated now
    return code, mode


def cameo_intent(code: str, mode: str, pattern: VerbPattern, cues: Cues, conventions: Conventions) -> str | None:
    """The code CAMEO, which has no modes, writes for a planned act: the intent (03) of a cooperative
    act ("will visit": 036), the threat (13) of material conflict ("will attack": 138); None when
    CAMEO codes the act as itself ("will urge") or the act is not planned."""
    root = code[:2]
    if mode != "planned" or root not in conventions.intended_roots | conventions.threatened_roots:
        return None
    if pattern.intent_code and pattern.code[:2] == root:
        return pattern.intent_code  # the pattern's own intent: "will send aid" is 0333
    intent = cues.plain_future.code_for(code)
    if intent == code and root in conventions.threatened_roots:
        intent = cues.embedding_governors["threaten"].code_for(code)  # "will expel the ambassador": 131
    return intent if intent != code else None


def pair_code(
    code: str, source: Actor, target: Actor | None, weapons: list[tuple[str, str]], cues: Cues, conventions: Conventions
) -> str:
    """The code for one source and target: CAMEO's conventions on who does it to whom (the
    recodes of data/cameo/conventions.yaml), before and after the weapons named refine the act."""
    code = conventions.recode(code, source, target, after_weapons=False)
    if code in conventions.generic_force_codes and (weapon := weapon_code(weapons, code, source, cues, conventions)):
        code = weapon
    elif code == conventions.shelling_code and any(w == conventions.aerial_code for _, w in weapons):
        code = conventions.aerial_code  # "helicopters and tanks shelled positions": fire from the air
    return conventions.recode(code, source, target, after_weapons=True)


def weapons_for(trigger: Token, code: str, cues: Cues, conventions: Conventions) -> list[tuple[str, str]]:
    """The weapons an act names, looked for only where they can change its code."""
    wanted = code in conventions.generic_force_codes or code == conventions.shelling_code
    return weapons_named(trigger, cues) if wanted else []

"""Events: find CAMEO triggers in a parsed sentence and attach source and target actors.

A trigger is a verb or noun whose lemma has a pattern in the verb dictionary. The source
is the clause's subject (through passives, relative clauses, coordinated and embedded
verbs, and the speaker of reported speech); the target is the slot the pattern names.
Nothing is coded unless the source is a known actor and the target is known or the
pattern needs none: a missed event costs less than an invented one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from ..knowledge import Cues, Knowledge, VerbPattern
from ..records import Actor
from .actors import (ArticleActors, can_act, coordinated_heads, domestic_roles, names_anyone, resolve_all, resolve_phrase,
                     resolve_place, role_in_state)
from .places import prep_objects

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLIMB_FOR_SUBJECT = {"xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "dobj", "acomp"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
PRONOUN_CLIMB = {"ccomp", "advcl", "conj"}
DEMONSTRATIVES = {"that", "this", "which", "what"}  # pronouns standing for acts and things, not actors
MAX_CLIMB = 6
PLACE_TARGET_ROOTS = {"06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20"}
BORDER_WORDS = {"border", "frontier", "boundary"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}  # not NORP: "killed two ethnic Hungarians" names a people
INDIRECT_SLOTS = {"complement", "told", "ccomp_subject", "xcomp_object", "condition_subject"}


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


def find_pattern(token: Token, knowledge: Knowledge) -> VerbPattern | None:
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass")):
        pos = "VERB"  # a copula heading its clause ("Steinberg was in Beijing") is the verb
    else:
        pos = "NOUN" if token.pos_ == "NOUN" else None
    if pos is None:
        return None
    lemma = token.lemma_.lower()
    if pos == "VERB" and (pos, lemma) not in knowledge.patterns:
        lemma = _verb_base(token, knowledge) or lemma
    object_lemmas: set[str] | None = None  # found once, for the first pattern that asks
    for pattern in knowledge.patterns.get((pos, lemma), ()):
        if pattern.particle and not any(
            c.dep_ in ("prt", "prep", "advmod") and c.lower_ == pattern.particle for c in token.children
        ):
            continue
        if pattern.transitive and not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
            continue
        if pattern.object:
            if object_lemmas is None:
                # a noun's "object" is the word that kinds it: "hunger strike", "car bomb"
                # and a verb's object may be named by its modifier: "ended mediation efforts"
                # (the word as written too: "the wounded" is lemmatised as the verb "wound")
                object_lemmas = ({c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")}
                                 if pos == "NOUN" else {form for o in _objects(token, knowledge.cues) for w in _with_compounds(o)
                                                        for form in (w.lemma_.lower(), w.lower_)})
            # "was placed under house arrest": a phrasal pattern's object may be its particle's
            if pattern.object not in object_lemmas and not (pattern.particle and pattern.object in {
                    w.lemma_.lower() for g in _particle_objects(token, pattern.particle) for w in _with_compounds(g)}):
                continue
        return pattern
    return None


def _with_compounds(noun: Token) -> tuple[Token, ...]:
    """A noun and the nouns compounded with it ("mediation efforts" -> efforts, mediation)."""
    return (noun, *(c for c in noun.children if c.dep_ == "compound"))


def _particle_objects(token: Token, particle: str) -> list[Token]:
    """The objects of a verb's preposition ("placed under house arrest" -> "arrest")."""
    return [g for p in token.children if p.dep_ == "prep" and p.lower_ == particle for g in p.children if g.dep_ == "pobj"]


INFLECTIONS = {"VBD": ("ed",), "VBN": ("ed",), "VBG": ("ing",), "VBZ": ("es", "s")}


def _verb_base(token: Token, knowledge: Knowledge) -> str | None:
    """The dictionary verb an inflected form comes from, when the rule lemmatizer missed it
    ("staged" -> "stag"): strip the suffix, with or without a final "e" or a doubled
    consonant, and keep the first base the dictionary knows."""
    word = token.lower_
    for suffix in INFLECTIONS.get(token.tag_, ()):
        if not word.endswith(suffix) or len(word) <= len(suffix) + 2:
            continue
        stem = word[: -len(suffix)]
        for base in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else None):
            if base and ("VERB", base) in knowledge.patterns:
                return base
    return None


def _objects(token: Token, cues: Cues) -> list[Token]:
    """Direct objects, through quantities ("5 million dollars of aid" -> "aid")."""
    if _stative_passive(token, cues):  # "is opposed to French mediation"
        objects = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
    else:
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return [_past_partitive(o, cues) for head in objects for o in coordinated_heads(head)]


def _stative_passive(token: Token, cues: Cues) -> bool:
    """"Israel is opposed to", "Vietnam is committed to": a stance of the subject, not a passive."""
    return (token.lemma_.lower() in cues.stative_passives and token.tag_ == "VBN"
            and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in token.children)
            and not any(c.dep_ == "agent" for c in token.children))


def _past_partitive(head: Token, cues: Cues) -> Token:
    """"a group of Bangladeshi troops" -> "troops"."""
    for _ in range(2):
        if head.lemma_.lower() not in cues.partitive_nouns or any(c.dep_ == "poss" for c in head.children):
            break  # "China's deployment of an oil rig" is China's
        inner = next((g for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                      if g.dep_ == "pobj"), None)
        if inner is None:
            break
        head = inner
    return head


def _subject(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    for child in token.children:
        if child.dep_ == "agent":  # passive: "was attacked by rebels"
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _controlling_object(node: Token, cues: Cues) -> Token | None:
    """The object that does a verb's complement act ("forced X to leave", "allowed X to run"),
    unless the governor is one whose complement is coded through it ("urged X to …")."""
    if node.dep_ != "xcomp" or node.head.lemma_.lower() in cues.embedding_governors:
        return None
    return next((c for c in node.head.children if c.dep_ == "dobj"), None)


def reporting_verb(token: Token, cues: Cues) -> Token | None:
    """The verb of speech whose clause holds this token, if any."""
    node = token
    for _ in range(MAX_CLIMB):
        if node.dep_ in ("ccomp", "xcomp", "conj") and node.head.lemma_.lower() in cues.reporting_verbs:
            return node.head
        if node.dep_ not in CLIMB_FOR_SUBJECT or node.head.i == node.i:
            return None
        node = node.head
    return None


def source_heads(trigger: Token, context: ArticleActors, cues: Cues) -> tuple[list[Actor], str]:
    """Source actors and how they were found."""
    node, how, came_by = trigger, "subject", ""
    owned_role: str | None = None  # sector of "their forces" while its pronoun owner is looked for
    if (rejecter := _rejecter_of_proposal(trigger, cues)) is not None and (refuser := _subject(rejecter)) is not None:
        # "the UN rejected a call for its forces to be deployed": the one refusing is coded
        return resolve_all(refuser, context), "subject of the rejecting verb"
    if trigger.pos_ == "NOUN":
        owner = next((c for c in trigger.children if c.dep_ == "poss"), None)
        if owner is not None and (owners := resolve_all(owner, context)):
            return owners, "possessor"
        agents = [a for g in _prep_objects(trigger, "by") if g.head.head.i == trigger.i for a in resolve_all(g, context)]
        if agents:  # "rallies by the opposition", "visits by Chinese officials"
            return agents, "by-agent of the noun"
        # "Palestinian riots", "Israeli air strikes": a demonym (or an organisation's name) before
        # the event noun is its doer; a place before it may be its victim ("the Gaza blockade")
        doers = [a for c in trigger.children
                 if c.dep_ == "amod" or (c.dep_ == "compound" and c.ent_type_ in ("NORP", "ORG"))
                 for a in resolve_all(c, context)]
        # "US drone attacks", "Israeli army raids": the state before the instrument owns it and the act
        doers += [a for c in trigger.children if c.dep_ == "compound" and c.ent_type_ not in PLACE_ENTITIES
                  for m in c.children if m.dep_ in ("compound", "amod") and m.i in context.by_token
                  for a in resolve_all(m, context) if a not in doers]
        if owner is None and doers:
            return doers, "modifier of the noun"
        light = trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in cues.light_verbs
        if owner is not None and (owner.pos_ != "PRON" or not light):
            return [], "possessor"
        # "Israel mounted its invasion": the owner pronoun of a light verb's object is its subject
        # (not "Ukraine condemned its invasion", whose "its" may be anyone's)
        node, how, came_by = trigger.head, "subject of governing verb", trigger.dep_
    for _ in range(MAX_CLIMB):
        subject = _subject(node) if node.pos_ in ("VERB", "AUX") else None
        shared_passive = next((c for c in node.children if c.dep_ == "nsubjpass"), None) if came_by == "conj" else None
        if shared_passive is not None:
            # "X has been indicted by the court and will resign": X resigns, not the court
            return resolve_all(shared_passive, context), "subject of the coordinated passive"
        if subject is not None:
            subject = _past_partitive(subject, cues)
            if subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                return resolve_all(node.head, context), "relative clause antecedent"
            if not can_act(subject, context, cues.agentive_nouns):
                if names_anyone(subject, context):
                    return [], "subject is not an actor"
                break  # "the two powers should cooperate": the speaker may be the source
            actors = resolve_all(subject, context)
            if actors and owned_role is not None:
                return [replace(a, sector=owned_role, sector_assumed=False,
                                rule=f"{a.rule}; owner of a role with sector {owned_role}") for a in actors], how
            if actors:
                # "the Malian army and the rebels": a conjunct naming no state is a role of the sentence's only one
                roles = [r for c in coordinated_heads(subject)[1:] if not resolve_all(c, context)
                         for r in domestic_roles(c, context)]
                return actors + [r for r in roles if r not in actors], how
            if home := domestic_roles(subject, context):
                return home, f"{how}, role in the sentence's only state"
            if (role := _role_owned_by_pronoun(subject, context)) and node.dep_ in PRONOUN_CLIMB:
                # "Bosnian Serbs said their forces had withdrawn": the owner's role, like a pronoun subject
                owned_role, came_by, node, how = role, node.dep_, node.head, "owner of the role in the clause above"
                continue
            if subject.pos_ == "PRON" and subject.lower_ not in RELATIVE_PRONOUNS and node.dep_ in PRONOUN_CLIMB:
                # "the party said it will boycott…", "bombers killed 23 when they blew themselves up":
                # a pronoun no earlier sentence resolved stands for the subject of the clause above
                came_by, node, how = node.dep_, node.head, "subject of the clause above the pronoun"
                continue
            if subject.pos_ != "PRON" or subject.lower_ in DEMONSTRATIVES:
                # "the UNITA militarist wing refused …, the UN mission said": a doer the dictionaries
                # do not know is not the speaker; nor is "that" in "as that would reward the regime"
                return [], "subject is an unknown actor"
            break
        passive_subject = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
        if passive_subject is not None and _stative_passive(node, cues):
            return resolve_all(passive_subject, context), "subject of the stance"
        if passive_subject is not None:
            if node.i != trigger.i and came_by == "prep" and node.lemma_.lower() in cues.participation_verbs:
                return resolve_all(passive_subject, context), "subject of the verb of taking part"
            if node.i != trigger.i and came_by == "xcomp":
                # "Kenya is expected to condemn": the passive's subject does the complement's act
                return resolve_all(passive_subject, context), "subject of raising verb"
            return [], "passive without agent"  # the doer is not named, and is not the speaker
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            described = resolve_all(node.head, context)
            proposal = _rejecter_of_proposal(node, cues) is not None
            if described or node.head.dep_ != "dobj" or not (
                    proposal or node.head.lemma_.lower() in cues.statement_nouns | ATTEMPT_NOUNS):
                return described, "noun modified by the clause"
            # "issued a declaration demanding …": the declaration's issuer demands; "made an attempt to …"
            came_by, node, how = node.dep_, node.head.head, "subject of the verb of the modified noun"
            continue
        if node.dep_ not in CLIMB_FOR_SUBJECT or node.head.i == node.i:
            break
        controller = _controlling_object(node, cues)
        if controller is not None:
            # "ordered the newspaper to suspend publication": the newspaper would suspend
            return resolve_all(controller, context), "object of the controlling verb"
        came_by = node.dep_
        node, how = node.head, "subject of governing verb"
    reporter = reporting_verb(trigger, cues)
    if reporter is not None and (subject := _subject(reporter)) is not None and can_act(subject, context, cues.agentive_nouns):
        return resolve_all(subject, context), "speaker of reported clause"
    return [], "none"


def _role_owned_by_pronoun(head: Token, context: ArticleActors) -> str | None:
    """The sector of a role owned by a personal pronoun ("their forces", "its army")."""
    role = context.by_token.get(head.i)
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in ("its", "their") for c in head.children)
    if not owned or role is None or role.kind != "agent":
        return None
    return role.entry.sector


def _prep_objects(token: Token, word: str, cues: Cues | None = None) -> list[Token]:
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if token.pos_ == "NOUN":  # "the withdrawal of forces from Panama": the noun's object holds it
        objects += [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    # "suspended part of an aid program for Bosnia": the counted thing holds the preposition
    inner = [_past_partitive(o, cues) for o in objects] if cues is not None else []
    holders = [token] + objects + [i for i in inner if i not in objects]
    if token.dep_ == "compound":  # "a mediation effort between X and Y"
        holders.append(token.head)
    found = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ in ("prep", "dative", "prt") and prep.lower_ == word:
                found.extend(g for g in prep.children if g.dep_ == "pobj")
    return found


def _slot(trigger: Token, slot: str, cues: Cues) -> list[Token]:
    if slot == "dobj":
        direct = [c for c in trigger.children if c.dep_ == "dobj"] + _up_to_number(trigger)
        passive = [c for c in trigger.children if c.dep_ == "nsubjpass"] if _subject(trigger) is not None else []
        return direct + passive
    if slot == "dative":
        return [c for c in trigger.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"] + _prep_objects(trigger, "to")
    if slot == "attr":
        return [c for c in trigger.children if c.dep_ == "attr"]
    if slot == "ccomp_subject":
        return [s for c in trigger.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
    if slot == "xcomp_object":  # "threatened to expel the envoy of X"
        return [o for c in trigger.children if c.dep_ == "xcomp" for o in c.children if o.dep_ == "dobj"]
    if slot == "condition_subject":  # "threatened to … unless Baghdad accepted": the one who must act
        return [s for c in trigger.subtree if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    if slot == "complement":  # "offered to hand over to Great Britain …": the act's participant
        return _complement_participants(trigger)
    if slot == "told":
        reporter = reporting_verb(trigger, cues)
        if reporter is None:
            return []
        return [c for c in reporter.children if c.dep_ in ("dobj", "dative")] + _prep_objects(reporter, "to")
    return _prep_objects(trigger, slot.split(":", 1)[1], cues)


def _up_to_number(trigger: Token) -> list[Token]:
    """"kidnapped up to 16 advisers": the small model reads "up" as the verb's particle and
    "16 advisers" as the object of "to"; the counted phrase is the verb's object."""
    return [g for up in trigger.children if up.dep_ == "prt" and up.lower_ == "up"
            for to in up.children if to.dep_ == "prep" and to.lower_ == "to"
            for g in to.children if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)]


def _complement_participants(trigger: Token) -> list[Token]:
    """Objects inside the trigger's complement clause, nearest first."""
    found: list[Token] = []
    frontier = [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp")]
    for _ in range(5):  # "would like to see more visits by Chinese officials": five links down
        found.extend(t for t in frontier if t.dep_ in ("dobj", "dative", "pobj") and t.pos_ in ("PROPN", "NOUN"))
        frontier = [c for t in frontier for c in t.children if c.dep_ not in ("relcl", "advcl", "nsubj")]
    return found


def _advised(trigger: Token, cues: Cues) -> bool:
    return any(_auxiliaries(node) & cues.advisory_auxiliaries for node, _ in clause_chain(trigger, cues))


def _conditional(trigger: Token, markers: tuple[str, ...] = ("unless", "if")) -> bool:
    return any(c.dep_ == "advcl" and any(m.lower_ in markers for m in c.children) for c in trigger.children)


def _plain_future(trigger: Token, cues: Cues) -> bool:
    """"will"/"shall" on the trigger itself (or the verb it is coordinated with)."""
    node, backshifted = trigger, _backshifted(trigger, cues)
    while node.dep_ == "conj" and node.head.i != node.i:
        if _auxiliaries(node, backshifted) & cues.future_auxiliaries:
            return True
        node = node.head
    return bool(_auxiliaries(node, backshifted) & cues.future_auxiliaries)


def target_actors(trigger: Token, pattern: VerbPattern, context: ArticleActors, cues: Cues,
                  avoid: frozenset[str] = frozenset()) -> tuple[list[Actor], str | None]:
    """Target actors from the first pattern slot that holds an actor, and that slot's name.

    A direct slot holding a phrase that names no actor stops the search ("condemned the
    attack" has a target, just not a state), except for a preposition of the verb itself
    after a thing given ("provided photographs to Macedonia"). Indirect slots (a complement
    clause, the addressee of a report) are only consulted, never binding.
    """
    blocked: str | None = None
    place: list[Actor] | None = None  # where the act happened, looked up once when first needed
    for slot in pattern.targets:
        if blocked is not None and not slot.startswith("prep:"):
            continue
        # "on Friday", "in March": a time expression is never the slot's participant, and must not
        # block the search for one ("expelled Russian diplomats on Friday"); but a name the tagger
        # ran into a time ("on Kyiv overnight") is still the name
        heads = [_past_partitive(h, cues) for h in _slot(trigger, slot, cues)  # "dozens of protesters"
                 if h.ent_type_ not in ("DATE", "TIME") or h.i in context.by_token]
        if blocked is not None:  # only the verb's own prepositions, not the blocked object's
            heads = [h for h in heads if h.head.head.i == trigger.i]
        actors = [a for h in heads for a in resolve_all(h, context, avoid)]
        if actors:
            return actors, slot
        home = [a for h in heads if blocked is None for a in domestic_roles(h, context, avoid) if a.country in avoid]
        if home and slot not in INDIRECT_SLOTS and place is None:
            place = _place_of_act(trigger, context, cues)
        if home and (slot in INDIRECT_SLOTS or not place):
            return home, f"{slot} (role in the sentence's only state)"
        if heads and slot not in INDIRECT_SLOTS and blocked is None:
            owners = [a for h in heads for a in _owners_of(h, context, avoid)]
            if owners:
                return owners, f"{slot} (owner)"
            victims = [a for h in heads if pattern.code[:2] in HOSTILE_ROOTS for a in _aimed_at(h, context)]
            if victims:
                return victims, f"{slot} (aimed at)"
            acted_on = pattern.code[:2] in PLACE_TARGET_ROOTS  # only acts done to a place place a role
            # "air strikes on Aleppo", "shelled Juba": a place acted on stands for its state
            spots = [a for h in heads if acted_on and h.ent_type_ in PLACE_ENTITIES
                     for a in [resolve_place(h, context)] if a is not None]
            if spots:
                return spots, f"{slot} (place)"
            if acted_on and not place:
                place = _place_of_act(trigger, context, cues, tuple(heads))
            placed = [a for h in heads if acted_on and place
                      for a in [role_in_state(h, place[0].country, context, "at the place of the act")] if a]
            if placed:
                return placed, f"{slot} (placed)"
            if all(h.dep_ == "pobj" and h.head.head.i != trigger.i for h in heads):
                continue  # the object's own phrase ("changes to the deal") leaves the object slot open
            blocked = slot
    # "mobilized reservists for a possible war against Iraq": force readied for a named fight
    readied = [a for g in _prep_objects(trigger, "for") if pattern.code[:2] in HOSTILE_ROOTS and g.head.head.i == trigger.i
               for a in _aimed_at(g, context)]
    if readied:
        return readied, "prep:for (aimed at)"
    # a place stands for its state as target only of acts done to a place: material acts
    # ("lifted a curfew in Montenegro") and protests, not words ("blamed weak demand in China")
    if pattern.code[:2] in PLACE_TARGET_ROOTS:
        place = _place_of_act(trigger, context, cues) if place is None else place
        if not place and (verb := _governing_verb(trigger)) is not None:
            place = _place_of_act(verb, context, cues)  # "remained on alert in the West Bank"
        if place:
            return place, "place of the act"
    return [], blocked


def _governing_verb(noun: Token) -> Token | None:
    """The verb an event noun is the object of, directly or through a preposition."""
    if noun.pos_ != "NOUN":
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    return verb if verb is not None and verb.pos_ == "VERB" else None


OWNER_PREPOSITIONS = {"of", "by", "with", "from"}
PROMISE_NOUNS = {"commitment", "promise", "pledge", "undertaking", "guarantee"}
# Threats, force postures, cuts, coercion and violence are aimed at whom their object names
# after "against/at"; words of disapproval are not ("condemned the attack on Kenya").
HOSTILE_ROOTS = {"13", "15", "16", "17", "18", "19", "20"}
AIMING_PREPOSITIONS = {"against", "at", "toward", "towards"}  # not "on": "a stronghold on the border"
# Acts a clause's subject shares with others, so a noun event before or after the clause is theirs too
SHARED_ACT_ROOTS = {"03", "04", "05", "06"}
THREAT_ROOT = "13"
APPEAL_ROOT = "02"
# urging others to back, defend or recognise a third party rallies support on its behalf (CAMEO 053)
BACKING_CODES = {"051", "052", "054"}
RALLYING_CODE = "053"
RALLYING_AGAINST_CODE = "113"
YIELDING_ROOTS = {"03", "04", "05", "06", "07", "08"}  # acts whose refusal CAMEO codes as 12x
PERMITTING_VERBS = {"allow", "permit", "let", "authorize", "authorise"}
REJECTING_VERBS = {"reject", "refuse", "decline"}  # each an embedding governor in cues.yaml
SOLE_STATE_ROLE = "role in the sentence's only state"
# visits, cooperation, aid, yielding and cutting ties: between states, rarely a role and its own state
INTERSTATE_ROOTS = {"04", "05", "06", "07", "08", "16"}
# appeals and demands are aimed at whom they address, and leave to act at whom it is given
ADDRESSED_ROOTS = {"02", "10", "08"}
OWN_DOER = ("possessor", "modifier of the noun", "by-agent of the noun")
# targets that only stand in for a missing participant
WEAK_TARGET_SLOTS = {"place of the act", "government of the source's state", "population of the source's state"}
SEQUENCE_PREPOSITIONS = {"after", "before", "following", "ahead"}
IRREGULAR_SECTORS = {"REB", "OPP", "CVL", "RAD", "CRM", "UAF"}  # no army: their force is CAMEO 18
UNIDENTIFIED_SECTOR = "UAF"
UNIDENTIFIED_ATTACKERS = "an attack with no named doer: unidentified attackers at the place"
FORCE_ROOTS = {"18", "19", "20"}
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
# not CVL: "Palestinians and Israelis failed to agree on the fate of Palestinian offices" names peoples
ORGANISED_NON_STATE_SECTORS = {"REB", "OPP", "RAD", "CRM", "PTY", "MED", "BUS", "LAB", "EDU", "NGO", "REL", "ELI"}
# sides a people may face within its own state ("Bosnian Serbs demanded a truce with Moslem forces")
NON_STATE_SIDES = ORGANISED_NON_STATE_SECTORS | {"MUS", "CHR", "JEW", "HIN", "BUD", "UAF"}
PROTEST_ROOT = "14"
DEMAND_ROOT = "10"
CALLED_OFF_PROTEST = "082"  # easing dissent, like protest, is aimed at the government
VOICED_ROOTS = {"02", "10", "11"}  # appeals, demands and criticism a protest voices
# Acts whose purpose clause states their motive, not a second event ("staged rallies to demand
# reforms", "opened fire to disperse the crowd"): one event, aimed where the purpose points
MOTIVATED_ROOTS = {"14", "17", "18", "19", "20"}


# Curfews, martial law and emergency rule, and their easing: CAMEO codes them with no named
# target as aimed at the population of the state that imposes them
POPULATION_CODES = ("1723", "1724", "0813", "0814")


def _unspanned(trigger: Token, country: str, sector: str, rule: str) -> Actor:
    """An actor the text implies but does not name: no span of its own (offsets point at the trigger)."""
    return Actor("", trigger.idx, trigger.idx, country, sector, rule)


def _implied_target(trigger: Token, sources: list[Actor], placed: list[Actor], slot: str | None, sector: str,
                    party: str, source_fits: Callable[[Actor], bool]) -> tuple[list[Actor], str | None]:
    """CAMEO's target for an act that names none: the `party` (government, population) of the state
    where it happened, else of the source's own state ("Chilean students demonstrated" -> CHL GOV)."""
    if placed:
        return [replace(t, sector=sector, rule=f"{t.rule}; {party} of the place") for t in placed], slot
    return ([_unspanned(trigger, s.country, sector,
                        f"'{s.text}' named no target: its state's {party} (CAMEO convention)")
             for s in sources if s.country and s.country != "IGO" and source_fits(s)][:1],
            f"{party} of the source's state")


GENERIC_FORCE_CODES = {"180", "190", "193", "202"}
SHELLING_CODE, AERIAL_CODE = "194", "195"
INSTRUMENT_PREPOSITIONS = {"in", "with", "by", "using"}
PLAIN_BOMB_WORDS = {"bomb", "bombing"}


def _weapons_named(trigger: Token, cues: Cues) -> list[tuple[str, str]]:
    """The weapons (with their CAMEO codes) a use of force names as its doer or means, most
    specific first: "suicide bombers killed" (1831), "killed in a car bomb explosion" (1832),
    "gunships killed" (195)."""
    subject = _subject(trigger) if trigger.pos_ == "VERB" else None
    phrases = ([subject] if subject is not None else []) + [
        g for prep in trigger.children if prep.dep_ in ("prep", "agent") and prep.lower_ in INSTRUMENT_PREPOSITIONS
        for g in prep.children if g.dep_ == "pobj"]
    found = []
    for phrase in phrases:
        lemmas = [t.lemma_.lower() for t in phrase.subtree if not t.is_punct]
        words = set(lemmas) | {f"{a} {b}" for a, b in zip(lemmas, lemmas[1:])}
        found += [(weapon, code) for weapon, code in cues.instruments.items() if weapon in words]
    return found


def _weapon_code(weapons: list[tuple[str, str]], code: str, source: Actor) -> str | None:
    """The first weapon's code that fits the source: an army's plain bombing is not CAMEO 183
    (non-military bombing)."""
    return next((weapon_code for weapon, weapon_code in weapons
                 if weapon not in PLAIN_BOMB_WORDS or source.sector in IRREGULAR_SECTORS or code.startswith("18")), None)


def _destination_of_purpose(trigger: Token, context: ArticleActors, cues: Cues, avoid: frozenset[str]) -> list[Actor]:
    """The state someone was sent to, for the act they were sent to do: "has sent personnel to
    Bosnia to investigate the feasibility …", "dispatched monitors to Georgia to observe …"."""
    if trigger.i not in {c.i for c in _purpose_clauses(trigger.head)} or trigger.head.lemma_.lower() not in SENDING_VERBS:
        return []
    return [a for g in _prep_objects(trigger.head, "to", cues) for a in resolve_all(g, context) if a.country not in avoid]


def _place_slot(slot: str | None) -> bool:
    """Whether the target stands for a place acted in or on ("blocked roads into Brussels")."""
    return slot is not None and (slot == "place of the act" or slot.endswith("(place)"))


def _doers_of_subject_event(trigger: Token, context: ArticleActors, knowledge: Knowledge) -> list[Actor]:
    """"Recent US drone attacks have killed eight militants": an event noun as the subject of a use of
    force is done by its own doer (its possessor, by-agent or demonym)."""
    subject = _subject(trigger) if trigger.pos_ == "VERB" else None
    if subject is None or subject.pos_ != "NOUN" or find_pattern(subject, knowledge) is None:
        return []
    doers, how = source_heads(subject, context, knowledge.cues)
    return doers if how in OWN_DOER else []


def _unidentified_attackers(trigger: Token, pattern: VerbPattern, context: ArticleActors, cues: Cues) -> list[Actor]:
    """"Three soldiers were killed by a roadside bomb outside Basra": a weapon named with no one
    using it is the act of unidentified attackers in the state where it went off (as ICEWS codes
    them); no text span of their own. Not an explosion alone: a gas blast is no attack. An
    abduction or an assassination is an attack whatever the weapon ("a journalist was kidnapped")."""
    if not _weapons_named(trigger, cues) and pattern.code[:3] not in ATTACKER_ONLY_CODES:
        return []
    subject = _subject(trigger) if trigger.pos_ == "VERB" else None
    place = _place_of_act(trigger, context, cues, (subject,) if subject is not None else ())
    if not place and trigger.dep_ == "acl" and (verb := _governing_verb_of_subject(trigger.head)) is not None:
        place = _place_of_act(verb, context, cues)  # "an attempt to assassinate X was thwarted in Y"
    return [_unspanned(trigger, p.country, UNIDENTIFIED_SECTOR, f"attack in {p.text or p.country} by no one named")
            for p in place[:1] if p.country and p.country != "IGO"]


def _place_authorities(trigger: Token, pattern: VerbPattern, context: ArticleActors, cues: Cues) -> list[Actor]:
    """"A missionary was arrested in Lebanon": what only a state does to people, in a passive
    naming no one doing it, is done by the authorities where it happened; no text span of their own."""
    state_only = pattern.code[:2] in STATE_ONLY_ROOTS or pattern.code[:3] in STATE_ONLY_CODES
    if not state_only or not any(c.dep_ == "nsubjpass" for c in trigger.children):
        return []
    # "put under investigation in Italy": the place may hang on the particle's object
    under = tuple(_particle_objects(trigger, pattern.particle)) if pattern.particle else ()
    place = _place_of_act(trigger, context, cues, under)
    sector = "COP" if pattern.code[:3] in POLICE_CODES else "GOV"
    return [_unspanned(trigger, p.country, sector, f"act of the state in {p.text or p.country}, no one named doing it")
            for p in place[:1] if p.country and p.country != "IGO"]


# investigating, arresting, detaining, expelling and trying people are acts of a state
STATE_ONLY_ROOTS = {"09"}
STATE_ONLY_CODES = {"173", "174"}
POLICE_CODES = {"173"}
PLACE_AUTHORITIES = "a state's act with no one named doing it: the authorities of the place"
ATTEMPT_NOUNS = {"attempt"}  # a noun coded like its verb when it governs the act
ATTACKER_ONLY_CODES = {"181", "185", "186"}  # abducting, trying to kill and killing a leader: never accidents


def _governing_verb_of_subject(noun: Token) -> Token | None:
    """The verb a noun is the subject of ("an attempt … was thwarted")."""
    return noun.head if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX") else None


MOVEMENT_CODES = {"042", "150"}  # travel and deployment
SENDING_VERBS = {"send", "dispatch", "deploy"}
PEACEKEEPING_CODE = "074"
WITHDRAWAL_CODES = {"087"}
PEACEKEEPERS_WITHDRAWN_CODE = "1661"


def _moves_peacekeepers(trigger: Token, cues: Cues) -> bool:
    """Whether those who arrive or are deployed (the subject, or the object deployed) keep the peace."""
    movers = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(t.lemma_.lower() in cues.peacekeeping_words for m in movers for t in m.subtree)


def _passive_victims(trigger: Token, context: ArticleActors, country: str) -> list[Actor]:
    """Whom an agentless passive act befell, a role without a state taken as one of `country`."""
    return [a for s in trigger.children if s.dep_ == "nsubjpass"
            for a in (resolve_all(s, context) or [role_in_state(s, country, context, "at the place of the act")]) if a]


def _demand_addressees(trigger: Token, context: ArticleActors, cues: Cues, sources: list[Actor]) -> list[Actor]:
    """"reiterated its demand that Israel ease restrictions", "insisted on its demands that the
    government grant …": whoever the demanded clause says must act."""
    nouns = [c for c in trigger.children if c.dep_ == "dobj"] + [
        g for p in trigger.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    demanded = [n for n in nouns if n.lemma_.lower() in cues.content_nouns]
    # the parser often hangs the demand's clause on the verb ("reiterated its demand today that …")
    clauses = [c for n in nouns for c in n.children if c.dep_ in ("acl", "ccomp")]
    clauses += [c for c in trigger.children if c.dep_ == "ccomp"] if demanded else []
    for clause in clauses:
        subject = next((s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        # the rebels' demand on their own government is aimed at it; a state's demand on itself is none
        actors = [a for a in resolve_all(subject, context)
                  if not any(a.country == s.country and (a.sector == s.sector or None in (a.sector, s.sector))
                             for s in sources)] if subject is not None else []
        if actors:
            return actors
    return []


CROWD_NUMBERS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions", "ten", "tens"}


def _unnamed_protesters(trigger: Token, context: ArticleActors, cues: Cues) -> list[Actor]:
    """"Protests erupted in Tehran", "thousands marched in Cairo": a protest with no doer named
    is the act of the place's people (CAMEO codes them as civilians of that state); no text span
    of their own."""
    if trigger.pos_ == "VERB":
        # "Thousands demonstrated in Cairo": a crowd counted, not named
        subject = _subject(trigger)
        if subject is None or not (subject.pos_ == "NUM" or subject.lemma_.lower() in CROWD_NUMBERS):
            return []
        place = _place_of_act(trigger, context, cues)
    elif trigger.dep_ not in ("nsubj", "nsubjpass"):
        return []
    else:
        place = _place_of_act(trigger, context, cues) or _place_of_act(trigger.head, context, cues)
    return [_unspanned(trigger, p.country, "CVL", f"protest '{trigger.text}' in {p.text or p.country} with no named doer: its people")
            for p in place[:1] if p.country and p.country != "IGO"]


def _owners_of(thing: Token, context: ArticleActors, avoid: frozenset[str] = frozenset()) -> list[Actor]:
    """The actor a non-actor object belongs to: "rejected the demands of Ethiopia",
    "boycott all contact with the United States", "dismissed an appeal from the president"
    (a role of the source's own state). Not "on/against/to", which name its victim."""
    owners = [g for prep in thing.children if prep.dep_ == "prep" and prep.lower_ in OWNER_PREPOSITIONS
              for g in prep.children if g.dep_ == "pobj"]
    # "proposed Israeli changes", "the Iranian proposal": a demonym names whose thing it is
    owners += [m for m in thing.children if m.dep_ == "amod" and m.ent_type_ == "NORP"]
    # "reneged on its commitment to the Zambian people": a promise is owed to whom it was made
    if thing.lemma_.lower() in PROMISE_NOUNS:
        owners += [g for prep in thing.children if prep.dep_ == "prep" and prep.lower_ == "to" for g in prep.children if g.dep_ == "pobj"]
    # "the accusations made by Uganda"
    owners += [g for clause in thing.children if clause.dep_ == "acl"
               for agent in clause.children if agent.dep_ == "agent" for g in agent.children if g.dep_ == "pobj"]
    return [a for g in owners if not _common_place(g, context) for a in (
        resolve_all(g, context) or [r for r in domestic_roles(g, context, avoid) if r.country in avoid])]


def _common_place(head: Token, context: ArticleActors) -> bool:
    """"the besieged Bosnian town", "the capital Kabul": a place named by a common noun is where
    something happens ("withdrawal from the Bosnian town"), not whose it is."""
    if head.pos_ != "NOUN":
        return False
    role = context.by_token.get(head.i)
    return (role is None or role.kind != "agent") and resolve_place(head, context) is not None


def _aimed_at(thing: Token, context: ArticleActors) -> list[Actor]:
    """Who a hostile act's object is aimed at: "threatened action against Russia"."""
    return [a for prep in thing.children if prep.dep_ == "prep" and prep.lower_ in AIMING_PREPOSITIONS
            for g in prep.children if g.dep_ == "pobj" for a in resolve_all(g, context)]


def _placed_subject(trigger: Token, context: ArticleActors, cues: Cues) -> list[Actor]:
    """"Thousands of protesters marched in Nairobi": a role acting in a state's territory."""
    subject = _subject(trigger) if trigger.pos_ in ("VERB", "AUX") else None
    place = _place_of_act(trigger, context, cues) if subject is not None else []
    if not place:
        return []
    actor = role_in_state(_past_partitive(subject, cues), place[0].country, context, "at the place of the act")
    return [actor] if actor else []


def _purpose_clauses(trigger: Token) -> list[Token]:
    """To-infinitives with no subject of their own stating why the act was done: "blocked a road
    to show…", and of a light verb's event noun, "began a hunger strike to demand…"."""
    holders = [trigger] + ([trigger.head] if trigger.dep_ == "dobj" and trigger.pos_ == "NOUN" else [])
    return [c for h in holders for c in h.children
            if c.dep_ == "advcl" and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and not any(a.dep_ in SUBJECTS for a in c.children)]


PURPOSE_STEPS = {"dobj", "pobj", "prep", "poss", "compound", "conj", "xcomp", "ccomp"}


def _defied(trigger: Token, context: ArticleActors, cues: Cues) -> list[Actor]:
    """Whom dissent "in defiance of" or "in protest against" names."""
    stances = [g for p in trigger.children if p.dep_ == "prep" and p.lower_ == "in"
               for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in cues.defiance_nouns]
    defied = [g for stance in stances for p in stance.children if p.dep_ == "prep" and p.lower_ in DEFIED_PREPOSITIONS
              for g in p.children if g.dep_ == "pobj"]
    # an actor defied, or the owner of a thing defied ("in protest at Sweden's decision"); not
    # a manner ("against a Russian-style law" is Georgia's law)
    return [a for g in defied for a in (resolve_all(g, context) if can_act(g, context, cues.agentive_nouns) else [
        a for o in g.children if o.dep_ == "poss" for a in resolve_all(o, context)])]


DEFIED_PREPOSITIONS = {"of", "against", "at", "to", "over"}


def _purpose_targets(trigger: Token, context: ArticleActors, knowledge: Knowledge,
                     avoid: frozenset[str]) -> list[Actor]:
    """Whom an act's purpose clause is aimed at, nearest first ("to demand reforms by Suharto's
    government", "to show disapproval of the United States' policies"); not the actors' own state."""
    for clause in _purpose_clauses(trigger):
        pattern = find_pattern(clause, knowledge)
        if pattern is not None:
            found, slot = target_actors(clause, pattern, context, knowledge.cues, avoid)
            if found and slot not in INDIRECT_SLOTS and slot != "place of the act":
                return found
        frontier = [c for c in clause.children if c.dep_ in PURPOSE_STEPS]
        for _ in range(4):
            for word in frontier:
                actors = [a for a in resolve_all(word, context) if a.country not in avoid]
                if actors:
                    return actors
            frontier = [c for w in frontier for c in w.children if c.dep_ in PURPOSE_STEPS]
    return []


def _place_of_act(trigger: Token, context: ArticleActors, cues: Cues, aimed_at: tuple[Token, ...] = ()) -> list[Actor]:
    """A state named where the act happened or was directed ("lifted a curfew in Montenegro",
    "evacuated the wounded from a Bosnian town", "fired at targets in Jericho"): the verb's,
    its object's or the phrase it was aimed at's place phrase."""
    # "killed 23 people when they blew themselves up in Tel Aviv": a when-clause is the same act
    same_act = [c for c in trigger.children if c.dep_ == "advcl"
                and any(m.dep_ in ("advmod", "mark") and m.lower_ == "when" for m in c.children)]
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    # "exploded a series of bombs in Kabul": the counted thing holds the place
    inner = [i for o in objects for i in [_past_partitive(o, cues)] if i.i != o.i]
    # "blew up power lines leading into Kabul": where the object runs
    leading = [c for o in objects + inner for c in o.children if c.dep_ == "acl" and c.tag_ == "VBG"]
    holders = [trigger] + objects + inner + list(aimed_at) + same_act + leading
    for holder in holders:
        if holder in leading and len({a.country for a in _places_named_by(holder, context, cues)}) > 1:
            continue  # "a bridge spanning the Rhine from France to Germany" runs between states, not in one
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in cues.locative_prepositions:
                continue
            for place in prep_objects(prep):  # "outside of Basra"
                if place.lemma_.lower() in cues.non_place_nouns:
                    continue  # "in defiance of Chinese authorities" is no place
                # "at a jail in northern Israel": the named place may sit one phrase further in
                within = [g for p in place.children if p.dep_ == "prep" and p.lower_ in cues.locative_prepositions
                          for g in p.children if g.dep_ == "pobj"]
                for spot in (*within, place):  # the innermost named place: "the US embassy in Manila"
                    if spot.lemma_.lower() in BORDER_WORDS:
                        continue  # "near the Thai border" may be either side of it
                    # "in Iran, Libya and Sudan": every coordinated place
                    places = [a for one in coordinated_heads(spot) for a in [resolve_place(one, context)] if a is not None]
                    if places:
                        return places
    return []


def _places_named_by(clause: Token, context: ArticleActors, cues: Cues) -> list[Actor]:
    """Every state a clause's place phrases name, its objects' included."""
    return [a for prep in clause.subtree if prep.dep_ == "prep" and prep.lower_ in cues.locative_prepositions
            for place in prep_objects(prep) for a in [resolve_place(place, context)] if a is not None]


GOVERNING_STEPS = {"xcomp", "ccomp", "acl", "pobj", "prep", "pcomp", "acomp", "advcl", "dobj"}


def clause_chain(trigger: Token, cues: Cues) -> list[tuple[Token, str]]:
    """The trigger and the words governing it up to the sentence's reporting verb, each
    with the relation by which the chain reached it ("" for the trigger itself)."""
    chain, node = [(trigger, "")], trigger
    for _ in range(MAX_CLIMB):
        if node.head.i == node.i or node.dep_ in ("ROOT", "relcl", "parataxis"):
            break
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in cues.reporting_verbs:
            break
        chain.append((node.head, node.dep_))
        node = node.head
    return chain


def _auxiliaries(token: Token, backshifted: bool = False) -> set[str]:
    """Auxiliary words; in a clause reported in the past, "would" is the past of "will"
    ("Iraq said it would allow inspectors" reports an intent, not a hypothesis)."""
    words = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    return {"will" if backshifted and w == "would" else w for w in words}


def _backshifted(trigger: Token, cues: Cues) -> bool:
    """Indirect speech reported in the past; a direct quotation keeps its own tenses."""
    top = clause_chain(trigger, cues)[-1][0]
    if any(t.is_quote for t in top.sent if t.i < top.i):
        return False
    return top.dep_ == "ccomp" and top.head.lemma_.lower() in cues.reporting_verbs and top.head.tag_ == "VBD"


def mode_and_intent(trigger: Token, cues: Cues, own_doer: bool = False) -> tuple[str, bool]:
    """The event's mode, and whether it is a stated intent (promised, agreed, "will").

    Negation and governing verbs count only along complement links ("refused to meet"),
    not across coordination ("rejected X and threatened Y"); auxiliaries are shared by
    coordinated verbs ("will meet and sign").
    """
    negated = hypothetical = planned = intent = False
    coordinated_only = True
    backshifted = _backshifted(trigger, cues)
    wished = False
    for node, via in clause_chain(trigger, cues):
        if via and via != "conj":
            coordinated_only = False
        lemma = node.lemma_.lower()
        # "would be ready to host": the copula carries its adjective's wish
        wished = lemma in cues.polite_wishes or (via == "acomp" and wished)
        if own_doer and via:
            # "has not condemned Russia's invasion": a noun event with its own doer is a fact the
            # clause refers to; only words about the event itself ("preparations for Hu's visit") count
            planned |= via in GOVERNING_STEPS and (lemma in cues.planning_governors or lemma in cues.planning_nouns)
            continue
        # "would like", "would hope": a present wish, neither hypothetical nor future
        auxiliaries = _auxiliaries(node, backshifted and not wished)
        governs = via in GOVERNING_STEPS
        if coordinated_only or governs:
            if auxiliaries & cues.hypothetical_auxiliaries and not wished:
                hypothetical = True
            if auxiliaries & cues.future_auxiliaries:
                planned = True
            if auxiliaries & cues.intent_governors:
                intent = True
        if not via or governs:
            negated |= any(c.dep_ == "neg" for c in node.children)
            negated |= any(c.dep_ == "det" and c.lower_ in cues.negating_determiners for c in node.children)
            hypothetical |= any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children)
            # "… until Israel ends its war": a present-tense condition has not happened
            hypothetical |= node.tag_ in ("VBZ", "VBP", "VB") and any(
                c.dep_ == "mark" and c.lower_ in ("until", "before", "once") for c in node.children)
        if governs:
            # "refused to meet" negates the meeting; "blocked the border to protest" does not negate
            # the protest: a purpose clause is not the governor's complement
            negated |= lemma in cues.negating_governors and via != "advcl"
            planned |= lemma in cues.planning_governors or lemma in cues.planning_nouns
            intent |= lemma in cues.intent_governors
    if negated:
        return "negated", intent
    if hypothetical:
        return "hypothetical", intent
    return ("planned" if planned else "asserted"), intent


def _noun_event_allowed(trigger: Token, pattern: VerbPattern, knowledge: Knowledge) -> bool:
    """A noun is an event when owned ("Hu's visit"), hosted by a light verb ("held talks"),
    or an adjunct of its clause ("during a meeting with"); not when merely wished for. A
    modifier noun is the event of the noun it modifies when that one is no event word
    itself ("launched a mediation effort between")."""
    cues = knowledge.cues
    if trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN" and ("NOUN", trigger.head.lemma_.lower()) not in knowledge.patterns:
        trigger = trigger.head
    if any(c.dep_ == "poss" for c in trigger.children):
        return True
    while trigger.dep_ == "conj" and trigger.head.i != trigger.i:  # "launched artillery and rocket fire"
        trigger = trigger.head
    head = trigger.head
    if trigger.dep_ == "dobj" and head.lemma_.lower() in cues.light_verbs:
        return True
    if trigger.dep_ == "nsubj" and head.lemma_.lower() in cues.occurrence_verbs:
        return True  # "riots are continuing", "clashes erupted"
    # "killed civilians in an attack", "during talks with": the clause's subject takes part;
    # before or after the clause only in acts done together ("after a meeting with"):
    # "arrested protesters after demonstrations" are others' protests
    if trigger.dep_ == "pobj" and head.lower_ == "on" and trigger.tag_ == "NN" and not any(
            c.dep_ == "det" for c in trigger.children):
        return True  # a state one is in: "went on strike", "remained on high alert" (not "commented on the attack")
    if trigger.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in cues.gathering_verbs:
        return True  # "flew to Cairo for talks with", "converged on the capital for a rally"
    if trigger.dep_ != "pobj" or head.lower_ not in cues.event_prepositions:
        return False
    if head.head.pos_ == "NOUN" and find_pattern(head.head, knowledge) is not None:
        return False  # "opposed to mediation in peace negotiations": part of the other event's phrase
    return head.lower_ not in SEQUENCE_PREPOSITIONS or pattern.code[:2] in SHARED_ACT_ROOTS


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


def embedding_governor(trigger: Token, cues: Cues) -> Token | None:
    """The word whose complement clause holds this trigger's act, if it is an embedding governor."""
    node = trigger
    for _ in range(4):
        # a purpose clause serves the act it is the purpose of: "willing to send arms to help defend X"
        purpose = node.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in node.children)
        if node.dep_ == "acl" and node.head.pos_ == "NOUN" and node.head.lemma_.lower() in ATTEMPT_NOUNS:
            return node.head  # "an attempt to assassinate the governor"
        if (rejecter := _rejecter_of_proposal(node, cues)) is not None:
            return rejecter  # "rejected an invitation to attend talks": refusing the talks
        if (node.dep_ not in ("xcomp", "ccomp", "conj", "dobj") and not purpose) or node.head.i == node.i:
            return None
        if (node.dep_ in ("xcomp", "ccomp") or purpose) and node.head.lemma_.lower() in cues.embedding_governors:
            return node.head
        node = node.head
    return None


def _rallied_against(appeal: Token, context: ArticleActors) -> list[Actor]:
    """Whom the act an appeal asks for is "against" ("urged Muslims to rise up against the US")."""
    asked = [c for c in appeal.children if c.dep_ in ("xcomp", "advcl", "ccomp")]
    asked += [c for a in asked for c in a.conjuncts if c.i > a.i]
    return [a for act in asked for p in act.children if p.dep_ == "prep" and p.lower_ == "against"
            for g in p.children if g.dep_ == "pobj" for a in resolve_all(g, context)]


def _same_body(one: Actor, other: Actor) -> bool:
    """The same state, or the same international organisation (the Arab League is not the EU)."""
    return one.country == other.country and (one.country != "IGO" or one.text.lower() == other.text.lower())


def _through_governor(draft: Draft, governor: Token, context: ArticleActors, cues: Cues) -> Draft:
    """Recode an embedded act as what its governor does with it ("threatened to shell" -> 138)."""
    embedding = cues.embedding_governors[governor.lemma_.lower()]
    if governor.lemma_.lower() in cues.intent_governors and any(c.dep_ == "neg" for c in draft.trigger.children):
        if draft.code[:2] >= "10":
            return replace(draft, governor=governor)  # "promised not to attack": an attack that is not to be
        embedding = cues.embedding_governors["refuse"]  # "vowed not to return the Golan Heights" refuses to yield
    code = embedding.code_for(draft.code)
    if code == draft.code and governor.lemma_.lower() in cues.negating_governors:
        return replace(draft, governor=governor)  # "failed to condemn" stays a condemnation that did not happen
    mode, _ = mode_and_intent(governor, cues)
    rule = f"{draft.rule}; embedded under '{governor.text}' -> {code}"
    target, target_slot = draft.target, draft.target_slot
    addressed = [a for o in governor.children if o.dep_ in ("dobj", "dative") for a in resolve_all(o, context)
                 if not _same_body(a, draft.source)] if code[:2] in ADDRESSED_ROOTS else []
    if addressed:
        # "urged Uganda to support Somalia" is an appeal to Uganda (CAMEO codes the addressee);
        # "allowed the opposition leader to hold a rally" yields to the opposition leader
        target, target_slot = addressed[0], "object of the governing verb"
        rule = f"{rule}; target: the one appealed to"
    elif code[:2] == THREAT_ROOT and (target is None or target_slot in WEAK_TARGET_SLOTS):
        # "threatened to ban voting in Jerusalem if Hamas ran": the threat is aimed at whoever
        # must act to avert it, not at the place of the threatened act
        warned = [a for s in _slot(governor, "condition_subject", cues) for a in resolve_all(s, context)
                  if a.country != draft.source.country]
        if warned:
            target, target_slot = warned[0], "condition_subject"
            rule = f"{rule}; target: subject of the condition"
    return Draft(draft.trigger, draft.pattern, code, draft.source, target, mode, rule, draft.source_how, governor, target_slot)


WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def is_about_sport(sent: Span, cues: Cues) -> bool:
    """A match report names states ("France beat Germany 2-1") but codes no political event."""
    text = sent.text
    words = WORD.findall(text.lower())
    pairs = (f"{first} {second}" for first, second in zip(words, words[1:]))
    return (any(w in cues.sports_words for w in words) or any(p in cues.sports_words for p in pairs)
            or bool(cues.score_pattern.search(text)))


@dataclass(frozen=True, slots=True)
class TokenIndex:
    """Where in a Doc triggers and obligation auxiliaries may be, read from its arrays once:
    most tokens are neither, and a spaCy Token object for each costs more than the test."""

    triggers: tuple[int, ...]
    obligations: tuple[int, ...]
    reporting: tuple[int, ...]  # verbs of speech, by lemma

    @classmethod
    def of(cls, doc: Doc, knowledge: Knowledge) -> TokenIndex:
        triggers, obligations, reporting = knowledge.trigger_ids, knowledge.obligation_ids, knowledge.reporting_ids
        rows = doc.to_array([LEMMA, LOWER]).tolist() if len(doc) else []
        return cls(tuple(i for i, (lemma, lower) in enumerate(rows) if lemma in triggers or lower in triggers),
                   tuple(i for i, (_, lower) in enumerate(rows) if lower in obligations),
                   tuple(i for i, (lemma, _) in enumerate(rows) if lemma in reporting))


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
        if pattern is None or (pattern.pos == "NOUN" and not _noun_event_allowed(trigger, pattern, knowledge)):
            continue
        found = list(_drafts_for(trigger, pattern, context, knowledge))
        if pattern.object and found:  # "held talks with": coded once, by the verb's pattern
            consumed.update(w.i for o in _objects(trigger, cues) for w in _with_compounds(o))
        drafts.extend(found)
    recoded = []
    for draft in drafts:
        governor = embedding_governor(draft.trigger, cues)
        # only an act the governor's own subject would do ("threatened to shell"); "demanded that
        # the US cancel …" keeps the demand, whose target is the one asked to act
        # a noun event with its own doer inside the clause ("match the EU's support") is not the governor's
        shared_subject = draft.source_how not in ("subject", f"subject, {SOLE_STATE_ROLE}", *OWN_DOER)
        if governor is not None and shared_subject:
            embedded, draft = draft, _through_governor(draft, governor, context, cues)
            if (draft.code[:2] == APPEAL_ROOT and embedded.code in BACKING_CODES and embedded.target is not None
                    and draft.target is not None and draft.target != embedded.target):
                # "urged the EC to support the PLO": an appeal to the EC, and rallying support for the PLO
                recoded.append(replace(draft, code=RALLYING_CODE, target=embedded.target, target_slot=embedded.target_slot,
                                       rule=f"{embedded.rule}; rallying others' backing under '{governor.text}' -> {RALLYING_CODE}"))
            # "refused to allow UN planes to land": a governed governor codes the act once more
            outer = embedding_governor(governor, cues)
            if outer is not None:
                draft = replace(_through_governor(draft, outer, context, cues), governor=governor)
        recoded.append(draft)
    # heads of "must"/"should" auxiliaries, in text order (not a scan of every token's children)
    auxiliaries = (doc[i] for i in index.obligations if sent.start <= i < sent.end)
    obliged_heads = sorted({a.head.i for a in auxiliaries if a.dep_ in ("aux", "auxpass")})
    obligations = [o for i in obliged_heads for o in _obligations(sent.doc[i], context, knowledge)]
    # what anyone must do is not done ("saying he must resign" is no resignation), demand or not
    obliged = set(obliged_heads)
    # what the obliged must do is the demand's content, not an act of theirs ("the US must be
    # ready to mediate" is no US offer)
    recoded = [d for d in recoded if not obliged or not any(node.i in obliged for node, _ in clause_chain(d.trigger, cues))]
    recoded += obligations
    if cues.condition_nouns.intersection(WORD.findall(sent.text.lower())):  # rare: scan tokens only then
        recoded += [d for t in sent if t.dep_ == "attr" and t.lower_ in cues.condition_nouns
                    for d in _preconditions(t, context, knowledge)]
    recoded = [d for d in recoded if (not _content_of_a_noun(d.trigger, cues) or _refused(d)) and not _only_permitted(d)]
    # A governor whose complement produced an event is coded through it, not again on its own.
    governors = {d.governor.i for d in recoded if d.governor is not None}
    # the purpose of a protest or of force is its motive, coded with it ("staged rallies to demand")
    motives = {c.i for d in recoded if d.code[:2] in MOTIVATED_ROOTS for c in _purpose_clauses(d.trigger)}
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


def _rejecter_of_proposal(node: Token, cues: Cues) -> Token | None:
    """The rejecting verb when a clause is the content of a proposal it rejects ("rejected an
    invitation to attend talks", "rejected calls to withdraw", "a call for its troops to be deployed")."""
    if node.dep_ in ("acl", "relcl") and node.head.lemma_.lower() in cues.content_nouns and node.head.dep_ == "dobj":
        verb = node.head.head
    elif (noun := _content_noun_before_infinitive(node, cues)) is not None and noun.dep_ == "dobj":
        verb = node.head
    else:
        return None
    return verb if verb.lemma_.lower() in REJECTING_VERBS else None


def _refused(draft: Draft) -> bool:
    return draft.governor is not None and draft.governor.lemma_.lower() in REJECTING_VERBS


def _only_permitted(draft: Draft) -> bool:
    """"allowed the opposition leader to hold a rally": the permission is the event (the yielding);
    the act permitted has not happened yet."""
    # (the parser reads "allowed X to hold talks" as an object and complement, or as a clause with X its subject)
    return draft.trigger.dep_ in ("xcomp", "ccomp") and draft.trigger.head.lemma_.lower() in PERMITTING_VERBS


def _content_of_a_noun(trigger: Token, cues: Cues) -> bool:
    """"demanded an admission by Moscow that its forces murdered …": the clause is what the noun
    claims or asks for; its act is not reported as done."""
    chain = clause_chain(trigger, cues)
    if any(via in ("acl", "ccomp", "xcomp") and _nominal(node) and node.lemma_.lower() in cues.content_nouns
           for node, via in chain[1:]):
        return True
    # "an agreement on carrying out a peaceful demonstration": what an agreement or claim is about
    if any(via == "prep" and prev_via == "pcomp" and _nominal(node) and node.lemma_.lower() in cues.content_nouns
           for (node, via), (_, prev_via) in zip(chain[2:], chain[1:])):
        return True
    if trigger.dep_ == "ccomp" and any(o.dep_ == "dobj" and o.lemma_.lower() in cues.content_nouns
                                       for o in trigger.head.children):
        return True  # "reiterated its demand today that Israel ease …", the clause hung on the verb
    # "a resolution that aims to impose a blockade": what a document is meant to do is not done
    for node, via in chain[1:]:
        if via in ("xcomp", "ccomp") and node.lemma_.lower() in cues.planning_governors:
            subject = _subject(node)
            if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                subject = node.head
            if subject is not None and _nominal(subject) and subject.lemma_.lower() in cues.document_nouns | cues.statement_nouns:
                return True
    return _content_noun_before_infinitive(trigger, cues) is not None


def _content_noun_before_infinitive(node: Token, cues: Cues) -> Token | None:
    """The small parser often hangs "rejected calls to withdraw" on the verb, as if a purpose
    clause: the content noun just before "to", an object of the same verb."""
    if node.dep_ != "advcl" or node.i < 2 or node.doc[node.i - 1].lower_ != "to":
        return None
    before = node.doc[node.i - 2]
    if before.head.i == node.head.i and _nominal(before) and before.lemma_.lower() in cues.content_nouns:
        return before
    return None


def _nominal(token: Token) -> bool:
    """A noun, or a word the tagger took for a verb in a noun's place ("the hostage-takers demands")."""
    return token.pos_ == "NOUN" or token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")


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


def _obligations(verb: Token, context: ArticleActors, knowledge: Knowledge) -> list[Draft]:
    """"Russia said that Sudan must return the helicopter": a demand by Russia on Sudan."""
    cues = knowledge.cues
    reporter = reporting_verb(verb, cues) or _issuer_of_statement(verb, cues)
    obliged = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if reporter is None or obliged is None:
        return []
    # the speaker: the reporting verb's subject, or, for a participle ("…, saying he must resign"),
    # the subject of the clause it belongs to
    speaker = _subject(reporter)
    sources = resolve_all(speaker, context) if speaker is not None else source_heads(reporter, context, cues)[0]
    # "President Kagame and his party must agree": a role naming no state is of the sentence's only one
    targets = resolve_all(obliged, context)
    if any(resolve_phrase(c, context) is None for c in coordinated_heads(obliged)):
        targets += [r for r in domestic_roles(obliged, context) if all(r.start != t.start for t in targets)]
    if not targets and obliged.pos_ == "PRON" and verb.dep_ == "acl":
        # "issued a reminder to Iraq that it must cooperate": "it" is the one the statement went to
        targets = [a for t in _slot(reporter, "dative", cues) for a in resolve_all(t, context)]
    act = find_pattern(verb, knowledge)
    code = cues.embedding_governors["demand"].code_for(act.code if act else "100")
    pattern = VerbPattern(verb.lemma_.lower(), "VERB", code, "data/cues.yaml (obligation in reported speech)")
    mode, _ = mode_and_intent(reporter, cues)
    rule = f"obligation '{verb.text}' reported by '{reporter.text}' -> {code}; source: speaker; target: obliged"
    return [Draft(verb, pattern, code, source, target, mode, rule, "speaker of reported clause", None)
            for source in sources for target in targets
            if source.country != target.country or None is not source.sector != target.sector is not None]


def _issuer_of_statement(verb: Token, cues: Cues) -> Token | None:
    """"issued a reminder to Iraq that it must cooperate": the verb that issued the statement
    whose content clause holds the verb."""
    statement = verb.head
    if verb.dep_ != "acl" or statement.lemma_.lower() not in cues.statement_nouns or statement.dep_ != "dobj":
        return None
    return statement.head


def _preconditions(condition: Token, context: ArticleActors, knowledge: Knowledge) -> list[Draft]:
    """"X said that removing UN sanctions was a precondition for talks": a demand by the speaker
    on the first other actor the condition names."""
    cues = knowledge.cues
    copula = condition.head
    reporter = reporting_verb(copula, cues)
    speaker = _subject(reporter) if reporter is not None else None
    subject = next((c for c in copula.children if c.dep_ in ("csubj", "nsubj", "nsubjpass")), None)
    if speaker is None or subject is None:
        return []
    sources = resolve_all(speaker, context)
    own = {s.country for s in sources}
    named = next((found for t in subject.subtree
                  if (found := [a for a in resolve_all(t, context) if a.country not in own])), [])
    pattern = VerbPattern(condition.lemma_.lower(), "NOUN", "100", "data/cues.yaml (condition_nouns)")
    mode, _ = mode_and_intent(reporter, cues)
    rule = f"condition '{condition.text}' stated by '{reporter.text}' -> 100; source: speaker; target: named in the condition"
    return [Draft(condition, pattern, "100", source, target, mode, rule, "speaker of reported clause", None)
            for source in sources for target in named[:1]]


def _drafts_for(trigger: Token, pattern: VerbPattern, context: ArticleActors, knowledge: Knowledge) -> Iterator[Draft]:
    cues = knowledge.cues
    sources, how = source_heads(trigger, context, cues)
    # "people rallied in Lyon in support of Ukraine": where a role acts says whose it is, before
    # the sentence's only named state does
    if (not sources or how.endswith(SOLE_STATE_ROLE)) and pattern.code[:2] in PLACE_TARGET_ROOTS and (
            placed := _placed_subject(trigger, context, cues)) and placed[0].country not in {s.country for s in sources}:
        sources, how = placed, "role placed by the place of the act"
    if not sources and pattern.code[:2] == PROTEST_ROOT and (crowd := _unnamed_protesters(trigger, context, cues)):
        sources, how = crowd, "protest with no named doer: people of the place"
    if not sources and pattern.code[:2] in FORCE_ROOTS and (doers := _doers_of_subject_event(trigger, context, knowledge)):
        sources, how = doers, "doer of the attack named as subject"  # "Israeli air strikes killed 12"
    if not sources and pattern.code[:2] in FORCE_ROOTS and (attackers := _unidentified_attackers(trigger, pattern, context, cues)):
        sources, how = attackers, UNIDENTIFIED_ATTACKERS
    authorities = _place_authorities(trigger, pattern, context, cues) if not sources and how == "passive without agent" else []
    if authorities:
        sources, how = authorities, PLACE_AUTHORITIES
    if not sources and how == "passive without agent" and pattern.code in WITHDRAWAL_CODES:
        # "80 UN peacekeepers were shipped out of Gorazde": those withdrawn withdraw
        sources, how = [a for s in trigger.children if s.dep_ == "nsubjpass" for a in resolve_all(s, context)], "those withdrawn"
    # a target phrase naming the source's state and another ("US-China co-operation") is the other
    own_states = frozenset(s.country for s in sources if s.country)
    targets, slot = target_actors(trigger, pattern, context, cues, own_states)
    if how == PLACE_AUTHORITIES and (held := _passive_victims(trigger, context, sources[0].country)):
        targets, slot = held, "subject of the passive"  # "a US national was put under investigation in Italy"
    if how == UNIDENTIFIED_ATTACKERS and (not targets or slot == "place of the act") and (
            victims := _passive_victims(trigger, context, sources[0].country)):
        targets, slot = victims, "subject of the passive"  # "a journalist was killed in a car bomb explosion"
    # "blocked roads into Brussels to protest EU policies": a protest's stated purpose names whom
    # it is aimed at before the place it happens in does
    protest_place = pattern.code[:2] == PROTEST_ROOT and slot is not None and slot.startswith("prep:") and (
        slot.split(":", 1)[1].split(" ", 1)[0] in cues.locative_prepositions)
    if (sources and pattern.code[:2] in MOTIVATED_ROOTS and (not targets or _place_slot(slot) or protest_place)
            # not the actors themselves ("protesters … to demand the release of jailed activists")
            and (aimed := [a for a in _purpose_targets(trigger, context, knowledge, own_states)
                           if not any(a.country == s.country and a.sector == s.sector for s in sources)])):
        targets, slot = aimed, "purpose clause"
    if sources and pattern.code[:2] == PROTEST_ROOT and (not targets or _place_slot(slot) or protest_place) and (
            defied := _defied(trigger, context, cues)):
        targets, slot = defied, "what the protest defies"  # "blocked streets in defiance of the authorities"
    if sources and not targets and (sent_to := _destination_of_purpose(trigger, context, cues, own_states)):
        targets, slot = sent_to, "where those sent to do it went"  # "sent personnel to Bosnia to investigate"
    if sources and not targets and pattern.code[:2] == DEMAND_ROOT and (
            asked := _demand_addressees(trigger, context, cues, sources)):
        targets, slot = asked, "subject of the demand's clause"
    if sources and pattern.code in POPULATION_CODES and (not targets or slot == "place of the act"):
        targets, slot = _implied_target(trigger, sources, targets, slot, "CVL", "population",
                                        lambda s: s.sector in ("GOV", "MIL", "COP", None))
    if sources and (pattern.code[:2] == PROTEST_ROOT or pattern.code == CALLED_OFF_PROTEST) and (
            not targets or slot == "place of the act"):
        # a protest with no named target is directed at the government where it happens
        targets, slot = _implied_target(trigger, sources, targets, slot, "GOV", "government",
                                        lambda s: s.sector != "GOV")
    if sources and pattern.code[:2] == APPEAL_ROOT and pattern.pos == "VERB":
        # "called on Arabs to mobilize against Sharon": an appeal for action against someone rallies
        # opposition to them (CAMEO 113), whether or not those appealed to are actors
        mode, _ = mode_and_intent(trigger, cues)
        for source in sources:
            for opposed in _rallied_against(trigger, context):
                if not _same_body(opposed, source):
                    yield Draft(trigger, pattern, RALLYING_AGAINST_CODE, source, opposed, mode,
                                f"pattern {pattern.origin} ({pattern.lemma}); source: {how}; rallying action against "
                                f"'{opposed.text}' -> {RALLYING_AGAINST_CODE}", how, target_slot="whom the appeal rallies against")
    reciprocal = pattern.symmetric and len(sources) > 1  # "Israel and Hamas agreed to a ceasefire"
    if not sources or (slot is not None and not targets and not reciprocal and not pattern.no_target):
        return
    mode, intent = mode_and_intent(trigger, cues, own_doer=trigger.pos_ == "NOUN" and how in OWN_DOER)
    if mode == "asserted" and how != "speaker of reported clause" and _advised(trigger, cues):
        mode = "hypothetical"  # someone says the source should act; the source's own words are its act
    code = pattern.code
    if intent and pattern.intent_code and (mode == "planned" or trigger.pos_ in ("NOUN", "PROPN")):
        # the intent is stated now; its future is the code ("will send aid", "pledged aid")
        code, mode = pattern.intent_code, "asserted"
    elif mode == "hypothetical" and code[:2] >= "10" and _conditional(trigger):
        # "may halt its mediation if the parties …": a hostile act held out on a condition is a threat
        code, mode = cues.embedding_governors["threaten"].code_for(code), "asserted"
    elif mode == "negated" and code[:2] in YIELDING_ROOTS and _plain_future(trigger, cues) and (
            any(c.dep_ == "neg" for c in trigger.children)):
        # "said it would not attend the talks", "will not accept more refugees": a refusal, stated now
        code, mode = cues.embedding_governors["refuse"].code_for(code), "asserted"
    elif mode == "planned" and _plain_future(trigger, cues):
        # "will withdraw its force unless …": a future act on a condition is a threat
        # … but "would meet the mediator if he gave them a veto" is a conditional offer: an intent
        threat = _conditional(trigger, ("unless",)) or (_conditional(trigger, ("if",)) and code[:2] >= "10")
        future = cues.embedding_governors["threaten"] if threat else cues.plain_future
        future_code = future.code_for(code)
        if future_code != code:
            code, mode = future_code, "asserted"
    if code in MOVEMENT_CODES and _moves_peacekeepers(trigger, cues):
        code = PEACEKEEPING_CODE  # "NATO peacekeeping troops arrived in Bosnia"
    elif code in WITHDRAWAL_CODES and _moves_peacekeepers(trigger, cues):
        code = PEACEKEEPERS_WITHDRAWN_CODE  # "UN peacekeepers were shipped out of Gorazde"
    seen: set[tuple[str | None, ...]] = set()
    weapons = _weapons_named(trigger, cues) if code in GENERIC_FORCE_CODES or code == SHELLING_CODE else []
    for source, target in _pairs(sources, targets, pattern, slot):
        # CAMEO: force used by those with no army is unconventional violence (18), not military (19);
        # a ban or sanction within one state is an administrative sanction (172), not an embargo;
        pair_code = "180" if code == "190" and source.sector in IRREGULAR_SECTORS else code
        if pair_code.startswith("163") and target is not None and target.country == source.country:
            pair_code = "172"
        if pair_code in GENERIC_FORCE_CODES and (weapon := _weapon_code(weapons, pair_code, source)):
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
            and (slot in INDIRECT_SLOTS or _place_slot(slot)) and all(t.country == source.country for t in targets))
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

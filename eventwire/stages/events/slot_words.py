"""The words a verb pattern's slot names (object, addressee, a preposition's object, the subject a
judgement is passed on), read from the parse: who or what they are is for slots.py to say."""

from __future__ import annotations

from spacy.tokens import Token

from ...knowledge import Cues
from .syntax import preposition_objects, relative_object, reporting_verb, subject_of, thing_named, to_infinitive


def slot_heads(trigger: Token, slot: str, cues: Cues) -> list[Token]:
    if slot == "dobj":
        direct = (
            (relative_object(trigger, cues) or [c for c in trigger.children if c.dep_ == "dobj"])
            + thing_named(trigger, cues)
            + _up_to_number(trigger)
            + _participle_read_as_verb(trigger)
        )
        passive = [c for c in trigger.children if c.dep_ == "nsubjpass"] if subject_of(trigger) is not None else []
        return direct + passive
    if slot == "dative":
        return [c for c in trigger.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"] + preposition_objects(
            trigger, "to"
        )
    if slot == "attr":
        return [c for c in trigger.children if c.dep_ == "attr"]
    if slot == "subject":  # "said the Ugandan move was illegal": what a judgement is passed on
        # "was selfish and irresponsible": a coordinated predicate shares its first's subject
        first = trigger.head if trigger.dep_ == "conj" and trigger.head.dep_ == "acomp" else trigger
        clause = first.head if first.dep_ in ("acomp", "attr") else first  # "was illegal", "was a provocation"
        return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if slot == "agent":  # "was disappointed by Chile's decision": what a feeling is felt at
        return [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if slot == "reaction_subject":  # "the strike drew condemnation from France": what drew the reaction
        verb = trigger.head
        drawn = trigger.dep_ == "dobj" and verb.lemma_.lower() in cues.reaction_verbs
        return [c for c in verb.children if c.dep_ == "nsubj"] if drawn else []
    if slot == "ccomp_subject":
        return [s for c in trigger.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
    if slot == "ccomp_passive_subject":
        # "warned that any incursion would be met with force": what a warning says will be done to (not
        # an infinitive's: "will not allow the country to be dragged into war" gives leave to no one)
        return [
            s
            for c in trigger.children
            if c.dep_ == "ccomp" and not to_infinitive(c)
            for s in c.children
            if s.dep_ == "nsubjpass"
        ]
    if slot == "xcomp_object":  # "threatened to expel the envoy of X"
        return [o for c in trigger.children if c.dep_ == "xcomp" for o in c.children if o.dep_ == "dobj"]
    if slot == "condition_subject":  # "threatened to … unless Baghdad accepted": the one who must act
        return [
            s
            for c in trigger.subtree
            if c.dep_ == "advcl" and any(m.lower_ in cues.condition_markers for m in c.children)
            for s in c.children
            if s.dep_ in ("nsubj", "nsubjpass")
        ]
    if slot == "complement":  # "offered to hand over to Great Britain …": the act's participant
        return _complement_participants(trigger)
    if slot == "told":
        reporter = reporting_verb(trigger, cues)
        if reporter is None:
            return []
        return [c for c in reporter.children if c.dep_ in ("dobj", "dative")] + preposition_objects(reporter, "to")
    return preposition_objects(trigger, slot.split(":", 1)[1], cues)


def _participle_read_as_verb(trigger: Token) -> list[Token]:
    """ "accused deposed President Bazoum of plotting": the parser reads the participle before the
    object as a verb of its own, unattached, and the object as its object."""
    return [
        o
        for c in trigger.children
        if c.dep_ in ("dep", "advcl")
        and c.tag_ in ("VBN", "VBD")
        and c.i == trigger.i + 1
        and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
        for o in c.children
        if o.dep_ == "dobj"
    ]


def _up_to_number(trigger: Token) -> list[Token]:
    """ "kidnapped up to 16 advisers": the small model reads "up" as the verb's particle and
    "16 advisers" as the object of "to"; the counted phrase is the verb's object."""
    return [
        g
        for up in trigger.children
        if up.dep_ == "prt" and up.lower_ == "up"
        for to in up.children
        if to.dep_ == "prep" and to.lower_ == "to"
        for g in to.children
        if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)
    ]


def _complement_participants(trigger: Token) -> list[Token]:
    """Objects inside the trigger's complement clause, nearest first."""
    found: list[Token] = []
    frontier = [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp")]
    for _ in range(5):  # "would like to see more visits by Chinese officials": five links down
        found.extend(t for t in frontier if t.dep_ in ("dobj", "dative", "pobj") and t.pos_ in ("PROPN", "NOUN"))
        frontier = [c for t in frontier for c in t.children if c.dep_ not in ("relcl", "advcl", "nsubj")]
    return found

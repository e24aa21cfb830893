"""Dependency-tree helpers the event stage shares: subjects, objects, prepositions, clause chains."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ...knowledge import Cues
from ..phrases import coordinated_heads

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


CLIMB_FOR_SUBJECT = {"xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "dobj", "acomp"}


MAX_CLIMB = 6


PLACE_ENTITIES = {"GPE", "LOC", "FAC"}  # not NORP: "killed two ethnic Hungarians" names a people
RELATIVE_ADVERBS = frozenset({"where", "when", "why", "whereby"})


def with_compounds(noun: Token) -> tuple[Token, ...]:
    """A noun and the nouns compounded with it ("mediation efforts" -> efforts, mediation)."""
    return (noun, *(c for c in noun.children if c.dep_ == "compound"))


def particle_objects(token: Token, particle: str) -> list[Token]:
    """The objects of a preposition the token itself governs ("placed under house arrest" -> "arrest",
    "talks with X" -> X)."""
    return [
        g for p in token.children if p.dep_ == "prep" and p.lower_ == particle for g in p.children if g.dep_ == "pobj"
    ]


def objects_of(token: Token, cues: Cues) -> list[Token]:
    """Direct objects, through quantities ("5 million dollars of aid" -> "aid")."""
    if stative_passive(token, cues):  # "is opposed to French mediation"
        objects = [
            g for p in token.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"
        ]
    else:
        objects = (
            relative_object(token, cues)
            or [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            or thing_named(token, cues)
        )
        if token.dep_ == "acl" and token.head.pos_ == "NOUN" and any(c.dep_ == "agent" for c in token.children):
            objects.append(token.head)  # "the talks, brokered by Qatar": what a participle's doer did is to its noun
    return [past_partitive(o, cues) for head in objects for o in coordinated_heads(head)]


def relative_object(verb: Token, cues: Cues) -> list[Token]:
    """ "the charge (which) Kyiv denied": a relative clause whose own subject is named and which has
    no object but its pronoun acts on the noun it describes."""
    own_objects = [
        c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in cues.relative_pronouns
    ]
    # "the town where militants attacked": a clause a relative adverb opens says where or when, not to what
    adverb = any(c.dep_ == "advmod" and c.lower_ in RELATIVE_ADVERBS for c in verb.children)
    if verb.dep_ != "relcl" or verb.head.pos_ != "NOUN" or own_objects or adverb:
        return []
    named_subject = any(c.dep_ == "nsubj" and c.lower_ not in cues.relative_pronouns for c in verb.children)
    return [verb.head] if named_subject else []


def thing_named(verb: Token, cues: Cues) -> list[Token]:
    """ "condemned what it called a coup", "rejected what Moscow described as interference": a verb with
    no object of its own whose complement names what "what" stands for acts on the thing named (the
    parser makes "what" the naming verb's object and its clause the verb's complement)."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return []
    for naming in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_.lower() in cues.naming_verbs):
        if not any(c.dep_ == "dobj" and c.lower_ == "what" and c.i < naming.i for c in naming.children):
            continue
        for child in (c for c in naming.children if c.i > naming.i):
            if child.dep_ in ("oprd", "dobj"):
                return [child]
            if child.dep_ == "prep" and child.lower_ == "as":
                return [g for g in child.children if g.dep_ == "pobj"]
    return []


def be_passive(token: Token) -> bool:
    """A participle with "be" as its passive auxiliary ("was opposed", "were disappointed")."""
    return token.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in token.children)


def stative_passive(token: Token, cues: Cues) -> bool:
    """ "Israel is opposed to", "Vietnam is committed to": a stance of the subject, not a passive."""
    return (
        token.lemma_.lower() in cues.stative_passives
        and be_passive(token)
        and not any(c.dep_ == "agent" for c in token.children)
    )


def past_partitive(head: Token, cues: Cues) -> Token:
    """ "a group of Bangladeshi troops" -> "troops"."""
    for _ in range(2):
        if head.lemma_.lower() not in cues.partitive_nouns or any(c.dep_ == "poss" for c in head.children):
            break  # "China's deployment of an oil rig" is China's
        inner = next(
            (g for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"),
            None,
        )
        if inner is None:
            break
        head = inner
    return head


def subject_of(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    for child in token.children:
        if child.dep_ == "agent":  # passive: "was attacked by rebels"
            return next((g for g in child.children if g.dep_ == "pobj"), None) or _participle_led(child)
    return None


def _participle_led(agent: Token) -> Token | None:
    """ "was detained by mutinying soldiers": the parser reads the participle as a gerund and the
    doers as its object."""
    return next(
        (o for g in agent.children if g.dep_ == "pcomp" and g.tag_ == "VBG" for o in g.children if o.dep_ == "dobj"),
        None,
    )


def controlling_object(node: Token, cues: Cues) -> Token | None:
    """The object that does a verb's complement act ("forced X to leave", "allowed X to run"),
    unless the governor is one whose complement is coded through it ("urged X to …"); "thanked
    Spain for backing the plan", "accused Iran of arming them": the one thanked or accused does it."""
    if node.dep_ == "pcomp" and node.head.lower_ in ("for", "of") and node.head.dep_ == "prep":
        return next((c for c in node.head.head.children if c.dep_ == "dobj"), None)
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


TOPIC_PREPOSITIONS = frozenset({"on", "about"})  # not "over": a cause ("cut ties with X over its ties with Y")


def preposition_objects(token: Token, word: str, cues: Cues | None = None) -> list[Token]:
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if token.pos_ == "NOUN":  # "the withdrawal of forces from Panama": the noun's object holds it
        objects += [
            g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
        ]
    # "suspended part of an aid program for Bosnia": the counted thing holds the preposition
    inner = [past_partitive(o, cues) for o in objects] if cues is not None else []
    holders = [token] + objects + [i for i in inner if i not in objects]
    if cues is not None:  # "discussed the crisis by telephone with Pashinyan": the means holds it
        holders += [
            g
            for p in token.children
            if p.dep_ == "prep"
            for g in p.children
            if g.dep_ == "pobj" and g.lemma_.lower() in cues.means_nouns
        ]
    # "a mediation effort between X and Y", "was furious at X", and a light verb's event noun:
    # "launched air strikes on Thursday on Sanaa"
    if token.dep_ in ("compound", "acomp") or (token.dep_ == "dobj" and token.pos_ == "NOUN"):
        holders.append(token.head)
    if token.dep_ == "compound" and token.head.dep_ == "dobj":
        holders.append(token.head.head)  # "launched a mediation effort on Saturday between X and Y"
    if word == "with":  # "halted negotiations on a trade deal with Turkey": the topic's counterpart
        holders += [
            g for o in (token, *objects) for p in o.children if p.lower_ in TOPIC_PREPOSITIONS for g in p.children
        ]
        # "was in contact with Iranian officials", "is at war with": the state one is in is with them
        holders += [
            g
            for p in token.children
            if p.dep_ == "prep" and p.lower_ in ("in", "at")
            for g in p.children
            if cues is not None and g.lemma_.lower() in cues.relation_states
        ]
    found: list[Token] = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ in ("prep", "dative", "prt") and prep.lower_ == word:
                found.extend(g for g in prep.children if g.dep_ == "pobj")
    return found


def named_by(noun: Token, cues: Cues) -> list[Token]:
    """Who an event noun says did it: "rallies by the opposition", else who carried it out."""
    return [g for g in preposition_objects(noun, "by") if g.head.head.i == noun.i] or carried_out_by(noun, cues)


def carried_out_by(noun: Token, cues: Cues) -> list[Token]:
    """ "talks hosted by Qatar": the agent of a light verb's participle on the event noun; or, where
    the parser hangs it on a later noun of the phrase ("a drone strike on a Saudi pipeline carried
    out by the Houthis"), of a phrasal one, which only acts take: "an attack on a rally organised by
    the opposition" or "on a town held by rebels" names who organised the rally or holds the town."""
    return [
        g
        for t in noun.subtree
        if t.dep_ == "acl"
        and t.lemma_.lower() in cues.light_verbs
        and (t.head.i == noun.i or any(c.dep_ == "prt" for c in t.children))
        for agent in t.children
        if agent.dep_ == "agent"
        for g in agent.children
        if g.dep_ == "pobj"
    ]


def governing_verb(noun: Token) -> Token | None:
    """The verb an event noun is the object of, directly or through a preposition."""
    if noun.pos_ != "NOUN":
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    return verb if verb is not None and verb.pos_ == "VERB" else None


def governing_verb_of_subject(noun: Token) -> Token | None:
    """The verb a noun is the subject of ("an attempt … was thwarted")."""
    return noun.head if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX") else None


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


def auxiliary_words(token: Token, backshifted: bool = False) -> set[str]:
    """Auxiliary words; in a clause reported in the past, "would" is the past of "will"
    ("Iraq said it would allow inspectors" reports an intent, not a hypothesis)."""
    words = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    return {"will" if backshifted and w == "would" else w for w in words}


def is_conditional(trigger: Token, markers: frozenset[str]) -> bool:
    # the parser leaves some clauses after a list unlabelled ("at targets in Ukraine or elsewhere if
    # Kiev fires …": dep); their subordinating "if" still makes them conditions
    return any(c.dep_ in ("advcl", "dep") and any(m.lower_ in markers for m in c.children) for c in trigger.children)


def purpose_clauses(trigger: Token) -> list[Token]:
    """To-infinitives with no subject of their own stating why the act was done: "blocked a road
    to show…", and of a light verb's event noun, "began a hunger strike to demand…"."""
    holders = [trigger] + ([trigger.head] if trigger.dep_ == "dobj" and trigger.pos_ == "NOUN" else [])
    return [
        c
        for h in holders
        for c in h.children
        if c.dep_ == "advcl"
        and c.pos_ == "VERB"
        and to_infinitive(c)
        and not any(a.dep_ in SUBJECTS for a in c.children)
    ]


def infinitives_of(verb: Token) -> list[Token]:
    """The to-infinitives a verb governs, directly ("ordered the envoy to leave") or through its object
    or a span of time ("gave the diplomats a week to leave"); not through a thing given ("gave them
    visas to leave": the visas are for leaving)."""
    spans = [
        c
        for c in verb.children
        if c.dep_ in ("dative", "npadvmod") or (c.dep_ == "dobj" and c.ent_type_ in ("DATE", "TIME"))
    ]
    holders = [verb, *spans]
    return [
        c
        for holder in holders
        for c in holder.children
        if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.pos_ in ("VERB", "AUX") and to_infinitive(c)
    ]


def to_infinitive(verb: Token) -> bool:
    """Whether the verb is a to-infinitive ("to leave")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_nominal(token: Token) -> bool:
    """A noun, or a word the tagger took for a verb in a noun's place ("the hostage-takers demands")."""
    return token.pos_ == "NOUN" or token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")


WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def has_direct_object(verb: Token) -> bool:
    """ "denied shelling villages", "strikes killed 30 people": a verb form with an object acts as a verb."""
    return any(c.dep_ == "dobj" for c in verb.children)


def done_severally(verb: Token, cues: Cues) -> bool:
    """ "Chad and Niger each pledged troops", "… separately promised aid": the verb's doers act
    each on their own (the distributive word hangs on the verb or on its subject, before the verb:
    "exchanged 100 prisoners each" counts what was exchanged)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        c.lower_ in cues.distributive_words
        and c.dep_ in ("advmod", "dep", "appos", "npadvmod", "nsubj")
        and c.i < verb.i
        for head in (verb, *subjects)
        for c in head.children
    )

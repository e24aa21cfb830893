"""Acts an article names again: "Al-Shabab claimed responsibility for the attack", "Australia
condemned the expulsion" name, by a definite noun, an act an earlier sentence reported with its
parties. The pipeline keeps the latest act of each word as it codes the article in order."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, MutableMapping

from spacy.tokens import Token

from ...conventions import Conventions
from ...knowledge import Cues
from ...records import Actor
from ..phrases import set_off_indefinite
from .draft import UNNAMED_DOERS, Draft

DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def remember_act(recent: MutableMapping[str, Draft], draft: Draft) -> None:
    """Keep the act under its verb, its object ("impose sanctions": under impose and sanction; "launched
    missile strikes": under the strikes, though the pattern's object is the missile) and the word it was
    coded through ("agreed to normalise relations": under agree too), latest last."""
    governor = draft.governor.lemma_.lower() if draft.governor is not None else None
    objects = [c.lemma_.lower() for c in draft.trigger.children if c.dep_ == "dobj"] if draft.pattern.object else []
    for key in (draft.trigger.lemma_.lower(), draft.pattern.object, *objects, governor):
        if key:
            recent.pop(key, None)
            recent[key] = draft


def acts_referred_to(noun: Token, recent: Mapping[str, Draft], cues: Cues, conventions: Conventions) -> list[Draft]:
    """The earlier acts a definite act noun may name again, likeliest first: the act of its word
    ("the attack"); else for a word naming any act ("the decision", "the move") the latest deeds (not
    words: spoken_codes), and for a word naming a fight ("the attack" after "gunmen stormed a police
    station") the latest uses of force."""
    named = act_referred_to(noun, recent, cues)
    lemma = noun.lemma_.lower()
    if named is not None or not _definite(noun):
        return [named] if named is not None else []
    latest = list(dict.fromkeys(reversed(list(recent.values()))))
    if lemma in cues.generic_act_nouns:
        return [act for act in latest if not act.code.startswith(tuple(conventions.spoken_codes))]
    if lemma in cues.fight_nouns:
        return [act for act in latest if act.code[:2] in conventions.force_roots]
    return []


def _definite(noun: Token) -> bool:
    """ "the move", "the renewed offensive": a definite noun that neither says whose it is nor has
    words of its own saying which it is ("the move to close the border")."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children) and not any(
        (c.dep_ in ("prep", "acl", "relcl") and not _judgement(c))
        or (c.dep_ in ("compound", "amod") and names_a_party(c))
        for c in noun.children
    )


def _judgement(child: Token) -> bool:
    """ "condemned the raid as a massacre": what the act is called, not which act it is."""
    return child.dep_ == "prep" and child.lower_ == "as"


def act_referred_to(noun: Token, recent: Mapping[str, Draft], cues: Cues) -> Draft | None:
    """The earlier act a definite act noun ("the attack", "this expulsion", "accusations that …") names
    again, if any; or the act of the clause a noun stands beside ("accused Kenya of meddling, a charge
    Nairobi denied")."""
    if _beside_a_clause(noun):
        return _act_of_its_clause(noun, recent, cues)
    # "the attack", "Sunday's attack": a possessor makes a noun definite too
    definite = any((c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss" for c in noun.children)
    # "rejected accusations that it arms the rebels": what the noun says names which one it is
    told = any(c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children) for c in noun.children)
    if noun.pos_ != "NOUN" or not (definite or told):
        return None
    if any(
        (c.dep_ == "prep" and not _judgement(c)) or (c.dep_ in ("poss", "compound", "amod") and names_a_party(c))
        for c in noun.children
    ):
        return None  # "the attack on the convoy", "the Russian attack": a description of its own
    lemma = noun.lemma_.lower()
    return (
        recent.get(lemma)
        or recent.get(cues.act_noun_verbs.get(lemma, lemma))
        or _act_of_derived_noun(lemma, recent, cues)
    )


def _act_of_derived_noun(noun: str, recent: Mapping[str, Draft], cues: Cues) -> Draft | None:
    """The latest act whose verb the noun is made from by a regular ending ("the extradition" after
    "extradited", "the seizure" after "seized"): English derives most act nouns so, and no lemmatizer
    in spaCy undoes derivation, so irregular ones are listed (act_noun_verbs)."""
    for key, act in reversed(list(recent.items())):
        if key not in _verbs_of(act):
            continue  # an object noun kept as a key ("fact", "port") makes no act noun
        stems = {key, key[:-1] if key.endswith("e") else key}  # "postpone-ment", "seiz-ure"
        # four letters at least: a shorter stem makes words by chance ("be-ing", "act-ion")
        if any(len(s) >= 4 and noun.startswith(s) and noun[len(s) :] in cues.act_noun_suffixes for s in stems):
            return act
    return None


def _verbs_of(act: Draft) -> set[str]:
    """The words an act was done by: its trigger's and its governor's."""
    return {t.lemma_.lower() for t in (act.trigger, act.governor) if t is not None and t.pos_ == "VERB"}


def _beside_a_clause(noun: Token) -> bool:
    """ ", a charge Nairobi denied", ", a move Poland condemned": an indefinite noun set after a comma
    beside the clause before it, which it sums up."""
    return noun.dep_ in ("appos", "npadvmod") and set_off_indefinite(noun)


def _act_of_its_clause(noun: Token, recent: Mapping[str, Draft], cues: Cues) -> Draft | None:
    """The act of the clause a summing noun stands beside: the act of its own word ("a charge": the
    accusation), or for a word naming any act the nearest."""
    lemma = noun.lemma_.lower()
    wanted = None if lemma in cues.generic_act_nouns else cues.act_noun_verbs.get(lemma, lemma)
    acts = {draft.trigger.i: draft for draft in recent.values()}
    for verb in (v for head in noun.ancestors for v in (head, *head.conjuncts)):
        act = acts.get(verb.i)
        if act is not None and wanted in (None, verb.lemma_.lower()):
            return act
    return None


def another_party(actor: Actor, own_states: Collection[str], doers: Iterable[Actor]) -> bool:
    """Someone else than the doers: of another state, or of another sector of theirs (the police
    the Taliban claim to have attacked). A doer of their state whose sector is unknown ("Kyiv denied
    the charge") may be any part of it."""
    if actor.country is None:
        return False
    compatriots = [d for d in doers if d.country == actor.country]
    return actor.country not in own_states or (
        actor.sector is not None and all(d.sector is not None and actor.sector != d.sector for d in compatriots)
    )


def names_a_party(modifier: Token) -> bool:
    """Whether a modifier names who is involved ("Russian", "Hamas"), not how or when ("deadly",
    "Sunday's")."""
    if modifier.ent_type_ in ("DATE", "TIME"):
        return False
    return modifier.pos_ in ("PROPN", "PRON") or modifier.ent_type_ in PARTY_ENTITIES


PARTY_ENTITIES = frozenset({"NORP", "GPE", "ORG", "PERSON", "FAC", "LOC"})


def doer_named(act: Draft) -> bool:
    """Whether the earlier act's doer was named (not implied, as unidentified attackers are)."""
    return act.source_found.how not in UNNAMED_DOERS

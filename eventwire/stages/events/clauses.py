"""Clauses that report no act of their own: the content of a claim or demand, a proposal
rejected, an act only permitted."""

from __future__ import annotations

from spacy.tokens import Token

from ...knowledge import Cues
from .draft import Draft
from .syntax import clause_chain, is_nominal, subject_of


def rejecter_of_proposal(node: Token, cues: Cues) -> Token | None:
    """The rejecting verb when a clause is the content of a proposal it rejects ("rejected an
    invitation to attend talks", "rejected calls to withdraw", "a call for its troops to be deployed")."""
    # (only what is proposed is refused; rejecting an accusation that X supports Y denies it, below)
    if node.dep_ in ("acl", "relcl") and node.head.lemma_.lower() in cues.proposal_nouns and node.head.dep_ == "dobj":
        verb = node.head.head
    elif (
        (noun := _content_noun_before_infinitive(node, cues)) is not None
        and noun.dep_ == "dobj"
        and noun.lemma_.lower() in cues.proposal_nouns
    ):
        verb = node.head
    else:
        return None
    return verb if verb.lemma_.lower() in cues.rejecting_verbs else None


def _content_noun_before_infinitive(node: Token, cues: Cues) -> Token | None:
    """The small parser often hangs "rejected calls to withdraw" on the verb, as if a purpose
    clause: the content noun just before "to", an object of the same verb."""
    if node.dep_ != "advcl" or node.i < 2 or node.doc[node.i - 1].lower_ != "to":
        return None
    before = node.doc[node.i - 2]
    if before.head.i == node.head.i and is_nominal(before) and before.lemma_.lower() in cues.content_nouns:
        return before
    return None


def content_of_a_noun(trigger: Token, cues: Cues) -> bool:
    """ "demanded an admission by Moscow that its forces murdered …": the clause is what the noun
    claims or asks for; its act is not reported as done."""
    chain = clause_chain(trigger, cues)
    if any(
        via in ("acl", "ccomp", "xcomp")
        and is_nominal(node)
        and node.lemma_.lower() in cues.content_nouns
        and not any(c.dep_ == "agent" for c in below.children)  # "a deal brokered by China" says who made it
        for (below, _), (node, via) in zip(chain, chain[1:])
    ):
        return True
    # "an agreement on carrying out a peaceful demonstration": what an agreement or claim is about
    if any(
        via == "prep" and prev_via == "pcomp" and is_nominal(node) and node.lemma_.lower() in cues.content_nouns
        for (node, via), (_, prev_via) in zip(chain[2:], chain[1:])
    ):
        return True
    if trigger.dep_ == "ccomp" and any(
        o.dep_ == "dobj" and o.lemma_.lower() in cues.content_nouns for o in trigger.head.children
    ):
        return True  # "reiterated its demand today that Israel ease …", the clause hung on the verb
    # "a resolution that aims to impose a blockade": what a document is meant to do is not done
    for node, via in chain[1:]:
        if via in ("xcomp", "ccomp") and node.lemma_.lower() in cues.planning_governors:
            subject = subject_of(node)
            if subject is not None and subject.lower_ in cues.relative_pronouns and node.dep_ == "relcl":
                subject = node.head
            if (
                subject is not None
                and is_nominal(subject)
                and subject.lemma_.lower() in cues.document_nouns | cues.statement_nouns
            ):
                return True
    return _content_noun_before_infinitive(trigger, cues) is not None


def is_refusal(draft: Draft, cues: Cues) -> bool:
    return draft.governor is not None and draft.governor.lemma_.lower() in cues.rejecting_verbs


def argued_against(trigger: Token) -> bool:
    """ "warned Beijing against supplying weapons", "voted against imposing sanctions": an act named by
    a gerund after "against" is opposed, not done."""
    return (
        trigger.tag_ == "VBG"
        and trigger.dep_ in ("pcomp", "pobj")
        and trigger.head.dep_ == "prep"
        and trigger.head.lower_ == "against"
    )


def alleged(trigger: Token, cues: Cues) -> bool:
    """ "accused Uganda of sheltering rebels", "charged him with plotting a coup", "arrested for
    spying": the act is what the accusation says, coded as the accusation, not as done."""
    if _result_of_an_accusation(trigger, cues):
        return True
    node = trigger
    for _ in range(3):  # "accused X of" + "secretly" + "backing", "of having backed", "of seeking to intervene"
        if node.dep_ in ("pcomp", "pobj") and node.head.dep_ == "prep" and node.head.lower_ in ("of", "with", "for"):
            holder = node.head.head
            # "accused Khan's supporters of planning": the parser may hang "of" on the one accused
            holder = holder.head if holder.dep_ == "dobj" else holder
            return holder.lemma_.lower() in cues.accusing_verbs
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head  # "of backing and arming the rebels", "of trying to topple the government"
    return False


def _result_of_an_accusation(trigger: Token, cues: Cues) -> bool:
    """ "accused the army of bombing villages, killing 17 civilians": the parser hangs the result
    on the accusing verb, but it is part of what the accused is said to have done."""
    accusing = trigger.head
    return (
        trigger.dep_ == "advcl"
        and trigger.tag_ == "VBG"
        and accusing.lemma_.lower() in cues.accusing_verbs
        and any(
            g.dep_ == "pcomp" and g.tag_ == "VBG"
            for p in (*accusing.children, *(c for o in accusing.children if o.dep_ == "dobj" for c in o.children))
            if p.dep_ == "prep" and p.lower_ in ("of", "with", "for")
            for g in p.children
        )
    )


def only_permitted(draft: Draft, cues: Cues) -> bool:
    """ "allowed the opposition leader to hold a rally": the permission is the event (the yielding);
    the act permitted has not happened yet."""
    # (the parser reads "allowed X to hold talks" as an object and complement, or as a clause with X its subject)
    return draft.trigger.dep_ in ("xcomp", "ccomp") and draft.trigger.head.lemma_.lower() in cues.permitting_verbs

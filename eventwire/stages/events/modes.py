"""An act's mode (asserted, planned, negated, hypothetical) and whether it is a stated intent."""

from __future__ import annotations

from spacy.tokens import Token

from ...knowledge import Cues
from .syntax import GOVERNING_STEPS, auxiliary_words, clause_chain


def is_advised(trigger: Token, cues: Cues) -> bool:
    return any(auxiliary_words(node) & cues.advisory_auxiliaries for node, _ in clause_chain(trigger, cues))


def _own_tense(conjunct: Token) -> bool:
    """A past-tense verb coordinated with a bare infinitive ("intends to impose sanctions and
    threatened Rwanda", "will meet Peru and signed a deal") has a tense of its own: nothing
    governing the infinitive (an auxiliary, a plan, a negation) governs it."""
    return conjunct.dep_ == "conj" and conjunct.tag_ == "VBD" and conjunct.head.tag_ == "VB"


def _free_relative(clause: Token, via: str) -> bool:
    """ "will not accept what it calls interference": a clause led by "what" names a thing the verb
    above acts on; that verb's negation or plan is not the clause's."""
    return via == "ccomp" and any(c.tag_ == "WP" and c.lower_.startswith("what") for c in clause.children)


def plain_future(trigger: Token, cues: Cues) -> bool:
    """ "will"/"shall" on the trigger itself (or the verb it is coordinated with)."""
    node, backshifted = trigger, _backshifted(trigger, cues)
    while node.dep_ == "conj" and node.head.i != node.i and not _own_tense(node):
        if auxiliary_words(node, backshifted) & cues.future_auxiliaries:
            return True
        node = node.head
    return bool(auxiliary_words(node, backshifted) & cues.future_auxiliaries)


def _backshifted(trigger: Token, cues: Cues) -> bool:
    """Indirect speech reported in the past; a direct quotation keeps its own tenses."""
    top = clause_chain(trigger, cues)[-1][0]
    if sum(t.is_quote for t in top.sent if t.i < top.i) % 2:
        return False  # inside a quotation (a quoted word earlier, "shuttle diplomacy", is none)
    reporter = top.head
    # "announced that …", and a participle of a report not in the present: "issued a statement saying that …"
    past = reporter.tag_ == "VBD" or (reporter.tag_ == "VBG" and reporter.head.tag_ not in ("VBZ", "VBP"))
    return top.dep_ == "ccomp" and reporter.lemma_.lower() in cues.reporting_verbs and past


def asked(trigger: Token, cues: Cues) -> bool:
    """Whether the act is only asked about ("declined to say whether Japan would impose sanctions"):
    a question states no act, done, planned or threatened."""
    return any(
        c.dep_ == "mark" and c.lower_ in cues.question_markers
        for node, _ in clause_chain(trigger, cues)
        for c in node.children
    )


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
    chain = clause_chain(trigger, cues)
    for (node, via), below in zip(chain, [None] + [n for n, _ in chain]):
        if below is not None and (_own_tense(below) or _free_relative(below, via)):
            break
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
        auxiliaries = auxiliary_words(node, backshifted and not wished)
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
            hypothetical |= any(c.dep_ == "mark" and c.lower_ in cues.condition_markers for c in node.children)
            # "… until Israel ends its war": a present-tense condition has not happened
            hypothetical |= node.tag_ in ("VBZ", "VBP", "VB") and any(
                c.dep_ == "mark" and c.lower_ in cues.pending_markers for c in node.children
            )
        if not via and lemma in cues.planning_governors and (node.pos_ == "ADJ" or node.tag_ == "VBN"):
            planned = True  # "is due in Beirut", "is expected in Baghdad": the predicate is the schedule itself
        if governs:
            # "refused to meet" negates the meeting; "blocked the border to protest" does not negate
            # the protest: a purpose clause is not the governor's complement
            negated |= lemma in cues.negating_governors and via != "advcl"
            planned |= lemma in cues.planning_governors or lemma in cues.planning_nouns
            # "is to meet on Friday", "was to host the talks": a to-infinitive after "be" is scheduled
            planned |= via == "xcomp" and lemma == "be"
            intent |= lemma in cues.intent_governors
    if negated:
        return "negated", intent
    if hypothetical:
        return "hypothetical", intent
    return ("planned" if planned else "asserted"), intent

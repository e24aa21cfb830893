"""Acts coded through the word that governs them ("threatened to shell" is a threat), and the
demands that obligations and preconditions in reported speech state."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from ...conventions import Conventions
from ...knowledge import Cues, Knowledge, VerbPattern
from ...records import Actor
from ..actors import ArticleActors, resolve_all, resolve_phrase
from ..phrases import coordinated_heads
from ..roles import domestic_roles
from .clauses import rejecter_of_proposal
from .draft import INDIRECT_SLOTS, OWN_DOER, WEAK_TARGETS, Draft, SourceFinding, SourceHow, TargetFinding, TargetHow
from .modes import mode_and_intent
from .slot_words import slot_heads
from .sources import source_heads
from .syntax import particle_objects, reporting_verb, subject_of, to_infinitive
from .triggers import find_pattern

# Sources that do the act themselves, not the governor's subject: the clause's own subject, and a
# noun event's own doer ("match the EU's support"); their acts are not recoded through the governor
OWN_SUBJECTS = OWN_DOER | {SourceHow.SUBJECT}


def embedding_governor(trigger: Token, cues: Cues) -> Token | None:
    """The word whose complement clause holds this trigger's act, if it is an embedding governor."""
    node = trigger
    for _ in range(4):
        # a purpose clause serves the act it is the purpose of: "willing to send arms to help defend X"
        purpose = node.dep_ == "advcl" and to_infinitive(node)
        if node.dep_ == "acl" and node.head.pos_ == "NOUN" and node.head.lemma_.lower() in cues.attempt_nouns:
            return node.head  # "an attempt to assassinate the governor"
        if (rejecter := rejecter_of_proposal(node, cues)) is not None:
            return rejecter  # "rejected an invitation to attend talks": refusing the talks
        if (node.dep_ not in ("xcomp", "ccomp", "conj", "dobj") and not purpose) or node.head.i == node.i:
            return None
        if (node.dep_ in ("xcomp", "ccomp") or purpose) and _governs(node, cues):
            return node.head
        node = node.head
    return None


def governed_root(trigger: Token, pattern: VerbPattern, found: SourceFinding, cues: Cues) -> str | None:
    """The root an act naming nothing it is aimed at is stated as through the word governing it
    ("vowed to hit back" is a threat, 13), if one does; not an act of a clause's own subject ("vowed
    that the army would strike back") or negated ("vowed not to retaliate"), which keep their code,
    nor one aimed at a thing ("ready to fight corruption")."""
    if found.how in OWN_SUBJECTS or any(c.dep_ == "neg" for c in trigger.children):
        return None
    if any(slot_heads(trigger, slot, cues) for slot in pattern.targets if slot not in INDIRECT_SLOTS):
        return None
    governor = embedding_governor(trigger, cues)
    embedding = cues.embedding_governors.get(governor.lemma_.lower()) if governor is not None else None
    return embedding.code_for(pattern.code)[:2] if embedding is not None else None


def _governs(node: Token, cues: Cues) -> bool:
    """Whether the word above a complement governs its act: "told X to withdraw" but not "told
    reporters that …"."""
    lemma = node.head.lemma_.lower()
    if lemma not in cues.embedding_governors:
        return False
    return node.dep_ == "xcomp" or lemma not in cues.telling_verbs


def same_body(one: Actor, other: Actor) -> bool:
    """The same state, or the same international organisation (the Arab League is not the EU)."""
    return one.country == other.country and (one.country != "IGO" or one.text.lower() == other.text.lower())


def through_governor(
    draft: Draft, governor: Token, context: ArticleActors, cues: Cues, conventions: Conventions
) -> list[Draft]:
    """Recode an embedded act as what its governor does with it ("threatened to shell" -> 138),
    once for each addressee ("urged Chile and Peru to talk" appeals to both)."""
    embedding = cues.embedding_governors[governor.lemma_.lower()]
    if governor.lemma_.lower() in cues.intent_governors and any(c.dep_ == "neg" for c in draft.trigger.children):
        if draft.code[:2] in conventions.conflict_roots:
            return [replace(draft, governor=governor)]  # "promised not to attack": an attack that is not to be
        embedding = cues.embedding_governors["refuse"]  # "vowed not to return the Golan Heights" refuses to yield
    code = embedding.code_for(draft.code)
    if governor.lemma_.lower() in cues.mutual_governors and _agreed_together(draft, governor, context):
        code = conventions.agreement_code  # "Chile and Peru agreed to reopen embassies": an agreement
    if code == draft.code and governor.lemma_.lower() in cues.negating_governors:
        return [replace(draft, governor=governor)]  # "failed to condemn" stays a condemnation that did not happen
    mode, _ = mode_and_intent(governor, cues)
    rule = f"{draft.rule}; embedded under '{governor.text}' -> {code}"
    recoded = replace(draft, code=code, mode=mode, rule=rule, governor=governor)
    addressed = (
        [a for o in _addressees(governor) for a in resolve_all(o, context) if not same_body(a, draft.source)]
        if code[:2] in conventions.addressed_roots
        else []
    )
    if addressed:
        # "urged Uganda to support Somalia" is an appeal to Uganda (CAMEO codes the addressee);
        # "allowed the opposition leader to hold a rally" yields to the opposition leader
        appealed = TargetFinding(TargetHow.GOVERNOR_OBJECT)
        rule = f"{recoded.rule}; target: the one appealed to"
        return [replace(recoded, target=one, target_found=appealed, rule=rule) for one in addressed]
    return [_threat_aimed(recoded, governor, context, cues, conventions)]


def _addressees(governor: Token) -> list[Token]:
    """Whom a governor addresses: its object ("urged Chile to"), or the one it calls or appeals on,
    to or with ("called on Chile to", "appealed to Peru to", "pleaded with Iran to")."""
    objects = [o for o in governor.children if o.dep_ in ("dobj", "dative")]
    return objects or [g for word in ("on", "upon", "to", "with") for g in particle_objects(governor, word)]


def _threat_aimed(draft: Draft, governor: Token, context: ArticleActors, cues: Cues, conventions: Conventions) -> Draft:
    """ "threatened to ban voting in Jerusalem if Hamas ran": the threat is aimed at whoever must
    act to avert it, not at the place of the threatened act."""
    if draft.code[:2] != conventions.threat_root or (
        draft.target is not None and draft.target_found.how not in WEAK_TARGETS
    ):
        return draft
    warned = [
        a
        for s in slot_heads(governor, "condition_subject", cues)
        for a in resolve_all(s, context)
        if a.country != draft.source.country
    ]
    if not warned:
        return draft
    found = TargetFinding(TargetHow.SLOT, "condition_subject")
    return replace(draft, target=warned[0], target_found=found, rule=f"{draft.rule}; target: subject of the condition")


def _agreed_together(draft: Draft, governor: Token, context: ArticleActors) -> bool:
    """Whether the act's two sides are both among those the governor's subject names."""
    subject = subject_of(governor)
    if subject is None or draft.target is None:
        return False
    sides = {(draft.source.country, draft.source.sector), (draft.target.country, draft.target.sector)}
    if len(sides) < 2:
        return False
    # both sides written within the subject, however they were resolved ("the government and rebels
    # in the country's north", whose state the sentence gives elsewhere)
    start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    if all(start <= a.start and a.end <= end for a in (draft.source, draft.target)):
        return True
    # "the government and the rebels agreed": sides of one state are parties too
    parties = {
        (a.country, a.sector)
        for head in coordinated_heads(subject)
        for a in resolve_all(head, context) or domestic_roles(head, context)
    }
    return len(parties) > 1 and sides <= parties


def obligation_drafts(verb: Token, context: ArticleActors, knowledge: Knowledge) -> list[Draft]:
    """ "Russia said that Sudan must return the helicopter": a demand by Russia on Sudan."""
    cues = knowledge.cues
    reporter = reporting_verb(verb, cues) or _issuer_of_statement(verb, cues)
    obliged = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if reporter is None or obliged is None:
        return []
    # the speaker: the reporting verb's subject, or, for a participle ("…, saying he must resign"),
    # the subject of the clause it belongs to
    speaker = subject_of(reporter)
    sources = resolve_all(speaker, context) if speaker is not None else source_heads(reporter, context, cues)[0]
    # "President Kagame and his party must agree": a role naming no state is of the sentence's only one
    targets = resolve_all(obliged, context)
    if any(resolve_phrase(c, context) is None for c in coordinated_heads(obliged)):
        targets += [r for r in domestic_roles(obliged, context) if all(r.start != t.start for t in targets)]
    if not targets and obliged.pos_ == "PRON" and verb.dep_ == "acl":
        # "issued a reminder to Iraq that it must cooperate": "it" is the one the statement went to
        targets = [a for t in slot_heads(reporter, "dative", cues) for a in resolve_all(t, context)]
    act = find_pattern(verb, knowledge)
    code = cues.embedding_governors["demand"].code_for(act.code if act else knowledge.conventions.demand_code)
    pattern = VerbPattern(verb.lemma_.lower(), "VERB", code, "data/cues.yaml (obligation in reported speech)")
    mode, _ = mode_and_intent(reporter, cues)
    rule = f"obligation '{verb.text}' reported by '{reporter.text}' -> {code}; source: speaker; target: obliged"
    return [
        Draft(verb, pattern, code, source, target, mode, rule, SourceFinding(SourceHow.SPEAKER), None)
        for source in sources
        for target in targets
        if source.country != target.country or None is not source.sector != target.sector is not None
    ]


def _issuer_of_statement(verb: Token, cues: Cues) -> Token | None:
    """ "issued a reminder to Iraq that it must cooperate": the verb that issued the statement
    whose content clause holds the verb."""
    statement = verb.head
    if verb.dep_ != "acl" or statement.lemma_.lower() not in cues.statement_nouns or statement.dep_ != "dobj":
        return None
    return statement.head


def preconditions(condition: Token, context: ArticleActors, knowledge: Knowledge) -> list[Draft]:
    """ "X said that removing UN sanctions was a precondition for talks": a demand by the speaker
    on the first other actor the condition names."""
    cues = knowledge.cues
    copula = condition.head
    reporter = reporting_verb(copula, cues)
    speaker = subject_of(reporter) if reporter is not None else None
    subject = next((c for c in copula.children if c.dep_ in ("csubj", "nsubj", "nsubjpass")), None)
    if reporter is None or speaker is None or subject is None:
        return []
    sources = resolve_all(speaker, context)
    own = {s.country for s in sources}
    named = next(
        (found for t in subject.subtree if (found := [a for a in resolve_all(t, context) if a.country not in own])), []
    )
    demand = knowledge.conventions.demand_code
    pattern = VerbPattern(condition.lemma_.lower(), "NOUN", demand, "data/cues.yaml (condition_nouns)")
    mode, _ = mode_and_intent(reporter, cues)
    rule = (
        f"condition '{condition.text}' stated by '{reporter.text}' -> {demand}; "
        "source: speaker; target: named in the condition"
    )
    return [
        Draft(condition, pattern, demand, source, target, mode, rule, SourceFinding(SourceHow.SPEAKER), None)
        for source in sources
        for target in named[:1]
    ]


def recode_through_governors(
    drafts: list[Draft], context: ArticleActors, cues: Cues, conventions: Conventions
) -> list[Draft]:
    """Each act embedded under a governor its own doer would use ("threatened to shell") recoded as
    what the governor does with it; "demanded that the US cancel …" keeps the demand, whose
    target is the one asked to act, and drops the cancelling, which is only asked for."""
    recoded = []
    for draft in drafts:
        governor = embedding_governor(draft.trigger, cues)
        if governor is None:
            recoded.append(draft)
            continue
        if draft.source_found.how in OWN_SUBJECTS:
            # a noun event with its own doer ("match the EU's support") is a fact the clause refers to
            if draft.source_found.how is not SourceHow.SUBJECT or not _asked_for(governor, cues, conventions):
                recoded.append(draft)
            continue
        for governed in through_governor(draft, governor, context, cues, conventions):
            recoded.extend(_rallied_and_outer(draft, governed, governor, context, cues, conventions))
    return recoded


def _asked_for(governor: Token, cues: Cues, conventions: Conventions) -> bool:
    """Whether the governor asks or demands its clause's act of someone ("demanded that he step
    down", "urged that Uganda withdraw"): an act asked for has not been done."""
    embedding = cues.embedding_governors[governor.lemma_.lower()]
    return embedding.code is not None and embedding.code[:2] in (conventions.appeal_root, conventions.demand_root)


def _rallied_and_outer(
    embedded: Draft, draft: Draft, governor: Token, context: ArticleActors, cues: Cues, conventions: Conventions
) -> Iterator[Draft]:
    """An act recoded through its governor, with the backing it rallies and its outer governor."""
    rallying = conventions.rallying_code
    if (
        draft.code[:2] == conventions.appeal_root
        and embedded.code in conventions.backing_codes
        and embedded.target is not None
        and draft.target is not None
        and draft.target != embedded.target
    ):
        # "urged the EC to support the PLO": an appeal to the EC, and rallying support for the PLO
        yield replace(
            draft,
            code=rallying,
            target=embedded.target,
            target_found=embedded.target_found,
            rule=f"{embedded.rule}; rallying others' backing under '{governor.text}' -> {rallying}",
        )
    # "refused to allow UN planes to land": a governed governor codes the act once more
    outer = embedding_governor(governor, cues)
    if outer is None:
        yield draft
        return
    for recoded in through_governor(draft, outer, context, cues, conventions):
        yield replace(recoded, governor=governor)

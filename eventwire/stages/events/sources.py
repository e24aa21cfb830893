"""The doer of an act: the clause subject found through passives, relative clauses, coordinated
and embedded verbs and reported speech (the doers CAMEO implies when none is named are in
`implied_doers`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from ...knowledge import Cues, VerbPattern
from ...records import Actor
from ..actors import ArticleActors, can_act, names_anyone, resolve_all
from ..phrases import actor_of, coordinated_heads, phrase_tokens
from ..roles import domestic_roles, role_in_state, sole_state
from .clauses import rejecter_of_proposal
from .draft import SourceFinding, SourceHow
from .syntax import (
    CLIMB_FOR_SUBJECT,
    MAX_CLIMB,
    PLACE_ENTITIES,
    controlling_object,
    has_direct_object,
    named_by,
    past_partitive,
    reporting_verb,
    stative_passive,
    subject_of,
)

PRONOUN_CLIMB = {"ccomp", "advcl", "conj"}


Found = tuple[list[Actor], SourceFinding]


@dataclass(frozen=True, slots=True)
class _Climb:
    """Where the search for a subject stands: the verb looked at, how it was reached (its relation
    to the word below), and the sector of "their forces" while its pronoun owner is looked for."""

    node: Token
    how: SourceHow = SourceHow.SUBJECT
    came_by: str = ""
    owned_role: str | None = None
    felt: bool = False  # a feeling's passive subject feels it ("was disappointed by the decision")


def source_heads(
    trigger: Token, context: ArticleActors, cues: Cues, felt: bool = False, judged: bool = False, mutual: bool = False
) -> Found:
    """Source actors and how they were found: the subject, climbing from the trigger through the
    verbs that govern it, else the speaker of the reported clause. A `felt` trigger is a stance
    its subject feels, whatever a passive's "by" names; a `judged` one is a judgement its subject
    is given, by the speaker ("said Uganda's decision was illegal", "said Egypt was irresponsible");
    a `mutual` one an act done together ("their meeting" may be two parties')."""
    if judged:
        return speaker_of(trigger, context, cues)
    if (rejecter := rejecter_of_proposal(trigger, cues)) is not None and (refuser := subject_of(rejecter)) is not None:
        # "the UN rejected a call for its forces to be deployed": the one refusing is coded
        return resolve_all(refuser, context), SourceFinding(SourceHow.REJECTER)
    step: Found | _Climb | None = (
        _noun_doers(trigger, context, cues, mutual) if trigger.pos_ == "NOUN" else _Climb(trigger, felt=felt)
    )
    for _ in range(MAX_CLIMB):
        if not isinstance(step, _Climb):
            break
        step = _climb_step(step, trigger, context, cues)
    if step is not None and not isinstance(step, _Climb):
        return step
    return speaker_of(trigger, context, cues)


def named_doers(noun: Token, pattern: VerbPattern, context: ArticleActors) -> list[Actor]:
    """ "the mediation of Qatar", "under the auspices of the UN": the doer a noun names in the
    prepositions its pattern gives (`doer`), besides a possessor or "by"."""
    words = {slot.split(":", 1)[1] for slot in pattern.doer}
    holders = [noun]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in context.cues.reaction_verbs:
        holders.append(noun.head)  # "drew condemnation from France": the parser hangs "from" on the verb
    return [
        a
        for holder in holders
        for p in holder.children
        if p.dep_ == "prep" and p.lower_ in words
        for g in p.children
        if g.dep_ == "pobj"
        for a in resolve_all(g, context)
    ]


def _noun_doers(trigger: Token, context: ArticleActors, cues: Cues, mutual: bool = False) -> Found | _Climb:
    """An event noun's own doer (possessor, by-agent, demonym), else its governing verb's subject."""
    owner = next((c for c in trigger.children if c.dep_ == "poss"), None)
    if owner is not None and (owners := resolve_all(owner, context)):
        return owners, SourceFinding(SourceHow.POSSESSOR)
    # only an act done together is both parties' ("their rally" is not the speaker's and his audience's)
    if mutual and owner is not None and (shared := _shared_by_subject_and_object(trigger, owner, context, cues)):
        return shared, SourceFinding(SourceHow.SHARED_OWNERS)
    agents = [a for g in named_by(trigger, cues) for a in resolve_all(g, context)]
    if agents:  # "rallies by the opposition", "visits by Chinese officials"
        return agents, SourceFinding(SourceHow.BY_AGENT)
    doers = modifying_doers(trigger, context)
    if owner is None and doers:
        return doers, SourceFinding(SourceHow.MODIFIER)
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in cues.reaction_verbs:
        return [], SourceFinding(SourceHow.NONE)  # "faced protests": others' act, not the subject's
    light = trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in cues.light_verbs
    if owner is not None and (owner.pos_ != "PRON" or not (light or _leading_adjunct(trigger, owner, cues))):
        return [], SourceFinding(SourceHow.POSSESSOR)
    # "Israel mounted its invasion": the owner pronoun of a light verb's object is its subject
    # (not "Ukraine condemned its invasion", whose "its" may be anyone's); so is that of an adjunct
    # before the clause: "During his visit to Hanoi, the US president announced …"
    return _Climb(trigger.head, SourceHow.GOVERNING_SUBJECT, trigger.dep_)


def _acted_on_state(subject: Token, verb: Token, role: Actor, context: ArticleActors) -> list[Actor] | None:
    """ "The rebel commander welcomed the US move" in a story about Syria: a role taken for the
    sentence's one state, when that state is named only in what the verb acts on or the clause it
    reports ("the ministry said it protested to the Chinese embassy"), is of the state the article
    is about (the doer is rarely the one acted on)."""
    home = context.home_state
    if home is None or home in (role.country, "IGO"):
        return None
    acted_on = {t.i for c in verb.children if c.dep_ in ("dobj", "prep", "dative", "ccomp") for t in c.subtree}
    named = [t.i for t in subject.sent if (m := context.by_token.get(t.i)) is not None and m.kind == "name"]
    if not named or any(i not in acted_on for i in named):
        return None  # named elsewhere too: the sentence's one state is the doer's
    actor = role_in_state(subject, home, context, "in the article's home state: its one state is acted on")
    return [actor] if actor else None


def _shared_by_subject_and_object(noun: Token, owner: Token, context: ArticleActors, cues: Cues) -> list[Actor]:
    """ "Wang told Blinken during their meeting": "their" in a phrase of the verb is its subject's and
    object's together, when they are of two states."""
    preposition = noun.head
    if owner.lower_ not in cues.shared_owner_pronouns or noun.dep_ != "pobj" or preposition.dep_ != "prep":
        return []
    verb = preposition.head
    subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if subject is None or not objects:
        return []
    parties = resolve_all(subject, context) + [a for o in objects for a in resolve_all(o, context)]
    return parties if len({a.country for a in parties}) > 1 else []


def _leading_adjunct(noun: Token, owner: Token, cues: Cues) -> bool:
    """A person's noun in a phrase that opens its clause, before the clause's subject ("During his
    visit, …"); not "its", which more often names a state told of before ("After its invasion of
    Ukraine, Finland joined NATO")."""
    if owner.lower_ not in cues.person_owner_pronouns:
        return False
    preposition = noun.head
    verb = preposition.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return noun.dep_ == "pobj" and preposition.dep_ == "prep" and subject is not None and preposition.i < subject.i


def modifying_doers(trigger: Token, context: ArticleActors) -> list[Actor]:
    """ "Palestinian riots", "Israeli air strikes": a demonym (or an organisation's name) before
    the event noun is its doer; a place before it may be its victim ("the Gaza blockade")."""
    doers = [
        a
        for c in trigger.children
        # (a demonym the tagger took for a person, "an Azerbaijani artillery barrage", is still one)
        if c.dep_ == "amod"
        or (
            c.dep_ == "compound"
            and (c.ent_type_ in ("NORP", "ORG") or (c.ent_type_ not in PLACE_ENTITIES and c.i in context.by_token))
        )
        for a in resolve_all(c, context)
    ]
    # "US drone attacks", "Israeli army raids": the state before the instrument owns it and the act
    doers += [
        a
        for c in trigger.children
        if c.dep_ == "compound" and c.ent_type_ not in PLACE_ENTITIES
        for m in c.children
        if m.dep_ in ("compound", "amod") and m.i in context.by_token
        for a in resolve_all(m, context)
        if a not in doers
    ]
    return doers


def _climb_step(climb: _Climb, trigger: Token, context: ArticleActors, cues: Cues) -> Found | _Climb | None:
    """Look for the doer at one verb: its result, the verb above to look at next, or None when
    the clause has no doer of its own (the speaker may be the source)."""
    node = climb.node
    # "X has been indicted by the court and will resign", "X was welcomed by Y before holding talks":
    # a passive's subject, not its agent, does what is coordinated with it or what its verb phrase does
    controlled = climb.came_by == "conj" or (trigger.pos_ == "VERB" and climb.came_by in ("prep", "advcl", "xcomp"))
    shared_passive = next((c for c in node.children if c.dep_ == "nsubjpass"), None) if controlled else None
    if shared_passive is not None:
        return resolve_all(shared_passive, context), SourceFinding(SourceHow.COORDINATED_PASSIVE)
    subject = subject_of(node) if node.pos_ in ("VERB", "AUX") else None
    if climb.felt:
        # what a feeling is felt at ("concerned and alarmed by the incursion") is no subject
        felt_at = subject is not None and subject.head.dep_ == "agent"
        subject = next((c for c in node.children if c.dep_ == "nsubjpass"), None if felt_at else subject)
    if subject is not None:
        return _from_subject(climb, past_partitive(subject, cues), context, cues)
    passive_subject = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
    if passive_subject is not None:
        return _from_passive(climb, trigger, passive_subject, context, cues)
    if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
        if node.tag_ == "VBN" and node.i == trigger.i and node.head.dep_ != "ROOT" and not has_direct_object(node):
            # "two officials accused of fraud": the noun a bare past participle describes is acted on
            # (a noun the parser makes the root, or one with an object of its own, "strikes killed 30
            # people, officials said", has its verb misread as a participle)
            return [], SourceFinding(SourceHow.PASSIVE_WITHOUT_AGENT)
        return _from_modified_noun(climb, context, cues)
    if node.dep_ not in CLIMB_FOR_SUBJECT or node.head.i == node.i:
        return None
    controller = controlling_object(node, cues)
    # "used the truce for shelling towns", "fired tear gas to disperse": a thing used is no doer, the one using it is
    if (
        controller is not None
        and controller.lemma_.lower() not in cues.projectiles
        and (node.dep_ == "xcomp" or can_act(controller, context, cues.agentive_nouns))
    ):
        # "ordered the newspaper to suspend publication": the newspaper would suspend
        return resolve_all(controller, context), SourceFinding(SourceHow.CONTROLLING_OBJECT)
    return _Climb(node.head, SourceHow.GOVERNING_SUBJECT, node.dep_, climb.owned_role)


def _from_subject(climb: _Climb, subject: Token, context: ArticleActors, cues: Cues) -> Found | _Climb | None:
    node = climb.node
    if climb.how is SourceHow.PRONOUN_CLAUSE_ABOVE and _passes_words_on(node, subject, context, cues):
        # "Somalia said it was restoring ties with Kenya, state media reported": the media report
        # Somalia's words; "it" is the subject further up
        return _Climb(node.head, SourceHow.PRONOUN_CLAUSE_ABOVE, node.dep_, climb.owned_role)
    if subject.lower_ in cues.relative_pronouns and node.dep_ == "relcl":
        return resolve_all(node.head, context), SourceFinding(SourceHow.RELATIVE_ANTECEDENT)
    if not can_act(subject, context, cues.agentive_nouns):
        # "the two powers should cooperate": the speaker may be the source
        return ([], SourceFinding(SourceHow.SUBJECT_NOT_ACTOR)) if names_anyone(subject, context) else None
    actors = resolve_all(subject, context)
    if actors and climb.owned_role is not None:
        return [
            replace(
                a,
                sector=climb.owned_role,
                sector_assumed=False,
                rule=f"{a.rule}; owner of a role with sector {climb.owned_role}",
            )
            for a in actors
        ], SourceFinding(climb.how)
    if actors:
        # "the Malian army and the rebels": a conjunct naming no state is a role of the sentence's only one,
        # else of the state whose institution it is coordinated with ("Colombia's government and the rebels")
        roles = [
            r
            for c in coordinated_heads(subject)[1:]
            if not resolve_all(c, context)
            for r in domestic_roles(c, context) or _beside_an_institution(c, actors[0], context)
        ]
        return actors + [r for r in roles if r not in actors], SourceFinding(climb.how)
    if unknown := unidentified_doers(subject, context):
        return unknown, SourceFinding(climb.how)
    if home := domestic_roles(subject, context):
        if (acted_on := _acted_on_state(subject, node, home[0], context)) is not None:
            return acted_on, SourceFinding(climb.how, sole_state_role=True, home_state_role=True)
        in_home_state = sole_state(subject.sent, context) is None
        return home, SourceFinding(climb.how, sole_state_role=True, home_state_role=in_home_state)
    if (role := _role_owned_by_pronoun(subject, context, cues)) and node.dep_ in PRONOUN_CLIMB:
        # "Bosnian Serbs said their forces had withdrawn": the owner's role, like a pronoun subject
        return _Climb(node.head, SourceHow.ROLE_OWNER_ABOVE, node.dep_, role)
    if subject.pos_ == "PRON" and subject.lower_ not in cues.relative_pronouns and node.dep_ in PRONOUN_CLIMB:
        # "the party said it will boycott…", "bombers killed 23 when they blew themselves up":
        # a pronoun no earlier sentence resolved stands for the subject of the clause above
        return _Climb(node.head, SourceHow.PRONOUN_CLAUSE_ABOVE, node.dep_, climb.owned_role)
    if subject.pos_ != "PRON" or subject.lower_ in cues.demonstrative_pronouns:
        # "the UNITA militarist wing refused …, the UN mission said": a doer the dictionaries
        # do not know is not the speaker; nor is "that" in "as that would reward the regime"
        return [], SourceFinding(SourceHow.UNKNOWN_SUBJECT)
    return None


def _passes_words_on(node: Token, subject: Token, context: ArticleActors, cues: Cues) -> bool:
    """A report, by someone of no known state, that is itself reported or coordinated."""
    return (
        node.lemma_.lower() in cues.reporting_verbs
        and node.dep_ in PRONOUN_CLIMB
        and node.head.i != node.i
        and not resolve_all(subject, context)
    )


def _beside_an_institution(conjunct: Token, first: Actor, context: ArticleActors) -> list[Actor]:
    """A role coordinated with a state's institution ("Colombia's government and the ELN rebels"),
    not with a state named bare ("Russia and the rebels"), is of that state."""
    if first.sector is None or first.sector_assumed or first.country in (None, "IGO"):
        return []
    role = role_in_state(conjunct, first.country, context, f"coordinated with {first.text}")
    return [role] if role is not None else []


def _from_passive(climb: _Climb, trigger: Token, passive_subject: Token, context: ArticleActors, cues: Cues) -> Found:
    node = climb.node
    if stative_passive(node, cues):
        return resolve_all(passive_subject, context), SourceFinding(SourceHow.STANCE_SUBJECT)
    if (
        node.i != trigger.i
        and climb.came_by == "prep"
        and (node.lemma_.lower() in cues.participation_verbs or _done_with_someone(trigger))
    ):
        return resolve_all(passive_subject, context), SourceFinding(SourceHow.PARTICIPANT)
    if node.i != trigger.i and climb.came_by == "xcomp":
        # "Kenya is expected to condemn": the passive's subject does the complement's act
        return resolve_all(passive_subject, context), SourceFinding(SourceHow.RAISING_SUBJECT)
    # the doer is not named, and is not the speaker
    return [], SourceFinding(SourceHow.PASSIVE_WITHOUT_AGENT)


def _done_with_someone(noun: Token) -> bool:
    """ "three soldiers were killed in clashes with rebels": those a passive befell in an act done
    with someone took part in it (unlike "civilians were killed in an attack")."""
    return (
        (noun.pos_ == "NOUN" or noun.tag_ == "VBG")
        and noun.head.lower_ in ("in", "during")  # not what one is held for: "arrested for collaborating with"
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
    )


def _from_modified_noun(climb: _Climb, context: ArticleActors, cues: Cues) -> Found | _Climb:
    node = climb.node
    described = resolve_all(node.head, context)
    proposal = rejecter_of_proposal(node, cues) is not None
    if (
        described
        or node.head.dep_ != "dobj"
        or not (proposal or node.head.lemma_.lower() in cues.statement_nouns | cues.attempt_nouns)
    ):
        return described, SourceFinding(SourceHow.MODIFIED_NOUN)
    # "issued a declaration demanding …": the declaration's issuer demands; "made an attempt to …"
    return _Climb(node.head.head, SourceHow.MODIFIED_NOUN_VERB, node.dep_, climb.owned_role)


def speaker_of(trigger: Token, context: ArticleActors, cues: Cues) -> Found:
    """Who says the clause that holds the trigger: the subject of its verb of speech, if it can act."""
    # a noun of judgement is its copula's predicate ("said the move was a provocation")
    reporter = reporting_verb(trigger.head if trigger.dep_ == "attr" else trigger, cues)
    if reporter is not None and reporter.dep_ == "conj" and subject_of(reporter) is None:
        reporter = reporter.head  # "expressed concern and said the move was unacceptable": one speaker
    if (
        reporter is not None
        and (subject := subject_of(reporter)) is not None
        and can_act(subject, context, cues.agentive_nouns)
    ):
        return resolve_all(subject, context), SourceFinding(SourceHow.SPEAKER)
    return [], SourceFinding(SourceHow.NONE)


def _role_owned_by_pronoun(head: Token, context: ArticleActors, cues: Cues) -> str | None:
    """The sector of a role owned by a personal pronoun ("their forces", "its army")."""
    role = context.by_token.get(head.i)
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in cues.group_possessives for c in head.children)
    if not owned or role is None or role.kind != "agent":
        return None
    return role.entry.sector


def unidentified_doers(head: Token, context: ArticleActors) -> list[Actor]:
    """ "Gunmen killed 30 villagers", "unknown assailants", "masked men": doers the text does not
    identify are of no state (the gold rules: unidentified attackers have no source country), not of
    the state where they struck."""
    if not _unidentified(head, context):
        return []
    why = f"'{head.text}': doers no one has identified, of no state"
    return [actor_of(phrase_tokens(head), None, context.unidentified_sector, why)]


def _unidentified(head: Token, context: ArticleActors) -> bool:
    cues = context.cues
    lemma = head.lemma_.lower()
    return lemma in cues.unidentified_doers or (
        lemma in cues.unidentified_people
        and any(c.dep_ == "amod" and c.lower_ in cues.unidentifying_words for c in head.children)
    )

"""Which word is an event: verb patterns (through inflections the lemmatizer missed), noun
events a light verb or an adjunct hosts, and sport reports that name states but code nothing."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from ...knowledge import Cues, Knowledge, VerbPattern
from ..actors import ArticleActors, resolve_all
from .sources import modifying_doers, named_doers
from .syntax import (
    WORD,
    be_passive,
    carried_out_by,
    has_direct_object,
    infinitives_of,
    objects_of,
    particle_objects,
    thing_named,
    with_compounds,
)

INFLECTIONS = {"VBD": ("ed",), "VBN": ("ed",), "VBG": ("ing",), "VBZ": ("es", "s")}


def find_pattern(token: Token, knowledge: Knowledge) -> VerbPattern | None:
    """The most specific pattern the word fits; of patterns alike but for their object, the one whose
    object comes first ("fired tear gas and stun grenades" is tear gas fired)."""
    key = _dictionary_key(token, knowledge)
    if key is None:
        return None
    pos, lemma = key
    objects: dict[str, int] | None = None  # found once, for the first pattern that asks
    judged = object_predicate(token) if pos == "VERB" else frozenset()
    patterns = knowledge.patterns.get((pos, lemma), ())
    # a phrasal verb the dictionary knows is not its bare verb: "called off classes" is no call
    phrasal = {c.lower_ for c in token.children if c.dep_ == "prt"} & {p.particle for p in patterns if p.particle}
    fitting: VerbPattern | None = None
    for pattern in patterns:
        if fitting is not None and (pattern.rank != fitting.rank or not fitting.object):
            break
        if not _fits_shape(token, pattern, knowledge, phrasal, judged):
            continue
        if pattern.object:
            objects = _object_positions(token, pos, knowledge) if objects is None else objects
            if pattern.infinitive:
                # "gave the diplomats a week to leave": whom an order to leave is given is its object or
                # indirect object itself (in "gave journalists visas to leave" the visas are given)
                if pattern.object not in _told_to(token):
                    continue
            # "was placed under house arrest": a phrasal pattern's object may be its particle's
            elif pattern.object not in objects and not (
                pattern.particle
                and pattern.object
                in {w.lemma_.lower() for g in particle_objects(token, pattern.particle) for w in with_compounds(g)}
            ):
                continue
        if fitting is None or _written_first(pattern, fitting, objects or {}):
            fitting = pattern
    return fitting


def _written_first(pattern: VerbPattern, other: VerbPattern, objects: dict[str, int]) -> bool:
    """Whether the pattern's object comes before the other's in the text."""
    return objects.get(pattern.object or "", 0) < objects.get(other.object or "", 0)


def _fits_shape(
    token: Token, pattern: VerbPattern, knowledge: Knowledge, phrasal: set[str], judged: frozenset[str]
) -> bool:
    """Whether the word has what the pattern asks besides its object: particle, predicate, a direct
    object, the infinitive it governs."""
    if phrasal and pattern.particle not in phrasal:
        return False
    if pattern.predicate:
        if not judged & getattr(knowledge.cues, pattern.predicate):
            return False
    elif _names_its_object(token, knowledge):
        return False  # "called the accusations a manipulation" names them: no phone call, no act
    if pattern.particle and not any(
        c.dep_ in ("prt", "prep", "advmod") and c.lower_ == pattern.particle and not _of_time(c) for c in token.children
    ):
        return False
    if pattern.transitive and not (
        any(c.dep_ in ("dobj", "nsubjpass") for c in token.children) or thing_named(token, knowledge.cues)
    ):
        return False
    if _carries_someone(token, pattern, knowledge):
        return False
    return not pattern.infinitive or any(
        v.lemma_.lower() == pattern.infinitive and _left_for_a_place(v, knowledge.cues) for v in infinitives_of(token)
    )


def _left_for_a_place(verb: Token, cues: Cues) -> bool:
    """ "to leave", "to leave the country", "to leave Somalia": an infinitive with no object or a place
    for one, not "to leave the meeting early"."""
    return all(
        o.ent_type_ in ("GPE", "LOC") or o.lemma_.lower() in cues.place_nouns | cues.home_lands
        for o in verb.children
        if o.dep_ == "dobj"
    )


def _object_positions(token: Token, pos: str, knowledge: Knowledge) -> dict[str, int]:
    """The words that may name a pattern's object, each with its place in the text (first kept)."""
    if pos == "NOUN":
        # a noun's "object" is the word that kinds it: "hunger strike", "car bomb"
        words = [c for c in token.children if c.dep_ in ("compound", "amod")]
        forms = [(w.i, w.lemma_.lower()) for w in words]
    elif pos == "ADJ":
        # an adjective's "object" is what its preposition names: "open to talks"
        forms = [(g.i, g.lemma_.lower()) for p in token.children if p.dep_ == "prep" for g in p.children]
    else:
        # a verb's object may be named by its modifier ("ended mediation efforts"), as written too ("the
        # wounded" is lemmatised as the verb "wound"), and the parser may hang a first object on a second
        # ("tear gas and stun grenades": gas a modifier of grenades)
        forms = [
            (w.i, form)
            for o in objects_of(token, knowledge.cues)
            for w in (*with_compounds(o), *(m for m in o.children if m.dep_ == "nmod"))
            if w is o or w.lemma_.lower() not in knowledge.cues.utility_modifiers
            for form in (w.lemma_.lower(), w.lower_)
        ]
    positions: dict[str, int] = {}
    for place, form in sorted(forms):
        positions.setdefault(form, place)
    return positions


def _told_to(verb: Token) -> set[str]:
    """The words heading a verb's objects, direct and indirect."""
    return {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN")}


def _dictionary_key(token: Token, knowledge: Knowledge) -> tuple[str, str] | None:
    """The part of speech and lemma under which the dictionary may know the word."""
    if _predicate_adjective(token) and ("ADJ", token.lower_) in knowledge.patterns:
        return "ADJ", token.lower_  # "is grateful to", "were disappointed by": a stance felt, read by its written word
    if _gerund_as_noun(token) and ("NOUN", token.lower_) in knowledge.patterns:
        return "NOUN", token.lower_  # "Fighting between the army and the rebels killed dozens": the noun
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass")):
        # a copula heading its clause ("Steinberg was in Beijing") is the verb
        lemma = token.lemma_.lower()
        return "VERB", lemma if ("VERB", lemma) in knowledge.patterns else _verb_base(token, knowledge) or lemma
    if token.pos_ == "NOUN" or _capitalised_noun(token):
        return "NOUN", token.lemma_.lower()
    return None


def _predicate_adjective(token: Token) -> bool:
    """What a copula says of its subject ("is grateful", "remains open", "said it was concerned"),
    or a participle of feeling read as a passive ("members were disappointed"); or one coordinated
    with such a predicate ("was selfish and irresponsible")."""
    if token.dep_ == "conj" and token.tag_ in ("JJ", "VBN") and token.head.dep_ == "acomp":
        return True
    # "said the move was a provocation": a noun a copula says of its subject judges it as an adjective does
    judging_noun = token.dep_ == "attr" and token.pos_ == "NOUN" and token.head.lemma_ == "be"
    return token.dep_ == "acomp" or judging_noun or be_passive(token)


def _small_clause(head: Token) -> bool:
    """A clause with no tense or marker of its own: an object and its predicate the parser reads as one."""
    return head.tag_ not in ("VBD", "VBZ", "MD") and not any(
        c.dep_ in ("mark", "aux", "auxpass") for c in head.children
    )


def _gerund_as_noun(token: Token) -> bool:
    """A gerund the parser makes a subject or object: it names the act as a noun does (unless it
    has an object of its own, as a verb does: "denied shelling villages")."""
    return token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and not has_direct_object(token)


def _capitalised_noun(token: Token) -> bool:
    """ "Protests erupted in Kampala": the tagger takes a capitalised common noun opening a
    sentence for a name; one that is no entity is read as the noun."""
    return token.pos_ == "PROPN" and bool(token.is_sent_start) and not token.ent_type_


def _carries_someone(token: Token, pattern: VerbPattern, knowledge: Knowledge) -> bool:
    """ "flew the freed prisoners to Texas": a verb of travel whose destination is a preposition's,
    given a direct object, takes others there; its subject makes no visit. Visitors taken or led
    ("headed a delegation to Beijing") visit for it, and a distance or time ("travelled 600
    kilometres to Nairobi") is no one taken."""
    return (
        pattern.code == knowledge.conventions.visit_code
        and pattern.object is None  # "paid a call on": the object is the visit's own word
        and "dobj" not in pattern.targets
        and any(
            c.dep_ == "dobj"
            and c.pos_ in CARRIED_WORDS
            and c.ent_type_ not in MEASURE_ENTITIES
            and c.lemma_.lower() not in knowledge.cues.origin_nouns
            for c in token.children
        )
    )


CARRIED_WORDS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})  # not a stray "that" the parser hangs there
MEASURE_ENTITIES = frozenset({"QUANTITY", "TIME", "DATE"})


def _of_time(preposition: Token) -> bool:
    """ "called Germany on Monday": a preposition of time is no particle ("called on Germany")."""
    objects = [g for g in preposition.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in ("DATE", "TIME") for g in objects)


def object_predicate(verb: Token) -> frozenset[str]:
    """The words that say what a verb's object is called or taken for ("called the verdict
    unacceptable", "described the move as illegal", "called the claims 'a fabrication'")."""
    return frozenset(w.lemma_.lower() for phrase in _predicate_phrases(verb) for w in phrase.subtree)


def _predicate_phrases(verb: Token) -> list[Token]:
    """Its object predicate, or what the parser makes of one: a phrase after "as", an apposition
    to the object, an adjective after it; never a time ("called Thursday on Arabs to unite")."""
    objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    # "called the accusations and the sanctions threat 'a manipulation'": an object the parser
    # coordinates with the verb
    objects += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN" and objects]
    phrases = [c for c in verb.children if c.dep_ == "oprd"]
    phrases += [p for h in (verb, *objects) for p in h.children if p.dep_ == "prep" and p.lower_ == "as"]
    phrases += [c for o in objects for c in o.children if c.dep_ == "appos" or (c.dep_ == "amod" and c.i > o.i)]
    # "declared Maduro's second term illegitimate", read as a clause whose subject is the object (and
    # "declared twenty diplomats persona non grata", whose Latin the parser reads as a verb); a clause
    # with a tense of its own says what happened, not what the object is ("found the officer had lied")
    phrases += [
        c for c in verb.children if c.dep_ == "ccomp" and (c.pos_ == "ADJ" or _small_clause(c)) and c.i > verb.i
    ]
    return [p for p in phrases if p.ent_type_ not in ("DATE", "TIME")]


def _names_its_object(verb: Token, knowledge: Knowledge) -> bool:
    """ "called the accusations a manipulation", "what it called baseless accusations": a verb with an
    object predicate, or whose "what" the parser gave a second object, says what something is."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        c.dep_ == "oprd" and c.ent_type_ not in ("DATE", "TIME") and c.lower_ not in knowledge.cues.result_words
        for c in verb.children
    ) or (len(objects) > 1 and objects[0].lower_ == "what")


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


def _counted_by_a_light_verb_s_object(noun: Token, cues: Cues) -> bool:
    """ "agreed a new package of sanctions": the act a light verb's object counts."""
    counted_in = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    return (
        counted_in is not None
        and counted_in.lemma_.lower() in cues.partitive_nouns
        and counted_in.dep_ == "dobj"
        and counted_in.head.lemma_.lower() in cues.light_verbs
    )


def noun_event_allowed(trigger: Token, pattern: VerbPattern, knowledge: Knowledge, context: ArticleActors) -> bool:
    """A noun is an event when owned ("Hu's visit"), hosted by a light verb ("held talks"),
    or an adjunct of its clause ("during a meeting with"); not when merely wished for. A
    modifier noun is the event of the noun it modifies when that one is no event word
    itself ("launched a mediation effort between")."""
    cues = knowledge.cues
    if (
        trigger.dep_ == "compound"
        and trigger.head.pos_ == "NOUN"
        and ("NOUN", trigger.head.lemma_.lower()) not in knowledge.patterns
    ):
        trigger = trigger.head
    if (
        any(c.dep_ == "poss" for c in trigger.children)
        or carried_out_by(trigger, cues)
        or _force_described(trigger, pattern, knowledge, context)
        or named_doers(trigger, pattern, context)
        or _said_by_a_named_doer(trigger, context)
    ):
        return True  # "Hu's visit", "the strike carried out by the Houthis", "the mediation of Qatar": someone's act
    # "the talks between the government and the rebels lasted …", "a new round of talks between
    # … opened": a mutual act whose parties are named is an event as the subject of its clause, and
    # "after two weeks of talks between …" one of two states held by a preposition of time
    subject = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else trigger
    between = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "between"]
    if pattern.symmetric and between and subject.dep_ in ("nsubj", "nsubjpass"):
        return True
    if (
        pattern.symmetric
        and subject.dep_ == "pobj"
        and subject.head.lower_ in cues.event_prepositions
        and len(_states_between(between, context)) == 2
    ):
        return True
    while trigger.dep_ == "conj" and trigger.head.i != trigger.i:  # "launched artillery and rocket fire"
        trigger = trigger.head
    head = trigger.head
    hosted = trigger.dep_ == "dobj" and head.lemma_.lower() in cues.light_verbs | cues.reaction_verbs
    if hosted or _counted_by_a_light_verb_s_object(trigger, cues):
        return True  # "held talks", "faced mass protests", "agreed a package of sanctions"
    if trigger.dep_ == "nsubj" and head.lemma_.lower() in cues.occurrence_verbs:
        return True  # "riots are continuing", "clashes erupted"
    return trigger.dep_ == "pobj" and _event_of_its_phrase(trigger, pattern, knowledge)


def _states_between(between: list[Token], context: ArticleActors) -> set[str | None]:
    """The states a "between" phrase names anywhere in it ("between Zarif and his counterparts from
    the United States, Britain, …" names seven)."""
    return {
        a.country
        for p in between
        for w in p.subtree
        if w.i in context.by_token or w.dep_ == "pobj"
        for a in resolve_all(w, context)
    }


def _event_of_its_phrase(trigger: Token, pattern: VerbPattern, knowledge: Knowledge) -> bool:
    """Whether a noun a preposition holds is an event of its clause's doer."""
    cues, head = knowledge.cues, trigger.head
    # "killed civilians in an attack", "during talks with": the clause's subject takes part;
    # before or after the clause only in acts done together ("after a meeting with"):
    # "arrested protesters after demonstrations" are others' protests
    if head.lower_ == "on" and trigger.tag_ == "NN" and not any(c.dep_ == "det" for c in trigger.children):
        return True  # a state one is in: "went on strike", "remained on high alert" (not "commented on the attack")
    journey = (head.lower_ == "on" and head.head.lemma_.lower() in cues.journey_verbs) or (
        head.lower_ == "from" and head.head.lemma_.lower() in cues.return_verbs
    )
    if journey:
        # "is on a three-day trip to Japan", "returned from a visit to Brazil"
        return pattern.code.startswith(knowledge.conventions.visit_code)
    if head.lower_ == "as" and head.head.lemma_.lower() in cues.capacity_verbs:
        return True  # "acted as a mediator between"
    if head.lower_ == "for" and head.head.lemma_.lower() in cues.gathering_verbs:
        return True  # "flew to Cairo for talks with", "converged on the capital for a rally"
    if head.lower_ not in cues.event_prepositions:
        return False
    if _manner(trigger) and pattern.code[:2] not in knowledge.conventions.force_roots:
        return False  # "recalled its envoy in protest at": why it was done, no protest held
    if head.head.pos_ == "NOUN" and find_pattern(head.head, knowledge) is not None:
        return False  # "opposed to mediation in peace negotiations": part of the other event's phrase
    return head.lower_ not in cues.sequence_prepositions or pattern.code[:2] in knowledge.conventions.shared_act_roots


def _said_by_a_named_doer(noun: Token, context: ArticleActors) -> bool:
    """ "Canadian criticism of the crackdown", "Russian warnings against …": a statement noun whose
    modifier names its doer and whose complement says what it is about."""
    return (
        noun.lemma_.lower() in context.cues.statement_act_nouns
        and any(c.dep_ in ("prep", "acl") for c in noun.children)
        and bool(modifying_doers(noun, context))
    )


def _manner(noun: Token) -> bool:
    """ "in protest", "in support of": a bare singular noun after "in" says how or why the clause's
    act was done (unlike a fight one is caught in: "killed in fighting")."""
    return (
        noun.head.lower_ == "in"
        and noun.tag_ == "NN"
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in noun.children)
    )


def _force_described(noun: Token, pattern: VerbPattern, knowledge: Knowledge, context: ArticleActors) -> bool:
    """ "condemned the Israeli strike on Rafah", "Russian attacks on Ukrainian cities": force named
    with its doer's people and its aim is force used."""
    if pattern.code[:2] not in knowledge.conventions.force_roots:
        return False
    doer = any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG") for c in noun.children) or bool(
        modifying_doers(noun, context)
    )
    aim = any(c.dep_ == "prep" and c.lower_ in knowledge.cues.aiming_prepositions | {"on"} for c in noun.children)
    return doer and aim


def is_about_sport(sent: Span, cues: Cues) -> bool:
    """A match report names states ("France beat Germany 2-1") but codes no political event."""
    text = sent.text
    words = WORD.findall(text.lower())
    pairs = (f"{first} {second}" for first, second in zip(words, words[1:]))
    tally = any(w in cues.vote_words for w in words)  # "voted 354-60": a vote's count, not a score
    return (
        any(w in cues.sports_words for w in words)
        or any(p in cues.sports_words for p in pairs)
        or (bool(cues.score_pattern.search(text)) and not tally)
    )


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
        return cls(
            tuple(i for i, (lemma, lower) in enumerate(rows) if lemma in triggers or lower in triggers),
            tuple(i for i, (_, lower) in enumerate(rows) if lower in obligations),
            tuple(i for i, (lemma, _) in enumerate(rows) if lemma in reporting),
        )

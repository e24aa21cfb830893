"""Repairs of parses the small model gets wrong in a way the coder can tell, made once on the Doc
before the stages read it, so every stage sees the same tree."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .phrases import set_off_indefinite

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def repair_fronted_subjects(doc: Doc) -> Doc:
    """ "Turkey hosted representatives of Russia": the parser may read a sentence's opening name as
    an adverbial noun (npadvmod) of a finite verb that then has no subject. The name before a verb
    with no subject of its own is its subject."""
    for token in doc:
        if _fronted_subject(token):
            token.dep_ = "nsubj"
    return doc


def _fronted_subject(token: Token) -> bool:
    verb = token.head
    return (
        token.dep_ == "npadvmod"  # cheap tests first: this runs on every token
        and token.pos_ == "PROPN"
        and token.i < verb.i
        and (token.left_edge.i == token.sent.start or _only_a_dateline_before(token))
        and (verb.tag_ in FINITE_TAGS or _bare_participle(verb))
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
    )


def _bare_participle(verb: Token) -> bool:
    """ "Qatar hosted delegations": a main verb tagged a participle with no auxiliary is a past tense."""
    return verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _only_a_dateline_before(token: Token) -> bool:
    """Only punctuation or a dateline's words before the name in its sentence ("KABUL - Qatar …")."""
    return all(t.is_punct or t.is_space or t.is_upper for t in token.sent[: token.left_edge.i - token.sent.start])


def repair_trailing_relatives(doc: Doc) -> Doc:
    """ "accused Kenya of meddling, a charge Nairobi denied": the parser may read a reduced relative
    clause after a comma as the sentence's main verb, with the clause before as its complement. The
    fronted object is a noun in apposition to that clause, and the verb after it its relative clause."""
    for verb in [t for t in doc if t.dep_ == "ROOT"]:
        parts = _trailing_relative(verb)
        if parts is None:
            continue
        clause, noun = parts
        # what stands before the noun ("Yesterday", the comma) and the full stop are the sentence's
        strays = [c for c in verb.children if c.i < noun.left_edge.i or (c.dep_ == "punct" and c.i > verb.i)]
        noun.head, noun.dep_ = clause, "appos"
        clause.head, clause.dep_ = clause, "ROOT"
        verb.head, verb.dep_ = noun, "relcl"
        for stray in strays:
            if stray.i != clause.i:
                stray.head = clause
    return doc


def _trailing_relative(verb: Token) -> tuple[Token, Token] | None:
    """The clause and the noun of "CLAUSE, a NOUN SUBJECT VERB", if the verb heads one."""
    children = list(verb.children)
    noun = next((c for c in children if c.dep_ == "dobj" and c.i < verb.i), None)
    subject = next((c for c in children if c.dep_ == "nsubj" and c.i < verb.i), None)
    clause = next((c for c in children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if noun is None or subject is None or clause is None or not noun.i < subject.i:
        return None
    if noun.left_edge.i - 1 <= clause.i or not set_off_indefinite(noun):
        return None
    return clause, noun


def repair_acronym_verbs(doc: Doc) -> Doc:
    """ "ECOWAS imposed sanctions on Mali": the parser may read a capitalised acronym as a verb (the
    root, or a clause on the noun before it, "the bloc ECOWAS imposed …") and the finite verb after it
    as a modifier of its object. An acronym is a name: the verb after it heads the clause, with the
    acronym, or the noun it is set beside, as its subject."""
    for acronym in [t for t in doc if _acronym_read_as_verb(t)]:
        verb = doc[acronym.i + 1]
        beside = acronym.head if acronym.dep_ == "acl" else None
        beside = beside or next((c for c in acronym.children if c.dep_ == "nsubj" and c.i < acronym.i), None)
        # its object, the verbs coordinated with it and the full stop are the verb's
        moved = [c for c in acronym.children if c.i > verb.i or c.dep_ not in ("nsubj", "det", "amod", "compound")]
        if beside is not None and acronym.dep_ == "acl":
            moved += [c for c in beside.children if c.dep_ == "punct" and c.i > acronym.i]
        verb.head, verb.dep_ = verb, "ROOT"
        for child in moved:
            child.head = verb
        if beside is not None:
            beside.head, beside.dep_ = verb, "nsubj"
            acronym.head, acronym.dep_ = beside, "appos"
        else:
            acronym.head, acronym.dep_ = verb, "nsubj"
        acronym.pos_, acronym.tag_ = "PROPN", "NNP"
    return doc


def _acronym_read_as_verb(token: Token) -> bool:
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        token.text.isupper()
        and len(token.text) >= 3
        and token.pos_ in ("VERB", "AUX")
        and token.dep_ in ("ROOT", "acl")
        and after is not None
        and after.tag_ in FINITE_TAGS | {"VBN"}
        and after.head.head.i == token.i
    )


def repair_double_predicates(doc: Doc) -> Doc:
    """ "called the Peruvian president a traitor": the parser may read both nouns after the verb as
    its object predicate; the first is the one named, its object."""
    for verb in doc:
        predicates = [c for c in verb.children if c.dep_ == "oprd"]
        if len(predicates) == 2 and not any(c.dep_ == "dobj" for c in verb.children):
            predicates[0].dep_ = "dobj"
    return doc


def repair_objects_read_as_compounds(doc: Doc) -> Doc:
    """ "called the detention unacceptable": the parser may hang the object on the object predicate
    after it, as a compound of the adjective. An adjective takes no compound: the noun is the verb's
    object, with the words before it that open its phrase."""
    for adjective in doc:
        if adjective.dep_ != "oprd" or adjective.pos_ != "ADJ":
            continue
        if any(c.dep_ == "dobj" for c in adjective.head.children):
            continue
        nouns = [c for c in adjective.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        if len(nouns) != 1:
            continue
        (noun,) = nouns
        for opener in [c for c in adjective.children if c.i < noun.i and c.dep_ in NOUN_PHRASE_OPENERS | {"amod"}]:
            opener.head = noun
        noun.head, noun.dep_ = adjective.head, "dobj"
    return doc


def repair_set_off_participles(doc: Doc) -> Doc:
    """ "The bloc, meeting in Abuja, imposed sanctions on Niger": the parser may read the participle
    set off after the subject as the main verb, with the finite verb after it a loose dependent. The
    finite verb is the main one, and the participle describes the subject."""
    for participle in [t for t in doc if t.dep_ == "ROOT" and t.tag_ in ("VBG", "VBN")]:
        subject = next((c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i), None)
        verb = next((c for c in participle.children if c.dep_ == "dep" and c.tag_ in FINITE_TAGS), None)
        if subject is None or verb is None or doc[participle.i - 1].text != ",":
            continue
        if not any(t.text == "," for t in doc[participle.i + 1 : verb.i]):
            continue
        after = [c for c in participle.children if c.i > verb.i]
        verb.head, verb.dep_ = verb, "ROOT"
        subject.head = verb
        participle.head, participle.dep_ = subject, "acl"
        for stray in after:
            stray.head = verb  # the full stop and what follows the main verb are its own
    return doc


def repair_verbs_tagged_nouns(doc: Doc) -> Doc:
    """ "Pakistan will on Friday release the pilot": the tagger may take a verb that can be a noun for
    one, though the parser gave it an auxiliary and a direct object; a word with both is a verb."""
    for token in doc:
        children = {c.dep_ for c in token.children}
        if token.pos_ == "NOUN" and "aux" in children and "dobj" in children:
            token.pos_, token.tag_ = "VERB", "VB"
            token.lemma_ = token.lower_
    return doc


# words that open a noun phrase before its adjectives ("the", "its", "two"): a participle before them is no adjective
NOUN_PHRASE_OPENERS = frozenset({"det", "predet", "poss", "nummod"})


def repair_participles_after_prepositions(doc: Doc) -> Doc:
    """ "is due in occupied Jerusalem", "flew to annexed Crimea": the parser may leave the preposition
    with no object and read the participle after it as a verb taking the place as its object. The
    participle describes the place, which the preposition governs."""
    for verb in [t for t in doc if t.tag_ in ("VBN", "VBD") and t.i > 0]:
        preposition = doc[verb.i - 1]
        place = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        children = {c.dep_ for c in verb.children}
        if (
            place is None
            or preposition.dep_ != "prep"
            or any(c.dep_ == "pobj" for c in preposition.children)
            or children & {"nsubj", "nsubjpass", "aux", "auxpass"}
            # "the minister he spoke with condemned the attack": a verb and its object
            or any(c.dep_ in NOUN_PHRASE_OPENERS for c in place.children)
            # a preposition under the verb (or a verb heading the sentence) would leave the
            # sentence with no root and the three words heading one another in a ring
            or verb.dep_ == "ROOT"
            or verb.is_ancestor(preposition)
        ):
            continue
        for other in [c for c in verb.children if c.i != place.i]:
            other.head = preposition.head  # "on Monday" says when of the clause, not of the participle
        place.head, place.dep_ = preposition, "pobj"
        # tagged a participle too: a rule reading the tag for a finite verb ("VBD") must not find one here
        verb.head, verb.dep_, verb.pos_, verb.tag_ = place, "amod", "ADJ", "VBN"
    return doc


NAMING_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def repair_lists_read_as_appositions(doc: Doc) -> Doc:
    """ "Saudi Arabia, Egypt, Bahrain and the Arab League condemned …", "Dutch Prime Minister Rutte,
    Belgian Prime Minister De Croo and …": the parser may read the second name of a list as an
    apposition to the first (or an adverbial noun), the rest coordinated with it.
    A name so read that goes on into a list is the list's second member."""
    for token in doc:
        head = token.head
        if (
            token.dep_ in ("appos", "npadvmod")
            and token.ent_type_ in NAMING_ENTITIES
            and head.ent_type_ in NAMING_ENTITIES
            and any(c.dep_ == "conj" for c in token.children)
            and doc[token.left_edge.i - 1].text == ","
        ):
            token.dep_ = "conj"
    return doc


def repair_split_subjects(doc: Doc) -> Doc:
    """ "Britain's May, France's Macron and Germany's Merkel said …": the parser may split a list of
    subjects into several subjects of the verb, the first set off by a comma. The later ones are
    the first's conjuncts, as the rest of the list is."""
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if len(subjects) < 2 or not all(s.pos_ in ("PROPN", "NOUN") for s in subjects):
            continue
        first = subjects[0]
        for later in subjects[1:]:
            if doc[later.left_edge.i - 1].text == "," and any(c.dep_ == "conj" for c in later.children):
                later.head, later.dep_ = first, "conj"
    return doc


def repair_parse(doc: Doc) -> Doc:
    """Every repair, in an order where each reads the tree the ones before left."""
    for repair in (
        repair_double_predicates,
        repair_objects_read_as_compounds,
        repair_acronym_verbs,
        repair_fronted_subjects,
        repair_trailing_relatives,
        repair_set_off_participles,
        repair_verbs_tagged_nouns,
        repair_lists_read_as_appositions,
        repair_split_subjects,
        repair_participles_after_prepositions,
    ):
        doc = repair(doc)
    return doc

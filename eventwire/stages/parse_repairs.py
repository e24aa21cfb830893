"""Repairs of parses the small model gets wrong in a way the coder can tell, made once on the Doc
before the stages read it, so every stage sees the same tree."""

from __future__ import annotations

from spacy.tokens import Doc, Token

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
    opening = token.left_edge.i == token.sent.start or _only_a_dateline_before(token)
    return (
        token.dep_ == "npadvmod"
        and token.pos_ == "PROPN"
        and token.i < verb.i
        and opening
        and (verb.tag_ in FINITE_TAGS or _bare_participle(verb))
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
    )


def _bare_participle(verb: Token) -> bool:
    """ "Qatar hosted delegations": a main verb tagged a participle with no auxiliary is a past tense."""
    return verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _only_a_dateline_before(token: Token) -> bool:
    """Only punctuation or a dateline's words before the name in its sentence ("KABUL - Qatar …")."""
    return all(t.is_punct or t.is_space or t.is_upper for t in token.sent[: token.left_edge.i - token.sent.start])

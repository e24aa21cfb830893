"""Helpers shared by the coder's tests (fixtures live in tests/conftest.py)."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

NO_SPACE_BEFORE = {".", ",", ":", ";", "'s", "?", "!"}


def triples(events):
    """(source country, target country or None, CAMEO root) of each event."""
    return {(e.source.country, e.target.country if e.target else None, e.cameo.code[:2]) for e in events}


def coded(events):
    """(source country, target country or None, full CAMEO code) of each event."""
    return {(e.source.country, e.target.country if e.target else None, e.cameo.code) for e in events}


@cache
def english() -> spacy.Language:
    """spaCy's English tokenizer and lexical attributes (is_punct, is_quote, like_num): no model."""
    return spacy.blank("en")


def english_vocab() -> Vocab:
    return english().vocab


def tokenized(text: str) -> Doc:
    """A sentence split into tokens, not parsed: for rules that read only its words."""
    return english()(text)


def hand_parsed(rows, vocab: Vocab | None = None, ents: list[str] | None = None) -> Doc:
    """A Doc parsed by hand, without the model: one row per token,

        (word, head, dep, pos, tag, lemma)

    where head is the absolute index of the token's head (the root is its own head). Rows are
    written as the small English model parses the sentence, so a rule is tested on the tree it
    meets in production, and a test names exactly the links the rule reads. With the model's `vocab`
    and IOB `ents`, the dictionaries' matchers can read it too."""
    words, heads, deps, pos, tags, lemmas = (list(column) for column in zip(*rows))
    spaces = [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE for i in range(len(words))]
    return Doc(
        vocab or english_vocab(),
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
    )


# "Peru rejected the plan and threatened Bolivia.", as the small model parses it: two coordinated acts
REJECTED_AND_THREATENED = [
    ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
    ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("plan", 1, "dobj", "NOUN", "NN", "plan"),
    ("and", 1, "cc", "CCONJ", "CC", "and"),
    ("threatened", 1, "conj", "VERB", "VBD", "threaten"),
    ("Bolivia", 5, "dobj", "PROPN", "NNP", "Bolivia"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

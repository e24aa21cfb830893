"""Parse repairs made before the stages read a Doc (`stages/parse_repairs.py`). Hand-built parses
test the rule; coded sentences of our own show it through the model."""

from __future__ import annotations

from eventwire.stages.parse_repairs import repair_fronted_subjects

from .helpers import hand_parsed, triples


def test_an_opening_name_read_as_an_adverbial_noun_of_a_verb_with_no_subject_is_its_subject():
    rows = [
        ("Ghana", 1, "npadvmod", "PROPN", "NNP", "Ghana"),
        ("hosted", 1, "ROOT", "VERB", "VBD", "host"),
        ("envoys", 1, "dobj", "NOUN", "NNS", "envoy"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = repair_fronted_subjects(hand_parsed(rows))
    assert doc[0].dep_ == "nsubj"


def test_a_verb_with_a_subject_keeps_its_adverbial_noun():
    rows = [
        ("Monday", 2, "npadvmod", "PROPN", "NNP", "Monday"),
        ("Ghana", 2, "nsubj", "PROPN", "NNP", "Ghana"),
        ("hosted", 2, "ROOT", "VERB", "VBD", "host"),
        ("envoys", 2, "dobj", "NOUN", "NNS", "envoy"),
    ]
    doc = repair_fronted_subjects(hand_parsed(rows))
    assert [t.dep_ for t in doc][:2] == ["npadvmod", "nsubj"]


def test_a_host_the_parser_missed_is_coded(code):
    assert ("TUR", "RUS", "04") in triples(
        code("Turkey hosted representatives of Russia and Ukraine for talks in Istanbul.")
    )

"""Dependency-tree helpers (`syntax`), on sentences parsed by hand: no model, fast.

Each Doc is written row by row as the small English model parses the sentence (see
`hand_parsed`), so a rule is shown the exact links it reads."""

from __future__ import annotations

from eventwire.stages.events import clause_chain, reporting_verb
from eventwire.stages.events.syntax import is_conditional, objects_of, past_partitive, subject_of, thing_named

from ..helpers import hand_parsed, triples


def passive_attack():
    return hand_parsed(
        [
            # word       head  dep          pos      tag    lemma
            ("Ukraine", 2, "nsubjpass", "PROPN", "NNP", "Ukraine"),
            ("was", 2, "auxpass", "AUX", "VBD", "be"),
            ("attacked", 2, "ROOT", "VERB", "VBN", "attack"),
            ("by", 2, "agent", "ADP", "IN", "by"),
            ("Russia", 3, "pobj", "PROPN", "NNP", "Russia"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )


def reported_agreement():
    return hand_parsed(
        [
            ("Egypt", 1, "nsubj", "PROPN", "NNP", "Egypt"),
            ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("Sudan", 3, "nsubj", "PROPN", "NNP", "Sudan"),
            ("agreed", 1, "ccomp", "VERB", "VBD", "agree"),
            ("to", 5, "aux", "PART", "TO", "to"),
            ("withdraw", 3, "xcomp", "VERB", "VB", "withdraw"),
            ("its", 7, "poss", "PRON", "PRP$", "its"),
            ("troops", 5, "dobj", "NOUN", "NNS", "troop"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )


def test_the_subject_of_a_passive_is_its_by_agent():
    doc = passive_attack()
    assert subject_of(doc[2]).text == "Russia"


def test_the_subject_of_an_active_verb_is_its_nsubj_and_an_infinitive_has_none():
    doc = reported_agreement()
    assert subject_of(doc[1]).text == "Egypt"
    assert subject_of(doc[3]).text == "Sudan"
    assert subject_of(doc[5]) is None  # "to withdraw": its doer is found by climbing, not here


def test_a_group_of_troops_is_the_troops(cues):
    doc = hand_parsed(
        [
            ("A", 1, "det", "DET", "DT", "a"),
            ("group", 5, "nsubj", "NOUN", "NN", "group"),
            ("of", 1, "prep", "ADP", "IN", "of"),
            ("Bangladeshi", 4, "amod", "PROPN", "NNP", "Bangladeshi"),
            ("troops", 2, "pobj", "NOUN", "NNS", "troop"),
            ("arrived", 5, "ROOT", "VERB", "VBD", "arrive"),
            (".", 5, "punct", "PUNCT", ".", "."),
        ]
    )
    assert past_partitive(doc[1], cues).text == "troops"
    assert past_partitive(doc[4], cues).text == "troops"  # a word counting nothing is itself


def test_an_owned_partitive_noun_is_the_owner_s_act_not_its_contents(cues):
    doc = hand_parsed(
        [
            ("China", 2, "poss", "PROPN", "NNP", "China"),
            ("'s", 0, "case", "PART", "POS", "'s"),
            ("deployment", 7, "nsubj", "NOUN", "NN", "deployment"),
            ("of", 2, "prep", "ADP", "IN", "of"),
            ("an", 6, "det", "DET", "DT", "an"),
            ("oil", 6, "compound", "NOUN", "NN", "oil"),
            ("rig", 3, "pobj", "NOUN", "NN", "rig"),
            ("angered", 7, "ROOT", "VERB", "VBD", "anger"),
            ("Vietnam", 7, "dobj", "PROPN", "NNP", "Vietnam"),
            (".", 7, "punct", "PUNCT", ".", "."),
        ]
    )
    assert past_partitive(doc[2], cues).text == "deployment"


def test_the_clause_chain_climbs_to_the_reporting_verb_and_stops_below_it(cues):
    doc = reported_agreement()
    chain = clause_chain(doc[5], cues)
    assert [(node.text, via) for node, via in chain] == [("withdraw", ""), ("agreed", "xcomp")]
    assert reporting_verb(doc[5], cues).text == "said"


def test_a_clause_with_no_verb_of_speech_above_it_has_no_reporting_verb(cues):
    doc = passive_attack()
    assert [node.text for node, _ in clause_chain(doc[2], cues)] == ["attacked"]
    assert reporting_verb(doc[2], cues) is None


def test_objects_are_coordinated_and_counted_things(cues):
    coordinated = hand_parsed(
        [
            ("Norway", 1, "nsubj", "PROPN", "NNP", "Norway"),
            ("sent", 1, "ROOT", "VERB", "VBD", "send"),
            ("aid", 1, "dobj", "NOUN", "NN", "aid"),
            ("and", 2, "cc", "CCONJ", "CC", "and"),
            ("troops", 2, "conj", "NOUN", "NNS", "troop"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert [o.text for o in objects_of(coordinated[1], cues)] == ["aid", "troops"]
    counted = hand_parsed(
        [
            ("Norway", 1, "nsubj", "PROPN", "NNP", "Norway"),
            ("sent", 1, "ROOT", "VERB", "VBD", "send"),
            ("a", 3, "det", "DET", "DT", "a"),
            ("shipment", 1, "dobj", "NOUN", "NN", "shipment"),
            ("of", 3, "prep", "ADP", "IN", "of"),
            ("aid", 4, "pobj", "NOUN", "NN", "aid"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert [o.text for o in objects_of(counted[1], cues)] == ["aid"]


def test_a_passive_s_subject_is_its_object_but_a_stance_s_object_follows_to(cues):
    assert [o.text for o in objects_of(passive_attack()[2], cues)] == ["Ukraine"]
    stance = hand_parsed(
        [
            ("Ghana", 2, "nsubj", "PROPN", "NNP", "Ghana"),
            ("is", 2, "auxpass", "AUX", "VBZ", "be"),
            ("opposed", 2, "ROOT", "VERB", "VBN", "oppose"),
            ("to", 2, "prep", "ADP", "IN", "to"),
            ("French", 5, "amod", "ADJ", "JJ", "french"),
            ("mediation", 3, "pobj", "NOUN", "NN", "mediation"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )
    assert [o.text for o in objects_of(stance[2], cues)] == ["mediation"]  # what Ghana opposes


def test_an_if_clause_the_parser_left_unlabelled_is_still_a_condition():
    # "Chad will strike Niger or elsewhere if Niger fires rockets.", the if-clause parsed as dep
    doc = hand_parsed(
        [
            ("Chad", 2, "nsubj", "PROPN", "NNP", "Chad"),
            ("will", 2, "aux", "AUX", "MD", "will"),
            ("strike", 2, "ROOT", "VERB", "VB", "strike"),
            ("Niger", 2, "dobj", "PROPN", "NNP", "Niger"),
            ("or", 3, "cc", "CCONJ", "CC", "or"),
            ("elsewhere", 8, "advmod", "ADV", "RB", "elsewhere"),
            ("if", 8, "mark", "SCONJ", "IN", "if"),
            ("Niger", 8, "nsubj", "PROPN", "NNP", "Niger"),
            ("fires", 2, "dep", "VERB", "VBZ", "fire"),
            ("rockets", 8, "dobj", "NOUN", "NNS", "rocket"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )
    assert is_conditional(doc[2], frozenset({"if"}))
    assert not is_conditional(doc[2], frozenset({"unless"}))


# "Kenya condemned what it called a raid.", as the small model parses it: "what" the object of the
# naming verb, whose clause is the main verb's complement
def condemned_what_it_called(naming_lemma="call"):
    return hand_parsed(
        [
            ("Kenya", 1, "nsubj", "PROPN", "NNP", "Kenya"),
            ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
            ("what", 4, "dobj", "PRON", "WP", "what"),
            ("it", 4, "nsubj", "PRON", "PRP", "it"),
            ("called", 1, "ccomp", "VERB", "VBD", naming_lemma),
            ("a", 6, "det", "DET", "DT", "a"),
            ("raid", 4, "oprd", "NOUN", "NN", "raid"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )


def test_what_a_free_relative_names_is_the_object_of_the_verb_above(cues):
    doc = condemned_what_it_called()
    assert [t.text for t in thing_named(doc[1], cues)] == ["raid"]
    assert [t.text for t in objects_of(doc[1], cues)] == ["raid"]


def test_a_verb_that_names_nothing_gives_no_object_through_what(cues):
    doc = condemned_what_it_called(naming_lemma="say")
    assert thing_named(doc[1], cues) == []


def test_an_act_judged_through_what_the_judge_calls_it_is_coded(code):
    assert ("NOR", "SWE", "11") in triples(
        code("Norway's foreign ministry on Monday denounced what it described as Swedish interference.")
    )
    assert ("BRA", "PRY", "11") in triples(code("Brazil's president condemned what he called a coup in Paraguay."))


def test_a_naming_verb_whose_what_has_a_second_object_is_no_phone_call(code):
    events = code("Qatar on Friday dismissed what it called baseless accusations made by Bahrain.")
    assert [(e.source.country, e.target.country, e.cameo.code) for e in events] == [("QAT", "BHR", "016")]

"""Parse repairs made before the stages read a Doc (`stages/parse_repairs.py`). Hand-built parses
test the rule; coded sentences of our own show it through the model."""

from __future__ import annotations

from eventwire.stages.parse_repairs import (
    repair_acronym_verbs,
    repair_double_predicates,
    repair_fronted_subjects,
    repair_objects_read_as_compounds,
    repair_participles_after_prepositions,
    repair_set_off_participles,
    repair_split_subjects,
    repair_trailing_relatives,
    repair_verbs_tagged_nouns,
)

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


# "Chad accused Niger of backing the rebels, a charge Niamey denied.", as the small model parses it:
# the reduced relative clause read as the main verb, the accusation as its complement
TRAILING_RELATIVE = [
    ("Chad", 1, "nsubj", "PROPN", "NNP", "Chad"),
    ("accused", 11, "ccomp", "VERB", "VBD", "accuse"),
    ("Niger", 1, "dobj", "PROPN", "NNP", "Niger"),
    ("of", 1, "prep", "ADP", "IN", "of"),
    ("backing", 3, "pcomp", "VERB", "VBG", "back"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("rebels", 4, "dobj", "NOUN", "NNS", "rebel"),
    (",", 11, "punct", "PUNCT", ",", ","),
    ("a", 9, "det", "DET", "DT", "a"),
    ("charge", 11, "dobj", "NOUN", "NN", "charge"),
    ("Niamey", 11, "nsubj", "PROPN", "NNP", "Niamey"),
    ("denied", 11, "ROOT", "VERB", "VBD", "deny"),
    (".", 11, "punct", "PUNCT", ".", "."),
]


def test_a_reduced_relative_clause_read_as_the_main_verb_is_the_relative_clause_of_its_noun():
    doc = repair_trailing_relatives(hand_parsed(TRAILING_RELATIVE))
    accused, charge, denied = doc[1], doc[9], doc[11]
    assert (accused.dep_, accused.head.i) == ("ROOT", 1)
    assert (charge.dep_, charge.head.i) == ("appos", 1)
    assert (denied.dep_, denied.head.i) == ("relcl", 9)
    assert len(list(doc.sents)) == 1
    assert doc[7].head.i == 1 and doc[12].head.i == 1  # the comma and full stop are the clause's


def test_words_before_the_relative_noun_stay_with_the_clause_they_precede():
    rows = [
        ("Yesterday", 12, "npadvmod", "NOUN", "NN", "yesterday"),
        *[(w, head + 1, dep, pos, tag, lemma) for w, head, dep, pos, tag, lemma in TRAILING_RELATIVE],
    ]
    doc = repair_trailing_relatives(hand_parsed(rows))
    assert doc[0].head.i == 2  # "Yesterday" dates the accusation, not the denial
    assert doc[10].left_edge.i == 9 and [t.i for t in doc[10].subtree] == [9, 10, 11, 12]
    assert len(list(doc.sents)) == 1


def test_a_definite_object_before_the_subject_is_not_taken_for_a_relative_noun():
    rows = [("the", 9, "det", "DET", "DT", "the") if row[0] == "a" else row for row in TRAILING_RELATIVE]
    doc = repair_trailing_relatives(hand_parsed(rows))
    assert doc[11].dep_ == "ROOT" and doc[1].dep_ == "ccomp"


def test_a_charge_denied_in_a_trailing_relative_clause_is_a_denial_aimed_at_the_accuser(code):
    found = triples(code("Chad accused Niger of backing the rebels, a charge Niamey denied."))
    assert ("TCD", "NER", "11") in found and ("NER", "TCD", "01") in found


# "ECOWAS imposed sanctions on Mali.", as the small model parses it: the acronym read as the root verb,
# the finite verb as a modifier of its object
ACRONYM_AS_VERB = [
    ("ECOWAS", 0, "ROOT", "VERB", "VB", "ECOWAS"),
    ("imposed", 2, "amod", "VERB", "VBD", "impose"),
    ("sanctions", 0, "dobj", "NOUN", "NNS", "sanction"),
    ("on", 2, "prep", "ADP", "IN", "on"),
    ("Mali", 3, "pobj", "PROPN", "NNP", "Mali"),
    (".", 0, "punct", "PUNCT", ".", "."),
]


def test_an_acronym_read_as_the_root_verb_is_the_subject_of_the_verb_after_it():
    doc = repair_acronym_verbs(hand_parsed(ACRONYM_AS_VERB))
    acronym, imposed, sanctions = doc[0], doc[1], doc[2]
    assert (imposed.dep_, imposed.head.i) == ("ROOT", 1)
    assert (acronym.dep_, acronym.head.i, acronym.pos_) == ("nsubj", 1, "PROPN")
    assert (sanctions.dep_, sanctions.head.i) == ("dobj", 1)
    assert len(list(doc.sents)) == 1


def test_a_word_in_lower_case_read_as_a_verb_is_left_alone():
    rows = [("ecowas" if row[0] == "ECOWAS" else row[0], *row[1:]) for row in ACRONYM_AS_VERB]
    doc = repair_acronym_verbs(hand_parsed(rows))
    assert doc[0].dep_ == "ROOT" and doc[1].dep_ == "amod"


def test_sanctions_an_acronym_imposed_are_coded(code):
    assert ("IGO", "MLI", "16") in triples(code("ECOWAS imposed sanctions on Mali."))
    assert ("IGO", "GIN", "16") in triples(code("The regional bloc ECOWAS imposed sanctions on Guinea."))


def test_the_first_of_two_object_predicates_is_the_object():
    rows = [
        ("Lima", 1, "nsubj", "PROPN", "NNP", "Lima"),
        ("called", 1, "ROOT", "VERB", "VBD", "call"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("envoy", 1, "oprd", "NOUN", "NN", "envoy"),
        ("a", 5, "det", "DET", "DT", "a"),
        ("liar", 1, "oprd", "NOUN", "NN", "liar"),
    ]
    doc = repair_double_predicates(hand_parsed(rows))
    assert [t.dep_ for t in doc][3:] == ["dobj", "det", "oprd"]


# "The bloc, meeting in Abuja, imposed sanctions on Mali.", as the small model parses it: the set-off
# participle read as the main verb, the finite verb as its loose dependent
SET_OFF_PARTICIPLE = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("bloc", 3, "nsubj", "NOUN", "NN", "bloc"),
    (",", 1, "punct", "PUNCT", ",", ","),
    ("meeting", 3, "ROOT", "VERB", "VBG", "meet"),
    ("in", 3, "prep", "ADP", "IN", "in"),
    ("Abuja", 4, "pobj", "PROPN", "NNP", "Abuja"),
    (",", 3, "punct", "PUNCT", ",", ","),
    ("imposed", 3, "dep", "VERB", "VBD", "impose"),
    ("sanctions", 7, "dobj", "NOUN", "NNS", "sanction"),
    ("on", 8, "prep", "ADP", "IN", "on"),
    ("Mali", 9, "pobj", "PROPN", "NNP", "Mali"),
    (".", 3, "punct", "PUNCT", ".", "."),
]


def test_a_participle_set_off_after_the_subject_is_no_main_verb():
    doc = repair_set_off_participles(hand_parsed(SET_OFF_PARTICIPLE))
    assert (doc[7].dep_, doc[1].head.i, doc[3].head.i, doc[3].dep_) == ("ROOT", 7, 1, "acl")
    assert doc[11].head.i == 7  # the full stop is the main verb's


def test_a_participle_with_no_comma_before_it_is_left_alone():
    rows = [row for i, row in enumerate(SET_OFF_PARTICIPLE) if i != 2]
    rows = [(w, h - 1 if h > 2 else h, d, p, t, lem) for w, h, d, p, t, lem in rows]
    doc = repair_set_off_participles(hand_parsed(rows))
    assert doc[2].dep_ == "ROOT"


def test_sanctions_a_bloc_imposed_while_meeting_are_coded(code):
    text = (
        "The Organization of American States (OAS), meeting in special session in the U.S. capital, "
        "also suspended Honduras."
    )
    assert ("IGO", "HND", "16") in triples(code(text))


def test_a_noun_with_an_auxiliary_and_an_object_is_a_verb():
    rows = [
        ("Chad", 3, "nsubj", "PROPN", "NNP", "Chad"),
        ("will", 3, "aux", "AUX", "MD", "will"),
        ("soon", 3, "advmod", "ADV", "RB", "soon"),
        ("release", 3, "ROOT", "NOUN", "NN", "release"),
        ("prisoners", 3, "dobj", "NOUN", "NNS", "prisoner"),
    ]
    doc = repair_verbs_tagged_nouns(hand_parsed(rows))
    assert (doc[3].pos_, doc[3].tag_) == ("VERB", "VB")
    rows[4] = ("prisoners", 3, "prep", "NOUN", "NNS", "prisoner")  # no object: left a noun
    assert repair_verbs_tagged_nouns(hand_parsed(rows))[3].pos_ == "NOUN"


def test_a_release_the_tagger_took_for_a_noun_is_coded(code):
    text = "Peru will on Friday release a Chilean navy officer captured this week, the government said."
    assert ("PER", "CHL", "08") in triples(code(text))


def test_a_list_of_states_read_as_an_apposition_is_a_list(code):
    text = "Qatar, Jordan, Oman, Kuwait and the African Union condemned the Israeli air strike."
    assert {"QAT", "JOR", "OMN", "KWT", "IGO"} <= {e.source.country for e in code(text)}


def test_a_participle_after_a_preposition_describes_the_place_it_governs(code):
    # the parser leaves "in" with no object and reads "occupied Jerusalem" as a verb and its object
    [visit] = code("The US Secretary of State is due in occupied Jerusalem on Monday.")
    assert (visit.source.country, visit.target.country, visit.cameo.code, visit.mode) == (
        "USA",
        "ISR",
        "042",
        "planned",
    )


# "The envoy is due in occupied Jerusalem on Monday.", as the small model parses it
DUE_IN_OCCUPIED = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("envoy", 2, "nsubj", "NOUN", "NN", "envoy"),
    ("is", 2, "ROOT", "AUX", "VBZ", "be"),
    ("due", 2, "acomp", "ADJ", "JJ", "due"),
    ("in", 3, "prep", "ADP", "IN", "in"),
    ("occupied", 2, "advcl", "VERB", "VBD", "occupy"),
    ("Jerusalem", 5, "dobj", "PROPN", "NNP", "Jerusalem"),
    ("on", 5, "prep", "ADP", "IN", "on"),
    ("Monday", 7, "pobj", "PROPN", "NNP", "Monday"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_a_participle_after_a_preposition_with_no_object_is_an_adjective_of_the_place():
    doc = repair_participles_after_prepositions(hand_parsed(DUE_IN_OCCUPIED))
    assert (doc[6].dep_, doc[6].head.i) == ("pobj", 4)
    assert (doc[5].dep_, doc[5].head.i, doc[5].pos_, doc[5].tag_) == ("amod", 6, "ADJ", "VBN")
    assert doc[7].head.i == 3  # "on Monday" goes where the preposition hangs, not on the participle


# "The minister he spoke with condemned the attack.", as the small model parses it: the stranded "with"
# has no object, and "condemned" is a verb with its object
STRANDED_PREPOSITION = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("minister", 1, "ROOT", "NOUN", "NN", "minister"),
    ("he", 3, "nsubj", "PRON", "PRP", "he"),
    ("spoke", 1, "relcl", "VERB", "VBD", "speak"),
    ("with", 3, "prep", "ADP", "IN", "with"),
    ("condemned", 1, "acl", "VERB", "VBN", "condemn"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("attack", 5, "dobj", "NOUN", "NN", "attack"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_a_verb_whose_object_opens_with_a_determiner_is_no_participle_describing_it():
    doc = repair_participles_after_prepositions(hand_parsed(STRANDED_PREPOSITION))
    assert (doc[5].dep_, doc[5].head.i, doc[7].dep_, doc[7].head.i) == ("acl", 1, "dobj", 5)


def test_a_participle_heading_its_preposition_is_left_alone():
    # a parse with the preposition under the participle: re-heading would leave no root and a ring
    rows = [
        ("Then", 2, "advmod", "ADV", "RB", "then"),
        ("in", 2, "prep", "ADP", "IN", "in"),
        ("occupied", 2, "ROOT", "VERB", "VBD", "occupy"),
        ("Kyiv", 2, "dobj", "PROPN", "NNP", "Kyiv"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    doc = repair_participles_after_prepositions(hand_parsed(rows))
    assert [t.dep_ for t in doc] == ["advmod", "prep", "ROOT", "dobj", "punct"]
    assert all(t.head.i == 2 for t in doc)


# "Ghana's Mahama, Togo's Gnassingbe and Benin's Talon urged calm.", as the small model may parse it:
# the list split into two subjects of the verb, the second carrying the rest of the list
SPLIT_SUBJECTS = [
    ("Mahama", 6, "nsubj", "PROPN", "NNP", "Mahama"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ("Gnassingbe", 6, "nsubj", "PROPN", "NNP", "Gnassingbe"),
    ("and", 2, "cc", "CCONJ", "CC", "and"),
    ("Talon", 2, "conj", "PROPN", "NNP", "Talon"),
    ("jointly", 6, "advmod", "ADV", "RB", "jointly"),
    ("urged", 6, "ROOT", "VERB", "VBD", "urge"),
    ("calm", 6, "dobj", "NOUN", "NN", "calm"),
]


def test_a_list_of_subjects_split_by_the_parser_is_one_coordinated_subject():
    doc = repair_split_subjects(hand_parsed(SPLIT_SUBJECTS))
    assert (doc[2].dep_, doc[2].head.i) == ("conj", 0)


def test_a_second_subject_that_lists_no_more_stays_as_parsed():
    rows = [r if r[0] not in ("and", "Talon") else (r[0], 6, "punct", "PUNCT", ",", r[0]) for r in SPLIT_SUBJECTS]
    doc = repair_split_subjects(hand_parsed(rows))
    assert (doc[2].dep_, doc[2].head.i) == ("nsubj", 6)


def test_two_subjects_not_set_off_by_a_comma_stay_as_parsed():
    rows = [r if r[0] != "," else ("said", 6, "parataxis", "VERB", "VBD", "say") for r in SPLIT_SUBJECTS]
    doc = repair_split_subjects(hand_parsed(rows))
    assert (doc[2].dep_, doc[2].head.i) == ("nsubj", 6)


def test_every_leader_of_a_split_list_of_subjects_is_a_source(code):
    text = (
        "In a joint statement, Dutch Prime Minister Mark Rutte, Belgian Prime Minister Alexander De Croo "
        "and Luxembourg Prime Minister Xavier Bettel urged Serbia to show restraint."
    )
    assert {("NLD", "SRB", "02"), ("BEL", "SRB", "02"), ("LUX", "SRB", "02")} <= triples(code(text))


def test_every_leader_of_a_list_the_parser_split_into_subjects_is_a_source(code):
    text = (
        "In a joint statement, Irish Prime Minister Leo Varadkar, Portuguese Prime Minister Antonio Costa "
        "and Maltese Prime Minister Robert Abela said they regretted the decision and urged Israel to show restraint."
    )
    assert {("IRL", "ISR", "02"), ("PRT", "ISR", "02"), ("MLT", "ISR", "02")} <= triples(code(text))


OBJECT_READ_AS_COMPOUND = [
    ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
    ("called", 1, "ROOT", "VERB", "VBD", "call"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("seizure", 4, "compound", "NOUN", "NN", "seizure"),
    ("illegal", 1, "oprd", "ADJ", "JJ", "illegal"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_an_object_read_as_a_compound_of_the_object_predicate_is_the_verb_s_object():
    doc = repair_objects_read_as_compounds(hand_parsed(OBJECT_READ_AS_COMPOUND))
    assert (doc[3].dep_, doc[3].head.i, doc[2].head.i) == ("dobj", 1, 3)


def test_a_verb_with_an_object_keeps_its_predicate_s_compound():
    rows = [r if r[0] != "the" else ("Bolivia", 1, "dobj", "PROPN", "NNP", "Bolivia") for r in OBJECT_READ_AS_COMPOUND]
    doc = repair_objects_read_as_compounds(hand_parsed(rows))
    assert (doc[3].dep_, doc[3].head.i) == ("compound", 4)


def test_an_act_called_unacceptable_after_it_was_reported_is_condemned(code):
    text = "Russia detained an Estonian officer on Friday. Estonia called the detention unacceptable."
    assert ("EST", "RUS", "11") in triples(code(text))

"""Asserted, planned, negated or hypothetical (`modes.mode_and_intent`), and the codes a stated
intent, a future act or a condition gives (a promise, a threat, a refusal).

First the rules on sentences parsed by hand (no model: `make test-fast` runs them), then
sentences written for these tests (not gold sentences) coded through the full model."""

from __future__ import annotations

import pytest

from eventwire.stages.events import mode_and_intent

from ..helpers import REJECTED_AND_THREATENED, coded, hand_parsed, triples

# Rules on sentences parsed by hand (no model)


def _reported_meeting(verb: str, tag: str):
    """ "Iraq <verb> it would meet Kuwait.", the reporting verb in the given tense."""
    return hand_parsed(
        [
            ("Iraq", 1, "nsubj", "PROPN", "NNP", "Iraq"),
            (verb, 1, "ROOT", "VERB", tag, "say"),
            ("it", 4, "nsubj", "PRON", "PRP", "it"),
            ("would", 4, "aux", "AUX", "MD", "would"),
            ("meet", 1, "ccomp", "VERB", "VB", "meet"),
            ("Kuwait", 4, "dobj", "PROPN", "NNP", "Kuwait"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )


def _condemnation(*before_verb):
    """ "Kenya <words> condemn Uganda.": `before_verb` rows are (word, dep, pos, tag, lemma), heads on the verb."""
    verb = 1 + len(before_verb)
    return hand_parsed(
        [
            ("Kenya", verb, "nsubj", "PROPN", "NNP", "Kenya"),
            *((word, verb, dep, pos, tag, lemma) for word, dep, pos, tag, lemma in before_verb),
            ("condemn", verb, "ROOT", "VERB", "VB", "condemn"),
            ("Uganda", verb, "dobj", "PROPN", "NNP", "Uganda"),
            (".", verb, "punct", "PUNCT", ".", "."),
        ]
    )


def test_a_neg_child_negates(cues):
    doc = _condemnation(("did", "aux", "AUX", "VBD", "do"), ("not", "neg", "PART", "RB", "not"))
    assert mode_and_intent(doc[3], cues) == ("negated", False)
    assert mode_and_intent(_condemnation(("did", "aux", "AUX", "VBD", "do"))[2], cues) == ("asserted", False)


def test_will_plans_and_states_an_intent_and_could_is_hypothetical(cues):
    assert mode_and_intent(_condemnation(("will", "aux", "AUX", "MD", "will"))[2], cues) == ("planned", True)
    assert mode_and_intent(_condemnation(("could", "aux", "AUX", "MD", "could"))[2], cues) == ("hypothetical", False)


def test_a_negating_governor_negates_its_complement(cues):
    doc = hand_parsed(
        [
            ("Kenya", 1, "nsubj", "PROPN", "NNP", "Kenya"),
            ("failed", 1, "ROOT", "VERB", "VBD", "fail"),
            ("to", 3, "aux", "PART", "TO", "to"),
            ("condemn", 1, "xcomp", "VERB", "VB", "condemn"),
            ("Uganda", 3, "dobj", "PROPN", "NNP", "Uganda"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert mode_and_intent(doc[3], cues)[0] == "negated"


def test_would_under_a_past_reporting_verb_is_the_past_of_will(cues):
    said = _reported_meeting("said", "VBD")
    assert mode_and_intent(said[4], cues)[0] == "planned"  # not hypothetical
    says = _reported_meeting("says", "VBZ")
    assert mode_and_intent(says[4], cues)[0] == "hypothetical"


def test_a_direct_quotation_keeps_its_own_would(cues):
    doc = hand_parsed(
        [
            ('"', 8, "punct", "PUNCT", "``", '"'),
            ("We", 3, "nsubj", "PRON", "PRP", "we"),
            ("would", 3, "aux", "AUX", "MD", "would"),
            ("meet", 8, "ccomp", "VERB", "VB", "meet"),
            ("Kuwait", 3, "dobj", "PROPN", "NNP", "Kuwait"),
            (",", 8, "punct", "PUNCT", ",", ","),
            ('"', 8, "punct", "PUNCT", "''", '"'),
            ("Iraq", 8, "nsubj", "PROPN", "NNP", "Iraq"),
            ("said", 8, "ROOT", "VERB", "VBD", "say"),
            (".", 8, "punct", "PUNCT", ".", "."),
        ]
    )
    assert mode_and_intent(doc[3], cues)[0] == "hypothetical"


def test_negation_does_not_cross_coordination(cues):
    doc = hand_parsed(REJECTED_AND_THREATENED)
    assert mode_and_intent(doc[5], cues) == ("asserted", False)


def test_a_to_infinitive_after_be_is_scheduled(cues):
    doc = hand_parsed(
        [
            ("Fiji", 1, "nsubj", "PROPN", "NNP", "Fiji"),
            ("is", 1, "ROOT", "AUX", "VBZ", "be"),
            ("to", 3, "aux", "PART", "TO", "to"),
            ("meet", 1, "xcomp", "VERB", "VB", "meet"),
            ("Tonga", 3, "dobj", "PROPN", "NNP", "Tonga"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert mode_and_intent(doc[3], cues)[0] == "planned"
    ready = hand_parsed(
        [
            ("Fiji", 1, "nsubj", "PROPN", "NNP", "Fiji"),
            ("is", 1, "ROOT", "AUX", "VBZ", "be"),
            ("ready", 1, "acomp", "ADJ", "JJ", "ready"),
            ("to", 4, "aux", "PART", "TO", "to"),
            ("meet", 2, "xcomp", "VERB", "VB", "meet"),
            ("Tonga", 4, "dobj", "PROPN", "NNP", "Tonga"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert mode_and_intent(ready[4], cues)[0] != "planned"  # readiness is stated now, not scheduled


def test_a_past_tense_conjunct_of_a_planned_act_has_its_own_tense(cues):
    # "Fiji plans to expel the envoy and recalled its ambassador."
    doc = hand_parsed(
        [
            ("Fiji", 1, "nsubj", "PROPN", "NNP", "Fiji"),
            ("plans", 1, "ROOT", "VERB", "VBZ", "plan"),
            ("to", 3, "aux", "PART", "TO", "to"),
            ("expel", 1, "xcomp", "VERB", "VB", "expel"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("envoy", 3, "dobj", "NOUN", "NN", "envoy"),
            ("and", 3, "cc", "CCONJ", "CC", "and"),
            ("recalled", 3, "conj", "VERB", "VBD", "recall"),
            ("its", 9, "poss", "PRON", "PRP$", "its"),
            ("ambassador", 7, "dobj", "NOUN", "NN", "ambassador"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert mode_and_intent(doc[3], cues)[0] == "planned"
    assert mode_and_intent(doc[7], cues)[0] == "asserted"


# Sentences coded through the full model


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("Kenya condemned Uganda.", "asserted"),
        ("Kenya has avoided condemning Uganda.", "negated"),
        ("Kenya did not condemn Uganda.", "negated"),
        ("Kenya failed to condemn Uganda.", "negated"),
        ("The Kenyan president is due to visit Uganda next week.", "planned"),
        ("The Kenyan president plans to visit Uganda.", "planned"),
        ("Kenya is expected to condemn Uganda.", "planned"),
        ("Kenya could condemn Uganda.", "hypothetical"),
    ],
)
def test_mode(code, sentence, mode):
    events = [e for e in code(sentence) if e.source.country == "KEN"]
    assert events and events[0].mode == mode


def test_coordination_does_not_spread_negation(code):
    events = code("Peru rejected the plan and threatened Bolivia with a boycott.")
    threat = [e for e in events if e.cameo.code.startswith("13")]
    assert threat and threat[0].mode == "asserted"


def test_would_reported_in_the_past_is_planned(code):
    # PLOVER: the act itself, planned; CAMEO's intent code kept beside it (issue 17)
    [event] = code("Iraq said it would meet Kuwait.")
    assert (event.cameo.root, event.mode, event.intent.code if event.intent else None) == ("04", "planned", "036")
    [hypothesis] = code("Iraq could meet Kuwait.")
    assert hypothesis.mode == "hypothetical"


def test_advice_by_others_is_hypothetical_but_a_speaker_s_own_call_is_asserted(code):
    [advice] = code("A former diplomat argued that Canada should condemn Iran.")
    assert (advice.source.country, advice.mode) == ("CAN", "hypothetical")
    [call] = code("Vietnam told the visiting Thai minister that the two countries should cooperate.")
    assert call.mode == "asserted"


def test_future_act_on_a_condition_is_a_threat(code):
    found = triples(code("Chad will withdraw its troops from Niger unless Niger pays its debts."))
    assert ("TCD", "NER", "13") in found


def test_a_cooperative_act_on_a_condition_is_an_offer(code):
    found = triples(code("Ethiopia said it would meet Eritrea if the border were reopened."))
    assert ("ETH", "ERI", "03") in found and not any(root == "13" for _, _, root in found)


def test_a_purpose_clause_is_not_negated_by_its_verb(code):
    events = code("Kenya cancelled the talks to protest against Uganda.")
    protests = [e for e in events if e.trigger_text == "protest"]
    assert protests and protests[0].mode == "asserted"


def test_a_stated_cut_in_aid_is_the_decision_not_a_threat(code):
    events = code("Sweden announced it would halt all aid to Zimbabwe.")
    assert [(e.source.country, e.target.country, e.cameo.code) for e in events] == [("SWE", "ZWE", "162")]


def test_a_hostile_act_held_out_on_a_condition_is_a_threat(code):
    events = code("Germany may suspend its aid to Mali if the junta delays the elections.")
    assert [(e.source.country, e.target.country, e.cameo.code[:2], e.mode) for e in events] == [
        ("DEU", "MLI", "13", "asserted")
    ]


def test_a_noun_event_with_its_own_doer_keeps_its_own_mode(code):
    events = {e.trigger_text: e.mode for e in code("China has not condemned Russia's invasion of Ukraine.")}
    assert events == {"condemned": "negated", "invasion": "asserted"}
    planned = [
        e
        for e in code("Officials began preparations for the Kenyan president's visit to Uganda.")
        if e.trigger_text == "visit"
    ]
    assert planned and planned[0].mode == "planned"


def test_an_announced_boycott_is_a_threat_of_dissent(code):
    events = code("Palestinian leaders said they would boycott all contact with the United States.")
    assert [(e.source.country, e.target.country, e.cameo.code) for e in events] == [("PSE", "USA", "133")]


def test_a_present_tense_condition_has_not_happened(code):
    events = code("The Houthis said they would keep fighting until Israel ends its war in Gaza.")
    assert [e.mode for e in events if e.trigger_text == "ends"] == ["hypothetical"]


def test_readiness_stated_with_would_is_a_present_intent(code):
    events = code("Egypt said it would be ready to host talks between Israel and Hamas.")
    assert {(e.target.country, e.cameo.code, e.mode) for e in events} == {
        ("ISR", "039", "asserted"),
        ("PSE", "039", "asserted"),
    }
    assert [e.mode for e in code("Iran would negotiate with the United States.")] == ["hypothetical"]


def test_evacuating_held_ground_is_a_withdrawal(code):
    events = code("Israel will evacuate all settlements in the Gaza Strip.")
    # a planned withdrawal, which CAMEO codes as the intent to withdraw (035)
    assert [(e.target.country, e.cameo.code, e.mode, e.intent.code if e.intent else None) for e in events] == [
        ("PSE", "087", "planned", "035")
    ]


def test_an_announced_pull_out_of_inspectors_threatens_to_end_involvement(code):
    announced = code("The UN said it will withdraw its inspectors from Iraq.")
    # planned; CAMEO codes the announcement as a threat to end the involvement (136)
    assert [(e.cameo.code, e.mode, e.intent.code if e.intent else None) for e in announced] == [
        ("1662", "planned", "136")
    ]
    assert [e.cameo.code for e in code("The UN withdrew its inspectors from Iraq.")] == ["1662"]


def test_saying_one_will_not_cooperate_is_a_refusal(code):
    events = code("Iran said it would not attend the talks with the United States.")
    assert [(e.target.country, e.cameo.code, e.mode) for e in events] == [("USA", "125", "asserted")]
    assert [(e.cameo.code, e.mode) for e in code("Israel will not withdraw from the Golan Heights, Syria said.")] == [
        ("124", "asserted")
    ]
    # a hostile act that will not happen stays negated
    assert [e.mode for e in code("Israel will not attack Lebanon.")] == ["negated"]


def test_a_future_reported_by_a_participle_of_a_past_report_is_not_hypothetical(code):
    text = "Kenya released a communique saying that it would suspend flights to Uganda."
    [suspension] = [e for e in code(text) if e.cameo.code.startswith("16")]
    assert suspension.mode != "hypothetical"


def test_a_quoted_word_before_the_clause_is_no_direct_quotation(code):
    events = code('Chile announced that its "special envoy" would visit Peru.')
    assert events and all(e.mode != "hypothetical" for e in events)


# Planned acts (issue 17): PLOVER's act in mode planned, with the code CAMEO writes for it kept as
# the event's `intent`; acts stated now (threats, refusals, pledges, governed acts) keep their codes


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Peruvian foreign minister will visit Bolivia next month.", ("042", "planned", "036")),
        ("Norway will send aid to Malawi.", ("073", "planned", "0333")),  # the pattern's own intent code
        ("The Ghanaian army will attack Togo.", ("190", "planned", "138")),
        ("Uruguay is to meet Paraguay on Thursday.", ("040", "planned", "036")),
        ("Mexico was to host Guatemala for talks.", ("043", "planned", "036")),
        ("Senegal will expel the Gambian ambassador.", ("161", "planned", "131")),  # a cut announced: a threat
        ("The Danish prime minister will urge Estonia to hold talks.", ("020", "planned", None)),  # CAMEO has none
    ],
)
def test_a_planned_act_is_its_own_code_with_its_cameo_intent(code, sentence, expected):
    [event] = code(sentence)
    assert (event.cameo.code, event.mode, event.intent.code if event.intent else None) == expected


@pytest.mark.parametrize(
    ("sentence", "root"),
    [
        ("Ghana will withdraw its troops from Togo unless Togo pays its debts.", "13"),  # a threat, now
        ("Nicaragua said it would not attend the summit with Honduras.", "12"),  # a refusal, now
        ("Finland pledged aid to Moldova.", "03"),  # the pledge is the act
        ("Egypt agreed to restore ties with Qatar.", "03"),  # governed by its intent
        ("Algeria threatened to expel the Moroccan ambassador.", "13"),
        ("Serbia said it would strike back at Kosovo or elsewhere if Pristina fires missiles at Serbia.", "13"),
    ],
)
def test_an_act_stated_now_keeps_its_code_and_has_no_intent(code, sentence, root):
    events = [e for e in code(sentence) if e.mode == "asserted"]
    assert [(e.cameo.root, e.intent) for e in events] == [(root, None)]


def test_a_past_act_coordinated_with_a_planned_one_is_asserted(code):
    events = code("Argentina plans to expel the Chilean envoy and recalled its ambassador from Chile.")
    assert {(e.trigger_text, e.mode) for e in events} == {("expel", "planned"), ("recalled", "asserted")}


def test_a_clause_led_by_what_is_not_governed_by_the_verb_it_is_the_object_of(code):
    text = (
        "Pakistan accused India of sponsoring attacks on Monday. India denied the charge. "
        "Pakistan will not accept what it calls interference in its internal affairs."
    )
    [called] = [e for e in code(text) if e.trigger_text == "calls"]
    assert (called.source.country, called.target.country, called.cameo.code, called.mode) == (
        "PAK",
        "IND",
        "111",
        "asserted",
    )


def test_a_visit_one_is_due_or_expected_on_is_planned(code):
    [due] = code("The Qatari emir is due in Khartoum next week.")
    assert (due.source.country, due.target.country, due.cameo.code, due.mode) == ("QAT", "SDN", "042", "planned")
    [expected] = [
        e for e in code("The Turkish foreign minister is expected in Tripoli on Sunday.") if e.cameo.code == "042"
    ]
    assert (expected.target.country, expected.mode) == ("LBY", "planned")
    # a payment due is no visit
    assert code("The Egyptian loan repayment is due in March.") == []


def test_an_act_only_asked_about_is_no_event(code):
    assert code("The Chilean minister declined to say whether Chile would impose sanctions on Peru.") == []
    # the same act held out on a condition is a threat
    assert coded(code("Chile would impose sanctions on Peru if it closed the border.")) == {("CHL", "PER", "131")}

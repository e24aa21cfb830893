"""Acts coded through the word governing them (`governors`): threats, refusals, appeals and
demands, and the demands that obligations and preconditions in reported speech state.

First the rules on sentences parsed by hand (no model: `make test-fast` runs them), then
sentences written for these tests (not gold sentences) coded through the full model."""

from __future__ import annotations

import pytest

from eventwire.stages.events import embedding_governor

from ..helpers import REJECTED_AND_THREATENED, coded, hand_parsed, triples

# Rules on sentences parsed by hand (no model)


def test_an_act_in_a_governor_s_complement_is_governed_by_it(cues):
    threat = hand_parsed(
        [
            ("Chad", 1, "nsubj", "PROPN", "NNP", "Chad"),
            ("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
            ("to", 3, "aux", "PART", "TO", "to"),
            ("attack", 1, "xcomp", "VERB", "VB", "attack"),
            ("Niger", 3, "dobj", "PROPN", "NNP", "Niger"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert embedding_governor(threat[3], cues).text == "threatened"
    assert embedding_governor(threat[1], cues) is None  # the governor itself heads its clause


def test_a_coordinated_act_is_not_governed_by_the_verb_before_it(cues):
    doc = hand_parsed(REJECTED_AND_THREATENED)
    assert embedding_governor(doc[5], cues) is None


# Sentences coded through the full model


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kenya refused to meet Uganda.", ("KEN", "UGA", "12")),
        ("Chad threatened to attack Niger.", ("TCD", "NER", "13")),
        ("Oman is willing to withdraw its troops from Yemen.", ("OMN", "YEM", "03")),
        ("Japan promised to send aid to Nepal.", ("JPN", "NPL", "03")),
        ("Mali urged Niger to release the prisoners.", ("MLI", "NER", "02")),
    ],
)
def test_act_in_a_complement_is_coded_through_its_governor(code, sentence, expected):
    found = triples(code(sentence))
    assert expected in found
    assert all(root == expected[2] for _, _, root in found)


def test_obligation_in_reported_speech_is_a_demand_on_the_obliged(code):
    [event] = code("Egypt said on Monday that Sudan must return the seized trucks.")
    assert (event.source.country, event.target.country, event.cameo.root) == ("EGY", "SDN", "10")


def test_demand_that_another_acts_keeps_the_demand(code):
    found = triples(code("Chile demanded that Bolivia withdraw its troops."))
    assert ("CHL", "BOL", "10") in found
    assert all(source == "CHL" for source, _, _ in found)


def test_an_act_demanded_of_someone_named_in_its_clause_is_not_done(code):
    text = (
        "LUSAKA (Reuters) - Zambia's president faced growing anger on Thursday. "
        "Thousands of people marched in Lusaka and demanded that he resign."
    )
    events = code(text)
    assert ("ZMB", "ZMB", "10") in triples(events)
    assert not [e for e in events if e.trigger_text == "resign"]  # asked for, not done


def test_what_the_obliged_must_do_is_not_their_act(code):
    found = triples(code("Jordan said that Syria must be ready to negotiate with Iraq."))
    assert ("JOR", "SYR", "10") in found
    assert not any(source == "SYR" for source, _, _ in found)


def test_a_threat_is_aimed_at_whoever_must_act_to_avert_it(code):
    events = code("Ethiopia threatened to close the border town of Moyale if Kenya kept sheltering rebels.")
    threats = [e for e in events if e.cameo.code.startswith("13")]
    assert threats and all(e.source.country == "ETH" and e.target.country == "KEN" for e in threats)


def test_readiness_to_impose_martial_law_is_a_threat(code):
    events = code("The Malian government said it is prepared to impose martial law in Bamako.")
    assert [(e.source.country, e.cameo.code[:2]) for e in events] == [("MLI", "13")]


def test_a_third_party_s_noun_event_in_a_demand_is_not_the_demand(code):
    events = code("Kenyan officials demanded that Uganda match the African Union's support for Somalia.")
    assert ("KEN", "UGA", "10") in {(e.source.country, e.target.country, e.cameo.code[:2]) for e in events}


def test_an_appeal_is_aimed_at_whom_it_addresses(code):
    events = code("Kenya urged Uganda to withdraw its troops from Somalia.")
    assert [(e.source.country, e.target.country, e.cameo.code[:2]) for e in events] == [("KEN", "UGA", "02")]


def test_what_someone_must_do_is_not_done(code):
    events = code("Kenyan activists staged rallies in Nairobi against the president, saying he must resign.")
    assert not [e for e in events if e.cameo.code.startswith("08")]
    assert ("KEN", "KEN", "14") in {(e.source.country, e.target.country, e.cameo.code[:2]) for e in events}


def test_a_demand_names_what_must_be_yielded(code):
    events = code("Uganda said that Kenya must release the detained Ugandan traders.")
    assert [(e.source.country, e.target.country, e.cameo.code) for e in events] == [("UGA", "KEN", "1053")]


def test_a_stated_precondition_is_a_demand_on_whoever_it_names(code):
    events = code("Russia said that NATO's withdrawal from the Baltic states was a precondition for any deal.")
    assert [(e.source.country, e.target.country, e.cameo.code) for e in events] == [("RUS", "IGO", "100")]


def test_a_purpose_clause_is_governed_like_the_act_it_serves(code):
    events = code("Norway is willing to send equipment to help defend Saudi Arabia.")
    assert [(e.source.country, e.target.country, e.cameo.code[:2]) for e in events] == [("NOR", "SAU", "03")]


def test_an_offer_made_to_help_is_an_intent(code):
    events = code("Syria offered its troops to Lebanon's president to help him restore order.")
    assert ("SYR", "LBN", "03") in {(e.source.country, e.target.country, e.cameo.code[:2]) for e in events}


def test_a_governed_governor_codes_the_act_once_more(code):
    events = code("Kenya refused to agree to send aid to Somalia.")
    assert [(e.source.country, e.target.country, e.cameo.code[:2]) for e in events] == [("KEN", "SOM", "12")]


def test_readying_force_is_a_posture_and_readiness_to_use_it_a_threat(code):
    assert ("GRC", "TUR", "15") in triples(code("The Greek army prepared to resume shelling Turkish positions."))
    assert ("ISR", "IRN", "13") in triples(code("Israel is prepared to use force against Iran."))


def test_urging_others_to_back_a_third_party_rallies_support_for_it(code):
    events = code("France urged Germany to back Ukraine.")
    assert {(e.source.country, e.target.country, e.cameo.code) for e in events} == {
        ("FRA", "DEU", "022"),
        ("FRA", "UKR", "053"),
    }
    # one international body appealing to another is an appeal to that other body
    assert ("IGO", "IGO", "02") in triples(code("The African Union urged the European Union to support Somalia."))


def test_an_attempted_assassination_is_185(code):
    events = code("Israeli police said Hamas militants attempted to assassinate the mayor of Sderot.")
    assert [(e.source.country, e.target.country, e.cameo.code) for e in events] == [("PSE", "ISR", "185")]


def test_a_statement_s_content_clause_can_state_a_demand(code):
    events = code("The Japanese premier issued a stern reminder to China that it must release the detained fishermen.")
    assert [(e.source.country, e.target.country, e.cameo.code[:2]) for e in events] == [("JPN", "CHN", "10")]


def test_an_obligation_on_a_role_of_the_only_state_is_a_demand_on_it(code):
    events = code("Rwandan rebels announced that President Kagame must agree to constitutional changes.")
    assert [(e.source.sector, e.target.country, e.target.sector, e.cameo.code[:2]) for e in events] == [
        ("REB", "RWA", "GOV", "10")
    ]


def test_failing_to_reach_agreement_halts_the_negotiation(code):
    events = code("Russia and Ukraine failed to reach agreement on Ukrainian gas debts.")
    assert {(e.source.country, e.target.country, e.cameo.code, e.mode) for e in events} == {
        ("RUS", "UKR", "164", "asserted"),
        ("UKR", "RUS", "164", "asserted"),
    }
    # failing to do anything else is that act not done
    assert [(e.cameo.code, e.mode) for e in code("The UN failed to condemn Israel.")] == [("111", "negated")]


def test_a_vow_not_to_act_is_no_intent_to_act(code):
    assert [e.cameo.code for e in code("Israel has vowed not to return the Golan Heights to Syria.")] == ["124"]
    assert [(e.cameo.code, e.mode) for e in code("Israel promised not to attack Lebanon.")] == [("190", "negated")]


def test_an_attempt_to_assassinate_is_185_whoever_makes_it(code):
    events = code("An attempt to assassinate the governor of the Tyumen region was thwarted in Khanty-Mansiysk.")
    assert [(e.source.country, e.source.sector, e.cameo.code) for e in events] == [("RUS", "UAF", "185")]
    events = code("Malian rebels made an attempt to assassinate the Malian president.")
    assert [(e.source.sector, e.target.sector, e.cameo.code) for e in events] == [("REB", "GOV", "185")]


def test_refusing_to_comment_is_declining_comment(code):
    assert [e.cameo.code for e in code("Chile refused to comment on the Peruvian claims.")] == ["011"]


def test_parties_agreeing_together_reach_an_agreement_one_agreeing_alone_states_an_intent(code):
    together = code("Chile and Peru have agreed to re-establish diplomatic relations.")
    assert {(e.source.country, e.target.country, e.cameo.code) for e in together} == {
        ("CHL", "PER", "057"),
        ("PER", "CHL", "057"),
    }
    assert [e.cameo.code for e in code("Chile and Peru agreed to end hostilities.")] == ["057", "057"]
    alone = code("Chile agreed to send aid to Peru.")
    assert [(e.target.country, e.cameo.code[:2]) for e in alone] == [("PER", "03")]


def test_sides_of_one_state_agreeing_together_reach_an_agreement(code):
    events = code("The government and the rebels agreed to end hostilities in South Sudan.")
    assert {(e.source.sector, e.target.sector, e.cameo.code) for e in events} == {
        ("GOV", "REB", "057"),
        ("REB", "GOV", "057"),
    }


def test_an_act_one_is_invited_to_do_is_the_invitation(code):
    events = code("The Ghanaian president invited the Togolese president to visit Accra.")
    assert coded(events) == {("GHA", "TGO", "036")}


def test_telling_someone_to_act_is_a_demand_but_telling_what_happened_is_not(code):
    assert ("CHL", "PER", "10") in triples(code("Chile told Peru to stop arming Bolivia."))
    # what one tells reporters is reported, not demanded
    assert not [e for e in code("Chile told reporters that Peru had armed the rebels.") if e.cameo.root == "10"]


def test_an_appeal_made_on_or_to_someone_is_aimed_at_them(code):
    called = triples(code("Argentina and Brazil called on Chile to sign the pact."))
    assert {("ARG", "CHL", "02"), ("BRA", "CHL", "02")} <= called
    assert ("ARG", "BRA", "02") not in called
    appealed = triples(code("Egypt and Qatar appealed to Israel to accept the truce."))
    assert {("EGY", "ISR", "02"), ("QAT", "ISR", "02")} <= appealed


def test_the_two_called_on_are_not_the_callers(code):
    text = "Peru and Chile held talks on trade. Argentina and Brazil called on the two countries to sign the pact."
    called = triples(code(text))
    assert {("ARG", "PER", "02"), ("ARG", "CHL", "02")} <= called
    assert not {("ARG", "BRA", "02"), ("BRA", "ARG", "02")} & called

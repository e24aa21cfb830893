"""Precision mechanisms that keep non-political news uncoded, each with a political twin
(sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.eras import load_eras
from eventwire.errors import KnowledgeError

pytestmark = pytest.mark.model


def coded(events):
    return {(e.source.country, e.target.country if e.target else None, e.cameo.code) for e in events}


def test_calling_off_classes_or_an_attendance_is_no_event(code):
    assert code("Chilean officials called off school classes in Santiago because of the smog.") == []
    assert code("Peru's president called off her attendance at the opera gala in Lima.") == []


def test_calling_off_an_engagement_between_states_reduces_relations(code):
    assert ("KEN", "SOM", "164") in coded(code("Kenya called off talks with Somalia over the maritime dispute."))
    assert ("JPN", "CHN", "160") in coded(code("Japan called off a planned visit to China by its trade minister."))


def test_an_act_in_a_named_past_war_is_history(code):
    text = "The veteran, who flew in a British attack on Germany in World War II, died on Monday in Leeds."
    assert code(text, published=date(2021, 5, 4)) == []
    # the twin: the same act with no era is today's
    assert ("GBR", "DEU", "190") in coded(code("British jets carried out an attack on German bases on Monday."))


def test_a_person_pronoun_does_not_stand_for_a_body(code):
    text = (
        "A tribunal in Geneva cleared the Kenyan sprinter on Monday. "
        "She said she would ask Uganda's federation for an apology."
    )
    assert all(e.source.text.lower() != "she" for e in code(text))


def test_a_person_pronoun_stands_for_the_person_named_before(code):
    text = "The Kenyan interior minister met the French ambassador in Nairobi. He urged France to extradite two men."
    assert ("KEN", "FRA", "020") in coded(code(text))


HOME_STATE_ARTICLE = (
    "NAIROBI (Reuters) - Kenyan police fired tear gas at protesters in Nairobi on Tuesday. "
    "Kenya's government said the protests were illegal. Kenya has seen weeks of unrest. "
)


def test_an_act_with_no_counterpart_needs_a_doer_the_sentence_names(code):
    events = code(HOME_STATE_ARTICLE + '"These villagers will never surrender," the elder said.')
    assert not [e for e in events if "surrender" in e.sentence]
    events = code(HOME_STATE_ARTICLE + "Four suspects were arrested in Mombasa on Wednesday after a bank robbery.")
    assert not [e for e in events if "suspects" in e.sentence]


def test_an_act_with_no_counterpart_by_a_named_doer_is_coded(code):
    events = code("Four hundred Congolese rebels surrendered last week in the eastern town of Beni.")
    assert any(e.source.country == "COD" and e.cameo.code.startswith("08") for e in events)


def test_a_city_named_again_is_not_the_counterpart_of_its_own_act(code):
    text = "The fair is not moving to Porto; instead, Porto will offer three guided food walks."
    assert code(text) == []


def test_an_era_needs_names_and_years_in_order(tmp_path):
    bad = tmp_path / "eras.yaml"
    bad.write_text("source: test\nlicense: MIT\neras:\n  - {names: [Long War], first: 1990, last: 1980}\n")
    with pytest.raises(KnowledgeError, match="first <= last"):
        load_eras(bad)


def test_a_state_named_with_no_role_is_its_government(code):
    [event] = [e for e in code("Iraq rejected Turkey's proposal on water sharing.") if e.cameo.code.startswith("12")]
    assert (event.target.country, event.target.sector) == ("TUR", "GOV")
    assert "a state named with no role" in event.target.rule


def test_a_high_commissioner_is_a_diplomat(code):
    events = code("Ghana summoned the British High Commissioner in Accra over the remarks.")
    assert ("GHA", "GBR", "GOV") in {(e.source.country, e.target.country, e.target.sector) for e in events if e.target}


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause(code):
    text = (
        "The Kenyan president met the Ugandan president in Nairobi on Monday. "
        "The Kenyan president later urged him to withdraw troops from the border."
    )
    urged = [e for e in code(text) if "urged" in e.sentence]
    assert urged and all(e.target is not None and e.target.country == "UGA" for e in urged)


@pytest.mark.parametrize(
    "sentence",
    [
        "Japan's SoftBank ended its deal with a Chinese chipmaker.",
        "China's Huawei accused Sweden's Ericsson of stealing patents.",
        "The Kenyan airline suspended its partnership with Qatar Airways.",
    ],
)
def test_companies_acting_on_one_another_are_no_political_event(code, sentence):
    assert code(sentence) == []


def test_a_state_s_own_institutions_still_act_for_it(code):
    # the political twin: a capitalised institution a state owns is its government's
    assert ("PAK", "IND", "111") in coded(code("Pakistan's Foreign Office summoned the Indian envoy on Monday."))


def test_an_athlete_arriving_is_no_state_visit(code):
    assert code("Ethiopian runner Tigst Assefa landed in Berlin ahead of the marathon.") == []
    # the political twin
    assert ("ETH", "DEU", "042") in coded(code("The Ethiopian foreign minister landed in Berlin on Monday."))

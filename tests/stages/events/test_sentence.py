"""The driver, `sentence.code_sentence`: one sentence in, its events out: which pairs of actors
an event gets, what is coded once, and what a state does within itself.
Sentences written for these tests (not gold sentences), coded through the full model."""

from __future__ import annotations

import pytest

from ..helpers import coded, triples


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Canada urged Mexico to reopen the border crossing.", ("CAN", "MEX", "02")),
        ("Norway offered Kenya new support for its schools.", ("NOR", "KEN", "03")),
        ("The Brazilian foreign minister met his Peruvian counterpart in Lima.", ("BRA", "PER", "04")),
        ("Argentina praised Chile for its handling of the crisis.", ("ARG", "CHL", "05")),
        ("Spain condemned Morocco over the incident.", ("ESP", "MAR", "11")),
        ("Egypt rebuffed Ethiopia on Tuesday.", ("EGY", "ETH", "12")),
        ("Turkey threatened Greece with military action.", ("TUR", "GRC", "13")),
        ("The European Union imposed sanctions on Belarus.", ("IGO", "BLR", "16")),
        ("Indian police arrested Nepali smugglers near the border.", ("IND", "NPL", "17")),
        ("Sudanese troops attacked Chad on Sunday.", ("SDN", "TCD", "19")),
        # news phrasings
        ("Qatar brokered a truce between Sudan and Chad on Sunday.", ("QAT", "SDN", "04")),
        ("The Greek navy seized a Turkish vessel near Crete.", ("GRC", "TUR", "17")),
        ("Police in Lagos fired tear gas at demonstrators.", ("NGA", "NGA", "17")),
        ("India and France held joint naval exercises in the Indian Ocean.", ("IND", "FRA", "06")),
        ("The Saudi air force struck Houthi positions in Yemen.", ("SAU", "YEM", "19")),
        ("Morocco and Algeria agreed to normalise relations.", ("MAR", "DZA", "05")),  # agreed together: 057
        ("France called on Iran to release the detained journalists.", ("FRA", "IRN", "02")),
        ("Vietnam protested China's deployment of an oil rig.", ("VNM", "CHN", "11")),  # a state complains: 114
        ("Kenya denied the accusations made by Uganda.", ("KEN", "UGA", "01")),
        # owned event nouns
        ("Iran's crackdown on Kurdish protesters continued on Monday.", ("IRN", "IRN", "17")),
        ("Ethiopia began its withdrawal from Somalia on Friday.", ("ETH", "SOM", "08")),
        ("Japan's apology to South Korea was welcomed in Seoul.", ("JPN", "KOR", "05")),
    ],
)
def test_roots_from_plain_sentences(code, sentence, expected):
    assert expected in triples(code(sentence))


def test_provenance_spans_point_into_the_text(code):
    text = "Background first.\n\nQatar praised Oman for its mediation."
    [event] = code(text)
    assert text[event.source.start : event.source.end] == "Qatar"
    assert text[event.target.start : event.target.end] == "Oman"
    assert text[event.trigger_start : event.trigger_end] == "praised"
    assert event.sentence == "Qatar praised Oman for its mediation."
    assert "verbs.yaml" in event.rule


def test_event_ids_are_stable(code):
    first = code("Qatar praised Oman.", article_id="same")
    assert [e.event_id for e in first] == [e.event_id for e in code("Qatar praised Oman.", article_id="same")]


def test_a_coded_event_keeps_its_id(code):
    # twin of the test above, on an event that is coded
    [first] = code("Qatar praised Oman.", article_id="same")
    [again] = code("Qatar praised Oman.", article_id="same")
    assert first.event_id == again.event_id and first.event_id


def test_spacy_component_in_a_users_pipeline(coder):
    nlp = coder.nlp
    doc = nlp("Chile praised Peru.")
    from eventwire.component import make_eventwire_component

    component = make_eventwire_component(nlp, "eventwire", [], "test")
    doc = component(doc)
    assert [(e.source.country, e.target.country) for e in doc._.eventwire_events] == [("CHL", "PER")]


def test_state_acting_on_itself_without_distinct_sectors_is_not_coded(code):
    assert code("Uganda banned Ugandan exports.") == []


def test_a_state_acting_on_another_is_coded(code):
    # twin of the test above
    assert ("UGA", "KEN", "16") in triples(code("Uganda banned Kenyan exports."))


def test_coordinated_pledge_is_reciprocal_and_not_repeated(code):
    events = code("Spain and Portugal pledged to deepen cooperation at a summit in Lisbon.")
    pledges = [e for e in events if e.cameo.root == "03"]
    assert sorted((e.source.country, e.target.country) for e in pledges) == [("ESP", "PRT"), ("PRT", "ESP")]
    # the summit they held is a meeting of the two, hosted in Portugal
    assert {("ESP", "PRT", "040"), ("PRT", "ESP", "043")} <= coded(events)


def test_coordinated_delegations_meeting_abroad_meet_each_other(code):
    found = triples(code("Armenian and Azerbaijani delegations met in Georgia for talks."))
    assert {("ARM", "AZE", "04"), ("AZE", "ARM", "04")} <= found
    assert not any(target == "GEO" for _, target, _ in found)


@pytest.mark.parametrize(
    ("sentence", "root"),
    [
        ("Japan and Vietnam held talks in Hanoi on Monday.", "04"),
        ("Israel and Hamas agreed to a ceasefire.", "03"),
        ("India and Pakistan exchanged fire across the border.", "19"),
    ],
)
def test_coordinated_parties_act_on_each_other(code, sentence, root):
    found = triples(code(sentence))
    pairs = {(s, t) for s, t, r in found if r == root}
    assert len(pairs) == 2 and all((t, s) in pairs for s, t in pairs)


def test_a_noun_restating_its_verb_is_not_a_second_event(code):
    events = code("Nigerian troops killed ten militants in a raid in Borno.")
    assert len([e for e in events if e.cameo.code[:2] == "19"]) == 1


def test_acts_without_a_named_counterpart(code):
    # a leader resigning yields to their own people (leadership_change_codes), not to no one
    assert ("PER", "PER", "08") in triples(code("The Peruvian prime minister resigned on Monday."))
    assert ("COL", None, "08") in triples(code("Hundreds of Colombian rebels surrendered last week."))


def test_a_paragraph_after_a_date_line_is_parsed_whole(code):
    text = "2024-03-04\n\nChile and Peru agreed on Monday to cooperate on water projects, officials said."
    assert {("CHL", "PER", "03"), ("PER", "CHL", "03")} <= triples(code(text))


def test_a_role_is_not_given_the_state_it_acts_toward(code):
    assert code("Several airlines suspended flights to Israel after the attack.") == []
    assert [e.cameo.code[:2] for e in code("Students protested against the Kenyan government on Monday.")] == ["14"]


def test_an_act_within_the_actor_s_own_state_names_no_target(code):
    events = code("Malian rebels declared a unilateral ceasefire in northern Mali on Wednesday.")
    assert [(e.source.country, e.target, e.cameo.code[:2]) for e in events] == [("MLI", None, "08")]


def test_what_a_protest_voices_is_its_content(code):
    events = code("Thousands of Kenyans demonstrated in Nairobi on Saturday, demanding that the government cut taxes.")
    assert [(e.source.country, e.target.country, e.cameo.code[:2]) for e in events] == [("KEN", "KEN", "14")]


def test_an_organised_group_acting_on_its_own_states_places_is_aimed_at_its_government(code):
    events = code("Insurgents in Mali blocked the roads into Bamako on Monday.")
    assert [(e.source.sector, e.target.country, e.target.sector) for e in events if e.cameo.code[:2] == "14"] == [
        ("REB", "MLI", "GOV")
    ]
    # a government acting in its own territory names no target
    # … but a truce declared in a region is not aimed at it, nor what the government does there
    for sentence in (
        "Rebels in Mali declared a ceasefire in the north of Mali on Monday.",
        "The Malian government declared a ceasefire in the north of Mali on Monday.",
    ):
        declared = code(sentence)
        assert [e.target for e in declared if e.cameo.code[:2] == "08"] == [None]


def test_an_obligation_a_protest_voices_is_its_content(code):
    events = code(
        "Angry activists from the Labour Party staged rallies in London against the prime minister, "
        "saying he must resign."
    )
    assert {e.cameo.code[:2] for e in events} == {"14"}
    assert ("GBR", "GBR", "10") in triples(code("British activists said the prime minister must resign."))


def test_a_government_acting_on_its_own_state_names_no_target(code):
    assert ("GHA", None, "03") in triples(code("The Ghanaian president promised to democratize Ghana."))
    # … unless the act names someone else, who is then its only target
    events = code("Canada would like to see more visits by Japanese officials to Canada.")
    assert {(e.target.country if e.target else None) for e in events} == {"JPN"}


def test_a_withdrawal_from_a_town_of_one_s_own_state_has_no_target(code):
    events = code("Mali said its troops had completed their withdrawal from the northern town of Kidal.")
    assert [(e.source.country, e.source.sector, e.target) for e in events] == [("MLI", "MIL", None)]


def test_demanding_elections_or_lifting_restrictions_needs_no_target(code):
    events = code("The former Greek prime minister demanded early elections.")
    assert [(e.source.country, e.target, e.cameo.code) for e in events] == [("GRC", None, "1041")]
    events = code("The Estonian court cancelled restrictions on the use of the Russian language.")
    assert [(e.source.country, e.target, e.cameo.code) for e in events] == [("EST", None, "0811")]
    assert triples(code("Estonia lifted restrictions on Russian diplomats.")) == {("EST", "RUS", "08")}


def test_a_people_may_face_an_organised_side_of_its_own_state(code):
    events = code("Bosnian Serbs demanded a truce with Moslem forces in eastern Bosnia.")
    assert triples(events) == {("BIH", "BIH", "10")}
    # a people of unknown role and its own state's army: the dictionaries cannot tell the sides apart
    assert code("Bosnian Serbs demanded a truce with the Bosnian army.") == []


def test_a_meeting_the_text_places_in_the_other_party_s_state_was_hosted_by_it(code):
    events = code("The Japanese prime minister held talks in Manila with the Philippine president.")
    assert {(e.source.country, e.target.country, e.cameo.code) for e in events} >= {
        ("JPN", "PHL", "046"),
        ("PHL", "JPN", "043"),
    }
    # placed nowhere, or in a third state, no one hosted it
    for text in (
        "The Japanese prime minister held talks with the Philippine president.",
        "The Japanese prime minister held talks in Jakarta with the Philippine president.",
    ):
        assert not [e for e in code(text) if e.cameo.code == "043"]


def test_both_sides_of_a_mutual_fight_between_states_are_armies(code):
    events = code("India and Pakistan exchanged fire along the border.")
    assert {(e.source.sector, e.target.sector) for e in events} == {("MIL", "MIL")}


def test_where_a_mutual_act_happened_abroad_is_not_its_other_side(code):
    assert coded(code("Chilean and Peruvian troops held joint exercises near La Paz.")) == {
        ("CHL", "PER", "062"),
        ("PER", "CHL", "062"),
    }
    assert code("The Argentine army held exercises near Doha.") == []
    # a team's training drills are no show of force
    assert code("The Argentina team held training drills near Doha.") == []


def test_refugees_and_tourists_arriving_visit_no_one(code):
    assert code("Thousands of Sudanese refugees arrived in Chad on Monday.") == []
    assert code("Chad welcomed thousands of Sudanese refugees on Monday.") == []
    # an official arriving is a visit, hosted by the state visited
    assert {("TCD", "SDN", "04"), ("SDN", "TCD", "04")} <= triples(
        code("Chad's president arrived in Khartoum on Monday.")
    )

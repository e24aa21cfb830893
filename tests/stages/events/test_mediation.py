"""Whom mediation is between (`mediation`) and who mediates when a noun names its doer in its own
words. Sentences written for these tests (not gold sentences), coded through the full model."""

from __future__ import annotations


def mediations(events) -> list[tuple[str, str, str]]:
    return sorted((e.source.country, e.target.country, e.target.sector) for e in events if e.cameo.code == "045")


def test_mediation_naming_no_parties_is_between_those_of_the_act_it_mediates(code):
    held = code("Armenia and Azerbaijan held talks mediated by the European Union in Brussels.")
    assert mediations(held) == [("IGO", "ARM", "GOV"), ("IGO", "AZE", "GOV")]
    assert all("target: the parties of the act it mediates" in e.rule for e in held if e.cameo.code == "045")
    # the mediated act's doer, whom a pronoun may stand for, and its partner
    resumed = code("Nepal said it had resumed border trade with China after mediation by India.")
    assert mediations(resumed) == [("IND", "CHN", "GOV"), ("IND", "NPL", "GOV")]


def test_a_noun_names_its_mediator_after_of(code):
    signed = code("Under the auspices of the African Union, Ethiopia signed a peace accord with the Tigrayan rebels.")
    assert mediations(signed) == [("IGO", "ETH", "GOV"), ("IGO", "ETH", "REB")]
    restored = code("Through the good offices of Kuwait, Saudi Arabia restored relations with Qatar.")
    assert mediations(restored) == [("KWT", "QAT", "GOV"), ("KWT", "SAU", "GOV")]
    # a mediation of a conflict names no mediator, and welcoming it is no mediation
    assert mediations(code("Qatar welcomed the mediation of the conflict in Yemen.")) == []


def test_a_mediator_s_role_taken_up_is_mediation(code):
    acted = code("Kazakhstan has acted as a mediator between Armenia and Azerbaijan.")
    assert mediations(acted) == [("KAZ", "ARM", "GOV"), ("KAZ", "AZE", "GOV")]


def test_an_offer_to_mediate_is_an_intent_to_mediate(code):
    offered = code("Switzerland offered to mediate between Armenia and Azerbaijan.")
    assert sorted((e.source.country, e.target.country, e.cameo.code) for e in offered) == [
        ("CHE", "ARM", "039"),
        ("CHE", "AZE", "039"),
    ]


def test_a_deal_its_mediator_brokered_is_no_mere_content_of_the_deal(code):
    # a participle naming its doer says who made the deal: the mediation is reported as done
    events = code("Qatar and Bahrain restored diplomatic ties under an agreement brokered by Kuwait.")
    assert mediations(events) == [("KWT", "BHR", "GOV"), ("KWT", "QAT", "GOV")]


def test_mediation_of_an_act_named_again_is_between_that_act_s_parties(code):
    text = (
        "Serbia agreed on Monday to hold talks with Kosovo in Brussels. "
        "The talks, mediated by the European Union, collapsed on Friday."
    )
    assert mediations(code(text)) == [("IGO", "KSV", "GOV"), ("IGO", "SRB", "GOV")]


def test_talks_brokered_are_still_the_parties_own_talks(code):
    events = code("Talks between Sudan and South Sudan, brokered by Ethiopia, resumed on Monday.")
    assert {(e.source.country, e.target.country, e.cameo.code) for e in events} == {
        ("ETH", "SDN", "045"),
        ("ETH", "SSD", "045"),
        ("SDN", "SSD", "040"),
        ("SSD", "SDN", "040"),
    }

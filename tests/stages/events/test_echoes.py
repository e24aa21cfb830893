"""Acts repeated by new doers with no verb of their own (`stages/events/echoes.py`)."""

from __future__ import annotations

from ..helpers import coded, triples


def test_as_did_repeats_the_act_of_its_sentence_with_each_new_doer(code):
    found = coded(code("Ghana's president condemned the coup in Guinea, as did Senegal and Nigeria's government."))
    assert {("GHA", "GIN", "111"), ("SEN", "GIN", "111"), ("NGA", "GIN", "111")} <= found


def test_following_suit_in_a_sentence_of_its_own_joins_the_list_of_doers_before(code):
    text = (
        "Latvia, Lithuania and Estonia expelled Russian diplomats on Tuesday. "
        "Moscow said it regretted the step. "
        "Poland followed suit on Wednesday."
    )
    assert ("POL", "RUS", "17") in triples(code(text)) or ("POL", "RUS", "16") in triples(code(text))


def test_doing_the_same_repeats_the_act_before_it(code):
    found = coded(code("Chile recalled its ambassador to Venezuela on Monday, and Peru did the same."))
    assert ("PER", "VEN", "161") in found


def test_another_international_body_is_a_new_doer(code):
    found = triples(code("ECOWAS suspended Guinea on Sunday, and the African Union followed suit two days later."))
    events = [e for e in code("ECOWAS suspended Guinea on Sunday, and the African Union followed suit.") if e.target]
    assert ("IGO", "GIN", "16") in found
    assert len({e.source.text for e in events}) == 2


def test_an_echo_refused_is_negated(code):
    events = code("Fiji cut ties with Taiwan on Monday, but Samoa did not follow suit.")
    assert [e.mode for e in events if e.source.country == "WSM"] == ["negated"]


def test_an_echo_with_no_act_before_it_codes_nothing(code):
    assert not code("Spain did the same, the newspaper said.")


def test_the_doer_of_the_act_itself_is_no_new_doer(code):
    events = code("Algeria closed its airspace to Moroccan planes, and the Algerian army did the same.")
    assert all(e.source.country == "DZA" for e in events)
    assert len([e for e in events if e.target and e.target.country == "MAR"]) == 1


def test_doing_so_names_no_new_doer(code):
    text = "Kenya said Somalia would recognise the region's independence, the first state to do so."
    assert all(e.trigger_text != "do" for e in code(text))

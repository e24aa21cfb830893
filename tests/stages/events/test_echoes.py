"""Acts repeated by new doers with no verb of their own (`stages/events/echoes.py`)."""

from __future__ import annotations

from ..helpers import coded, triples


def test_as_did_repeats_the_act_of_its_sentence_with_each_new_doer(code):
    found = coded(code("Ghana's president condemned the coup in Guinea, as did Senegal and Nigeria's government."))
    assert {("GHA", "GIN", "111"), ("SEN", "GIN", "111"), ("NGA", "GIN", "111")} <= found


def test_following_suit_in_a_sentence_of_its_own_repeats_the_act_of_the_sentence_before(code):
    text = "Latvia, Lithuania and Estonia expelled Russian diplomats on Tuesday. Poland followed suit on Wednesday."
    assert ("POL", "RUS") in {(s, t) for s, t, _ in triples(code(text))}


def test_an_echo_of_a_sentence_coded_as_no_event_repeats_nothing(code):
    text = (
        "Kenya criticised Somalia over the border dispute. "
        "Kenya's central bank raised interest rates on Tuesday. Uganda did the same."
    )
    assert all(e.source.country != "UGA" for e in code(text))


def test_each_target_of_the_act_before_is_repeated(code):
    found = triples(code("Chile recalled its ambassadors to Venezuela and Ecuador. Peru followed suit."))
    assert {("PER", "VEN", "16"), ("PER", "ECU", "16")} <= found


def test_the_target_repeating_an_act_returns_it(code):
    found = triples(code("Russia expelled two British diplomats on Monday. Britain did the same."))
    assert ("GBR", "RUS", "16") in found


def test_people_on_their_own_account_repeat_no_state_s_act(code):
    assert all(
        e.source.country != "PER"
        for e in code("Chile recalled its ambassador to Venezuela. Peruvian fans did the same.")
    )


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
    # with a doer, "did so" is still too loose to say which act: "so" must come before the verb
    assert all(e.source.country != "PER" for e in code("Chile recalled its ambassador to Venezuela. Peru did so too."))
    assert ("PER", "VEN", "16") in triples(code("Chile recalled its ambassador to Venezuela, and so did Peru."))


def test_an_echo_repeats_the_main_act_not_what_its_clause_adds(code):
    text = (
        "Chile recalled its ambassador to Venezuela on Monday, accusing Caracas of electoral fraud. Peru followed suit."
    )
    assert [e.cameo.code for e in code(text) if e.source.country == "PER"] == ["161"]

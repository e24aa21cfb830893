"""Clauses that report no act of their own (`clauses`): the content of a claim, demand or
agreement, a proposal rejected, an act only permitted.

First the rules on sentences parsed by hand (no model: `make test-fast` runs them), then
sentences written for these tests (not gold sentences) coded through the full model."""

from __future__ import annotations

import pytest

from eventwire.stages.events import content_of_a_noun
from eventwire.stages.events.clauses import rejecter_of_proposal

from ..helpers import hand_parsed, triples

# Rules on sentences parsed by hand (no model)


def _murder_reported_by(verb_rows, clause_dep: str):
    """ "Poland <verb words> that troops murdered officers.": the clause hangs on the last verb row
    (a verb of speech) or on its object noun, by `clause_dep`."""
    n = len(verb_rows)  # rows after "Poland": the clause's head is the last of them, token n
    return hand_parsed(
        [
            ("Poland", 1, "nsubj", "PROPN", "NNP", "Poland"),
            *verb_rows,
            ("that", n + 3, "mark", "SCONJ", "IN", "that"),
            ("troops", n + 3, "nsubj", "NOUN", "NNS", "troop"),
            ("murdered", n, clause_dep, "VERB", "VBD", "murder"),
            ("officers", n + 3, "dobj", "NOUN", "NNS", "officer"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )


def test_what_a_demanded_admission_says_is_its_content_not_an_act(cues):
    demanded = _murder_reported_by(
        [
            ("demanded", 1, "ROOT", "VERB", "VBD", "demand"),
            ("an", 3, "det", "DET", "DT", "an"),
            ("admission", 1, "dobj", "NOUN", "NN", "admission"),
        ],
        "acl",
    )
    assert demanded[6].text == "murdered" and content_of_a_noun(demanded[6], cues)
    said = _murder_reported_by([("said", 1, "ROOT", "VERB", "VBD", "say")], "ccomp")
    assert said[4].text == "murdered" and not content_of_a_noun(said[4], cues)


def test_calls_rejected_are_the_content_and_the_rejecting_verb_is_found(cues):
    # the small model hangs "to withdraw" on the verb, as if a purpose clause
    doc = hand_parsed(
        [
            ("Kenya", 1, "nsubj", "PROPN", "NNP", "Kenya"),
            ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
            ("calls", 1, "dobj", "NOUN", "NNS", "call"),
            ("to", 4, "aux", "PART", "TO", "to"),
            ("withdraw", 1, "advcl", "VERB", "VB", "withdraw"),
            ("its", 6, "poss", "PRON", "PRP$", "its"),
            ("troops", 4, "dobj", "NOUN", "NNS", "troop"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert content_of_a_noun(doc[4], cues)
    assert rejecter_of_proposal(doc[4], cues).text == "rejected"


# Sentences coded through the full model


def test_plans_described_by_a_clause_are_not_their_canceller_s_act(code):
    events = code("China demanded that the United States cancel plans to sell fighter jets to Taiwan.")
    assert {(e.source.country, e.target.country, e.cameo.code[:2]) for e in events} == {("CHN", "USA", "10")}


def test_the_content_of_a_claim_or_demand_is_not_an_event(code):
    events = code("Poland demanded an admission by Moscow that Russian forces murdered Polish officers.")
    assert not [e for e in events if e.cameo.code.startswith(("18", "19", "20"))]


def test_a_reported_act_is_an_event(code):
    # twin of the test above: said, not an admission demanded
    events = code("Poland said that Russian forces murdered Polish officers.")
    assert ("RUS", "POL", "19") in triples(events)


@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        ("Kenya rejected calls to withdraw its troops from Somalia.", "withdraw"),
        ("The US said it would not meet the kidnappers' demands to release prisoners in Iraq.", "release"),
    ],
)
def test_what_is_called_for_or_demanded_is_not_done(code, sentence, act):
    # the act may be coded as what was refused, never as done (a yielding, CAMEO 08)
    assert not [e for e in code(sentence) if e.trigger_text == act and e.cameo.code[:2] == "08"]


@pytest.mark.parametrize(
    ("sentence", "act"),
    [  # twins of the sentences above: the act begun, or reported done
        ("Kenya began to withdraw its troops from Somalia.", "withdraw"),
        ("The US said it had released prisoners in Iraq.", "released"),
    ],
)
def test_what_is_begun_or_reported_done_is_done(code, sentence, act):
    assert [e for e in code(sentence) if e.trigger_text == act and e.cameo.code[:2] == "08"]


def test_leave_to_act_is_given_to_whoever_acts(code):
    events = code("Uganda allowed UN inspectors to visit its prisons.")
    assert [(e.source.country, e.target.country, e.cameo.code[:2]) for e in events] == [("UGA", "IGO", "08")]
    refused = code("Iraq refused to allow UN inspectors to visit the site.")
    assert [(e.source.country, e.target.country, e.cameo.code[:2]) for e in refused] == [("IRQ", "IGO", "12")]


def test_what_a_document_aims_to_do_is_not_done(code):
    events = code("Poland backed a resolution that aims to impose a naval blockade against Belarus.")
    assert all(e.cameo.code[:2] != "19" for e in events)
    assert code("The plan aims to impose sanctions on Iran.") == []
    assert [e.mode for e in code("Russia aims to impose sanctions on Ukraine.")] == ["planned"]


def test_a_permitted_act_has_not_happened(code):
    events = code("Egypt allowed Hamas leaders to hold talks with Fatah in Cairo.")
    assert [(e.source.country, e.target.country, e.cameo.code[:2]) for e in events] == [("EGY", "PSE", "08")]


def test_what_an_agreement_is_about_has_not_happened(code):
    events = code("Kenya and Somalia signed an agreement to withdraw their troops from the border.")
    assert {e.cameo.code[:2] for e in events} == {"05"}
    events = code("Egyptian police freed the activists after an agreement on holding a peaceful protest march.")
    assert all(e.cameo.code[:2] != "14" for e in events)


def test_rejecting_a_proposal_refuses_the_act_proposed(code):
    events = code("Hamas rejected an invitation to attend talks with Israel in Cairo.")
    assert [(e.source.country, e.target.country, e.cameo.code) for e in events] == [("PSE", "ISR", "125")]
    events = code("Kenya rejected calls to withdraw its troops from Somalia.")
    assert [(e.source.country, e.target.country, e.cameo.code[:2]) for e in events] == [("KEN", "SOM", "12")]
    events = code("The United Nations rejected a call for its peacekeeping forces to be deployed in Haiti.")
    assert [(e.source.country, e.target.country, e.cameo.code) for e in events] == [("IGO", "HTI", "120")]
    # an invitation or offer that is not rejected is not an act done either
    assert all(e.cameo.code[:2] != "04" for e in code("Egypt sent Hamas an invitation to attend talks with Israel."))


def test_what_someone_is_accused_of_is_the_accusation_not_an_act_done(code):
    assert triples(code("Kenya accused Uganda of sheltering rebels.")) == {("KEN", "UGA", "11")}
    assert not code("Bolivian officials accused protesters of disrupting gas exports to Argentina.")
    # what one is arrested for is the charge, not an act reported as done
    assert {e.cameo.root for e in code("A Kenyan teacher was arrested in Uganda for spying for Tanzania.")} <= {"17"}
    # the parser may hang the "of" on the one accused; the accuser planned nothing
    text = (
        "Protesters attacked army posts in Kumasi on Tuesday. "
        "Ghana's interior minister accused Boateng's supporters of planning the attacks."
    )
    assert {e.cameo.root for e in code(text) if e.source.sector == "GOV"} == {"11"}
    # "of" after other verbs is no accusation: a stated act of one's own stays coded
    assert ("PER", "CHL", "04") in triples(code("Peru spoke of meeting Chile's president in Lima."))
    # what the accused is said to seek or try to do is not done either
    assert triples(code("Mali accused France of seeking to intervene militarily in Mali.")) == {("MLI", "FRA", "11")}


def test_the_result_of_an_accused_act_is_part_of_the_accusation(code):
    events = code("The Malian rebels accused the army of shelling villages near Gao, killing 12 civilians.")
    assert [(e.source.sector, e.target.sector, e.cameo.code[:2]) for e in events] == [("REB", "MIL", "11")]


def test_an_act_argued_against_is_not_done(code):
    found = triples(code("Washington warned Beijing against supplying weapons to Moscow."))
    assert ("USA", "CHN", "13") in found
    assert not [t for t in found if t[2] == "07"]
    assert not code("The Chilean senate voted against expelling the Peruvian ambassador.")

"""The code an act gets from who does it and with what (`codes`, and the conventions the driver
applies): weapons, peacekeepers, rebels' force, expulsions, bans within a state.

First the rules on sentences parsed by hand (no model: `make test-fast` runs them), then
sentences written for these tests (not gold sentences) coded through the full model."""

from __future__ import annotations

import pytest

from eventwire.knowledge import VerbPattern
from eventwire.stages.events.codes import cameo_intent, weapons_named

from ..helpers import coded, hand_parsed, triples

# Rules on sentences parsed by hand (no model)


@pytest.mark.parametrize(
    ("act", "mode", "intent_code", "expected"),
    [
        ("042", "planned", None, "036"),  # a visit announced: CAMEO's intent to meet
        ("073", "planned", "0333", "0333"),  # the pattern's own intent wins
        ("190", "planned", None, "138"),  # an attack announced: a threat of force
        ("1661", "planned", None, "136"),  # pulling monitors out: a threat to end the involvement
        ("161", "planned", None, "131"),  # an expulsion announced: the threat mapping
        ("020", "planned", None, None),  # a planned appeal: CAMEO codes the appeal itself
        ("042", "asserted", None, None),  # only planned acts have an intent
        ("042", "negated", None, None),
    ],
)
def test_cameo_intent_of_a_planned_act(knowledge, act, mode, intent_code, expected):
    pattern = VerbPattern("act", "VERB", act, "test", intent_code=intent_code)
    assert cameo_intent(act, mode, pattern, knowledge.cues, knowledge.conventions) == expected


def test_the_weapon_named_as_doer_or_means_most_specific_first(cues):
    bombers = hand_parsed(
        [
            ("Suicide", 1, "compound", "NOUN", "NN", "suicide"),
            ("bombers", 2, "nsubj", "NOUN", "NNS", "bomber"),
            ("attacked", 2, "ROOT", "VERB", "VBD", "attack"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("convoy", 2, "dobj", "NOUN", "NN", "convoy"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )
    assert weapons_named(bombers[2], cues)[0] == ("suicide bomber", "1831")
    car_bomb = hand_parsed(
        [
            ("Two", 1, "nummod", "NUM", "CD", "two"),
            ("soldiers", 3, "nsubjpass", "NOUN", "NNS", "soldier"),
            ("were", 3, "auxpass", "AUX", "VBD", "be"),
            ("killed", 3, "ROOT", "VERB", "VBN", "kill"),
            ("by", 3, "agent", "ADP", "IN", "by"),
            ("a", 7, "det", "DET", "DT", "a"),
            ("car", 7, "compound", "NOUN", "NN", "car"),
            ("bomb", 4, "pobj", "NOUN", "NN", "bomb"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ]
    )
    assert [code for _, code in weapons_named(car_bomb[3], cues)][:2] == ["1832", "183"]  # a car bomb, then a bomb


def test_killing_with_no_weapon_named_names_none(cues):
    doc = hand_parsed(
        [
            ("Soldiers", 1, "nsubj", "NOUN", "NNS", "soldier"),
            ("killed", 1, "ROOT", "VERB", "VBD", "kill"),
            ("12", 3, "nummod", "NUM", "CD", "12"),
            ("people", 1, "dobj", "NOUN", "NNS", "people"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert weapons_named(doc[1], cues) == []


# Sentences coded through the full model


def test_force_used_by_rebels_on_civilians_is_assault_and_on_forces_a_fight(code):
    assert ("COL", "VEN", "18") in triples(code("Colombian rebels killed Venezuelan villagers."))
    assert ("COL", "VEN", "19") in triples(code("Colombian rebels killed Venezuelan soldiers."))
    assert ("COL", "VEN", "19") in triples(code("Colombian troops killed Venezuelan soldiers."))


def test_a_ban_within_one_state_is_an_administrative_sanction(code):
    events = code("The Belarusian government banned independent Belarusian journalists.")
    assert {e.cameo.code[:2] for e in events if e.target and e.target.country == "BLR"} == {"17"}


def test_militiamen_assault_villages_and_fight_the_police(code):
    events = code("Somali militiamen attacked a Kenyan village.")
    assert [(e.source.country, e.source.sector, e.cameo.code[:2]) for e in events] == [("SOM", "REB", "18")]
    events = code("Somali militiamen attacked a Kenyan police post.")
    assert [(e.source.country, e.source.sector, e.cameo.code[:2]) for e in events] == [("SOM", "REB", "19")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Two Somali suicide bombers killed 12 people in a market when they blew themselves up in Nairobi.",
            ("SOM", "KEN", "1831"),
        ),
        ("Syrian helicopter gunships killed 20 civilians in Idlib.", ("SYR", "SYR", "195")),
        ("Afghan insurgents wounded three German soldiers in a bomb attack.", ("AFG", "DEU", "183")),
        ("Sudanese soldiers attacked the protesters with tear gas and rubber bullets.", ("SDN", "SDN", "175")),
    ],
)
def test_force_is_coded_by_the_weapon_named(code, sentence, expected):
    assert expected in {(e.source.country, e.target.country, e.cameo.code) for e in code(sentence)}


def test_crowd_control_weapons_aimed_at_those_who_bear_arms_make_no_repression(code):
    on_police = code("Kenyan protesters attacked the police with stones and tear gas.")
    # no repression by the protesters: their force is a riot (145)
    assert {(e.source.sector, e.target.sector, e.cameo.code) for e in on_police} == {("OPP", "COP", "145")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Opposition supporters stormed the electoral commission's offices in Libreville on Wednesday.",
        "A crowd of villagers attacked a police station in southern Nepal.",
    ],
)
def test_force_used_by_protesters_or_a_crowd_is_a_riot(code, sentence):
    assert "145" in {e.cameo.code for e in code(sentence)}


def test_a_riot_at_a_place_is_aimed_at_the_government_there(code):
    events = code("Peruvian opposition supporters stormed the electoral office in Lima on Monday.")
    assert [(e.target.country, e.target.sector, e.cameo.code) for e in events if e.target] == [("PER", "GOV", "145")]


def test_expelling_an_international_organisation_is_1663(code):
    events = code("Burundi forced the UN human rights office out of the country.")
    assert [(e.source.country, e.target.country, e.cameo.code) for e in events] == [("BDI", "IGO", "1663")]


@pytest.mark.parametrize(
    ("sentence", "code_"),
    [
        ("Mali expelled the French ambassador on Monday.", "161"),
        ("Ghana expelled 200 Nigerian traders.", "174"),
        ("North Korea expelled the IAEA inspectors.", "1662"),
    ],
)
def test_what_is_expelled_decides_the_code(code, sentence, code_):
    assert [e.cameo.code for e in code(sentence)] == [code_]


def test_a_state_s_forces_bombing_is_aerial(code):
    events = code("Sudanese army jets bombed rebel positions in Darfur on Monday.")
    assert [e.cameo.code for e in events] == ["195"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nigerian peacekeeping troops have arrived in Liberia.",
        "Nigeria deployed peacekeepers to Liberia on Monday.",
    ],
)
def test_peacekeepers_arriving_or_deployed_keep_the_peace(code, sentence):
    assert [(e.source.country, e.target.country, e.cameo.code) for e in code(sentence)] == [("NGA", "LBR", "074")]


def test_fire_from_the_air_is_aerial_even_when_called_shelling(code):
    events = code("Syrian helicopters and tanks shelled rebel positions near Aleppo.")
    assert [e.cameo.code for e in events] == ["195"]
    assert [e.cameo.code for e in code("Syrian tanks shelled rebel positions near Aleppo.")] == ["194"]


def test_peacekeepers_withdrawn_are_1661_and_withdraw_themselves(code):
    events = code("Eighty UN peacekeepers were shipped out of the Bosnian town of Gorazde on Friday.")
    assert [(e.source.country, e.target.country, e.cameo.code) for e in events] == [("IGO", "BIH", "1661")]
    assert [
        (e.target.country, e.cameo.code) for e in code("Russian troops pulled out of the Syrian town of Palmyra.")
    ] == [("SYR", "087")]


def test_artillery_and_shelling_refine_force_to_194_and_a_thrown_weapon_is_named(code):
    assert ("IND", "PAK", "194") in {
        (e.source.country, e.target.country, e.cameo.code)
        for e in code("Indian shelling killed three civilians in Pakistan-administered Kashmir.")
    }
    assert [e.cameo.code for e in code("Syrian troops killed four rebels with mortar fire.")] == ["194"]
    # the object of "exploded" is the weapon: rebels' bombs are non-military bombing
    assert {e.cameo.code for e in code("Rebels in Chad exploded bombs in a market in N'Djamena.")} == {"183"}


def test_a_protest_a_state_makes_is_its_complaint(code):
    events = code("The Japanese minister's visit to the shrine drew an angry protest from Seoul.")
    assert ("KOR", "JPN", "114") in coded(events)
    # people protesting in the street demonstrate
    assert ("KOR", "JPN", "14") in triples(code("Thousands of South Koreans rallied outside the Japanese embassy."))

"""Actor resolution (`eventwire.stages.actors`) as the coder's events show it: names, demonyms,
roles and their sectors, people met earlier in the article, pronouns, peoples and groups.
Sentences written for these tests (not gold sentences), coded through the full model."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import triples


def test_person_introduced_once_is_known_later(code):
    text = (
        "Jorge Quintero, Panama's foreign minister, arrived on Monday.\n\n"
        "Quintero condemned Costa Rica over the dispute."
    )
    [event] = [e for e in code(text) if e.cameo.root == "11"]
    assert (event.source.country, event.source.sector, event.target.country) == ("PAN", "GOV", "CRI")


def test_role_noun_gives_the_sector(code):
    [event] = code("Israeli defence officials criticised Lebanon.")
    assert (event.source.country, event.source.sector) == ("ISR", "MIL")


def test_pronoun_refers_to_the_last_person_before_it(code):
    text = (
        "Lena Ortiz, Chile's foreign minister, spoke to reporters.\n\n"
        '"We expect progress," she said, adding that she had condemned Peru.'
    )
    events = [e for e in code(text) if e.cameo.root == "11"]
    assert [(e.source.country, e.target.country) for e in events] == [("CHL", "PER")]


def test_relational_noun_stands_for_the_state_named_before(code):
    text = "Tensions rose after Serbia closed a border crossing.\n\nRussia has avoided criticising its ally."
    [event] = [e for e in code(text) if e.cameo.root == "11"]
    assert (event.source.country, event.target.country, event.mode) == ("RUS", "SRB", "negated")


def test_leader_of_a_group_takes_its_state_and_sector(code):
    text = (
        "The Danish naval delegation led by Karin Holm arrived on Monday.\n\n"
        "Holm will urge Norway to share patrol data."
    )
    [event] = [e for e in code(text) if e.cameo.root == "02"]
    assert (event.source.country, event.source.sector, event.target.country) == ("DNK", "MIL", "NOR")


def test_definite_description_keeps_the_sector_of_its_first_mention(code):
    text = (
        "The Chilean military delegation arrived in Lima.\n\nThe Chilean delegation then met Peru's defence minister."
    )
    [meeting] = [e for e in code(text) if e.cameo.root == "04" and e.trigger_text == "met"]
    assert (meeting.source.country, meeting.source.sector) == ("CHL", "MIL")


def test_dateline_is_not_an_actor(code):
    text = "BRUSSELS (Reuters) - Belgian ministers condemned Belarus on Monday."
    [event] = code(text)
    assert (event.source.country, event.target.country) == ("BEL", "BLR")
    # a statement by the dateline's own state was made where the story was filed
    assert event.place is not None and event.place.name == "Brussels"


def test_home_institution_and_the_role_the_text_gives(code):
    [event] = code(
        "Kenyan opposition leader Raila Odinga urged the government to withdraw the bill.", published=date(2024, 6, 5)
    )
    assert (event.source.code, event.target.code, event.cameo.root) == ("KENOPP", "KENGOV", "02")


@pytest.mark.parametrize(
    "second",
    [
        "Canada said it was deeply concerned and called on the authorities to show restraint.",
        "Canada called on the authorities to show restraint.",
    ],
)
def test_the_authorities_another_state_urges_are_those_of_the_state_the_story_is_about(code, second):
    text = "LUSAKA (Reuters) - Zambian police fired on opposition marchers on Thursday.\n\n" + second
    assert ("CAN", "ZMB", "02") in triples(code(text))
    assert ("CAN", "CAN", "02") not in triples(code(text))


def test_a_government_urging_the_opposition_urges_its_own(code):
    # twin of the test above: only the state itself ("the government", "the authorities") is another's
    text = (
        "LUSAKA (Reuters) - Zambia's government said it was ready for talks and called on the opposition "
        "to end the protests."
    )
    assert ("ZMB", "ZMB", "02") in triples(code(text))


def test_a_state_a_person_is_the_ally_of_is_not_their_own(code):
    text = (
        "TEGUCIGALPA (Reuters) - Guatemalan President Ana Ruiz arrived in Honduras on Monday.\n\n"
        "Ruiz, a close U.S. ally, accused Nicaragua of meddling in the election."
    )
    assert ("GTM", "NIC", "11") in triples(code(text))
    assert not any(source == "USA" for source, _, _ in triples(code(text)))


def test_a_state_named_as_the_person_s_own_still_is(code):
    # twin of the test above: "his Chilean counterpart" is Chilean
    text = (
        "Peruvian Foreign Minister Rosa Vidal met his Chilean counterpart, Tomas Reyes, in Lima.\n\n"
        "Reyes accused Bolivia of meddling."
    )
    assert ("CHL", "BOL", "11") in triples(code(text))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Egyptian police dispersed demonstrators in the square.", (("EGY", "COP"), ("EGY", "OPP"))),
        ("Nepalese activists demanded the resignation of the president.", (("NPL", "OPP"), ("NPL", "GOV"))),
    ],
)
def test_a_role_in_a_sentence_about_one_state_is_of_that_state(code, sentence, expected):
    pairs = {
        ((e.source.country, e.source.sector), (e.target.country, e.target.sector)) for e in code(sentence) if e.target
    }
    assert expected in pairs


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a party the dictionaries list (Party Facts), and a party role (PETRARCH's agents)
        ("Zambian police arrested two UPND leaders in Lusaka on Sunday.", (("ZMB", "COP"), ("ZMB", "OPP"))),
        ("Police in Harare detained three party leaders on Friday.", (("ZWE", "COP"), ("ZWE", "OPP"))),
        # said to rule: by a ruling word, or as a government
        (
            "The ruling party accused opposition leaders of inciting violence in Harare.",
            (("ZWE", "GOV"), ("ZWE", "OPP")),
        ),
        ("The ZANU-PF government accused Britain of meddling.", (("ZWE", "GOV"), ("GBR", "GOV"))),
        # a ruling word on something else of the party, or a rule that is over, says nothing
        ("The MDC's governing council accused Zimbabwean police of torture.", (("ZWE", "OPP"), ("ZWE", "COP"))),
        ("The once-ruling KANU accused Kenya's electoral commission of fraud.", (("KEN", "OPP"), ("KEN", "GOV"))),
        # or by naming its leader in office on the day (2024: Erdogan, president; Kilicdaroglu, not)
        (
            "Hundreds of students marched in Ankara against AKP leader Recep Tayyip Erdogan.",
            (("TUR", "EDU"), ("TUR", "GOV")),
        ),
        (
            "Hundreds of students marched in Ankara against CHP leader Kemal Kilicdaroglu.",
            (("TUR", "EDU"), ("TUR", "OPP")),
        ),
    ],
)
def test_a_party_is_the_opposition_unless_the_text_says_it_rules(code, sentence, expected):
    pairs = {
        ((e.source.country, e.source.sector), (e.target.country, e.target.sector)) for e in code(sentence) if e.target
    }
    assert expected in pairs


def test_a_role_is_not_given_a_state_when_the_sentence_names_two(code):
    found = triples(code("Indian troops and Pakistani officials said soldiers killed demonstrators."))
    assert not any(source == target for source, target, _ in found)


def test_a_role_is_given_the_state_when_the_sentence_names_one(code):
    # twin of the test above
    assert ("PAK", "PAK", "17") in triples(code("Pakistani officials said soldiers killed demonstrators."))


def test_a_people_living_in_another_state_are_coded_to_it(code):
    events = code("Ethnic Hungarians in Slovakia demanded autonomy from the Slovak government.")
    assert ("SVK", "CVL") in {(e.source.country, e.source.sector) for e in events}


def test_weapons_and_vehicles_act_for_their_forces(code):
    events = code("Turkish tanks shelled Syrian positions on Monday.")
    assert ("TUR", "MIL") in {(e.source.country, e.source.sector) for e in events}


def test_international_ngos_are_actors(code):
    assert ("IGO", "MMR", "11") in triples(code("Amnesty International condemned Myanmar."))


def test_plural_country_names_are_states_and_plural_demonyms_are_people(code):
    sectors = {
        (e.source.country, e.source.sector, e.target.country, e.target.sector)
        for e in code(
            "Vietnam accused the Philippines of provocation. Filipinos protested against the Chinese embassy."
        )
    }
    assert ("VNM", "GOV", "PHL", "GOV") in sectors
    assert any(s[:2] == ("PHL", "CVL") for s in sectors)


def test_a_party_said_to_rule_once_in_the_article_rules_in_all_of_it(code):
    text = (
        "HARARE (Reuters) - The ruling ZANU-PF accused the MDC of plotting violence.\n\n"
        "ZANU-PF also accused Britain of meddling."
    )
    assert ("ZWE", "GOV", "GBR") in {(e.source.country, e.source.sector, e.target.country) for e in code(text)}


def test_a_plural_demonym_the_tagger_calls_a_singular_name_is_still_a_people(code):
    # the tagger reads "Georgians" here as NNP, as if it named the state
    [event] = code("Georgians protested outside parliament in Tbilisi against the new law.")
    assert (event.source.country, event.source.sector) == ("GEO", "CVL")


def test_an_ethnic_group_named_by_no_place_is_not_the_state_of_its_name(code):
    found = triples(code("Ethnic Serbs attacked a police station, officials said."))
    assert not any(source == "SRB" for source, _, _ in found)


def test_an_ethnic_group_placed_in_a_state_is_of_that_state(code):
    # twin of the test above
    events = code("Ethnic Serbs in Croatia attacked a police station, officials said.")
    # (their attack a riot or a fight, as the code conventions say: what is tested is whose they are)
    assert ("HRV", "CVL") in {(e.source.country, e.source.sector) for e in events if e.cameo.code[:2] in ("14", "19")}


def test_a_patron_named_in_pro_or_backed_is_not_the_actor_s_state(code):
    found = triples(code("An Iranian-backed militia attacked Kurdish forces in Iraq."))
    assert not any(source == "IRN" for source, _, _ in found)
    found = triples(code("The pro-Russian party condemned Moldova's government."))
    assert not any(source == "RUS" for source, _, _ in found)


def test_a_state_named_plainly_is_the_actor_s_state(code):
    # twin of the test above: the demonyms without "-backed" or "pro-"
    assert ("IRN", "IRQ", "19") in triples(code("An Iranian militia attacked Kurdish forces in Iraq."))
    assert ("RUS", "MDA", "11") in triples(code("The Russian party condemned Moldova's government."))


def test_a_member_of_a_group_takes_the_group_s_sector(code):
    events = code("Leaders of the opposition in Zambia met President Hichilema.")
    assert {(e.source.sector, e.target.sector) for e in events} == {("OPP", "GOV")}
    events = code("A spokesman for the Ghanaian army accused Togo.")
    assert ("GHA", "MIL") in {(e.source.country, e.source.sector) for e in events}


def test_peoples_are_civilians_and_can_be_placed(code):
    events = code("Thousands of Iraqi Kurds demonstrated in Erbil on Sunday.")
    assert ("IRQ", "CVL", "IRQ", "GOV") in {
        (e.source.country, e.source.sector, e.target.country, e.target.sector) for e in events
    }
    found = triples(code("Serbian police killed two ethnic Hungarians in northern Serbia."))
    assert ("SRB", "SRB", "17") in found  # the police's force on the unarmed is repression


def test_he_after_a_person_of_unknown_state_is_not_an_earlier_actor(code):
    text = (
        "Zambian police fired tear gas at hundreds of protesters on Tuesday.\n\n"
        "President Hakainde Hichilema said his government would not back down, but he invited opposition "
        "leaders to talks next week."
    )
    assert not any(e.source.sector == "COP" and e.cameo.code.startswith("04") for e in code(text))


def test_he_after_a_person_of_known_state_is_that_person(code):
    # twin of the test above: the president's state is named
    text = (
        "Zambian police fired tear gas at hundreds of protesters on Tuesday.\n\n"
        "Zambian President Hakainde Hichilema said his government would not back down, but he invited opposition "
        "leaders to talks next week."
    )
    assert (
        ("ZMB", "GOV", "ZMB", "OPP", "03")
        in {  # an invitation to talks offers them (036)
            (e.source.country, e.source.sector, e.target.country, e.target.sector, e.cameo.code[:2]) for e in code(text)
        }
    )


def test_the_two_leaders_are_the_two_states_named_before(code):
    text = "Ghana's president met his Togolese counterpart in Accra. The two leaders pledged to reopen the border."
    assert {("GHA", "TGO", "03"), ("TGO", "GHA", "03")} <= triples(code(text))
    assert not any(t == s for s, t, _ in triples(code("Chadian rebels wounded two Sudanese soldiers.")))


def test_the_three_countries_are_the_three_states_named_together_before(code):
    text = "Chile, Peru and Colombia raised tariffs on Argentine beef.\n\nArgentina condemned the three countries."
    found = triples(code(text))
    assert {("ARG", "CHL", "11"), ("ARG", "PER", "11"), ("ARG", "COL", "11")} <= found


def test_the_three_countries_are_no_list_of_another_length(code):
    # twin of the test above: two states named are not "the three"
    text = "Chile and Peru raised tariffs on Argentine beef.\n\nArgentina condemned the three countries."
    assert not {t for t in triples(code(text)) if t[0] == "ARG"}


def test_the_two_leaders_are_the_two_people_just_named_whatever_the_story_is_about(code):
    text = (
        "Sudan's army and the paramilitaries fought on in Khartoum. Sudan's envoy blamed Kenya.\n\n"
        "Kenyan President William Ruto hosted Ethiopian Prime Minister Abiy Ahmed on Monday to discuss Sudan. "
        "The two leaders pledged to work for a ceasefire."
    )
    pledged = [e for e in code(text) if e.trigger_text == "pledged"]
    assert sorted((e.source.country, e.target.country) for e in pledged) == [("ETH", "KEN"), ("KEN", "ETH")]


def test_supporters_are_civilians_not_their_leader_s_office(code):
    events = code("About 300 supporters of the former president blocked roads in Conakry.")
    assert ("GIN", "CVL") in {(e.source.country, e.source.sector) for e in events}


def test_the_body_an_apposition_gives_a_listed_person_outranks_the_listing(code):
    events = code("Kenzo Oshima, the UN relief coordinator, urged Sudan to open its borders.")
    assert {(e.source.country, e.target.country) for e in events} == {("IGO", "SDN")}


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Al-Shabaab militants attacked a police post in Mandera.", ("SOM", "REB")),
        ("Boko Haram fighters abducted 30 schoolgirls in Borno.", ("NGA", "REB")),
    ],
)
def test_named_armed_groups_have_their_state(code, sentence, source):
    assert source in {(e.source.country, e.source.sector) for e in code(sentence)}


def test_a_subject_pronoun_continues_the_previous_subject(code):
    events = code(
        "President Joe Biden spoke with Israeli Prime Minister Benjamin Netanyahu on Sunday. "
        "He will also meet Jordan's King Abdullah next week."
    )
    assert ("USA", "JOR") in {(e.source.country, e.target.country) for e in events}


def test_a_shared_city_name_is_the_named_states(code):
    events = code("Syrian officers ended mediation between rival militias in Tripoli, the north Lebanese port.")
    assert ("SYR", "LBN", "16") in triples(events)
    assert ("USA", "FRA", "04") in triples(code("A US envoy arrived in Paris on Monday."))


def test_former_codes_are_written_as_today_s(code):
    assert ("TLS", "TLS", "14") in triples(code("Prisoners rioted at a jail in East Timor's capital Dili on Monday."))


def test_a_role_word_inside_a_hyphenated_modifier_is_no_role(code):
    events = code("The Islah party has said it will boycott Yemen's first multi-party elections.")
    assert [(e.source.sector, e.target.country, e.target.sector) for e in events] == [("OPP", "YEM", "GOV")]


def test_a_group_of_no_state_is_coded_by_its_sector_alone(code):
    events = code("Al-Qaeda's network of fighters has threatened to attack Kenya.")
    events += code("The Islamic State has threatened to attack Kenya.")
    assert {(e.source.country, e.source.sector, e.source.code, e.target.country, e.cameo.code) for e in events} == {
        (None, "REB", "REB", "KEN", "138")
    }  # threatening to attack a state: a fight, whoever threatens it
    assert ("IRQ", None, "19") in triples(code("The Iraqi army attacked Islamic State positions near Mosul."))


def test_a_name_may_begin_with_a_lower_case_article(code):
    assert ("USA", None, "19") in triples(code("US forces struck al-Qaeda camps on Monday."))


def test_a_group_s_role_follows_its_history(code):
    rebel = code("UNITA refused to allow UN planes to land in Angola.", published=date(1998, 5, 1))
    party = code("UNITA refused to allow UN planes to land in Angola.", published=date(2020, 5, 1))
    assert [(e.source.sector, e.cameo.code) for e in rebel] == [("REB", "124")]  # refusing to yield
    assert [e.source.sector for e in party] == ["OPP"]


def test_a_language_or_cuisine_is_no_actor(code):
    assert all(
        e.target is None or e.target.country != "RUS"
        for e in code("The Estonian court lifted restrictions on the use of the Russian language on state radio.")
    )
    assert ("EST", "RUS", "08") in triples(code("Estonia lifted restrictions on Russian diplomats."))


def test_forces_loyal_to_a_leader_are_his_state_s(code):
    events = code("Militants loyal to the Iraqi vice president said they had attacked a Turkish convoy.")
    assert ("IRQ", "TUR", "19") in triples(events)  # a convoy of a state: force aimed at it is a fight


def test_a_people_of_one_state_is_coded_to_that_state(code):
    events = code("Igbo elders on Monday accused Ghana of mistreating traders.")
    assert [(e.source.country, e.source.sector, e.target.country) for e in events] == [("NGA", "ELI", "GHA")]
    # a people's name is no government: the role says who acts
    assert [(e.source.country, e.source.sector) for e in code("Uighur activists criticized Kazakhstan.")] == [
        ("CHN", "OPP")
    ]


def test_people_in_flight_are_of_the_state_they_flee(code):
    events = code("Turkey sent tents to civilians fleeing Aleppo.")
    assert [(e.target.country, e.target.sector) for e in events] == [("SYR", "CVL")]
    events = code("The United Nations will send food to refugees fleeing the civil war in Liberia.")
    assert [(e.target.country, e.cameo.code, e.intent.code if e.intent else None) for e in events] == [
        ("LBR", "073", "0333")
    ]


def test_the_leaders_of_a_people_are_elites_not_its_state(code):
    events = code("Igbo leaders accused Ghana of mistreating traders.")
    assert [(e.source.country, e.source.sector) for e in events] == [("NGA", "ELI")]
    assert [
        (e.source.country, e.source.sector) for e in code("Nigerian leaders accused Ghana of mistreating traders.")
    ] == [("NGA", "GOV")]


def test_without_a_date_a_person_holds_the_office_held_now(code):
    events = code("The Turkish foreign minister praised Putin.", published=None)
    assert [(e.target.country, e.target.sector) for e in events] == [("RUS", "GOV")]


def test_the_parties_to_a_war_are_of_where_it_is_fought(code):
    events = code("The parties to the conflict in Yemen accepted a UN truce proposal.")
    assert [(e.source.country, e.target.country) for e in events] == [("YEM", "IGO")]


def test_a_state_s_ally_is_someone_else(code):
    events = code("Hezbollah fighters killed the commander of Israel's militia ally in southern Lebanon.")
    assert [(e.source.country, e.target.country) for e in events] == [("LBN", "LBN")]


def test_a_definite_role_is_the_latest_holder_of_that_role_named_with_a_state(code):
    text = (
        "ISLAMABAD (Reuters) - Pakistan's foreign minister criticised Indian Prime Minister Narendra Modi "
        "on Monday. The minister accused Modi of pursuing an anti-Muslim agenda."
    )
    accusations = [e for e in code(text) if e.cameo.code[:3] == "112"]
    found = [(e.source.text, e.source.country, e.target.country) for e in accusations]
    assert found == [("The minister", "PAK", "IND")]
    assert "the minister named before" in accusations[0].source.rule
    # a general word stands for a role of its kind: "the diplomat" after "the ambassador"
    text = "Bolivia expelled the U.S. ambassador, Philip Goldberg. Bolivian officials accused the diplomat of spying."
    assert ("BOL", "USA", "11") in triples(code(text))


def test_officials_at_an_embassy_are_of_the_embassy_s_state_not_of_where_it_is(code):
    events = code("Officials at the U.S. Embassy in Bolivia rejected accusations by Bolivian ministers.")
    assert ("USA", "BOL", "01") in triples(events)  # denying an accusation (016)
    # a state named as where a role acts is still the role's state
    assert ("USA", "CUB", "11") in triples(code("Officials in Washington condemned Cuba."))


def test_the_league_far_back_is_the_last_organisation_named_with_that_word(code):
    text = (
        "CAIRO (Reuters) - The Arab League suspended Syria on Saturday. Syria condemned the move. "
        "Qatar said it would push for sanctions. Syrian state media called the decision illegal. "
        "Diplomats said talks would go on. The League will also convene a meeting of Syrian opposition parties."
    )
    convened = [e for e in code(text) if e.trigger_text == "convene"]
    assert [(e.source.country, e.source.text) for e in convened] == [("IGO", "The League")]
    assert "'Arab League' named before" in convened[0].source.rule


def test_a_union_named_far_back_in_lower_case_is_no_organisation(code):
    text = (
        "ADDIS ABABA (Reuters) - The African Union met on Monday. Delegates discussed trade. "
        "Talks went on late. Ministers left on Tuesday. Nigerian dockworkers went on strike in Lagos. "
        "The union condemned the Nigerian government."
    )
    assert not [e for e in code(text) if e.source.country == "IGO" and e.cameo.root == "11"]


def test_only_staff_at_an_embassy_are_of_its_state(code):
    assert ("ISR", "ISR") not in {
        (e.source.country, e.target.country)
        for e in code("Protesters at the Israeli embassy in Amman condemned Israel.")
    }


def test_a_noun_the_speaker_is_hung_on_still_names_its_own_actor(code):
    text = "Ghana expelled Togo's ambassador, the foreign minister, Kwame Mensah, said on Monday."
    assert {(e.source.country, e.target.country) for e in code(text)} == {("GHA", "TGO")}
    # nor does the speaker's office give the noun its sector
    text = "Ghana will send troops to help Togo, the Ghanaian defence minister, Kofi Boateng, said."
    assert {(e.target.country, e.target.sector) for e in code(text) if e.target} == {("TGO", "GOV")}


def test_a_possessed_role_s_from_hung_on_the_verb_says_where_it_is_from(code):
    events = code("Namibia's president has invited his counterparts from Zambia and Malawi to a meeting in Windhoek.")
    assert {(e.source.country, e.target.country, e.target.sector) for e in events} == {
        ("NAM", "ZMB", "GOV"),
        ("NAM", "MWI", "GOV"),
    }


def test_one_s_own_role_from_a_place_is_still_one_s_own(code):
    # "its troops" are Kenya's: only a relation ("his counterparts") is someone else's
    events = code("Kenya withdrew its troops from Somalia.")
    assert all(e.source.country == "KEN" for e in events)


def test_what_a_claim_is_of_is_its_content_not_its_owner(code):
    text = (
        "Venezuela's President Hugo Chavez spoke on Monday. Washington rejected Chavez's accusations of CIA plotting."
    )
    [rebuttal] = [e for e in code(text) if e.trigger_text == "rejected"]
    assert (rebuttal.source.country, rebuttal.target.country) == ("USA", "VEN")


def test_a_surname_met_again_is_the_person_even_when_tagged_as_a_demonym(code):
    # the small model reads a lone "Albanese" as a people's adjective
    text = (
        "Australian Prime Minister Anthony Albanese arrived on Friday. "
        "Albanese later met Indian business leaders in Mumbai."
    )
    events = [e for e in code(text) if e.cameo.root == "04" and e.target and e.target.sector == "BUS"]
    assert [(e.source.country, e.target.country) for e in events] == [("AUS", "IND")]


def test_it_or_the_country_as_a_main_subject_continues_the_state_the_sentences_before_were_about(code):
    text = (
        "Turkey said on Monday it would not let Sweden join the alliance. "
        "The country has long accused Sweden of harbouring militants. It also criticised Finland."
    )
    pairs = {(e.source.country, e.target.country, e.cameo.root) for e in code(text)}
    assert {("TUR", "SWE", "11"), ("TUR", "FIN", "11")} <= pairs
    # a first sentence's "it" continues nothing, nor one that may be the thing named before
    assert code("It criticised Finland on Monday.") == []
    tested = code("Russia tested a new missile on Monday. It struck a target in Kazakhstan.")
    assert not [e for e in tested if e.target is not None and e.target.country == "KAZ"]


def test_it_as_a_main_subject_continues_the_body_the_sentence_before_was_about(code):
    text = "The African Union suspended Gabon on Thursday. It also urged the army to restore civilian rule."
    assert ("IGO", "GAB", "02") in {(e.source.country, e.target.country, e.cameo.root) for e in code(text)}
    armed = code(
        "Al Shabaab said the raid was revenge for Kenya's intervention. It warned Kenya to pull out its troops."
    )
    assert [(e.source.country, e.source.sector, e.target.country) for e in armed if e.cameo.root == "13"] == [
        ("SOM", "REB", "KEN")
    ]


def test_the_two_states_named_together_just_before_are_the_two_whatever_the_story_s_parties(code):
    text = (
        "Laos recalled Vietnam's consul on Friday. Laos blamed Vietnam for the dispute. In June, Laos recalled "
        "the Thai and Cambodian consuls, and the two countries replied by throwing out Laos's own consul."
    )
    doers = {e.source.country for e in code(text) if e.trigger_text == "throwing"}
    assert doers == {"THA", "KHM"}


def test_an_acronym_introduced_in_brackets_stands_for_its_name_after(code):
    text = (
        "Sudan's army and the paramilitary Rapid Support Forces (RSF) clashed in the capital on Saturday. "
        "The army said its aircraft had struck RSF bases."
    )
    strikes = [e for e in code(text) if e.trigger_text == "struck"]
    assert [(e.target.country, e.target.sector) for e in strikes] == [("SDN", "REB")]
    # an acronym never introduced names no one
    assert not code("The army said its aircraft had struck XQZ bases.")


def test_an_acronym_of_a_name_the_article_writes_in_full_stands_for_it(code):
    text = (
        "The Allied Democratic Forces have killed hundreds of villagers this year. "
        "Ugandan troops struck ADF camps on Monday."
    )
    strikes = [e for e in code(text) if e.trigger_text == "struck"]
    assert [(e.target.country, e.target.sector) for e in strikes] == [("UGA", "REB")]


def test_two_initials_of_a_name_written_in_full_are_no_acronym_of_it(code):
    # "VP" is a vice-president, not the Vladimir Putin of the sentence before
    text = "Vladimir Putin met the Kenyan president on Monday. Kenya's VP criticised Uganda."
    assert "RUS" not in {e.source.country for e in code(text) if e.trigger_text == "criticised"}


def test_a_town_the_tagger_takes_for_an_organisation_is_still_a_place_acted_on(code):
    [siege] = code("The Rapid Support Forces besieged El Fasher for months.")
    assert (siege.source.country, siege.target.country, siege.cameo.root) == ("SDN", "SDN", "19")


def test_an_organisation_s_title_before_a_person_says_whom_they_act_for(code):
    # the person's own state (a former prime minister of Norway) is not whom they act for
    [condemned] = code("NATO Secretary General Jens Stoltenberg condemned Belarus.")
    assert (condemned.source.country, condemned.target.country) == ("IGO", "BLR")
    # and acts in the organisation's sector, not as a government
    assert condemned.source.sector == "IGO"
    # a state's title is still the state's
    [praised] = code("Norwegian Prime Minister Jens Stoltenberg praised Sweden.", published=date(2010, 5, 3))
    assert praised.source.country == "NOR"


def test_nouns_that_come_in_pairs_are_the_two_states_without_two(code):
    text = "Sudan and South Sudan signed an oil deal. The neighbours will reopen their border in May."
    assert {("SDN", "SSD", "08"), ("SSD", "SDN", "08")} <= triples(code(text))
    # a plural that is no pair still needs its number
    assert not [
        e
        for e in code("Sudan and South Sudan signed an oil deal. The countries of the region praised it.")
        if e.cameo.root == "08"
    ]


def test_a_pair_acted_on_is_not_the_doers_themselves(code):
    # the two sides urged are the parties to a conflict the sentence does not name, not the mediators
    urged = code("Norway and Qatar urged both sides to return to the negotiating table.")
    assert not {("NOR", "QAT", "02"), ("QAT", "NOR", "02")} & triples(urged)


def test_a_visitor_s_from_hung_on_the_verb_says_where_they_come_from(code):
    hosted = code("The Angolan president hosted a delegation from Zambia on Friday.")
    assert ("AGO", "ZMB", "04") in triples(hosted)
    # troops withdrawn from a place are no visitors from it
    assert ("KEN", "SOM", "04") not in triples(code("Kenya withdrew its troops from Somalia."))


def test_a_role_word_used_as_an_adjective_of_another_sense_is_no_role(code):
    [boycott] = code("Cambodia's main opposition party boycotted the general election.")
    assert (boycott.target.country, boycott.target.sector) == ("KHM", "GOV")  # not the army's "general"
    # a role adjective in its own sense is the role's
    killed = code("Suspected rebels killed three military rangers in southern Thailand.")
    assert ("THA", "MIL") in {(e.target.country, e.target.sector) for e in killed}


def test_a_visitor_named_by_their_own_words_is_sent_from_the_place_after_from(code):
    # "from Lilongwe" is where the envoy is expelled from, not whom the UN envoy is of
    expelled = code("Malawi expelled the UN envoy from Lilongwe on Thursday.")
    assert [(e.source.country, e.target.code, e.cameo.root) for e in expelled] == [("MWI", "IGOUNO", "16")]


def test_congo_is_the_democratic_republic_since_zaire_took_the_name_back(code):
    text = "Angola threatened to break off relations with Congo."
    assert [e.target.country for e in code(text, published=date(2021, 5, 4))] == ["COD"]
    assert [e.target.country for e in code(text, published=date(1991, 5, 4))] == ["COG"]
    republic = code("Angola threatened to break off relations with the Republic of Congo.", published=date(2021, 5, 4))
    assert [e.target.country for e in republic] == ["COG"]
    assert [e.target.country for e in code("Angola accused the DRC of shelling its border.")] == ["COD"]


def test_a_person_named_in_full_out_of_office_is_still_of_their_state(code):
    # Brazil's foreign minister until 2010: an elite of Brazil in 2024, not its government
    [met] = code("The Venezuelan president met Celso Amorim in Caracas on Monday.", published=date(2024, 3, 8))
    assert (met.target.country, met.target.sector) == ("BRA", "ELI")


def test_the_north_is_north_korea_only_in_a_story_that_names_it(code):
    text = "North Korea tested a cruise missile on Friday. Japan condemned the North's missile test."
    assert ("JPN", "PRK", "11") in triples(code(text))
    assert not code("Japan condemned the North's missile test.")  # no state named in full


def test_the_visiting_role_is_the_guest_s_in_a_story_filed_from_the_host_s_state(code):
    text = (
        "ACCRA (Reuters) - Ghana's president hosted his Togolese counterpart on Monday for talks on trade.\n\n"
        "The Togolese leader praised Ghana's support. The visiting president later met Ghanaian army chiefs."
    )
    met = [e for e in code(text) if e.trigger_text == "met"]
    assert [(e.source.country, e.target.country) for e in met] == [("TGO", "GHA")]


def test_the_hosts_in_a_story_filed_from_one_of_its_two_states_are_that_state_s(code):
    text = (
        "ACCRA (Reuters) - Ghanaian President Nana Akufo-Addo hosted his Togolese counterpart Faure Gnassingbe "
        "in Accra on Monday, and the two leaders pledged to deepen trade ties.\n\n"
        "Akufo-Addo said Ghana would always stand by Togo. The Togolese leader thanked his hosts for their support."
    )
    thanks = [e for e in code(text) if e.trigger_text == "thanked"]
    assert [(e.source.country, e.target.country) for e in thanks] == [("TGO", "GHA")]


def test_a_critic_of_a_body_is_not_of_its_sector(code):
    [named] = code("Russian police detained a Kremlin critic.")
    assert (named.target.country, named.target.sector) == ("RUS", "OPP")
    [role] = code("Russian police detained several government critics.")
    assert (role.target.country, role.target.sector) == ("RUS", "OPP")
    # a member of a body is of its sector
    [member] = code("Russian police detained a Kremlin official.")
    assert member.target.sector == "GOV"


def test_people_named_by_their_trade_are_civilians(code):
    [arrest] = code("Iranian authorities arrested a popular singer on Sunday.")
    assert (arrest.source.country, arrest.target.country, arrest.target.sector, arrest.cameo.code) == (
        "IRN",
        "IRN",
        "CVL",
        "173",
    )


def test_a_person_given_only_a_title_is_of_the_article_s_state_for_the_rest_of_it(code):
    text = (
        "ACCRA (Reuters) - President Kwame Mensah received Togolese Foreign Minister Robert Dussey in Accra on "
        "Monday.\n\nMensah praised Togo for its role in regional peace efforts."
    )
    praise = [e for e in code(text) if e.trigger_text == "praised"]
    assert [(e.source.country, e.source.sector, e.target.country) for e in praise] == [("GHA", "GOV", "TGO")]
    assert praise[0].source.remembered


def test_the_sides_a_state_addresses_are_not_itself(code):
    text = "Peru and Ecuador fought a border war. Chile and Brazil urged both sides to negotiate."
    appeals = {(e.source.country, e.target.country) for e in code(text) if e.cameo.root == "02"}
    assert appeals == {("CHL", "PER"), ("CHL", "ECU"), ("BRA", "PER"), ("BRA", "ECU")}


def test_an_institution_described_before_is_that_one_not_its_backer_s(code):
    text = "Mali's army seized the town of Kidal on Tuesday.\n\nRussia, which backs the army, praised the operation."
    [backing] = [e for e in code(text) if e.trigger_text == "backs"]
    assert (backing.source.country, backing.target.country, backing.target.sector) == ("RUS", "MLI", "MIL")


def test_a_bare_armed_group_role_is_the_group_of_its_sector_named_before(code):
    text = (
        "Boko Haram fighters raided a village in Chad on Monday. Chadian soldiers killed 20 militants near the border."
    )
    [killed] = [e for e in code(text) if e.trigger_text == "killed"]
    assert (killed.target.country, killed.target.sector) == ("NGA", "REB")
    assert "named before" in killed.target.rule
    # groups of two states named before: "militants" may be either's
    # an act placed in another state is not that group's
    placed = "Boko Haram fighters raided a village in Nigeria. Later, in Kenya, police arrested five militants."
    [arrested] = [e for e in code(placed) if e.trigger_text == "arrested"]
    assert arrested.target.country == "KEN"
    two = "Hezbollah fighters and Hamas gunmen fired rockets at Israel. Israeli troops killed three militants."
    [killed] = [e for e in code(two) if e.trigger_text == "killed"]
    assert killed.target.country not in ("LBN", "PSE")


def test_a_subject_pronoun_goes_on_with_its_sentence_s_subject_not_a_later_object(code):
    text = (
        "Japanese Prime Minister Fumio Kishida will travel to Manila on Wednesday for talks with Philippine "
        "President Ferdinand Marcos Jr., before heading to Jakarta, where he is expected to meet Indonesian "
        "President Joko Widodo."
    )
    [meet] = [e for e in code(text) if e.trigger_text == "meet"]
    assert (meet.source.country, meet.target.country) == ("JPN", "IDN")
    # a relative clause about the object holding the pronoun is about the object
    [visit] = code("Biden met Israeli Prime Minister Benjamin Netanyahu, who said he would visit Cairo.")
    assert (visit.source.country, visit.target.country) == ("ISR", "EGY")


def test_them_told_to_act_stands_for_those_named_together_before(code):
    found = triples(code("Kenya hosted Uganda and Rwanda. Tanzania urged them to end the dispute."))
    assert {("TZA", "UGA", "02"), ("TZA", "RWA", "02")} <= found


def test_a_capitalised_title_with_no_state_is_the_holder_named_before_else_of_the_home_state(code):
    national = (
        "TEHRAN, Jan 17 (IRNA) - The Foreign Minister held talks with the US Secretary of State in Vienna "
        "on Saturday. Iran wants the sanctions lifted."
    )
    [talks] = [e for e in code(national) if e.trigger_text == "held"]
    assert (talks.source.country, talks.target.country) == ("IRN", "USA")
    assert "a title with no state" in talks.source.rule
    named = (
        "The Iranian President met the Italian prime minister on Sunday. The President will travel to Rome next week."
    )
    [trip] = [e for e in code(named) if e.trigger_text == "travel"]
    assert (trip.source.country, trip.target.country, trip.mode) == ("IRN", "ITA", "planned")
    # with no home state, the title is nobody's the coder can tell
    assert not code("The Foreign Minister held talks with the US Secretary of State.")
    # the agency's own state (its dateline's), though the story names another more
    busy = (
        "TEHRAN, Jan 17 (IRNA) - The Foreign Minister condemned Israel on Sunday. The United States backed "
        "Israel, and the United States warned Iran. The United States said so."
    )
    [condemned] = [e for e in code(busy) if e.trigger_text == "condemned"]
    assert condemned.source.country == "IRN"


def test_they_as_a_subject_goes_on_with_those_named_together_as_the_subject_before(code):
    states = code("Kenya and Ethiopia signed a trade agreement on Monday. They also agreed to reopen their border.")
    assert {("KEN", "ETH"), ("ETH", "KEN")} <= {
        (e.source.country, e.target.country) for e in states if e.trigger_text == "reopen" and e.target
    }
    people = code(
        "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed met in Nairobi on Monday. "
        "They agreed to reopen the border."
    )
    assert ("ETH", "KEN") in {(e.source.country, e.target.country) for e in people if e.trigger_text == "reopen"}
    # one doer before: "they" is someone else (the diplomats), not a pair of states
    alone = code("Kenya expelled two Somali diplomats on Monday. They also condemned Ethiopia.")
    assert not [e for e in alone if e.trigger_text == "condemned"]


def test_they_after_a_sentence_acting_on_others_who_may_act_is_not_its_subject(code):
    # "they" may be the militants or diplomats acted on: neither pair of states attacked or criticised
    militants = code(
        "Kenya and Uganda arrested 30 Somali militants on Monday. They attacked a police station in Nairobi last year."
    )
    assert not [e for e in militants if e.trigger_text == "attacked"]
    diplomats = code("Kenya and Ethiopia expelled two Eritrean diplomats on Monday. They had criticised Somalia.")
    assert not [e for e in diplomats if e.trigger_text == "criticised"]
    # talks act on no one: "they" goes on with the pair
    talks = code("Kenya and Ethiopia held talks on Monday. They agreed to reopen their border.")
    assert ("KEN", "ETH") in {(e.source.country, e.target.country) for e in talks if e.trigger_text == "reopen"}


def test_a_state_named_by_its_mission_abroad_is_no_home_of_the_institutions_named_after(code):
    text = (
        "NIAMEY - Thousands marched in Niger's capital on Sunday. Protesters attacked the Italian embassy. "
        "The junta accused Italy of planning an intervention."
    )
    [accused] = [e for e in code(text) if e.trigger_text == "accused"]
    assert (accused.source.country, accused.target.country) == ("NER", "ITA")


@pytest.mark.parametrize(
    "sentence",
    [
        "Bolivia said Chilean soldiers fired on its border posts on Sunday.",
        "Bolivia's defence ministry said Chilean troops shelled its positions near the frontier.",
    ],
)
def test_its_in_a_clause_of_plural_doers_is_the_teller_s(code, sentence):
    attacks = [e for e in code(sentence) if e.cameo.root == "19"]
    assert [(e.source.country, e.target.country if e.target else None) for e in attacks] == [("CHL", "BOL")]


def test_its_in_a_clause_of_one_doer_is_not_the_teller_s(code):
    found = triples(code("Bolivia said Chile had closed its border posts on Sunday."))
    assert not any(target == "BOL" and source == "CHL" and root == "17" for source, target, root in found)


def test_the_two_parties_to_a_war_within_one_state_are_its_government_and_rebels(code):
    events = code("The two parties to the Sudanese conflict agreed on Monday to a truce, the mediator said in Nairobi.")
    assert {(e.source.code, e.target.code) for e in events} <= {("SDNGOV", "SDNREB"), ("SDNREB", "SDNGOV")}
    assert events


def test_the_two_sides_a_state_is_said_to_have_are_its_government_and_rebels(code):
    text = (
        "Egypt backed the eastern forces. Egypt sent advisers to Yemen. "
        "Yemen's two warring sides signed a truce on Tuesday, the envoy said."
    )
    truce = [e for e in code(text) if e.source.country == "YEM"]
    assert {(e.source.code, e.target.code) for e in truce} <= {("YEMGOV", "YEMREB"), ("YEMREB", "YEMGOV")}
    assert truce


def test_sides_acting_together_are_not_acting_on_the_other_state_of_the_story(code):
    text = (
        "Egypt backed the eastern forces. Egypt sent advisers to Yemen. Egypt and Yemen traded accusations. "
        "Yemen's warring sides signed a permanent ceasefire agreement on Tuesday."
    )
    signed = [e for e in code(text) if e.sentence.startswith("Yemen")]
    assert not [e for e in signed if e.target and e.target.country == "EGY"]


def test_attackers_no_one_identified_are_of_no_state(code):
    [killing] = code("Gunmen killed at least 40 villagers in central Mali on Sunday, the army said.")
    assert (killing.source.country, killing.target.country, killing.cameo.root) == (None, "MLI", "18")
    [abduction] = code("Armed men abducted 12 students in northern Nigeria on Friday.")
    assert (abduction.source.country, abduction.target.country) == (None, "NGA")


def test_attackers_a_group_is_named_for_keep_its_state(code):
    found = triples(code("Suspected al-Shabab gunmen killed three people in Kenya's Lamu county on Monday."))
    assert ("SOM", "KEN", "18") in found


def test_neighbours_are_two_states_never_two_camps_of_one(code):
    text = (
        "Kenya's foreign minister told his Somali counterpart that Somali troops had crossed the border. "
        "The two neighbours have traded accusations for weeks."
    )
    assert not [e for e in code(text) if e.target is not None and e.source.country == e.target.country]


def test_an_age_set_off_after_a_name_is_no_apposition(cues):
    from eventwire.stages.phrases import appositions

    from .helpers import hand_parsed

    rows = [
        ("Morales", 5, "nsubjpass", "PROPN", "NNP", "Morales"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("64", 0, "appos", "NUM", "CD", "64"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("was", 5, "auxpass", "AUX", "VBD", "be"),
        ("arrested", 5, "ROOT", "VERB", "VBN", "arrest"),
    ]
    assert appositions(hand_parsed(rows)[0], cues) == []


def test_a_role_noun_that_names_one_state_s_body_is_the_role_in_a_story_about_another(code):
    text = (
        "Ecuador's President Guillermo Lasso dissolved Congress on Wednesday, Ecuador's government said. "
        "Lasso faced impeachment. Ecuador's opposition protested. The US embassy in Quito urged calm."
    )
    dissolved = [e for e in code(text) if e.cameo.code == "172"]
    assert [(e.source.country, e.target.country, e.target.sector) for e in dissolved] == [("ECU", "ECU", "LEG")]


@pytest.mark.parametrize("region", ["Central American", "South American", "West African"])
def test_a_region_s_states_acting_together_act_as_its_organisation_not_as_a_state(code, region):
    found = triples(code(f"{region} governments agreed to halt trade with Honduras for two days."))
    assert found and all(source == "IGO" for source, _, _ in found)

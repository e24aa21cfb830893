from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.stages.places import PlaceFinding, PlaceHow, dateline_place, load_gazetteer

BENCH = Path(__file__).resolve().parents[2] / "bench" / "places.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_places", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_gazetteer_disambiguates_by_the_states_of_the_article(coder):
    gazetteer = coder.gazetteer
    assert gazetteer.resolve("Washington").country == "USA"
    assert gazetteer.resolve("Georgia").country == "GEO"
    assert gazetteer.resolve("Georgia", ["USA"]).precision == "adm1"
    lima = gazetteer.resolve("Lima")
    assert (lima.country, lima.precision) == ("PER", "city") and lima.lat < 0
    assert gazetteer.resolve("Nowhereville") is None
    # a town shared by states is the named state's when of comparable size, not a small namesake
    assert gazetteer.resolve("Tripoli", ["LBN"]).country == "LBN"
    assert gazetteer.resolve("Paris", ["USA"]).country == "FRA"
    assert gazetteer.resolve("Geneva", ["USA"]).country == "CHE"  # an Illinois town a ninth its size


def test_gazetteer_index_is_cached_and_rebuilt_when_missing(tmp_path):
    path = tmp_path / "gazetteer.json.gz"
    built = load_gazetteer(path)
    assert path.exists()
    assert load_gazetteer(path).resolve("Nairobi") == built.resolve("Nairobi")


def test_datelines_in_the_usual_forms(coder):
    gazetteer = coder.gazetteer
    for text, city in [
        ("BEIJING (AFP) - China said", "Beijing"),
        ("Nairobi: Kenya said", "Nairobi"),
        ("WASHINGTON, June 5 (Reuters) - The US", "Washington"),
        ("Title line\nTOKYO: Japan said", "Tokyo"),
    ]:
        assert dateline_place(text, gazetteer, []).name == city
    assert dateline_place("China said on Monday that it would act.", gazetteer, []) is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_random_text_never_breaks_the_dateline_reader(coder, text):
    place = dateline_place(text, coder.gazetteer, [])
    assert place is None or place.country


def test_place_test_set_accuracy(coder):
    bench = _bench()
    result = bench.score_places(coder, bench.read_cases())
    assert result.total >= 40
    assert result.country_accuracy >= 0.90, result.misses
    assert result.city_accuracy >= 0.80, result.misses


def test_event_place_fields(code):
    # (the meeting in Beirut was also hosted by Lebanon: the host's event shares the place)
    [event] = [
        e
        for e in code("The French foreign minister met Lebanese officials in Beirut on Friday.")
        if e.cameo.code == "040"
    ]
    row = event.to_row()
    assert (row["location_name"], row["location_country"], row["location_precision"]) == ("Beirut", "LBN", "city")
    assert row["geonameid"] and row["lat"] and row["lon"]
    # a statement with no place named is made at home, at country precision
    [at_home] = code("France condemned Syria.")
    assert (at_home.place.country, at_home.place.precision) == ("FRA", "country")
    [aimed] = code("Egyptian jets bombed Libyan positions.")  # force happens where it is aimed, not at home
    assert (aimed.place.country, aimed.place.precision) == ("LBY", "country")
    [nowhere] = code("Egypt sent aid to Libya.")  # aid given names no place it was given in
    assert nowhere.place is None


def test_a_place_outside_of_a_city_is_that_city(code):
    [event] = code("Three US soldiers were killed by a roadside bomb outside of the Iraqi city of Basra on Sunday.")
    assert (event.place.country, event.place.precision) == ("IRQ", "city")


@pytest.mark.parametrize(
    ("how", "text"),
    [
        (PlaceHow.VISITED, "place visited"),
        (PlaceHow.CLAUSE, "place phrase of the clause"),
        (PlaceHow.STATEMENT, "where the statement was made"),
        (PlaceHow.DATELINE, "dateline"),
        (PlaceHow.AT_HOME, "the source's own state"),
        (PlaceHow.ATTACKED, "the state force was used against"),
        (PlaceHow.NONE, "no place found"),
    ],
)
def test_a_place_finding_renders_the_words_of_the_rule_column(how, text):
    assert PlaceFinding(None, how).text == text


@pytest.mark.parametrize(
    ("text", "how"),
    [
        ("The Egyptian president visited Beijing.", "place visited"),
        ("Egypt praised Jordan in Amman.", "place phrase of the clause"),
        ("Egypt said in Cairo that it praised Jordan.", "where the statement was made"),
        ("CAIRO (Reuters) - Egypt praised Jordan.", "dateline"),
        ("Egypt praised Jordan.", "the source's own state"),
        ("Egyptian jets bombed Libyan positions.", "the state force was used against"),
        ("Egypt sent aid to Libya.", "no place found"),
    ],
)
def test_each_kind_of_place_evidence_is_named_in_the_rule(code, text, how):
    event = code(text)[0]  # a visit's other side (hosting) follows it, same place
    assert event.rule.endswith(f"; place: {how}")


def test_words_of_a_pair_take_the_place_where_the_text_says_they_met(code):
    text = (
        "NAIROBI (Reuters) - Kenya's foreign minister and his Ugandan counterpart met in Kampala on Tuesday. "
        "At the meeting, Kenya urged Uganda to reopen the border crossing."
    )
    [urged] = [e for e in code(text) if e.trigger_text == "urged"]
    assert urged.place is not None and urged.place.country == "UGA"
    assert "the place of the same pair's event" in urged.rule


def test_an_act_done_to_a_place_does_not_take_the_place_of_a_meeting(code):
    text = (
        "Ethiopia's and Eritrea's ministers met in Nairobi on Tuesday. "
        "Eritrean troops shelled Ethiopian villages on Wednesday."
    )
    shelled = [e for e in code(text) if e.trigger_text == "shelled"]
    assert all(e.place is None or e.place.country != "KEN" for e in shelled)


def test_arab_towns_are_found_without_their_article(coder):
    gazetteer = coder.gazetteer
    assert gazetteer.resolve("Hodeidah").country == "YEM"  # GeoNames: "El-Hodeidah"
    assert gazetteer.resolve("Raqqa").country == "SYR"  # GeoNames: "Ar Raqqah"
    assert not gazetteer.candidates("Paso")  # too short a remainder to be a name of its own


def test_an_organisation_s_act_naming_no_place_happened_at_its_seat(code):
    [suspension] = code("The Arab League suspended Syria on Saturday.")
    assert suspension.place.country == "EGY"
    assert "the seat of the organisation (EGY)" in suspension.rule


def test_a_seat_is_found_by_the_longest_name_and_short_names_only_in_capitals(coder):
    from eventwire.stages.places import seat_of

    seats = coder.knowledge.igo_seats
    assert seat_of("The Board of Governors of the International Atomic Energy Agency", seats) == "AUT"
    assert seat_of("the UN Human Rights Council", seats) == "CHE"  # not the UN's seat in New York
    assert seat_of("WHO officials", seats) == "CHE"
    assert seat_of("officials who spoke", seats) is None
    # the organisation named first, whatever it contains; short names in any capitalised spelling
    assert seat_of("the African Union's Peace and Security Council", seats) == "ETH"
    assert seat_of("Commonwealth of Independent States", seats) == "BLR"
    assert (seat_of("Nato allies", seats), seat_of("the UN", seats)) == ("BEL", "USA")


def test_a_seat_must_be_a_state(tmp_path):
    from eventwire import KnowledgeError
    from eventwire.igo_seats import load_igo_seats

    path = tmp_path / "seats.tsv"
    path.write_text("name\tseat\nsome league\tATLANTIS\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"seats.tsv:2: .*alpha-3"):
        load_igo_seats(frozenset({"FRA"}), path)


def test_a_place_hung_on_the_verb_s_time_phrase_is_the_clause_s_place(code):
    text = "NEW DELHI (Reuters) - The Indian foreign minister and his Chinese counterpart met for two hours in Moscow."
    assert {e.place.country for e in code(text)} == {"RUS"}


def test_force_between_states_with_no_place_named_is_used_where_its_target_is(code):
    [firing] = code("Indian troops fired on Pakistani positions, the army said.")
    assert (firing.source.country, firing.target.country, firing.place.country) == ("IND", "PAK", "PAK")
    assert "the state force was used against" in firing.rule


def test_a_person_s_name_before_a_role_is_no_place(code):
    # "Khan" also spells a German town's other name: a person's followers are not its people
    [event] = code("Police fired tear gas at Khan supporters in Lahore.")
    assert (event.source.country, event.target.country) == ("PAK", "PAK")


def test_a_state_named_as_news_names_it_is_a_place(code):
    # the gazetteer spells states as ISO does ("Russian Federation"); the dictionaries' names count too
    met = code("The Indian and Chinese foreign ministers met in Russia on Monday.")
    assert {e.place.country for e in met} == {"RUS"}
    raided = code("Israeli troops raided a village in Palestine.")
    assert {e.place.country for e in raided} == {"PSE"}  # not the Texan town
    arrested = code("Austrian police arrested two protesters in Tirol.")
    assert {e.place.country for e in arrested} == {"AUT"}  # a province the gazetteer knows keeps its state


def test_a_state_named_before_a_thing_says_whose_it_is_not_where(code):
    text = "DAMASCUS (Reuters) - Syria hit out at US allegations of chemical weapons use."
    assert {e.place.country for e in code(text)} == {"SYR"}


def test_a_meeting_is_where_the_story_is_filed_when_that_is_either_party_s_state(code):
    # a statement by a visitor is made at home; talks are held where the parties meet
    text = "MUSCAT (Reuters) - Iran's foreign minister held talks with his Omani counterpart on Wednesday."
    [talks] = [e for e in code(text) if e.source.country == "IRN"]
    assert talks.place.country == "OMN" and "dateline" in talks.rule


def test_an_airport_s_code_is_no_town(coder):
    # GeoNames lists "ELN" among Ellensburg's names; news writes it only as an acronym
    assert coder.gazetteer.resolve("ELN") is None
    assert coder.gazetteer.resolve("Ellensburg").country == "USA"


def test_an_owner_inside_a_place_phrase_is_no_place_of_it(code):
    [expulsion] = code("NAIROBI: Kenya said it was expelling the Somali envoy in retaliation for Mogadishu's threats.")
    assert (expulsion.source.country, expulsion.target.country) == ("KEN", "SOM")
    assert expulsion.place is not None and expulsion.place.country == "KEN"

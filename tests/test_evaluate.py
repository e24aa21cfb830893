"""The scorer against counts made by hand."""

from __future__ import annotations

import json
from datetime import date

from eventwire.evaluate import GoldEvent, Prediction, date_matches, read_gold, score


def gold(source, target, codes, required=True, mode="asserted", day=None, sectors=(None, None), article="a"):
    return GoldEvent(article, source, target, tuple(codes), required, mode, day, sectors[0], sectors[1], "evidence")


def pred(source, target, code, mode="asserted", day=None, sectors=(None, None), article="a"):
    return Prediction(article, source, target, code, mode, day, sectors[0], sectors[1])


def test_match_on_countries_and_any_gold_root():
    golds = {"a": [gold("CHN", "USA", ["030", "022"])]}
    result = score(golds, [pred("CHN", "USA", "020")])  # root 02 of the second code
    assert (result.tp, result.fp, result.fn) == (1, 0, 0)


def test_wrong_target_is_false_positive_and_miss():
    result = score({"a": [gold("CHN", "USA", ["040"])]}, [pred("CHN", "JPN", "040")])
    assert (result.tp, result.fp, result.fn) == (0, 1, 1)
    assert result.precision == 0.0 and result.recall == 0.0 and result.f1 == 0.0


def test_duplicates_are_counted_apart():
    golds = {"a": [gold("USA", "CHN", ["020"])]}
    result = score(golds, [pred("USA", "CHN", "020"), pred("USA", "CHN", "022")])
    assert (result.tp, result.fp, result.fn, result.duplicates) == (1, 0, 0, 1)


def test_optional_gold_neither_rewarded_when_missed_nor_punished():
    golds = {"a": [gold("USA", "CHN", ["020"]), gold("CHN", "PRK", ["111"], required=False)]}
    assert (score(golds, [pred("USA", "CHN", "020")]).fn) == 0
    found = score(golds, [pred("USA", "CHN", "020"), pred("CHN", "PRK", "111")])
    assert (found.tp, found.fp) == (2, 0)


def test_required_gold_preferred_over_optional_with_same_key():
    golds = {"a": [gold("USA", "CHN", ["020"], required=False), gold("USA", "CHN", ["020"])]}
    result = score(golds, [pred("USA", "CHN", "020")])
    assert (result.tp, result.fn) == (1, 0)


def test_matching_stays_within_an_article():
    golds = {"a": [gold("USA", "CHN", ["020"])], "b": []}
    result = score(golds, [pred("USA", "CHN", "020", article="b")])
    assert (result.tp, result.fp, result.fn) == (0, 1, 1)


def test_hand_counted_mixture():
    golds = {
        "a": [
            gold("USA", "CHN", ["020"], mode="planned", day="2009-W26", sectors=("MIL", "GOV")),
            gold("PRK", "KOR", ["194"], day="2010-11", sectors=("MIL", None)),
            gold("CHN", "PRK", ["111"], mode="negated"),
        ]
    }
    preds = [
        pred("USA", "CHN", "021", mode="planned", day=date(2009, 6, 23), sectors=("MIL", "MIL")),
        pred("PRK", "KOR", "194", day=date(2010, 12, 1), sectors=("MIL", "CVL")),
        pred("JPN", "CHN", "020"),
    ]
    result = score(golds, preds)
    assert (result.tp, result.fp, result.fn) == (2, 1, 1)
    assert round(result.precision, 3) == 0.667 and round(result.recall, 3) == 0.667
    assert (result.mode_ok, result.date_ok, result.date_total) == (2, 1, 2)
    assert (result.sector_ok, result.sector_total) == (2, 3)  # target MIL vs GOV wrong; KOR target unscored
    assert result.per_root["02"]["tp"] == 1 and result.per_root["02"]["fp"] == 1


def test_date_inside_day_week_or_month():
    assert date_matches(date(2009, 6, 23), "2009-W26")
    assert not date_matches(date(2009, 6, 29), "2009-W26")
    assert date_matches(date(2010, 11, 23), "2010-11")
    assert date_matches(date(2010, 12, 16), "2010-12-16")
    assert not date_matches(None, "2010-12-16")


def test_read_gold_keeps_events_per_article(tmp_path):
    record = {"id": "g1", "text": "t", "events": [{"source": "A", "target": None, "cameo": ["042"], "evidence": "e"}]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(record) + "\n")
    events, texts = read_gold(path)
    assert events["g1"][0].required and events["g1"][0].codes == ("042",) and texts["g1"] == "t"


def test_errors_are_classed_by_what_the_article_holds():
    golds = {"a": [gold("CHN", "USA", ["040"]), gold("RUS", "UKR", ["190"])], "b": [gold("IRN", "ISR", ["111"])]}
    preds = [pred("CHN", "USA", "111"), pred("RUS", "POL", "190"), pred("FRA", "DEU", "057", article="c")]
    result = score({**golds, "c": []}, preds)
    assert result.miss_classes == {
        "actors right, root differs": 1,
        "root and source right, target differs": 1,
        "no event coded in the article": 1,
    }
    assert result.spurious_classes == {
        "actors right, root differs": 1,
        "root and source right, target differs": 1,
        "article has no gold event": 1,
    }
    assert result.as_dict()["miss_classes"]["no event coded in the article"] == 1


def test_gold_events_differing_by_sector_are_matched_by_sector_whatever_the_order():
    golds = [gold("ISR", "PSE", ["195"], sectors=("MIL", "MIL")), gold("ISR", "PSE", ["195"], sectors=("MIL", "CVL"))]
    for order in (golds, golds[::-1]):
        result = score({"a": order}, [pred("ISR", "PSE", "195", sectors=("MIL", "CVL"))])
        assert (result.tp, result.fn, result.sector_ok, result.sector_total) == (1, 1, 2, 2)


def test_planned_act_matches_its_intent_or_threat_either_way():
    golds = {"a": [gold("FRA", "DEU", ["042"], mode="planned"), gold("RUS", "UKR", ["138"])]}
    preds = [pred("FRA", "DEU", "036"), pred("RUS", "UKR", "190", mode="planned")]
    result = score(golds, preds)
    assert (result.tp, result.fp, result.fn) == (2, 0, 0)
    assert result.mode_ok == 2  # matched through the convention: not a mode error


def test_the_planned_convention_needs_a_planned_side():
    golds = {"a": [gold("FRA", "DEU", ["042"]), gold("RUS", "UKR", ["138"])]}
    result = score(golds, [pred("FRA", "DEU", "036"), pred("RUS", "UKR", "190")])
    assert (result.tp, result.fp, result.fn) == (0, 2, 2)


def test_place_country_accuracy_over_matched_events_with_a_gold_place():
    golds = {
        "a": [
            GoldEvent("a", "ISR", "SYR", ("190",), True, "asserted", None, None, None, "e", "SYR"),
            GoldEvent("a", "TUR", "SYR", ("190",), True, "asserted", None, None, None, "e", "SYR"),
            GoldEvent("a", "USA", "SYR", ("111",), True, "asserted", None, None, None, "e", None),
        ]
    }
    preds = [
        Prediction("a", "ISR", "SYR", "190", place_country="SYR"),
        Prediction("a", "TUR", "SYR", "190", place_country="TUR"),
        Prediction("a", "USA", "SYR", "111", place_country="USA"),
    ]
    result = score(golds, preds)
    assert (result.place_ok, result.place_total) == (1, 2)

"""Time expressions x tenses x weekdays of publication, resolved by hand (table-driven)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.stages.dates import DateFinding, DateHow, check_plausible
from eventwire.stages.time_expressions import resolve

FRI = date(2010, 12, 17)  # a Friday
MON = date(2024, 3, 4)  # a Monday
WED = date(2019, 7, 10)  # a Wednesday
SUN = date(2021, 1, 31)  # a Sunday

CASES = [
    # (published, expression, tense, expected day, precision)
    (FRI, "on Thursday", "past", date(2010, 12, 16), "day"),
    (FRI, "on Friday", "past", date(2010, 12, 17), "day"),
    (FRI, "on Saturday", "past", date(2010, 12, 11), "day"),
    (FRI, "on Monday", "future", date(2010, 12, 20), "day"),
    (FRI, "on Friday", "future", date(2010, 12, 24), "day"),
    (FRI, "on Tuesday and Wednesday", "future", date(2010, 12, 21), "day"),
    (FRI, "last week", "past", date(2010, 12, 6), "week"),
    (FRI, "next week", "future", date(2010, 12, 20), "week"),
    (FRI, "this week", "past", date(2010, 12, 13), "week"),
    (FRI, "last month", "past", date(2010, 11, 1), "month"),
    (FRI, "this month", "past", date(2010, 12, 1), "month"),
    (FRI, "next month", "future", date(2011, 1, 1), "month"),
    (FRI, "last year", "past", date(2009, 1, 1), "year"),
    (FRI, "next year", "future", date(2011, 1, 1), "year"),
    (FRI, "earlier this year", "past", date(2010, 1, 1), "year"),
    (FRI, "yesterday", "past", date(2010, 12, 16), "day"),
    (FRI, "today", "present", date(2010, 12, 17), "day"),
    (FRI, "tomorrow", "future", date(2010, 12, 18), "day"),
    (FRI, "for three days up to Friday", "past", date(2010, 12, 17), "day"),
    (FRI, "two weeks ago", "past", date(2010, 11, 29), "week"),
    (FRI, "three days ago", "past", date(2010, 12, 14), "day"),
    (FRI, "in 2008", "past", date(2008, 1, 1), "year"),
    (FRI, "since December 2007", "past", date(2007, 12, 1), "month"),
    (FRI, "on June 25", "past", date(2010, 6, 25), "day"),
    (FRI, "on June 25", "future", date(2011, 6, 25), "day"),
    (FRI, "in March", "future", date(2011, 3, 1), "month"),
    (FRI, "in March", "past", date(2010, 3, 1), "month"),
    (FRI, "in mid-August", "future", date(2011, 8, 1), "month"),
    (FRI, "late February", "past", date(2010, 2, 1), "month"),
    (FRI, "December 17, 2010", "past", date(2010, 12, 17), "day"),
    (MON, "on Thursday", "past", date(2024, 2, 29), "day"),
    (MON, "on Sunday", "past", date(2024, 3, 3), "day"),
    (MON, "on Monday", "present", date(2024, 3, 4), "day"),
    (MON, "on Wednesday", "future", date(2024, 3, 6), "day"),
    (MON, "last week", "past", date(2024, 2, 26), "week"),
    (MON, "next week", "future", date(2024, 3, 11), "week"),
    (MON, "last month", "past", date(2024, 2, 1), "month"),
    (MON, "next month", "future", date(2024, 4, 1), "month"),
    (MON, "yesterday", "past", date(2024, 3, 3), "day"),
    (MON, "last Friday", "past", date(2024, 3, 1), "day"),
    (MON, "next Friday", "future", date(2024, 3, 8), "day"),
    (MON, "this weekend", "future", date(2024, 3, 9), "day"),
    (MON, "a year ago", "past", date(2023, 1, 1), "year"),
    (MON, "in January", "past", date(2024, 1, 1), "month"),
    (MON, "in January", "future", date(2025, 1, 1), "month"),
    (MON, "on March 1", "past", date(2024, 3, 1), "day"),
    (WED, "on Tuesday", "past", date(2019, 7, 9), "day"),
    (WED, "on Wednesday", "past", date(2019, 7, 10), "day"),
    (WED, "on Thursday", "past", date(2019, 7, 4), "day"),
    (WED, "on Thursday", "future", date(2019, 7, 11), "day"),
    (WED, "last week", "past", date(2019, 7, 1), "week"),
    (WED, "this month", "future", date(2019, 7, 1), "month"),
    (WED, "next year", "future", date(2020, 1, 1), "year"),
    (WED, "in September", "future", date(2019, 9, 1), "month"),
    (WED, "tomorrow", "future", date(2019, 7, 11), "day"),
    (SUN, "on Saturday", "past", date(2021, 1, 30), "day"),
    (SUN, "on Monday", "future", date(2021, 2, 1), "day"),
    (SUN, "on Sunday", "past", date(2021, 1, 31), "day"),
    (SUN, "last week", "past", date(2021, 1, 18), "week"),
    (SUN, "next week", "future", date(2021, 2, 1), "week"),
    (SUN, "last month", "past", date(2020, 12, 1), "month"),
    (SUN, "next month", "future", date(2021, 2, 1), "month"),
    (SUN, "in December", "past", date(2020, 12, 1), "month"),
    (SUN, "in 2019", "past", date(2019, 1, 1), "year"),
    # a named month after last/next/this
    (WED, "last August", "past", date(2018, 8, 1), "month"),
    (WED, "last March", "future", date(2019, 3, 1), "month"),
    (WED, "next March", "future", date(2020, 3, 1), "month"),
    (WED, "this September", "past", date(2019, 9, 1), "month"),
    # the story's own day, and a day in a named end of a month
    (WED, "earlier in the day", "past", WED, "day"),
    (WED, "later this evening", "future", WED, "day"),
    (WED, "the end of June 30", "past", date(2019, 6, 30), "day"),
    # wire style abbreviates months
    (MON, "on Feb. 12", "past", date(2024, 2, 12), "day"),
    (WED, "Sept. 3", "past", date(2018, 9, 3), "day"),
    (WED, "on Aug. 2", "future", date(2019, 8, 2), "day"),
]


@pytest.mark.parametrize(("published", "expression", "tense", "day", "precision"), CASES)
def test_expression_resolves_by_tense_and_publication_day(published, expression, tense, day, precision):
    resolved = resolve(expression, published, tense)
    assert resolved is not None
    assert (resolved.day, resolved.precision) == (day, precision)
    assert resolved.start <= resolved.day <= resolved.end


def test_spans_have_start_and_end():
    visit = resolve("for three days up to Friday", FRI, "past")
    assert (visit.start, visit.end) == (date(2010, 12, 15), date(2010, 12, 17))
    talks = resolve("on Tuesday and Wednesday", date(2009, 6, 19), "future")
    assert (talks.start, talks.end) == (date(2009, 6, 23), date(2009, 6, 24))
    month = resolve("last month", FRI, "past")
    assert (month.start, month.end) == (date(2010, 11, 1), date(2010, 11, 30))


@pytest.mark.parametrize("expression", ["three days", "a decade", "the 1990s", "", "for years", "recently"])
def test_durations_and_vague_expressions_stay_unresolved(expression):
    assert resolve(expression, FRI, "past") is None


def test_relative_expression_without_publication_stays_unresolved():
    assert resolve("on Thursday", None, "past") is None
    assert resolve("last month", None, "past") is None
    assert resolve("in 2008", None, "past").day == date(2008, 1, 1)


def test_absurd_dates_are_flagged():
    assert "before 1900" in check_plausible(resolve("in 1850", FRI, "past"), FRI)
    assert "over a year after" in check_plausible(resolve("in 2015", FRI, "future"), FRI)
    assert check_plausible(resolve("next month", FRI, "future"), FRI) is None


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=40),
    st.sampled_from(["past", "present", "future"]),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)),
)
def test_random_expressions_never_crash(expression, tense, published):
    resolved = resolve(expression, published, tense)
    assert resolved is None or resolved.start <= resolved.end


def test_event_dates_in_context(code):
    [past] = code("Egypt condemned Israel on Thursday.", published=FRI)
    assert (past.date, past.date_precision, past.date_text) == (date(2010, 12, 16), "day", "Thursday")
    [future] = code("The Egyptian president will visit Israel next month.", published=FRI)
    assert (future.date, future.date_precision) == (date(2011, 1, 1), "month")
    [undated] = code("Egypt condemned Israel.", published=FRI)
    assert (undated.date, undated.date_precision) == (FRI, "day")  # the report's day
    # an act with no time of its own happened by the time it was reported
    [reported] = code("The state news agency reported on Thursday that Egypt had condemned Israel.", published=FRI)
    assert reported.date == date(2010, 12, 16)
    [spoken] = code("Egypt said on Thursday that it condemned Israel.", published=FRI)
    assert spoken.date == date(2010, 12, 16)  # the source's own words, dated by when it said them


@pytest.mark.parametrize(
    ("how", "detail", "text"),
    [
        (DateHow.CLAUSE, "weekday by past tense", "time expression of the clause: weekday by past tense"),
        (DateHow.SENTENCE, "dateparser (day)", "only time expression of the sentence: dateparser (day)"),
        (DateHow.REPORTED, "'today'", "day the statement was reported: 'today'"),
        (DateHow.PLAN_STATED, "publication date", "day the plan was stated: publication date"),
        (DateHow.SPEAKER, "a Pentagon official", "day of the first dated statement of 'a Pentagon official'"),
        (
            DateHow.INHERITED,
            "time expression of the clause: weekday by past tense",
            "inherited from the same dyad's event (time expression of the clause: weekday by past tense)",
        ),
        (DateHow.UNRESOLVED, "the 1990s", "'the 1990s' not resolved"),
        (DateHow.IMPLAUSIBLE, "date 1850-01-01 before 1900 dropped", "date 1850-01-01 before 1900 dropped"),
        (DateHow.NONE, "", "no time expression"),
    ],
)
def test_a_date_finding_renders_the_words_of_the_rule_column(how, detail, text):
    assert DateFinding(None, how, detail).text == text


def test_an_undated_event_inherits_the_date_of_its_dyad_in_the_article(code):
    dated, undated = code("Japan condemned North Korea on Monday. Japan also criticised North Korea.", published=MON)
    assert undated.date == dated.date == MON
    assert (
        "date: inherited from the same dyad's event (time expression of the clause: weekday by past tense)"
        in undated.rule
    )
    [alone] = code("Japan criticised North Korea.", published=MON)
    assert alone.date == MON and "date: publication date: no time expression;" in alone.rule


def test_a_source_s_words_are_dated_by_its_first_dated_attribution(code):
    text = (
        "Jordan will press Syria on water, a Jordanian official said on Monday.\n\n"
        '"We hope Syria will open the dams," he said.'
    )
    hope = [e for e in code(text, published=date(2024, 3, 6)) if e.trigger_text == "hope"]
    assert hope and hope[0].date == date(2024, 3, 4)


def test_history_is_not_news(code):
    text = "A museum opened an exhibition on the 1942 battle, when Soviet forces attacked German troops in 1942."
    assert code(text, published=date(2024, 5, 16)) == []


def test_a_date_written_with_commas_keeps_its_year_and_its_month(code):
    [dated] = code(
        "Chadian rebels attacked a Sudanese post on Monday, May 13, killing four.", published=date(2024, 5, 16)
    )
    assert (dated.date, dated.date_text) == (date(2024, 5, 13), "Monday, May 13")
    old = "Chadian rebels seized the Sudanese town on June 25, 2019, after a week of fighting."
    assert code(old, published=date(2024, 5, 16)) == []  # history, not this year's June 25
    [counted] = code("On Friday, 2000 people marched against Kenya's government.", published=date(2024, 5, 16))
    assert counted.date == date(2024, 5, 10)  # a count after the comma, no year


def test_the_same_attack_this_year_is_news(code):
    # twin of the test above: "in May" of the publication's year
    events = code(
        "A museum opened an exhibition on the 1942 battle, when Soviet forces attacked German troops in May.",
        published=date(2024, 5, 16),
    )
    assert [(e.source.country, e.target.country, e.cameo.code[:2]) for e in events] == [("SUN", "DEU", "19")]


def test_a_reported_act_with_no_time_of_its_own_takes_the_time_of_its_report(code):
    text = "Last month, monitors said that Turkish drones had struck Kurdish positions in Syria."
    [strike] = [e for e in code(text, published=date(2024, 6, 12)) if e.cameo.code.startswith("19")]
    assert (strike.date_start, strike.date_end) == (date(2024, 5, 1), date(2024, 5, 31))


def test_the_report_is_dated_in_its_own_tense_not_the_acts(code):
    # "said on Friday that it will …": the Friday before publication, though the act is future
    [threat] = code("Canada told reporters on Friday that it will expel Russian diplomats.", published=date(2024, 3, 6))
    assert threat.date == date(2024, 3, 1)


def test_an_act_reported_as_done_with_no_time_anywhere_takes_the_publication_date(code):
    [expulsion] = code("Ecuador has expelled the Mexican ambassador.", published=date(2024, 4, 6))
    assert expulsion.date == date(2024, 4, 6) and "publication date: no time expression" in expulsion.rule
    # a hypothetical act with no time stays undated
    [talks] = code("Chile could hold talks with Argentina.", published=date(2024, 4, 6))
    assert talks.mode == "hypothetical" and talks.date is None
    # a clock time read as an absurd year tells no more than no time at all
    clock = code("The ceasefire between Chad and Sudan took effect from 1830 (1430 GMT).", published=date(2024, 4, 6))
    assert [e.date for e in clock] == [date(2024, 4, 6)] * 2


def test_a_planned_act_with_no_time_of_its_own_is_dated_by_the_day_the_plan_was_stated(code):
    # gold README: a planned event is dated by its own time, else by the day of the statement
    published = date(2024, 4, 6)  # a Saturday
    [stated] = code("Peru said on Tuesday that it will expel the Bolivian ambassador.", published=published)
    assert (stated.mode, stated.date) == ("planned", date(2024, 4, 2))
    assert "date: day the plan was stated: weekday by past tense;" in stated.rule
    [unreported] = code("Peru will expel the Bolivian ambassador.", published=published)
    assert (unreported.mode, unreported.date, unreported.date_precision) == ("planned", published, "day")
    assert "date: day the plan was stated: publication date;" in unreported.rule
    [own_time] = code("Peru will expel the Bolivian ambassador on Monday.", published=published)
    assert own_time.date == date(2024, 4, 8)  # its own time wins: the coming Monday


@pytest.mark.parametrize("expression", ["a month later", "two days earlier", "days later", "a week before"])
def test_a_time_counted_from_another_event_is_not_placed_from_publication(expression):
    assert resolve(expression, FRI, "past") is None


def test_the_part_of_the_day_does_not_move_the_day():
    assert resolve("late this afternoon", FRI, "past").day == FRI
    assert resolve("early on Tuesday", FRI, "past").day == resolve("on Tuesday", FRI, "past").day


def test_a_participle_takes_the_tense_of_the_verb_it_hangs_on(code):
    text = "In November, Ghana expelled two Togolese envoys, and Togo responded by throwing out Ghana's ambassador."
    [thrown] = [e for e in code(text, published=date(2024, 7, 13)) if e.trigger_text == "throwing"]
    assert thrown.date == date(2023, 11, 1)  # last November, not the coming one


def test_background_history_dates_no_other_act_of_the_story(code):
    text = (
        "Chad and Sudan restored diplomatic ties on Monday. Chad cut ties with Sudan in 2019. "
        "Chad's president praised Sudan's leaders for their courage."
    )
    [praise] = [e for e in code(text, published=date(2024, 7, 13)) if e.trigger_text == "praised"]
    assert praise.date is not None and praise.date.year == 2024


def test_a_run_of_days_spans_them_and_is_the_report_s_day_when_it_holds_it():
    run = resolve("October 18 to 21", date(2016, 10, 30), "past")
    assert (run.day, run.start, run.end) == (date(2016, 10, 18), date(2016, 10, 18), date(2016, 10, 21))
    assert resolve("18-21 October", date(2016, 10, 30), "past").end == date(2016, 10, 21)
    ongoing = resolve("from October 18 to 21", date(2016, 10, 20), "present")
    assert (ongoing.day, ongoing.end) == (date(2016, 10, 20), date(2016, 10, 21))


def test_a_time_counted_from_another_is_counted_from_its_sentence_or_the_story_s_last_date(code):
    text = (
        "Chile and Peru cut ties in 2019. "
        "After Chile's president took office last August, the two countries restored ties a month later."
    )
    restored = [e for e in code(text) if e.cameo.code.startswith("05")][0]
    assert (restored.date, restored.date_precision) == (date(2023, 9, 1), "month")
    assert "counted from last August" in restored.rule
    events = code("Kenya and Uganda met in Nairobi on Monday. Two weeks later, Kenya recalled its envoy from Uganda.")
    [recall] = [e for e in events if e.cameo.code == "161"]
    assert recall.date == date(2024, 3, 18)  # Monday 4 March, two weeks on


def test_an_unreadable_time_is_no_time_at_all(code):
    # an expression the resolver cannot place tells no more than none: the act takes the report's day
    from eventwire.stages.dates import undated_as_published
    from eventwire.stages.events import Draft

    [event] = code("Chile recalled its ambassador to Peru on Monday.")
    draft = Draft(None, None, event.cameo.code, event.source, event.target, "asserted", "", None)
    [found] = undated_as_published([(draft, DateFinding(None, DateHow.UNRESOLVED, "in the small hours"))], MON)
    assert (found.resolved.day, found.how) == (MON, DateHow.PUBLISHED_UNREAD)
    assert found.text == "publication date: 'in the small hours' not resolved"


def test_a_count_of_days_is_no_run_of_days_and_a_count_is_no_finer_than_its_anchor(code):
    for expression in ("2-3 days ago", "10 to 12 days ago"):
        counted = resolve(expression, MON, "past")
        assert counted is None or counted.start <= counted.end <= MON
    text = (
        "Chile and Peru cut ties in 2019. "
        "After Chile's president took office last August, the two countries restored ties two days later."
    )
    restored = [e for e in code(text) if e.cameo.code.startswith("05")][0]
    assert restored.date_precision == "month"


def test_a_time_of_a_clause_of_its_own_dates_that_clause_not_the_act_above(code):
    published = date(2024, 3, 8)
    [recall] = code(
        "Kenya recalled its ambassador from Somalia after Somali troops crossed the border on Monday.",
        published=published,
    )
    assert recall.date == published and recall.date_text != "Monday"  # Monday is the crossing's
    [condemned] = code("Kenya condemned Somalia on Monday after troops crossed the border.", published=published)
    assert condemned.date == date(2024, 3, 4)


def test_a_relative_clause_on_another_word_dates_that_word_not_the_act(code):
    published = date(2024, 3, 8)
    [welcomed] = code("Chile welcomed Peru's offer, the first step in a thaw that began in 2015.", published=published)
    assert welcomed.date == published  # 2015 is when the thaw began: no history to drop the act
    # a participle describing the act's matter does date it ("praised a resolution passed last week")
    [praised] = code("Chile praised a United Nations resolution passed last week on Bolivia.", published=published)
    assert praised.date_precision == "week" and praised.date < published


def test_the_story_s_background_of_months_ago_dates_no_undated_act(code):
    text = (
        "Laos recalled Vietnam's consul on Tuesday. In February, Laos recalled the Vietnamese ambassador. "
        "Laos also criticised Vietnam."
    )
    published = date(2024, 7, 12)
    [criticised] = [e for e in code(text, published=published) if e.trigger_text == "criticised"]
    assert criticised.date >= date(2024, 7, 9)  # not February's


@pytest.mark.parametrize("expression", ["Sunday night", "on Sunday evening", "Sunday morning"])
def test_a_weekday_s_part_of_the_day_is_that_weekday(expression):
    sunday = date(2019, 4, 7)  # a report of Sunday: "on Sunday night" is that day, not a week before
    found = resolve(expression, sunday, "past")
    assert found is not None and (found.day, found.precision) == (sunday, "day")


def test_a_year_naming_a_thing_does_not_date_the_verb_above_it(code):
    # "the 2020 coup" says which coup; the plan is dated by its statement, not made history
    text = "Ghana will impose sanctions on Togo over the 2020 coup, its foreign ministry said on Friday."
    [planned] = code(text, published=date(2024, 4, 6))
    assert (planned.mode, planned.date) == ("planned", date(2024, 4, 5))


def test_a_time_after_since_is_when_a_span_began_not_when_the_act_was(code):
    # dated 2019, the talks would be history and dropped
    [talks, *_] = code("Peru and Chile held talks in Lima, their first since 2019.", published=date(2024, 3, 8))
    assert talks.date == date(2024, 3, 8) and talks.cameo.root == "04"


def test_a_year_dates_only_its_own_act(code):
    text = "The Ghanaian president visited Togo earlier this year. Ghana also criticised Togo over its border controls."
    [criticism] = [e for e in code(text) if e.cameo.root == "11"]
    assert criticism.date == date(2024, 3, 8) and criticism.date_precision == "day"


def test_a_time_of_a_coordinated_act_ahead_or_of_an_act_asked_for_does_not_date_the_act(code):
    text = "Peru said its president would visit Quito next month and invited Ecuador's leader to Lima."
    [invited] = [e for e in code(text, published=FRI) if e.trigger_text == "invited"]
    assert invited.date == FRI
    [invited] = [e for e in code("Chile invited Bolivia to attend talks in Santiago in July.", published=FRI)]
    assert invited.date == FRI
    # an act still ahead is of the time its complement gives: "will urge … in talks next week"
    [urge] = code("Chile will urge Bolivia to back the plan in talks next week.", published=FRI)
    assert urge.date is not None and urge.date > FRI

"""Cross-article linking: which reports are one real event, independent of coding order."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.link import LinkSettings, link
from eventwire.store import Store

from .factory import Report, partition, store_reports

MON, TUE, WED, FRI = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4), date(2026, 3, 6)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as opened:
        yield opened


def clusters_of(store, reports, **options):
    store_reports(store, reports)
    link(store, LinkSettings(**options))
    return partition(store)


def test_reports_of_one_day_from_several_outlets_are_one_cluster(store):
    found = clusters_of(
        store,
        [
            Report("a", MON, day=MON, outlet="Wire"),
            Report("b", TUE, day=MON, outlet="Post"),
            Report("c", TUE, day=MON, outlet="Post"),
        ],
    )
    assert found == [["a:0:042", "b:0:042", "c:0:042"]]
    row = store.con.execute(
        "SELECT num_mentions, num_articles, num_sources, first_seen, last_seen FROM event_clusters"
    ).fetchall()
    assert row == [(3, 3, 2, MON, TUE)]


def test_same_dyad_on_another_day_or_with_another_root_is_another_event(store):
    found = clusters_of(
        store, [Report("a", MON, day=MON), Report("b", FRI, day=FRI), Report("c", MON, day=MON, cameo="112")]
    )
    assert sorted(found) == [["a:0:042"], ["b:0:042"], ["c:0:112"]]


def test_direction_mode_and_specific_codes_separate_events(store):
    found = clusters_of(
        store,
        [
            Report("a", MON, day=MON),
            Report("b", MON, day=MON, source="USA", target="CHN"),
            Report("c", MON, day=MON, mode="planned"),
            Report("d", MON, day=MON, cameo="043"),
        ],
    )
    assert len(found) == 4


def test_a_generic_code_joins_the_specific_one(store):
    assert clusters_of(store, [Report("a", MON, day=MON, cameo="040"), Report("b", MON, day=MON, cameo="042")]) == [
        ["a:0:040", "b:0:042"]
    ]
    assert store.con.execute("SELECT cameo FROM event_clusters").fetchall() == [("042",)]


def test_sectors_must_agree_where_both_are_known(store):
    found = clusters_of(
        store,
        [
            Report("a", MON, day=MON, target_sector="MIL"),
            Report("b", MON, day=MON),
            Report("c", MON, day=MON, target_sector=None),
        ],
    )
    assert sorted(found) == [["a:0:042"], ["b:0:042", "c:0:042"]] or sorted(found) == [
        ["a:0:042", "c:0:042"],
        ["b:0:042"],
    ]


def test_places_named_in_different_countries_are_different_events(store):
    found = clusters_of(
        store,
        [
            Report("a", MON, day=MON, cameo="190", place="IND"),
            Report("b", MON, day=MON, cameo="190", place="PAK"),
            Report("c", MON, day=MON, cameo="190"),
        ],
    )
    assert len(found) == 2 and ["c:0:190"] not in found


def test_an_undated_report_joins_the_event_of_its_publication_day(store):
    found = clusters_of(store, [Report("a", MON, day=MON), Report("b", TUE, day=None)])
    assert found == [["a:0:042", "b:0:042"]]
    why = dict(
        store.con.execute("SELECT e.article_id, m.joined_by FROM mentions m JOIN events e USING (event_id)").fetchall()
    )
    assert why["b"].startswith("undated, published 2026-03-03") and "overlaps" in why["b"]
    assert store.con.execute("SELECT date, date_imputed FROM event_clusters").fetchall() == [(MON, False)]


def test_an_undated_report_far_from_any_dated_one_stands_alone(store):
    found = clusters_of(store, [Report("a", MON, day=MON), Report("b", date(2026, 3, 12), day=None)])
    assert len(found) == 2
    imputed = store.con.execute(
        "SELECT date, date_imputed FROM event_clusters WHERE NOT date_imputed IS FALSE"
    ).fetchall()
    assert imputed == [(date(2026, 3, 12), True)]


def test_an_undated_report_joins_the_larger_of_two_neighbouring_events(store):
    found = clusters_of(
        store,
        [Report("a", MON, day=MON), Report("b", WED, day=WED), Report("c", WED, day=WED), Report("d", TUE, day=None)],
    )
    assert sorted(found) == [["a:0:042"], ["b:0:042", "c:0:042", "d:0:042"]]


def test_a_month_dated_report_joins_a_day_in_that_month(store):
    found = clusters_of(store, [Report("a", MON, day=MON), Report("b", date(2026, 3, 20), day=MON, precision="month")])
    assert found == [["a:0:042", "b:0:042"]]


def test_the_window_widens_what_counts_as_the_same_day(store):
    assert len(clusters_of(store, [Report("a", MON, day=MON), Report("b", TUE, day=TUE)])) == 2
    link(store, LinkSettings(window_days=1))
    assert len(partition(store)) == 1


def test_canonical_fields_take_the_most_precise_report(store):
    clusters_of(
        store,
        [
            Report("a", MON, day=MON, cameo="040", target_sector=None),
            Report("b", TUE, day=None, cameo="0421", outlet="x"),
        ],
    )
    row = store.con.execute(
        "SELECT cameo, target_code, date, date_precision, num_sources FROM event_clusters"
    ).fetchall()
    assert row == [("0421", "USAGOV", MON, "day", 2)]


def test_relinking_after_new_articles_equals_linking_all_at_once(tmp_path):
    first = [Report("a", MON, day=MON), Report("b", FRI, day=FRI, cameo="190")]
    later = [Report("c", TUE, day=None), Report("d", FRI, day=FRI, cameo="190"), Report("e", WED, day=WED, cameo="112")]
    with Store(tmp_path / "step.duckdb") as step, Store(tmp_path / "once.duckdb") as once:
        clusters_of(step, first)
        stepwise = clusters_of(step, later)
        assert stepwise == clusters_of(once, first + later)
        ids = "SELECT cluster_id FROM event_clusters ORDER BY 1"
        assert step.con.execute(ids).fetchall() == once.con.execute(ids).fetchall()


REPORTS = [
    Report("a", MON, day=MON),
    Report("b", TUE, day=None),
    Report("c", TUE, day=MON, target_sector=None),
    Report("d", WED, day=WED),
    Report("e", WED, day=None, cameo="040"),
    Report("f", FRI, day=None),
    Report("g", FRI, day=FRI, cameo="190", place="CHN"),
    Report("h", FRI, day=FRI, cameo="190"),
    Report("i", MON, day=MON, source="USA", target="CHN"),
    Report("j", TUE, day=MON, precision="month"),
]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(REPORTS), split=st.integers(min_value=0, max_value=len(REPORTS)))
def test_clusters_do_not_depend_on_coding_order(tmp_path_factory, order, split):
    path = tmp_path_factory.mktemp("order") / "s.duckdb"
    with Store(path) as store:
        store_reports(store, order[:split])  # two coding runs, in any order
        store_reports(store, order[split:])
        link(store)
        found = partition(store)
        ids = store.con.execute("SELECT cluster_id FROM event_clusters ORDER BY 1").fetchall()
    reference = tmp_path_factory.mktemp("ref") / "s.duckdb"
    with Store(reference) as store:
        assert clusters_of(store, REPORTS) == found
        assert store.con.execute("SELECT cluster_id FROM event_clusters ORDER BY 1").fetchall() == ids


def test_linking_an_empty_store_gives_no_clusters(store):
    summary = link(store)
    assert (summary.mentions, summary.clusters) == (0, 0)


def test_out_of_range_windows_are_refused():
    with pytest.raises(InputError, match="between 0 and 30"):
        LinkSettings(window_days=-1)

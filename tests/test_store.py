from __future__ import annotations

import json
from datetime import date

import duckdb
import pyarrow.parquet as pq
import pytest

from eventwire import Article, Reject, StoreError
from eventwire.run import code_into_store
from eventwire.store import EVENT_SCHEMA, Store, write_events
from eventwire.tables import ARTICLE_SCHEMA, CodedBatch

TEXT = "Japan condemned North Korea on Monday. Germany praised France."


def _articles(n: int, prefix: str = "a") -> list[Article]:
    return [Article(f"{prefix}{i}", TEXT, date(2024, 3, 8)) for i in range(n)]


def test_rerun_adds_nothing_and_force_recodes(tmp_path, coder):
    db = tmp_path / "e.duckdb"
    with Store(db) as store:
        first = code_into_store(_articles(3), store, coder)
        again = code_into_store(_articles(3), store, coder)
        assert (first.coded, again.coded, again.skipped) == (3, 0, 3)
        counts = store.counts()
        forced = code_into_store(_articles(3), store, coder, force=True)
        assert forced.coded == 3 and store.counts() == counts
    assert counts["events"] == first.events > 0


def test_every_record_is_accounted_for(tmp_path, coder):
    records = [*_articles(2), Reject("f.jsonl", 3, "malformed JSON"), _articles(1)[0]]
    with Store(tmp_path / "e.duckdb") as store:
        summary = code_into_store(records, store, coder)
        assert summary.read == 4 and summary.coded + summary.rejected == summary.read
        assert summary.rejected == 2  # the repeated id a0 is a reject too
        assert store.counts()["rejects"] == 2


def test_interrupted_run_keeps_whole_batches_and_resumes(tmp_path, coder):
    db = tmp_path / "e.duckdb"

    def interrupted():
        yield from _articles(coder.settings.batch_size, "x")  # one full batch is written
        yield from _articles(2, "y")
        raise KeyboardInterrupt

    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        code_into_store(interrupted(), store, coder)
    with Store(db) as store:
        assert store.counts()["articles"] == coder.settings.batch_size
        per_article = store.con.execute("SELECT count(DISTINCT article_id) FROM events").fetchall()[0][0]
        assert per_article == coder.settings.batch_size
        resumed = code_into_store([*_articles(coder.settings.batch_size, "x"), *_articles(2, "y")], store, coder)
        assert (resumed.coded, resumed.skipped) == (2, coder.settings.batch_size)


def test_exports_keep_the_event_schema(tmp_path, coder):
    with Store(tmp_path / "e.duckdb") as store:
        code_into_store(_articles(1), store, coder)
        table = store.events()
    for fmt in ("jsonl", "csv", "parquet"):
        write_events(table, tmp_path / f"out.{fmt}", fmt)
    assert pq.read_table(tmp_path / "out.parquet").schema.names == EVENT_SCHEMA.names
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert list(rows[0]) == EVENT_SCHEMA.names and len(rows) == table.num_rows
    header = (tmp_path / "out.csv").read_text().splitlines()[0]
    assert header.replace('"', "").split(",") == EVENT_SCHEMA.names


def test_a_version_5_store_gains_the_intent_column_and_opens(tmp_path):
    path = tmp_path / "v5.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))  # as eventwire 5 left it: no cameo_intent column
    for table in ("events", "event_clusters"):
        con.execute(f"CREATE TABLE old AS SELECT * EXCLUDE (cameo_intent) FROM {table}")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE old RENAME TO {table}")
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="eventwire link"):
        Store(path, read_only=True)  # a reader cannot add the column
    with Store(path) as upgraded:
        assert upgraded.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [("6",)]
        assert upgraded.events().schema.names == EVENT_SCHEMA.names  # the column appended, read in order
        columns = upgraded.con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'event_clusters'")
        assert "cameo_intent" in {name for (name,) in columns.fetchall()}


def test_where_filter_and_bad_where(tmp_path, coder):
    with Store(tmp_path / "e.duckdb") as store:
        code_into_store(_articles(1), store, coder)
        roots = set(store.events("root_code = '11'").column("root_code").to_pylist())
        assert roots == {"11"}
        with pytest.raises(StoreError, match="--where"):
            store.events("no_such_column = 1")


def test_missing_folder_and_missing_db_say_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nope" / "e.duckdb")
    with pytest.raises(StoreError, match="eventwire code"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_unknown_export_format(tmp_path):
    with pytest.raises(StoreError, match="unknown format"):
        write_events(EVENT_SCHEMA.empty_table(), tmp_path / "x", "xml")


def test_events_come_out_in_one_order_whatever_order_they_were_stored_in(tmp_path, coder):
    # a visit and its hosting share their trigger: the order must not be left to the database
    text = "The Kenyan president received Qatar's envoy in Nairobi on Monday."
    with Store(tmp_path / "a.duckdb") as first:
        code_into_store([Article("v", text, date(2024, 3, 8))], first, coder)
        events = first.events()
        articles = first.con.sql(f"SELECT {', '.join(ARTICLE_SCHEMA.names)} FROM articles").to_arrow_table()
    assert len(set(events["trigger_start"].to_pylist())) < events.num_rows
    for order in (list(range(events.num_rows)), list(reversed(range(events.num_rows)))):
        with Store(tmp_path / f"{order[0]}.duckdb") as second:
            second.write_tables(CodedBatch(events.take(order), articles))
            assert second.events()["event_id"].to_pylist() == events["event_id"].to_pylist()

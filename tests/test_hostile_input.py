"""Issue 19: every record is read, coded or rejected whatever its bytes; stores that are not
eventwire's, damaged, or failing to commit are reported, never a traceback. No model here
(coding hostile records is in test_hostile_coding.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from eventwire import Article, Reject, StoreError
from eventwire.cli import app
from eventwire.engine import PART_FOLDERS, load_parts
from eventwire.ingest import read_inputs, read_jsonl
from eventwire.stages.time_expressions import resolve
from eventwire.store import Store
from eventwire.tables import ARTICLE_SCHEMA, EVENT_SCHEMA, CodedBatch

runner = CliRunner()

HOSTILE_VALUES = st.one_of(
    st.just('"x\\ud800y"'),  # a lone surrogate, as a JSON escape
    st.just("9" * 4301),  # over Python's int-from-string limit
    st.integers(min_value=1, max_value=3000).map(lambda d: "[" * d + "]" * d),  # deep nesting
    st.sampled_from(['"0001-01-03"', '"9999-12-31"', '"9999-12-31T23:59:59Z"', '"0001-01-01"']),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20).map(json.dumps),  # control characters
    st.text(max_size=40).map(json.dumps),
    st.sampled_from(["null", "true", "1e999", "-0.0", "{}", '{"a": [1]}', "[]"]),
)


def _line(fields: dict[str, str]) -> bytes:
    return ("{" + ", ".join(f'"{name}": {value}' for name, value in fields.items()) + "}").encode(
        "utf-8", "surrogatepass"
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.dictionaries(st.sampled_from(["id", "text", "published", "source", "title", "url"]), HOSTILE_VALUES),
        min_size=1,
        max_size=8,
    )
)
def test_hostile_fields_are_read_or_rejected_one_record_a_line(records):
    lines = [_line({"text": '"Peru said on Monday it will meet Chile next week."', **r}) for r in records]
    read = list(read_jsonl(iter(line + b"\n" for line in lines), "fuzz.jsonl", 1_000_000))
    assert len(read) == len(lines)
    assert [r.line if isinstance(r, Reject) else int(r.origin.rsplit(":", 1)[1]) for r in read] == list(
        range(1, len(lines) + 1)
    )
    for record in read:  # whatever is read can be encoded: the store and Arrow take it
        for value in (record.origin, record.article_id) + (
            (record.reason,) if isinstance(record, Reject) else (record.text, record.title, record.source)
        ):
            (value or "").encode("utf-8")
        if isinstance(record, Article) and record.published is not None:
            assert 1800 <= record.published.year <= 2200


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"id": "a", "text": "x\\ud800y"}', "unpaired surrogate"),
        (b'{"id": "a\\udfff", "text": "Peru met Chile."}', "unpaired surrogate"),
        (b'{"id": "a\\ud800", "published": 3}', "no 'text'"),  # the id of a rejected record
        (b'{"id": "a", "text": "Peru met Chile.", "source": ' + b"9" * 4301 + b"}", "4300 digits"),
        (b'{"id": "a", "text": "Peru met Chile.", "title": ' + b"[" * 990 + b"]" * 990 + b"}", ""),
        (b'{"id": "a", "text": "Peru met Chile.", "title": ' + b"[" * 5000 + b"]" * 5000 + b"}", "too deep"),
        (b'{"id": "a", "text": "Peru met Chile last week.", "published": "0001-01-03"}', "outside 1800-2200"),
        (b'{"id": "a", "text": "Peru met Chile tomorrow.", "published": "9999-12-31"}', "outside 1800-2200"),
    ],
)
def test_each_crashing_input_of_the_issue_is_a_reject_with_its_reason(line, reason):
    [record] = read_jsonl([line], "f.jsonl", 1_000_000)
    assert isinstance(record, Reject), record
    assert reason in record.reason and record.line == 1
    for value in (record.origin, record.reason, record.article_id or ""):
        value.encode("utf-8")


def test_relative_times_past_the_calendar_are_unresolved_not_an_error():
    for expression in ("9999 years ago", "99999999 days up to Friday", "3000000 weeks ago"):
        assert resolve(expression, date(2010, 1, 1), "past") is None
    assert resolve("two years ago", date(2010, 6, 1), "past") is not None


def test_rejects_with_unstorable_text_are_stored_escaped(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([], [Reject("bad\udcff.jsonl", 1, "reason \ud800", "id\ud800")])
        [(origin, article_id)] = store.con.execute("SELECT origin, article_id FROM rejects").fetchall()
    assert (origin, article_id) == ("bad\\udcff.jsonl", "id\\ud800")


class _FailingCommit:
    """A connection whose COMMIT fails as on a read-only folder; DuckDB then has no transaction
    left, and its ROLLBACK says so."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def execute(self, sql: str, *args: object) -> object:
        if sql == "COMMIT":
            self.con.execute("ROLLBACK")
            raise duckdb.IOException('Cannot open file "s.duckdb.wal": Permission denied')
        return self.con.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self.con, name)


def test_a_failed_commit_reports_its_own_cause(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.con = _FailingCommit(store.con)  # type: ignore[assignment]
        with pytest.raises(StoreError, match="Permission denied") as failed:
            store.write_batch([], [Reject("f", 1, "r")])
        assert "no transaction" not in str(failed.value)


def test_a_duckdb_file_of_other_tables_is_refused_and_left_as_it_was(tmp_path):
    db = tmp_path / "theirs.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE sales (id INTEGER)")
    with pytest.raises(StoreError, match="not an eventwire store .*sales"):
        Store(db)
    result = runner.invoke(app, ["code", "-", "--db", str(db), "--no-link"], input="Peru met Chile.")
    assert result.exit_code == 2 and "not an eventwire store" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT table_name FROM duckdb_tables()").fetchall() == [("sales",)]
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with Store(empty) as store:  # an empty DuckDB file is a new store
        assert store.counts()["articles"] == 0


def _truncated_store(tmp_path: Path) -> Path:
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write_batch([], [Reject("f.jsonl", i, "reason " * 40) for i in range(3000)])
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    return cut


def test_a_truncated_store_is_reported_damaged_with_what_to_do(tmp_path):
    cut = _truncated_store(tmp_path)
    for read_only in (True, False):
        with pytest.raises(StoreError, match="is damaged .*restore it from a backup"):
            Store(cut, read_only=read_only)
    result = runner.invoke(app, ["summary", "--db", str(cut)])
    assert result.exit_code == 2 and "damaged" in result.output and "Traceback" not in result.output


def _write_shard(folder: Path, name: str, article_id: str) -> None:
    articles = pa.Table.from_pylist([{"article_id": article_id, "text": "t", "n_events": 0}], schema=ARTICLE_SCHEMA)
    for part, table in zip(PART_FOLDERS, (EVENT_SCHEMA.empty_table(), articles)):
        (folder / part).mkdir(parents=True, exist_ok=True)
        import pyarrow.parquet as pq

        pq.write_table(table, folder / part / name)


def test_load_reads_the_run_its_manifest_names_and_refuses_mixed_runs(tmp_path):
    parts = tmp_path / "parts"
    _write_shard(parts, "part-aaaaaaaaaaaa-000000.parquet", "old-run")
    _write_shard(parts, "part-bbbbbbbbbbbb-000000.parquet", "new-run")
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(Exception, match="parts of 2 coding runs"):
            load_parts(parts, store)
        (parts / "run.json").write_text(
            json.dumps({"run": "bbbbbbbbbbbb", "shards": ["part-bbbbbbbbbbbb-000000.parquet"], "rejects": "r.parquet"})
        )
        assert load_parts(parts, store) == (1, 0)
        assert store.known_articles(["old-run", "new-run"]) == {"new-run"}


def test_unreadable_file_names_become_storable_rejects(tmp_path):
    path = tmp_path / "caf\udce9.pdf"  # an undecodable byte in a file name, as os gives it
    try:
        path.write_bytes(b"x")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system does not take undecodable names")
    [record] = read_inputs([str(path)])
    assert isinstance(record, Reject) and "\\udce9" in record.origin


def test_coded_batches_keep_their_rejects_apart():
    reject = Reject("f.jsonl", 2, "[code] ValueError: x", "b")
    batch = CodedBatch(EVENT_SCHEMA.empty_table(), ARTICLE_SCHEMA.empty_table(), (reject,))
    from eventwire.tables import coded_tables

    built = coded_tables([(Article("a", "t", date(2020, 1, 1)), []), reject])
    assert built.rejects == batch.rejects and built.articles.num_rows == 1

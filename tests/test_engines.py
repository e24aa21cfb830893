"""Engines give the same event rows as coding in process: a local process pool and Dask."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import InputError, ModelError
from eventwire.store import Store

runner = CliRunner()
ROWS = "SELECT * EXCLUDE (coder_version) FROM events ORDER BY event_id"
SENTENCES = [
    "Japan condemned North Korea on Monday.",
    "Rebels attacked an army base near Goma on Tuesday.",
    "China and Russia signed a trade agreement in Moscow.",
    "The weather stayed warm across the region.",
    "Turkish Foreign Minister Hakan Fidan visited Egypt on Thursday.",
    "Brazil criticised Venezuela.",
]


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("in") / "in.jsonl"
    rows = [
        {"id": f"a{i}", "published": "2026-03-06", "source": f"outlet {i % 3}", "text": SENTENCES[i % len(SENTENCES)]}
        for i in range(36)
    ] + [{"id": "bad"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


@pytest.fixture(scope="module")
def reference(articles, tmp_path_factory, coder) -> list:
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    assert runner.invoke(app, ["code", str(articles), "--db", str(db), "--no-link", "--batch-size", "4"]).exit_code == 0
    with Store(db, read_only=True) as store:
        return store.con.execute(ROWS).fetchall()


def _rows(db: Path) -> list:
    with Store(db, read_only=True) as store:
        return store.con.execute(ROWS).fetchall()


@pytest.mark.slow  # worker processes
def test_local_process_pool_gives_the_same_rows(articles, reference, tmp_path):
    db = tmp_path / "j.duckdb"
    result = runner.invoke(app, ["code", str(articles), "--db", str(db), "-j", "2", "--no-link", "--batch-size", "4"])
    assert result.exit_code == 0, result.output
    assert "36 articles coded" in result.output and "1 rejected" in result.output
    assert _rows(db) == reference and len(reference) > 10


@pytest.mark.slow  # worker processes
def test_local_part_files_load_to_the_same_rows_and_twice_adds_nothing(articles, reference, tmp_path):
    parts = tmp_path / "parts"
    result = runner.invoke(app, ["code", str(articles), "-o", str(parts), "-j", "2", "--batch-size", "5"])
    assert result.exit_code == 0, result.output
    assert len(list((parts / "events").glob("part-*.parquet"))) == 8
    db = tmp_path / "p.duckdb"
    for _ in range(2):
        loaded = runner.invoke(app, ["load", str(parts), "--db", str(db), "--no-link"])
        assert loaded.exit_code == 0 and "36 articles" in loaded.output
    assert _rows(db) == reference
    with Store(db, read_only=True) as store:
        assert store.counts()["rejects"] == 1


dask_engine = pytest.importorskip("eventwire.dask_engine")
distributed = pytest.importorskip("distributed", reason="the Dask engine is an extra: pip install 'eventwire[dask]'")


@pytest.fixture(scope="module")
def client():
    with dask_engine.connect(None, 2) as connected:
        yield connected


def _code_on_dask(client, articles: Path, out: Path, batch_size: int = 4, **settings_changes):
    from eventwire.ingest import read_inputs
    from eventwire.records import Article
    from eventwire.settings import Settings

    settings = replace(Settings(batch_size=batch_size), **settings_changes)
    records = [r for r in read_inputs([str(articles)]) if isinstance(r, Article)]
    batches = [records[i : i + batch_size] for i in range(0, len(records), batch_size)]
    return dask_engine.code_on_dask(client, batches, settings, out)


def _load(parts: Path, db: Path) -> list:
    from eventwire.engine import load_parts

    with Store(db) as store:
        load_parts(parts, store)
    return _rows(db)


@pytest.mark.slow  # Dask
def test_dask_gives_the_same_rows_as_the_local_run(client, articles, reference, tmp_path):
    shards, n_articles, n_events = _code_on_dask(client, articles, tmp_path / "parts")
    assert (shards, n_articles, n_events) == (9, 36, len(reference))
    assert _load(tmp_path / "parts", tmp_path / "d.duckdb") == reference


@pytest.mark.slow  # Dask
def test_a_worker_killed_mid_run_is_retried_and_nothing_is_duplicated(client, articles, reference, tmp_path):
    parts = tmp_path / "parts"
    killed = []

    pids = client.run(os.getpid)  # worker address -> process id

    def kill_a_worker_once_parts_appear() -> None:
        deadline = time.time() + 60
        while time.time() < deadline and not list((parts / "events").glob("part-*.parquet")):
            time.sleep(0.05)
        worker = sorted(pids)[0]
        os.kill(pids[worker], signal.SIGKILL)  # as the OOM killer would
        killed.append(worker)

    killer = threading.Thread(target=kill_a_worker_once_parts_appear)
    killer.start()
    shards, n_articles, _ = _code_on_dask(client, articles, parts, batch_size=1)
    killer.join()
    assert killed and (shards, n_articles) == (36, 36)
    assert _load(parts, tmp_path / "k.duckdb") == reference  # no event lost, none twice
    client.wait_for_workers(2, timeout=60)


@pytest.mark.slow  # Dask
def test_a_worker_without_the_model_is_a_clear_error(client, articles, tmp_path):
    with pytest.raises(ModelError, match="could not load eventwire's model"):
        _code_on_dask(client, articles, tmp_path / "parts", model_names=("no_such_model",))


@pytest.mark.slow  # Dask
def test_an_unreachable_scheduler_is_a_clear_error_without_hanging(monkeypatch):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT_S", 2)
    started = time.time()
    with pytest.raises(InputError, match="cannot reach a Dask scheduler at tcp://127.0.0.1:9"):
        with dask_engine.connect("tcp://127.0.0.1:9", 1):
            pass
    assert time.time() - started < 30


def test_the_dask_engine_needs_an_output_folder(articles):
    result = runner.invoke(app, ["code", str(articles), "--engine", "dask"])
    assert result.exit_code == 2 and "-o OUT_DIR" in result.output


def test_a_missing_extra_says_what_to_install(monkeypatch):
    monkeypatch.setattr(dask_engine, "Client", None)
    with pytest.raises(InputError, match=r"pip install 'eventwire\[dask\]'"):
        with dask_engine.connect(None, 2):
            pass

"""What a new user meets at the command line: exit codes, which date wins, the progress line,
a long series on screen, worker counts too large for the input, and a failing watch."""

from __future__ import annotations

import json
from datetime import date

import typer
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.console import PlainProgress, progress_line
from eventwire.ingest import count_articles, read_inputs
from eventwire.link import link
from eventwire.run import workers_worth_it
from eventwire.store import Store

from .linking.factory import Report, store_reports

runner = CliRunner()
PAGE = """<!doctype html><html><head><title>Ports reopen</title>
<meta property="article:published_time" content="2023-06-02"></head><body><article><h1>Ports reopen</h1>
<p>Chile and Peru agreed on Thursday to reopen their shared mountain crossing to lorries after the snow.</p>
<p>Officials of both states said the crossing would stay open until the next storm closes the pass again.</p>
</article></body></html>"""


def test_a_missing_input_stops_with_status_2_before_anything_is_coded(tmp_path):
    result = runner.invoke(app, ["code", str(tmp_path / "nowhere.jsonl"), "--db", str(tmp_path / "e.duckdb")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output and not (tmp_path / "e.duckdb").exists()


def test_the_inputs_own_date_wins_over_published_which_fills_in(tmp_path):
    (tmp_path / "page.html").write_text(PAGE)
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "dated", "published": "2023-01-09", "text": "Peru thanked Chile."})
        + "\n"
        + json.dumps({"id": "undated", "text": "Peru thanked Chile."})
        + "\n"
    )
    given = date(2023, 7, 1)
    dates = {r.article_id: r.published for r in read_inputs([str(tmp_path)], given)}
    assert dates == {"dated": date(2023, 1, 9), "undated": given, "page": date(2023, 6, 2)}
    command = typer.main.get_command(app).commands["code"]  # type: ignore[attr-defined]
    [option] = [p for p in command.params if p.name == "published"]
    assert "an input's own date" in option.help and "wins" in option.help


def test_the_total_counts_records_and_is_unknown_for_stdin(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n')
    (tmp_path / "b.txt").write_text("z")
    assert count_articles([str(tmp_path)]) == 3
    assert count_articles([str(tmp_path), "-"]) is None


def test_without_a_terminal_progress_is_a_plain_line_every_few_seconds(capsys):
    ticks = iter([0.0, 5.0, 12.0])
    with PlainProgress(total=40, every_s=10, clock=lambda: next(ticks)) as bar:
        bar.advance(10, 3)  # at 5 s: quiet
        bar.advance(10, 1)  # at 12 s: one line
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["20/40 articles, 4 events, 1.7 articles/s, 0m12s left"]
    assert progress_line(5, None, 0, 1.0) == "5 articles, 0 events, 5.0 articles/s"


def test_workers_are_not_started_for_an_input_too_small_to_pay_for_them():
    jobs, note = workers_worth_it(2, 12)
    assert jobs == 1 and note is not None and "12 articles are too few for 2 workers" in note
    assert workers_worth_it(2, 5000) == (2, None)
    assert workers_worth_it(2, None) == (2, None)  # stdin: the size is unknown


def test_a_long_series_on_screen_is_a_preview_with_a_hint(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store_reports(store, [Report("a", date(2025, 1, 1), day=date(2025, 1, 1)), Report("b", date(2025, 3, 1))])
        link(store)
    result = runner.invoke(app, ["series", "--dyad", "CHN-USA", "--db", str(db)])
    assert result.exit_code == 0
    assert "first 12 of 60 rows" in result.output
    assert "add -o series.csv (or .parquet) to write all 60 rows" in result.output
    assert result.output.count("2025-") == 12


def test_watch_once_fails_when_every_feed_failed_with_a_line_for_each(tmp_path):
    feeds = ["http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"]
    result = runner.invoke(app, ["watch", *feeds, "--once", "--timeout", "1", "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 1
    assert all(f"rejected {feed}: feed {feed}" in result.output for feed in feeds)
    assert "every feed failed" in result.output

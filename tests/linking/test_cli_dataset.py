"""The dataset commands end to end: code (which links), link, explain a cluster, series, dyads, export."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import Store

runner = CliRunner()

ARTICLES = [
    {
        "id": "w1",
        "published": "2026-03-03",
        "source": "Wire",
        "text": "Japan condemned North Korea on Monday over the missile test.",
    },
    {
        "id": "p1",
        "published": "2026-03-03",
        "source": "Post",
        "text": "Japan condemned North Korea yesterday after a missile launch.",
    },
    {"id": "p2", "published": "2026-03-06", "source": "Post", "text": "Japan condemned North Korea again on Friday."},
]


def _coded(tmp_path, *extra):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    db = tmp_path / "e.duckdb"
    result = runner.invoke(app, ["code", str(source), "--db", str(db), *extra])
    assert result.exit_code == 0, result.output
    return db, result.output


def test_code_links_and_the_dataset_commands_work(tmp_path, coder):
    db, output = _coded(tmp_path)
    assert "3 event mentions linked into 2 clusters (1 reported more than once)" in output
    assert "3 articles grouped into" in output
    with Store(db, read_only=True) as store:
        [(cluster_id,)] = store.con.execute("SELECT cluster_id FROM event_clusters WHERE num_mentions = 2").fetchall()
    explained = runner.invoke(app, ["explain", str(cluster_id), "--db", str(db)])
    assert explained.exit_code == 0
    assert "2 mentions in 2 articles from 2 sources" in explained.output and explained.output.count("joined:") == 2

    series = tmp_path / "out" / "series.csv"
    plot = tmp_path / "out" / "series.png"
    result = runner.invoke(
        app,
        ["series", "--dyad", "JPN-PRK", "--db", str(db), "-o", str(series), "--plot", str(plot), "--measure", "quad"],
    )
    assert result.exit_code == 0, result.output
    lines = series.read_text().splitlines()
    assert len(lines) == 1 + 5 and lines[1].startswith("2026-03-02") and plot.stat().st_size > 1000

    dyads = runner.invoke(app, ["dyads", "--db", str(db), "--top", "3"])
    assert dyads.exit_code == 0 and "JPN-PRK" in dyads.output

    gdelt = tmp_path / "x" / "events.tsv"
    result = runner.invoke(app, ["export", "--format", "gdelt", "-o", str(gdelt), "--db", str(db)])
    assert result.exit_code == 0 and "2 rows written" in result.output
    assert all(len(line.split("\t")) == 61 for line in gdelt.read_text().splitlines())


def test_no_link_leaves_clusters_for_later(tmp_path, coder):
    db, output = _coded(tmp_path, "--no-link")
    assert "linked" not in output
    refused = runner.invoke(app, ["export", "--format", "plover", "-o", str(tmp_path / "p.jsonl"), "--db", str(db)])
    assert refused.exit_code == 2 and "eventwire link" in refused.output
    linked = runner.invoke(app, ["link", "--db", str(db), "--stories", "none"])
    assert linked.exit_code == 0 and "linked into 2 clusters" in linked.output and "stories" not in linked.output


def test_dataset_command_errors_say_what_to_do(tmp_path):
    db = tmp_path / "e.duckdb"
    Store(db).close()
    empty = runner.invoke(app, ["series", "--dyad", "CHN-USA", "--db", str(db)])
    assert empty.exit_code == 0 and "the series is empty" in empty.output
    unknown = runner.invoke(app, ["series", "--dyad", "CHN-USX", "--db", str(db)])
    assert unknown.exit_code == 2 and "did you mean USA" in unknown.output
    bad_freq = runner.invoke(app, ["series", "--dyad", "CHN-USA", "--freq", "hour", "--db", str(db)])
    assert bad_freq.exit_code == 2 and "unknown --freq" in bad_freq.output
    bad_output = runner.invoke(app, ["series", "--dyad", "CHN-USA", "-o", str(tmp_path / "s.xlsx"), "--db", str(db)])
    assert bad_output.exit_code == 2 and ".csv or .parquet" in bad_output.output
    no_cluster = runner.invoke(app, ["explain", "12345", "--db", str(db)])
    assert no_cluster.exit_code == 2 and "no event or cluster" in no_cluster.output
    no_dyads = runner.invoke(app, ["dyads", "--db", str(db)])
    assert no_dyads.exit_code == 0 and "code articles first" in no_dyads.output
    no_method = runner.invoke(app, ["link", "--db", str(db), "--stories", "lda"])
    assert no_method.exit_code == 2 and "unknown story method" in no_method.output

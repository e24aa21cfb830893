"""The command line, end to end (each `code` call loads the model: kept few)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def test_code_events_explain_and_eval_end_to_end(tmp_path, coder):
    source = tmp_path / "in.jsonl"
    articles = [
        {"id": "c1", "published": "2024-03-08", "text": "Japan condemned North Korea on Monday."},
        {"id": "c2", "text": "   "},
    ]
    source.write_text("\n".join(json.dumps(a) for a in articles) + "\n")
    db = tmp_path / "e.duckdb"
    result = runner.invoke(app, ["code", str(source), "--db", str(db), "--strict"])
    assert result.exit_code == 1  # --strict: one reject
    assert "1 articles coded" in result.output and "1 rejected" in result.output and "empty text" in result.output

    exported = tmp_path / "e.jsonl"
    assert runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "-o", str(exported)]).exit_code == 0
    [event] = [json.loads(line) for line in exported.read_text().splitlines()]
    assert (event["source_country"], event["target_country"], event["root_code"]) == ("JPN", "PRK", "11")

    explained = runner.invoke(app, ["explain", event["event_id"], "--db", str(db)])
    assert explained.exit_code == 0 and "condemned" in explained.output and "verbs.yaml" in explained.output

    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "c1",
                "text": "",
                "events": [{"source": "JPN", "target": "PRK", "cameo": ["111"], "mode": "asserted", "evidence": "x"}],
            }
        )
        + "\n"
    )
    scored = runner.invoke(app, ["eval", str(gold), "--db", str(db), "--json"])
    assert json.loads(scored.output)["f1"] == 1.0


def test_errors_are_one_sentence_without_traceback(tmp_path):
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "eventwire code" in missing.output and "Traceback" not in missing.output
    bad_format = runner.invoke(app, ["events", "--db", str(tmp_path / "x.duckdb"), "--format", "xml"])
    assert bad_format.exit_code == 2 and "unknown --format" in bad_format.output
    (tmp_path / "x.jsonl").write_text("")
    bad_dir = runner.invoke(app, ["code", str(tmp_path / "x.jsonl"), "--db", str(tmp_path / "no" / "e.duckdb")])
    assert bad_dir.exit_code == 2 and "does not exist" in bad_dir.output
    bad_date = runner.invoke(app, ["code", "x.txt", "--published", "last week", "--db", str(tmp_path / "e.duckdb")])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output


def test_every_command_has_help():
    for command in ("code", "events", "eval", "explain", "summary", "link", "series", "dyads", "export", "stories"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output

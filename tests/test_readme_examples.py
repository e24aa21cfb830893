"""The README's Python examples run as written (fenced ```python blocks, executed in a temp folder)."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from py_gdelt.models.events import Event as GdeltEvent
from py_gdelt.parsers.events import EventsParser
from py_gdelt.parsers.mentions import MentionsParser

README = Path(__file__).resolve().parents[1] / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), re.S | re.M)


@pytest.mark.model
@pytest.mark.parametrize("block", python_blocks())
def test_readme_python_example_runs_as_written(block, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(block, "README.md", "exec"), {"__name__": "readme"})  # noqa: S102 - the README's own code
    assert "JPNGOV" in printed.getvalue() and "PRKGOV" in printed.getvalue()


def test_the_readme_has_python_examples():
    assert python_blocks()


def export_commands() -> list[str]:
    """The commands of the README's export example (its ```sh block under "Export example")."""
    text = README.read_text(encoding="utf-8")
    [block] = re.findall(r"\*\*Export example\*\*.*?```sh\n(.*?)```", text, re.S)
    return [line.strip() for line in block.splitlines() if line.strip()]


@pytest.mark.model
def test_readme_export_example_runs_as_written_and_gdelt_py_reads_it(tmp_path):
    root = README.parent
    (tmp_path / "examples").symlink_to(root / "examples")
    binary = Path(sys.executable).parent / "eventwire"
    for command in export_commands():
        words = shlex.split(command)
        assert words[0] == "eventwire"
        done = subprocess.run([str(binary), *words[1:]], cwd=tmp_path, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{command}: {done.stderr}"
    events = [GdeltEvent.from_raw(raw) for raw in EventsParser().parse((tmp_path / "events.gdelt.tsv").read_bytes())]
    mentions = MentionsParser().parse((tmp_path / "mentions.gdelt.tsv").read_bytes())
    assert events and len(list(mentions)) >= len(events)
    assert all(e.actor1 is None or e.actor1.name for e in events)
    plover = [json.loads(line) for line in (tmp_path / "events.plover.jsonl").read_text().splitlines()]
    # CAMEO appeals (02) have no PLOVER type: their rows carry the CAMEO code alone
    assert plover and all(row["cameo"]["code"] for row in plover) and any(row["event_type"] for row in plover)

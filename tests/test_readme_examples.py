"""The README's Python examples run as written (fenced ```python blocks, executed in a temp folder)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

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

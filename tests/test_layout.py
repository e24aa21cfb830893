"""The package stays readable: no module over 500 lines, no function over 60 (counted from its
`def` line to its last line, decorators and docstring included)."""

from __future__ import annotations

import ast
from pathlib import Path

import eventwire

PACKAGE = Path(eventwire.__file__).parent


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_over_500_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in _sources() if (n := len(p.read_text().splitlines())) > 500}
    assert not long, f"split these modules: {long}"


def test_no_function_over_60_lines():
    long = {
        f"{path.relative_to(PACKAGE)}:{node.name}": node.end_lineno - node.lineno + 1
        for path in _sources()
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 60
    }
    assert not long, f"split these functions: {long}"

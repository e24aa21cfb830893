"""Shared fixtures, each built once per test session (each takes seconds): the dictionaries and
cue lists (no model), and a Coder (the model and dictionaries).

Every test using a fixture that loads the spaCy model (`coder`, `code`, or a fixture built on
them) is marked `model` here; `make test-fast` runs the tests marked neither `model` nor `slow`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire import Article, Coder, ModelError

SHARED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"

MODEL_FIXTURES = frozenset({"coder", "code"})


def pytest_collection_modifyitems(config, items):
    """Mark `model` every test that needs the model through a fixture, however indirectly
    (`fixturenames` is the closure: a module fixture built on `coder` counts)."""
    for item in items:
        if MODEL_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def knowledge():
    """The bundled dictionaries and cue lists, read once (seconds; no model)."""
    from eventwire.knowledge import load_knowledge

    return load_knowledge()


@pytest.fixture(scope="session")
def cues(knowledge):
    """The cue lists the event stage's rules read (data/cues.yaml)."""
    return knowledge.cues


@pytest.fixture(scope="session")
def coder() -> Coder:
    try:
        return Coder.build()
    except ModelError as error:
        pytest.skip(f"spaCy model not installed ({error}); run `make test`, which installs it")


@pytest.fixture(scope="session")
def code(coder):
    """code("sentence", published=...) -> list of Event."""

    def run(text: str, published: date | None = date(2024, 3, 8), article_id: str = "t") -> list:
        from eventwire.pipeline import code_documents

        [(_, events)] = list(code_documents([Article(article_id, text, published)], coder))
        return events

    return run


@pytest.fixture
def gold_dir() -> Path:
    if not SHARED_GOLD.is_dir():
        pytest.skip(f"no shared gold at {SHARED_GOLD}: these checks need the project's ../shared folder")
    return SHARED_GOLD

"""The cached attribute_ruler + lemmatizer writes exactly what the model's own components write."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.records import Article
from eventwire.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
pytestmark = pytest.mark.model  # `pipelines` loads the model itself, not through `coder`

SENTENCES = [
    "There is no sign that the talks will resume, and there were protests in Gon na.",
    "Y'all ain't gonna believe it: they're doin' fine, let's go, c'mon!",
    "The ministers met in Geneva on Monday.\n\nThey didn't sign the deal; the U.S. said it wouldn't.",
    "   Leading spaces,\ttabs and\n\n\nblank lines    around words   ",
    "IRAN'S FOREIGN MINISTER SAID THE SANCTIONS WERE ILLEGAL.",
]


def _attributes(doc):
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in doc
    ]


@pytest.fixture(scope="module")
def pipelines():
    from eventwire.errors import ModelError
    from eventwire.nlp import load_model

    try:
        return load_model(Settings(cached_token_attributes=False)), load_model(Settings())
    except ModelError as error:
        pytest.skip(f"spaCy model not installed ({error}); run `make test`")


def test_the_cache_replaces_the_two_components(pipelines):
    stock, cached = pipelines
    assert "eventwire_token_attributes" in cached.pipe_names and "lemmatizer" not in cached.pipe_names
    assert "eventwire_token_attributes" not in stock.pipe_names


def test_cached_attributes_are_identical_to_the_models(pipelines):
    stock, cached = pipelines
    texts = SENTENCES + [r.text for r in read_inputs([str(EXAMPLES)]) if isinstance(r, Article)]
    for _ in range(2):  # the second pass is served from the cache
        for ours, theirs in zip(cached.pipe(texts), stock.pipe(texts)):
            assert _attributes(ours) == _attributes(theirs)


def test_an_empty_text_passes(pipelines):
    _, cached = pipelines
    assert len(cached("")) == 0

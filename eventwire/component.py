"""eventwire as a component of your own spaCy pipeline (registered by an entry point).

nlp = eventwire.load_model()   # or spacy.load() of the installed English model
nlp.add_pipe("eventwire")
doc = nlp("Japan condemned North Korea on Monday.")
doc._.eventwire_events   # list of Event
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .dateline import dateline_date
from .knowledge import Knowledge, load_knowledge
from .pipeline import Coder
from .records import Article
from .settings import Settings


class EventwireComponent:
    """Codes each Doc it sees; the publication date may be set on `doc._.eventwire_published`."""

    def __init__(self, nlp: Language, knowledge: Knowledge, coder_version: str) -> None:
        self.coder = Coder.from_parts(nlp, knowledge, Settings(coder_version=coder_version))

    def __call__(self, doc: Doc) -> Doc:
        published: date | None = doc._.eventwire_published or dateline_date(doc.text)
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
def make_eventwire_component(
    nlp: Language, name: str, dictionaries: list[str], coder_version: str
) -> EventwireComponent:
    _set_extensions()
    return EventwireComponent(nlp, load_knowledge(Path(p) for p in dictionaries), coder_version)

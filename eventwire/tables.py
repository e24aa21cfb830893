"""The Arrow shapes of coded batches: what engines pass between processes and the store writes.

Kept apart from store.py so that worker processes, which only code, never import DuckDB.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from .records import Article, Event, Reject

_ACTOR_COLUMNS = [
    ("text", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("country", pa.string()),
    ("sector", pa.string()),
    ("code", pa.string()),
    ("rule", pa.string()),
]
EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("article_id", pa.string()),
        ("published", pa.date32()),
        ("sentence_index", pa.int32()),
        ("sentence_start", pa.int32()),
        ("sentence_end", pa.int32()),
        ("sentence", pa.string()),
    ]
    + [(f"{side}_{name}", kind) for side in ("source", "target") for name, kind in _ACTOR_COLUMNS]
    + [
        ("trigger_text", pa.string()),
        ("trigger_start", pa.int32()),
        ("trigger_end", pa.int32()),
        ("cameo", pa.string()),
        ("cameo_name", pa.string()),
        ("root_code", pa.string()),
        ("quad_class", pa.int8()),
        ("goldstein", pa.float64()),
        ("plover_type", pa.string()),
        ("mode", pa.string()),
        ("cameo_intent", pa.string()),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("date_text", pa.string()),
        ("date_start", pa.date32()),
        ("date_end", pa.date32()),
        ("location_name", pa.string()),
        ("location_country", pa.string()),
        ("location_adm1", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("geonameid", pa.int64()),
        ("location_precision", pa.string()),
        ("confidence", pa.float64()),
        ("rule", pa.string()),
        ("coder_version", pa.string()),
    ]
)

ARTICLE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("published", pa.date32()),
        ("source", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("origin", pa.string()),
        ("text", pa.string()),
        ("n_events", pa.int32()),
    ]
)

# the rejects of a run written as part files (`eventwire code -o`), beside its shards
REJECT_SCHEMA = pa.schema(
    [("origin", pa.string()), ("line", pa.int32()), ("reason", pa.string()), ("article_id", pa.string())]
)


@dataclass(frozen=True)
class CodedBatch:
    """What coding a batch of articles yields, as Arrow: the unit engines pass around and store."""

    events: pa.Table
    articles: pa.Table
    rejects: tuple[Reject, ...] = ()  # articles of the batch that failed in coding, with why


def coded_tables(coded: Sequence[tuple[Article, list[Event]] | Reject]) -> CodedBatch:
    """The coded articles as Arrow tables; the rejects among them kept apart."""
    done = [c for c in coded if not isinstance(c, Reject)]
    return CodedBatch(
        pa.Table.from_pylist([e.to_row() for _, evs in done for e in evs], schema=EVENT_SCHEMA),
        pa.Table.from_pylist([_article_row(a, len(evs)) for a, evs in done], schema=ARTICLE_SCHEMA),
        tuple(c for c in coded if isinstance(c, Reject)),
    )


def _article_row(article: Article, n_events: int) -> dict[str, Any]:
    return {
        "article_id": article.article_id,
        "published": article.published,
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "origin": article.origin,
        "text": article.text,
        "n_events": n_events,
    }

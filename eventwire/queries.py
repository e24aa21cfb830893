"""The store's fixed read queries, each written once for the CLI, the HTTP API and Store.

Every query is fixed SQL with DuckDB parameters: what a user or a request asks for is only
ever a parameter, never SQL text. `Store.read` runs one and returns its rows as dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Query:
    sql: str
    params: tuple[Any, ...] = ()


# what is counted in each table: a story is many rows of `stories`, one per article
_COUNTED = {
    "articles": "count(*)",
    "events": "count(*)",
    "rejects": "count(*)",
    "event_clusters": "count(*)",
    "stories": "count(DISTINCT story_id)",
}


def counts(tables: Iterable[str] = tuple(_COUNTED)) -> Query:
    """One row: how many of each thing the store holds, in one statement, one column per table."""
    return Query("SELECT " + ", ".join(f"(SELECT {_COUNTED[t]} FROM {t}) AS {t}" for t in tables))  # noqa: S608 - fixed names


def event(event_id: str) -> Query:
    return Query("SELECT * FROM events WHERE event_id = ?", (event_id,))


def cluster_of_event(event_id: str) -> Query:
    return Query("SELECT cluster_id FROM mentions WHERE event_id = ?", (event_id,))


def cluster(cluster_id: int) -> Query:
    return Query("SELECT * FROM event_clusters WHERE cluster_id = ?", (cluster_id,))


def cluster_mentions(cluster_id: int) -> Query:
    """A cluster's mentions, each with its outlet, URL and why it joined, in reporting order."""
    return Query(
        """SELECT e.*, a.source AS outlet, a.url, m.joined_by FROM mentions m
                    JOIN events e USING (event_id) LEFT JOIN articles a USING (article_id)
                    WHERE m.cluster_id = ? ORDER BY e.published, e.article_id, e.sentence_index""",
        (cluster_id,),
    )


def stories(limit: int, offset: int = 0) -> Query:
    """The largest stories first: how many articles, over which days, the first headline, and the articles."""
    return Query(
        """SELECT s.story_id, count(*) AS articles, min(a.published) AS first, max(a.published) AS last,
                           arg_min(coalesce(a.title, left(a.text, 80)), (a.published, a.article_id)) AS headline,
                           list(a.article_id ORDER BY a.published, a.article_id) AS article_ids
                    FROM stories s JOIN articles a USING (article_id)
                    GROUP BY s.story_id ORDER BY articles DESC, first, s.story_id LIMIT ? OFFSET ?""",
        (limit, offset),
    )


def events_of_articles(article_ids: Sequence[str]) -> Query:
    """The events of these articles, in text order (the order `Store.events` exports)."""
    return Query(
        "SELECT * FROM events WHERE article_id IN (SELECT unnest(?)) "
        "ORDER BY article_id, sentence_index, trigger_start",
        (list(article_ids),),
    )

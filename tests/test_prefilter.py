"""The prefilter skips the parse of articles that name no actor, and changes no result."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventwire import Article
from eventwire.pipeline import code_documents

ARTICLES = [
    Article("a", "Japan condemned North Korea on Monday.", date(2024, 3, 8)),
    Article("b", "The weather stayed warm and dry across the region on Tuesday, with light winds.", date(2024, 3, 8)),
    Article("c", "Rebels attacked an army base near Goma, officials said.", date(2024, 3, 8)),
    Article("d", "The new album sold two million copies in its first week and topped the charts.", date(2024, 3, 8)),
]


def test_articles_naming_no_actor_are_not_parsed(coder):
    parsed = {article.article_id: doc for doc, article in coder.parse(ARTICLES)}
    assert parsed["b"] is None and parsed["d"] is None
    assert parsed["a"] is not None and parsed["c"] is not None


def test_results_are_the_same_without_the_prefilter(coder):
    unfiltered = replace(coder, settings=replace(coder.settings, prefilter=False))
    assert all(doc is not None for doc, _ in unfiltered.parse(ARTICLES))
    with_filter = [(a.article_id, events) for a, events in code_documents(ARTICLES, coder)]
    without = [(a.article_id, events) for a, events in code_documents(ARTICLES, unfiltered)]
    assert with_filter == without and [a for a, _ in with_filter] == ["a", "b", "c", "d"]
    assert with_filter[0][1] and not with_filter[1][1]

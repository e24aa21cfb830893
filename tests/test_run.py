"""Coding a stream into the store: every record accounted for, batches in input order."""

from __future__ import annotations

from datetime import date

from eventwire import Article
from eventwire.records import Reject
from eventwire.run import code_into_store
from eventwire.store import Store


def test_batches_of_rejects_and_known_articles_keep_their_place(tmp_path, coder):
    records = [
        Reject("in", 1, "empty text"),
        Article("a", "Japan condemned North Korea on Monday.", date(2024, 3, 8)),
        Reject("in", 3, "bad date"),
        Reject("in", 4, "no text"),
        Article("b", "The weather stayed warm across the region.", date(2024, 3, 8)),
        Article("c", "Rebels attacked an army base near Goma on Tuesday.", date(2024, 3, 8)),
    ]
    with Store(tmp_path / "s.duckdb") as store:
        batches = []
        summary = code_into_store(records, store, coder, on_batch=lambda a, e: batches.append((a, e)), batch_size=1)
        assert (summary.read, summary.coded, summary.rejected) == (6, 3, 3)
        assert [a for a, _ in batches] == [1, 1, 1] and sum(e for _, e in batches) == summary.events >= 1
        assert store.counts()["rejects"] == 3 and store.counts()["articles"] == 3
        again = code_into_store(records, store, coder, batch_size=2)
        assert (again.coded, again.skipped) == (0, 3)

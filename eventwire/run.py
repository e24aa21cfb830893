"""Code a stream of input records into a Store, batch by batch, accounting for every record."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .pipeline import Coder, code_documents
from .records import Article, Reject
from .store import Store


@dataclass(frozen=True, slots=True)
class RunSummary:
    read: int
    coded: int
    skipped: int  # already in the store (idempotent rerun)
    rejected: int
    events: int

    def line(self) -> str:
        skipped = f", {self.skipped} already coded" if self.skipped else ""
        return f"{self.coded} articles coded, {self.events} events, {self.rejected} rejected{skipped}"


@dataclass
class _Tally:
    read: int = 0
    coded: int = 0
    skipped: int = 0
    rejected: int = 0
    events: int = 0


def code_into_store(records: Iterable[Article | Reject], store: Store, coder: Coder, force: bool = False,
                    on_reject: Callable[[Reject], None] = lambda r: None,
                    on_batch: Callable[[int, int], None] = lambda articles, events: None) -> RunSummary:
    """Code articles not yet in the store (all with `force`); one transaction per batch."""
    tally = _Tally()
    seen: set[str] = set()
    articles: list[Article] = []
    rejects: list[Reject] = []

    def flush() -> None:
        known = set() if force else store.known_articles([a.article_id for a in articles])
        todo = [a for a in articles if a.article_id not in known]
        coded = list(code_documents(todo, coder))
        store.write_batch(coded, rejects)
        n_events = sum(len(events) for _, events in coded)
        tally.skipped += len(articles) - len(todo)
        tally.coded += len(coded)
        tally.events += n_events
        on_batch(len(articles), n_events)
        articles.clear()
        rejects.clear()

    for record in records:
        tally.read += 1
        if isinstance(record, Article) and record.article_id in seen:
            record = Reject(record.origin, None, f"article id '{record.article_id}' occurs twice in this input",
                            record.article_id)
        if isinstance(record, Reject):
            tally.rejected += 1
            rejects.append(record)
            on_reject(record)
        else:
            seen.add(record.article_id)
            articles.append(record)
        if len(articles) >= coder.settings.batch_size or len(rejects) >= 1000:
            flush()
    flush()
    return RunSummary(tally.read, tally.coded, tally.skipped, tally.rejected, tally.events)

"""Code a stream of input records into a Store, batch by batch, accounting for every record."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

from .engine import local_pool, ordered_map
from .errors import InputError
from .ingest import reject_article
from .pipeline import Coder, code_records
from .records import Article, Reject
from .settings import Settings
from .store import Store
from .tables import CodedBatch, coded_tables

# a worker loads the model in ~3.5 s, in which one process codes ~70 news articles: -j 2 breaks
# even at ~80 articles (50: 6.9 s against 6.0 with -j 1; 100: 8.0 against 8.8) and is 1.55x
# faster on 402 (bench/throughput.py); this keeps a margin
MIN_ARTICLES_PER_WORKER = 100


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


BatchMapper = Callable[[Iterable[list[Article]]], Iterator[CodedBatch]]


def in_process(coder: Coder) -> BatchMapper:
    """Code batches in this process with its own Coder, as one stream through the parser."""

    def mapper(batches: Iterable[list[Article]]) -> Iterator[CodedBatch]:
        sizes: deque[int] = deque()

        def stream() -> Iterator[Article]:
            for batch in batches:
                sizes.append(len(batch))
                yield from batch

        coded = code_records(stream(), coder)
        while True:
            try:
                first = next(coded)
            except StopIteration:
                break
            while sizes and sizes[0] == 0:  # batches of rejects only
                sizes.popleft()
                yield coded_tables([])
            rest = list(itertools.islice(coded, sizes.popleft() - 1))
            yield coded_tables([first, *rest])
        while sizes:
            sizes.popleft()
            yield coded_tables([])

    return mapper


@dataclass(frozen=True, slots=True)
class _Pending:
    articles: int  # read into the batch, skipped ones included
    skipped: int
    rejects: list[Reject]


def code_into_store(
    records: Iterable[Article | Reject],
    store: Store,
    coder: Coder | BatchMapper,
    force: bool = False,
    on_reject: Callable[[Reject], None] = lambda r: None,
    on_batch: Callable[[int, int], None] = lambda articles, events: None,
    batch_size: int | None = None,
) -> RunSummary:
    """Code articles not yet in the store (all with `force`); one transaction per batch, in input
    order, whichever engine (`coder`: a Coder, or a mapper from engine.py) codes the batches."""
    mapper = in_process(coder) if isinstance(coder, Coder) else coder
    size = batch_size or (coder.settings.batch_size if isinstance(coder, Coder) else 64)
    tally = _Tally()
    pending: deque[_Pending] = deque()

    # Writes go to a second connection in a thread: DuckDB works without the GIL, so a batch is
    # stored while the next is parsed. One write in flight at a time keeps them in order.
    writer = store.writer()
    with writer, ThreadPoolExecutor(max_workers=1, thread_name_prefix="eventwire-store") as thread:
        writing: Future[None] | None = None
        for batch in mapper(_batches(records, store, force, size, tally, pending, on_reject)):
            done = pending.popleft()
            if writing is not None:
                writing.result()  # raises a failed write here, before anything else is read
            writing = thread.submit(writer.write_tables, batch, [*done.rejects, *batch.rejects], force)
            for reject in batch.rejects:
                on_reject(reject)
            tally.skipped += done.skipped
            tally.rejected += len(batch.rejects)
            tally.coded += batch.articles.num_rows
            tally.events += batch.events.num_rows
            on_batch(done.articles, batch.events.num_rows)
        if writing is not None:
            writing.result()
    return RunSummary(tally.read, tally.coded, tally.skipped, tally.rejected, tally.events)


def code_with_workers(
    records: Iterable[Article | Reject],
    store: Store,
    settings: Settings,
    force: bool = False,
    jobs: int = 1,
    on_reject: Callable[[Reject], None] = lambda r: None,
    on_batch: Callable[[int, int], None] = lambda articles, events: None,
) -> RunSummary:
    """`code_into_store` in this process (`jobs` 1), or by a pool of `jobs` worker processes."""
    if jobs == 1:
        return code_into_store(records, store, Coder.build(settings), force, on_reject, on_batch, settings.batch_size)
    pool = local_pool(settings, jobs)
    try:
        mapper = partial(ordered_map, pool, settings, ahead=2 * jobs)
        # tasks of one transaction's size: bigger ones (256) cost no less CPU per article, and leave
        # one worker idle while the other codes the last (776 news articles, -j 2: 35.1 s in tasks
        # of 256, 28.9 s in tasks of 64)
        return code_into_store(records, store, mapper, force, on_reject, on_batch, settings.batch_size)
    finally:
        pool.shutdown(cancel_futures=True)


def without_repeats(records: Iterable[Article | Reject]) -> Iterator[Article | Reject]:
    """The records, an article whose id was already read turned into a reject (every engine
    uses this, so an input is accounted for the same way whoever codes it)."""
    seen: set[str] = set()
    for record in records:
        if isinstance(record, Article):
            if record.article_id in seen:
                record = reject_article(record, f"article id '{record.article_id}' occurs twice in this input")
            else:
                seen.add(record.article_id)
        yield record


def _batches(
    records: Iterable[Article | Reject],
    store: Store,
    force: bool,
    size: int,
    tally: _Tally,
    pending: deque[_Pending],
    on_reject: Callable[[Reject], None],
) -> Iterator[list[Article]]:
    """Batches of articles still to code; what else was read goes to `pending`, in step."""
    articles: list[Article] = []
    rejects: list[Reject] = []

    def cut() -> list[Article]:
        known = set() if force else store.known_articles([a.article_id for a in articles])
        todo = [a for a in articles if a.article_id not in known]
        pending.append(_Pending(len(articles), len(articles) - len(todo), list(rejects)))
        articles.clear()
        rejects.clear()
        return todo

    for record in without_repeats(records):
        tally.read += 1
        if isinstance(record, Reject):
            tally.rejected += 1
            rejects.append(record)
            on_reject(record)
        else:
            articles.append(record)
        if len(articles) >= size or len(rejects) >= 1000:
            yield cut()
    if articles or rejects or not pending:
        yield cut()


def workers_worth_it(jobs: int, articles: int | None) -> tuple[int, str | None]:
    """The worker count to use and, when it is fewer than asked, why: each worker first loads
    the model (~3.5 s), which a small input does not win back."""
    if jobs > 1 and articles is not None and articles < MIN_ARTICLES_PER_WORKER * jobs:
        return 1, (
            f"note: {articles} articles are too few for {jobs} workers (each loads the model first, ~3.5 s; "
            f"-j pays from about {MIN_ARTICLES_PER_WORKER * jobs} articles): coding in one process"
        )
    return jobs, None


def check_engine(engine: str, jobs: int, to_parts: bool) -> None:
    """Refuse an engine or worker count the code command cannot run."""
    if engine not in ("local", "dask"):
        raise InputError(f"unknown --engine '{engine}'; use local or dask.")
    if jobs < 1:
        raise InputError("--jobs must be at least 1.")
    if engine == "dask" and not to_parts:
        raise InputError("the dask engine writes part files: add -o OUT_DIR, then `eventwire load OUT_DIR --db …`.")

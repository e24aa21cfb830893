"""A coding run written as part files under a folder (`eventwire code -o`), and loaded into a
store from there (`eventwire load`): how runs on many processes or a Dask cluster reach
DuckDB, which has a single writer.

The folder holds `events/` and `articles/` shards (engine.py writes them), the run's rejects
and, written last, its manifest `run.json`, which names them: `load` reads that run only.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .engine import bounded_map, code_shard, load_parts, local_pool, new_run, run_parts, write_manifest
from .records import Article, Reject
from .run import without_repeats
from .settings import Settings
from .store import Store
from .tables import REJECT_SCHEMA


@dataclass(frozen=True, slots=True)
class PartsSummary:
    folder: Path
    shards: int
    coded: int
    events: int
    rejected: int

    def line(self) -> str:
        return (
            f"{self.coded} articles coded into {self.shards} shards under {self.folder}, {self.events} events, "
            f"{self.rejected} rejected; next: eventwire load {self.folder} --db eventwire.duckdb"
        )


def code_into_parts(
    records: Iterable[Article | Reject],
    folder: Path,
    settings: Settings,
    engine: str = "local",
    jobs: int = 1,
    address: str | None = None,
    workers: int = 2,
    on_reject: Callable[[Reject], None] = lambda r: None,
    on_shard: Callable[[int, int], None] = lambda articles, events: None,
) -> PartsSummary:
    """Code the records in shards of `settings.batch_size` articles by the local engine (`jobs`
    processes) or the Dask one (the scheduler at `address`, else a local cluster of `workers`)."""
    rejects: list[Reject] = []

    def rejected(reject: Reject) -> None:
        rejects.append(reject)
        on_reject(reject)

    batches = _article_batches(records, settings.batch_size, rejected)
    folder.mkdir(parents=True, exist_ok=True)
    run = new_run()
    if engine == "dask":
        from .dask_engine import code_on_dask, connect  # distributed takes ~0.4 s to import

        with connect(address, workers) as client:
            shards, n_articles, n_events = code_on_dask(client, batches, settings, folder, on_shard, 8, run, rejected)
    else:
        shards, n_articles, n_events = _code_locally(batches, settings, folder, jobs, on_shard, run, rejected)
    rejects_file = f"rejects-{run}.parquet"
    pq.write_table(
        pa.Table.from_pylist(
            [{"origin": r.origin, "line": r.line, "reason": r.reason, "article_id": r.article_id} for r in rejects],
            schema=REJECT_SCHEMA,
        ),
        folder / rejects_file,
    )
    write_manifest(folder, run, shards, rejects_file)
    return PartsSummary(folder, shards, n_articles, n_events, len(rejects))


def _article_batches(
    records: Iterable[Article | Reject], size: int, on_reject: Callable[[Reject], None]
) -> Iterator[list[Article]]:
    """Batches of the articles; the rejects go to `on_reject` as they are read."""

    def articles() -> Iterator[Article]:
        for record in without_repeats(records):
            if isinstance(record, Article):
                yield record
            else:
                on_reject(record)

    iterator = articles()
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _code_locally(
    batches: Iterable[list[Article]],
    settings: Settings,
    folder: Path,
    jobs: int,
    on_shard: Callable[[int, int], None],
    run: str,
    on_reject: Callable[[Reject], None],
) -> tuple[int, int, int]:
    """Each batch a shard coded by a pool of `jobs` processes; returns (shards, articles, events)."""
    pool = local_pool(settings, jobs)
    shards = n_articles = n_events = 0
    try:
        calls = ((shard, batch, settings, str(folder), run) for shard, batch in enumerate(batches))
        for _, coded, events, rejects in bounded_map(pool, code_shard, calls, ahead=2 * jobs):
            for reject in rejects:
                on_reject(reject)
            on_shard(coded, events)
            shards, n_articles, n_events = shards + 1, n_articles + coded, n_events + events
    finally:
        pool.shutdown(cancel_futures=True)
    return shards, n_articles, n_events


def load_folder(folder: Path, store: Store) -> tuple[int, int]:
    """Load a run's shards and its rejects into the store; returns (articles, events)."""
    n_articles, n_events = load_parts(folder, store)
    _, rejects_name = run_parts(folder)
    rejects_file = folder / rejects_name if rejects_name else None
    if rejects_file is not None and rejects_file.exists():
        rows = pq.read_table(rejects_file).to_pylist()
        store.write_batch([], [Reject(r["origin"], r["line"], r["reason"], r["article_id"]) for r in rows])
    return n_articles, n_events

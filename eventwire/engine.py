"""Engines: where batches of articles are coded. One engine-neutral function, `code_batch`,
codes a batch into Arrow tables with the model cached per process; the engines only decide
which process runs it.

- in process: the caller's own Coder;
- local: a pool of N worker processes on this machine (`eventwire code -j N`);
- dask: a Dask cluster, local or at `--address`; each task writes `events/part-<run>-<shard>.parquet`
  and `articles/part-<run>-<shard>.parquet` under the output folder (a retried task rewrites only
  its own files, atomically), and `eventwire load` ingests them, since DuckDB has a single writer.
  `<run>` names the coding run: a folder may hold the parts of an earlier run, which are not its.
"""

from __future__ import annotations

import ctypes
import functools
import json
import os
import re
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pyarrow.parquet as pq

from .errors import InputError
from .pipeline import Coder, code_records
from .records import Article, Reject
from .settings import Settings
from .tables import ARTICLE_SCHEMA, EVENT_SCHEMA, CodedBatch, coded_tables

if TYPE_CHECKING:
    from .store import Store

PART_FOLDERS = ("events", "articles")
MANIFEST = "run.json"  # written last, atomically, by a finished `eventwire code -o` run
_PART = re.compile(r"^part-(?:([0-9a-f]+)-)?\d{6}\.parquet$")
T = TypeVar("T")


@functools.lru_cache(maxsize=2)  # one model per process and settings: loading it takes seconds
def cached_coder(settings: Settings) -> Coder:
    return Coder.build(settings)


def code_batch(articles: Sequence[Article], settings: Settings) -> CodedBatch:
    """Code a batch of articles into Arrow tables, in any process."""
    return coded_tables(list(code_records(articles, cached_coder(settings))))


def _warm(settings: Settings) -> int:
    cached_coder(settings)
    return os.getpid()


def local_pool(settings: Settings, workers: int) -> ProcessPoolExecutor:
    """N fresh processes (spawned: no inherited DuckDB handle or threads), each with the model."""
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
    list(pool.map(_warm, [settings] * workers))  # load the model everywhere before timing starts
    return pool


def bounded_map(executor: Executor, fn: Callable[..., T], calls: Iterable[tuple[Any, ...]], ahead: int) -> Iterator[T]:
    """fn(*args) for each call, results in input order, at most `ahead` in flight (bounded memory)."""
    pending: deque[Future[T]] = deque()
    for args in calls:
        pending.append(executor.submit(fn, *args))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def ordered_map(
    executor: Executor, settings: Settings, batches: Iterable[Sequence[Article]], ahead: int
) -> Iterator[CodedBatch]:
    """Coded batches in input order (a BatchMapper for `run.code_into_store`)."""
    return bounded_map(executor, code_batch, ((list(batch), settings) for batch in batches), ahead)


def new_run() -> str:
    return uuid.uuid4().hex[:12]


def shard_name(shard: int, run: str) -> str:
    return f"part-{run}-{shard:06d}.parquet"


def code_shard(
    shard: int, articles: Sequence[Article], settings: Settings, out_dir: str, run: str
) -> tuple[int, int, int, tuple[Reject, ...]]:
    """Code one shard of run `run` and write its two part files; returns (shard, articles,
    events, the articles that failed in coding)."""
    batch = code_batch(articles, settings)
    for folder, table in zip(PART_FOLDERS, (batch.events, batch.articles)):
        target = Path(out_dir) / folder / shard_name(shard, run)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        pq.write_table(table, partial)
        partial.replace(target)  # atomic: a reader sees no part or a whole one
    release_free_memory()
    return shard, batch.articles.num_rows, batch.events.num_rows, batch.rejects


def release_free_memory() -> None:
    """Hand the heap pages freed by a shard's Docs back to the OS: glibc keeps them in its
    arenas, so a long-lived worker's RSS creeps up shard by shard. No-op off glibc."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def write_manifest(out_dir: Path, run: str, shards: int, rejects_file: str) -> None:
    """Name the run's parts, written last and atomically: `load` reads the parts of this run only."""
    manifest = {"run": run, "shards": [shard_name(i, run) for i in range(shards)], "rejects": rejects_file}
    partial = out_dir / f".{MANIFEST}.{os.getpid()}.tmp"
    partial.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    partial.replace(out_dir / MANIFEST)


def run_parts(out_dir: Path) -> tuple[list[str], str | None]:
    """The part files of the folder's run and its rejects file: those its manifest names, else
    (a run coded by `code_on_dask` directly) every part there, when all are of one run."""
    manifest = out_dir / MANIFEST
    if manifest.exists():
        try:
            named = json.loads(manifest.read_text(encoding="utf-8"))
            return [str(n) for n in named["shards"]], str(named["rejects"])
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(f"{manifest} is damaged ({err}); recode: eventwire code INPUT -o {out_dir}") from None
    articles = out_dir / "articles"
    found = sorted(p.name for p in articles.glob("part-*.parquet")) if articles.is_dir() else []
    runs = {m.group(1) for name in found if (m := _PART.match(name))}
    if len(runs) > 1:
        raise InputError(
            f"{out_dir} holds the parts of {len(runs)} coding runs and no {MANIFEST} saying which is whole; "
            f"recode into an empty folder: eventwire code INPUT -o NEW_FOLDER"
        )
    return found, None


def load_parts(out_dir: Path, store: Store) -> tuple[int, int]:
    """Ingest the part files of a coding run into the store; loading twice changes nothing."""
    names, _ = run_parts(out_dir)
    if not names:
        raise InputError(
            f"no part files in {out_dir}/articles; write them with `eventwire code INPUT --engine dask -o {out_dir}`."
        )
    n_articles = n_events = 0
    for name in names:
        part, events_part = out_dir / "articles" / name, out_dir / "events" / name
        for needed in (part, events_part):
            if not needed.exists():
                raise InputError(f"{needed} is missing; rerun the coding: eventwire code INPUT -o {out_dir}")
        articles = pq.read_table(part, schema=ARTICLE_SCHEMA)
        events = pq.read_table(events_part, schema=EVENT_SCHEMA)
        store.write_tables(CodedBatch(events, articles))
        n_articles += articles.num_rows
        n_events += events.num_rows
    return n_articles, n_events

"""The Dask engine (`pip install 'eventwire[dask]'`): shards coded on a cluster into part files.

Each worker loads the model once, through a WorkerPlugin, before its first task; each task is
`engine.code_shard`, which writes only its own shard's files, so a task retried after a worker
died overwrites what it may have half-done and nothing is duplicated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .engine import cached_coder, code_shard, new_run
from .errors import EventwireError, InputError, ModelError
from .records import Article, Reject
from .settings import Settings

try:
    from distributed import Client, LocalCluster, WorkerPlugin, as_completed
except ImportError:  # the extra is not installed: say so when the engine is asked for
    Client = LocalCluster = as_completed = None  # type: ignore[assignment,misc]
    WorkerPlugin = object  # type: ignore[assignment,misc]

CONNECT_TIMEOUT_S = 10


def _require_dask() -> None:
    if Client is None:
        raise InputError("the dask engine needs the extra: pip install 'eventwire[dask]' (on the workers too).")


class ModelPlugin(WorkerPlugin):
    """Loads eventwire's model and dictionaries once per worker process."""

    name = "eventwire-model"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        cached_coder(self.settings)


@contextmanager
def connect(address: str | None, workers: int) -> Iterator[Any]:
    """A client of the scheduler at `address`, or of a new local cluster of `workers` processes
    (closed on exit, with the client)."""
    _require_dask()
    if address:
        try:
            client = Client(address, timeout=f"{CONNECT_TIMEOUT_S}s")
        except (OSError, TimeoutError) as err:
            raise InputError(
                f"cannot reach a Dask scheduler at {address} within {CONNECT_TIMEOUT_S} s ({err}); "
                "check the address and that `dask scheduler` runs there."
            ) from None
        with client:
            yield client
        return
    if workers < 1:
        raise InputError("--workers must be at least 1.")
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


def load_model_on_workers(client: Any, settings: Settings) -> None:
    try:
        responses = client.register_plugin(ModelPlugin(settings))
    except EventwireError as err:  # raised on a worker, re-raised here by Dask
        raise ModelError(
            f"a Dask worker could not load eventwire's model ({err}); install eventwire and "
            "`requirements-model.txt` on every worker."
        ) from None
    failed = {worker: r for worker, r in (responses or {}).items() if isinstance(r, dict) and r.get("status") != "OK"}
    if failed:
        worker, response = next(iter(failed.items()))
        raise ModelError(
            f"worker {worker} could not load eventwire's model ({response.get('exception') or response}); "
            "install eventwire and `requirements-model.txt` on every worker."
        )


def code_on_dask(
    client: Any,
    batches: Iterable[list[Article]],
    settings: Settings,
    out_dir: Path,
    on_shard: Callable[[int, int], None] = lambda articles, events: None,
    ahead: int = 8,
    run: str | None = None,
    on_reject: Callable[[Reject], None] = lambda r: None,
) -> tuple[int, int, int]:
    """Code every batch as one shard of the run `run` (default: a new one) on the cluster;
    returns (shards, articles, events). Articles that fail in coding go to `on_reject`."""
    run = run or new_run()
    load_model_on_workers(client, settings)
    out_dir.mkdir(parents=True, exist_ok=True)
    shards = enumerate(batches)
    running = as_completed()

    def submit_next() -> bool:
        item = next(shards, None)
        if item is None:
            return False
        shard, batch = item
        # a retried task gets the same shard number, so it rewrites the same files
        running.add(
            client.submit(
                code_shard,
                shard,
                batch,
                settings,
                str(out_dir),
                run,
                key=f"eventwire-shard-{run}-{shard}",
                retries=3,
                pure=False,
            )
        )
        return True

    for _ in range(ahead):
        if not submit_next():
            break
    totals = [0, 0, 0]
    for future in running:
        _, n_articles, n_events, rejects = future.result()
        for reject in rejects:
            on_reject(reject)
        totals[0] += 1
        totals[1] += n_articles
        totals[2] += n_events
        on_shard(n_articles, n_events)
        submit_next()
    return totals[0], totals[1], totals[2]

"""POST /code for the HTTP service: articles are coded in one separate process, one request at a
time and within a time budget, so coding never holds the server's reads (no shared GIL) and a
request over budget is stopped by ending that process; then a request's articles are stored and
linked all together or not at all."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Sequence
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

import anyio
import pyarrow as pa
from fastapi import HTTPException

from .errors import StoreError
from .records import Article
from .serve_guard import ServeLimits
from .settings import Settings
from .store import Store
from .tables import CodedBatch

CodeFunction = Callable[[list[Article]], CodedBatch]
MODEL_LOAD_SECONDS = 300.0


def code_with_model(articles: list[Article]) -> CodedBatch:
    """The coding process's default work: the model, loaded once per process."""
    from .engine import code_batch, release_free_memory

    batch = code_batch(articles, Settings())
    release_free_memory()  # a long article's Docs are gone: give their pages back
    return batch


class CodingFailed(Exception):
    pass


def _work(conn: Connection, code: CodeFunction) -> None:
    """The coding process: code each list of articles it is sent, until the server closes the pipe."""
    os.nice(10)  # when CPU is short, the server's reads come before coding
    while True:
        try:
            articles = conn.recv()
        except EOFError:
            return
        try:
            reply: tuple[str, Any] = ("ok", code(articles))
        except Exception as error:  # noqa: BLE001 - sent back to the request, which says what failed
            reply = ("error", f"{type(error).__name__}: {error}")
        conn.send(reply)


class CodingWorker:
    """The one coding process, started on first use and ended (then restarted) when a request
    runs over its budget; `run` blocks, so call it from a thread."""

    def __init__(self, code: CodeFunction) -> None:
        self.code = code
        self.guard = threading.Lock()  # `stop` may come from the event loop while a thread waits
        self.process: BaseProcess | None = None
        self.conn: Connection | None = None

    def run(self, articles: list[Article], seconds: float) -> CodedBatch:
        process, conn = self._started()
        try:
            conn.send(articles)
            done = conn.poll(seconds)
            status, value = conn.recv() if done else ("late", None)
        except (EOFError, OSError):
            self._end(process, conn)
            raise CodingFailed("the coding process stopped") from None
        if status == "late":
            self._end(process, conn)
            raise TimeoutError
        if status != "ok" or not isinstance(value, CodedBatch):
            raise CodingFailed(value)
        return value

    def stop(self) -> None:
        if self.process is not None and self.conn is not None:
            self._end(self.process, self.conn)

    def _started(self) -> tuple[BaseProcess, Connection]:
        with self.guard:
            if self.process is not None and self.conn is not None and self.process.is_alive():
                return self.process, self.conn
        self.stop()
        context = get_context("spawn")  # no inherited DuckDB handle or server threads
        conn, child = context.Pipe()
        process = context.Process(target=_work, args=(child, self.code), daemon=True, name="eventwire-coder")
        process.start()
        child.close()
        conn.send([])  # load the model now, outside any request's budget
        if not conn.poll(MODEL_LOAD_SECONDS):
            self._end(process, conn)
            raise CodingFailed(f"the coding process did not start within {MODEL_LOAD_SECONDS:g} s")
        status, value = conn.recv()
        if status != "ok":
            self._end(process, conn)
            raise CodingFailed(value)
        with self.guard:
            self.process, self.conn = process, conn
        return process, conn

    def _end(self, process: BaseProcess, conn: Connection) -> None:
        """End this process (not one started since by another request), and close its pipe."""
        with self.guard:
            if self.process is process:
                self.process = self.conn = None
        process.kill()
        process.join()
        conn.close()


class CodingService:
    """Requests coded one at a time by the worker, a few more waiting, each within the budget."""

    def __init__(self, code: CodeFunction, limits: ServeLimits) -> None:
        self.worker = CodingWorker(code)
        self.limits = limits
        self.turn = asyncio.Lock()
        self.waiting = 0

    async def code(self, articles: list[Article]) -> CodedBatch:
        seconds = self.limits.code_seconds
        busy = f"the server is coding other requests; retry in a minute (coding takes up to {seconds:g} s each)."
        if self.waiting >= self.limits.code_queue:
            raise HTTPException(503, busy)
        self.waiting += 1
        try:
            async with asyncio.timeout(seconds):
                await self.turn.acquire()
        except TimeoutError:
            raise HTTPException(503, busy) from None
        finally:
            self.waiting -= 1
        try:
            return await anyio.to_thread.run_sync(self.worker.run, articles, seconds, abandon_on_cancel=True)
        except anyio.get_cancelled_exc_class():
            self.worker.stop()  # the server is stopping: do not wait for the article
            raise
        except TimeoutError:
            raise HTTPException(
                503,
                f"coding this request took over {seconds:g} s and was stopped; nothing was stored. "
                "Send shorter or fewer articles.",
            ) from None
        except CodingFailed as error:
            raise HTTPException(500, f"coding failed ({error}); nothing of this request was stored.") from None
        finally:
            self.turn.release()


def _rows(store: Store, table: str, ids: Sequence[str]) -> pa.Table:
    sql = f"SELECT * FROM {table} WHERE article_id IN (SELECT unnest(?))"  # noqa: S608 - a fixed name
    return store.con.sql(sql, params=[list(ids)]).to_arrow_table()


def _put_back(store: Store, ids: Sequence[str], before: dict[str, pa.Table]) -> None:
    """Undo a request's write: its articles out, the versions they replaced back in."""
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("events", "articles"):
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [list(ids)])  # noqa: S608
        for table in ("articles", "events"):
            con.register("put_back", before[table])
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM put_back")  # noqa: S608
            con.unregister("put_back")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def store_and_link(store: Store, batch: CodedBatch) -> None:
    """Store a request's articles in one transaction and relink; if linking fails, the write is
    undone, so the store never holds a request's articles unlinked or in part."""
    from .link import link

    ids = batch.articles.column("article_id").to_pylist()
    before = {table: _rows(store, table, ids) for table in ("articles", "events")}
    store.write_tables(batch)
    try:
        link(store)
    except StoreError as error:
        try:
            _put_back(store, ids, before)
        except Exception as undo:  # noqa: BLE001 - reported with what to do
            raise StoreError(
                f"{error}; undoing the request's write failed too ({undo}): run `eventwire link --db {store.path}`."
            ) from undo
        raise StoreError(f"{error}; the request's articles were taken out again: nothing of it was stored.") from None

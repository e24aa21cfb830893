"""HTTP API over an event store (FastAPI; `eventwire serve`). OpenAPI at /docs (explorer.py).

Safety: every query is fixed SQL with DuckDB parameters (request text never becomes SQL),
filters are validated before use (codes by pattern, sort keys from a fixed list), reads run in
read-only transactions on their own cursor, request bodies, pages and series are bounded, slow
requests time out (serve_guard.py), and when a token is set, POST /code (storing or not) needs
`Authorization: Bearer <token>`; coding runs in its own process within a time budget (serve_code.py).
"""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import anyio
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, field_validator

from . import queries
from .errors import EventwireError, InputError
from .explorer import add_explorer
from .records import MODES, Article
from .serve_cache import ReadCache
from .serve_code import CodeFunction, CodingService, code_with_model, store_and_link
from .serve_guard import BodyGuard, ServeLimits
from .store import Store

MAX_PAGE = 500
MAX_ARTICLES_PER_REQUEST = 100
COUNTRY = r"^[A-Z]{3}$"
DYAD = r"^[A-Z]{3}-[A-Z]{3}$"
ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"
Day = Annotated[str | None, Query(pattern=ISO_DAY, description="YYYY-MM-DD")]
ERROR = {"description": 'an error, as {"error": "what is wrong and what to do"}'}
EVENT_SORTS = {"date", "published", "cameo", "goldstein", "confidence", "source_country", "target_country", "event_id"}
CLUSTER_SORTS = {"date", "num_mentions", "num_sources", "goldstein", "confidence", "cluster_id"}
EVENT_SORT = "^-?(" + "|".join(sorted(EVENT_SORTS)) + ")$"
CLUSTER_SORT = "^-?(" + "|".join(sorted(CLUSTER_SORTS)) + ")$"


class ArticleIn(BaseModel):
    id: str | None = Field(default=None, max_length=200)
    text: str = Field(min_length=1, max_length=1_000_000)
    published: date | None = None
    source: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)

    @field_validator("published", mode="before")
    @classmethod
    def iso_day(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, str):
            raise ValueError("published must be a date written YYYY-MM-DD")  # not a number of seconds
        return value


class CodeRequest(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES_PER_REQUEST)


class _State:
    """The app's store, token and limits."""

    def __init__(self, db: Path, token: str | None, limits: ServeLimits) -> None:
        self.store = Store(db)
        self.token = token
        self.limits = limits
        self.write_lock = threading.Lock()
        self.writes = 0  # writes to the store so far: answers kept from before a write are stale
        self.local = threading.local()  # one cursor per server thread: making one costs milliseconds

    def reader(self) -> Store:
        if getattr(self.local, "store", None) is None:
            self.local.store = self.store.writer()
        return self.local.store

    def read(self, query: queries.Query) -> list[dict[str, Any]]:
        reader = self.reader()
        reader.con.execute("BEGIN TRANSACTION READ ONLY")
        try:
            return reader.read(query)
        finally:
            reader.con.execute("COMMIT")


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"cannot encode {type(value).__name__}")


def _json(content: Any) -> Response:
    """JSON straight from the rows: FastAPI's generic encoder walks every value in Python and
    was most of the cost of a page of events."""
    return Response(
        json.dumps(content, default=_default, separators=(",", ":"), ensure_ascii=False), media_type="application/json"
    )


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50, offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0
) -> tuple[int, int]:
    return limit, offset


Page = Annotated[tuple[int, int], Depends(paging)]


def _page(limit: int, offset: int) -> str:
    return f" LIMIT {int(limit)} OFFSET {int(offset)}"  # ints validated by FastAPI bounds


def _order(sort: str, allowed: set[str], default: str) -> str:
    key = sort.lstrip("-") if sort else default
    if key not in allowed:
        raise HTTPException(400, f"cannot sort by '{sort}'; use one of {sorted(allowed)} (prefix - for descending).")
    return f" ORDER BY {key} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST"


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise HTTPException(400, f"'{value}' is not a date; write YYYY-MM-DD.") from None


def _shared_filters(
    where: list[str],
    params: list[Any],
    dyad: str | None,
    country: str | None,
    day_column: str,
    date_from: str | None,
    date_to: str | None,
) -> None:
    """Filters events and clusters share; `day_column` is one of two fixed SQL expressions."""
    if dyad:
        a, b = _dyad(dyad)
        where.append("((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))")
        params += [a, b, b, a]
    if country:
        where.append("(source_country = ? OR target_country = ?)")
        params += [country, country]
    for operator, value in ((">=", date_from), ("<=", date_to)):
        if value:
            where.append(f"{day_column} {operator} ?")
            params.append(_day(value))


def _listing(
    state: _State, table: str, where: list[str], params: list[Any], order: str, page: tuple[int, int]
) -> tuple[int, list[dict[str, Any]]]:
    """How many rows of `table` match, and one page of them; every part of the SQL is fixed
    text chosen by the filters, the values are parameters."""
    condition, values = " AND ".join(where), tuple(params)
    total = state.read(queries.Query(f"SELECT count(*) AS n FROM {table} WHERE {condition}", values))  # noqa: S608
    rows = state.read(queries.Query(f"SELECT * FROM {table} WHERE {condition}{order}{_page(*page)}", values))  # noqa: S608
    return total[0]["n"], rows


def _equal_filters(where: list[str], params: list[Any], values: dict[str, str | None]) -> None:
    """`column = value` for each value given; the columns are fixed names."""
    for column, value in values.items():
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)


def _event_filters(where: list[str], params: list[Any], sector: str | None, cameo: str | None, q: str | None) -> None:
    """Filters clusters lack: a sector, a code prefix, words of the sentence."""
    if sector:
        where.append("(source_sector = ? OR target_sector = ?)")
        params += [sector, sector]
    if cameo:
        where.append("starts_with(cameo, ?)")
        params.append(cameo)
    if q:
        where.append("sentence ILIKE ? ESCAPE '\\'")
        params.append("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")


def _dyad(value: str) -> tuple[str, str]:
    parts = value.split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() and p.isupper() for p in parts):
        raise HTTPException(400, f"dyad '{value}' should be two ISO3 codes joined by '-', e.g. CHN-USA.")
    return parts[0], parts[1]


def create_app(
    db: Path, token: str | None = None, limits: ServeLimits | None = None, code: CodeFunction = code_with_model
) -> FastAPI:
    """The service over the store at `db`; `code` is what the coding process runs on a request's
    articles (the model, unless a test gives another)."""
    if not Path(db).exists():
        raise InputError(f"no database at {db}; run `eventwire code INPUT --db {db}` first.")
    state = _State(Path(db), token, limits or ServeLimits())
    coding = CodingService(code, state.limits)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        coding.worker.stop()

    app = FastAPI(
        title="eventwire",
        description="Political event data from news text, with provenance.",
        version="0.1.0",
        responses={408: ERROR, 413: ERROR, 422: ERROR},
        docs_url=None,  # served from the package by explorer.py, not from a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.add_middleware(ReadCache, writes=lambda: state.writes)
    app.add_middleware(BodyGuard, limits=state.limits)  # outermost: runs first
    _add_error_handlers(app)
    add_explorer(app, state.read, event_filters)
    for add_routes in (_add_health, _add_event_routes, _add_cluster_routes, _add_aggregate_routes):
        add_routes(app, state)
    _add_code_route(app, state, coding)
    app.state.eventwire = state
    return app


def _add_error_handlers(app: FastAPI) -> None:
    """Every error as {"error": ...}."""

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()]
        return JSONResponse({"error": "invalid request", "details": problems}, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, error: HTTPException) -> JSONResponse:
        return JSONResponse({"error": error.detail}, status_code=error.status_code)

    @app.exception_handler(EventwireError)
    async def eventwire_error(_: Request, error: EventwireError) -> JSONResponse:
        return JSONResponse({"error": str(error)}, status_code=400 if isinstance(error, InputError) else 500)


def _add_health(app: FastAPI, state: _State) -> None:
    @app.get("/health")
    def health() -> Response:
        counts = state.read(queries.counts(("articles", "events", "event_clusters")))[0]
        return _json(
            {
                "status": "ok",
                "articles": counts["articles"],
                "events": counts["events"],
                "clusters": counts["event_clusters"],
            }
        )


def event_filters(
    country: Annotated[str | None, Query(pattern=COUNTRY, description="either actor's country")] = None,
    source_country: Annotated[str | None, Query(pattern=COUNTRY)] = None,
    target_country: Annotated[str | None, Query(pattern=COUNTRY)] = None,
    dyad: Annotated[str | None, Query(pattern=DYAD, description="CHN-USA: either direction")] = None,
    sector: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$", description="either actor's sector")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="code or its prefix")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
    plover: Annotated[str | None, Query(pattern=r"^[A-Z_]{2,30}$")] = None,
    mode: Annotated[str | None, Query(pattern="^(" + "|".join(MODES) + ")$")] = None,
    date_from: Day = None,
    date_to: Day = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the sentence")] = None,
    article_id: Annotated[str | None, Query(max_length=200)] = None,
    place: Annotated[str | None, Query(pattern=COUNTRY, description="country the event happened in")] = None,
) -> tuple[list[str], list[Any]]:
    """The WHERE conditions and parameters of the event filters (/events and the explorer's map)."""
    where = ["TRUE"]
    params: list[Any] = []
    _equal_filters(
        where,
        params,
        {
            "source_country": source_country,
            "target_country": target_country,
            "root_code": root,
            "plover_type": plover,
            "mode": mode,
            "article_id": article_id,
            "location_country": place,
        },
    )
    _shared_filters(where, params, dyad, country, "coalesce(date, published)", date_from, date_to)
    _event_filters(where, params, sector, cameo, q)
    return where, params


def _add_event_routes(app: FastAPI, state: _State) -> None:
    @app.get("/events", responses={400: ERROR})
    def events(
        page: Page,
        filters: Annotated[tuple[list[str], list[Any]], Depends(event_filters)],
        sort: Annotated[str, Query(pattern=EVENT_SORT)] = "-date",
    ) -> Response:
        where, params = filters
        total, rows = _listing(state, "events", where, params, _order(sort, EVENT_SORTS, "date") + ", event_id", page)
        return _json({"total": total, "limit": page[0], "offset": page[1], "events": rows})

    @app.get("/events/{event_id}", responses={404: ERROR})
    def event(event_id: Annotated[str, PathParam(pattern=r"^[0-9a-f]{16}$")]) -> Response:
        from .explain import explanation

        rows = state.read(queries.event(event_id))
        if not rows:
            raise HTTPException(404, f"no event {event_id}")
        cluster = state.read(queries.cluster_of_event(event_id))
        return _json(
            {
                **rows[0],
                "cluster_id": cluster[0]["cluster_id"] if cluster else None,
                "explanation": dict(explanation(rows[0])),
            }
        )


def _add_cluster_routes(app: FastAPI, state: _State) -> None:
    @app.get("/clusters", responses={400: ERROR})
    def clusters(
        page: Page,
        dyad: Annotated[str | None, Query(pattern=DYAD)] = None,
        country: Annotated[str | None, Query(pattern=COUNTRY)] = None,
        root: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
        mode: Annotated[str | None, Query(pattern="^(" + "|".join(MODES) + ")$")] = None,
        date_from: Day = None,
        date_to: Day = None,
        sort: Annotated[str, Query(pattern=CLUSTER_SORT)] = "-num_mentions",
    ) -> Response:
        where = ["TRUE"]
        params: list[Any] = []
        _shared_filters(where, params, dyad, country, "date", date_from, date_to)
        _equal_filters(where, params, {"root_code": root, "mode": mode})
        order = _order(sort, CLUSTER_SORTS, "num_mentions") + ", cluster_id"
        total, rows = _listing(state, "event_clusters", where, params, order, page)
        return _json({"total": total, "limit": page[0], "offset": page[1], "clusters": rows})

    @app.get("/clusters/{cluster_id}", responses={404: ERROR})
    def cluster(cluster_id: Annotated[int, PathParam(ge=0)]) -> Response:
        rows = state.read(queries.cluster(cluster_id))
        if not rows:
            raise HTTPException(404, f"no cluster {cluster_id}")
        return _json({**rows[0], "mentions": state.read(queries.cluster_mentions(cluster_id))})


def _add_aggregate_routes(app: FastAPI, state: _State) -> None:
    @app.get("/stories")
    def stories(page: Page) -> Response:
        return _json({"limit": page[0], "offset": page[1], "stories": state.read(queries.stories(*page))})

    @app.get("/series", responses={400: ERROR})
    def series(
        dyad: Annotated[str, Query(pattern=DYAD)],
        freq: Annotated[str, Query(pattern="^(day|week|month)$")] = "day",
        directed: bool = False,
        measure: Annotated[str, Query(pattern="^(count|quad|goldstein)$")] = "quad",
        date_from: Day = None,
        date_to: Day = None,
        raw: bool = False,
    ) -> Response:
        from .aggregate import SeriesQuery, series_span
        from .aggregate import series as build_series

        start, end = _day(date_from), _day(date_to)
        if start and end and start > end:
            raise HTTPException(400, f"date_from {start} is after date_to {end}.")
        query = SeriesQuery(_dyad(dyad), freq, directed, None, start, end, measure, raw)
        reader = state.reader()  # this thread's cursor: no waiting for writes
        _check_span(*series_span(reader, query), freq, state.limits.series_periods)
        table = build_series(reader, query)
        return _json({"dyad": dyad, "freq": freq, "measure": measure, "rows": table.to_pylist()})

    @app.get("/dyads")
    def dyads(top: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20, raw: bool = False) -> Response:
        from .aggregate import top_dyads

        return _json({"dyads": top_dyads(state.reader(), top, raw).to_pylist()})


def _check_span(first: date | None, last: date | None, freq: str, limit: int) -> None:
    """Refuse a series of more periods than `limit`: each is a row, zero-filled or not."""
    if first is None or last is None:
        return
    if freq == "month":
        periods = 12 * (last.year - first.year) + last.month - first.month + 1
    else:
        days = (last - first).days + (first.weekday() if freq == "week" else 0)
        periods = days // (7 if freq == "week" else 1) + 1
    if periods > limit:
        raise HTTPException(
            400,
            f"a series from {first} to {last} has {periods} {freq}s; at most {limit} per request: "
            "narrow date_from and date_to, or ask for a longer freq.",
        )


def _add_code_route(app: FastAPI, state: _State, coding: CodingService) -> None:
    @app.post("/code", responses={400: ERROR, 401: ERROR, 413: ERROR, 500: ERROR, 503: ERROR})
    async def code(
        request: CodeRequest, store: bool = True, authorization: Annotated[str | None, Header()] = None
    ) -> Response:
        """Code the articles (one request at a time, within the server's time budget); unless
        ?store=false, store and relink them all or, on any failure, none."""
        if state.token is not None and authorization != f"Bearer {state.token}":
            raise HTTPException(401, "coding needs the server's token: send 'Authorization: Bearer <token>'.")
        from .ingest import text_id

        articles = [
            Article(a.id or text_id(a.text), a.text, a.published, a.source, a.title, a.url, "http")
            for a in request.articles
        ]
        ids = [a.article_id for a in articles]
        if len(set(ids)) != len(ids):
            raise HTTPException(400, "two articles of the request have the same id.")
        batch = await coding.code(articles)
        if not store:
            return _json({"stored": False, "events": batch.events.to_pylist()})

        def write() -> list[dict[str, Any]]:
            with state.write_lock:
                try:
                    store_and_link(state.store, batch)
                finally:
                    state.writes += 1
            return state.read(queries.events_of_articles(ids))

        rows = await anyio.to_thread.run_sync(write)
        return _json({"stored": True, "articles": batch.articles.num_rows, "events": rows})

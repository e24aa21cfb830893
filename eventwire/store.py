"""Store: a DuckDB file with tables `articles`, `events`, `rejects` and a schema version.

Each batch is written in one transaction, so an interrupted run leaves whole articles
(with all their events) or none, and a rerun codes only what is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from . import queries
from .errors import StoreError
from .ingest import storable
from .records import Article, Event, Reject
from .tables import EVENT_SCHEMA, CodedBatch, coded_tables

SCHEMA_VERSION = 6
# A DuckDB file is three 4 KiB headers, then its blocks: a shorter file was cut off
_HEADERS_BYTES = 3 * 4096
# Versions this one can open by adding the tables and columns it lacks (v4 added clusters, mentions,
# stories; v5 the URLs under which `watch` met an article's text; v6 a planned act's CAMEO intent code)
_UPGRADABLE = {3, 4, 5}

_DUCK_TYPES = {
    pa.string(): "VARCHAR",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.int8(): "TINYINT",
    pa.float64(): "DOUBLE",
    pa.date32(): "DATE",
}

_DDL = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS articles (article_id VARCHAR PRIMARY KEY, published DATE, source VARCHAR,
       title VARCHAR, url VARCHAR, origin VARCHAR, text VARCHAR, n_events INTEGER, coded_at TIMESTAMP)""",
    "CREATE TABLE IF NOT EXISTS events ("
    + ", ".join(
        f"{f.name} {_DUCK_TYPES[f.type]}" + (" PRIMARY KEY" if f.name == "event_id" else "") for f in EVENT_SCHEMA
    )
    + ")",
    """CREATE TABLE IF NOT EXISTS rejects (origin VARCHAR, line INTEGER, reason VARCHAR, article_id VARCHAR,
       rejected_at TIMESTAMP, PRIMARY KEY (origin, line, reason))""",
    """CREATE TABLE IF NOT EXISTS event_clusters (cluster_id BIGINT PRIMARY KEY, canonical_event_id VARCHAR,
       source_country VARCHAR, source_sector VARCHAR, source_code VARCHAR, source_text VARCHAR,
       target_country VARCHAR, target_sector VARCHAR, target_code VARCHAR, target_text VARCHAR,
       cameo VARCHAR, cameo_name VARCHAR, root_code VARCHAR, quad_class TINYINT, goldstein DOUBLE, plover_type VARCHAR,
       mode VARCHAR, cameo_intent VARCHAR, date DATE, date_precision VARCHAR, date_start DATE, date_end DATE,
       date_imputed BOOLEAN,
       location_name VARCHAR, location_country VARCHAR, location_adm1 VARCHAR, lat DOUBLE, lon DOUBLE,
       geonameid BIGINT, location_precision VARCHAR, num_mentions INTEGER, num_articles INTEGER,
       num_sources INTEGER, first_seen DATE, last_seen DATE, confidence DOUBLE, url VARCHAR, linked_at TIMESTAMP)""",
    "CREATE TABLE IF NOT EXISTS mentions (event_id VARCHAR PRIMARY KEY, cluster_id BIGINT, joined_by VARCHAR)",
    """CREATE TABLE IF NOT EXISTS stories (article_id VARCHAR PRIMARY KEY, story_id BIGINT, method VARCHAR,
       joined_by VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS article_urls (url VARCHAR PRIMARY KEY, article_id VARCHAR)",
    # v6: an older store's tables gain the column (appended: rows are written and read by name)
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS cameo_intent VARCHAR",
    "ALTER TABLE event_clusters ADD COLUMN IF NOT EXISTS cameo_intent VARCHAR",
]


class Store:
    """A DuckDB event store. Use as a context manager; `read_only` for queries."""

    def __init__(self, path: str | Path, read_only: bool = False, memory_limit: str | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"no database at {self.path}; run `eventwire code INPUT --db {self.path}` first.")
        if not self.path.parent.exists():
            raise StoreError(f"the folder {self.path.parent} does not exist; create it or choose another --db path.")
        try:
            # DuckDB spills to disk beyond the memory limit; a DuckDB config's values are of several types
            config: dict[str, Any] = {"memory_limit": memory_limit} if memory_limit else {}
            self.con = duckdb.connect(str(self.path), read_only=read_only, config=config)
        except duckdb.IOException as err:
            raise self.damaged(err) from err
        except duckdb.Error as err:
            raise StoreError(
                f"cannot open {self.path} ({err}); check that it is a DuckDB file you may write, "
                "and that no other process holds it."
            ) from err
        try:
            self._check_whole()
            if not read_only:
                self._ensure_schema()
            else:
                self._check_version()
        except StoreError:
            self.con.close()
            raise

    def damaged(self, err: Exception | str) -> StoreError:
        return StoreError(
            f"{self.path} is damaged ({err}); restore it from a backup, or recode the articles into a new --db file."
        )

    def _check_whole(self) -> None:
        """Refuse a file shorter than the blocks it declares (a copy or download cut off): DuckDB
        opens it, and fails only on the first read of a missing block."""
        [(block_size, blocks)] = self.con.execute(
            "SELECT block_size, total_blocks FROM pragma_database_size()"
        ).fetchall()
        size = self.path.stat().st_size if self.path.exists() else 0
        if blocks and size < _HEADERS_BYTES + blocks * block_size:
            raise self.damaged(f"{size} bytes where its {blocks} blocks need {_HEADERS_BYTES + blocks * block_size}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def writer(self) -> Store:
        """A second handle on the same database for another thread (a DuckDB cursor)."""
        other = object.__new__(Store)
        other.path, other.read_only, other.con = self.path, self.read_only, self.con.cursor()
        return other

    def _ensure_schema(self) -> None:
        self._refuse_foreign()
        try:
            for statement in _DDL:
                self.con.execute(statement)
            self.con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [str(SCHEMA_VERSION)]
            )
            self.con.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version' AND value IN (SELECT unnest(?))",
                [str(SCHEMA_VERSION), [str(v) for v in _UPGRADABLE]],
            )
        except duckdb.Error as err:
            raise StoreError(
                f"cannot write to {self.path} ({err}); is it read-only? Choose a writable --db path."
            ) from err
        self._check_version()

    def _refuse_foreign(self) -> None:
        """A DuckDB file of other tables and no eventwire `meta` is someone else's: never add ours to it."""
        tables = sorted(
            r[0]
            for r in self.con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
            ).fetchall()
        )
        if tables and "meta" not in tables:
            shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
            raise StoreError(
                f"{self.path} is not an eventwire store (it holds tables {shown} and no eventwire meta); "
                "give a new or an eventwire --db file."
            )

    def _check_version(self) -> None:
        try:
            rows = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
            row = rows[0] if rows else None
        except duckdb.Error as err:
            raise StoreError(f"{self.path} is not an eventwire database (no meta table).") from err
        if row is not None and int(row[0]) in _UPGRADABLE and self.read_only:
            raise StoreError(
                f"{self.path} was written by an older eventwire; run `eventwire link --db {self.path}` "
                "once to upgrade it."
            )
        if row is None or int(row[0]) != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {row[0] if row else '?'}, this eventwire needs "
                f"{SCHEMA_VERSION}; code into a new --db file."
            )

    def known_articles(self, article_ids: Sequence[str]) -> set[str]:
        if not article_ids:
            return set()
        rows = self.con.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [list(article_ids)]
        ).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, coded: Sequence[tuple[Article, list[Event]]], rejects: Sequence[Reject]) -> None:
        """Replace the given articles with their events, and record rejects, in one transaction."""
        self.write_tables(coded_tables(coded), rejects)

    def write_tables(self, batch: CodedBatch, rejects: Sequence[Reject] = (), replace: bool = True) -> None:
        """Replace the batch's articles with their events (Arrow tables), and record rejects, in one
        transaction: writing the same batch twice leaves it once. `replace=False` when the caller
        knows the articles are new (saves two deletes per batch)."""
        ids = batch.articles.column("article_id").to_pylist()
        try:
            self.con.execute("BEGIN TRANSACTION")
            if ids and replace:
                self.con.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?))", [ids])
                self.con.execute("DELETE FROM articles WHERE article_id IN (SELECT unnest(?))", [ids])
            if ids:
                self.con.register("batch_articles", batch.articles)
                self.con.execute("INSERT INTO articles BY NAME SELECT *, now() AS coded_at FROM batch_articles")
            if batch.events.num_rows:
                self.con.register("batch_events", batch.events)
                self.con.execute("INSERT INTO events BY NAME SELECT * FROM batch_events ON CONFLICT DO NOTHING")
            for reject in rejects:
                self.con.execute(
                    "INSERT INTO rejects VALUES (?, ?, ?, ?, now()) ON CONFLICT DO NOTHING",
                    [
                        storable(reject.origin),
                        reject.line if reject.line is not None else -1,
                        storable(reject.reason),
                        None if reject.article_id is None else storable(reject.article_id),
                    ],
                )
            self.con.execute("COMMIT")
        except duckdb.Error as err:
            self._roll_back()
            raise StoreError(f"writing to {self.path} failed ({err}); nothing of this batch was kept.") from err
        finally:
            for view in ("batch_articles", "batch_events"):
                self.con.unregister(view)

    def _roll_back(self) -> None:
        """Undo the open transaction, if the failure left one: a failed COMMIT has ended it, and
        the error of a ROLLBACK then ("no transaction is active") would hide the real cause."""
        try:
            self.con.execute("ROLLBACK")
        except duckdb.TransactionException:
            return

    def events(self, where: str | None = None) -> pa.Table:
        """All events (optionally filtered by a SQL condition on event columns) as Arrow."""
        # the schema's order, also in a store whose newer columns were appended by an upgrade
        query = (
            f"SELECT {', '.join(EVENT_SCHEMA.names)} FROM events"  # noqa: S608 - fixed names
            + (f" WHERE {where}" if where else "")
            + " ORDER BY article_id, sentence_index, trigger_start, event_id"  # event_id: ties in one order
        )
        try:
            return self.con.sql(query).to_arrow_table()
        except (duckdb.IOException, duckdb.InternalException) as err:
            raise self.damaged(err) from err
        except duckdb.Error as err:
            if not where:
                raise StoreError(f"cannot read events from {self.path} ({err}).") from err
            raise StoreError(
                f"bad --where condition ({err}); it is SQL over the events columns, e.g. \"root_code = '04'\"."
            ) from err

    def read(self, query: queries.Query) -> list[dict[str, Any]]:
        """A query's rows (see queries.py), as dicts."""
        try:
            cursor = self.con.execute(query.sql, list(query.params))
            columns = [d[0] for d in cursor.description]
            return [dict(zip(columns, row)) for row in cursor.fetchall()]
        except (duckdb.IOException, duckdb.InternalException) as err:
            raise self.damaged(err) from err

    def event(self, event_id: str) -> dict[str, Any] | None:
        return next(iter(self.read(queries.event(event_id))), None)

    def cluster(self, cluster_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
        """A cluster's canonical fields and its mentions, each with its outlet and why it joined."""
        found = self.read(queries.cluster(cluster_id))
        return (found[0], self.read(queries.cluster_mentions(cluster_id))) if found else None

    def counts(self) -> dict[str, int]:
        return self.read(queries.counts())[0]

    def top(self, column: str, limit: int = 10) -> list[tuple[Any, int]]:
        allowed = {"root_code", "cameo_name", "mode", "source_country", "target_country", "plover_type"}
        if column not in allowed:
            raise StoreError(f"cannot count by {column}; use one of {sorted(allowed)}.")
        try:
            return self.con.execute(
                f"SELECT {column}, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?",  # noqa: S608
                [limit],
            ).fetchall()
        except (duckdb.IOException, duckdb.InternalException) as err:
            raise self.damaged(err) from err


def write_events(table: pa.Table, path: Path, fmt: str) -> None:
    """Export events as jsonl, csv or parquet."""
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    if fmt == "parquet":
        pq.write_table(table, path)
    elif fmt == "csv":
        pcsv.write_csv(table, path)
    elif fmt == "jsonl":
        import json

        with path.open("w", encoding="utf-8") as handle:
            for row in table.to_pylist():
                handle.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
    else:
        raise StoreError(f"unknown format '{fmt}'; use jsonl, csv or parquet.")

"""The `eventwire` command: a thin Typer layer over the library."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from .cli_runs import checked_inputs, code_to_parts, code_to_store, link_store
from .console import (
    err,
    marked_sentence,
    out,
    print_cluster,
    print_errors,
    print_preview,
    print_reject,
    print_score,
    print_stories,
    print_summary,
    print_table,
)
from .errors import EventwireError, InputError
from .settings import Settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Political event data from news text: who did what to whom, when and where.",
)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file of the event store.")]
FORMATS = ("jsonl", "csv", "parquet")


def _fail(error: EventwireError) -> typer.Exit:
    err.print(f"[red]error:[/red] {error}", highlight=False)
    return typer.Exit(code=2)


def _parse_day(value: str | None, option: str = "--published") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(InputError(f"{option} '{value}' is not a date; write it as YYYY-MM-DD.")) from None


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(help=".jsonl, .txt, .html files, folders, or - for stdin.")],
    db: DbOption = Path("eventwire.duckdb"),
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD) for articles that give none; an input's own date "
            "(JSONL 'published', an HTML page's date, a dated dateline) wins."
        ),
    ] = None,
    force: Annotated[bool, typer.Option(help="Recode articles already in the store.")] = False,
    strict: Annotated[bool, typer.Option(help="Exit non-zero if any input record is rejected.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Reject articles larger than this many bytes.")] = 1_000_000,
    dictionary: Annotated[
        list[Path] | None, typer.Option(help="Extra YAML dictionary (actors, agents, verbs); repeatable.")
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction (and per worker task).")] = 64,
    no_link: Annotated[
        bool, typer.Option("--no-link", help="Do not relink clusters and stories after coding.")
    ] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes of the local engine (each loads the model).")
    ] = 1,
    engine: Annotated[str, typer.Option(help="local (this machine) or dask (a Dask cluster; needs -o).")] = "local",
    address: Annotated[
        str | None, typer.Option(help="Dask scheduler, e.g. tcp://10.0.0.5:8786; default: a local cluster.")
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Workers of the local Dask cluster started when no --address is given.")
    ] = 2,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write part files to this folder instead of --db (then `eventwire load`)."),
    ] = None,
    no_prefilter: Annotated[
        bool, typer.Option("--no-prefilter", help="Parse every article, even those naming no actor.")
    ] = False,
) -> None:
    """Code articles into events and store them (articles already stored are skipped), then link them."""
    from .ingest import read_inputs

    settings = Settings(
        max_article_bytes=max_bytes,
        batch_size=batch_size,
        dictionaries=tuple(dictionary or ()),
        prefilter=not no_prefilter,
    )
    day = _parse_day(published)
    try:
        total, jobs = checked_inputs(inputs, engine, jobs, output is not None)
        records = read_inputs(inputs, day, max_bytes)
        if output is not None:
            summary = code_to_parts(records, output, settings, engine, jobs, address, workers, total)
        else:
            summary = code_to_store(records, db, settings, force, jobs, no_link, total)
    except EventwireError as error:
        raise _fail(error) from None
    if strict and summary.rejected:
        raise typer.Exit(code=1)


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="Folder of part files written by `eventwire code -o`.")],
    db: DbOption = Path("eventwire.duckdb"),
    no_link: Annotated[
        bool, typer.Option("--no-link", help="Do not relink clusters and stories after loading.")
    ] = False,
) -> None:
    """Ingest the part files of a parallel or Dask coding run into the store (loading twice adds nothing)."""
    from .parts import load_folder
    from .store import Store

    if not folder.is_dir():
        raise _fail(InputError(f"{folder} is not a folder; give the -o folder of `eventwire code`."))
    try:
        with Store(db) as store:
            n_articles, n_events = load_folder(folder, store)
            err.print(f"{n_articles} articles and {n_events} events loaded into {db}", highlight=False)
            if not no_link:
                from .link import LinkSettings
                from .stories import StorySettings

                link_store(store, LinkSettings(), StorySettings())
    except EventwireError as error:
        raise _fail(error) from None


@app.command(name="link")
def link_command(
    db: DbOption = Path("eventwire.duckdb"),
    window_days: Annotated[int, typer.Option(help="Reports dated to days this far apart can be one event.")] = 0,
    undated_days: Annotated[int, typer.Option(help="An undated report is about its publication day ± this.")] = 1,
    stories: Annotated[str, typer.Option(help="Story grouping: tfidf, embeddings (extra) or none.")] = "tfidf",
    story_days: Annotated[int, typer.Option(help="Articles this many days apart can be one story.")] = 3,
) -> None:
    """Group event mentions reporting the same real event into clusters, and articles into stories."""
    from .link import LinkSettings
    from .store import Store
    from .stories import StorySettings

    try:
        link_settings = LinkSettings(window_days=window_days, undated_days=undated_days)
        story_settings = None if stories == "none" else StorySettings(method=stories, days=story_days)
        with Store(db) as store:
            link_store(store, link_settings, story_settings)
    except EventwireError as error:
        raise _fail(error) from None


@app.command()
def events(
    db: DbOption = Path("eventwire.duckdb"),
    format: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; stdout for jsonl/csv if absent.")
    ] = None,
    where: Annotated[
        str | None, typer.Option(help="SQL condition on event columns, e.g. \"root_code = '04'\".")
    ] = None,
) -> None:
    """Export stored events."""
    from .store import Store, write_events

    if format not in FORMATS:
        raise _fail(InputError(f"unknown --format '{format}'; use one of {', '.join(FORMATS)}."))
    if output is None and format == "parquet":
        raise _fail(InputError("parquet needs a file: add -o events.parquet."))
    try:
        with Store(db, read_only=True) as store:
            table = store.events(where)
        target = output or Path("/dev/stdout")
        write_events(table, target, format)
    except EventwireError as error:
        raise _fail(error) from None
    if output is not None:
        err.print(f"{table.num_rows} events written to {output}", highlight=False)


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (shared/gold format).")],
    db: DbOption = Path("eventwire.duckdb"),
    pred: Annotated[Path | None, typer.Option(help="Predictions as events JSONL instead of --db.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List error classes, each miss and each spurious event.")
    ] = False,
) -> None:
    """Score stored (or given) events against gold annotations."""
    from .evaluate import prediction_from_row, read_gold, read_predictions, score
    from .store import Store

    try:
        gold_events, _ = read_gold(gold)
        if pred is not None:
            predictions = read_predictions(pred)
        else:
            with Store(db, read_only=True) as store:
                predictions = [prediction_from_row(r) for r in store.events().to_pylist()]
    except EventwireError as error:
        raise _fail(error) from None
    result = score(gold_events, predictions)
    if as_json:
        out.print_json(json.dumps(result.as_dict()))
        return
    print_score(result, gold)
    if verbose:
        print_errors(result)


@app.command()
def explain(
    event_id: Annotated[str, typer.Argument(help="An event_id from `eventwire events`, or a cluster_id.")],
    db: DbOption = Path("eventwire.duckdb"),
) -> None:
    """Show an event's sentence with source, target and trigger marked, and why it was coded;
    for a cluster, its canonical fields and every mention with why it joined."""
    from .store import Store

    try:
        with Store(db, read_only=True) as store:
            row = store.event(event_id)
            found = store.cluster(int(event_id)) if row is None and event_id.isdigit() else None
    except EventwireError as error:
        raise _fail(error) from None
    if found is not None:
        print_cluster(*found)
        return
    if row is None:
        raise _fail(
            InputError(
                f"no event or cluster {event_id} in {db}; list ids with `eventwire events --db {db}` "
                f"or `eventwire export --format csv --table clusters -o clusters.csv --db {db}`."
            )
        )
    out.print(marked_sentence(row))
    from .explain import explanation

    for label, value in explanation(row):
        out.print(f"[bold]{label}:[/bold] {value}", highlight=False)


@app.command()
def series(
    dyad: Annotated[str, typer.Option(help="Country pair, e.g. CHN-USA.")],
    db: DbOption = Path("eventwire.duckdb"),
    freq: Annotated[str, typer.Option(help="day, week or month.")] = "day",
    directed: Annotated[bool, typer.Option(help="Only events from the first country to the second.")] = False,
    sector: Annotated[str | None, typer.Option(help="Sector of both actors (GOV) or of each (GOV-MIL).")] = None,
    start: Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD); default: first event.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD); default: last event.")] = None,
    measure: Annotated[str, typer.Option(help="count, quad (per QuadClass) or goldstein (sum and mean).")] = "count",
    raw: Annotated[bool, typer.Option(help="Count every mention instead of deduplicated clusters.")] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=".csv or .parquet file; a table on screen if absent.")
    ] = None,
    plot: Annotated[
        Path | None, typer.Option(help="Also draw the series to this PNG (cooperation above, conflict below).")
    ] = None,
) -> None:
    """An actor-pair time series of asserted events, zero-filled, per day, week or month."""
    from .aggregate import (
        SeriesQuery,
        known_countries,
        known_sectors,
        parse_pair,
        plot_series,
        quad_series,
        write_series,
    )
    from .aggregate import series as build_series
    from .store import Store

    try:
        with Store(db, read_only=True) as store:
            pair = parse_pair(dyad, "--dyad", *known_countries(store))
            sectors = None
            if sector:
                sectors = parse_pair(
                    sector if "-" in sector else f"{sector}-{sector}", "--sector", known_sectors(store)
                )
            query = SeriesQuery(
                pair, freq, directed, sectors, _parse_day(start, "--from"), _parse_day(end, "--to"), measure, raw
            )
            table = build_series(store, query)
            if table.num_rows == 0:
                err.print(
                    f"no asserted events for {dyad} in {db} (with these filters); the series is empty.", highlight=False
                )
            if output is not None:
                write_series(table, output)
                err.print(f"{table.num_rows} rows written to {output}", highlight=False)
            else:
                title = f"{dyad} per {freq} ({'mentions' if raw else 'clusters'})"
                print_preview(table, title, f"add -o series.csv (or .parquet) to write all {table.num_rows} rows")
            if plot is not None and table.num_rows:
                plot.parent.mkdir(parents=True, exist_ok=True)
                plot_series(quad_series(store, query), plot, f"{dyad} per {freq}: cooperation and conflict")
                err.print(f"plot written to {plot}", highlight=False)
    except EventwireError as error:
        raise _fail(error) from None


@app.command()
def dyads(
    db: DbOption = Path("eventwire.duckdb"),
    top: Annotated[int, typer.Option(help="How many pairs to list.")] = 20,
    raw: Annotated[bool, typer.Option(help="Count every mention instead of deduplicated clusters.")] = False,
) -> None:
    """The most active country pairs, with cooperation and conflict counts."""
    from .aggregate import top_dyads
    from .store import Store

    if top < 1:
        raise _fail(InputError("--top must be at least 1."))
    try:
        with Store(db, read_only=True) as store:
            table = top_dyads(store, top, raw)
    except EventwireError as error:
        raise _fail(error) from None
    if table.num_rows == 0:
        err.print(f"no asserted events with two actors in {db}; code articles first.", highlight=False)
        return
    print_table(table, f"top {top} dyads ({'mentions' if raw else 'clusters'})")


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="gdelt, gdelt-mentions, plover, parquet or csv.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (its folder is created).")],
    db: DbOption = Path("eventwire.duckdb"),
    table: Annotated[
        str, typer.Option(help="For parquet/csv: clusters, events, mentions, stories or articles.")
    ] = "clusters",
    all_modes: Annotated[
        bool, typer.Option(help="GDELT exports: include planned, negated and hypothetical events.")
    ] = False,
) -> None:
    """Export the linked dataset in GDELT 2.0, PLOVER-style JSON, Parquet or CSV form."""
    from .export import export as write_export
    from .store import Store

    try:
        with Store(db, read_only=True) as store:
            rows = write_export(store, format, output, table, all_modes)
    except EventwireError as error:
        raise _fail(error) from None
    err.print(f"{rows} rows written to {output}" + ("" if rows else f" (nothing to export in {db})"), highlight=False)


@app.command()
def stories(
    db: DbOption = Path("eventwire.duckdb"),
    top: Annotated[int, typer.Option(help="How many stories to list, largest first.")] = 20,
) -> None:
    """The largest stories: how many articles, over which days, and their first headline."""
    from . import queries
    from .store import Store

    try:
        with Store(db, read_only=True) as store:
            rows = store.read(queries.stories(top))
    except EventwireError as error:
        raise _fail(error) from None
    if not rows:
        err.print(f"no stories in {db}; run `eventwire link --db {db}` after coding.", highlight=False)
        return
    print_stories(rows)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.")],
    db: DbOption = Path("eventwire.duckdb"),
    every: Annotated[str, typer.Option(help="Time between polls: 90s, 15m, 1h.")] = "15m",
    once: Annotated[bool, typer.Option(help="Poll once and exit (status 1 when every feed failed).")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a feed or page.")] = 15.0,
) -> None:
    """Keep a store current from news feeds: new items are fetched, extracted, coded and linked."""
    from .pipeline import Coder
    from .store import Store
    from .watch import FetchSettings, keep_polling, parse_every

    for feed in feeds:
        if not feed.startswith(("http://", "https://")):
            raise _fail(InputError(f"'{feed}' is not an http(s) URL of a feed."))
    try:
        pause = parse_every(every)
        settings = FetchSettings(timeout_s=timeout)
        with Store(db) as store:
            last = keep_polling(
                store,
                Coder.build(),
                feeds,
                settings,
                pause,
                once,
                lambda summary: err.print(summary.line(), highlight=False),
                on_reject=print_reject,
            )
    except EventwireError as error:
        raise _fail(error) from None
    except KeyboardInterrupt:
        err.print("stopped", highlight=False)
        return
    if last.feeds_failed == len(feeds):
        err.print("error: every feed failed (see the lines above); check the URLs and the network.", highlight=False)
        raise typer.Exit(code=1)


@app.command()
def serve(
    db: DbOption = Path("eventwire.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[str | None, typer.Option(help="Require 'Authorization: Bearer TOKEN' for POST /code.")] = None,
) -> None:
    """Serve the store over HTTP: events, clusters, stories, series, dyads and POST /code (docs at /docs)."""
    from .serve import create_app
    from .serve_guard import ServeLimits, server

    try:
        application = create_app(db, token, ServeLimits())
    except EventwireError as error:
        raise _fail(error) from None
    err.print(f"serving {db} on http://{host}:{port} (API docs at /docs)", highlight=False)
    server(application, host, port, ServeLimits()).run()


@app.command()
def summary(db: DbOption = Path("eventwire.duckdb")) -> None:
    """Print what the store holds: counts, and events by CAMEO root and dyad."""
    from .store import Store

    try:
        with Store(db, read_only=True) as store:
            counts = store.counts()
            roots = store.top("cameo_name", 12)
            sample = store.events().slice(0, 12).to_pylist()
    except EventwireError as error:
        raise _fail(error) from None
    print_summary(db, counts, roots, sample)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())

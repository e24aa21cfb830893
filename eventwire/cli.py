"""The `eventwire` command: a thin Typer layer over the library."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .errors import EventwireError, InputError
from .settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Political event data from news text: who did what to whom, when and where.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)  # one message, one line: greppable in logs

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
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for .txt/.html/stdin text.")] = None,
    force: Annotated[bool, typer.Option(help="Recode articles already in the store.")] = False,
    strict: Annotated[bool, typer.Option(help="Exit non-zero if any input record is rejected.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Reject articles larger than this many bytes.")] = 1_000_000,
    dictionary: Annotated[Optional[list[Path]], typer.Option(help="Extra YAML dictionary (actors, agents, verbs); repeatable.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction (and per worker task).")] = 64,
    no_link: Annotated[bool, typer.Option("--no-link", help="Do not relink clusters and stories after coding.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes of the local engine (each loads the model).")] = 1,
    engine: Annotated[str, typer.Option(help="local (this machine) or dask (a Dask cluster; needs -o).")] = "local",
    address: Annotated[Optional[str], typer.Option(help="Dask scheduler, e.g. tcp://10.0.0.5:8786; default: a local cluster.")] = None,
    workers: Annotated[int, typer.Option(help="Workers of the local Dask cluster started when no --address is given.")] = 2,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write part files to this folder instead of --db "
                                                                      "(then `eventwire load`).")] = None,
    no_prefilter: Annotated[bool, typer.Option("--no-prefilter", help="Parse every article, even those naming no actor.")] = False,
) -> None:
    """Code articles into events and store them (articles already stored are skipped), then link them."""
    from .ingest import read_inputs

    settings = Settings(max_article_bytes=max_bytes, batch_size=batch_size, dictionaries=tuple(dictionary or ()),
                        prefilter=not no_prefilter)
    day = _parse_day(published)
    if engine not in ("local", "dask"):
        raise _fail(InputError(f"unknown --engine '{engine}'; use local or dask."))
    if jobs < 1:
        raise _fail(InputError("--jobs must be at least 1."))
    if engine == "dask" and output is None:
        raise _fail(InputError("the dask engine writes part files: add -o OUT_DIR, then `eventwire load OUT_DIR --db …`."))
    try:
        records = read_inputs(inputs, day, max_bytes)
        if output is not None:
            summary = _code_to_parts(records, output, settings, engine, jobs, address, workers)
        else:
            summary = _code_to_store(records, db, settings, force, jobs, no_link)
    except EventwireError as error:
        raise _fail(error) from None
    if strict and summary.rejected:
        raise typer.Exit(code=1)


def _code_to_store(records: Any, db: Path, settings: Settings, force: bool, jobs: int, no_link: bool) -> Any:
    from .run import code_with_workers
    from .store import Store

    with Store(db) as store, _progress() as progress:
        summary = code_with_workers(records, store, settings, force, jobs, _print_reject, _progress_callback(progress))
        err.print(summary.line(), highlight=False)
        if not no_link:
            from .link import LinkSettings
            from .stories import StorySettings

            _link_store(store, LinkSettings(), StorySettings())
    return summary


def _code_to_parts(records: Any, output: Path, settings: Settings, engine: str, jobs: int, address: str | None,
                   workers: int) -> Any:
    from .parts import code_into_parts

    with _progress() as progress:
        summary = code_into_parts(records, output, settings, engine, jobs, address, workers, _print_reject,
                                  _progress_callback(progress))
    err.print(summary.line(), highlight=False)
    return summary


def _progress_callback(progress: Any) -> Any:
    task = progress.add_task("coding", total=None, events=0, rate=0.0) if progress else None

    def on_batch(n_articles: int, n_events: int) -> None:
        if progress is not None:
            state = progress.tasks[0]
            done = state.completed + n_articles
            progress.update(task, completed=done, events=state.fields["events"] + n_events,
                            rate=done / max(state.elapsed or 0.0, 1e-6))

    return on_batch


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="Folder of part files written by `eventwire code -o`.")],
    db: DbOption = Path("eventwire.duckdb"),
    no_link: Annotated[bool, typer.Option("--no-link", help="Do not relink clusters and stories after loading.")] = False,
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

                _link_store(store, LinkSettings(), StorySettings())
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
    from .stories import StorySettings
    from .store import Store

    try:
        link_settings = LinkSettings(window_days=window_days, undated_days=undated_days)
        story_settings = None if stories == "none" else StorySettings(method=stories, days=story_days)
        with Store(db) as store:
            _link_store(store, link_settings, story_settings)
    except EventwireError as error:
        raise _fail(error) from None


def _link_store(store: Any, link_settings: Any, story_settings: Any) -> None:
    from .link import link
    from .stories import build_stories

    err.print(link(store, link_settings).line(), highlight=False)
    if story_settings is not None:
        err.print(build_stories(store, story_settings).line(), highlight=False)


def _print_reject(reject: Any) -> None:
    where = f"{reject.origin}:{reject.line}" if reject.line is not None else reject.origin
    err.print(f"rejected {where}: {reject.reason}", highlight=False, markup=False)


class _NoProgress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _progress() -> Any:
    """A progress bar on a terminal; nothing in pipes and CI."""
    if not err.is_terminal:
        return _NoProgress()
    from rich.progress import Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.completed} articles"), TextColumn("{task.fields[events]} events"),
                    TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(), console=err)


@app.command()
def events(
    db: DbOption = Path("eventwire.duckdb"),
    format: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write; stdout for jsonl/csv if absent.")] = None,
    where: Annotated[Optional[str], typer.Option(help="SQL condition on event columns, e.g. \"root_code = '04'\".")] = None,
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
    pred: Annotated[Optional[Path], typer.Option(help="Predictions as events JSONL instead of --db.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List error classes, each miss and each spurious event.")] = False,
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
    _print_score(result, gold)
    if verbose:
        _print_errors(result)


def _print_score(result: Any, gold: Path) -> None:
    figures = result.as_dict()

    def pct(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    out.print(f"{gold.name}: precision {pct(figures['precision'])}  recall {pct(figures['recall'])}  "
              f"F1 {pct(figures['f1'])}  (tp {result.tp}, fp {result.fp}, fn {result.fn}, "
              f"duplicates {result.duplicates})", highlight=False)
    out.print(f"mode accuracy {pct(figures['mode_accuracy'])}  date accuracy {pct(figures['date_accuracy'])} "
              f"(of {result.date_total})  sector accuracy {pct(figures['sector_accuracy'])} (of {result.sector_total})",
              highlight=False)
    table = Table("root", "gold", "tp", "fp", "fn", "dup")
    for root, counts in sorted(result.per_root.items()):
        table.add_row(root, *(str(counts.get(k, 0)) for k in ("gold", "tp", "fp", "fn", "duplicate")))
    out.print(table)


def _print_errors(result: Any) -> None:
    for title, classes in (("misses", result.miss_classes), ("spurious", result.spurious_classes)):
        table = Table(f"{title} by class", "count")
        for name, count in classes.most_common():
            table.add_row(name, str(count))
        out.print(table)
    for miss in result.misses:
        out.print(f"MISS {miss.article_id} {miss.source}->{miss.target} {miss.codes[0]}: {miss.evidence}",
                  highlight=False, markup=False)
    for extra in result.spurious:
        out.print(f"SPURIOUS {extra.article_id} {extra.source}->{extra.target} {extra.code} [{extra.event_id}]: "
                  f"{extra.sentence.strip()}", highlight=False, markup=False)


@app.command()
def explain(event_id: Annotated[str, typer.Argument(help="An event_id from `eventwire events`, or a cluster_id.")],
            db: DbOption = Path("eventwire.duckdb")) -> None:
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
        _print_cluster(*found)
        return
    if row is None:
        raise _fail(InputError(f"no event or cluster {event_id} in {db}; list ids with `eventwire events --db {db}` "
                               f"or `eventwire export --format csv --table clusters -o clusters.csv --db {db}`."))
    out.print(_marked_sentence(row))
    from .explain import explanation

    for label, value in explanation(row):
        out.print(f"[bold]{label}:[/bold] {value}", highlight=False)


def _print_cluster(cluster: dict[str, Any], mentions: list[dict[str, Any]]) -> None:
    target = cluster["target_code"] or "-"
    out.print(f"[bold]cluster {cluster['cluster_id']}[/bold]: {cluster['source_code']} -> {target} "
              f"CAMEO {cluster['cameo']} {cluster['cameo_name']} ({cluster['mode']}), {cluster['date']}"
              + (" (publication date)" if cluster["date_imputed"] else f" ({cluster['date_precision']})"), highlight=False)
    out.print(f"{cluster['num_mentions']} mentions in {cluster['num_articles']} articles from "
              f"{cluster['num_sources']} sources, first seen {cluster['first_seen']}, last seen {cluster['last_seen']}, "
              f"confidence {cluster['confidence']:.2f}", highlight=False)
    for mention in mentions:
        out.print(f"\n[bold]{mention['event_id']}[/bold] {mention['outlet'] or '-'} {mention['article_id']} "
                  f"({mention['published']}): {mention['source_code']} -> {mention['target_code'] or '-'} "
                  f"{mention['cameo']}", highlight=False)
        out.print(_marked_sentence(mention))
        out.print(f"[bold]joined:[/bold] {mention['joined_by']}", highlight=False)


def _marked_sentence(row: dict[str, Any]) -> Text:
    start = row["sentence_start"]
    text = Text(row["sentence"])
    spans = [("source", "bold blue"), ("target", "bold red"), ("trigger", "underline green")]
    for name, style in spans:
        if row.get(f"{name}_start") is not None:
            text.stylize(style, row[f"{name}_start"] - start, row[f"{name}_end"] - start)
    return text


@app.command()
def series(
    dyad: Annotated[str, typer.Option(help="Country pair, e.g. CHN-USA.")],
    db: DbOption = Path("eventwire.duckdb"),
    freq: Annotated[str, typer.Option(help="day, week or month.")] = "day",
    directed: Annotated[bool, typer.Option(help="Only events from the first country to the second.")] = False,
    sector: Annotated[Optional[str], typer.Option(help="Sector of both actors (GOV) or of each (GOV-MIL).")] = None,
    start: Annotated[Optional[str], typer.Option("--from", help="First day (YYYY-MM-DD); default: first event.")] = None,
    end: Annotated[Optional[str], typer.Option("--to", help="Last day (YYYY-MM-DD); default: last event.")] = None,
    measure: Annotated[str, typer.Option(help="count, quad (per QuadClass) or goldstein (sum and mean).")] = "count",
    raw: Annotated[bool, typer.Option(help="Count every mention instead of deduplicated clusters.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=".csv or .parquet file; a table on screen if absent.")] = None,
    plot: Annotated[Optional[Path], typer.Option(help="Also draw the series to this PNG (cooperation above, conflict below).")] = None,
) -> None:
    """An actor-pair time series of asserted events, zero-filled, per day, week or month."""
    from .aggregate import SeriesQuery, known_countries, known_sectors, parse_pair, plot_series, quad_series, write_series
    from .aggregate import series as build_series
    from .store import Store

    try:
        with Store(db, read_only=True) as store:
            pair = parse_pair(dyad, "--dyad", *known_countries(store))
            sectors = None
            if sector:
                sectors = parse_pair(sector if "-" in sector else f"{sector}-{sector}", "--sector", known_sectors(store))
            query = SeriesQuery(pair, freq, directed, sectors, _parse_day(start, "--from"), _parse_day(end, "--to"),
                                measure, raw)
            table = build_series(store, query)
            if table.num_rows == 0:
                err.print(f"no asserted events for {dyad} in {db} (with these filters); the series is empty.",
                          highlight=False)
            if output is not None:
                write_series(table, output)
                err.print(f"{table.num_rows} rows written to {output}", highlight=False)
            else:
                _print_table(table, f"{dyad} per {freq} ({'mentions' if raw else 'clusters'})")
            if plot is not None and table.num_rows:
                plot.parent.mkdir(parents=True, exist_ok=True)
                plot_series(quad_series(store, query), plot, f"{dyad} per {freq}: cooperation and conflict")
                err.print(f"plot written to {plot}", highlight=False)
    except EventwireError as error:
        raise _fail(error) from None


def _print_table(table: Any, title: str) -> None:
    view = Table(*table.column_names, title=title)
    for row in table.to_pylist():
        view.add_row(*("" if v is None else str(v) for v in row.values()))
    out.print(view)


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
    _print_table(table, f"top {top} dyads ({'mentions' if raw else 'clusters'})")


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="gdelt, gdelt-mentions, plover, parquet or csv.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (its folder is created).")],
    db: DbOption = Path("eventwire.duckdb"),
    table: Annotated[str, typer.Option(help="For parquet/csv: clusters, events, mentions, stories or articles.")] = "clusters",
    all_modes: Annotated[bool, typer.Option(help="GDELT exports: include planned, negated and hypothetical events.")] = False,
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
def stories(db: DbOption = Path("eventwire.duckdb"),
            top: Annotated[int, typer.Option(help="How many stories to list, largest first.")] = 20) -> None:
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
    view = Table("story", "articles", "first", "last", "headline", title="stories")
    for row in rows:
        view.add_row(*(str(row[column]) for column in ("story_id", "articles", "first", "last", "headline")))
    out.print(view)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.")],
    db: DbOption = Path("eventwire.duckdb"),
    every: Annotated[str, typer.Option(help="Time between polls: 90s, 15m, 1h.")] = "15m",
    once: Annotated[bool, typer.Option(help="Poll once and exit.")] = False,
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
            keep_polling(store, Coder.build(), feeds, settings, pause, once,
                         lambda summary: err.print(summary.line(), highlight=False))
    except EventwireError as error:
        raise _fail(error) from None
    except KeyboardInterrupt:
        err.print("stopped", highlight=False)


@app.command()
def serve(
    db: DbOption = Path("eventwire.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[Optional[str], typer.Option(help="Require 'Authorization: Bearer TOKEN' for writing requests.")] = None,
) -> None:
    """Serve the store over HTTP: events, clusters, stories, series, dyads and POST /code (docs at /docs)."""
    import uvicorn

    from .serve import create_app

    try:
        application = create_app(db, token)
    except EventwireError as error:
        raise _fail(error) from None
    err.print(f"serving {db} on http://{host}:{port} (API docs at /docs)", highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


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
    out.print(f"{counts['articles']} articles, {counts['events']} events ({counts['event_clusters']} after linking), "
              f"{counts['stories']} stories, {counts['rejects']} rejects in {db}")
    table = Table("source", "target", "CAMEO", "mode", "trigger", title="events")
    for row in sample:
        table.add_row(row["source_code"], row["target_code"] or "-", f"{row['cameo']} {row['cameo_name']}",
                      row["mode"], row["trigger_text"])
    out.print(table)
    by_code = Table("CAMEO", "events", title="most frequent event types")
    for name, n in roots:
        by_code.add_row(name, str(n))
    out.print(by_code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())

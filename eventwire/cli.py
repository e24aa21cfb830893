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


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(InputError(f"--published '{value}' is not a date; write it as YYYY-MM-DD.")) from None


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(help=".jsonl, .txt, .html files, folders, or - for stdin.")],
    db: DbOption = Path("eventwire.duckdb"),
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for .txt/.html/stdin text.")] = None,
    force: Annotated[bool, typer.Option(help="Recode articles already in the store.")] = False,
    strict: Annotated[bool, typer.Option(help="Exit non-zero if any input record is rejected.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Reject articles larger than this many bytes.")] = 1_000_000,
    dictionary: Annotated[Optional[list[Path]], typer.Option(help="Extra YAML dictionary (actors, agents, verbs); repeatable.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per parse batch and transaction.")] = 64,
) -> None:
    """Code articles into events and store them (articles already stored are skipped)."""
    from .ingest import read_inputs
    from .pipeline import Coder
    from .run import code_into_store
    from .store import Store

    settings = Settings(max_article_bytes=max_bytes, batch_size=batch_size, dictionaries=tuple(dictionary or ()))
    day = _parse_day(published)
    try:
        with Store(db) as store:
            coder = Coder.build(settings)
            records = read_inputs(inputs, day, max_bytes)
            with _progress() as progress:
                task = progress.add_task("coding", total=None, events=0, rate=0.0) if progress else None

                def on_batch(n_articles: int, n_events: int) -> None:
                    if progress is not None:
                        state = progress.tasks[0]
                        done = state.completed + n_articles
                        progress.update(task, completed=done, events=state.fields["events"] + n_events,
                                        rate=done / max(state.elapsed or 0.0, 1e-6))

                summary = code_into_store(records, store, coder, force, on_reject=_print_reject, on_batch=on_batch)
    except EventwireError as error:
        raise _fail(error) from None
    err.print(summary.line(), highlight=False)
    if strict and summary.rejected:
        raise typer.Exit(code=1)


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
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List each miss and each spurious event.")] = False,
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
    for miss in result.misses:
        out.print(f"MISS {miss.article_id} {miss.source}->{miss.target} {miss.codes[0]}: {miss.evidence}",
                  highlight=False, markup=False)
    for extra in result.spurious:
        out.print(f"SPURIOUS {extra.article_id} {extra.source}->{extra.target} {extra.code} [{extra.event_id}]: "
                  f"{extra.sentence.strip()}", highlight=False, markup=False)


@app.command()
def explain(event_id: Annotated[str, typer.Argument(help="An event_id from `eventwire events`.")],
            db: DbOption = Path("eventwire.duckdb")) -> None:
    """Show an event's sentence with source, target and trigger marked, and why it was coded."""
    from .store import Store

    try:
        with Store(db, read_only=True) as store:
            row = store.event(event_id)
    except EventwireError as error:
        raise _fail(error) from None
    if row is None:
        raise _fail(InputError(f"no event {event_id} in {db}; list ids with `eventwire events --db {db}`."))
    out.print(_marked_sentence(row))
    for label, value in _explanation(row):
        out.print(f"[bold]{label}:[/bold] {value}", highlight=False)


def _marked_sentence(row: dict[str, Any]) -> Text:
    start = row["sentence_start"]
    text = Text(row["sentence"])
    spans = [("source", "bold blue"), ("target", "bold red"), ("trigger", "underline green")]
    for name, style in spans:
        if row.get(f"{name}_start") is not None:
            text.stylize(style, row[f"{name}_start"] - start, row[f"{name}_end"] - start)
    return text


def _explanation(row: dict[str, Any]) -> list[tuple[str, Any]]:
    return [
        ("source", f"{row['source_text']!r} -> {row['source_code']} ({row['source_rule']})"),
        ("target", f"{row['target_text']!r} -> {row['target_code']} ({row['target_rule']})" if row["target_text"] else "none"),
        ("trigger", f"{row['trigger_text']!r} -> CAMEO {row['cameo']} {row['cameo_name']} "
                    f"(Goldstein {row['goldstein']}, QuadClass {row['quad_class']}, PLOVER {row['plover_type']})"),
        ("mode", row["mode"]),
        ("date", f"{row['date']} ({row['date_precision']}, from {row['date_text']!r}; span {row['date_start']}..{row['date_end']})"
                 if row["date"] else f"none found (published {row['published']})"),
        ("place", f"{row['location_name']}, {row['location_country']} ({row['location_precision']}"
                  + (f", {row['lat']}, {row['lon']}, GeoNames {row['geonameid']})" if row["geonameid"] else ")")
                  if row["location_name"] else "none found"),
        ("rule", row["rule"]),
        ("confidence", row["confidence"]),
        ("article", f"{row['article_id']}, sentence {row['sentence_index']}"),
    ]


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
    out.print(f"{counts['articles']} articles, {counts['events']} events, {counts['rejects']} rejects in {db}")
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

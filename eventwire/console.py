"""What the `eventwire` command prints, apart from its options (cli.py): rich tables, marked
sentences, reject lines and the progress bar. Results on stdout; messages on stderr, one line
each, greppable in logs."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .records import Reject

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def print_reject(reject: Reject) -> None:
    where = f"{reject.origin}:{reject.line}" if reject.line is not None else reject.origin
    err.print(f"rejected {where}: {reject.reason}", highlight=False, markup=False)


class PlainProgress:
    """Progress for logs and pipes: a plain line every `every_s` seconds, never a redrawn bar."""

    def __init__(self, total: int | None, every_s: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.every_s, self.clock = total, every_s, clock
        self.started = self.last = clock()
        self.done = self.events = 0

    def __enter__(self) -> PlainProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def advance(self, n_articles: int, n_events: int) -> None:
        self.done += n_articles
        self.events += n_events
        now = self.clock()
        if now - self.last >= self.every_s:
            self.last = now
            err.print(progress_line(self.done, self.total, self.events, now - self.started), highlight=False)


def progress_line(done: int, total: int | None, events: int, elapsed: float) -> str:
    """ "120/500 articles, 37 events, 4.0 articles/s, 1m35s left" (no total: no time left)."""
    rate = done / elapsed if elapsed > 0 else 0.0
    of = f"/{total}" if total else ""
    left = ""
    if total and rate > 0:
        seconds = int(max(total - done, 0) / rate)
        left = f", {seconds // 60}m{seconds % 60:02d}s left"
    return f"{done}{of} articles, {events} events, {rate:.1f} articles/s{left}"


def progress(total: int | None = None) -> Any:
    """A bar with the total and time remaining on a terminal; a plain line every 10 s elsewhere.
    Print the run's summary after leaving it, so the two never interleave."""
    if not err.is_terminal:
        return PlainProgress(total)
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    return Progress(
        TextColumn("{task.completed}" + (f"/{total}" if total else "") + " articles"),
        BarColumn(),
        TextColumn("{task.fields[events]} events"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
    )


def progress_callback(bar: Any, total: int | None = None) -> Callable[[int, int], None]:
    """on_batch(articles, events) advancing the progress of `progress()`."""
    if isinstance(bar, PlainProgress):
        return bar.advance
    task = bar.add_task("coding", total=total, events=0)

    def on_batch(n_articles: int, n_events: int) -> None:
        state = bar.tasks[0]
        bar.update(task, advance=n_articles, events=state.fields["events"] + n_events)

    return on_batch


def print_score(result: Any, gold: Path) -> None:
    figures = result.as_dict()

    def pct(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    out.print(
        f"{gold.name}: precision {pct(figures['precision'])}  recall {pct(figures['recall'])}  "
        f"F1 {pct(figures['f1'])}  (tp {result.tp}, fp {result.fp}, fn {result.fn}, "
        f"duplicates {result.duplicates})",
        highlight=False,
    )
    out.print(
        f"mode accuracy {pct(figures['mode_accuracy'])}  date accuracy {pct(figures['date_accuracy'])} "
        f"(of {result.date_total})  sector accuracy {pct(figures['sector_accuracy'])} (of {result.sector_total})  "
        f"place-country accuracy {pct(figures['place_accuracy'])} (of {result.place_total})",
        highlight=False,
    )
    table = Table("root", "gold", "tp", "fp", "fn", "dup")
    for root, counts in sorted(result.per_root.items()):
        table.add_row(root, *(str(counts.get(k, 0)) for k in ("gold", "tp", "fp", "fn", "duplicate")))
    out.print(table)


def print_errors(result: Any) -> None:
    for title, classes in (("misses", result.miss_classes), ("spurious", result.spurious_classes)):
        table = Table(f"{title} by class", "count")
        for name, count in classes.most_common():
            table.add_row(name, str(count))
        out.print(table)
    for miss in result.misses:
        out.print(
            f"MISS {miss.article_id} {miss.source}->{miss.target} {miss.codes[0]}: {miss.evidence}",
            highlight=False,
            markup=False,
        )
    for extra in result.spurious:
        out.print(
            f"SPURIOUS {extra.article_id} {extra.source}->{extra.target} {extra.code} [{extra.event_id}]: "
            f"{extra.sentence.strip()}",
            highlight=False,
            markup=False,
        )


def print_cluster(cluster: dict[str, Any], mentions: list[dict[str, Any]]) -> None:
    target = cluster["target_code"] or "-"
    out.print(
        f"[bold]cluster {cluster['cluster_id']}[/bold]: {cluster['source_code']} -> {target} "
        f"CAMEO {cluster['cameo']} {cluster['cameo_name']} ({cluster['mode']}), {cluster['date']}"
        + (" (publication date)" if cluster["date_imputed"] else f" ({cluster['date_precision']})"),
        highlight=False,
    )
    out.print(
        f"{cluster['num_mentions']} mentions in {cluster['num_articles']} articles from "
        f"{cluster['num_sources']} sources, first seen {cluster['first_seen']}, last seen {cluster['last_seen']}, "
        f"confidence {cluster['confidence']:.2f}",
        highlight=False,
    )
    for mention in mentions:
        out.print(
            f"\n[bold]{mention['event_id']}[/bold] {mention['outlet'] or '-'} {mention['article_id']} "
            f"({mention['published']}): {mention['source_code']} -> {mention['target_code'] or '-'} "
            f"{mention['cameo']}",
            highlight=False,
        )
        out.print(marked_sentence(mention))
        out.print(f"[bold]joined:[/bold] {mention['joined_by']}", highlight=False)


def marked_sentence(row: dict[str, Any]) -> Text:
    start = row["sentence_start"]
    text = Text(row["sentence"])
    spans = [("source", "bold blue"), ("target", "bold red"), ("trigger", "underline green")]
    for name, style in spans:
        if row.get(f"{name}_start") is not None:
            text.stylize(style, row[f"{name}_start"] - start, row[f"{name}_end"] - start)
    return text


def print_table(table: Any, title: str) -> None:
    view = Table(*table.column_names, title=title)
    for row in table.to_pylist():
        view.add_row(*("" if v is None else str(v) for v in row.values()))
    out.print(view)


def print_preview(table: Any, title: str, hint: str, rows: int = 12) -> None:
    """A long table's first rows and a line saying how many there are and how to get them all."""
    if table.num_rows <= rows:
        print_table(table, title)
        return
    print_table(table.slice(0, rows), f"{title}: first {rows} of {table.num_rows} rows")
    err.print(f"{table.num_rows} rows, {rows} shown; {hint}", highlight=False)


def print_summary(db: Path, counts: dict[str, int], roots: list[tuple[Any, int]], sample: list[dict[str, Any]]) -> None:
    out.print(
        f"{counts['articles']} articles, {counts['events']} events ({counts['event_clusters']} after linking), "
        f"{counts['stories']} stories, {counts['rejects']} rejects in {db}"
    )
    table = Table("source", "target", "CAMEO", "mode", "trigger", title="events")
    for row in sample:
        table.add_row(
            row["source_code"],
            row["target_code"] or "-",
            f"{row['cameo']} {row['cameo_name']}",
            row["mode"],
            row["trigger_text"],
        )
    out.print(table)
    by_code = Table("CAMEO", "events", title="most frequent event types")
    for name, n in roots:
        by_code.add_row(name, str(n))
    out.print(by_code)


def print_stories(rows: list[dict[str, Any]]) -> None:
    view = Table("story", "articles", "first", "last", "headline", title="stories")
    for row in rows:
        view.add_row(*(str(row[column]) for column in ("story_id", "articles", "first", "last", "headline")))
    out.print(view)

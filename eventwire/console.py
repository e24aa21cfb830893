"""What the `eventwire` command prints, apart from its options (cli.py): rich tables, marked
sentences, reject lines and the progress bar. Results on stdout; messages on stderr, one line
each, greppable in logs."""

from __future__ import annotations

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


class _NoProgress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def progress() -> Any:
    """A progress bar on a terminal; nothing in pipes and CI."""
    if not err.is_terminal:
        return _NoProgress()
    from rich.progress import Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[events]} events"),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
        console=err,
    )


def progress_callback(bar: Any) -> Any:
    """on_batch(articles, events) advancing the bar of `progress()` (nothing without one)."""
    task = bar.add_task("coding", total=None, events=0, rate=0.0) if bar else None

    def on_batch(n_articles: int, n_events: int) -> None:
        if bar is not None:
            state = bar.tasks[0]
            done = state.completed + n_articles
            bar.update(
                task,
                completed=done,
                events=state.fields["events"] + n_events,
                rate=done / max(state.elapsed or 0.0, 1e-6),
            )

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

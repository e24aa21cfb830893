"""The work behind `eventwire code` and the relinking after it (cli.py parses the options)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .console import err, print_reject, progress, progress_callback
from .errors import InputError
from .settings import Settings


def checked_inputs(inputs: list[str], engine: str, jobs: int, to_parts: bool) -> tuple[int | None, int]:
    """The inputs' article count (None for stdin) and the worker count worth starting; refuses a
    missing input or an engine that cannot run."""
    from .ingest import count_articles, missing_inputs
    from .run import check_engine, workers_worth_it

    if missing := missing_inputs(inputs):
        raise InputError(f"no such file or folder: {', '.join(missing)}; check the path.")
    check_engine(engine, jobs, to_parts)
    total = count_articles(inputs)
    if engine != "local":
        return total, jobs
    jobs, note = workers_worth_it(jobs, total)
    if note:
        err.print(note, highlight=False)
    return total, jobs


def code_to_store(
    records: Any, db: Path, settings: Settings, force: bool, jobs: int, no_link: bool, total: int | None
) -> Any:
    from .run import code_with_workers
    from .store import Store

    with Store(db) as store:
        with progress(total) as bar:
            summary = code_with_workers(
                records, store, settings, force, jobs, print_reject, progress_callback(bar, total)
            )
        err.print(summary.line(), highlight=False)  # after the bar is gone: no interleaving
        if not no_link:
            from .link import LinkSettings
            from .stories import StorySettings

            link_store(store, LinkSettings(), StorySettings())
    return summary


def code_to_parts(
    records: Any,
    output: Path,
    settings: Settings,
    engine: str,
    jobs: int,
    address: str | None,
    workers: int,
    total: int | None,
) -> Any:
    from .parts import code_into_parts

    with progress(total) as bar:
        summary = code_into_parts(
            records, output, settings, engine, jobs, address, workers, print_reject, progress_callback(bar, total)
        )
    err.print(summary.line(), highlight=False)
    return summary


def link_store(store: Any, link_settings: Any, story_settings: Any) -> None:
    from .link import link
    from .stories import build_stories

    err.print(link(store, link_settings).line(), highlight=False)
    if story_settings is not None:
        err.print(build_stories(store, story_settings).line(), highlight=False)

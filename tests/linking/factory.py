"""Hand-made event mentions for link, series and export tests: no model needed, so they are fast."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from eventwire.records import Actor, Article, CameoCode, Event, Place
from eventwire.store import Store

QUADS = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 2}


@dataclass(frozen=True)
class Report:
    """One sentence of one article saying `source` did `cameo` to `target`."""

    article: str
    published: date
    source: str = "CHN"
    target: str | None = "USA"
    cameo: str = "042"
    day: date | None = None
    precision: str = "day"
    mode: str = "asserted"
    source_sector: str | None = "GOV"
    target_sector: str | None = "GOV"
    outlet: str | None = None
    place: str | None = None  # ISO3 of the place named in the sentence
    sentence: int = 0
    intent: str | None = None  # a planned act's CAMEO intent code


def event_of(report: Report) -> Event:
    root = report.cameo[:2]
    quad = QUADS.get(root, 3 if root <= "14" else 4)
    goldstein = {1: 3.0, 2: 6.0, 3: -4.0, 4: -9.0}[quad]
    key = f"{report.article}|{report.sentence}|{report.source}|{report.target}|{report.cameo}"
    start = report.sentence * 100
    source = Actor(report.source, start, start + 3, report.source, report.source_sector, "test")
    target = (
        Actor(report.target, start + 10, start + 13, report.target, report.target_sector, "test")
        if report.target
        else None
    )
    place = Place(report.place, report.place, None, None, None, None, "country") if report.place else None
    start_day = end_day = report.day
    if report.day and report.precision == "month":
        start_day, end_day = report.day.replace(day=1), report.day.replace(day=28)
    return Event(
        event_id=hashlib.sha256(key.encode()).hexdigest()[:16],
        article_id=report.article,
        published=report.published,
        sentence_index=report.sentence,
        sentence_start=start,
        sentence_end=start + 60,
        sentence=f"{report.source} acted on {report.target} ({report.cameo}).",
        source=source,
        target=target,
        trigger_text="acted",
        trigger_start=start + 4,
        trigger_end=start + 9,
        cameo=CameoCode(report.cameo, f"code {report.cameo}", goldstein, quad, "CONSULT"),
        mode=report.mode,
        confidence=0.8,
        rule="test; place: place phrase of the clause",
        coder_version="test",
        date=report.day,
        date_precision=report.precision if report.day else None,
        date_text="on Monday" if report.day else None,
        date_start=start_day,
        date_end=end_day,
        place=place,
        intent=CameoCode(report.intent, f"code {report.intent}", 4.0, 1, "AGREE") if report.intent else None,
    )


def store_reports(store: Store, reports: Iterable[Report]) -> None:
    by_article: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_article[report.article].append(report)
    batch = [
        (
            Article(
                name,
                f"text of {name}",
                items[0].published,
                items[0].outlet or f"outlet-{name}",
                f"title {name}",
                f"https://example.org/{name}",
            ),
            [event_of(r) for r in items],
        )
        for name, items in by_article.items()
    ]
    store.write_batch(batch, [])


def partition(store: Store) -> list[list[str]]:
    """Clusters as sorted lists of article|sentence|cameo labels, for order-free comparison."""
    rows = store.con.execute("""SELECT list(label ORDER BY label) FROM (
                                    SELECT m.cluster_id,
                                           e.article_id || ':' || e.sentence_index || ':' || e.cameo AS label
                                    FROM mentions m JOIN events e USING (event_id))
                                GROUP BY cluster_id ORDER BY 1""")
    return [r[0] for r in rows.fetchall()]

"""The typed records passed between pipeline stages. All frozen: stages return new ones."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .errors import InputError

MODES = ("asserted", "planned", "negated", "hypothetical")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from input; `article_id` is its identity in the store.

    `published` may be given as ISO text ("2024-03-14"); it is kept as a date. A text that is
    not a string or a date that is not one raises InputError naming the field."""

    article_id: str
    text: str
    published: date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    origin: str = ""  # file (and line) it came from, for provenance

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InputError(f"article '{self.article_id}': 'text' must be a string, not {type(self.text).__name__}.")
        if not isinstance(self.published, date):
            try:
                day = parse_published(self.published)
            except ValueError as err:
                raise InputError(
                    f"article '{self.article_id}': bad 'published' date {self.published!r} ({err}); "
                    "give a date or ISO text such as 2024-03-14."
                ) from None
            object.__setattr__(self, "published", day)  # frozen: set once, here, before anyone reads it


# Publication dates outside these are typing errors, and past them date arithmetic leaves the
# calendar ("9999-12-31" and "a week later"): such a date is refused, never clamped to a guess.
EARLIEST_PUBLISHED = date(1800, 1, 1)
LATEST_PUBLISHED = date(2200, 12, 31)


def parse_published(value: Any) -> date | None:
    """A publication date from ISO text ("2010-12-17", "2010-12-17T08:00:00Z"); None if absent.

    Raises ValueError for anything else: a wrong date must become a reject, not a guess.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.date() if isinstance(value, datetime.datetime) else value
    if not isinstance(value, str):
        raise ValueError(f"published must be a string date, got {type(value).__name__}")
    text = value.strip()
    try:
        day = date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
    except ValueError:
        day = datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    if (problem := published_problem(day)) is not None:
        raise ValueError(problem)
    return day


def published_problem(day: date | None) -> str | None:
    """Why a publication date cannot be used, else None."""
    if day is not None and not EARLIEST_PUBLISHED <= day <= LATEST_PUBLISHED:
        return f"publication date {day} is outside {EARLIEST_PUBLISHED.year}-{LATEST_PUBLISHED.year}; correct it"
    return None


@dataclass(frozen=True, slots=True)
class Reject:
    """An input record that could not be coded, with the reason: nothing is lost silently."""

    origin: str
    line: int | None
    reason: str
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved to a country (ISO3 or IGO) and a CAMEO sector."""

    text: str
    start: int  # character offsets in the article text
    end: int
    country: str | None
    sector: str | None
    rule: str  # which dictionary entries resolved it
    sector_assumed: bool = False  # sector defaulted from a bare state name, not read in the text
    remembered: bool = False  # taken from an earlier mention in the article (a pronoun, a surname)

    @property
    def code(self) -> str | None:
        if self.country is None:
            return self.sector  # a group of no state: its type alone, as GDELT writes "REB"
        return self.country + (self.sector or "")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: a GeoNames city, an ISO 3166-2 region or a country."""

    name: str
    country: str  # ISO3
    adm1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str  # city | adm1 | country


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event mention: one flat row of the `events` table."""

    event_id: str
    article_id: str
    published: date | None
    sentence_index: int
    sentence_start: int
    sentence_end: int
    sentence: str
    source: Actor
    target: Actor | None
    trigger_text: str
    trigger_start: int
    trigger_end: int
    cameo: CameoCode
    mode: str
    confidence: float
    rule: str
    coder_version: str
    date: date | None = None
    date_precision: str | None = None
    date_text: str | None = None
    date_start: datetime.date | None = None  # not `date`: the field above shadows the type in this class
    date_end: datetime.date | None = None
    place: Place | None = None
    intent: CameoCode | None = None  # a planned act's code in CAMEO, which has no modes ("will visit": 036)
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def to_row(self) -> dict[str, object]:
        """The flat record stored and exported (field names documented in the README)."""
        row: dict[str, object] = {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "published": self.published,
            "sentence_index": self.sentence_index,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "sentence": self.sentence,
        }
        for side, actor in (("source", self.source), ("target", self.target)):
            row[f"{side}_text"] = actor.text if actor else None
            row[f"{side}_start"] = actor.start if actor else None
            row[f"{side}_end"] = actor.end if actor else None
            row[f"{side}_country"] = actor.country if actor else None
            row[f"{side}_sector"] = actor.sector if actor else None
            row[f"{side}_code"] = actor.code if actor else None
            row[f"{side}_rule"] = actor.rule if actor else None
        row.update(
            trigger_text=self.trigger_text,
            trigger_start=self.trigger_start,
            trigger_end=self.trigger_end,
            cameo=self.cameo.code,
            cameo_name=self.cameo.name,
            root_code=self.cameo.root,
            quad_class=self.cameo.quad_class,
            goldstein=self.cameo.goldstein,
            plover_type=self.cameo.plover_type,
            mode=self.mode,
            cameo_intent=self.intent.code if self.intent else None,
            date=self.date,
            date_precision=self.date_precision,
            date_text=self.date_text,
            date_start=self.date_start,
            date_end=self.date_end,
            location_name=self.place.name if self.place else None,
            location_country=self.place.country if self.place else None,
            location_adm1=self.place.adm1 if self.place else None,
            lat=self.place.lat if self.place else None,
            lon=self.place.lon if self.place else None,
            geonameid=self.place.geonameid if self.place else None,
            location_precision=self.place.precision if self.place else None,
            confidence=self.confidence,
            rule=self.rule,
            coder_version=self.coder_version,
        )
        return row

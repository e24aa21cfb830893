"""Score coded events against gold annotations (rules of shared/gold/README.md).

A prediction matches a gold event of the same article when source country, target country
and CAMEO root agree (the root of any of the gold's codes). Each gold event is matched
once; a prediction whose key fits only already-matched gold events is a duplicate
(reported, neither true nor false positive). Required gold events left unmatched are
false negatives. Mode, date, sector and place-country accuracy are computed over matched pairs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .conventions import Conventions
from .errors import InputError
from .knowledge import load_conventions


@dataclass(frozen=True, slots=True)
class GoldEvent:
    article_id: str
    source: str | None
    target: str | None
    codes: tuple[str, ...]
    required: bool
    mode: str
    date: str | None
    source_sector: str | None
    target_sector: str | None
    evidence: str
    place_country: str | None = None

    @property
    def roots(self) -> set[str]:
        return {code[:2] for code in self.codes}


@dataclass(frozen=True, slots=True)
class Prediction:
    article_id: str
    source: str | None
    target: str | None
    code: str
    mode: str | None = None
    date: date | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    sentence: str = ""
    event_id: str = ""
    place_country: str | None = None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0
    mode_ok: int = 0
    date_ok: int = 0
    date_total: int = 0
    sector_ok: int = 0
    sector_total: int = 0
    place_ok: int = 0
    place_total: int = 0
    per_root: dict[str, Counter[str]] = field(default_factory=dict)
    misses: list[GoldEvent] = field(default_factory=list)
    spurious: list[Prediction] = field(default_factory=list)
    miss_classes: Counter[str] = field(default_factory=Counter)
    spurious_classes: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        def ratio(ok: int, total: int) -> float | None:
            return round(ok / total, 4) if total else None

        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "duplicates": self.duplicates,
            "mode_accuracy": ratio(self.mode_ok, self.tp),
            "date_accuracy": ratio(self.date_ok, self.date_total),
            "date_scored": self.date_total,
            "sector_accuracy": ratio(self.sector_ok, self.sector_total),
            "sector_scored": self.sector_total,
            "place_accuracy": ratio(self.place_ok, self.place_total),
            "place_scored": self.place_total,
            "per_root": {root: dict(c) for root, c in sorted(self.per_root.items())},
            "miss_classes": dict(self.miss_classes.most_common()),
            "spurious_classes": dict(self.spurious_classes.most_common()),
        }

    def _root(self, root: str) -> Counter[str]:
        return self.per_root.setdefault(root, Counter())


def read_gold(path: Path) -> tuple[dict[str, list[GoldEvent]], dict[str, str]]:
    """Gold events by article id, and each article's text (for --verbose)."""
    events: dict[str, list[GoldEvent]] = {}
    texts: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read gold file {path} ({err}).") from err
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
            article_id = str(article["id"])
            texts[article_id] = article.get("text", "")
            events[article_id] = [_gold_event(article_id, e) for e in article.get("events", [])]
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise InputError(f"{path}:{number}: not a gold record ({err}); see shared/gold/README.md.") from err
    return events, texts


def _gold_event(article_id: str, event: Mapping[str, Any]) -> GoldEvent:
    codes = event["cameo"]
    return GoldEvent(
        article_id,
        event.get("source"),
        event.get("target"),
        tuple(codes if isinstance(codes, list) else [codes]),
        bool(event.get("required", True)),
        event.get("mode") or "asserted",
        event.get("date"),
        event.get("source_sector"),
        event.get("target_sector"),
        event.get("evidence", ""),
        event.get("place_country"),
    )


def prediction_from_row(row: Mapping[str, Any]) -> Prediction:
    day = row.get("date")
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    return Prediction(
        str(row["article_id"]),
        row.get("source_country"),
        row.get("target_country"),
        str(row["cameo"]),
        row.get("mode"),
        day,
        row.get("source_sector"),
        row.get("target_sector"),
        row.get("sentence") or "",
        row.get("event_id") or "",
        row.get("location_country"),
    )


def date_matches(predicted: date | None, gold: str) -> bool:
    """Whether a predicted day falls inside the gold day (YYYY-MM-DD), ISO week (YYYY-Www) or month (YYYY-MM)."""
    if predicted is None:
        return False
    if "W" in gold:
        year, week = gold.split("-W")
        iso = predicted.isocalendar()
        return (iso.year, iso.week) == (int(year), int(week))
    if len(gold) == 7:
        return predicted.strftime("%Y-%m") == gold
    return predicted.isoformat() == gold


def _key_fits(pred: Prediction, gold: GoldEvent, conventions: Conventions) -> bool:
    return (
        pred.source == gold.source
        and pred.target == gold.target
        and (pred.code[:2] in gold.roots or _planned_fit(pred, gold, conventions))
    )


def _planned_fit(pred: Prediction, gold: GoldEvent, conventions: Conventions) -> bool:
    """The two conventions for an announced act (gold README): CAMEO codes "X will visit Y" as an
    intent (03) and a future attack as a threat (13), PLOVER the act itself with mode planned; so
    a planned act of roots 04-09 also matches 03, one of 15-20 also 13, whichever side is planned."""

    def alternative(root: str) -> str | None:
        if root in conventions.intended_roots:
            return conventions.intent_root
        return conventions.threat_root if root in conventions.threatened_roots else None

    root = pred.code[:2]
    gold_planned = gold.mode == "planned" and any(alternative(r) == root for r in gold.roots)
    pred_planned = pred.mode == "planned" and alternative(root) in gold.roots
    return gold_planned or pred_planned


def _score_pair(score: Score, pred: Prediction, gold: GoldEvent) -> None:
    score.tp += 1
    score._root(pred.code[:2])["tp"] += 1
    # a match made only through the planned-act conventions does not count against the mode
    score.mode_ok += pred.mode == gold.mode or pred.code[:2] not in gold.roots
    if gold.date:
        score.date_total += 1
        score.date_ok += date_matches(pred.date, gold.date)
    for predicted, expected in ((pred.source_sector, gold.source_sector), (pred.target_sector, gold.target_sector)):
        if expected:
            score.sector_total += 1
            score.sector_ok += predicted == expected
    if gold.place_country:
        score.place_total += 1
        score.place_ok += pred.place_country == gold.place_country


def _agreement(pred: Prediction, gold: GoldEvent) -> int:
    return (
        (pred.source_sector == gold.source_sector)
        + (pred.target_sector == gold.target_sector)
        + (pred.mode == gold.mode)
        + bool(gold.date and date_matches(pred.date, gold.date))
    )


def score_article(
    score: Score, golds: Sequence[GoldEvent], preds: Sequence[Prediction], conventions: Conventions
) -> None:
    """Greedy matching in prediction order; a required gold is preferred over an optional one, then
    the one most like the prediction in sectors, mode and date (gold events with one key may differ
    in those: the score must not depend on the order the store returns events in)."""
    matched: set[int] = set()
    for gold in golds:
        if gold.required:
            score._root(gold.codes[0][:2])["gold"] += 1
    for pred in preds:
        fits = [i for i, g in enumerate(golds) if _key_fits(pred, g, conventions)]
        free = sorted(
            (i for i in fits if i not in matched), key=lambda i: (not golds[i].required, -_agreement(pred, golds[i]))
        )
        if free:
            matched.add(free[0])
            _score_pair(score, pred, golds[free[0]])
        elif fits:
            score.duplicates += 1
            score._root(pred.code[:2])["duplicate"] += 1
        else:
            score.fp += 1
            score._root(pred.code[:2])["fp"] += 1
            score.spurious.append(pred)
            score.spurious_classes[_spurious_class(pred, golds)] += 1
    for i, gold in enumerate(golds):
        if gold.required and i not in matched:
            score.fn += 1
            score._root(gold.codes[0][:2])["fn"] += 1
            score.misses.append(gold)
            score.miss_classes[_miss_class(gold, preds)] += 1


def _nearest_error(
    source: str | None, target: str | None, others: list[tuple[str | None, str | None, bool]]
) -> str | None:
    """How an unmatched event differs from the nearest of the article's other events, each given
    as (source, target, whether it shares a root)."""
    if any(s == source and t == target for s, t, _ in others):
        return "actors right, root differs"
    same_root = [(s, t) for s, t, shares_root in others if shares_root]
    if any(s == source for s, _ in same_root):
        return "root and source right, target differs"
    if any(t == target for _, t in same_root):
        return "root and target right, source differs"
    return "root right, both actors differ" if same_root else None


def _miss_class(gold: GoldEvent, preds: Sequence[Prediction]) -> str:
    """Why a gold event went unmatched, judged by the article's predictions."""
    if not preds:
        return "no event coded in the article"
    others = [(p.source, p.target, p.code[:2] in gold.roots) for p in preds]
    return _nearest_error(gold.source, gold.target, others) or "only other events coded"


def _spurious_class(pred: Prediction, golds: Sequence[GoldEvent]) -> str:
    """Why a prediction matched no gold event, judged by the article's gold events."""
    if not golds:
        return "article has no gold event"
    others = [(g.source, g.target, pred.code[:2] in g.roots) for g in golds]
    return _nearest_error(pred.source, pred.target, others) or "no gold event like it"


def score(
    gold: Mapping[str, Sequence[GoldEvent]], predictions: Iterable[Prediction], conventions: Conventions | None = None
) -> Score:
    """Score predictions of the gold articles; predictions for other articles are ignored."""
    by_article: dict[str, list[Prediction]] = {}
    for pred in predictions:
        if pred.article_id in gold:
            by_article.setdefault(pred.article_id, []).append(pred)
    result = Score()
    conventions = conventions or load_conventions()
    for article_id, golds in gold.items():
        score_article(result, golds, by_article.get(article_id, []), conventions)
    return result


def read_predictions(path: Path) -> list[Prediction]:
    """Predictions from an `eventwire events --format jsonl` file."""
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [prediction_from_row(r) for r in rows]
    except (OSError, json.JSONDecodeError, KeyError, ValueError) as err:
        raise InputError(
            f"cannot read predictions {path} ({err}); export them with `eventwire events --format jsonl`."
        ) from err

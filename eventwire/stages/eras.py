"""Named eras as dates: "the raid on Tokyo in World War II" took place in 1942, so a clause that
names a war or period long past (data/time/eras.yaml) dates its act to it, and the pipeline drops
it as history. spaCy tags such names EVENT, not DATE, and dateparser cannot read them: hence the
table."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

from spacy.tokens import Span, Token

from ..eras import Era
from .clause import ActClause
from .dates import DateFinding, DateHow
from .time_expressions import ResolvedDate

MAX_STEPS = 6  # head steps from the era's name to the act's clause, as for a time expression


def _named_eras(sent: Span, eras: Mapping[tuple[str, ...], Era]) -> Iterator[tuple[Span, Era]]:
    words = [t.lower_ for t in sent]
    lengths = sorted({len(k) for k in eras}, reverse=True)
    for i in range(len(words)):
        for n in lengths:
            era = eras.get(tuple(words[i : i + n]))
            if era is not None:
                yield sent[i : i + n], era
                break


def era_of_act(
    trigger: Token, sent: Span, chain: list[Token], eras: Mapping[tuple[str, ...], Era]
) -> ResolvedDate | None:
    """The era a name attached to the act's clause places it in ("attacked Tokyo in World War
    II"), as a span of years; None when the clause names none."""
    members = {t.i for t in chain} | {trigger.i}
    for span, era in _named_eras(sent, eras):
        node = span.root
        for _ in range(MAX_STEPS):
            if node.i in members or node.head.i == node.i:
                break
            node = node.head
        if node.i in members:
            start, end = date(era.first, 1, 1), date(era.last, 12, 31)
            return ResolvedDate(start, "year", span.text, start, end, f"era '{era.name}' ({era.origin})")
    return None


def dated_by_era(found: DateFinding, act: ActClause, eras: Mapping[tuple[str, ...], Era]) -> DateFinding:
    """An act with no time expression of its own clause takes the era its clause names, if any:
    "who carried out the raid in World War II, died Tuesday" dates the raid by the war."""
    if found.resolved is not None and found.how is DateHow.CLAUSE:
        return found
    era = era_of_act(act.draft.trigger, act.sent, [*act.governors, act.draft.trigger], eras)
    return found if era is None else DateFinding(era, DateHow.ERA, era.rule)

"""Dated terms in office from a later list (data/actors/factbook_leaders.tsv, igo_heads.tsv): checked
on load, and ending the terms earlier lists leave open though the later one shows the holder gone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from .errors import KnowledgeError

if TYPE_CHECKING:
    from .knowledge import ActorEntry

ONE_DAY = timedelta(days=1)


def checked_terms(
    entries: Iterable[ActorEntry], countries: frozenset[str], sectors: frozenset[str]
) -> list[ActorEntry]:
    """The entries, each a dated name of a known state and sector; else KnowledgeError naming file and line."""
    checked = []
    for entry in entries:
        if entry.country not in countries:
            raise KnowledgeError(f"{entry.origin}: country '{entry.country}' is not an ISO 3166-1 alpha-3 code.")
        if entry.sector not in sectors:
            raise KnowledgeError(f"{entry.origin}: sector '{entry.sector}' is not in data/actors/sectors.tsv.")
        if entry.kind not in ("named", "surname"):
            raise KnowledgeError(f"{entry.origin}: kind '{entry.kind}' must be named or surname.")
        if entry.since is None or (entry.until is not None and entry.until < entry.since):
            raise KnowledgeError(f"{entry.origin}: a term needs a since date, and an until no earlier than it.")
        checked.append(entry)
    return checked


def end_open_terms(actors: dict[str, list[ActorEntry]], later: list[ActorEntry]) -> int:
    """End each open GOV term of the same phrase and state read before (office_holders.tsv's snapshots
    of 2022 leave Uhuru Kenyatta in office) at the earliest end the later list gives on or after its
    start after which no one of that name holds office there (a name two holders share, "al thani",
    ends only when both have gone); an undated entry is a fallback, not a term, and stays. Returns how
    many were ended.

    A closed term in the later list is the whole signal, so no separate file of ends is needed and a
    person's ends cannot drift from their terms."""
    terms: dict[tuple[str, str | None], list[ActorEntry]] = {}
    for entry in later:
        terms.setdefault((entry.phrase, entry.country), []).append(entry)
    count = 0
    for (phrase, country), group in terms.items():
        earlier = actors.get(phrase, [])
        ends = sorted((t.until, t.origin) for t in group if t.until is not None)
        for i, entry in enumerate(earlier):
            if entry.country != country or entry.sector != "GOV" or entry.since is None or entry.until is not None:
                continue
            gone = [(u, o) for u, o in ends if u >= entry.since and not any(t.valid_on(u + ONE_DAY) for t in group)]
            if gone:
                until, origin = gone[0]
                earlier[i] = replace(entry, until=until, origin=f"{entry.origin}, ended by {origin}")
                count += 1
    return count


def end_terms_for_new_office(actors: dict[str, list[ActorEntry]], offices: list[ActorEntry]) -> int:
    """End each open GOV term of a state that the same name's later office elsewhere (an international
    organisation's head) began after: the Phoenix lists leave Jens Stoltenberg Norway's prime minister
    from 2005 on, though he led NATO from 2014. Only a full name says it is the same person: a surname
    may be another's. Returns how many were ended."""
    count = 0
    for office in (o for o in offices if o.kind == "named"):
        earlier = actors.get(office.phrase, [])
        for i, entry in enumerate(earlier):
            if (
                entry.country == office.country
                or entry.sector != "GOV"
                or entry.since is None
                or entry.until is not None
                or office.since is None
                or entry.since >= office.since
            ):
                continue
            earlier[i] = replace(
                entry, until=office.since - ONE_DAY, origin=f"{entry.origin}, ended by {office.origin}"
            )
            count += 1
    return count

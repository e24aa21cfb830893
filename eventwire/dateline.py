"""Datelines: the "ANKARA, March 14, 2024 (Reuters) -" that opens a wire story.

A dateline says where (and often when) a report was filed. It is not part of the first
sentence: read as words, "ANKARA, March 14, 2024 (Reuters) - Turkish troops …" makes the
city and the date part of the subject. So the recogniser finds it before parsing; the
parser sees it as spaces (same length, so character offsets stay true), its date fills in a
missing publication date, and its place is a last resort for where an event happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# the place (two filed from at once: "BAKU/YEREVAN --"), up to three comma parts (its country, a
# date, a year), an agency in parentheses, then a dash or colon: "BEIJING (AFP) -", "Nairobi:",
# "LA PAZ, Bolivia, Sept. 11 (UPI) --"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'\- ]{1,40}?(?:/[A-Z][A-Za-z.'\- ]{1,40}?)?)"
    r"(?P<parts>(?:,\s*[A-Za-z0-9.' ]{1,30}){0,3})"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*(?::|--|-|\u2014|\u2013)\s"
)
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
# "March 14, 2024" (the comma splits it into two parts, joined again below) or "14 March 2024"
_DATES = (
    re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})$"),
)
PARAGRAPHS = 3  # a teaser line or the title may come before the dateline


@dataclass(frozen=True, slots=True)
class Dateline:
    """One dateline: its character span in the text, the place as written, its date (only when
    written with day, month and year) and the agency, if named."""

    start: int
    end: int
    place: str
    day: date | None
    agency: str | None


def find_datelines(text: str) -> list[Dateline]:
    """The datelines opening the first non-empty paragraphs of `text`, in order."""
    found: list[Dateline] = []
    offset, seen = 0, 0
    for paragraph in text.split("\n"):
        if seen >= PARAGRAPHS:
            break
        if paragraph.strip():
            seen += 1
            match = _DATELINE.match(paragraph[:80])
            if match:
                parts = [p.strip() for p in match.group("parts").split(",") if p.strip()]
                found.append(
                    Dateline(
                        offset + match.start("place"),
                        offset + match.end(),
                        match.group("place").split("/")[0].strip(),  # the first of two places
                        _date_in(parts),
                        match.group("agency"),
                    )
                )
        offset += len(paragraph) + 1
    return found


# "said on Saturday (Oct 16) it was …": a day's date in brackets after its weekday, as some
# outlets write it, splits the parse into two sentences; the weekday alone dates it
_BRACKETED_DAY = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day (?P<date>\((?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})\))"
)


def blank_bracketed_days(text: str) -> str:
    """`text` with a weekday's bracketed date blanked: same length, so offsets stay valid."""
    for match in reversed(list(_BRACKETED_DAY.finditer(text))):
        start, end = match.span("date")
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def blank_datelines(text: str) -> str:
    """`text` with its datelines replaced by spaces: same length, so offsets stay valid."""
    for line in find_datelines(text):
        text = text[: line.start] + " " * (line.end - line.start) + text[line.end :]
    return text


def dateline_date(text: str) -> date | None:
    """The full date of the first dateline that writes one, else None."""
    return next((line.day for line in find_datelines(text) if line.day is not None), None)


def _date_in(parts: list[str]) -> date | None:
    """A full date among the comma parts after the place ("March 14", "2024" or "14 March 2024")."""
    joined = [f"{a} {b}" for a, b in zip(parts, parts[1:])] + parts
    for candidate in joined:
        for pattern in _DATES:
            match = pattern.match(candidate)
            if match is None:
                continue
            month = _month_number(match.group("month").lower())
            if month is None:
                continue
            try:
                return date(int(match.group("year")), month, int(match.group("day")))
            except ValueError:
                return None
    return None


def _month_number(word: str) -> int | None:
    """1-12 for a month's name or abbreviation ("Sept", "Mar"), else None ("Mayor")."""
    for number, name in enumerate(_MONTHS, 1):
        if name.startswith(word) or (word == "sept" and number == 9):
            return number
    return None

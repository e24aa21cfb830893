"""Time expressions resolved against the publication date.

dateparser reads absolute and simple relative expressions ("June 25", "December 2007",
"two weeks ago") and says their period. What it does not do is anchor by tense: "on
Thursday" in a past-tense sentence is the Thursday before publication, in a future one the
Thursday after; "last week" is the ISO week before; "last August" the August before the
publication month. That anchoring is written here, on top of dateparser and dateutil's
relativedelta. Which expression dates an act is decided in `dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
LEADING_WORDS = re.compile(
    r"^(?:on|in|by|since|from|at|during|for|until|till|as of|the|of|(?:end|beginning|start|middle) of)\s+", re.I
)
# "October 18 to 21", "18-21 October": a run of days, from the first to the last
COUNT_UNIT = re.compile(r"^\s*(?:day|week|month|year|hour|minute)s?\b")
DAY_RANGE = re.compile(r"^(.*?)\b(\d{1,2})\s*(?:-|to|through)\s*(\d{1,2})\b(.*)$")
UNIT_AGO = re.compile(r"^(\w+)\s+(day|week|month|year)s?\s+ago$")
SPAN_UP_TO = re.compile(r"^(?:(\w+)\s+(day|week)s?\s+)?(?:up to|until|till|through|to)\s+(.+)$")
PART_OF_MONTH = re.compile(r"^(early|mid|late)[- ]+(" + "|".join(MONTHS) + r")$")
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": 3,
    "few": 3,
}
# the abbreviations of wire style ("Feb. 12", "Sept. 3"); "may" and "june" are written out
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
# Words that place an expression in time; "three days" alone is a duration, not a date.
ANCHOR_WORDS = (
    set(WEEKDAYS)
    | set(MONTHS)
    | set(MONTH_ABBREVIATIONS)
    | {
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "weekend",
        "ago",
        "last",
        "next",
        "this",
        "earlier",
        "later",
        "previous",
        "coming",
    }
)
DECADE = re.compile(r"\b\d{3}0s\b")
EARLIEST = date(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    day: date  # first day of the period, or the anchor day of a span "up to Friday"
    precision: str  # day | week | month | year
    text: str
    start: date
    end: date
    rule: str


# a time counted from another event of the story, not from publication: "a month later", "two days earlier"
ANAPHORIC_TIME = re.compile(r"\b(?:later|earlier|afterwards?|before)$")
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
SAME_DAY = re.compile(
    rf"^(?:earlier|later)\s+(?:in\s+the\s+|this\s+|on\s+)?(?:day|{'|'.join(PARTS_OF_DAY)}|today|tonight)$"
)
COUNTED_FROM = re.compile(
    r"^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(day|week|month|year)s?\s+(later|earlier|after|before)$"
)
# "late on Tuesday", "early this afternoon", "Sunday night": the part of the day does not move the day
DAY_PART_PREFIX = re.compile(r"^(?:late|early)\s+")
WEEKDAY_PART = re.compile(rf"^({'|'.join(WEEKDAYS)})\s+(?:{'|'.join(PARTS_OF_DAY)})$")


def clean_expression(text: str) -> str:
    text = text.strip().lower().replace("\u2013", "-")
    previous = None
    while previous != text:
        previous, text = text, LEADING_WORDS.sub("", text)
    return text.strip(" ,.")


def _period(day: date, precision: str) -> tuple[date, date]:
    if precision == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if precision == "month":
        start = day.replace(day=1)
        return start, start + relativedelta(months=1) - timedelta(days=1)
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def period_of(day: date, precision: str, text: str, rule: str) -> ResolvedDate:
    start, end = _period(day, precision)
    return ResolvedDate(start, precision, text, start, end, rule)


def _weekday(name: str, published: date, tense: str) -> date:
    target = WEEKDAYS.index(name)
    if tense == "future":
        ahead = (target - published.weekday()) % 7
        return published + timedelta(days=ahead or 7)
    back = (published.weekday() - target) % 7
    return published - timedelta(days=back)


def _relative_unit(word: str, unit: str, published: date) -> tuple[date, str] | None:
    offset = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}.get(word)
    if offset is None:
        return None
    if unit == "week":
        return published + timedelta(weeks=offset), "week"
    if unit == "month":
        return published + relativedelta(months=offset), "month"
    if unit == "year":
        return published + relativedelta(years=offset), "year"
    return None


def _month_by_tense(month: int, published: date, tense: str) -> date:
    year = published.year
    if tense == "future" and month < published.month:
        year += 1
    elif tense == "past" and month > published.month:
        year -= 1
    return date(year, month, 1)


def _named_month(word: str, month: int, published: date) -> date:
    """ "last August": the latest August before the publication month; "next March": the first March
    after it; "this August": August of the publication year."""
    year = published.year
    if word == "last" and month >= published.month:
        year -= 1
    elif word == "next" and month <= published.month:
        year += 1
    return date(year, month, 1)


def _relative(text: str, published: date, tense: str) -> tuple[date, str, str] | None:
    """Expressions whose meaning depends on tense or ISO weeks; None if not one of them."""
    fixed = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    if text in fixed:
        return published + timedelta(days=fixed[text]), "day", text
    if SAME_DAY.match(text):  # "earlier in the day", "later this evening": the story's own day
        return published, "day", f"'{text}': the day of the report"
    if text in WEEKDAYS:
        return _weekday(text, published, tense), "day", f"weekday by {tense} tense"
    words = text.split()
    if len(words) == 2 and words[0] in ("last", "next", "this") and words[1] in WEEKDAYS:
        shift = {"last": "past", "next": "future"}.get(words[0], tense)
        return _weekday(words[1], published, shift), "day", f"'{words[0]}' weekday"
    if len(words) == 2 and words[0] in ("last", "next", "this") and words[1] in MONTHS:
        return _named_month(words[0], MONTHS.index(words[1]) + 1, published), "month", f"'{words[0]}' month"
    if len(words) == 2 and (found := _relative_unit(words[0], words[1], published)):
        return found[0], found[1], f"'{text}' from publication"
    if text in ("earlier this year", "later this year", "earlier this month", "later this month", "earlier this week"):
        unit = words[-1]
        return published, unit, f"'{text}'"
    if text in ("the weekend", "weekend", "this weekend", "last weekend"):
        return _weekday("saturday", published, "future" if tense == "future" else "past"), "day", "weekend"
    if (ago := UNIT_AGO.match(text)) and (ago.group(1) in NUMBERS or ago.group(1).isdigit()):
        count = NUMBERS.get(ago.group(1)) or int(ago.group(1))
        unit = ago.group(2)
        delta = relativedelta(**{unit + "s": count}) if unit != "week" else timedelta(weeks=count)
        return published - delta, unit, f"'{text}'"
    if part := PART_OF_MONTH.match(text):
        return _month_by_tense(MONTHS.index(part.group(2)) + 1, published, tense), "month", "part of month"
    if text in MONTHS:
        return _month_by_tense(MONTHS.index(text) + 1, published, tense), "month", f"month by {tense} tense"
    return None


def resolve(expression: str, published: date | None, tense: str) -> ResolvedDate | None:
    """Resolve one time expression, or None when it names no date we can place.

    `tense` is past, present or future. Relative expressions need `published`; absolute
    ones ("June 25, 2009", "2008") do not.
    """
    try:
        return _resolve(expression, published, tense)
    except (OverflowError, ValueError):  # "9999 years ago", "for 99999999 days": past the calendar
        return None


def _resolve(expression: str, published: date | None, tense: str) -> ResolvedDate | None:
    text = WEEKDAY_PART.sub(r"\1", DAY_PART_PREFIX.sub("", clean_expression(expression)))
    if not text or not has_anchor(text) or DECADE.search(text) or ANAPHORIC_TIME.search(text):
        # a duration ("three days"), a decade, or a time counted from another event ("a month
        # later") cannot be placed on a day from the publication date
        return None
    if " and " in text:  # "on Tuesday and Wednesday": from the first to the last
        first, _, last = text.partition(" and ")
        opening, closing = resolve(first, published, tense), resolve(last, published, tense)
        if opening is not None and closing is not None and opening.start <= closing.end:
            return ResolvedDate(
                opening.day,
                opening.precision,
                expression,
                opening.start,
                closing.end,
                f"{opening.rule} to {closing.rule}",
            )
    days = DAY_RANGE.match(text)
    # "2-3 days ago" counts days, it names none
    if days and not COUNT_UNIT.match(days.group(4)) and (run := _day_range(days, expression, published, tense)):
        return run
    span = SPAN_UP_TO.match(text)
    if span:  # "for three days up to Friday": the span ends at its anchor
        anchor = resolve(span.group(3), published, tense)
        if anchor is None:
            return None
        count = NUMBERS.get(span.group(1) or "", 0) or (int(span.group(1)) if (span.group(1) or "").isdigit() else 0)
        unit_days = 7 if span.group(2) == "week" else 1
        start = anchor.start - timedelta(days=max(count - 1, 0) * unit_days) if count else anchor.start
        return ResolvedDate(anchor.day, anchor.precision, expression, start, anchor.end, f"span up to {anchor.rule}")
    if published is not None and (relative := _relative(text, published, tense)):
        return period_of(relative[0], relative[1], expression, relative[2])
    return _absolute(text, expression, published, tense)


def _day_range(days: re.Match[str], expression: str, published: date | None, tense: str) -> ResolvedDate | None:
    before, first, last, after = days.groups()
    opening = resolve(f"{before}{first}{after}", published, tense)
    if opening is None or opening.precision != "day" or int(last) <= int(first):
        return None
    try:  # the run ends in the month the first day was placed in
        closing = opening.day.replace(day=int(last))
    except ValueError:
        return None
    if published is not None and opening.day <= published <= closing:
        # "is paying a visit from October 18 to 21", reported on the 20th: the act reported is that day's
        return ResolvedDate(
            published, "day", expression, opening.start, closing, f"the report's day, within days {first} to {last}"
        )
    return ResolvedDate(
        opening.day, "day", expression, opening.start, closing, f"{opening.rule}, days {first} to {last}"
    )


def _absolute(text: str, expression: str, published: date | None, tense: str) -> ResolvedDate | None:
    if published is None and not re.search(r"\b\d{4}\b", text):
        return None  # a relative expression without a publication date stays unresolved
    base = datetime.combine(published or date(2000, 1, 1), datetime.min.time())
    parser = DateDataParser(
        languages=["en"],
        settings={
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first",
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future" if tense == "future" else "past",
        },
    )
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    precision = data.period if data.period in ("day", "week", "month", "year") else "day"
    return period_of(data.date_obj.date(), precision, expression, f"dateparser ({precision})")


def has_anchor(text: str) -> bool:
    """Whether an expression can be placed in time ("three days" cannot, "three days ago" can)."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & ANCHOR_WORDS) or bool(re.search(r"\b1\d{3}\b|\b20\d{2}\b", text))

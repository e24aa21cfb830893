"""When: the time expression that governs an event, resolved against the publication date.

dateparser reads absolute and simple relative expressions ("June 25", "December 2007",
"two weeks ago") and says their period. What it does not do is anchor by tense: "on
Thursday" in a past-tense sentence is the Thursday before publication, in a future one the
Thursday after; "last week" is the ISO week before. That anchoring is written here, on top
of dateparser and dateutil's relativedelta.

Which expression dates a coded act, and what an act without one takes (its speaker's dated
statement, its dyad's date in the article), is decided at the end: `date_of_act`,
`speaker_dates`, `inherit_dates`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum

from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Span, Token

from .actors import ArticleActors, resolve_all
from .clause import ActClause
from .events import Draft, TokenIndex
from .sentences import sentence_ents, within

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
LEADING_WORDS = re.compile(r"^(?:on|in|by|since|from|at|during|for|until|till|as of|the|of)\s+", re.I)
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
# Words that place an expression in time; "three days" alone is a duration, not a date.
ANCHOR_WORDS = (
    set(WEEKDAYS)
    | set(MONTHS)
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


class DateHow(Enum):
    """How an event's date was found, or why there is none; each value renders a finding's
    `detail` into the words of the `rule` column."""

    CLAUSE = "time expression of the clause: {detail}"
    SENTENCE = "only time expression of the sentence: {detail}"
    REPORTED = "day the statement was reported: {detail}"
    PLAN_STATED = "day the plan was stated: {detail}"
    SPEAKER = "day of the first dated statement of '{detail}'"
    INHERITED = "inherited from the same dyad's event ({detail})"
    ERA = "named era of the clause: {detail}"
    PUBLISHED = "publication date: no time expression"
    UNRESOLVED = "'{detail}' not resolved"
    IMPLAUSIBLE = "{detail}"
    NONE = "no time expression"


@dataclass(frozen=True, slots=True)
class DateFinding:
    resolved: ResolvedDate | None
    how: DateHow
    detail: str = ""  # the resolver's rule, the speaker, the expression not resolved, …

    @property
    def text(self) -> str:
        return self.how.value.format(detail=self.detail)


def _clean(text: str) -> str:
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


def _result(day: date, precision: str, text: str, rule: str) -> ResolvedDate:
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


def _relative(text: str, published: date, tense: str) -> tuple[date, str, str] | None:
    """Expressions whose meaning depends on tense or ISO weeks; None if not one of them."""
    fixed = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    if text in fixed:
        return published + timedelta(days=fixed[text]), "day", text
    if text in WEEKDAYS:
        return _weekday(text, published, tense), "day", f"weekday by {tense} tense"
    words = text.split()
    if len(words) == 2 and words[0] in ("last", "next", "this") and words[1] in WEEKDAYS:
        shift = {"last": "past", "next": "future"}.get(words[0], tense)
        return _weekday(words[1], published, shift), "day", f"'{words[0]}' weekday"
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
    text = DAY_PART_PREFIX.sub("", _clean(expression))
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
        return _result(relative[0], relative[1], expression, relative[2])
    return _absolute(text, expression, published, tense)


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
    return _result(data.date_obj.date(), precision, expression, f"dateparser ({precision})")


def has_anchor(text: str) -> bool:
    """Whether an expression can be placed in time ("three days" cannot, "three days ago" can)."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & ANCHOR_WORDS) or bool(re.search(r"\b1\d{3}\b|\b20\d{2}\b", text))


# how a participle hangs on the verb whose tense it shares: "responded by throwing", "said, accusing"
NONFINITE_LINKS = frozenset({"advcl", "pcomp", "xcomp", "conj"})
# a time counted from another event of the story, not from publication: "a month later", "two days earlier"
ANAPHORIC_TIME = re.compile(r"\b(?:later|earlier|afterwards?|before)$")
# "late on Tuesday", "early this afternoon": the part of the day does not move the day
DAY_PART_PREFIX = re.compile(r"^(?:late|early)\s+")


def tense_of(trigger: Token, mode: str) -> str:
    """Past, present or future, from the event's mode and the verb group's tags."""
    if mode == "planned":
        return "future"
    node = trigger
    for _ in range(4):  # a noun event takes the tense of its verb ("during a meeting" in "made … during")
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    words = [node] + [c for c in node.children if c.dep_ in ("aux", "auxpass")]
    for _ in range(4):  # a participle with no auxiliary of its own ("responded by throwing out") is in
        # the tense of the finite verb it hangs on
        if len(words) > 1 or node.tag_ not in ("VBG", "VBN") or node.dep_ not in NONFINITE_LINKS:
            break
        node = node.head.head if node.dep_ == "pcomp" else node.head
        words = [node] + [c for c in node.children if c.dep_ in ("aux", "auxpass")]
    if any(w.lower_ in ("will", "shall", "'ll") for w in words):
        return "future"
    if any(w.tag_ in ("VBD", "VBN") for w in words):
        return "past"
    return "present"


def governing_expression(
    trigger: Token, sent: Span, chain: list[Token], reporting: frozenset[str] = frozenset()
) -> Span | None:
    """The DATE entity attached to the trigger or the words governing it in its clause; not
    one attached to a verb of speech, which dates the report ("Xinhua reported on Friday")."""
    members = {t.i for t in chain if t.i == trigger.i or t.lemma_.lower() not in reporting}
    best = None
    for ent in sentence_ents(sent):
        if ent.label_ not in ("DATE", "TIME") or not has_anchor(ent.text):
            continue
        node, steps = ent.root, 0
        while node.i not in members and node.head.i != node.i and steps < 6:
            if node.lemma_.lower() in reporting:
                break  # the expression dates a report, not the event reported
            node, steps = node.head, steps + 1
        if node.i in members and (best is None or steps < best[0]):
            best = (steps, ent)
    return _within_clause(best[1]) if best else None


def _within_clause(ent: Span) -> Span:
    """The entity up to a comma or verb: the tagger sometimes runs a DATE on into the next
    clause ("on Monday, ending years of dispute")."""
    for token in ent:
        if token.i > ent.start and (token.text in (",", ";") or token.pos_ == "VERB"):
            return ent.doc[ent.start : token.i]
    return ent


def check_plausible(resolved: ResolvedDate, published: date | None) -> str | None:
    """Why a resolved date is absurd (before 1900, or over a year after publication), else None."""
    if resolved.day < EARLIEST:
        return f"date {resolved.day} before 1900 dropped"
    if published is not None and resolved.day > published + timedelta(days=366):
        return f"date {resolved.day} over a year after publication dropped"
    return None


def _verb_of(token: Token) -> Token:
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    return node


def date_of_event(
    trigger: Token,
    sent: Span,
    chain: list[Token],
    mode: str,
    published: date | None,
    reporter: Token | None,
    reporting: frozenset[str],
) -> DateFinding:
    """The event's date and how it was found (or why there is none)."""
    expression, how = governing_expression(trigger, sent, chain, reporting), DateHow.CLAUSE
    if expression is None:
        anchored = [e for e in sentence_ents(sent) if e.label_ == "DATE" and has_anchor(e.text)]
        if len(anchored) == 1 and _verb_of(anchored[0].root).lemma_.lower() not in reporting:
            expression, how = anchored[0], DateHow.SENTENCE
        elif reporter is not None:
            expression = governing_expression(reporter, sent, [reporter])
            # a plan with no time of its own is dated by its statement (gold README)
            how = DateHow.PLAN_STATED if mode == "planned" else DateHow.REPORTED
    if expression is None:
        return DateFinding(None, DateHow.NONE)
    # the report's time is read in the report's tense ("said on Friday that it will …" is last Friday)
    tense = (
        tense_of(reporter, "asserted")
        if how in (DateHow.REPORTED, DateHow.PLAN_STATED) and reporter is not None
        else tense_of(trigger, mode)
    )
    resolved = resolve(expression.text, published, tense)
    if resolved is None:
        return DateFinding(None, DateHow.UNRESOLVED, expression.text)
    if (absurd := check_plausible(resolved, published)) is not None:
        return DateFinding(None, DateHow.IMPLAUSIBLE, absurd)
    return DateFinding(resolved, how, resolved.rule)


def date_of_act(
    act: ActClause, published: date | None, speakers: dict[str | None, DateFinding], reporting: frozenset[str]
) -> DateFinding:
    """The date of a coded act; a statement without one takes the day its speaker's state was
    first quoted with a date (`speaker_dates`)."""
    draft = act.draft
    # a reported act with no time of its own took place by the time it was reported ("last
    # month, monitors said three officers had been killed"): it takes the report's time
    reporter = act.reporter
    chain = [*act.governors, draft.trigger]
    found = date_of_event(draft.trigger, act.sent, chain, draft.mode, published, reporter, reporting)
    spoken = reporter is not None and act.verbal and _spoken_by_source(reporter, draft)
    if found.resolved is None and spoken and draft.source.country in speakers:
        return speakers[draft.source.country]  # only the source's own words: when it said them
    return found


def _spoken_by_source(reporter: Token, draft: Draft) -> bool:
    return any(c.dep_ == "nsubj" and draft.source.start <= c.idx < draft.source.end for c in reporter.children)


def speaker_dates(
    doc: Doc, context: ArticleActors, published: date | None, tokens: TokenIndex, reporting: frozenset[str]
) -> dict[str | None, DateFinding]:
    """The first dated attribution of each speaking state ("a Pentagon official said on
    Friday"): wire stories date a source's words once and then write "he said"."""
    found: dict[str | None, DateFinding] = {}  # None: a group of no state ("al-Qaeda") speaking
    for sent in doc.sents:
        for verb in (doc[i] for i in within(tokens.reporting, sent)):
            expression = governing_expression(verb, sent, [verb], reporting)
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if expression is None or subject is None:
                continue
            speakers = resolve_all(subject, context)
            resolved = resolve(expression.text, published, "past")
            if speakers and resolved is not None and speakers[0].country not in found:
                found[speakers[0].country] = DateFinding(resolved, DateHow.SPEAKER, speakers[0].text)
    return found


def inherit_dates(dated: list[tuple[Draft, DateFinding]], news_since: date | None = None) -> list[DateFinding]:
    """An event without a time expression takes the date of the nearest event of the same
    article between the same states in the same mode ("China told the US …" in the lead,
    "… on Thursday" later): wire stories give the day once. A date before `news_since` is
    background history ("cut ties in 2019"), which dates no other act of the story."""
    # each (mode, dyad)'s dated events by position, the first of a position kept: the nearest
    # is then found by bisection, not by a scan of the article's events for each undated one
    donors: dict[tuple[str, tuple[str | None, str | None]], dict[int, tuple[int, DateFinding]]] = {}
    for order, (draft, found) in enumerate(dated):
        if (
            found.resolved is not None
            and found.how is not DateHow.INHERITED
            and (news_since is None or found.resolved.end >= news_since)
        ):
            donors.setdefault((draft.mode, _dyad(draft)), {}).setdefault(draft.trigger.i, (order, found))
    positions = {key: sorted(by_position) for key, by_position in donors.items()}
    out = []
    for draft, found in dated:
        key = (draft.mode, _dyad(draft))
        if found.how is DateHow.NONE and key in donors:
            nearest = _nearest(positions[key], donors[key], draft.trigger.i)
            found = DateFinding(nearest.resolved, DateHow.INHERITED, nearest.text)
        out.append(found)
    return out


def _nearest(positions: list[int], by_position: dict[int, tuple[int, DateFinding]], at: int) -> DateFinding:
    """The finding nearest `at`; of two as near, the one first in the article's order of acts."""
    cut = bisect_left(positions, at)
    around = positions[max(cut - 1, 0) : cut + 1]
    best = min(around, key=lambda p: (abs(p - at), by_position[p][0]))
    return by_position[best][1]


def undated_as_published(dated: list[tuple[Draft, DateFinding]], published: date | None) -> list[DateFinding]:
    """An act reported as done, with no time anywhere in its article, is dated by the report: news
    reports what happened since the last edition (GDELT's convention too). A planned act is dated by
    the day its plan was stated, here the report's (gold README). Negated and hypothetical acts
    stay undated."""
    if published is None:
        return [found for _, found in dated]
    day = _result(published, "day", "", "")
    by_mode = {
        "asserted": DateFinding(day, DateHow.PUBLISHED),
        "planned": DateFinding(day, DateHow.PLAN_STATED, "publication date"),
    }
    return [
        by_mode[draft.mode] if found.how is DateHow.NONE and draft.mode in by_mode else found for draft, found in dated
    ]


def _dyad(draft: Draft) -> tuple[str | None, str | None]:
    return draft.source.country, draft.target.country if draft.target else None

"""When: the time expression that governs an event, resolved against the publication date
(`time_expressions`).

Which expression dates a coded act, and what an act without one takes (its speaker's dated
statement, its dyad's date in the article), is decided at the end: `date_of_act`,
`speaker_dates`, `inherit_dates`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Span, Token

from .actors import ArticleActors, resolve_all
from .clause import ActClause
from .events import Draft, TokenIndex
from .sentences import modifies_a_noun, sentence_ents, within
from .time_expressions import (
    COUNTED_FROM,
    EARLIEST,
    MONTHS,
    NUMBERS,
    ResolvedDate,
    clean_expression,
    has_anchor,
    period_of,
    resolve,
)


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
    PUBLISHED_UNREAD = "publication date: '{detail}' not resolved"
    COUNTED = "time counted from another: {detail}"
    UNRESOLVED = "'{detail}' not resolved"
    IMPLAUSIBLE = "{detail}"
    NONE = "no time expression"


# findings that place the act nowhere: no expression, or one that could not be read ("a month
# later", "earlier in the evening") or read only as an absurd day (a clock time "from 1830" taken
# for a year), which tells no more than none
UNDATED = frozenset({DateHow.NONE, DateHow.UNRESOLVED, DateHow.IMPLAUSIBLE})


@dataclass(frozen=True, slots=True)
class DateFinding:
    resolved: ResolvedDate | None
    how: DateHow
    detail: str = ""  # the resolver's rule, the speaker, the expression not resolved, …

    @property
    def text(self) -> str:
        return self.how.value.format(detail=self.detail)


# how a participle hangs on the verb whose tense it shares: "responded by throwing", "said, accusing"
NONFINITE_LINKS = frozenset({"advcl", "pcomp", "xcomp", "conj"})
# a clause of its own under the trigger: its time expressions date its own verb
SUBORDINATE_CLAUSES = frozenset({"advcl", "ccomp", "parataxis"})


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
        if ent.label_ not in ("DATE", "TIME") or not has_anchor(ent.text) or modifies_a_noun(ent) or _since(ent):
            continue
        node, steps = ent.root, 0
        while node.i not in members and node.head.i != node.i and steps < 6:
            if node.lemma_.lower() in reporting:
                break  # the expression dates a report, not the event reported
            if _clause_of_its_own(node, trigger):
                break  # "hoped they would act when they meet later this month": the meeting's time
            node, steps = node.head, steps + 1
        if _conjunct_of_another_time(node, trigger):
            continue  # "would travel next month and invited him": the visit's time, not the invitation's
        if node.i in members and (best is None or steps < best[0]):
            best = (steps, ent)
    return _within_clause(best[1]) if best else None


FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll", "'d"})


def _conjunct_of_another_time(verb: Token, trigger: Token) -> bool:
    """A verb coordinated with the trigger, one of them future or conditional and the other not: the
    two acts are not of one time."""
    coordinated = (trigger.dep_ == "conj" and trigger.head.i == verb.i) or (
        verb.dep_ == "conj" and verb.head.i == trigger.i
    )
    return coordinated and _ahead(verb) != _ahead(trigger)


def _ahead(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children)


def _since(ent: Span) -> bool:
    """ "their first talks since 2021", "detained since Tuesday": when a span began, not when the act was."""
    return ent[0].lower_ == "since" or (ent.root.dep_ == "pobj" and ent.root.head.lower_ == "since")


def _within_clause(ent: Span) -> Span:
    """The entity up to a comma or verb: the tagger sometimes runs a DATE on into the next
    clause ("on Monday, ending years of dispute"); a comma before the date's own year or month
    ("June 25, 2006", "Monday, June 3") is the date's."""
    for token in ent:
        if token.i > ent.start and (token.text in (",", ";") or token.pos_ == "VERB"):
            if token.text == "," and token.i + 1 < ent.end and _goes_on_a_date(token):
                continue
            return ent.doc[ent.start : token.i]
    return ent


def _goes_on_a_date(comma: Token) -> bool:
    """Whether a date written with commas goes on after this one: a month's name after it ("Monday,
    May 13"), or a year after a day or a month ("June 25, 2006"; not "on Friday, 2000 people")."""
    before, after = comma.doc[comma.i - 1], comma.doc[comma.i + 1]
    year = after.text.isdigit() and len(after.text) == 4
    return after.lower_ in MONTHS or (year and (before.text.isdigit() or before.lower_ in MONTHS))


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


def _dates_another_clause(ent: Span, trigger: Token, reporting: frozenset[str]) -> bool:
    """The expression's verb is a report, or a clause of its own the trigger is not in ("urged
    Peru to act when the presidents meet next week": next week is the meeting's)."""
    verb = _verb_of(ent.root)
    if verb.lemma_.lower() in reporting or _conjunct_of_another_time(verb, trigger):
        return True
    return _clause_of_its_own(verb, trigger) and not (verb.left_edge.i <= trigger.i <= verb.right_edge.i)


def _clause_of_its_own(verb: Token, trigger: Token) -> bool:
    """A verb heading a clause under another that is not the act's: an adverbial or complement
    clause, or a relative clause describing a word other than the act ("condemned the expulsion,
    the latest episode in a rift that opened in 2006"). "The talks, which began on Monday"
    describes the act, and a participle ("backed a resolution adopted last week") the act's matter."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    # "invited him to attend a summit in July": the time of the act asked or agreed to be done, not
    # of the asking done (an act still ahead, "will urge China to back … in talks next week", is of a time)
    asked_to_act = verb.dep_ == "xcomp" and verb.head.i == trigger.i and not _ahead(trigger)
    return verb.dep_ in SUBORDINATE_CLAUSES or (verb.dep_ == "relcl" and verb.head.i != trigger.i) or asked_to_act


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
        anchored = [e for e in sentence_ents(sent) if e.label_ == "DATE" and has_anchor(e.text) and not _since(e)]
        if len(anchored) == 1 and not _dates_another_clause(anchored[0], trigger, reporting):
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
    if resolved is None and (counted := COUNTED_FROM.match(clean_expression(expression.text))):
        # "took office last August and restored ties a month later": counted from the sentence's own time
        anchors = [
            found
            for e in sentence_ents(sent)
            if e.label_ == "DATE" and e.start != expression.start and has_anchor(e.text)
            for found in [resolve(e.text, published, tense)]
            if found is not None
        ]
        if anchors:
            return _counted_from(anchors[0], counted, expression.text)
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


def inherit_dates(dated: list[tuple[Draft, DateFinding]], story_since: date | None = None) -> list[DateFinding]:
    """An event without a time expression takes the date of the nearest event of the same
    article between the same states in the same mode ("China told the US …" in the lead,
    "… on Thursday" later): wire stories give the day once (a year is too coarse to give). A
    date before `story_since` is the story's background ("cut ties in 2019", "In November, Fiji
    expelled …"), which dates no other act of the story."""
    # each (mode, dyad)'s dated events by position, the first of a position kept: the nearest
    # is then found by bisection, not by a scan of the article's events for each undated one
    donors: dict[tuple[str, tuple[str | None, str | None]], dict[int, tuple[int, DateFinding]]] = {}
    for order, (draft, found) in enumerate(dated):
        if (
            found.resolved is not None
            and found.how is not DateHow.INHERITED
            # "later this year" says too little to date another act: its report's day says more
            and found.resolved.precision != "year"
            and (story_since is None or found.resolved.end >= story_since)
        ):
            donors.setdefault((draft.mode, _dyad(draft)), {}).setdefault(draft.trigger.i, (order, found))
    positions = {key: sorted(by_position) for key, by_position in donors.items()}
    out = []
    latest: DateFinding | None = None  # the last act dated by its own words, in article order
    for draft, found in dated:
        key = (draft.mode, _dyad(draft))
        counted = COUNTED_FROM.match(clean_expression(found.detail)) if found.how is DateHow.UNRESOLVED else None
        if counted and latest is not None and latest.resolved is not None:
            found = _counted_from(latest.resolved, counted, found.detail)
        elif found.how in UNDATED and key in donors:
            nearest = _nearest(positions[key], donors[key], draft.trigger.i)
            found = DateFinding(nearest.resolved, DateHow.INHERITED, nearest.text)
        if found.resolved is not None and found.how not in (DateHow.INHERITED, DateHow.COUNTED):
            latest = found
        out.append(found)
    return out


PRECISIONS = ("day", "week", "month", "year")


def _counted_from(anchor: ResolvedDate, counted: re.Match[str], text: str) -> DateFinding:
    """ "a month later", "two days earlier": counted from the act the story dated last."""
    amount, unit, direction = counted.groups()
    count = NUMBERS.get(amount) or (int(amount) if amount.isdigit() else 1)
    step = relativedelta(**{f"{unit}s": count})
    day = anchor.day + step if direction in ("later", "after") else anchor.day - step
    # no finer than either: "two days later" after "last August" is a day in August at month precision
    precision = max(anchor.precision, unit, key=PRECISIONS.index)
    resolved = period_of(day, precision, text, f"'{text}' counted from {anchor.text or anchor.day}")
    return DateFinding(resolved, DateHow.COUNTED, resolved.rule)


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
    day = period_of(published, "day", "", "")
    by_mode = {
        "asserted": DateFinding(day, DateHow.PUBLISHED),
        "planned": DateFinding(day, DateHow.PLAN_STATED, "publication date"),
    }
    return [
        (
            replace(by_mode[draft.mode], how=DateHow.PUBLISHED_UNREAD, detail=found.detail)
            if found.how is DateHow.UNRESOLVED and draft.mode == "asserted"
            else by_mode[draft.mode]
        )
        if found.how in UNDATED and draft.mode in by_mode
        else found
        for draft, found in dated
    ]


def _dyad(draft: Draft) -> tuple[str | None, str | None]:
    return draft.source.country, draft.target.country if draft.target else None

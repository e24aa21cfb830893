"""The pipeline: Articles -> parsed Docs -> actors -> events -> Event records."""

from __future__ import annotations

import hashlib
import logging
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .dateline import blank_bracketed_days, blank_datelines, dateline_date
from .ingest import article_problem, as_article, reject_article
from .knowledge import Knowledge, load_knowledge
from .nlp import load_model
from .records import Article, Event, Reject
from .settings import Settings
from .stages.actors import match_names
from .stages.clause import ActClause
from .stages.dates import DateFinding, date_of_act, inherit_dates, speaker_dates, undated_as_published
from .stages.eras import dated_by_era
from .stages.events import Draft, SourceHow, TokenIndex, code_sentence, other_side_of_visit
from .stages.events.codes import cameo_intent
from .stages.events.referred import remember_act
from .stages.introductions import register_people
from .stages.names import ActorLexicon, build_lexicon
from .stages.parse_repairs import repair_parse
from .stages.places import PLACES_OF_THE_TEXT, Gazetteer, PlaceFinding, inherit_places, load_gazetteer, place_of_act
from .stages.time_expressions import ResolvedDate

# Same-length replacements only, so character offsets still point into the original text.
_NORMALISE = str.maketrans({"`": "'", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


@dataclass(frozen=True)
class Coder:
    """Everything needed to code articles, built once per process."""

    nlp: Language
    knowledge: Knowledge
    lexicon: ActorLexicon
    settings: Settings
    gazetteer: Gazetteer

    @classmethod
    def build(cls, settings: Settings | None = None) -> Coder:
        settings = settings or Settings()
        return cls.from_parts(load_model(settings), load_knowledge(settings.dictionaries), settings)

    @classmethod
    def from_parts(cls, nlp: Language, knowledge: Knowledge, settings: Settings) -> Coder:
        gazetteer = load_gazetteer(state_names=knowledge.state_names)
        return cls(nlp, knowledge, build_lexicon(nlp.tokenizer, knowledge), settings, gazetteer)

    def parse(self, articles: Iterable[Article]) -> Iterator[tuple[Doc | Reject | None, Article]]:
        """Parsed Docs in input order; None for an article the prefilter shows cannot hold an
        event (no name, demonym or role of the dictionaries in it: no event has an actor); a
        Reject for one that cannot be parsed. One `nlp.pipe` over the whole stream: calling it
        per batch costs ~15 % more."""
        pending: deque[tuple[Article, bool | Reject]] = deque()

        def wanted_docs() -> Iterator[Doc]:
            for given in articles:
                article = _dated(given)
                doc = self._tokens(article)
                wanted = isinstance(doc, Doc) and (not self.settings.prefilter or bool(self.lexicon.matcher(doc)))
                pending.append((article, doc if isinstance(doc, Reject) else wanted))
                if wanted and isinstance(doc, Doc):
                    yield doc

        for doc in self.nlp.pipe(wanted_docs(), batch_size=self.settings.parse_batch_size):
            while True:  # skipped articles before this one come out first, in order
                article, wanted = pending.popleft()
                if wanted is True:
                    yield doc, article
                    break
                yield (wanted if isinstance(wanted, Reject) else None), article
        while pending:
            article, wanted = pending.popleft()
            yield (wanted if isinstance(wanted, Reject) else None), article

    def _tokens(self, article: Article) -> Doc | Reject:
        """The article's tokens, or why it cannot be parsed (text no store takes, a date past
        the calendar, a text over the model's length limit)."""
        problem = article_problem(article)
        if problem is None:
            try:
                return self.nlp.make_doc(_parse_text(article.text))
            except Exception as err:  # noqa: BLE001 - the tokenizer refusing one text ends no run
                problem = f"the tokenizer failed ({type(err).__name__}: {err})"
        return _reject(article, "read", problem)

    def code_or_reject(self, doc: Doc, article: Article) -> tuple[Article, list[Event]] | Reject:
        """The article's events, or a Reject naming the stage that failed or the time budget
        it ran past: one article never ends a run, nor runs on without end."""
        give_up_at = time.monotonic() + self.settings.article_seconds
        try:
            return article, self.code_doc(doc, article, give_up_at)
        except OverBudget:
            return _reject(
                article,
                "code",
                f"coding took over {self.settings.article_seconds:g} s (Settings.article_seconds); "
                "split the article or raise the budget",
            )
        except Exception as err:  # noqa: BLE001 - a bug met on one article: reported, the batch kept
            return _reject(article, _failed_stage(err), f"{type(err).__name__}: {err}; please report this article")

    def code_doc(self, doc: Doc, article: Article, give_up_at: float = float("inf")) -> list[Event]:
        """The article's events; past the clock time `give_up_at` (time.monotonic), OverBudget."""
        doc = repair_parse(doc)
        context = match_names(doc, self.lexicon, article.published, self.gazetteer, article.text)
        context = register_people(doc, context)
        tokens = TokenIndex.of(doc, self.knowledge)
        acts: list[tuple[ActClause, int]] = []
        recent_acts: dict[str, Draft] = {}  # the latest act of each word, for one the text names again
        drafts: list[Draft] = []  # the sentence before's, which an echo may repeat ("Peru followed suit")
        for index, sent in enumerate(_until(doc.sents, give_up_at)):
            drafts = code_sentence(sent, context, self.knowledge, tokens, recent_acts, drafts)
            for draft in drafts:
                acts.append((ActClause.of(draft, sent, self.knowledge), index))
                remember_act(recent_acts, draft)
        reporting, eras = self.knowledge.cues.reporting_verbs, self.knowledge.eras
        speakers = speaker_dates(doc, context, article.published, tokens, reporting)
        story_since = _days_before(article, self.settings.background_days)
        inherited = inherit_dates(
            [
                (act.draft, dated_by_era(date_of_act(act, article.published, speakers, reporting), act, eras))
                for act, _ in acts
            ],
            story_since,
        )
        dates = undated_as_published([(act.draft, when) for (act, _), when in zip(acts, inherited)], article.published)
        states = {
            m.entry.country for m in context.by_token.values() if m.kind == "name" and m.entry.country is not None
        }
        dateline = context.dateline  # read once, with the names, from the article as written
        _until((), give_up_at)
        venue_roots = self.knowledge.conventions.venue_roots
        wheres = inherit_places(
            [
                (
                    (act.draft.source.country, act.draft.target.country if act.draft.target else None),
                    act.draft.trigger.i,
                    act.draft.code[:2] in venue_roots,
                    place_of_act(act, dateline, states, self.gazetteer, self.knowledge.igo_seats),
                )
                for act, _ in acts
            ]
        )
        kept = [
            (act.draft, index, _trimmed(act.sent, article.text), when, where)
            for (act, index), when, where in zip(acts, dates, wheres)
            if not self._is_history(when.resolved, article)
        ]
        # a visit that took place is also hosted, and a hosting visited: the other side shares the
        # act's date and place, and comes after the acts the text states
        conventions = self.knowledge.conventions
        sides = [
            (other, index, sent, when, where)
            for draft, index, sent, when, where in kept
            if (other := other_side_of_visit(draft, conventions, _placed_by_the_text(where))) is not None
        ]
        return _unique(
            [self._event(draft, article, index, sent, when, where) for draft, index, sent, when, where in kept + sides]
        )

    def _news_since(self, article: Article) -> date | None:
        """The first day an act may have taken place and still be news, not history."""
        return _days_before(article, self.settings.history_days)

    def _is_history(self, when: ResolvedDate | None, article: Article) -> bool:
        news_since = self._news_since(article)
        return when is not None and news_since is not None and when.end < news_since

    def _event(
        self, draft: Draft, article: Article, index: int, sent: tuple[int, int], when: DateFinding, where: PlaceFinding
    ) -> Event:
        trigger, target, day = draft.trigger, draft.target, when.resolved
        key = "|".join(
            map(
                str,
                (
                    article.article_id,
                    trigger.idx,
                    draft.source.start,
                    draft.source.country,
                    target.start if target else "",
                    target.country if target else "",
                    draft.code,
                ),
            )
        )
        knowledge = self.knowledge
        intent = cameo_intent(draft.code, draft.mode, draft.pattern, knowledge.cues, knowledge.conventions)
        return Event(
            event_id=hashlib.sha256(key.encode()).hexdigest()[:16],
            article_id=article.article_id,
            published=article.published,
            sentence_index=index,
            sentence_start=sent[0],
            sentence_end=sent[1],
            sentence=article.text[sent[0] : sent[1]],
            source=draft.source,
            target=target,
            trigger_text=trigger.text,
            trigger_start=trigger.idx,
            trigger_end=trigger.idx + len(trigger.text),
            cameo=self.knowledge.cameo(draft.code),
            mode=draft.mode,
            confidence=_confidence(draft),
            rule=f"{draft.rule}; date: {when.text}; place: {where.text}",
            coder_version=self.settings.coder_version,
            date=day.day if day else None,
            date_precision=day.precision if day else None,
            date_text=day.text if day else None,
            date_start=day.start if day else None,
            date_end=day.end if day else None,
            place=where.place,
            intent=knowledge.cameo(intent) if intent else None,
        )


class OverBudget(Exception):
    """Coding an article ran past its time budget."""


def _until(items: Iterable[Span], give_up_at: float) -> Iterator[Span]:
    """The items, checking the clock before each (and once when there are none)."""
    if time.monotonic() > give_up_at:
        raise OverBudget
    for item in items:
        if time.monotonic() > give_up_at:
            raise OverBudget
        yield item


def _reject(article: Article, stage: str, problem: str) -> Reject:
    return reject_article(article, f"[{stage}] {problem[:500]}")


def _failed_stage(err: Exception) -> str:
    """The eventwire module the error was raised in ("stages.dates"), else the library's."""
    modules = [frame.f_globals.get("__name__", "") for frame, _ in traceback.walk_tb(err.__traceback__)]
    ours = [m for m in modules if m.startswith("eventwire.")]
    return (ours[-1] if ours else modules[-1] if modules else "code").removeprefix("eventwire.")


def _days_before(article: Article, days: int) -> date | None:
    """The day `days` before the article's publication, if it has one."""
    return article.published - timedelta(days=days) if article.published else None


def _placed_by_the_text(where: PlaceFinding) -> str | None:
    """The state the text itself places an act in (not a default such as the doer's home)."""
    return where.place.country if where.place is not None and where.how in PLACES_OF_THE_TEXT else None


def _parse_text(text: str) -> str:
    """The text the parser sees: same length as the article (offsets stay true), quotes
    normalised, and datelines blanked: "BRUSSELS (Reuters) - EU ministers …" names where the
    reporter is, not an actor, and would otherwise be parsed into the subject; so is a weekday's
    bracketed date ("on Saturday (Oct 16)"), which would split its sentence."""
    return blank_bracketed_days(blank_datelines(text.translate(_NORMALISE)))


def _dated(article: Article) -> Article:
    """The article, its dateline's date as its publication date when it has none."""
    if article.published is not None or (day := dateline_date(article.text)) is None:
        return article
    return replace(article, published=day)


def _trimmed(sent: Span, article_text: str) -> tuple[int, int]:
    """Character offsets of the sentence without surrounding white space (read from the
    article, which the parsed text matches character for character: `Span.text` rebuilds
    the string from its tokens)."""
    text = article_text[sent.start_char : sent.end_char]
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, max(start, sent.start_char + len(text.rstrip()))


def _confidence(draft: Draft) -> float:
    """A rough prior: direct subject/object links are more reliable than inferred ones."""
    inferred, remembered = _provenance(draft)
    score = 0.9
    if inferred:
        score -= 0.2
    if draft.trigger.pos_ == "NOUN":
        score -= 0.1
    if remembered:
        score -= 0.1
    return round(score, 2)


def _provenance(draft: Draft) -> tuple[bool, bool]:
    """Whether the source was found other than as subject or possessor, and whether an actor
    was remembered from earlier in the article."""
    found = draft.source_found
    inferred = found.how not in (SourceHow.SUBJECT, SourceHow.POSSESSOR) or found.sole_state_role
    remembered = draft.source.remembered or bool(draft.target and draft.target.remembered)
    return inferred, remembered


def _unique(events: list[Event]) -> list[Event]:
    seen: dict[str, Event] = {}
    for event in events:
        seen.setdefault(event.event_id, event)
    return list(seen.values())


def code_records(articles: Iterable[Article], coder: Coder) -> Iterator[tuple[Article, list[Event]] | Reject]:
    """Each article with its events, or the Reject saying why it could not be coded, in input
    order: one outcome per article, whatever its content."""
    for doc, article in coder.parse(articles):
        if isinstance(doc, Reject):
            yield doc
        else:
            yield coder.code_or_reject(doc, article) if doc is not None else (article, [])


def _log_reject(reject: Reject) -> None:
    logging.getLogger("eventwire").warning("article %s not coded: %s", reject.article_id, reject.reason)


def code_documents(
    articles: Iterable[Article], coder: Coder, on_reject: Callable[[Reject], None] = _log_reject
) -> Iterator[tuple[Article, list[Event]]]:
    """Each article with its events, in input order; one that cannot be coded goes to `on_reject`."""
    for outcome in code_records(articles, coder):
        if isinstance(outcome, Reject):
            on_reject(outcome)
        else:
            yield outcome


def code_articles(
    articles: Iterable[Article | Mapping[str, Any]],
    coder: Coder | None = None,
    on_reject: Callable[[Reject], None] = _log_reject,
) -> Iterator[Event]:
    """The library entry point: events of the given articles, each an `Article` or a mapping
    with the JSON Lines field names ({"id": "a1", "text": "…", "published": "2024-03-14"}); a
    record the reader would reject raises InputError naming the field, and an article that
    cannot be coded goes to `on_reject` (by default a warning on the `eventwire` logger)."""
    coder = coder or Coder.build()
    checked = (as_article(item, number, coder.settings.max_article_bytes) for number, item in enumerate(articles, 1))
    for _, events in code_documents(checked, coder, on_reject):
        yield from events

"""The pipeline: Articles -> parsed Docs -> actors -> events -> Event records."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .knowledge import Knowledge, load_knowledge
from .nlp import load_model
from .records import Article, Event, Place
from .settings import Settings
from .stages.actors import ActorLexicon, ArticleActors, build_lexicon, match_names, register_people, resolve_all
from .stages.dates import ResolvedDate, date_of_event, governing_expression, resolve
from .stages.events import Draft, TokenIndex, clause_chain, code_sentence, reporting_verb
from .stages.places import Gazetteer, clause_place, dateline_place, dateline_spans, load_gazetteer, visited_place

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
        return cls(nlp, knowledge, build_lexicon(nlp.tokenizer, knowledge), settings, load_gazetteer())

    def parse(self, articles: Iterable[Article]) -> Iterator[tuple[Doc | None, Article]]:
        """Parsed Docs in input order; None for an article the prefilter shows cannot hold an
        event (no name, demonym or role of the dictionaries in it: no event has an actor).
        One `nlp.pipe` over the whole stream: calling it per batch costs ~15 % more."""
        pending: deque[tuple[Article, bool]] = deque()

        def wanted_docs() -> Iterator[Doc]:
            for article in articles:
                doc = self.nlp.make_doc(_parse_text(article.text))
                wanted = not self.settings.prefilter or bool(self.lexicon.matcher(doc))
                pending.append((article, wanted))
                if wanted:
                    yield doc

        for doc in self.nlp.pipe(wanted_docs(), batch_size=self.settings.parse_batch_size):
            while True:  # skipped articles before this one come out first, in order
                article, wanted = pending.popleft()
                if wanted:
                    yield doc, article
                    break
                yield None, article
        while pending:
            yield None, pending.popleft()[0]

    def code_doc(self, doc: Doc, article: Article) -> list[Event]:
        context = match_names(doc, self.lexicon, article.published, self.gazetteer)
        context = register_people(doc, context)
        tokens = TokenIndex.of(doc, self.knowledge)
        found = [(draft, sent, index) for index, sent in enumerate(doc.sents)
                 for draft in code_sentence(sent, context, self.knowledge, tokens)]
        speakers = self._speaker_dates(doc, context, article, tokens)
        dates = _inherit_dates([(d, self._date(d, sent, article, speakers)) for d, sent, _ in found])
        states = {m.entry.country for m in context.by_token.values() if m.kind == "name"}
        dateline = dateline_place(article.text, self.gazetteer, states)
        events = [self._event(draft, article, index, _trimmed(sent, article.text), when, self._place(draft, sent, dateline, states))
                  for (draft, sent, index), when in zip(found, dates) if not self._is_history(when[0], article)]
        return _unique(events)

    def _is_history(self, when: ResolvedDate | None, article: Article) -> bool:
        if when is None or article.published is None:
            return False
        return when.end < article.published - timedelta(days=self.settings.history_days)

    def _place(self, draft: Draft, sent: Span, dateline: Place | None, states: set[str]) -> tuple[Place | None, str]:
        chain = [node for node, _ in clause_chain(draft.governor or draft.trigger, self.knowledge.cues)]
        target = draft.target.country if draft.target else None
        if draft.pattern.code.startswith("042") and (place := visited_place(draft.trigger, target, self.gazetteer, states)):
            return place, "place visited"
        if (place := clause_place([draft.trigger, *chain], sent, self.gazetteer, states)) is not None:
            return place, "place phrase of the clause"
        reporter = reporting_verb(draft.trigger, self.knowledge.cues)
        if reporter is not None and self.knowledge.cameo(draft.code).quad_class in (1, 3):
            if (place := clause_place([reporter], sent, self.gazetteer, states)) is not None:
                return place, "where the statement was made"
        verbal = self.knowledge.cameo(draft.code).quad_class in (1, 3)
        if dateline is not None and (verbal or dateline.country in (draft.source.country, target)):
            # statements are made where the story is filed; a material act elsewhere (a shelling
            # reported from Beijing) takes the dateline only if one of its parties is at home there
            return dateline, "dateline"
        return None, "no place found"

    def _speaker_dates(self, doc: Doc, context: ArticleActors, article: Article,
                       tokens: TokenIndex) -> dict[str, tuple[ResolvedDate, str]]:
        """The first dated attribution of each speaking state ("a Pentagon official said on
        Friday"): wire stories date a source's words once and then write "he said"."""
        found: dict[str, tuple[ResolvedDate, str]] = {}
        reporting = self.knowledge.cues.reporting_verbs
        verbs = [doc[i] for i in tokens.reporting]
        for sent in doc.sents:
            for verb in (v for v in verbs if sent.start <= v.i < sent.end):
                expression = governing_expression(verb, sent, [verb], reporting)
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if expression is None or subject is None:
                    continue
                speakers = resolve_all(subject, context)
                resolved = resolve(expression.text, article.published, "past")
                if speakers and resolved is not None and speakers[0].country not in found:
                    found[speakers[0].country] = (resolved, f"day of the first dated statement of '{speakers[0].text}'")
        return found

    def _date(self, draft: Draft, sent: Span, article: Article,
              speakers: dict[str, tuple[ResolvedDate, str]]) -> tuple[ResolvedDate | None, str]:
        cues = self.knowledge.cues
        anchor = draft.governor or draft.trigger
        chain = [node for node, _ in clause_chain(anchor, cues)] + [draft.trigger]
        reporter = reporting_verb(draft.trigger, cues)
        if not (reporter is not None and self.knowledge.cameo(draft.code).quad_class in (1, 3)
                and _spoken_by_source(reporter, draft)):
            reporter = None  # only the source's own words are dated by when it said them
        when = date_of_event(draft.trigger, sent, chain, draft.mode, article.published, reporter, cues.reporting_verbs)
        if when[0] is None and reporter is not None and draft.source.country in speakers:
            return speakers[draft.source.country]
        return when

    def _event(self, draft: Draft, article: Article, index: int, sent: tuple[int, int],
               when: tuple[ResolvedDate | None, str], where: tuple[Place | None, str]) -> Event:
        trigger = draft.trigger
        target = draft.target
        key = "|".join(map(str, (article.article_id, trigger.idx, draft.source.start, draft.source.country,
                                 target.start if target else "", target.country if target else "", draft.code)))
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
            rule=f"{draft.rule}; date: {when[1]}; place: {where[1]}",
            coder_version=self.settings.coder_version,
            date=when[0].day if when[0] else None,
            date_precision=when[0].precision if when[0] else None,
            date_text=when[0].text if when[0] else None,
            date_start=when[0].start if when[0] else None,
            date_end=when[0].end if when[0] else None,
            place=where[0],
        )


def _parse_text(text: str) -> str:
    """The text the parser sees: same length as the article (offsets stay true), quotes
    normalised, and datelines blanked: "BRUSSELS (Reuters) - EU ministers …" names where the
    reporter is, not an actor, and would otherwise be parsed into the subject."""
    text = text.translate(_NORMALISE)
    for start, end in dateline_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _spoken_by_source(reporter: Token, draft: Draft) -> bool:
    return any(c.dep_ == "nsubj" and draft.source.start <= c.idx < draft.source.end for c in reporter.children)


def _inherit_dates(dated: list[tuple[Draft, tuple[ResolvedDate | None, str]]]) -> list[tuple[ResolvedDate | None, str]]:
    """An event without a time expression takes the date of the nearest event of the same
    article between the same states in the same mode ("China told the US …" in the lead,
    "… on Thursday" later): wire stories give the day once."""
    out = []
    for draft, when in dated:
        if when[0] is None and when[1] == "no time expression":
            same = [(abs(other.trigger.i - draft.trigger.i), other_when) for other, other_when in dated
                    if other_when[0] is not None and other.mode == draft.mode and "inherited" not in other_when[1]
                    and (other.source.country, other.target.country if other.target else None)
                    == (draft.source.country, draft.target.country if draft.target else None)]
            if same:
                nearest = min(same, key=lambda pair: pair[0])[1]
                when = (nearest[0], f"inherited from the same dyad's event ({nearest[1]})")
        out.append(when)
    return out


def _trimmed(sent: Span, article_text: str) -> tuple[int, int]:
    """Character offsets of the sentence without surrounding white space (read from the
    article, which the parsed text matches character for character: `Span.text` rebuilds
    the string from its tokens)."""
    text = article_text[sent.start_char : sent.end_char]
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, max(start, sent.start_char + len(text.rstrip()))


def _confidence(draft: Draft) -> float:
    """A rough prior: direct subject/object links are more reliable than inferred ones."""
    score = 0.9
    if draft.source_how not in ("subject", "possessor"):
        score -= 0.2
    if draft.trigger.pos_ == "NOUN":
        score -= 0.1
    if draft.source.rule.startswith("remembered") or (draft.target and draft.target.rule.startswith("remembered")):
        score -= 0.1
    return round(score, 2)


def _unique(events: list[Event]) -> list[Event]:
    seen: dict[str, Event] = {}
    for event in events:
        seen.setdefault(event.event_id, event)
    return list(seen.values())


def code_documents(articles: Iterable[Article], coder: Coder) -> Iterator[tuple[Article, list[Event]]]:
    """Each article with its events, in input order."""
    for doc, article in coder.parse(articles):
        yield article, coder.code_doc(doc, article) if doc is not None else []


def code_articles(articles: Iterable[Article], coder: Coder | None = None) -> Iterator[Event]:
    """The library entry point: events of the given articles."""
    coder = coder or Coder.build()
    for _, events in code_documents(articles, coder):
        yield from events

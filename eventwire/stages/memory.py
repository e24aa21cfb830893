"""Article memory: the people and descriptions an article introduces, read by position.

actors.register_people builds it in one pass over the article, in text order, before any
event is coded; each person and description is remembered with the token that introduced
it, and a lookup names the token it is made from. So a phrase's actor depends on where the
phrase stands, never on which phrases were resolved before it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..records import Actor


@dataclass(frozen=True, slots=True)
class Introduction:
    """An actor introduced at token `at` under `key`: a person's name or one part of it, or a
    (state, head noun) description."""

    key: str | tuple[str, str]
    at: int
    actor: Actor


@dataclass(frozen=True, slots=True)
class ArticleMemory:
    """What the article has told of its actors, in text order; a name or description is known
    by its first introduction."""

    people: tuple[Introduction, ...] = ()
    descriptions: tuple[Introduction, ...] = ()
    # (token index, actor) of people, in text order; None for a person whose state is unknown
    antecedents: tuple[tuple[int, Actor | None], ...] = ()

    def person(self, name: str, at: Token) -> Actor | None:
        """The person known as `name` at token `at`: introduced before it or anywhere in its
        sentence, which is read as a whole (the phrase that introduces a person knows them)."""
        end = at.sent.end
        return next((p.actor for p in self.people if p.key == name and p.at < end), None)

    def known(self, head: Token, name: str | None) -> Actor | None:
        """Whom the article introduced as the person a phrase names, by full name or surname, or
        as the phrase's proper-noun head."""
        if name and (found := self.person(name, head) or self.person(name.split()[-1], head)):
            return found
        return self.person(head.text, head) if head.pos_ == "PROPN" else None

    def as_described_before(self, head: Token, actor: Actor, key: tuple[str, str]) -> Actor:
        """ "the US delegation" after "the US military delegation": the same group, same sector
        as the first actor described as `key` (state, head noun) before the phrase's head."""
        first = next((d.actor for d in self.descriptions if d.key == key and d.at < head.i), None)
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        if first is None or not definite or not first.sector or first.sector == actor.sector:
            return actor
        return Actor(
            actor.text,
            actor.start,
            actor.end,
            actor.country,
            first.sector,
            f"{actor.rule}; sector of '{first.text}' mentioned before",
            actor.sector_assumed,
        )

    def antecedent(self, pronoun: Token) -> Actor | None:
        """The person a pronoun stands for: the latest one named before it; but a subject pronoun
        continues the subject of the sentence that named the latest one ("Biden spoke with
        Netanyahu and urged him … He will also meet …" is Biden)."""
        earlier = [(i, a) for i, a in self.antecedents if i < pronoun.i]
        if not earlier:
            return None
        latest_i, latest = earlier[-1]
        if pronoun.dep_ in ("nsubj", "nsubjpass"):
            doc = pronoun.doc
            sentence = doc[latest_i].sent
            subjects = [
                a for i, a in earlier if sentence.start <= i < sentence.end and doc[i].dep_ in ("nsubj", "nsubjpass")
            ]
            if subjects and sentence.start != pronoun.sent.start:
                return subjects[-1]
        return latest

    def with_person(self, name: str, at: int, actor: Actor) -> ArticleMemory:
        """Memory that also knows `actor` by every part of the name: "Dai" for Dai Bingguo,
        "Steinberg" for James Steinberg."""
        parts = dict.fromkeys([name, *name.split()])
        return replace(self, people=self.people + tuple(Introduction(part, at, actor) for part in parts))

    def with_description(self, key: tuple[str, str], at: int, actor: Actor) -> ArticleMemory:
        return replace(self, descriptions=self.descriptions + (Introduction(key, at, actor),))

    def with_antecedent(self, at: int, actor: Actor | None) -> ArticleMemory:
        return replace(self, antecedents=self.antecedents + ((at, actor),))

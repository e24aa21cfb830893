"""Article memory: the people and descriptions an article introduces, read by position.

introductions.register_people builds it in one pass over the article, in text order, before any
event is coded; each person and description is remembered with the token that introduced
it, and a lookup names the token it is made from. So a phrase's actor depends on where the
phrase stands, never on which phrases were resolved before it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from ..records import Actor

OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
# the places of a noun phrase's head in its clause
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "conj", "appos"})


def _clause_subjects(pronoun: Token) -> set[int]:
    """Token indices of the subject phrase of the clause the pronoun is an object in."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}


def _subject_position(mention: Token, pronoun: Token) -> bool:
    """Whether a mention is a subject, or the noun a relative clause holding the pronoun describes
    ("met Netanyahu, who said he would …")."""
    if mention.dep_ in ("nsubj", "nsubjpass"):
        return True
    head = mention
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    return any(c.dep_ == "relcl" and c.left_edge.i <= pronoun.i <= c.right_edge.i for c in head.children)


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
    by its first introduction, so only that one is kept (by key: lookups take constant time
    however long the article)."""

    people: Mapping[str, Introduction] = field(default_factory=dict)
    descriptions: Mapping[tuple[str, str], Introduction] = field(default_factory=dict)
    # (token index, actor) of people, in text order; None for a person whose state is unknown
    antecedents: tuple[tuple[int, Actor | None], ...] = ()
    # role word -> (token index, actor) of each role holder introduced with a state, in text order
    roles: Mapping[str, tuple[tuple[int, Actor], ...]] = field(default_factory=dict)

    def person(self, name: str, at: Token) -> Actor | None:
        """The person known as `name` at token `at`: introduced before it or anywhere in its
        sentence, which is read as a whole (the phrase that introduces a person knows them)."""
        found = self.people.get(name)
        return found.actor if found is not None and found.at < at.sent.end else None

    def known(self, head: Token, name: str | None) -> Actor | None:
        """Whom the article introduced as the person a phrase names, by full name or surname, or
        as the phrase's proper-noun head."""
        if name and (found := self.person(name, head) or self.person(name.split()[-1], head)):
            return found
        # the tagger may read a surname met again as a demonym ("Albanese later met …" as an
        # adjective): a capitalised head in a noun's place is still the person's name
        nominal = head.pos_ == "PROPN" or (head.text[:1].isupper() and head.dep_ in NOMINAL_DEPS)
        return self.person(head.text, head) if nominal else None

    def as_described_before(self, head: Token, actor: Actor, key: tuple[str, str]) -> Actor:
        """ "the US delegation" after "the US military delegation": the same group, same sector
        as the first actor described as `key` (state, head noun) before the phrase's head."""
        introduced = self.descriptions.get(key)
        first = introduced.actor if introduced is not None and introduced.at < head.i else None
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

    def the_one_described(self, head: Token) -> Actor | None:
        """ "the army" after "Sudan's army": a definite noun the article described with one state
        only before it is that state's."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        word = head.lemma_.lower()
        before = [i.actor for (_, noun), i in self.descriptions.items() if noun == word and i.at < head.i]
        return before[0] if len({a.country for a in before}) == 1 else None

    def the_group_described(self, head: Token, sector: str) -> Actor | None:
        """ "militants" after "al Shabaab fighters": a role of a group's sector the article named groups
        of before, all of one state, is theirs."""
        before = [i.actor for i in self.descriptions.values() if i.actor.sector == sector and i.at < head.i]
        return before[-1] if len({a.country for a in before}) == 1 else None

    def antecedent(self, pronoun: Token) -> Actor | None:
        """The person a pronoun stands for: the latest one named before it; but a subject pronoun
        continues the subject of the sentence that named the latest one ("Biden spoke with
        Netanyahu and urged him … He will also meet …" is Biden)."""
        before = bisect_left(self.antecedents, pronoun.i, key=lambda entry: entry[0])
        if before and pronoun.dep_ in OBJECT_DEPS and self.antecedents[before - 1][0] in _clause_subjects(pronoun):
            before -= 1  # "Museveni accused him": an object pronoun is not its own clause's subject
        if not before:
            return None
        latest_i, latest = self.antecedents[before - 1]
        if pronoun.dep_ in ("nsubj", "nsubjpass"):
            doc = pronoun.doc
            sentence = doc[latest_i].sent
            first = bisect_left(self.antecedents, sentence.start, key=lambda entry: entry[0])
            subjects = [a for i, a in self.antecedents[first:before] if doc[i].dep_ in ("nsubj", "nsubjpass")]
            if subjects and sentence.start != pronoun.sent.start:
                return subjects[-1]
            if subjects and not _subject_position(doc[latest_i], pronoun):
                # "Kishida will travel for talks with Marcos, before heading on, where he is to meet …":
                # a subject pronoun goes on with its sentence's subject, not a later object
                return subjects[-1]
        return latest

    def with_person(self, name: str, at: int, actor: Actor) -> ArticleMemory:
        """Memory that also knows `actor` by every part of the name not known before: "Dai" for
        Dai Bingguo, "Steinberg" for James Steinberg."""
        new = {part: Introduction(part, at, actor) for part in dict.fromkeys([name, *name.split()])}
        new = {part: intro for part, intro in new.items() if part not in self.people}
        return replace(self, people={**self.people, **new}) if new else self

    def with_description(self, key: tuple[str, str], at: int, actor: Actor) -> ArticleMemory:
        if key in self.descriptions:
            return self
        return replace(self, descriptions={**self.descriptions, key: Introduction(key, at, actor)})

    def role_holder(self, words: Iterable[str], head: Token) -> Actor | None:
        """ "the minister", "the diplomat": the latest holder of one of these roles introduced with
        a state before the phrase."""
        latest: tuple[int, Actor] | None = None
        for word in words:
            holders = self.roles.get(word, ())
            before = bisect_left(holders, head.i, key=lambda entry: entry[0])
            if before and (latest is None or holders[before - 1][0] > latest[0]):
                latest = holders[before - 1]
        return latest[1] if latest is not None else None

    def with_role(self, word: str, at: int, actor: Actor) -> ArticleMemory:
        return replace(self, roles={**self.roles, word: self.roles.get(word, ()) + ((at, actor),)})

    def with_antecedent(self, at: int, actor: Actor | None) -> ArticleMemory:
        return replace(self, antecedents=self.antecedents + ((at, actor),))

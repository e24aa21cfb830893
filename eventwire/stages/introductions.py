"""The memory pass: every person and description an article introduces, read once in text order
(stages/memory.py holds what it finds), so that a later surname, title or pronoun resolves to them."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from .actors import PERSON_SLOTS, _resolve, _Resolved, resolve_phrase
from .memory import ArticleMemory
from .names import ArticleActors, office_holder
from .phrases import actor_of, person_name, phrase_tokens
from .roles import domestic_roles, role_in_state


def register_people(doc: Doc, context: ArticleActors) -> ArticleActors:
    """The context with the article's memory, built in one pass in text order: every person
    named or described by a role ("the defence official"), so that a later "Berg" or "he" is
    resolved to them, and every common noun a name resolves ("the Chinese naval delegation"),
    which a later "the Chinese delegation" refers to. Each is resolved with what came before it."""
    persons = {ent.start: ent.root for ent in doc.ents if ent.label_ == "PERSON"}
    # an office-holder the dictionaries name in full ("Yoweri Museveni", an entry with a term) is a
    # person even where the tagger misses it
    persons.update({m.span.start: m.span.root for m in context.by_token.values() if office_holder(m)})
    roles = {
        i
        for i, m in context.by_token.items()
        if m.kind == "agent"
        and doc[i].pos_ in ("NOUN", "PROPN")  # a title written capitalised: "the Foreign Minister"
        and doc[i].dep_ in PERSON_SLOTS
        and doc[i].lemma_.lower() not in context.cues.body_nouns
    }
    memory = context.memory
    for i in sorted(persons.keys() | roles | _described_heads(doc, context)):
        so_far = replace(context, memory=memory)
        if i in roles or i in persons:
            memory = _remember_someone(doc[i] if i in roles else persons[i], i in persons, so_far)
        else:
            # only a phrase about someone introduces them: "Arriaga's claims" are not Arriaga
            memory = _remember(doc[i], _resolve(doc[i], so_far)._replace(person=None), memory)
    return replace(context, memory=memory)


def _described_heads(doc: Doc, context: ArticleActors) -> set[int]:
    """The common nouns a name may resolve (a name's own token or one it hangs on) whose word
    comes again later, or that name an armed group a later role word may stand for: only a later
    mention reads a description."""
    last = {t.lemma_.lower(): t.i for t in doc}
    groups = {
        i
        for i, m in context.by_token.items()
        if m.kind == "agent" and (m.entry.sector or "").lower() in context.cues.remembered_group_sectors
    }
    return {
        t.i
        for i, m in context.by_token.items()
        if m.kind == "name"
        for t in (doc[i], *doc[i].ancestors)
        if t.pos_ == "NOUN" and (last[t.lemma_.lower()] > t.i or t.i in groups)
    }


def _remember_someone(head: Token, is_person: bool, context: ArticleActors) -> ArticleMemory:
    """The memory with a person, or a role's holder, and the antecedent for a later pronoun."""
    resolved = _resolve(head, context)
    if resolved.actor is None and is_person and head.dep_ == "appos":
        # "his Peruvian counterpart Ana Ruiz": a name the text does not know is who the phrase
        # it is apposed to describes
        resolved = _resolve(head.head, context)
    if resolved.actor is None:
        resolved = _leader_of(head, context)
    if resolved.actor is None and is_person and (role := next(iter(domestic_roles(head, context, frozenset())), None)):
        # "opposition leader Kizza Besigye" in a sentence naming only Uganda: a role of that state,
        # known so for the rest of the article ("Besigye", "him")
        resolved = _Resolved(role, person_name(phrase_tokens(head)))
    if resolved.actor is None and is_person:
        resolved = _titled_at_home(head, context)
    memory = _remember(head, resolved, context.memory)
    if resolved.actor is not None and resolved.actor.country is not None and not is_person:
        # "Pakistan's foreign minister …": a later "the minister" is this one
        memory = memory.with_role(head.lemma_.lower(), head.i, resolved.actor)
    if resolved.actor is not None and resolved.actor.sector is not None:
        return memory.with_antecedent(head.i, resolved.actor)
    # "he" after an unknown person is no one we know
    return memory.with_antecedent(head.i, None) if is_person else memory


def _remember(head: Token, resolved: _Resolved, memory: ArticleMemory) -> ArticleMemory:
    if resolved.actor is not None and resolved.person:
        memory = memory.with_person(resolved.person, head.i, resolved.actor)
    if resolved.actor is not None and resolved.description:
        memory = memory.with_description(resolved.description, head.i, resolved.actor)
    return memory


def _titled_at_home(person: Token, context: ArticleActors) -> _Resolved:
    """ "President William Ruto" in a story from Nairobi: wire copy names a foreign official with
    their state ("Ethiopian Prime Minister Abiy Ahmed"), so a person given only a title is of the
    state the story is filed from or about, and known so for the rest of it ("Ruto", "he")."""
    # the dateline's state, where the story names it ("ACCRA - President …"), else the state the
    # story is about (a story filed from Geneva on Togo)
    filed = context.dateline.country if context.dateline is not None else None
    state = filed if filed in context.named_states else context.home_state
    if state is None:
        return _Resolved(None)
    why = f"in the article's home state (a titled person named with no state: {state})"
    role = role_in_state(person, state, context, why)
    return _Resolved(role, person_name(phrase_tokens(person))) if role is not None else _Resolved(None)


def _leader_of(person: Token, context: ArticleActors) -> _Resolved:
    """ "the US military delegation led by Michele Flournoy": she is of the delegation's state."""
    by, led = person.head, person.head.head
    if (
        person.dep_ != "pobj"
        or by.lower_ != "by"
        or led.lemma_.lower() not in ("lead", "head", "chair")
        or led.dep_ != "acl"
    ):
        return _Resolved(None)
    group = resolve_phrase(led.head, context)
    if group is None:
        return _Resolved(None)
    name = " ".join(t.text for t in person.subtree if t.ent_type_ == "PERSON") or person.text
    return _Resolved(actor_of([person], group.country, group.sector, f"leads '{group.text}' ({group.rule})"), name)

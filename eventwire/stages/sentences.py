"""Per-sentence lookups at the cost of the sentence, not of the article.

Asking a question of the whole Doc once per sentence makes coding quadratic in an article's
length (issue 19: a 2,000-sentence article took 40 s, 30 of them in `Doc.ents`, which
`Span.ents` walks, building a Span per entity, on every call).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Span

_BEGIN, _INSIDE = 3, 1  # Token.ent_iob: 3 begins an entity, 1 is inside one, 2 outside, 0 unset


def sentence_ents(sent: Span) -> list[Span]:
    """The entities lying wholly within `sent`, in order: what `sent.ents` returns, read from
    the entity tags of the sentence's own tokens."""
    doc = sent.doc
    found: list[Span] = []
    start = None
    for token in sent:
        iob = token.ent_iob
        if start is not None and iob != _INSIDE:
            found.append(_entity(sent, start, token.i))
            start = None
        if iob == _BEGIN:
            start = token.i
    if start is not None:
        # an entity running on past the sentence's end is not within it (as in `Span.ents`)
        if sent.end == len(doc) or doc[sent.end].ent_iob != _INSIDE:
            found.append(_entity(sent, start, sent.end))
    return found


def _entity(sent: Span, start: int, end: int) -> Span:
    first = sent.doc[start]
    return Span(sent.doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id)


def within(positions: Sequence[int], sent: Span) -> Sequence[int]:
    """The token positions of `positions` (sorted) that lie in `sent`, found by bisection."""
    return positions[bisect_left(positions, sent.start) : bisect_left(positions, sent.end)]


def modifies_a_noun(ent: Span) -> bool:
    """An entity written before a common noun it modifies ("the 2014 blast", "US allegations"): it
    tells which thing or whose, not when or where the verb above acted."""
    root = ent.root
    return root.dep_ in ("nummod", "compound", "amod") and root.head.pos_ == "NOUN" and root.head.i > root.i

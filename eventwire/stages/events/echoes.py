"""Acts repeated by new doers with no verb of their own: "Saudi Arabia cut ties with Qatar. Egypt
followed suit.", "Venezuela condemned the coup, as did Cuba", "Bahrain did the same". An echo clause
(`echo_verbs` with one of `echo_markers`) names only its doers: the act, its target and its code are the
act it repeats, in the same sentence or else the last sentence that reported one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Span, Token

from ...knowledge import Knowledge
from ...records import Actor
from ..actors import ArticleActors, resolve_all
from .codes import act_code
from .draft import Draft, SourceFinding, SourceHow

SUBJECT_DEPS = ("nsubj", "nsubjpass")


def echoed_acts(
    sent: Span, drafts: list[Draft], recent_acts: Mapping[str, Draft], context: ArticleActors, knowledge: Knowledge
) -> list[Draft]:
    """The acts the sentence's echo clauses repeat, one per new doer and act repeated."""
    cues = knowledge.cues
    echoed: list[Draft] = []
    for verb in sent:
        marker = _echo_marker(verb, knowledge)
        if marker is None:
            continue
        acts = _acts_repeated(verb, drafts, recent_acts)
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if not acts or not subjects:
            continue
        avoid = frozenset(a.target.country for a in acts if a.target is not None and a.target.country)
        doers = [d for s in subjects for d in resolve_all(s, context, avoid)]
        for act in acts:
            _, mode = act_code(verb, act.pattern, cues, knowledge.conventions, SourceFinding(SourceHow.SUBJECT))
            for doer in doers:
                if not _another_doer(doer, act.source) or (act.target and doer.country == act.target.country):
                    continue  # no new doer, or one acting on itself
                echoed.append(
                    replace(
                        act,
                        trigger=verb,
                        source=doer,
                        mode=mode,
                        source_found=SourceFinding(SourceHow.SUBJECT),
                        governor=None,
                        rule=f"{act.rule}; repeated by '{verb.text} {marker.text}': the act of '{act.trigger.text}'",
                    )
                )
    return echoed


def _another_doer(doer: Actor, first: Actor) -> bool:
    """A doer other than the act's: of another state, or another international body ("the EU
    suspended Mali, and the African Union followed suit")."""
    if doer.country is None:
        return False
    return doer.country != first.country or (doer.country == "IGO" and doer.text.lower() != first.text.lower())


def _echo_marker(verb: Token, knowledge: Knowledge) -> Token | None:
    """ "followed suit", "did the same", "did likewise", "as did", "so did": the word that makes the
    verb an echo of an act before it."""
    cues = knowledge.cues
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.echo_verbs:
        return None
    for child in verb.children:
        if child.dep_ not in ("dobj", "advmod", "mark") or child.lower_ not in cues.echo_markers:
            continue
        if child.lower_ not in cues.inverting_echo_markers or _inverted(verb, child):
            return child
    return None


def _inverted(verb: Token, marker: Token) -> bool:
    """ "as did Cuba", "so did Peru": the marker before the verb, its doer after; "did so" says nothing
    of who."""
    return marker.i < verb.i and any(c.dep_ in SUBJECT_DEPS and c.i > verb.i for c in verb.children)


def _acts_repeated(verb: Token, drafts: list[Draft], recent_acts: Mapping[str, Draft]) -> list[Draft]:
    """The acts an echo repeats: those of its own sentence outside the echo clause ("condemned the
    coup, as did Cuba"), else those of the last sentence that reported any; of these, the acts of
    the clause highest in the sentence ("cut ties with Qatar, accusing it of …": the cutting), once
    per code and target."""
    own = [d for d in drafts if not verb.is_ancestor(d.trigger) and d.trigger.i != verb.i]
    if not own and recent_acts:
        own = _acts_followed(list(recent_acts.values()))
    if not own:
        return []
    top = min(_depth(d.trigger) for d in own)
    acts: dict[tuple[str, str | None, str | None], Draft] = {}
    for draft in own:
        target = draft.target
        key = (draft.code, target.country if target else None, target.sector if target else None)
        if _depth(draft.trigger) == top:
            acts.setdefault(key, draft)
    return list(acts.values())


def _acts_followed(earlier: list[Draft]) -> list[Draft]:
    """The acts an echo in a sentence of its own follows: the latest one done by a list of doers ("Saudi
    Arabia, the UAE and Egypt cut ties with Qatar. … Yemen followed suit."), whom the echo's doers
    join; else those of the last sentence that reported any."""
    listed = [
        d
        for d in earlier
        if any(c.dep_ == "conj" for s in d.trigger.children if s.dep_ in SUBJECT_DEPS for c in s.children)
    ]
    chosen = listed[-1] if listed else earlier[-1]
    return [d for d in earlier if d.trigger.sent == chosen.trigger.sent]


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)

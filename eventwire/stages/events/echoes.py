"""Acts repeated by new doers with no verb of their own: "Saudi Arabia cut ties with Qatar. Egypt
followed suit.", "Venezuela condemned the coup, as did Cuba", "Bahrain did the same". An echo clause
(`echo_verbs` with one of `echo_markers`) names only its doers: the act, its target and its code are the
act it repeats, in its own sentence or else the sentence just before (an echo of an act the coder did
not code, "the central bank raised rates … Uganda did the same", repeats nothing). Repeated by the
act's target, the act is returned ("Russia expelled two British diplomats. Britain did the same.")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from ...knowledge import Knowledge
from ...records import Actor
from ..actors import ArticleActors, can_act, resolve_all
from .codes import act_code
from .draft import Draft, SourceFinding, SourceHow

SUBJECT_DEPS = ("nsubj", "nsubjpass")


def echoed_acts(
    sent: Span, drafts: list[Draft], acts_before: Sequence[Draft], context: ArticleActors, knowledge: Knowledge
) -> list[Draft]:
    """The acts the sentence's echo clauses repeat, one per new doer and act repeated."""
    echoed: list[Draft] = []
    for verb in sent:
        marker = _echo_marker(verb, knowledge)
        if marker is None:
            continue
        acts = _acts_repeated(verb, drafts, acts_before)
        for act in acts:
            _, mode = act_code(
                verb, act.pattern, knowledge.cues, knowledge.conventions, SourceFinding(SourceHow.SUBJECT)
            )
            why = f"{act.rule}; repeated by '{verb.text} {marker.text}': the act of '{act.trigger.text}'"
            for doer in _new_doers(verb, act, context, knowledge):
                # the act's target doing the same returns it ("Britain did the same")
                target = act.source if act.target is not None and doer.country == act.target.country else act.target
                echoed.append(
                    replace(
                        act,
                        trigger=verb,
                        source=doer,
                        target=target,
                        mode=mode,
                        source_found=SourceFinding(SourceHow.SUBJECT),
                        governor=None,
                        rule=why,
                    )
                )
    return echoed


def _new_doers(verb: Token, act: Draft, context: ArticleActors, knowledge: Knowledge) -> list[Actor]:
    """The echo's doers who may do the act, other than its own: states, their institutions and
    international bodies, not people on their own account ("Peruvian fans did the same")."""
    cues, conventions = knowledge.cues, knowledge.conventions
    subjects = [s for s in verb.children if s.dep_ in SUBJECT_DEPS and can_act(s, context, cues.agentive_nouns)]
    return [
        doer
        for subject in subjects
        for doer in resolve_all(subject, context)
        if _another_doer(doer, act.source) and doer.sector not in conventions.private_sectors
    ]


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
    """ "as did Cuba", "so did Peru": the marker before the verb and its doer after. After the verb,
    "so" is a pronoun for an act ("Peru did so"), too loose to say which one."""
    return marker.i < verb.i and any(c.dep_ in SUBJECT_DEPS and c.i > verb.i for c in verb.children)


def _acts_repeated(verb: Token, drafts: list[Draft], acts_before: Sequence[Draft]) -> list[Draft]:
    """The acts an echo repeats: those of its own sentence outside the echo clause ("condemned the
    coup, as did Cuba"), else those of the sentence just before; of these, the acts of the clause
    highest in the sentence ("cut ties with Qatar, accusing it of …": the cutting), once per code and
    target."""
    own = [d for d in drafts if not verb.is_ancestor(d.trigger) and d.trigger.i != verb.i] or list(acts_before)
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


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)

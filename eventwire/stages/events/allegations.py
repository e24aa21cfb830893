"""Accusations that reported speech makes: "Sudan said Egypt was arming the rebels" does not report
Egypt arming anyone, it is Sudan accusing Egypt (CAMEO codes an allegation as the act of the one who
makes it)."""

from __future__ import annotations

from ...knowledge import Knowledge, VerbPattern
from ...records import Actor
from ..actors import ArticleActors
from .draft import Draft, TargetFinding, TargetHow
from .modes import mode_and_intent
from .sources import speaker_of
from .syntax import reporting_verb


def with_allegations(drafts: list[Draft], context: ArticleActors, knowledge: Knowledge) -> list[Draft]:
    """The drafts, with backing that one state is said to give another's rebels or opposition
    (subversion_roots), in that state's own words, told as its accusation instead: one accusation per
    speaker, accused state and verb of speech."""
    cues, conventions = knowledge.cues, knowledge.conventions
    kept: list[Draft] = []
    accusations: dict[tuple[str | None, str | None, int], Draft] = {}
    for draft in drafts:
        reporter = reporting_verb(draft.trigger, cues) if _subversion(draft, knowledge) else None
        if reporter is None:
            kept.append(draft)
            continue
        speakers, found = speaker_of(draft.trigger, context, cues)
        accusers = [s for s in speakers if _accuses(s, draft, knowledge)]
        if not accusers:
            kept.append(draft)
            continue
        code = conventions.accusation_code
        mode, _ = mode_and_intent(reporter, cues)
        pattern = VerbPattern(reporter.lemma_.lower(), "VERB", code, "data/cameo/conventions.yaml: accusation_code")
        rule = f"{draft.rule}; told by the state whose opponents it backs: its allegation against the doer -> {code}"
        for speaker in accusers:
            accusation = Draft(
                reporter,
                pattern,
                code,
                speaker,
                draft.source,
                mode,
                rule,
                found,
                target_found=TargetFinding(TargetHow.ALLEGED_DOER),
            )
            accusations.setdefault((speaker.country, draft.source.country, reporter.i), accusation)
    return kept + list(accusations.values())


def _subversion(draft: Draft, knowledge: Knowledge) -> bool:
    """Backing, cooperation or aid (not denied, not merely supposed) that a state gives another
    state's rebels or opposition."""
    conventions = knowledge.conventions
    doer, backed = draft.source, draft.target
    return (
        draft.mode not in ("negated", "hypothetical")
        and backed is not None
        and backed.sector in conventions.non_state_sides
        and draft.code[:2] in conventions.subversion_roots
        and _a_state(doer, knowledge)
    )


def _accuses(speaker: Actor, draft: Draft, knowledge: Knowledge) -> bool:
    """Whether the speaker is the state whose opponents are backed (or one of its branches), and not
    the backer (a newspaper of that state accuses no one: "The Washington Post reported")."""
    assert draft.target is not None
    return _a_state(speaker, knowledge) and speaker.country == draft.target.country != draft.source.country


def _a_state(actor: Actor, knowledge: Knowledge) -> bool:
    """A branch of a state, or a state named bare."""
    if actor.country in (None, "IGO"):
        return False
    if actor.sector is not None:
        return actor.sector in knowledge.conventions.state_sectors
    return any(entry.kind == "country" for entry in knowledge.actors.get(actor.text.lower(), ()))

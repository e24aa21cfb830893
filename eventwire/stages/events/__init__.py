"""Events: find CAMEO triggers in a parsed sentence and attach source and target actors.

A trigger is a verb or noun whose lemma has a pattern in the verb dictionary. The source
is the clause's subject (through passives, relative clauses, coordinated and embedded
verbs, and the speaker of reported speech); the target is the slot the pattern names.
Nothing is coded unless the source is a known actor and the target is known or the
pattern needs none: a missed event costs less than an invented one.

The stage, module by module (each imports only those above it):

- `syntax`: dependency-tree helpers (subjects, objects, clause chains) shared by all;
- `draft`: the `Draft` record an event is before ids, dates and places are attached;
- `triggers`: which word is an event (verb patterns, noun events, sport reports);
- `clauses`: clauses that are the content of a noun, a proposal or a permission;
- `act_places`: where an act happened;
- `slots`: the target in the slot a pattern names;
- `sources`: the doer, and the named strategies that stand in when none is named;
- `targets`: the strategies that find a target no slot holds;
- `modes`: asserted, planned, negated or hypothetical, and stated intents;
- `codes`: the code an act gets from its weapons, movers and mode;
- `governors`: acts coded through the word governing them (threats, refusals, demands);
- `sentence`: the driver that codes one sentence.

The CAMEO conventions they apply (which roots are hostile, which sectors have no army, which
codes a recode rewrites) are data, not code: `knowledge.conventions`, read from
`data/cameo/conventions.yaml`.
"""

from .clauses import content_of_a_noun
from .draft import Draft, SourceFinding, SourceHow, TargetFinding, TargetHow
from .governors import embedding_governor
from .modes import mode_and_intent
from .sentence import code_sentence, other_side_of_visit
from .slots import target_actors
from .sources import source_heads
from .syntax import clause_chain, reporting_verb
from .triggers import TokenIndex, find_pattern, is_about_sport

__all__ = [
    "other_side_of_visit",
    "Draft",
    "SourceFinding",
    "SourceHow",
    "TargetFinding",
    "TargetHow",
    "TokenIndex",
    "clause_chain",
    "code_sentence",
    "content_of_a_noun",
    "embedding_governor",
    "find_pattern",
    "is_about_sport",
    "mode_and_intent",
    "reporting_verb",
    "source_heads",
    "target_actors",
]

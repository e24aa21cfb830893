"""Verb, noun and adjective patterns (data/cameo/verbs.yaml and user dictionaries): how an entry is
read, checked and narrowed, and which of a word's patterns a later file takes back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .cues import Cues
from .datafiles import _check_code
from .errors import KnowledgeError
from .records import CameoCode

TARGET_SLOTS = (
    "dobj",
    "dative",
    "ccomp_subject",
    "ccomp_passive_subject",
    "xcomp_object",
    "complement",
    "condition_subject",
    "told",
    "attr",
    "agent",
    "subject",
    "reaction_subject",
)
PATTERN_KEYS = {
    "lemma",
    "code",
    "particle",
    "object",
    "targets",
    "intent_code",
    "no_target",
    "symmetric",
    "source_sector",
    "transitive",
    "predicate",
    "infinitive",
    "own_government",
    "passive_source",
    "doer",
    "note",
    "withdrawn",
    "__line__",
}


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A verb or noun pattern that triggers a CAMEO event; see data/cameo/verbs.yaml."""

    lemma: str
    pos: str  # VERB, NOUN or ADJ (a predicate adjective or participle of feeling, keyed by the written word)
    code: str
    origin: str
    particle: str | None = None
    object: str | None = None
    targets: tuple[str, ...] = ("dobj",)
    intent_code: str | None = None
    no_target: bool = False
    symmetric: bool = False
    source_sector: str | None = None
    transitive: bool = False  # only with a direct object ("returned the land", not "returned to Geneva")
    # a cue list the verb's object predicate must name ("called the verdict unacceptable")
    predicate: str | None = None
    # the verb of a to-infinitive it must govern ("ordered the envoy to leave", "gave them a week to leave")
    infinitive: str | None = None
    # with no target named, aimed at the government of the doers' own state, as a protest is ("seized power")
    own_government: bool = False
    # where an agentless passive names its doer ("was summoned to the Russian foreign ministry")
    passive_source: tuple[str, ...] = ()
    # where a noun names its doer besides a possessor or "by" ("the mediation of Qatar")
    doer: tuple[str, ...] = ()
    precedence: int = 0  # files read later rank higher

    @property
    def rank(self) -> tuple[int, int, int, int]:
        """Order of trial: the more specific pattern (object, particle, needing an object), then the
        later file ("force out" of verbs.yaml over "force refugee" of the converted dictionary), then
        an object over a particle ("paid compensation for" over "pay for")."""
        return (
            (self.object is not None)
            + (self.particle is not None)
            + self.transitive
            + (self.predicate is not None)
            + (self.infinitive is not None),
            self.precedence,
            self.object is not None,
            self.particle is not None,
        )


def require(entry: dict[str, Any], key: str, where: str, nullable: bool = False) -> Any:
    """A key that must be written; a `nullable` one may be written as null."""
    if key not in entry or entry[key] == "" or (entry[key] is None and not nullable):
        raise KnowledgeError(f"{where}: entry has no '{key}'; add it.")
    return entry[key]


def one_per_word(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """An entry listing several lemmas or objects ("lemma: [capture, retake]", "object: [town,
    village]") is one pattern per combination."""
    singles = [entry]
    for key in ("lemma", "object"):
        if isinstance(entry.get(key), list):
            singles = [{**one, key: word} for one in singles for word in entry[key]]
    return singles


def yaml_pattern(
    entry: dict[str, Any], pos: str, where: str, knowledge_codes: Mapping[str, CameoCode], precedence: int
) -> VerbPattern:
    unknown = set(entry) - PATTERN_KEYS
    if unknown:
        raise KnowledgeError(
            f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(PATTERN_KEYS - {'__line__'})}."
        )
    targets = tuple(entry.get("targets") or ("dobj",))
    passive_source = tuple(entry.get("passive_source") or ())
    doer = tuple(entry.get("doer") or ())
    for slot in (*targets, *passive_source, *doer):
        if slot not in TARGET_SLOTS and not str(slot).startswith("prep:"):
            raise KnowledgeError(f"{where}: target slot '{slot}' unknown; use one of {TARGET_SLOTS} or prep:WORD.")
    for word_key in ("particle", "object", "infinitive"):
        if word_key in entry and not isinstance(entry[word_key], str):
            # YAML reads a bare on/off/yes/no as a boolean
            raise KnowledgeError(
                f'{where}: {word_key} must be a word or, for object, a list of words; quote it ({word_key}: "on").'
            )
    intent = entry.get("intent_code")
    return VerbPattern(
        lemma=str(require(entry, "lemma", where)).lower(),
        pos=pos,
        code=_check_code(require(entry, "code", where), where, knowledge_codes),
        origin=where,
        particle=entry.get("particle"),
        object=entry.get("object"),
        targets=targets,
        intent_code=_check_code(intent, where, knowledge_codes) if intent else None,
        no_target=bool(entry.get("no_target", False)),
        symmetric=bool(entry.get("symmetric", False)),
        source_sector=entry.get("source_sector"),
        transitive=bool(entry.get("transitive", False)),
        predicate=entry.get("predicate"),
        infinitive=entry.get("infinitive"),
        own_government=bool(entry.get("own_government", False)),
        passive_source=passive_source,
        doer=doer,
        precedence=precedence,
    )


Narrowing = tuple[str | None, str | None, str | None, str | None]


def narrowing(entry: Mapping[str, Any]) -> Narrowing:
    """What tells a word's patterns apart: its particle, object, predicate list and infinitive."""
    return (entry.get("particle"), entry.get("object"), entry.get("predicate"), entry.get("infinitive"))


def drop_shadowed(word: dict[Narrowing, VerbPattern], general: VerbPattern) -> None:
    """A later file's pattern with no object takes back an earlier file's patterns of the same word,
    particle and code that only name objects: they said nothing it does not, and would outrank it with
    their own slots (PETRARCH's "condemn the raid" reads a target on "on", "to" and "with", not the
    act condemned)."""
    if general.object is not None or general.predicate is not None or general.infinitive is not None:
        return
    for key, narrow in list(word.items()):
        if (
            narrow.precedence < general.precedence
            and narrow.object is not None
            and (narrow.particle, narrow.code) == (general.particle, general.code)
        ):
            del word[key]


def check_predicates(patterns: Mapping[tuple[str, str], tuple[VerbPattern, ...]], cues: Cues) -> None:
    """A pattern's `predicate` names a word list of cues.yaml."""
    lists = {f.name for f in fields(Cues) if f.type in ("frozenset[str]", frozenset[str])}
    for pattern in (p for group in patterns.values() for p in group if p.predicate):
        if pattern.predicate not in lists:
            raise KnowledgeError(
                f"{pattern.origin}: predicate '{pattern.predicate}' is not a word list of data/cues.yaml; "
                f"use one of its keys, e.g. disapproving_words."
            )

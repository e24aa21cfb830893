"""Cues: the English words the coder's grammar reads (data/cues.yaml), one field per list, read
field by field from the key of the same name and checked on load."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any, get_type_hints

import yaml

from .datafiles import _SAFE_LOADER, _check_code, _data_path
from .errors import KnowledgeError
from .records import CameoCode


@dataclass(frozen=True, slots=True)
class Embedding:
    """How a governing word codes the act in its complement: `code`, refined by that act's root."""

    code: str | None  # None: acts of roots not in `by_root` keep their own code
    by_root: Mapping[str, str]

    def code_for(self, embedded_code: str) -> str:
        for key in (embedded_code, embedded_code[:3]):  # the most specific key first
            if key in self.by_root:
                return self.by_root[key]
        return self.by_root.get(embedded_code[:2], self.code or embedded_code)


@dataclass(frozen=True, slots=True)
class Cues:
    """Grammatical cue words: mode, reported speech, noun events; see data/cues.yaml.

    Each field is read from the cues.yaml key of its name (a frozenset[str] from a list of
    words; the other types by `_CUE_READERS`): a new list is one field here, one key there."""

    negating_governors: frozenset[str]
    planning_governors: frozenset[str]
    planning_nouns: frozenset[str]
    future_auxiliaries: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    polite_wishes: frozenset[str]
    stative_passives: frozenset[str]
    defiance_nouns: frozenset[str]
    document_nouns: frozenset[str]
    negating_determiners: frozenset[str]
    reporting_verbs: frozenset[str]
    intent_governors: frozenset[str]
    light_verbs: frozenset[str]
    event_prepositions: frozenset[str]
    agentive_nouns: frozenset[str]
    embedding_governors: Mapping[str, Embedding]
    plain_future: Embedding
    sports_words: frozenset[str]
    vote_words: frozenset[str]
    relational_nouns: frozenset[str]
    partitive_nouns: frozenset[str]
    locative_prepositions: frozenset[str]
    obligation_auxiliaries: frozenset[str]
    advisory_auxiliaries: frozenset[str]
    home_institutions: frozenset[str]
    ruling_institutions: frozenset[str]
    ruling_words: frozenset[str]
    former_words: frozenset[str]
    alliance_nouns: frozenset[str]
    count_words: Mapping[str, int]  # "three" -> 3: "the three countries" stands for a list of three
    score_pattern: re.Pattern[str]
    member_words: frozenset[str]
    outsider_roles: frozenset[str]
    foreign_missions: frozenset[str]  # a state's missions abroad: no home of institutions named after
    remembered_group_sectors: frozenset[str]  # sectors of groups a bare role word stands for once named
    civil_war_sides: frozenset[str]  # sectors of the sides of a war within one state
    camp_nouns: frozenset[str]
    instruments: Mapping[str, str]  # weapon word or word pair -> CAMEO code
    act_noun_verbs: Mapping[str, str]  # act noun -> the verb it names ("expulsion" -> "expel")
    exchange_words: frozenset[str]  # a release in an exchange frees the other side's people
    act_noun_suffixes: frozenset[str]  # endings that make a verb's act noun ("extradit-ion", "seiz-ure")
    role_kinds: Mapping[str, tuple[str, ...]]  # a role word -> the roles it may stand for
    occurrence_verbs: frozenset[str]
    participation_verbs: frozenset[str]
    non_place_nouns: frozenset[str]
    peacekeeping_words: frozenset[str]
    gathering_verbs: frozenset[str]
    journey_verbs: frozenset[str]
    arrival_verbs: frozenset[str]
    homeward_words: frozenset[str]
    return_verbs: frozenset[str]
    capacity_verbs: frozenset[str]
    pair_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    echo_verbs: frozenset[str]
    echo_markers: frozenset[str]
    inverting_echo_markers: frozenset[str]
    unidentified_doers: frozenset[str]
    unidentified_people: frozenset[str]
    unidentifying_words: frozenset[str]
    violence_nouns: frozenset[str]
    natural_event_nouns: frozenset[str]
    meeting_nouns: frozenset[str]
    adjective_senses: frozenset[str]
    statement_act_nouns: frozenset[str]
    reaction_verbs: frozenset[str]
    expelling_words: frozenset[str]
    blaming_words: frozenset[str]
    arriving_forces: frozenset[str]
    person_owner_pronouns: frozenset[str]
    shared_owner_pronouns: frozenset[str]
    military_rulers: frozenset[str]
    short_state_names: frozenset[str]
    result_words: frozenset[str]
    honorifics: frozenset[str]
    guest_words: frozenset[str]
    host_nouns: frozenset[str]
    place_nouns: frozenset[str]
    home_lands: frozenset[str]
    utility_modifiers: frozenset[str]
    reciprocal_pronouns: frozenset[str]
    harm_clause_markers: frozenset[str]
    distributive_words: frozenset[str]
    question_markers: frozenset[str]
    telling_verbs: frozenset[str]
    origin_nouns: frozenset[str]
    non_actor_nouns: frozenset[str]
    statement_nouns: frozenset[str]
    content_nouns: frozenset[str]
    means_nouns: frozenset[str]
    military_installations: frozenset[str]
    condition_nouns: frozenset[str]
    affiliation_prefixes: frozenset[str]
    affiliation_suffixes: frozenset[str]
    relative_pronouns: frozenset[str]
    demonstrative_pronouns: frozenset[str]
    group_possessives: frozenset[str]
    attempt_nouns: frozenset[str]
    border_words: frozenset[str]
    same_act_markers: frozenset[str]
    owner_prepositions: frozenset[str]
    promise_nouns: frozenset[str]
    aiming_prepositions: frozenset[str]
    condition_markers: frozenset[str]
    pending_markers: frozenset[str]
    sequence_prepositions: frozenset[str]
    instrument_prepositions: frozenset[str]
    weapon_object_verbs: frozenset[str]
    fight_nouns: frozenset[str]
    fight_setting_prepositions: frozenset[str]
    accusing_verbs: frozenset[str]
    mutual_governors: frozenset[str]
    fight_prepositions: frozenset[str]
    sending_verbs: frozenset[str]
    defied_prepositions: frozenset[str]
    crowd_numbers: frozenset[str]
    permitting_verbs: frozenset[str]
    rejecting_verbs: frozenset[str]
    plain_bomb_words: frozenset[str]
    disapproving_words: frozenset[str]
    approving_words: frozenset[str]
    proposal_nouns: frozenset[str]
    state_nouns: frozenset[str]
    loyalty_adjectives: frozenset[str]
    flight_verbs: frozenset[str]
    conflict_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    group_object_pronouns: frozenset[str]
    projectiles: frozenset[str]
    relation_states: frozenset[str]
    act_nouns: frozenset[str]
    generic_act_nouns: frozenset[str]
    organisation_nouns: frozenset[str]
    body_nouns: frozenset[str]
    military_act_nouns: frozenset[str]
    threatening_conditions: frozenset[str]
    open_conditions: frozenset[str]


def _embedding(spec: dict[str, Any], codes: Mapping[str, CameoCode], label: str) -> Embedding:
    where = f"{label}:{spec.get('__line__', '?')}"
    by_root = {str(k): _check_code(v, where, codes) for k, v in (spec.get("by_root") or {}).items() if k != "__line__"}
    code = _check_code(spec["code"], where, codes) if spec.get("code") else None
    return Embedding(code, MappingProxyType(by_root))


def _embeddings(specs: dict[str, Any], codes: Mapping[str, CameoCode], label: str) -> Mapping[str, Embedding]:
    return MappingProxyType(
        {str(lemma): _embedding(spec, codes, label) for lemma, spec in specs.items() if lemma != "__line__"}
    )


def _instruments(specs: dict[str, Any], codes: Mapping[str, CameoCode], label: str) -> Mapping[str, str]:
    where = f"{label}:{specs.get('__line__', '?')}"
    return MappingProxyType(
        {str(words).lower(): _check_code(code, where, codes) for words, code in specs.items() if words != "__line__"}
    )


def _word_pairs(specs: dict[str, Any], codes: Mapping[str, CameoCode], label: str) -> Mapping[str, str]:
    where = f"{label}:{specs.get('__line__', '?')}"
    odd = [k for k, v in specs.items() if k != "__line__" and not (isinstance(k, str) and isinstance(v, str))]
    if odd:
        raise KnowledgeError(f"{where}: {odd!r} is not a word -> word pair; write noun: verb.")
    return MappingProxyType({k.lower(): v.lower() for k, v in specs.items() if k != "__line__"})


def _word_counts(specs: dict[str, Any], codes: Mapping[str, CameoCode], label: str) -> Mapping[str, int]:
    where = f"{label}:{specs.get('__line__', '?')}"
    counts = {k: v for k, v in specs.items() if k != "__line__"}
    odd = [k for k, v in counts.items() if not isinstance(k, str) or not isinstance(v, int) or isinstance(v, bool)]
    if odd:
        raise KnowledgeError(f"{where}: {odd!r} is not a word -> number entry; write three: 3.")
    return MappingProxyType({k.lower(): v for k, v in counts.items()})


def _word_kinds(specs: dict[str, Any], codes: Mapping[str, CameoCode], label: str) -> Mapping[str, tuple[str, ...]]:
    where = f"{label}:{specs.get('__line__', '?')}"
    kinds = {k: v for k, v in specs.items() if k != "__line__"}
    odd = [
        k
        for k, v in kinds.items()
        if not isinstance(k, str) or not isinstance(v, list) or not all(isinstance(w, str) for w in v)
    ]
    if odd:
        raise KnowledgeError(f"{where}: {odd!r} is not a word -> [words] entry; write word: [word, word].")
    return MappingProxyType({k.lower(): tuple(w.lower() for w in v) for k, v in kinds.items()})


def _score_pattern(pattern: Any, codes: Mapping[str, CameoCode], label: str) -> re.Pattern[str]:
    try:
        return re.compile(str(pattern or r"(?!)"))  # an empty pattern would match every sentence
    except re.error as err:
        raise KnowledgeError(f"{label}: score_pattern is not a regular expression ({err}); fix it.") from err


# Cues fields that are not word lists, each with its reader (value, code table, file label)
_CUE_READERS: dict[str, Callable[[Any, Mapping[str, CameoCode], str], Any]] = {
    "embedding_governors": _embeddings,
    "plain_future": _embedding,
    "instruments": _instruments,
    "act_noun_verbs": _word_pairs,
    "role_kinds": _word_kinds,
    "count_words": _word_counts,
    "score_pattern": _score_pattern,
}


_CUE_HEADER = frozenset({"source", "license", "version", "__line__"})  # cues.yaml's own keys, not cues


def _cue_words(items: Any, where: str) -> frozenset[str]:
    if not isinstance(items, list):
        raise KnowledgeError(f"{where} is {items!r}, not a list; write it as [word, word, ...].")
    odd = [w for w in items if not isinstance(w, str)]
    if odd:
        # YAML reads bare on/off/yes/no as booleans: "on" would silently become "true"
        raise KnowledgeError(f'{where} holds {odd!r}, not words; write a list of words and quote them ("on").')
    return frozenset(w.lower() for w in items)


def _key_lines(path: Path) -> dict[str, int]:
    """The line of each top-level key, for errors (the loaded mapping keeps only its own line)."""
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    return {key.value: key.start_mark.line + 1 for key, _ in root.value}


def _cues(data: dict[str, Any], codes: Mapping[str, CameoCode], path: Path | None = None) -> Cues:
    """Every field of Cues from the key of its name in `data`, read from `path` (the bundled cues.yaml)."""
    label = str(path) if path else "data/cues.yaml"
    lines = _key_lines(path or _data_path("cues.yaml"))
    names = [f.name for f in fields(Cues)]
    types = get_type_hints(Cues)  # the annotations are strings under `from __future__ import annotations`
    for key in data:
        if key not in names and key not in _CUE_HEADER:
            raise KnowledgeError(
                f"{label}:{lines.get(key, '?')}: unknown key '{key}'; fix its spelling, "
                f"or add a field '{key}' to Cues in eventwire/cues.py."
            )
    values = {}
    for name in names:
        if name not in data:
            raise KnowledgeError(
                f"{label}: no '{name}:' key, which Cues.{name} in eventwire/cues.py needs; add it, or drop the field."
            )
        if name in _CUE_READERS:
            values[name] = _CUE_READERS[name](data[name], codes, label)
        elif types[name] == frozenset[str]:
            values[name] = _cue_words(data[name], f"{label}:{lines.get(name, '?')}: {name}")
        else:
            raise TypeError(f"Cues.{name}: no reader for {types[name]}; add one to _CUE_READERS.")
    return Cues(**values)

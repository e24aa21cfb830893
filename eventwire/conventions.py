"""The CAMEO conventions the event coder applies, read from data/cameo/conventions.yaml: which
roots are hostile, which codes only a state's acts have, which sectors have no army, and the
recodes that rewrite an act's code for who does it to whom.

Every name the coder reads is a field of `Conventions`; the file must give each one, and no
other, with a note and an example. Codes, roots and sectors are checked on load: a bad one
raises KnowledgeError naming the file and the line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from .errors import KnowledgeError
from .records import Actor, CameoCode

Condition = Callable[[Actor, Actor | None, frozenset[str]], bool]


# The conditions a recode's `when` may name; the two on the source's sector name a sector set
CONDITIONS: Mapping[str, Condition] = MappingProxyType(
    {
        "source_sector_in": lambda source, target, sectors: source.sector in sectors,
        "source_sector_not_in": lambda source, target, sectors: source.sector not in sectors,
        "target_sector_in": lambda source, target, sectors: target is not None and target.sector in sectors,
        "target_same_state": lambda source, target, _: target is not None and target.country == source.country,
        "target_igo": lambda source, target, _: target is not None and target.country == "IGO",
    }
)


SECTOR_CONDITIONS = frozenset({"source_sector_in", "source_sector_not_in", "target_sector_in"})


@dataclass(frozen=True, slots=True)
class Recode:
    """One rule of `recodes`: `old` (and, with `subcodes`, every code under it) becomes `new`
    when `condition` holds for the source and target."""

    old: str
    new: str
    condition: str
    sectors: frozenset[str]  # the sector set a source_sector condition names; empty for the others
    subcodes: bool
    origin: str  # file:line

    def applies(self, code: str, source: Actor, target: Actor | None) -> bool:
        matches = code.startswith(self.old) if self.subcodes else code == self.old
        return matches and CONDITIONS[self.condition](source, target, self.sectors)


def _from(section: str) -> Any:
    """A field read from one section of the file, under the field's own name."""
    return field(metadata={"section": section})


@dataclass(frozen=True, slots=True)
class Conventions:
    """CAMEO conventions the event coder applies; see data/cameo/conventions.yaml for why each holds."""

    threat_root: str = _from("roots")
    appeal_root: str = _from("roots")
    protest_root: str = _from("roots")
    demand_root: str = _from("roots")
    assault_root: str = _from("roots")
    intent_root: str = _from("roots")
    place_target_roots: frozenset[str] = _from("root_sets")
    hostile_roots: frozenset[str] = _from("root_sets")
    conflict_roots: frozenset[str] = _from("root_sets")
    shared_act_roots: frozenset[str] = _from("root_sets")
    yielding_roots: frozenset[str] = _from("root_sets")
    interstate_roots: frozenset[str] = _from("root_sets")
    addressed_roots: frozenset[str] = _from("root_sets")
    force_roots: frozenset[str] = _from("root_sets")
    repressing_roots: frozenset[str] = _from("root_sets")
    venue_roots: frozenset[str] = _from("root_sets")
    voiced_roots: frozenset[str] = _from("root_sets")
    motivated_roots: frozenset[str] = _from("root_sets")
    state_only_roots: frozenset[str] = _from("root_sets")
    intended_roots: frozenset[str] = _from("root_sets")
    threatened_roots: frozenset[str] = _from("root_sets")
    judging_roots: frozenset[str] = _from("root_sets")
    said_of_roots: frozenset[str] = _from("root_sets")
    own_state_roots: frozenset[str] = _from("root_sets")
    military_roots: frozenset[str] = _from("root_sets")
    subversion_roots: frozenset[str] = _from("root_sets")
    own_act_roots: frozenset[str] = _from("root_sets")
    given_roots: frozenset[str] = _from("root_sets")
    bilateral_roots: frozenset[str] = _from("root_sets")
    home_roots: frozenset[str] = _from("root_sets")
    meeting_codes: frozenset[str] = _from("code_sets")
    demand_code: str = _from("codes")
    visit_code: str = _from("codes")
    venue_meeting_code: str = _from("codes")
    host_code: str = _from("codes")
    mediation_code: str = _from("codes")
    aid_intent_code: str = _from("codes")
    agreement_code: str = _from("codes")
    rallying_code: str = _from("codes")
    rallying_against_code: str = _from("codes")
    accusation_code: str = _from("codes")
    called_off_protest_code: str = _from("codes")
    shelling_code: str = _from("codes")
    aerial_code: str = _from("codes")
    peacekeeping_code: str = _from("codes")
    peacekeepers_withdrawn_code: str = _from("codes")
    hosted_meeting_codes: frozenset[str] = _from("code_sets")
    military_codes: frozenset[str] = _from("code_sets")
    spoken_codes: frozenset[str] = _from("code_sets")
    backing_codes: frozenset[str] = _from("code_sets")
    population_codes: frozenset[str] = _from("code_sets")
    crowd_control_codes: frozenset[str] = _from("code_sets")
    leadership_change_codes: frozenset[str] = _from("code_sets")
    generic_force_codes: frozenset[str] = _from("code_sets")
    movement_codes: frozenset[str] = _from("code_sets")
    withdrawal_codes: frozenset[str] = _from("code_sets")
    state_only_codes: frozenset[str] = _from("code_sets")
    custody_codes: frozenset[str] = _from("code_sets")
    police_codes: frozenset[str] = _from("code_sets")
    attacker_only_codes: frozenset[str] = _from("code_sets")
    unidentified_sector: str = _from("sectors")
    people_sector: str = _from("sectors")
    government_sector: str = _from("sectors")
    police_sector: str = _from("sectors")
    party_sector: str = _from("sectors")
    organisation_sector: str = _from("sectors")
    military_sector: str = _from("sectors")
    irregular_sectors: frozenset[str] = _from("sector_sets")
    crowd_sectors: frozenset[str] = _from("sector_sets")  # read by a recode
    armed_sectors: frozenset[str] = _from("sector_sets")  # read by a recode
    arms_bearing_sectors: frozenset[str] = _from("sector_sets")  # read by a recode
    police_sectors: frozenset[str] = _from("sector_sets")  # read by a recode
    commercial_sectors: frozenset[str] = _from("sector_sets")
    private_sectors: frozenset[str] = _from("sector_sets")
    state_sectors: frozenset[str] = _from("sector_sets")
    organised_non_state_sectors: frozenset[str] = _from("sector_sets")
    non_state_sides: frozenset[str] = _from("sector_sets")
    ruling_sectors: frozenset[str] = _from("sector_sets")
    party_sectors: frozenset[str] = _from("sector_sets")
    recodes_before_weapons: tuple[Recode, ...] = _from("recodes")
    recodes_after_weapons: tuple[Recode, ...] = _from("recodes")

    def recode(self, code: str, source: Actor, target: Actor | None, *, after_weapons: bool) -> str:
        """`code` rewritten by the recodes of one phase (before or after the weapons an act names
        refine it), in their order: each sees the code the ones before it left. A state named bare is
        read as its government, as the coder codes it once the code is set."""
        if target is not None and target.sector is None and target.country not in (None, "IGO"):
            target = replace(target, sector=self.government_sector)
        for rule in self.recodes_after_weapons if after_weapons else self.recodes_before_weapons:
            if rule.applies(code, source, target):
                code = rule.new
        return code


# Each section of single names or of sets: the kind of value (a root, a code or a sector) and
# whether its entries are sets; an entry holds its value under the kind's name ("root", "roots")
SECTIONS = {
    "roots": ("root", False),
    "root_sets": ("root", True),
    "codes": ("code", False),
    "code_sets": ("code", True),
    "sectors": ("sector", False),
    "sector_sets": ("sector", True),
}


RECODE_PHASES = ("before_weapons", "after_weapons")


HEADER_KEYS = ("source", "license", "version")


RECODE_KEYS = frozenset({"from", "to", "when", "subcodes", "note", "example"})


@dataclass(frozen=True, slots=True)
class _Check:
    """Checks the values of the file `label` against the code table and the sector list."""

    label: str
    codes: Mapping[str, CameoCode]
    sectors: frozenset[str]

    def one(self, kind: str, value: Any, where: str) -> str:
        """A root, code or sector, returned as written if it is one."""
        if kind == "sector" and (not isinstance(value, str) or value not in self.sectors):
            raise KnowledgeError(
                f"{where}: sector {value!r} is not in data/actors/sectors.tsv; fix it or add it there."
            )
        if kind != "sector" and (not isinstance(value, str) or value not in self.codes):
            # unquoted, YAML reads 053 as the number 43
            raise KnowledgeError(f'{where}: {kind} {value!r} is not in data/cameo/codes.tsv; fix it (quote it: "053").')
        if kind == "root" and len(value) != 2:
            raise KnowledgeError(f'{where}: {value!r} is a code, not a root; write the root\'s two digits ("18").')
        return value


def conventions_of(
    data: dict[str, Any], label: str, codes: Mapping[str, CameoCode], sectors: frozenset[str]
) -> Conventions:
    """The conventions of the parsed file `label` (read with knowledge.read_yaml, which records
    each mapping's line), every name, code, root and sector checked."""
    unknown = set(data) - set(HEADER_KEYS) - set(SECTIONS) - {"recodes", "__line__"}
    if unknown:
        raise KnowledgeError(
            f"{label}: unknown section(s) {sorted(unknown)}; allowed: {sorted(set(SECTIONS) | {'recodes'})}."
        )
    for key in HEADER_KEYS:
        if key not in data:
            raise KnowledgeError(f"{label}: missing '{key}:' at the top; say where the conventions come from.")
    check = _Check(label, codes, sectors)
    values: dict[str, Any] = {}
    for section in SECTIONS:
        values.update(_section(data, section, check))
    sector_sets = {f.name: values[f.name] for f in fields(Conventions) if f.metadata["section"] == "sector_sets"}
    values.update(_recodes(data, check, sector_sets))
    return Conventions(**values)


def _named(data: dict[str, Any], section: str, names: set[str], label: str) -> dict[str, Any]:
    """The entries of a section, which must give every name of `names` and no other."""
    entries = data.get(section)
    if not isinstance(entries, dict):
        raise KnowledgeError(f"{label}: no section '{section}:' of named entries; add it (see the file's header).")
    given = {name: entry for name, entry in entries.items() if name != "__line__"}
    if unknown := sorted(set(given) - names):
        raise KnowledgeError(
            f"{_where(label, given[unknown[0]], entries['__line__'])}: {section} has unknown "
            f"name(s) {unknown}; the coder reads only {sorted(names)}."
        )
    if missing := sorted(names - set(given)):
        raise KnowledgeError(
            f"{label}:{entries['__line__']}: {section} lacks {missing}; add them, each with a note and an example."
        )
    return given


def _where(label: str, entry: Any, fallback: Any = "?") -> str:
    """file:line of an entry: a mapping records its line, anything else has none of its own."""
    return f"{label}:{entry.get('__line__', fallback) if isinstance(entry, dict) else fallback}"


def _keys(entry: Any, allowed: frozenset[str], required: frozenset[str], where: str) -> None:
    """An entry is a mapping of the allowed keys, with every required one written."""
    if not isinstance(entry, dict):
        raise KnowledgeError(f"{where}: expected a mapping with {sorted(required)}.")
    if unknown := set(entry) - allowed - {"__line__"}:
        raise KnowledgeError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}.")
    for key in sorted(required):
        if entry.get(key) in (None, "", []):
            raise KnowledgeError(f"{where}: entry has no '{key}'; add it.")


def _section(data: dict[str, Any], section: str, check: _Check) -> dict[str, Any]:
    """The values of one section of single names or of sets; a set may name a set above it in
    its section, meaning that set's members."""
    kind, is_set = SECTIONS[section]
    key = kind + "s" if is_set else kind
    keys = frozenset({key, "note", "example"})
    names = {f.name for f in fields(Conventions) if f.metadata["section"] == section}
    values: dict[str, Any] = {}
    for name, entry in _named(data, section, names, check.label).items():
        where = _where(check.label, entry)
        _keys(entry, keys, keys, where)
        raw = entry[key]
        if not is_set:
            values[name] = check.one(kind, raw, where)
        elif not isinstance(raw, list):
            raise KnowledgeError(f"{where}: {key} must be a list ({key}: [...]).")
        else:
            values[name] = frozenset(
                member
                for value in raw
                for member in (
                    values[value] if isinstance(value, str) and value in values else (check.one(kind, value, where),)
                )
            )
    return values


def _recodes(
    data: dict[str, Any], check: _Check, sector_sets: Mapping[str, frozenset[str]]
) -> dict[str, tuple[Recode, ...]]:
    """Each phase's recodes, in the order written."""
    phases = _named(data, "recodes", set(RECODE_PHASES), check.label)
    values = {}
    for phase, rules in phases.items():
        if not isinstance(rules, list):
            raise KnowledgeError(
                f"{check.label}:{data['recodes']['__line__']}: recodes.{phase} must be a list of rules."
            )
        values[f"recodes_{phase}"] = tuple(_recode(rule, check, sector_sets) for rule in rules)
    return values


def _recode(rule: Any, check: _Check, sector_sets: Mapping[str, frozenset[str]]) -> Recode:
    where = _where(check.label, rule)
    _keys(rule, RECODE_KEYS, RECODE_KEYS - {"subcodes"}, where)
    condition, sectors = _condition(rule["when"], where, sector_sets)
    subcodes = rule.get("subcodes", False)
    if not isinstance(subcodes, bool):
        raise KnowledgeError(f"{where}: subcodes must be true or false.")
    return Recode(
        check.one("code", rule["from"], where),
        check.one("code", rule["to"], where),
        condition,
        sectors,
        subcodes,
        where,
    )


def _condition(when: Any, where: str, sector_sets: Mapping[str, frozenset[str]]) -> tuple[str, frozenset[str]]:
    """A recode's condition and the sector set it names: `target_igo`, `{source_sector_in: irregular_sectors}`."""
    pairs = [(k, v) for k, v in when.items() if k != "__line__"] if isinstance(when, dict) else [(when, None)]
    if len(pairs) != 1:
        raise KnowledgeError(f"{where}: 'when' names one condition; write two rules for two.")
    name, argument = pairs[0]
    if not isinstance(name, str) or name not in CONDITIONS:
        raise KnowledgeError(f"{where}: unknown condition {name!r}; use one of {sorted(CONDITIONS)}.")
    if (name in SECTOR_CONDITIONS) != (argument is not None):
        form = f"{{{name}: SECTOR_SET}}" if name in SECTOR_CONDITIONS else name
        raise KnowledgeError(f"{where}: write the condition as {form}.")
    if argument is not None and (not isinstance(argument, str) or argument not in sector_sets):
        raise KnowledgeError(f"{where}: {argument!r} is not a set of sector_sets; use one of {sorted(sector_sets)}.")
    return name, sector_sets[argument] if argument is not None else frozenset()

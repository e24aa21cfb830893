"""CAMEO conventions are data (data/cameo/conventions.yaml): no code literal in the package, the
file checked on load, and its recodes applied in order."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

import pytest

import eventwire
from eventwire import KnowledgeError
from eventwire.conventions import Conventions, Recode, conventions_of
from eventwire.cues import Cues
from eventwire.datafiles import _data_path, read_yaml
from eventwire.knowledge import load_codes, load_knowledge, load_sectors
from eventwire.records import Actor
from eventwire.stages.events.codes import pair_code

PACKAGE = Path(eventwire.__file__).parent
BUNDLED = _data_path("cameo", "conventions.yaml")

# (file, literal): why it may stay. Each entry must still be found, so the list only shrinks.
ALLOWED_LITERALS: dict[tuple[str, str], str] = {}


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring constants of a module, its classes and functions."""
    owners = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, owners)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
        and isinstance(node.body[0].value.value, str)
    }


def _code_literals() -> dict[tuple[str, str], list[int]]:
    """Every string constant of the package (docstrings aside) that is a CAMEO code or root,
    with the lines it is on."""
    codes = set(load_codes())
    cameo = codes | {code[:2] for code in codes}
    found: dict[tuple[str, str], list[int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value in cameo
                and id(node) not in docstrings
            ):
                name = path.relative_to(PACKAGE.parent).as_posix()
                found.setdefault((name, node.value), []).append(node.lineno)
    return found


def test_no_cameo_code_literal_in_the_package():
    found = _code_literals()
    stray = {
        f"{name}:{lines[0]}: {code!r}" for (name, code), lines in found.items() if (name, code) not in ALLOWED_LITERALS
    }
    assert not stray, f"read these from knowledge.conventions (data/cameo/conventions.yaml): {sorted(stray)}"
    stale = set(ALLOWED_LITERALS) - set(found)
    assert not stale, f"no longer in the code; drop them from ALLOWED_LITERALS: {sorted(stale)}"


def _load(path: Path) -> Conventions:
    return conventions_of(read_yaml(path), str(path), load_codes(), load_sectors())


@pytest.fixture(scope="module")
def conventions() -> Conventions:
    return _load(BUNDLED)


@pytest.fixture(scope="module")
def cues() -> Cues:
    return load_knowledge().cues


@pytest.mark.parametrize(
    ("old", "new", "message", "entry"),
    [
        ('    code: "053"', '    code: "059"', "code '059' is not in data/cameo/codes.tsv", None),
        ('    code: "053"', "    code: 053", "quote it", None),
        ('    root: "13"', '    root: "130"', "is a code, not a root", None),
        ("    sector: UAF", "    sector: XYZ", "sector 'XYZ' is not in data/actors/sectors.tsv", None),
        (
            "      when: target_igo",
            "      when: target_friendly",
            "unknown condition 'target_friendly'",
            '    - from: "174"',
        ),
        (
            "      when: target_igo",
            "      when: {target_igo: irregular_sectors}",
            "write the condition as target_igo",
            '    - from: "174"',
        ),
        (
            "      when: {source_sector_in: irregular_sectors}",
            "      when: {source_sector_in: armies}",
            "'armies' is not a set of sector_sets",
            '    - from: "190"',
        ),
        ('    code: "053"', '    code: "053"\n    colour: red', "unknown key", None),
        ("  threat_root:", "  menace_root:", "unknown name(s) ['menace_root']", '    root: "13"'),
    ],
)
def test_bad_convention_names_file_line_and_problem(tmp_path, old, new, message, entry):
    """The error names the file and the line where the entry starts (its first key)."""
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "conventions.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(entry or old)].count("\n") + 1
    with pytest.raises(KnowledgeError, match=re.escape(message)) as error:
        _load(path)
    assert f"{path}:{line}:" in str(error.value)


def test_missing_name_and_missing_note_are_refused(tmp_path):
    text = BUNDLED.read_text(encoding="utf-8")
    path = tmp_path / "conventions.yaml"
    start, end = text.index("  demand_root:"), text.index("  assault_root:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(KnowledgeError, match="lacks .'demand_root'."):
        _load(path)
    note = text.index("    note: CAMEO 13 THREATEN.")
    path.write_text(text[:note] + text[text.index("\n", note) + 1 :], encoding="utf-8")
    with pytest.raises(KnowledgeError, match="entry has no 'note'"):
        _load(path)


def test_the_bundled_file_gives_every_name_with_a_note_and_an_example(conventions):
    data = read_yaml(BUNDLED)
    entries = [
        entry
        for section in ("roots", "root_sets", "codes", "code_sets", "sectors", "sector_sets")
        for name, entry in data[section].items()
        if name != "__line__"
    ]
    entries += [rule for phase in ("before_weapons", "after_weapons") for rule in data["recodes"][phase]]
    assert all(isinstance(e["note"], str) and isinstance(e["example"], str) for e in entries)
    # a sector set may name a set above it: its members
    assert conventions.organised_non_state_sectors < conventions.non_state_sides


def _actor(country: str | None, sector: str | None) -> Actor:
    return Actor("", 0, 0, country, sector, "test")


REBELS, ARMY, STATE = _actor("SYR", "REB"), _actor("SYR", "MIL"), _actor("SYR", None)
POLICE = _actor("SYR", "COP")


@pytest.mark.parametrize(
    ("code", "source", "target", "after_weapons", "expected"),
    [
        ("190", REBELS, None, False, "180"),  # no army: unconventional violence
        ("190", ARMY, None, False, "190"),
        ("190", REBELS, None, True, "190"),  # a phase applies only its own rules
        ("163", ARMY, _actor("SYR", "OPP"), False, "172"),  # a sanction within one state
        ("163", ARMY, _actor("TUR", "GOV"), False, "163"),
        ("163", ARMY, None, False, "163"),
        ("183", ARMY, None, True, "195"),  # a state's forces bomb from the air
        ("183", STATE, None, True, "195"),  # a source with no sector is in no sector set
        ("183", REBELS, None, True, "183"),
        ("183", ARMY, None, False, "183"),
        ("174", STATE, _actor("IGO", "UNO"), True, "1663"),  # expelling an organisation
        ("174", STATE, _actor("FRA", None), True, "174"),
        ("190", POLICE, _actor("SYR", "CVL"), False, "175"),  # police force on people is repression
        ("190", POLICE, REBELS, False, "190"),  # on the armed, a fight
        ("190", POLICE, STATE, False, "175"),  # a state named bare is where it happened, not a foe
        ("175", POLICE, None, False, "175"),
    ],
)
def test_recode(conventions, code, source, target, after_weapons, expected):
    assert conventions.recode(code, source, target, after_weapons=after_weapons) == expected


def test_recodes_apply_in_order_each_to_what_the_ones_before_left(conventions):
    irregular = Recode("190", "180", "source_sector_in", frozenset({"REB"}), False, "test:1")
    against_igo = Recode("180", "181", "target_igo", frozenset(), False, "test:2")
    un = _actor("IGO", "UNO")
    ordered = replace(conventions, recodes_before_weapons=(irregular, against_igo))
    assert ordered.recode("190", REBELS, un, after_weapons=False) == "181"
    reversed_ = replace(conventions, recodes_before_weapons=(against_igo, irregular))
    assert reversed_.recode("190", REBELS, un, after_weapons=False) == "180"


def test_pair_code_recodes_around_the_weapons(conventions, cues):
    # an army's bomb refines an 18x act to 183, which the rule after the weapons makes aerial
    assert pair_code("180", ARMY, None, [("bomb", "183")], cues, conventions) == "195"
    # rebels' force is 18x before the weapons; a landmine (190) named keeps its own code
    assert pair_code("190", REBELS, None, [("landmine", "190")], cues, conventions) == "190"
    assert pair_code("190", REBELS, None, [], cues, conventions) == "180"


def test_force_aimed_at_armed_forces_or_a_government_is_a_fight_whoever_makes_it(coder):
    conventions = coder.knowledge.conventions
    police, villagers = _actor("KEN", "COP"), _actor("KEN", "CVL")
    assert conventions.recode("190", REBELS, police, after_weapons=False) == "190"
    assert conventions.recode("190", REBELS, villagers, after_weapons=False) == "180"

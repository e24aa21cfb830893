"""cues.yaml is read field by field into Cues: each key its field, unknown and missing keys refused."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import get_type_hints

import pytest

from eventwire import KnowledgeError, load_knowledge
from eventwire import cues as cues_module
from eventwire.cues import Cues, Embedding, _cues
from eventwire.datafiles import _data_path, read_yaml
from eventwire.knowledge import load_codes

BUNDLED = _data_path("cues.yaml").read_text(encoding="utf-8")
WORD_FIELDS = [name for name, kind in get_type_hints(Cues).items() if kind == frozenset[str]]

# the lists moved out of the event stage's modules, each with a word it must hold
MOVED = [
    ("relative_pronouns", "whom"),
    ("demonstrative_pronouns", "this"),
    ("group_possessives", "their"),
    ("attempt_nouns", "attempt"),
    ("border_words", "frontier"),
    ("same_act_markers", "when"),
    ("owner_prepositions", "from"),
    ("promise_nouns", "pledge"),
    ("aiming_prepositions", "towards"),
    ("condition_markers", "unless"),
    ("pending_markers", "until"),
    ("sequence_prepositions", "following"),
    ("instrument_prepositions", "using"),
    ("sending_verbs", "dispatch"),
    ("defied_prepositions", "over"),
    ("crowd_numbers", "thousands"),
]


@pytest.fixture(scope="module")
def codes():
    return load_codes()


@pytest.fixture(scope="module")
def cues():
    return load_knowledge().cues


def _write(tmp_path, text):
    path = tmp_path / "cues.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "word"), MOVED)
def test_moved_list_is_loaded(cues, name, word):
    assert word in getattr(cues, name)


def test_every_field_is_filled_from_the_bundled_file(cues):
    for f in dataclasses.fields(Cues):
        value = getattr(cues, f.name)
        filled = value.by_root if isinstance(value, Embedding) else getattr(value, "pattern", value)
        assert filled, f"Cues.{f.name} is empty"


def test_every_bundled_key_is_a_field():
    keys = set(read_yaml(_data_path("cues.yaml"))) - {"source", "license", "version", "__line__"}
    assert keys == {f.name for f in dataclasses.fields(Cues)}


@pytest.mark.parametrize("name", WORD_FIELDS)
def test_each_word_list_is_read_from_the_key_of_its_name(codes, name):
    data = read_yaml(_data_path("cues.yaml"))
    data[name] = ["Armistice", "truce"]
    loaded = _cues(data, codes)
    assert getattr(loaded, name) == {"armistice", "truce"}  # lower-cased like every cue word
    others = [n for n in WORD_FIELDS if n != name and getattr(loaded, n) == {"armistice", "truce"}]
    assert not others


def test_crowd_numbers_are_only_the_counts_among_partitive_nouns(cues):
    # twins kept apart: "a group marched" names no crowd, though "a group of students" is partitive
    assert cues.crowd_numbers < cues.partitive_nouns
    assert "group" in cues.partitive_nouns - cues.crowd_numbers


def test_a_new_field_needs_only_its_key(tmp_path, codes, monkeypatch):
    @dataclass(frozen=True, slots=True)
    class MoreCues(Cues):
        truce_words: frozenset[str]

    monkeypatch.setattr(cues_module, "Cues", MoreCues)
    path = _write(tmp_path, BUNDLED + "truce_words: [Truce, armistice, ceasefire]\n")
    loaded = _cues(read_yaml(path), codes, path)
    assert loaded.truce_words == {"truce", "armistice", "ceasefire"}


def test_unknown_key_is_refused_with_file_line_and_fix(tmp_path, codes):
    path = _write(tmp_path, BUNDLED + "truce_words: [truce]\n")
    line = BUNDLED.count("\n") + 1
    with pytest.raises(KnowledgeError, match="unknown key 'truce_words'") as error:
        _cues(read_yaml(path), codes, path)
    assert f"{path}:{line}:" in str(error.value)
    assert "add a field 'truce_words' to Cues" in str(error.value)


def test_missing_key_is_refused_naming_file_and_fix(tmp_path, codes):
    text = "".join(line for line in BUNDLED.splitlines(keepends=True) if not line.startswith("border_words:"))
    path = _write(tmp_path, text)
    with pytest.raises(KnowledgeError, match="no 'border_words:' key") as error:
        _cues(read_yaml(path), codes, path)
    assert str(path) in str(error.value) and "add it" in str(error.value)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("sending_verbs: [send, on]", r"\[True\], not words"),  # YAML reads a bare `on` as true
        ("sending_verbs: [send, 3]", r"\[3\], not words"),
        ("sending_verbs: send", "not a list"),
    ],
)
def test_a_list_of_non_words_is_refused_with_its_line(tmp_path, codes, written, message):
    text = "".join(
        written + "\n" if line.startswith("sending_verbs:") else line for line in BUNDLED.splitlines(keepends=True)
    )
    path = _write(tmp_path, text)
    line = 1 + next(i for i, text_line in enumerate(text.splitlines()) if text_line.startswith("sending_verbs:"))
    with pytest.raises(KnowledgeError, match=message) as error:
        _cues(read_yaml(path), codes, path)
    assert f"{path}:{line}: sending_verbs" in str(error.value)


def test_act_nouns_must_name_a_verb(tmp_path, codes):
    lines = BUNDLED.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("act_noun_verbs:"))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines))
    text = "".join(lines[:start]) + "act_noun_verbs: {expulsion: 3}\n" + "".join(lines[end:])
    path = _write(tmp_path, text)
    with pytest.raises(KnowledgeError, match="not a word -> word pair"):
        _cues(read_yaml(path), codes, path)

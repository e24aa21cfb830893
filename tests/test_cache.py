"""The cache folder: dictionary patterns kept as token ids and YAML files as JSON, read back
instead of built again."""

from __future__ import annotations

import errno
from datetime import date, datetime
from pathlib import Path

import numpy
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import LOWER

from eventwire.cache import cached_json, lowered_token_ids, write_atomically
from eventwire.datafiles import read_yaml
from eventwire.errors import KnowledgeError
from eventwire.stages.names import NAME_KEY, build_lexicon

PHRASES = ["Côte d'Ivoire", "U.S. Army", "defence minister", "Hamas", "the Kremlin's envoy"]


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("en").tokenizer


def _expected(tokenizer, texts):
    return [tuple(doc.to_array(LOWER).tolist()) for doc in tokenizer.pipe(texts)]


def _cached(folder: Path) -> list[Path]:
    return sorted(folder.glob("patterns-*.npz"))


def test_ids_are_the_tokenizers_lower_case_forms(tokenizer, tmp_path):
    assert lowered_token_ids(tokenizer, PHRASES, tmp_path) == _expected(tokenizer, PHRASES)
    assert len(_cached(tmp_path)) == 1


def test_a_second_process_reads_the_kept_ids(tokenizer, tmp_path):
    lowered_token_ids(tokenizer, PHRASES, tmp_path)
    (path,) = _cached(tmp_path)
    # a file of other ids under the same name is what comes back: it was read, not rebuilt
    with path.open("wb") as handle:
        numpy.savez(handle, ids=numpy.array([7, 8, 9], dtype="uint64"), lengths=numpy.array([1, 2, 0, 0, 0]))
    assert lowered_token_ids(tokenizer, PHRASES, tmp_path) == [(7,), (8, 9)]


def test_other_phrases_are_kept_apart(tokenizer, tmp_path):
    lowered_token_ids(tokenizer, PHRASES, tmp_path)
    assert lowered_token_ids(tokenizer, PHRASES[:2], tmp_path) == _expected(tokenizer, PHRASES[:2])
    assert len(_cached(tmp_path)) == 2


def test_a_damaged_file_is_rebuilt(tokenizer, tmp_path):
    lowered_token_ids(tokenizer, PHRASES, tmp_path)
    (path,) = _cached(tmp_path)
    path.write_bytes(b"not a numpy archive")
    assert lowered_token_ids(tokenizer, PHRASES, tmp_path) == _expected(tokenizer, PHRASES)
    assert lowered_token_ids(tokenizer, PHRASES, tmp_path) == _expected(tokenizer, PHRASES)  # rewritten whole


def test_a_folder_that_cannot_be_written_only_costs_the_build(tokenizer, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    assert lowered_token_ids(tokenizer, PHRASES, blocked / "cache") == _expected(tokenizer, PHRASES)
    assert not list(tmp_path.glob("**/*.tmp"))


def test_empty_texts_make_no_pattern(tokenizer, tmp_path):
    assert lowered_token_ids(tokenizer, ["", "Kenya", ""], tmp_path) == _expected(tokenizer, ["Kenya"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=8))
def test_any_texts_round_trip_through_the_file(tokenizer, tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("cache")
    expected = [ids for ids in _expected(tokenizer, texts) if ids]
    assert lowered_token_ids(tokenizer, texts, folder) == expected
    assert lowered_token_ids(tokenizer, texts, folder) == expected


def test_the_lexicon_finds_the_same_names_from_the_cache(knowledge, tokenizer, tmp_path):
    doc = tokenizer("Officials of the U.S. Army met the Ivory Coast's defence minister in Moscow.")
    fresh = build_lexicon(tokenizer, knowledge, tmp_path)
    kept = build_lexicon(tokenizer, knowledge, tmp_path)
    found = fresh.matcher(doc)
    assert found == kept.matcher(doc)
    names = {doc[start:end].text for key, start, end in found if tokenizer.vocab.strings[key] == NAME_KEY}
    assert {"U.S. Army", "Ivory Coast", "Moscow"} <= names


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("test-*.json"))


def test_data_is_read_back_from_its_json(tmp_path):
    data = {"verbs": [{"lemma": "meet", "code": "040", "__line__": 3}], "since": date(2019, 5, 2)}
    assert cached_json("test", b"file bytes", lambda: data, tmp_path) == data
    (path,) = _kept(tmp_path)
    assert cached_json("test", b"file bytes", lambda: pytest.fail("built again"), tmp_path) == data
    path.write_text('{"kept": true}', encoding="utf-8")
    assert cached_json("test", b"file bytes", lambda: data, tmp_path) == {"kept": True}  # read, not rebuilt


def test_other_bytes_are_kept_apart(tmp_path):
    cached_json("test", b"one", lambda: {"a": 1}, tmp_path)
    assert cached_json("test", b"two", lambda: {"a": 2}, tmp_path) == {"a": 2}
    assert len(_kept(tmp_path)) == 2


@pytest.mark.parametrize(
    "data",
    [{1: "a key that is no string"}, {"x": float("nan")}, {"at": datetime(2024, 1, 2, 3, 4)}, {"s": {"set"}}],
)
def test_data_json_would_change_is_built_each_time(tmp_path, data):
    assert cached_json("test", b"bytes", lambda: data, tmp_path) is data
    assert _kept(tmp_path) == []


def test_a_damaged_json_is_rebuilt(tmp_path):
    cached_json("test", b"bytes", lambda: {"a": 1}, tmp_path)
    (path,) = _kept(tmp_path)
    path.write_text('{"a": ', encoding="utf-8")
    assert cached_json("test", b"bytes", lambda: {"a": 1}, tmp_path) == {"a": 1}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text() | st.dates(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None)
@given(json_values)
def test_any_yaml_like_data_comes_back_equal(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("json")
    assert cached_json("test", b"bytes", lambda: data, folder) == data
    assert cached_json("test", b"bytes", lambda: pytest.fail("built again"), folder) == data


def test_a_yaml_file_parses_the_same_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "mine.yaml"
    path.write_text("source: mine\nlicense: CC0\nverbs:\n  - {lemma: meet, code: '040'}\nsince: 2020-01-31\n")
    first = read_yaml(path)
    assert first == read_yaml(path)
    assert first["verbs"][0] == {"lemma": "meet", "code": "040", "__line__": 4}
    assert first["since"] == date(2020, 1, 31)
    assert list((tmp_path / "cache" / "eventwire").glob("yaml-*.json"))
    path.write_text("source: changed\n")
    assert read_yaml(path)["source"] == "changed"


def test_a_file_that_is_not_utf8_says_what_to_do(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("source: caf\xe9\n".encode("latin-1"))
    with pytest.raises(KnowledgeError, match="cannot read it as YAML"):
        read_yaml(path)


def _cut_short(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-40])


def _emptied(path: Path) -> None:
    path.write_bytes(b"")  # a crash between the rename and the data reaching the disk


def _one_byte_changed(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0xFF
    path.write_bytes(bytes(data))


def _lengths_not_adding_up(path: Path) -> None:
    with path.open("wb") as handle:
        numpy.savez(handle, ids=numpy.array([7, 8, 9], dtype="uint64"), lengths=numpy.array([-1, 4, 0, 0, 0]))


def _too_few_lengths(path: Path) -> None:
    with path.open("wb") as handle:
        numpy.savez(handle, ids=numpy.array([7, 8, 9], dtype="uint64"), lengths=numpy.array([3]))


def _not_ids(path: Path) -> None:
    with path.open("wb") as handle:
        numpy.savez(handle, ids=numpy.array([[7.5, 8.5]]), lengths=numpy.array([1, 0, 0, 0, 0]))


def _one_array(path: Path) -> None:
    with path.open("wb") as handle:
        numpy.save(handle, numpy.array([7, 8, 9], dtype="uint64"))


@pytest.mark.parametrize(
    "damage", [_cut_short, _emptied, _one_byte_changed, _lengths_not_adding_up, _too_few_lengths, _not_ids, _one_array]
)
def test_a_file_that_is_not_whole_is_built_again(tokenizer, tmp_path, damage):
    # whatever numpy or zipfile raise on it (EOFError, BadZipFile, ...), a start-up must not fail
    lowered_token_ids(tokenizer, PHRASES, tmp_path)
    (path,) = _cached(tmp_path)
    damage(path)
    assert lowered_token_ids(tokenizer, PHRASES, tmp_path) == _expected(tokenizer, PHRASES)
    assert lowered_token_ids(tokenizer, PHRASES, tmp_path) == _expected(tokenizer, PHRASES)  # rewritten whole


def test_texts_split_differently_are_kept_apart(tokenizer, tmp_path):
    # a user dictionary's phrase may hold a line break (a YAML block scalar): joined with line
    # breaks, the two lists below hashed alike and the second read the first's patterns
    lowered_token_ids(tokenizer, ["Hamas\nIran", "Syria"], tmp_path)
    texts = ["Hamas", "Iran\nSyria"]
    assert lowered_token_ids(tokenizer, texts, tmp_path) == _expected(tokenizer, texts)


def test_a_write_that_fails_halfway_leaves_no_partial_file(tmp_path):
    # a full disk: each process would otherwise leave its own hidden partial file, for good
    def half(partial: Path) -> None:
        partial.write_bytes(b"half an archive")
        raise OSError(errno.ENOSPC, "No space left on device")

    write_atomically(tmp_path / "patterns-x.npz", half)
    assert not list(tmp_path.iterdir())

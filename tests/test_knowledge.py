from __future__ import annotations

import pytest

from eventwire import KnowledgeError, load_knowledge
from eventwire.knowledge import load_codes

# a test marked so reads every bundled dictionary again, then the user's: seconds each, left to `make test`
rereads_all_dictionaries = pytest.mark.slow


def test_bundled_knowledge_is_valid_and_covers_all_roots(knowledge):  # the session's load_knowledge()
    roots = {p.code[:2] for patterns in knowledge.patterns.values() for p in patterns}
    assert roots == {f"{r:02d}" for r in range(1, 21)}
    assert knowledge.actors["china"][0].country == "CHN"
    assert knowledge.agents["defence officials"].sector == "MIL"


def test_code_table_has_goldstein_quadclass_and_plover():
    codes = load_codes()
    assert (codes["042"].quad_class, codes["190"].quad_class) == (1, 4)
    assert codes["111"].goldstein < 0 < codes["051"].goldstein
    assert codes["163"].plover_type is not None


@rereads_all_dictionaries
def test_user_dictionary_adds_actors_and_verbs(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "source: test\nlicense: MIT\n"
        "actors:\n  - {country: FRA, sector: GOV, names: [Marianne Council]}\n"
        "verbs:\n  - {lemma: snub, code: '120', targets: [dobj]}\n"
    )
    knowledge = load_knowledge([path])
    assert knowledge.actors["marianne council"][0].country == "FRA"
    assert knowledge.patterns[("VERB", "snub")][0].code == "120"


@rereads_all_dictionaries
@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("verbs:\n  - {lemma: snub, code: '999'}\n", "code '999'"),
        ("verbs:\n  - {code: '120'}\n", "no 'lemma'"),
        ("verbs:\n  - {lemma: snub, code: '120', targets: [elsewhere]}\n", "target slot"),
        ("verbs:\n  - {lemma: snub, code: '120', colour: red}\n", "unknown key"),
        ("verbs:\n  - {lemma: call, particle: on, code: '020'}\n", "quote it"),
        ("verbs:\n  - {lemma: seize, code: '192', object: [town, 7]}\n", "must be a word"),
        ("verbs:\n  - {lemma: order, code: '174', infinitive: [leave, go]}\n", "must be a word"),
        ("actors:\n  - {country: XXX, names: [Nowhere]}\n", "country 'XXX'"),
        ("agents:\n  - {sector: ZZZ, names: [wizards]}\n", "sector 'ZZZ'"),
        ("actors:\n  - {country: null, names: [Nobody]}\n", "needs a sector"),
        ("actors:\n  - {sector: REB, names: [Nobody]}\n", "no 'country'"),
    ],
)
def test_bad_entry_names_file_line_and_problem(tmp_path, entry, message):
    path = tmp_path / "bad.yaml"
    path.write_text("source: test\nlicense: MIT\n" + entry)
    with pytest.raises(KnowledgeError, match=message) as error:
        load_knowledge([path])
    assert f"{path}:4" in str(error.value)


@rereads_all_dictionaries
def test_lists_of_lemmas_and_objects_make_one_pattern_each(tmp_path):
    path = tmp_path / "lists.yaml"
    path.write_text(
        "source: test\nlicense: MIT\n"
        "verbs:\n  - {lemma: [storm, overrun], code: '192', object: [fort, garrison], transitive: true}\n"
    )
    patterns = load_knowledge([path]).patterns
    for lemma in ("storm", "overrun"):
        objects = {p.object for p in patterns[("VERB", lemma)] if p.origin.endswith("lists.yaml:4")}
        assert objects == {"fort", "garrison"}
        assert all(p.transitive for p in patterns[("VERB", lemma)] if p.origin.endswith("lists.yaml:4"))


@rereads_all_dictionaries
def test_dictionary_without_source_is_refused(tmp_path):
    path = tmp_path / "anon.yaml"
    path.write_text("verbs: []\n")
    with pytest.raises(KnowledgeError, match="source"):
        load_knowledge([path])


def test_cue_lists_refuse_yaml_booleans():
    from eventwire.cues import _cues
    from eventwire.datafiles import _data_path, read_yaml

    data = read_yaml(_data_path("cues.yaml"))
    data["event_prepositions"] = ["during", True]  # what a bare `on` becomes
    with pytest.raises(KnowledgeError, match="quote"):
        _cues(data, load_codes())


@rereads_all_dictionaries
def test_an_actor_kind_must_be_known(tmp_path):
    from eventwire.errors import KnowledgeError
    from eventwire.knowledge import load_knowledge

    bad = tmp_path / "mine.yaml"
    bad.write_text("source: test\nlicense: CC0\nactors:\n  - {kind: tribe, country: NGA, names: [Tiv]}\n")
    with pytest.raises(KnowledgeError, match="kind 'tribe'"):
        load_knowledge([bad])


@rereads_all_dictionaries
def test_a_user_dictionary_withdraws_a_bundled_pattern(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("source: test\nlicense: MIT\nverbs:\n  - {lemma: urge, withdrawn: true}\n")

    def bare(patterns):
        return [p for p in patterns.get(("VERB", "urge"), ()) if p.particle is None and p.object is None]

    assert bare(load_knowledge().patterns)
    assert not bare(load_knowledge([path]).patterns)


@rereads_all_dictionaries
def test_withdrawing_a_pattern_no_file_has_is_refused(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("source: test\nlicense: MIT\nverbs:\n  - {lemma: snub, particle: 'off', withdrawn: true}\n")
    with pytest.raises(KnowledgeError, match="withdraws a pattern no earlier file has"):
        load_knowledge([path])


def test_no_agent_name_is_listed_twice():
    from eventwire.datafiles import _data_path, read_yaml

    names = [name for group in read_yaml(_data_path("actors", "agents.yaml"))["agents"] for name in group["names"]]
    assert sorted({name for name in names if names.count(name) > 1}) == []


def test_state_names_are_the_undated_or_current_names_of_one_state(knowledge):
    names = knowledge.state_names
    assert (names["russia"], names["ivory coast"], names["britain"]) == ("RUS", "CIV", "GBR")
    assert "putin" not in names  # a person, not the state
    assert all(code != "IGO" for code in names.values())


def test_lemma_exceptions_are_checked_and_set_before_the_lemmatizer(tmp_path, coder):
    from eventwire.datafiles import read_lemma_exceptions

    assert read_lemma_exceptions()["verb"]["staged"] == "stage"
    assert [t.lemma_ for t in coder.nlp("Students staged protests.") if t.tag_.startswith("VB")] == ["stage"]
    bad = tmp_path / "lemmas.yaml"
    bad.write_text("source: x\nlicense: x\nexceptions:\n  verb:\n    Staged: stage\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="lower-case"):
        read_lemma_exceptions(bad)


@rereads_all_dictionaries
def test_a_later_general_pattern_takes_back_earlier_object_only_patterns_of_its_code(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "source: test\nlicense: MIT\n"
        "verbs:\n"
        "  - {lemma: scold, code: '111', object: raid, targets: [prep:on]}\n"
        "  - {lemma: scold, code: '112', object: plot, targets: [prep:on]}\n"
    )
    later = tmp_path / "later.yaml"
    later.write_text("source: test\nlicense: MIT\nverbs:\n  - {lemma: scold, code: '111', targets: [dobj]}\n")
    patterns = load_knowledge([path, later]).patterns[("VERB", "scold")]
    # the object-only pattern of the same code is gone; one of another code stays
    assert sorted((p.object or "", p.code) for p in patterns) == [("", "111"), ("plot", "112")]

"""tools/convert_petrarch_verbs.py on small dictionaries written here: which of PETRARCH2's
pattern shapes it reads as which kind, which kinds it writes, and the committed
data/cameo/petrarch_verbs.yaml it generated."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from .tool_modules import load_tool

ROOT = Path(__file__).resolve().parent.parent
CODES = {"010", "030", "040", "042", "080", "087", "0871", "111", "112", "160", "163", "173", "190", "195"}


convert = load_tool("convert_petrarch_verbs")

# A dictionary of invented blocks in PETRARCH2's format (not copied from CAMEO.2.0.txt).
SNIPPET = """\
&PENALTY
+SANCTIONS
+EMBARGO_

---  PUNISH   [---]  ---
PUNISH
- * &PENALTY                                  [163]         # PUNISH
- * {TRADE CURBS}                             [163]         # PUNISH
- * (WITH FINES)                              [163]         # PUNISH
- * (TO)                                      [112]         # PUNISH
- &MILITARY * VILLAGE                         [190]         # PUNISH
- * REMARKS                                   [010]         # PUNISH
- * CHILDREN                                  [---]         # PUNISH
- * SUSPECT                                   [:173]        # PUNISH
- * FOR                                       [112]         # PUNISH
- * CLASHES                                   [0871]        # PUNISH
- * OFF TALKS                                 [160]         # PUNISH
- * TALKS (WITH)                              [040]         # PUNISH
- * CURBS                                     [163]         # PUNISHED_OFF

---  CONFER   [040]  ---
CONFER
HUDDLE_WITH
- * WITH +                                    [040]         # CONFER
- * DOWN                                      [087]         # CONFER
- * STRIKES ON +                              [195]         # CONFER
"""


def _tokens(words: str) -> list[str]:
    return convert.TOKEN.findall(words.lower())


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("SANCTIONS", "object"),
        ("&PENALTY", "object"),
        ("{SANCTIONS}", "object"),
        ("STRIKES ON +", "object-prep"),
        ("WITH +", "prep"),
        ("DOWN", "particle"),
        ("{TRADE CURBS}", "braces"),
        ("{TRADE CURBS} ON +", "braces-prep"),
        ("(TO)", "pp"),
        ("(IN PROTEST)", "pp-object"),
        ("(WITH &PENALTY)", "pp-object"),
        ("OFF TALKS", "particle-object"),
        ("TALKS (WITH)", "object-pp"),
        ("TALKS (WITH REBELS)", "object-pp"),
    ],
)
def test_each_shape_is_read_as_its_kind(words, kind):
    form = convert.forms(_tokens(words), {"penalty": ["sanction", "embargo"]})
    assert form is not None and form.kind == kind


@pytest.mark.parametrize("words", ["FOR", "+", "TALKS + WITH", "&PENALTY &PENALTY", "(OUT) (OF TALKS)", "$ TALKS"])
def test_shapes_it_cannot_say_are_not_read(words):
    assert convert.forms(_tokens(words), {"penalty": ["sanction"]}) is None


def test_a_braced_phrase_reads_as_its_last_word_and_says_a_modifier_was_left_out():
    assert convert.noun("{trade curbs}", {}) == (("curb",), True)
    assert convert.noun("{curbs}", {}) == (("curb",), False)
    assert convert.noun("&unknown", {}) is None


def test_only_the_simple_kinds_are_written():
    entries = {(e.lemma, e.particle, e.obj, e.code) for e in convert.convert(SNIPPET, CODES)}
    assert entries == {
        ("punish", None, "sanction", "163"),
        ("punish", None, "embargo", "163"),
        ("punish", None, "clash", "0871"),
        ("confer", None, None, "040"),
        ("huddle", "with", None, "040"),
        ("confer", "with", None, "040"),
        ("confer", "down", None, "087"),
        ("confer", None, "strike", "195"),
    }


def test_a_word_yaml_reads_as_a_boolean_is_quoted():
    assert convert.Entry("no", "030", obj="on").line() == '  - {lemma: "no", code: "030", object: "on", targets: [' + (
        ", ".join(convert.DEFAULT_TARGETS) + "]}"
    )


def test_the_census_counts_every_pattern_line_by_kind_or_reason():
    counts = convert.census(SNIPPET, CODES)
    assert counts["object"] == 2 and counts["braces"] == 1 and counts["pp-object"] == 1 and counts["pp"] == 1
    assert counts["statement (root 01)"] == 1 and counts["no event [---]"] == 1
    assert counts["the target's act only ([:173])"] == 1
    assert counts["words before the verb (a subject: '&MILITARY * EXERCISES')"] == 1
    assert counts["particle-object"] == 1 and counts["object-pp"] == 1
    assert counts["other: several words, or $ ^ % inside"] == 1  # the bare "* FOR"
    assert counts["verb named with its particle in the note (CALLED_OFF)"] == 1
    assert sum(counts.values()) == SNIPPET.count("\n- ")


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("clashes", "clash"), ("searches", "search"), ("taxes", "tax"), ("crisis", "crisis"), ("status", "status")]
    + [("talks", "talk"), ("militias", "militia"), ("embassies", "embassy"), ("press", "press")],
)
def test_plurals_are_made_singular_by_petrarchs_rules(plural, singular):
    assert convert.singular(plural) == singular


FRAGMENTS = ["- * ", "---  X   [040]  ---", "&S", "+", "{", "(", ")", "}", "[040]", "[", "#", "_", " ", "\n"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40))
def test_any_text_converts_to_entries_of_words_and_known_codes(parts):
    for e in convert.convert("".join(parts), CODES):
        assert e.code in CODES
        assert e.lemma.isalpha() and (e.obj is None or e.obj.isalpha())
        read = yaml.safe_load(e.line().strip()[2:])
        assert (read["lemma"], read.get("object"), read.get("particle")) == (e.lemma, e.obj, e.particle)


def test_the_committed_file_names_no_preposition_or_particle_as_an_object():
    entries = yaml.safe_load((ROOT / "eventwire" / "data" / "cameo" / "petrarch_verbs.yaml").read_text())["verbs"]
    words = convert.PREPOSITIONS | convert.PARTICLES
    assert len(entries) > 4000
    assert not [e for e in entries if e.get("object") in words or e.get("object") in (True, False)]


def test_a_plural_object_fixed_to_its_singular_codes_a_sentence(code):
    events = code("Nigerian troops halted the clashes with Cameroon on Monday.")
    assert [(e.source.code, e.cameo.code, e.target.code if e.target else None) for e in events] == [
        ("NGAMIL", "0871", "CMRGOV")
    ]

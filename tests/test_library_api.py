"""The library entry points as a new user meets them: code_articles with records shaped like the
JSON Lines input, Article's checks, load_model and the spaCy component, and datelines."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventwire
from eventwire import Article, InputError
from eventwire.ingest import as_article

DATED_WIRE = (
    "ANKARA, March 14, 2024 (Reuters) - Turkish Foreign Minister Hakan Fidan criticised Greece on Wednesday "
    "over its naval drills."
)


def test_a_mapping_with_the_jsonl_field_names_is_an_article():
    article = as_article({"id": "a1", "text": "Peru thanked Chile.", "published": "2024-03-14T09:00:00Z"}, 1)
    assert article == Article("a1", "Peru thanked Chile.", date(2024, 3, 14), origin="articles:1")


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"id": "a1"}, "'text'"),
        ({"id": "a1", "text": "  "}, "empty text"),
        ({"id": "a1", "text": "Peru thanked Chile.", "published": "14/03/2024"}, "'published'"),
        ("Peru thanked Chile.", "a dict with 'text'"),
    ],
)
def test_a_bad_record_raises_one_input_error_naming_the_field(record, field):
    with pytest.raises(InputError, match=field):
        as_article(record, 3)


def test_article_reads_an_iso_date_and_refuses_a_bad_one():
    assert Article("a", "text", "2024-03-14").published == date(2024, 3, 14)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="'published'"):
        Article("a", "text", "last Tuesday")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="'text'"):
        Article("a", None)  # type: ignore[arg-type]


@given(st.dictionaries(st.sampled_from(["id", "text", "published", "url"]), st.none() | st.text() | st.integers()))
def test_any_record_is_an_article_or_one_input_error(record):
    try:
        article = as_article(record, 1)
    except InputError as error:
        assert str(error).startswith("[E100] article 1")
    else:
        assert article.text.strip() and (article.published is None or isinstance(article.published, date))


def test_code_articles_takes_dicts_as_the_readme_shows(coder):
    events = list(eventwire.code_articles([{"id": "a1", "text": DATED_WIRE}], coder))
    assert [(e.article_id, e.source.code, e.target.code if e.target else None) for e in events] == [
        ("a1", "TURGOV", "GRCGOV")
    ]


def test_code_articles_refuses_a_bad_record_before_coding(coder):
    with pytest.raises(InputError, match="article 2: bad 'published'"):
        list(eventwire.code_articles([{"text": DATED_WIRE}, {"text": DATED_WIRE, "published": "soon"}], coder))


def test_a_dated_dateline_is_blanked_and_its_date_is_the_publication_date(code):
    [event] = code(DATED_WIRE, published=None)
    assert event.source.text == "Turkish Foreign Minister Hakan Fidan"
    assert event.published == date(2024, 3, 14)
    assert event.date == date(2024, 3, 13)  # the Wednesday before
    assert event.place is not None and event.place.name == "Ankara"


def test_the_given_date_wins_over_the_datelines(code):
    [event] = code(DATED_WIRE, published=date(2024, 3, 15))
    assert event.published == date(2024, 3, 15)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a place the gazetteer does not know is still a place: not the dateline's capital
        (
            "ISLAMABAD (Reuters) - Pakistani troops clashed with Indian troops near the village of Dharkot on Tuesday.",
            None,
        ),
        # a statement by another state than the dateline's was made at home
        ("ISLAMABAD (Reuters) - The United States urged Pakistan on Monday to free the reporter.", "United States"),
        ("ISLAMABAD (Reuters) - Pakistan's foreign ministry condemned India on Monday.", "Islamabad"),
    ],
)
def test_the_dateline_is_the_place_only_where_the_rule_allows(code, text, place):
    events = code(text)
    assert events
    assert {e.place.name if e.place else None for e in events} == {place}


@pytest.mark.model
def test_load_model_and_the_component_code_a_doc():
    nlp = eventwire.load_model()
    nlp.add_pipe("eventwire")
    doc = nlp.make_doc("Japan condemned North Korea on Monday.")
    doc._.eventwire_published = date(2024, 3, 8)
    doc = nlp(doc)
    assert [(e.source.code, e.target.code, e.date) for e in doc._.eventwire_events] == [
        ("JPNGOV", "PRKGOV", date(2024, 3, 4))
    ]

"""Issue 19: coding never ends a run on one article, and takes time linear in its length.
Every test here needs the spaCy model (the `coder` fixture)."""

from __future__ import annotations

import dataclasses
import re
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import eventwire.pipeline
from eventwire import Article, Reject, code_articles
from eventwire.cli import app
from eventwire.pipeline import code_records
from eventwire.run import code_into_store
from eventwire.stages.sentences import sentence_ents
from eventwire.store import Store

runner = CliRunner()
PACKAGE = Path(eventwire.pipeline.__file__).parent

# Sentences written for these tests.
LEAD = "Ghana accused Togo of shelling a border post on Monday."
FOLLOW = "Benin urged Nigeria on Tuesday to reopen the border."

HOSTILE_TEXT = st.one_of(
    st.text(min_size=1, max_size=200),
    st.text(alphabet=st.characters(max_codepoint=0x1F), min_size=1, max_size=50).map(lambda t: f"Ghana {t} Togo."),
    st.just(f"{LEAD} x\ud800y {FOLLOW}"),  # a lone surrogate
    st.just("Ghana " + "a" * 20_000 + " met Togo."),  # one enormous token
    st.just(f"{LEAD} It ended 9999 years ago and lasts 99999999 days up to Friday."),
)
HOSTILE_DAY = st.one_of(
    st.none(), st.sampled_from([date(1, 1, 3), date(9999, 12, 31), date(1800, 1, 1), date(2200, 12, 31)]), st.dates()
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(HOSTILE_TEXT, HOSTILE_DAY, st.text(max_size=5)), min_size=1, max_size=4))
def test_hostile_articles_each_give_one_outcome_and_nothing_escapes(coder, articles):
    given_articles = [Article(f"{i}{key}", text, day) for i, (text, day, key) in enumerate(articles)]
    outcomes = list(code_records(given_articles, coder))
    assert len(outcomes) == len(given_articles)  # coded + rejected = read
    for article, outcome in zip(given_articles, outcomes):
        if isinstance(outcome, Reject):
            assert outcome.reason.startswith("[") and outcome.article_id is not None
        else:
            assert outcome[0] is article
    rejected: list[Reject] = []
    list(code_articles(given_articles, coder, on_reject=rejected.append))
    assert len(rejected) == sum(isinstance(o, Reject) for o in outcomes)


@pytest.mark.slow  # a 1 MB article takes a minute
def test_issue_inputs_are_rejected_by_stage_or_coded(coder):
    articles = [
        Article("surrogate", f"{LEAD} \ud800", date(2024, 3, 8)),
        Article("year-1", f"{LEAD} {FOLLOW}", date(1, 1, 3)),
        Article("year-9999", f"{LEAD} {FOLLOW}", date(9999, 12, 31)),
        Article("megabyte", (LEAD + " ") * 17_000, date(2024, 3, 8)),  # ~1 MB
        Article("good", f"{LEAD} {FOLLOW}", date(2024, 3, 8)),
    ]
    outcomes = dict(zip([a.article_id for a in articles], code_records(articles, coder)))
    assert "unpaired surrogate" in outcomes["surrogate"].reason  # type: ignore[union-attr]
    for extreme in ("year-1", "year-9999"):
        assert "outside 1800-2200" in outcomes[extreme].reason  # type: ignore[union-attr]
    assert not isinstance(outcomes["megabyte"], Reject) and len(outcomes["megabyte"][1]) > 1000
    assert not isinstance(outcomes["good"], Reject) and outcomes["good"][1]


def test_a_stage_failing_on_one_article_rejects_it_and_stores_the_rest_of_its_batch(tmp_path, coder, monkeypatch):
    place_of_act = eventwire.pipeline.place_of_act

    def failing(act, *args):
        if "Tuvalu" in act.sent.text:
            raise RuntimeError("a bug met on this sentence")
        return place_of_act(act, *args)

    monkeypatch.setattr(eventwire.pipeline, "place_of_act", failing)
    articles = [
        Article("a", LEAD, date(2024, 3, 8), origin="in.jsonl:1"),
        Article("b", "Tuvalu condemned Fiji on Monday.", date(2024, 3, 8), origin="in.jsonl:2"),
        Article("c", FOLLOW, date(2024, 3, 8), origin="in.jsonl:3"),
    ]
    seen: list[Reject] = []
    with Store(tmp_path / "s.duckdb") as store:
        summary = code_into_store(articles, store, coder, on_reject=seen.append)
        assert (summary.read, summary.coded, summary.rejected) == (3, 2, 1)
        assert store.known_articles(["a", "b", "c"]) == {"a", "c"}
        [(origin, line, reason)] = store.con.execute("SELECT origin, line, reason FROM rejects").fetchall()
    assert (origin, line) == ("in.jsonl", 2) and reason.startswith("[pipeline] RuntimeError: a bug met")
    assert [r.article_id for r in seen] == ["b"]


def test_an_article_past_its_time_budget_is_rejected_with_the_reason(coder):
    impatient = dataclasses.replace(coder, settings=dataclasses.replace(coder.settings, article_seconds=0.0))
    [outcome] = code_records([Article("slow", f"{LEAD} {FOLLOW}", date(2024, 3, 8))], impatient)
    assert isinstance(outcome, Reject) and "coding took over 0 s" in outcome.reason


def test_the_command_stores_the_good_records_of_a_hostile_file(tmp_path, coder):
    lines = [
        f'{{"id": "g1", "published": "2024-03-08", "text": "{LEAD}"}}',
        '{"id": "s1", "text": "x\\ud800y"}',
        '{"id": "n1", "text": "Togo met Ghana.", "title": ' + "9" * 4301 + "}",
        '{"id": "d1", "text": "Togo met Ghana.", "source": ' + "[" * 990 + "]" * 990 + "}",
        '{"id": "y1", "published": "9999-12-31", "text": "Togo will meet Ghana next week."}',
        f'{{"id": "g2", "published": "2024-03-08", "text": "{FOLLOW}"}}',
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    for _ in range(2):  # a rerun does not die on the same line either
        result = runner.invoke(app, ["code", str(source), "--db", str(db), "--no-link"])
        assert result.exit_code == 0 and result.exception is None, result.output
    with Store(db, read_only=True) as store:
        assert store.known_articles(["g1", "g2"]) == {"g1", "g2"}
        assert store.counts()["articles"] + store.counts()["rejects"] == len(lines)


def test_sentence_entities_are_those_of_span_ents(coder):
    doc = coder.nlp(f"{LEAD} {FOLLOW}\n\nThe United Nations met in New York on 3 May 2021. {LEAD}")
    for sent in doc.sents:
        ours = [(e.start, e.end, e.label_) for e in sentence_ents(sent)]
        assert ours == [(e.start, e.end, e.label_) for e in sent.ents]
    assert any(sentence_ents(s) for s in doc.sents)


def _lines_run_coding(coder, sentences: int) -> int:
    """Python lines executed coding one article of `sentences` sentences: a count of work that
    does not depend on the machine's load (each loop iteration of a comprehension counts)."""
    text = "\n\n".join(" ".join([LEAD, FOLLOW][i % 2] for i in range(p, p + 4)) for p in range(0, sentences, 4))
    article = Article("long", text, date(2024, 3, 8))
    doc = coder.nlp(text)
    coder.code_doc(doc, article)  # warm caches before counting
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        coder.code_doc(doc, article)
    finally:
        sys.settrace(None)
    return count


def test_coding_work_grows_linearly_with_article_length(coder):
    small, large = _lines_run_coding(coder, 40), _lines_run_coding(coder, 320)
    # eight times the sentences: 8.7 times the lines (9.9 before issue 19's fixes; Span.ents's
    # own quadratic walk is in Cython, out of sight here: test_no_stage_asks_a_span_for_its_entities)
    assert large / small < 9.2, (small, large)


def test_no_stage_asks_a_span_for_its_entities():
    """`Span.ents` walks every entity of the Doc: per sentence it makes coding quadratic. Only a
    Doc's own `doc.ents` (once per article) is allowed; sentences use `sentence_ents`."""
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"(?<!\bdoc)\.ents\b", line) and "`" not in line and not line.lstrip().startswith("#")
    ]
    assert offenders == []


def test_no_component_sets_sentence_starts_token_by_token():
    """Setting `Token.is_sent_start` checks the whole Doc for a parse each time: per paragraph it
    makes the paragraph component quadratic. Sentence starts are written back as one array."""
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.is_sent_start\s*=[^=]", line)
    ]
    assert offenders == []


@pytest.mark.model
def test_paragraph_breaks_start_sentences(coder):
    doc = coder.nlp("Kenya and\nUganda agreed on Monday.\n\nBrazil and Argentina met.")
    assert [s.text.strip() for s in doc.sents] == ["Kenya and", "Uganda agreed on Monday.", "Brazil and Argentina met."]

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.ingest import parse_published, read_inputs, read_jsonl, text_id
from eventwire.records import Article, Reject


def _write(path: Path, content: bytes | str) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_jsonl_reads_fields_and_ignores_extras(tmp_path):
    line = {"id": "a1", "published": "2011-02-03", "source": "Wire", "title": "T", "text": "Text.", "extra": 1}
    [article] = read_inputs([str(_write(tmp_path / "a.jsonl", json.dumps(line)))])
    assert isinstance(article, Article)
    assert (article.article_id, article.published, article.source, article.title) == (
        "a1",
        date(2011, 2, 3),
        "Wire",
        "T",
    )


def test_jsonl_without_id_or_date_uses_text_hash_and_no_date(tmp_path):
    [article] = read_inputs([str(_write(tmp_path / "a.jsonl", '{"text": "Some text."}'))])
    assert article.article_id == text_id("Some text.")
    assert article.published is None


def test_each_reject_reason_is_reported_with_its_line(tmp_path):
    lines = [
        "{not json",
        json.dumps({"id": "x"}),
        json.dumps({"id": "y", "text": "   "}),
        json.dumps({"id": "z", "text": "ok", "published": "yesterday-ish"}),
        json.dumps({"id": "big", "text": "x" * 200}),
        json.dumps([1, 2]),
        json.dumps({"id": "good", "text": "Fine."}),
    ]
    records = list(read_inputs([str(_write(tmp_path / "a.jsonl", "\n".join(lines)))], max_bytes=100))
    rejects = [r for r in records if isinstance(r, Reject)]
    assert [r.line for r in rejects] == [1, 2, 3, 4, 5, 6]
    reasons = " | ".join(r.reason for r in rejects)
    for expected in (
        "malformed JSON",
        "no 'text'",
        "empty text",
        "bad 'published'",
        "larger than",
        "not a JSON object",
    ):
        assert expected in reasons
    assert [r.article_id for r in records if isinstance(r, Article)] == ["good"]


def test_non_utf8_line_and_file_are_rejected(tmp_path):
    [bad_line, good] = read_inputs([str(_write(tmp_path / "a.jsonl", b'{"text": "\xff"}\n{"text": "ok"}'))])
    assert isinstance(bad_line, Reject) and "UTF-8" in bad_line.reason
    assert isinstance(good, Article)
    [bad_file] = read_inputs([str(_write(tmp_path / "b.txt", b"caf\xe9 text"))])
    assert isinstance(bad_file, Reject) and "UTF-8" in bad_file.reason


def test_text_file_takes_id_from_name_and_date_from_option_or_text(tmp_path):
    [given_date] = read_inputs([str(_write(tmp_path / "story.txt", "Body text."))], published=date(2020, 1, 2))
    assert (given_date.article_id, given_date.published) == ("story", date(2020, 1, 2))
    [found] = read_inputs([str(_write(tmp_path / "dated.txt", "March 5, 2019\n\nBody text."))])
    assert found.published == date(2019, 3, 5)


def test_html_main_text_and_date_are_extracted(tmp_path):
    html = (
        "<html><head><meta property='article:published_time' content='2015-06-01'></head><body><article>"
        "<p>Germany and France held talks in Berlin on Monday about trade and energy policy in Europe.</p>"
        "</article></body></html>"
    )
    [article] = read_inputs([str(_write(tmp_path / "page.html", html))])
    assert isinstance(article, Article)
    assert "Germany and France held talks" in article.text
    assert article.published == date(2015, 6, 1)


def test_unknown_extension_and_missing_file_are_rejected(tmp_path):
    records = list(read_inputs([str(_write(tmp_path / "a.pdf", "x")), str(tmp_path / "missing.jsonl")]))
    assert all(isinstance(r, Reject) for r in records)
    assert "unknown extension" in records[0].reason and "no such file" in records[1].reason


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "b.txt", "B text.")
    _write(tmp_path / "sub" / "a.jsonl", '{"id": "a", "text": "A text."}')
    _write(tmp_path / "notes.md", "not an article")
    ids = [r.article_id for r in read_inputs([str(tmp_path)], published=date(2020, 1, 1))]
    assert ids == ["b", "a"]


def test_stdin_jsonl_and_plain_text():
    jsonl = io.BytesIO(b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n')
    assert [r.article_id for r in read_inputs(["-"], stdin=jsonl)] == ["s1", "s2"]
    [plain] = read_inputs(["-"], published=date(2020, 5, 5), stdin=io.BytesIO(b"Plain story."))
    assert plain.article_id == text_id("Plain story.") and plain.published == date(2020, 5, 5)


def test_parse_published_accepts_iso_forms_and_refuses_others():
    assert parse_published("2010-12-17T08:30:00Z") == date(2010, 12, 17)
    assert parse_published(None) is None
    for bad in ("17/12/2010", "soon", 20101217):
        try:
            parse_published(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} was accepted")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=80).filter(lambda b: b"\n" not in b and b"\r" not in b), max_size=20))
def test_random_bytes_never_crash_and_every_line_is_accounted_for(lines):
    records = list(read_jsonl(iter(line + b"\n" for line in lines), "fuzz", 1000))
    assert len(records) == sum(1 for line in lines if line.strip())
    assert all(isinstance(r, (Article, Reject)) for r in records)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["id", "text", "published", "title", "source"]),
            st.one_of(st.none(), st.integers(), st.text(max_size=30), st.lists(st.integers(), max_size=2)),
        ),
        max_size=10,
    )
)
def test_random_json_records_are_coded_or_rejected_never_lost(objects):
    stream = iter((json.dumps(o) + "\n").encode() for o in objects)
    records = list(read_jsonl(stream, "fuzz", 1000))
    assert len(records) == len(objects)

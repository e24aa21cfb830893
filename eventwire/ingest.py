"""Ingest: read articles from JSON Lines, text, HTML files, folders and stdin.

Every input record ends as an Article or a Reject (with file, line and reason): nothing is
dropped silently, so `coded + rejected = read` always holds.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from .dateline import dateline_date
from .errors import InputError
from .records import Article, Reject, parse_published, published_problem

EXTENSIONS = (".jsonl", ".txt", ".html", ".htm")
Record = Article | Reject


def text_id(text: str) -> str:
    """Identity of an article without an id: a hash of its text."""
    return "sha-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


_SCALARS = (str, int, float)


def storable(text: str) -> str:
    """`text` with unpaired surrogates (which no UTF-8 store takes) written as escapes ("\\ud800"):
    for file names and ids echoed in rejects."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def reject_article(article: Article, reason: str) -> Reject:
    """A Reject of an article read from `file:line` (its origin), with that file and line."""
    origin, _, line = article.origin.rpartition(":")
    file, number = (origin, int(line)) if origin and line.isdigit() else (article.origin, None)
    return Reject(storable(file), number, storable(reason), storable(article.article_id))


def unicode_problem(field: str, value: str | None) -> str | None:
    """Why a string field is no Unicode text (an unpaired surrogate, from a JSON escape such as
    "\\ud800" or a file name's undecodable bytes), else None."""
    if value is None or value.isascii():
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        return (
            f"'{field}' holds an unpaired surrogate ({storable(value[err.start])}) at character {err.start}, "
            "which is no Unicode text; fix the escape in the input"
        )
    return None


def article_problem(article: Article) -> str | None:
    """Why an article cannot be coded and stored as it is (bad text in a field, an impossible date)."""
    for field in ("article_id", "text", "source", "title", "url", "origin"):
        if (problem := unicode_problem(field, getattr(article, field))) is not None:
            return problem
    return published_problem(article.published)


def _too_big(text: str, limit: int) -> bool:
    return len(text.encode("utf-8")) > limit


def _article_from_json(raw: bytes, origin: str, line: int, limit: int, default: date | None = None) -> Record:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Reject(origin, line, "line is not UTF-8 text")
    except json.JSONDecodeError as err:
        return Reject(origin, line, f"malformed JSON: {err.msg} at column {err.colno}")
    except ValueError as err:  # a number of over 4,300 digits
        return Reject(origin, line, f"unreadable JSON ({err}); fix the record")
    except RecursionError:
        return Reject(origin, line, "JSON nested too deep to read; fix the record")
    if not isinstance(data, dict):
        return Reject(origin, line, "line is not a JSON object")
    return article_from_mapping(data, origin, line, limit, default)


def article_from_mapping(
    data: Mapping[str, Any], origin: str, line: int | None, limit: int, default: date | None = None
) -> Record:
    """An article from a record with the JSON Lines field names (`id`, `text`, `published`,
    `source`, `title`, `url`), or a Reject naming the field that is wrong."""
    fields = {name: data.get(name) for name in ("id", "text", "published", "source", "title", "url")}
    known_id = storable(str(fields["id"])) if isinstance(fields["id"], _SCALARS) else None
    if not isinstance(fields["text"], str):
        return Reject(origin, line, "no 'text' field (a string) in the record", known_id)
    for name in ("id", "source", "title", "url"):
        if fields[name] is not None and not isinstance(fields[name], _SCALARS):
            return Reject(origin, line, f"'{name}' is a {type(fields[name]).__name__}; give a string", known_id)
    values = {name: None if value is None else str(value) for name, value in fields.items() if name != "published"}
    text = fields["text"]
    if not text.strip():
        return Reject(origin, line, "empty text", known_id)
    for name, value in values.items():
        if (problem := unicode_problem(name, value)) is not None:
            return Reject(origin, line, problem, known_id)
    article_id = values["id"] or text_id(text)
    if _too_big(text, limit):
        return Reject(origin, line, f"text is larger than the {limit}-byte limit (--max-bytes)", article_id)
    try:
        published = parse_published(fields["published"])
    except ValueError as err:
        return Reject(origin, line, f"bad 'published' date {_shown(fields['published'])}: {err}", article_id)
    return Article(
        article_id,
        text,
        published or dateline_date(text) or default,
        values["source"],
        values["title"],
        values["url"],
        origin if line is None else f"{origin}:{line}",
    )


def _shown(value: Any) -> str:
    """A field's value as quoted in a reason: short, and storable."""
    shown = repr(value) if isinstance(value, (str, *_SCALARS, type(None))) else f"<a {type(value).__name__}>"
    return storable(shown if len(shown) <= 60 else shown[:57] + "...")


def as_article(item: Article | Mapping[str, Any], number: int, limit: int = 1_000_000) -> Article:
    """The library's input: an Article, or a mapping shaped like a JSON Lines record; anything
    else, or a record that reader would reject, raises InputError saying which and why."""
    if isinstance(item, Article):
        return item
    if not isinstance(item, Mapping):
        raise InputError(
            f"article {number} is a {type(item).__name__}; give an eventwire.Article or a dict with "
            "'text' (and optional 'id', 'published', 'source', 'title', 'url')."
        )
    record = article_from_mapping(item, "articles", number, limit)
    if isinstance(record, Reject):
        raise InputError(f"article {number}: {record.reason}; fix that record.")
    return record


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def read_jsonl(stream: Iterable[bytes], origin: str, limit: int, default: date | None = None) -> Iterator[Record]:
    """Records of a JSON Lines stream; `default` is the date of those that give none."""
    for number, raw in enumerate(stream, 1):
        if raw.strip():
            yield _record_of_line(raw, origin, number, limit, default)


def _record_of_line(raw: bytes, origin: str, line: int, limit: int, default: date | None) -> Record:
    """The line's Article or Reject, whatever its bytes: a reader that raised would end the run
    and lose the good records read with this one."""
    try:
        return _article_from_json(raw, origin, line, limit, default)
    except Exception as err:  # noqa: BLE001 - any content the checks above did not foresee
        return Reject(origin, line, f"record could not be read ({type(err).__name__}: {storable(str(err))[:200]})")


def _decode(raw: bytes, origin: str) -> str | Reject:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return Reject(origin, None, f"file is not UTF-8 text (byte {err.start}); convert it to UTF-8")


def date_in_text(text: str) -> date | None:
    """A full date (day, month and year) near the start of a text file, if one is written there."""
    from dateparser.search import search_dates  # slow import: only for text files without --published

    try:
        found = search_dates(
            text[:300],
            languages=["en"],
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
        )
    except (ValueError, OverflowError):  # a date past the calendar ("31 December 9999 …")
        return None
    day = found[0][1].date() if found else None
    return day if published_problem(day) is None else None


def read_text(raw: bytes, origin: str, article_id: str, published: date | None, limit: int) -> Record:
    text = _decode(raw, origin)
    if isinstance(text, Reject):
        return text
    if not text.strip():
        return Reject(origin, None, "empty text", article_id)
    if _too_big(text, limit):
        return Reject(origin, None, f"text is larger than the {limit}-byte limit (--max-bytes)", article_id)
    # the dateline's date is the text's own; one found further in is less sure than --published
    return Article(article_id, text, dateline_date(text) or published or date_in_text(text), origin=origin)


def read_html(raw: bytes, origin: str, article_id: str, published: date | None, limit: int) -> Record:
    import trafilatura  # heavy import, only needed for HTML
    from trafilatura.settings import Document

    html = _decode(raw, origin)
    if isinstance(html, Reject):
        return html
    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True)
    except (ValueError, TypeError, RecursionError) as err:
        return Reject(origin, None, f"the HTML could not be read ({type(err).__name__}: {storable(str(err))[:200]})")
    found = extracted.as_dict() if isinstance(extracted, Document) else {}  # a Document or None: as_dict is off
    text = found.get("text") or ""
    if not text.strip():
        return Reject(origin, None, "no article text found in the HTML", article_id)
    if _too_big(text, limit):
        return Reject(origin, None, f"text is larger than the {limit}-byte limit (--max-bytes)", article_id)
    try:
        page_date = parse_published(found.get("date"))
    except ValueError:
        page_date = None
    own_date = page_date or dateline_date(text)  # the page's own date wins over --published
    return Article(
        article_id, text, own_date or published, found.get("sitename"), found.get("title"), found.get("url"), origin
    )


def read_file(path: Path, published: date | None, limit: int) -> Iterator[Record]:
    origin = storable(str(path))
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        yield Reject(origin, None, f"unknown extension '{suffix}'; use one of {', '.join(EXTENSIONS)}")
        return
    try:
        if suffix == ".jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl(stream, origin, limit, published)
            return
        raw = path.read_bytes()
    except OSError as err:
        yield Reject(origin, None, f"cannot read the file: {err.strerror}")
        return
    reader = read_text if suffix == ".txt" else read_html
    yield reader(raw, origin, storable(path.stem), published, limit)


def read_stdin(stream: BinaryIO, published: date | None, limit: int) -> Iterator[Record]:
    """JSON Lines when the first character is '{', else one text article."""
    raw = stream.read()
    if raw.lstrip()[:1] == b"{":
        yield from read_jsonl(iter(raw.splitlines(keepends=True)), "<stdin>", limit, published)
        return
    text = _decode(raw, "<stdin>")
    article_id = text_id(text) if isinstance(text, str) else "<stdin>"
    yield read_text(raw, "<stdin>", article_id, published, limit)


def expand_paths(inputs: Iterable[str]) -> Iterator[Path | str]:
    for item in inputs:
        path = Path(item)
        if item == "-":
            yield item
        elif path.is_dir():
            # A folder contributes its article files; other files there (READMEs) are not input.
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in EXTENSIONS and not p.name.startswith(".")
            )
        else:
            yield path


def read_inputs(
    inputs: Iterable[str], published: date | None = None, max_bytes: int = 1_000_000, stdin: BinaryIO | None = None
) -> Iterator[Record]:
    """Articles and rejects from files, folders (recursive) and '-' (stdin), in order."""
    for item in expand_paths(inputs):
        if item == "-":
            yield from read_stdin(stdin or sys.stdin.buffer, published, max_bytes)
        elif isinstance(item, Path) and not item.exists():
            yield Reject(storable(str(item)), None, "no such file or folder")
        else:
            assert isinstance(item, Path)
            yield from read_file(item, published, max_bytes)


def missing_inputs(inputs: Iterable[str]) -> list[str]:
    """The inputs that are neither '-' nor an existing file or folder."""
    return [item for item in inputs if item != "-" and not Path(item).exists()]


def count_articles(inputs: Iterable[str]) -> int | None:
    """How many records the inputs hold (a JSON Lines file's non-empty lines, one per other
    file), for a progress total; None with stdin, which cannot be read twice."""
    total = 0
    for item in expand_paths(inputs):
        if not isinstance(item, Path):
            return None
        if item.suffix.lower() == ".jsonl":
            try:
                with item.open("rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            except OSError:
                total += 1  # read again, and rejected, by read_file
        else:
            total += 1
    return total

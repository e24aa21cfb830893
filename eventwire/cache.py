"""What eventwire builds once and keeps in the user cache folder ($XDG_CACHE_HOME/eventwire,
else ~/.cache/eventwire): the condensed gazetteer (stages/places.py), the dictionaries' actor
patterns as token ids and their YAML files as JSON (here). A file's name holds the versions or
the hash of what it was built from, so a changed dictionary, tokenizer or library builds a new
one; a folder that cannot be written only costs the build again next time."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.attrs import LOWER
from spacy.tokenizer import Tokenizer


def cache_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eventwire"


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Write through a temporary file renamed into place: a reader (another worker starting at the
    same time) sees no file or a whole one. An unwritable folder is left alone."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write(partial)
        partial.replace(path)
    except OSError:
        # a full disk stopped the write: no partial file left behind, one per process and run
        with suppress(OSError):
            partial.unlink(missing_ok=True)


def lowered_token_ids(tokenizer: Tokenizer, texts: Sequence[str], folder: Path | None = None) -> list[tuple[int, ...]]:
    """Each text's tokens as the ids of their lower-case forms (what a PhraseMatcher on LOWER
    compares), empty texts left out. Tokenizing the ~50,000 dictionary phrases took 1.7 s of every
    process's start-up; the ids are kept, keyed on the texts, the tokenizer's rules and spaCy's
    version."""
    digest = hashlib.sha256(spacy.__version__.encode())
    digest.update(tokenizer.to_bytes(exclude=["vocab"]))
    digest.update(json.dumps(texts).encode())  # not joined by a separator: a text may hold it
    path = (folder or cache_folder()) / f"patterns-v1-{digest.hexdigest()[:24]}.npz"  # v1: LOWER ids
    kept = _kept_ids(path, len(texts))
    if kept is not None:
        ids, lengths = kept
    else:
        tokenized = [doc.to_array(LOWER).tolist() for doc in tokenizer.pipe(texts)]
        lengths = [len(t) for t in tokenized]
        ids = [i for t in tokenized for i in t]

        def save(partial: Path) -> None:
            with partial.open("wb") as handle:  # a handle: given a name, numpy would append ".npz"
                numpy.savez(handle, ids=numpy.array(ids, dtype="uint64"), lengths=numpy.array(lengths, dtype="int64"))

        write_atomically(path, save)
    found, start = [], 0
    for length in lengths:
        if length:
            found.append(tuple(ids[start : start + length]))
        start += length
    return found


def cached_json(kind: str, content: bytes, build: Callable[[], Any], folder: Path | None = None) -> Any:
    """`build()`'s data, kept as JSON under `kind` and the hash of `content` (the bytes it is
    built from): parsing the YAML dictionaries took 0.5 s of every start, reading JSON takes
    0.01. Data JSON would not give back equal (keys that are not strings, NaN, a time of day) is
    built each time; dates are kept tagged."""
    path = (folder or cache_folder()) / f"{kind}-{hashlib.sha256(content).hexdigest()[:24]}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"), object_hook=_untagged)
    except (OSError, ValueError):
        pass
    data = build()
    try:
        text = json.dumps(data, default=_tagged)
    except (TypeError, ValueError):
        return data
    if json.loads(text, object_hook=_untagged) == data:
        write_atomically(path, lambda partial: partial.write_text(text, encoding="utf-8"))
    return data


_DATE_TAG = "$date"


def _tagged(value: object) -> dict[str, str]:
    if type(value) is date:
        return {_DATE_TAG: value.isoformat()}
    raise TypeError(f"{type(value).__name__} is not kept")


def _untagged(mapping: dict[str, Any]) -> Any:
    if mapping.keys() == {_DATE_TAG} and isinstance(mapping[_DATE_TAG], str):
        return date.fromisoformat(mapping[_DATE_TAG])
    return mapping


def _kept_ids(path: Path, count: int) -> tuple[list[int], list[int]] | None:
    """The ids and the token count of each of `count` texts kept at `path`; None when there is no
    such file or it is not whole (cut short by a crash, changed on disk, written by another
    program), which is then built again."""
    try:
        with numpy.load(path, allow_pickle=False) as stored:
            ids, lengths = stored["ids"], stored["lengths"]
    except Exception:  # noqa: BLE001 - a damaged file raises EOFError, zipfile.BadZipFile, TypeError...
        return None
    whole = (
        ids.dtype == numpy.uint64
        and ids.ndim == 1
        and lengths.dtype.kind in "iu"
        and lengths.shape == (count,)
        and not (lengths < 0).any()
        and lengths.sum() == len(ids)
    )
    return (ids.tolist(), lengths.tolist()) if whole else None

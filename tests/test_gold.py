"""Accuracy floor on the project's shared gold (skipped on machines without ../shared)."""

from __future__ import annotations

from eventwire import Article
from eventwire.evaluate import prediction_from_row, read_gold, score
from eventwire.ingest import read_inputs
from eventwire.pipeline import code_documents


def _score(coder, path):
    gold, _ = read_gold(path)
    articles = [r for r in read_inputs([str(path)]) if isinstance(r, Article)]
    predictions = [prediction_from_row(e.to_row()) for _, events in code_documents(articles, coder) for e in events]
    return score(gold, predictions)


def test_seeds_precision_never_below_recall(coder, gold_dir):
    result = _score(coder, gold_dir / "seeds.jsonl")
    assert result.precision >= result.recall
    assert result.precision >= 0.95 and result.f1 >= 0.95
    assert result.mode_ok / result.tp >= 0.95 and result.sector_ok / result.sector_total >= 0.90
    assert result.date_ok / result.date_total >= 0.90


def test_plover_gsr_precision_never_below_recall(coder, gold_dir):
    result = _score(coder, gold_dir / "plover_gsr.jsonl")
    assert result.precision >= result.recall

"""Throughput of `eventwire code` next to bare spaCy `nlp.pipe` on the same texts, same run.

    python bench/throughput.py [--copies N]

Texts: the bundled samples plus ../shared/gold files when present, repeated N times with
fresh ids. Prints articles/s and words/s for (a) bare nlp.pipe with the full model and
(b) eventwire coding end to end into a fresh DuckDB file, and the ratio b/a.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from eventwire import Article, Coder
from eventwire.ingest import read_inputs
from eventwire.run import code_into_store
from eventwire.store import Store

ROOT = Path(__file__).resolve().parents[1]


def corpus(copies: int) -> list[Article]:
    sources = [str(ROOT / "examples")]
    gold = ROOT.parent / "shared" / "gold"
    if gold.is_dir():
        sources += [str(p) for p in sorted(gold.glob("*.jsonl"))]
    base = [r for r in read_inputs(sources) if isinstance(r, Article)]
    return [replace(a, article_id=f"{a.article_id}#{i}") for i in range(copies) for a in base]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=3)
    args = parser.parse_args()
    articles = corpus(args.copies)
    words = sum(len(a.text.split()) for a in articles)
    coder = Coder.build()
    print(f"corpus: {len(articles)} articles, {words} words")

    start = time.perf_counter()
    for _ in coder.nlp.pipe((a.text for a in articles), batch_size=coder.settings.batch_size):
        pass
    bare = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
        start = time.perf_counter()
        summary = code_into_store(articles, store, coder)
        coded = time.perf_counter() - start

    for label, seconds in (("(a) bare nlp.pipe", bare), ("(b) eventwire code", coded)):
        print(f"{label:22s} {seconds:7.2f} s  {len(articles) / seconds:8.1f} articles/s  {words / seconds:8.0f} words/s")
    print(f"ratio b/a (speed): {bare / coded:.2f}   events: {summary.events}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

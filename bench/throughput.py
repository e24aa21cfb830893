"""Throughput of `eventwire code` next to bare spaCy `nlp.pipe` on the same news, same run.

    python bench/throughput.py [--min-articles 300] [--repeats 3] [--no-dask] [--no-eval]

Corpus: news articles (the bundled samples, and ../shared/gold's news_dev and news_negatives when
present), repeated with fresh ids (the parser caches nothing across documents) to at least
`--min-articles`, written to one JSON Lines file. Measured, in passes of three paired runs:

  (a) bare `nlp.pipe` of the full en_core_web_sm model in this process (batch 64 or spaCy's
      default, the faster; the model loaded beforehand), run just before each of (b) and (c):
      the ratios are medians over these pairs;
  (b) `eventwire code CORPUS --db NEW -j 1`, the command a user runs, timed end to end in a
      process of its own: start-up (model, dictionaries, gazetteer), coding, storing and linking;
  (c) the same with `-j 2` (two worker processes);
  (d) the Dask engine on a local 2-worker cluster, into part files, then `eventwire load`.

Peak RSS is read from /proc (VmHWM) of every process of (b) and (c), the main ones included.
Also printed: the time of each spaCy component, and `eventwire eval` figures with and without the
prefilter (they must be equal).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import spacy

from eventwire import Article, Coder
from eventwire.evaluate import prediction_from_row, read_gold, score
from eventwire.ingest import read_inputs
from eventwire.run import code_into_store
from eventwire.settings import Settings
from eventwire.store import Store

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"
NEWS_FILES = ("news_dev.jsonl", "news_negatives.jsonl")
EVENTWIRE = Path(sys.executable).with_name("eventwire")


def news_corpus(min_articles: int) -> list[Article]:
    sources = [str(ROOT / "examples")] + [str(GOLD / name) for name in NEWS_FILES if (GOLD / name).exists()]
    base = [r for r in read_inputs(sources) if isinstance(r, Article)]
    copies = math.ceil(min_articles / len(base))
    return [replace(a, article_id=f"{a.article_id}#{i}") for i in range(copies) for a in base]


def write_jsonl(articles: list[Article], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            published = a.published.isoformat() if a.published else None
            row = {"id": a.article_id, "text": a.text, "published": published, "source": a.source, "title": a.title}
            out.write(json.dumps(row) + "\n")


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bare(nlp: spacy.Language, texts: list[str], batch_size: int) -> None:
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass


@dataclass(frozen=True)
class CommandRun:
    seconds: float
    peak_mb: dict[str, float]  # "main", "worker 1", … -> peak RSS in MB


def _peak_mb(pid: int) -> float | None:
    """The process's peak RSS so far (VmHWM: it only grows, so the last reading is its peak)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def run_command(args: list[str]) -> CommandRun:
    """Run a command to its end, reading the peak RSS of it and its children as it goes."""
    peaks: dict[int, float] = {}
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while process.poll() is None:
        for pid in [process.pid, *_children(process.pid)]:
            if (peak := _peak_mb(pid)) is not None:
                peaks[pid] = max(peaks.get(pid, 0.0), peak)
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"{' '.join(args)} failed: {process.stderr.read().decode()[-2000:]}")
    main = peaks.pop(process.pid, 0.0)
    # spawn's resource tracker (a few MB) is a child too; the workers are those holding a model
    workers = sorted((p for p in peaks.values() if p > 100), reverse=True)
    return CommandRun(seconds, {"main": main} | {f"worker {i}": p for i, p in enumerate(workers, 1)})


def code_command(corpus: Path, jobs: int) -> CommandRun:
    with tempfile.TemporaryDirectory() as folder:
        return run_command([str(EVENTWIRE), "code", str(corpus), "--db", f"{folder}/bench.duckdb", "-j", str(jobs)])


def component_times(nlp: spacy.Language, texts: list[str]) -> list[tuple[str, float]]:
    """Seconds each component adds, enabling them one after another (noisy: +-0.3 s)."""
    times, previous = [], 0.0
    for k in range(1, len(nlp.pipe_names) + 1):
        with nlp.select_pipes(enable=nlp.pipe_names[:k]):
            seconds = timed(lambda: bare(nlp, texts, 64))
        times.append((nlp.pipe_names[k - 1], seconds - previous))
        previous = seconds
    return times


def eval_figures(coder: Coder) -> dict[str, tuple]:
    figures = {}
    for name in ("seeds.jsonl", "plover_gsr.jsonl", "news_dev.jsonl"):
        gold, _ = read_gold(GOLD / name)
        articles = [r for r in read_inputs([str(GOLD / name)]) if isinstance(r, Article)]
        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "e.duckdb") as store:
            code_into_store(articles, store, coder)
            predictions = [prediction_from_row(r) for r in store.events().to_pylist()]
        result = score(gold, predictions).as_dict()
        figures[name] = tuple(
            result[k] for k in ("precision", "recall", "f1", "mode_accuracy", "date_accuracy", "sector_accuracy")
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--min-articles", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3, help="paired passes per ratio")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--no-eval", action="store_true")
    args = parser.parse_args()
    articles = news_corpus(args.min_articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(articles)} news articles, {words} words")
    settings = Settings()
    name = next((n for n in settings.model_names if spacy.util.is_package(n)), settings.model_names[-1])
    model = spacy.load(name)
    bare(model, texts[:100], 64)  # warm-up: first batches pay one-off allocations
    batch_a = (
        64 if timed(lambda: bare(model, texts[:300], 64)) <= timed(lambda: bare(model, texts[:300], 1000)) else 1000
    )

    # The machine's speed drifts by 10-30 % over minutes: each run of eventwire is paired with a
    # bare-spaCy pass just before it, and the ratios' median is reported.
    runs: dict[int, list[tuple[float, CommandRun]]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "news.jsonl"
        write_jsonl(articles, corpus)
        for _ in range(args.repeats):
            for jobs in (1, 2):
                runs[jobs].append((timed(lambda: bare(model, texts, batch_a)), code_command(corpus, jobs)))
    a = statistics.median(pair[0] for pairs in runs.values() for pair in pairs)
    rows = [(f"(a) bare nlp.pipe (batch {batch_a})", a)]
    rows += [
        (f"({'bc'[jobs - 1]}) eventwire code -j {jobs}", statistics.median(r.seconds for _, r in runs[jobs]))
        for jobs in (1, 2)
    ]
    if not args.no_dask:
        rows += dask_rows(articles, settings)
    for label, seconds in rows:
        print(
            f"{label:28s} {seconds:7.2f} s  {len(articles) / seconds:8.1f} articles/s  {words / seconds:8.0f} words/s"
        )
    print_ratios(runs)
    print(
        "seconds each component of the bare model adds (one pass, batch 64; eventwire replaces "
        "attribute_ruler + lemmatizer by a cache of their output and adds its coding):"
    )
    for component, seconds in component_times(model, texts):
        print(f"  {component:28s} {seconds:6.2f} s")
    coder = Coder.build()
    print(f"  eventwire parse (its pipeline) {timed(lambda: list(coder.parse(articles))):6.2f} s in all")
    if not args.no_eval and GOLD.is_dir():
        print_eval(coder)


def print_ratios(runs: dict[int, list[tuple[float, CommandRun]]]) -> None:
    """The paired ratios to bare and of -j 2 to -j 1, and each process's peak RSS."""
    ratio = {jobs: [bare_s / r.seconds for bare_s, r in runs[jobs]] for jobs in (1, 2)}
    scaling = [one.seconds / two.seconds for (_, one), (_, two) in zip(runs[1], runs[2])]
    print(
        f"ratio to bare, start-up included (medians of paired passes): -j 1 {statistics.median(ratio[1]):.2f} "
        f"({', '.join(f'{x:.2f}' for x in ratio[1])}); -j 2 {statistics.median(ratio[2]):.2f} "
        f"({', '.join(f'{x:.2f}' for x in ratio[2])}); -j 2 over -j 1 {statistics.median(scaling):.2f} "
        f"({', '.join(f'{x:.2f}' for x in scaling)}); targets >= 1.5, and >= 1.8 for -j 2 over -j 1"
    )
    for jobs in (1, 2):
        peaks = {k: max(r.peak_mb.get(k, 0.0) for _, r in runs[jobs]) for k in runs[jobs][0][1].peak_mb}
        print(
            f"peak RSS of -j {jobs}: "
            + ", ".join(f"{k} {v:.0f} MB" for k, v in peaks.items())
            + " (target <= 400 MB each)"
        )


def print_eval(coder: Coder) -> None:
    """eval figures with and without the prefilter, which must be the same."""
    with_filter = eval_figures(coder)
    without = eval_figures(replace(coder, settings=replace(coder.settings, prefilter=False)))
    for gold_name in with_filter:
        print(
            f"eval {gold_name}: P/R/F1/mode/date/sector {_fmt(with_filter[gold_name])} with prefilter, "
            f"{_fmt(without[gold_name])} without: {_same(with_filter[gold_name], without[gold_name])}"
        )


def _same(first: tuple, second: tuple) -> str:
    return "same" if first == second else "DIFFERENT"


def _fmt(values: tuple) -> str:
    return "/".join("n/a" if v is None else f"{v:.3f}" for v in values)


def peak_rss_mb() -> float:
    """This process's peak RSS (read in each Dask worker)."""
    return _peak_mb(os.getpid()) or 0.0


def dask_rows(articles: list[Article], settings: Settings) -> list[tuple[str, float]]:
    try:
        from eventwire.dask_engine import code_on_dask, connect
        from eventwire.engine import load_parts
    except ImportError:
        print("dask: not installed (pip install 'eventwire[dask]'); skipped")
        return []
    started = time.perf_counter()
    with connect(None, 2) as client, tempfile.TemporaryDirectory() as folder:
        from eventwire.dask_engine import load_model_on_workers

        load_model_on_workers(client, settings)
        print(f"dask start-up (cluster + model on 2 workers): {time.perf_counter() - started:.1f} s")
        size = settings.batch_size
        batches = [articles[i : i + size] for i in range(0, len(articles), size)]
        parts = Path(folder) / "parts"
        coded = timed(lambda: code_on_dask(client, batches, settings, parts))
        with Store(Path(folder) / "d.duckdb") as store:
            loaded = timed(lambda: load_parts(parts, store))
        rss = client.run(peak_rss_mb)
        print(f"dask worker peak RSS: {', '.join(f'{r:.0f}' for r in rss.values())} MB")
    return [("(d) dask 2 workers: code", coded), ("(d) dask: code + load", coded + loaded)]


if __name__ == "__main__":
    main()

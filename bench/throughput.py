"""Throughput of `eventwire code` next to bare spaCy `nlp.pipe` on the same texts, same run.

    python bench/throughput.py [--copies 7] [--no-dask] [--no-eval]

Corpus: the bundled samples plus ../shared/gold files when present, repeated with fresh ids
(the parser caches nothing across documents) to at least 2,000 articles. Measured, after a
warm-up, best of two passes where it matters:

  (a) bare `nlp.pipe` of the full en_core_web_sm model (batch 64 or spaCy's default, the faster),
      run just before each measurement of (b) and (c): the ratios are medians over these pairs;
  (b) eventwire coding end to end into a fresh DuckDB file, one process;
  (c) the same with two local worker processes (`eventwire code -j 2`);
  (d) the Dask engine on a local 2-worker cluster, into part files, then `eventwire load`.

Model loading is reported apart (once per process). Also printed: the ratios b/a and c/a, peak
RSS per process, the time of each spaCy component, and `eventwire eval` figures with and
without the prefilter (they must be equal).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import spacy

from eventwire import Article, Coder
from eventwire.engine import local_pool, ordered_map
from eventwire.evaluate import prediction_from_row, read_gold, score
from eventwire.ingest import read_inputs
from eventwire.run import code_into_store
from eventwire.settings import Settings
from eventwire.store import Store

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"


def corpus(copies: int) -> list[Article]:
    sources = [str(ROOT / "examples")]
    if GOLD.is_dir():
        sources += [str(p) for p in sorted(GOLD.glob("*.jsonl"))]
    base = [r for r in read_inputs(sources) if isinstance(r, Article)]
    return [replace(a, article_id=f"{a.article_id}#{i}") for i in range(copies) for a in base]


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM: unlike ru_maxrss it is not inherited from a parent)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def cpu_timed(run) -> float:
    """CPU seconds of this process (all its threads): unlike wall time, not inflated when the
    virtual machine's host takes the CPU away."""
    start = time.process_time()
    run()
    return time.process_time() - start


def bare(nlp: spacy.Language, texts: list[str], batch_size: int) -> None:
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass


def code_once(articles: list[Article], mapper, batch_size: int = 64) -> int:
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
        return code_into_store(articles, store, mapper, batch_size=batch_size).events


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
    for name in ("seeds.jsonl", "plover_gsr.jsonl"):
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
    parser.add_argument("--copies", type=int, default=7)
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--no-eval", action="store_true")
    parser.add_argument("--repeats", type=int, default=3, help="paired passes per ratio")
    args = parser.parse_args()
    articles = corpus(args.copies)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(articles)} articles, {words} words")

    started = time.perf_counter()
    model = (
        spacy.load(Settings().model_names[0])
        if spacy.util.is_package(Settings().model_names[0])
        else spacy.load(Settings().model_names[1])
    )
    coder = Coder.build()
    print(f"start-up (model + dictionaries + gazetteer): {time.perf_counter() - started:.1f} s")
    bare(model, texts[:200], 64)  # warm-up: first batches pay one-off allocations
    code_once(articles[:200], coder)

    cpu_a: list[float] = []
    cpu_b: list[float] = []
    # The machine's speed drifts by 10-30 % over minutes: each measurement of eventwire is
    # paired with a bare-spaCy pass run just before it, and the ratios' median is reported.
    batch_a = (
        64 if timed(lambda: bare(model, texts[:600], 64)) <= timed(lambda: bare(model, texts[:600], 1000)) else 1000
    )
    pairs_b, cpu_pairs_b = [], []
    for _ in range(args.repeats):
        wall_a = timed(lambda: cpu_a.append(cpu_timed(lambda: bare(model, texts, batch_a))))
        wall_b = timed(lambda: cpu_b.append(cpu_timed(lambda: code_once(articles, coder))))
        pairs_b.append((wall_a, wall_b))
        cpu_pairs_b.append((cpu_a[-1], cpu_b[-1]))

    started = time.perf_counter()
    settings = Settings()
    pool = local_pool(settings, 2)
    pool_start = time.perf_counter() - started
    pairs_c = [
        (
            timed(lambda: bare(model, texts, batch_a)),
            timed(lambda: code_once(articles, lambda batches: ordered_map(pool, settings, batches, ahead=4), 256)),
        )
        for _ in range(args.repeats)
    ]
    worker_rss = list(pool.map(_worker_peak_rss, range(2)))
    pool.shutdown()
    a = statistics.median([p[0] for p in pairs_b + pairs_c])
    b = statistics.median([p[1] for p in pairs_b])
    c = statistics.median([p[1] for p in pairs_c])
    ratio_b = statistics.median([p[0] / p[1] for p in pairs_b])
    ratio_c = statistics.median([p[0] / p[1] for p in pairs_c])
    rows = [(f"(a) bare nlp.pipe (batch {batch_a})", a), ("(b) eventwire code", b), ("(c) eventwire code -j 2", c)]

    if not args.no_dask:
        rows += dask_rows(articles, settings)

    for label, seconds in rows:
        print(
            f"{label:28s} {seconds:7.2f} s  {len(articles) / seconds:8.1f} articles/s  {words / seconds:8.0f} words/s"
        )
    print(
        f"CPU-time ratio b/a (one process, steadier): {statistics.median([x / y for x, y in cpu_pairs_b]):.2f} "
        f"({', '.join(f'{x / y:.2f}' for x, y in cpu_pairs_b)})"
    )
    print(
        f"ratio b/a: {ratio_b:.2f}   ratio c/a: {ratio_c:.2f}   (medians of paired passes: "
        f"b/a {', '.join(f'{x / y:.2f}' for x, y in pairs_b)}; c/a {', '.join(f'{x / y:.2f}' for x, y in pairs_c)}; "
        "targets >= 1.0 and >= 1.8)"
    )
    print(f"local pool start-up (2 processes loading the model in parallel): {pool_start:.1f} s")
    print(
        f"peak RSS: main process {peak_rss_mb():.0f} MB (holds the bare model, the coder and DuckDB); "
        f"workers {', '.join(f'{r:.0f}' for r in worker_rss)} MB (target <= 400 MB per worker)"
    )
    print(
        "seconds each component of the bare model adds (one pass, batch 64; eventwire replaces "
        "attribute_ruler + lemmatizer by a cache of their output and adds its coding):"
    )
    for name, seconds in component_times(model, texts):
        print(f"  {name:28s} {seconds:6.2f} s")
    print(f"  eventwire parse (its pipeline) {timed(lambda: list(coder.parse(articles))):6.2f} s in all")
    if not args.no_eval and GOLD.is_dir():
        with_filter = eval_figures(coder)
        without = eval_figures(replace(coder, settings=replace(coder.settings, prefilter=False)))
        for name in with_filter:
            print(
                f"eval {name}: P/R/F1/mode/date/sector {_fmt(with_filter[name])} with prefilter, "
                f"{_fmt(without[name])} without: {'same' if with_filter[name] == without[name] else 'DIFFERENT'}"
            )


def _fmt(values: tuple) -> str:
    return "/".join("n/a" if v is None else f"{v:.3f}" for v in values)


def _worker_peak_rss(_: int) -> float:
    time.sleep(0.2)  # let both workers take one call each
    return peak_rss_mb()


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
        batches = [articles[i : i + 256] for i in range(0, len(articles), 256)]
        parts = Path(folder) / "parts"
        coded = timed(lambda: code_on_dask(client, batches, settings, parts))
        with Store(Path(folder) / "d.duckdb") as store:
            loaded = timed(lambda: load_parts(parts, store))
        rss = client.run(peak_rss_mb)
        print(f"dask worker peak RSS: {', '.join(f'{r:.0f}' for r in rss.values())} MB")
    return [("(d) dask 2 workers: code", coded), ("(d) dask: code + load", coded + loaded)]


if __name__ == "__main__":
    main()

"""Scale of the dataset steps: link + series + export over 1,000,000 synthetic event mentions.

    python bench/dataset_scale.py [--events 1000000] [--dyads 200] [--years 3]

Synthetic mentions (generated in DuckDB SQL, no parsing) spread over `dyads` country pairs and
`years` years, 3 mentions per article, 12 outlets; about 60 % are dated to a day, 10 % to a
month, the rest undated, and about one in three repeats an event another article reported, so
linking has real work. Prints seconds and peak RSS for each step; the target is < 30 s in all
and < 2 GB.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

from eventwire.aggregate import SeriesQuery, series, top_dyads
from eventwire.export import export
from eventwire.link import link
from eventwire.store import EVENT_SCHEMA, Store

COUNTRIES = [
    "USA",
    "CHN",
    "RUS",
    "GBR",
    "FRA",
    "DEU",
    "IND",
    "PAK",
    "IRN",
    "ISR",
    "JPN",
    "KOR",
    "PRK",
    "TUR",
    "EGY",
    "SAU",
    "UKR",
    "BRA",
    "VEN",
    "ZAF",
    "NGA",
    "KEN",
    "ETH",
    "AUS",
    "IDN",
]


def generate(store: Store, n_events: int, n_dyads: int, years: int) -> None:
    days = 365 * years
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    store.con.execute(f"""
        CREATE TEMP TABLE synth AS
        WITH base AS (
            SELECT i, hash(i) AS h, hash(i * 7 + 1) AS h2,
                   -- about a third of mentions repeat an earlier "real event": same seed, same fields
                   CASE WHEN hash(i * 13) % 3 = 0 THEN i - 1 - (hash(i * 17) % 50)::BIGINT ELSE i END AS seed
            FROM range({n_events}) t(i)),
        fields AS (
            SELECT i, h2, (hash(seed) % {n_dyads})::INTEGER AS dyad, (hash(seed * 3) % {days})::INTEGER AS offset_days,
                   lpad(((hash(seed * 5) % 20) + 1)::VARCHAR, 2, '0') AS root
            FROM base)
        SELECT i, h2, ({countries})[(dyad % {len(COUNTRIES)}) + 1] AS src,
               ({countries})[((dyad // {len(COUNTRIES)} + dyad % {len(COUNTRIES)} + 1) % {len(COUNTRIES)}) + 1] AS tgt,
               root, DATE '{date(2023, 1, 1)}' + offset_days AS day
        FROM fields""")
    columns = ", ".join(f.name for f in EVENT_SCHEMA)
    store.con.execute(f"""
        INSERT INTO events ({columns})
        SELECT substr(md5(i::VARCHAR), 1, 16), 'art' || (i // 3), day + (h2 % 3)::INTEGER, (i % 3)::INTEGER, 0, 80,
               src || ' did something to ' || tgt,
               src, 0, 3, src, 'GOV', src || 'GOV', 'synthetic',
               tgt, 10, 13, tgt, 'GOV', tgt || 'GOV', 'synthetic',
               'did', 4, 7, root || '0', 'synthetic code', root,
               CASE WHEN root <= '05' THEN 1 WHEN root <= '09' THEN 2 WHEN root <= '14' THEN 3 ELSE 4 END,
               CASE WHEN root <= '09' THEN 3.0 ELSE -5.0 END, 'CONSULT', 'asserted',
               CASE WHEN h2 % 10 < 7 THEN day END,
               CASE WHEN h2 % 10 < 6 THEN 'day' WHEN h2 % 10 < 7 THEN 'month' END, 'on Monday',
               CASE WHEN h2 % 10 < 6 THEN day WHEN h2 % 10 < 7 THEN date_trunc('month', day)::DATE END,
               CASE WHEN h2 % 10 < 6 THEN day WHEN h2 % 10 < 7 THEN last_day(day) END,
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0.7, 'synthetic; place: no place found', 'bench'
        FROM synth""")
    store.con.execute("""
        INSERT INTO articles SELECT article_id, min(published), 'outlet ' || (hash(article_id) % 12),
               NULL, 'https://example.org/' || article_id, 'bench', 'synthetic', 3, now()
        FROM events GROUP BY article_id""")
    store.con.execute("DROP TABLE synth")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--dyads", type=int, default=200)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--memory-limit", default="1GB", help="DuckDB memory limit (it spills to disk beyond)")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as tmp,
        Store(Path(tmp) / "scale.duckdb", memory_limit=args.memory_limit) as store,
    ):
        started = time.perf_counter()
        generate(store, args.events, args.dyads, args.years)
        print(f"generated {args.events:,} mentions in {time.perf_counter() - started:.1f} s")
        timings = {}
        started = time.perf_counter()
        summary = link(store)
        timings["link"] = time.perf_counter() - started
        print(f"link: {summary.line()}")
        started = time.perf_counter()
        pair = top_dyads(store, 1).to_pylist()[0]["dyad"].split("-")
        for freq in ("day", "week", "month"):
            table = series(store, SeriesQuery((pair[0], pair[1]), freq, measure="quad"))
        timings["series (dyads + 3 series)"] = time.perf_counter() - started
        for fmt in ("gdelt", "gdelt-mentions", "parquet"):
            started = time.perf_counter()
            rows = export(store, fmt, Path(tmp) / f"out.{fmt}")
            timings[f"export {fmt} ({rows:,} rows)"] = time.perf_counter() - started
        for step, seconds in timings.items():
            print(f"{step:<40} {seconds:6.1f} s")
        print(f"{'total':<40} {sum(timings.values()):6.1f} s   (target < 30 s)")
        print(f"peak RSS {rss_mb():.0f} MB   (target < 2048 MB; last series had {table.num_rows} rows)")


if __name__ == "__main__":
    main()

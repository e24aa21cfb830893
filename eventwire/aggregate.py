"""Aggregate: daily/weekly/monthly actor-pair series of cooperation and conflict, and the most
active pairs, computed in DuckDB SQL over linked clusters (or raw mentions).

Only asserted events are counted: a planned visit, a denied attack or a hypothetical threat has
not happened (their clusters stay in the store and in the exports, with their mode).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pyarrow as pa
import pycountry

from .errors import InputError
from .store import Store, write_events

FREQUENCIES = ("day", "week", "month")
MEASURES = {
    "count": ["events"],
    "quad": ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "events"],
    "goldstein": ["goldstein_sum", "goldstein_mean", "events"],
}

COMMON_SECTORS = frozenset({"GOV", "MIL", "OPP", "REB", "CVL", "BUS", "MED", "UNO"})


@dataclass(frozen=True, slots=True)
class SeriesQuery:
    dyad: tuple[str, str]
    freq: str = "day"
    directed: bool = False
    sectors: tuple[str, str] | None = None  # (source, target) sector; None: any
    start: date | None = None
    end: date | None = None
    measure: str = "count"
    raw: bool = False  # count every mention instead of deduplicated clusters

    def __post_init__(self) -> None:
        if self.freq not in FREQUENCIES:
            raise InputError(f"unknown --freq '{self.freq}'; use one of {', '.join(FREQUENCIES)}.")
        if self.measure not in MEASURES:
            raise InputError(f"unknown --measure '{self.measure}'; use one of {', '.join(MEASURES)}.")
        if self.start and self.end and self.start > self.end:
            raise InputError(f"--from {self.start} is after --to {self.end}.")


def parse_pair(text: str, what: str, known: set[str], present: Collection[str] = frozenset()) -> tuple[str, str]:
    """'CHN-USA' -> ('CHN', 'USA'); unknown codes are refused with the closest known ones,
    codes the store holds and codes sharing the first letters ranked first."""
    parts = [p.strip().upper() for p in text.split("-")]
    if len(parts) != 2 or not all(parts):
        raise InputError(f"{what} '{text}' should be two codes joined by '-', e.g. CHN-USA.")
    for code in parts:
        if code not in known:

            def closeness(candidate: str, code: str = code) -> float:
                similarity = difflib.SequenceMatcher(None, code, candidate).ratio()
                prefix = len(os.path.commonprefix([code, candidate]))
                return similarity + 0.1 * prefix + 0.2 * (candidate in present) if similarity >= 0.5 else 0.0

            close = [c for c in sorted(known, key=lambda c: (-closeness(c), c)) if closeness(c) > 0][:3]
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise InputError(f"unknown code '{code}' in {what} '{text}'{hint}")
    return parts[0], parts[1]


def known_countries(store: Store) -> tuple[set[str], set[str]]:
    """ISO3 codes plus every actor country the store holds (IGO and the like), and the latter."""
    rows = store.con.execute(
        "SELECT DISTINCT source_country FROM events UNION SELECT DISTINCT target_country FROM events"
    )
    present = {r[0] for r in rows.fetchall() if r[0]}
    return {c.alpha_3 for c in pycountry.countries} | present, present


def known_sectors(store: Store) -> set[str]:
    """The common CAMEO sectors, and every sector the store holds."""
    rows = store.con.execute("SELECT source_sector FROM events UNION SELECT target_sector FROM events")
    return {r[0] for r in rows.fetchall() if r[0]} | COMMON_SECTORS


def _base_sql(query: SeriesQuery) -> tuple[str, list[object]]:
    a, b = query.dyad
    if query.raw:
        source = """SELECT coalesce(date, published) AS day, date IS NULL AS imputed, source_country, target_country,
                           source_sector, target_sector, quad_class, goldstein, mode FROM events"""
    else:
        source = """SELECT date AS day, date_imputed AS imputed, source_country, target_country,
                           source_sector, target_sector, quad_class, goldstein, mode FROM event_clusters"""
    pairs = [
        "(source_country = ? AND target_country = ?"
        + (" AND source_sector = ? AND target_sector = ?" if query.sectors else "")
        + ")"
    ]
    params: list[object] = [a, b, *(query.sectors or ())]
    if not query.directed:
        pairs.append(
            "(source_country = ? AND target_country = ?"
            + (" AND source_sector = ? AND target_sector = ?" if query.sectors else "")
            + ")"
        )
        params += [b, a] + (list(query.sectors) if query.sectors else [])
    where = f"mode = 'asserted' AND day IS NOT NULL AND ({' OR '.join(pairs)})"
    if query.start:
        where += " AND day >= ?"
        params.append(query.start)
    if query.end:
        where += " AND day <= ?"
        params.append(query.end)
    return f"SELECT * FROM ({source}) WHERE {where}", params


def series(store: Store, query: SeriesQuery) -> pa.Table:
    """One row per period from --from (or the first event) to --to (or the last), zero-filled."""
    base, params = _base_sql(query)
    step = {"day": "1 day", "week": "7 days", "month": "1 month"}[query.freq]
    trunc = "week" if query.freq == "week" else query.freq
    columns = ", ".join(
        f"coalesce(c.{m}, 0){'::BIGINT' if m not in ('goldstein_sum', 'goldstein_mean') else ''} AS {m}"
        for m in MEASURES[query.measure]
    )
    sql = f"""
    WITH base AS ({base}),
    bounds AS (SELECT date_trunc('{trunc}', coalesce(?::DATE, min(day))) AS lo,
                      date_trunc('{trunc}', coalesce(?::DATE, max(day))) AS hi FROM base),
    periods AS (SELECT unnest(generate_series(lo, hi, INTERVAL '{step}'))::DATE AS period
                FROM bounds WHERE lo IS NOT NULL),
    counted AS (
        SELECT date_trunc('{trunc}', day)::DATE AS period,
               count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
               count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
               count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
               count(*) AS events, sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
               count(*) FILTER (WHERE imputed) AS dated_by_publication
        FROM base GROUP BY 1)
    SELECT p.period, ? AS dyad,
           {columns},
           coalesce(c.dated_by_publication, 0)::BIGINT AS dated_by_publication
    FROM periods p LEFT JOIN counted c USING (period) ORDER BY p.period"""
    label = "-".join(query.dyad) if not query.directed else f"{query.dyad[0]}>{query.dyad[1]}"
    return store.con.sql(sql, params=params + [query.start, query.end, label]).to_arrow_table()


def series_span(store: Store, query: SeriesQuery) -> tuple[date | None, date | None]:
    """The first and last day `series` would cover: --from and --to, or the dyad's first and last
    event (None when it has none), so a caller can bound the rows before asking for them."""
    if query.start and query.end:
        return query.start, query.end
    base, params = _base_sql(query)
    first, last = store.con.execute(f"SELECT min(day), max(day) FROM ({base})", params).fetchall()[0]  # noqa: S608
    return query.start or first, query.end or last


def quad_series(store: Store, query: SeriesQuery) -> pa.Table:
    """The same series per QuadClass, for plotting whatever --measure was asked."""
    return series(store, replace(query, measure="quad"))


def top_dyads(store: Store, limit: int = 20, raw: bool = False) -> pa.Table:
    """The most active country pairs (either direction) with their cooperation and conflict counts."""
    table, day = ("events", "coalesce(date, published)") if raw else ("event_clusters", "date")
    return store.con.sql(
        f"""
        SELECT least(source_country, target_country) || '-' || greatest(source_country, target_country) AS dyad,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               round(avg(goldstein), 2) AS goldstein_mean,
               min({day}) AS first, max({day}) AS last
        FROM {table}
        WHERE mode = 'asserted' AND source_country IS NOT NULL AND target_country IS NOT NULL
        GROUP BY 1 ORDER BY events DESC, dyad LIMIT ?""",
        params=[limit],
    ).to_arrow_table()  # noqa: S608 - table is one of two names


def write_series(table: pa.Table, output: Path) -> None:
    """A series to a .csv or .parquet file (by its suffix), its folder created."""
    fmt = output.suffix.lstrip(".").lower()
    if fmt not in ("csv", "parquet"):
        raise InputError(f"write the series to a .csv or .parquet file, not '{output.name}'.")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot create the folder {output.parent} ({error.strerror}).") from None
    write_events(table, output, fmt)


def plot_series(table: pa.Table, path: Path, title: str) -> None:
    """Cooperation stacked above the axis, conflict below, per period (PNG)."""
    import matplotlib

    matplotlib.use("Agg")  # no display: write files only
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    data = table.to_pydict()
    periods = data["period"]
    fig, ax = plt.subplots(figsize=(10, 4))
    width = {1: 0.8, 7: 5.6}.get(_spacing(periods), 24.0)
    verbal_coop, material_coop = data["verbal_cooperation"], data["material_cooperation"]
    verbal_conf = [-v for v in data["verbal_conflict"]]
    material_conf = [-v for v in data["material_conflict"]]
    ax.bar(periods, verbal_coop, width, align="edge", color="#7fb3d5", label="verbal cooperation")
    ax.bar(
        periods, material_coop, width, align="edge", bottom=verbal_coop, color="#1f618d", label="material cooperation"
    )
    ax.bar(periods, verbal_conf, width, align="edge", color="#f1948a", label="verbal conflict")
    ax.bar(periods, material_conf, width, align="edge", bottom=verbal_conf, color="#b03a2e", label="material conflict")
    ax.axhline(0, color="black", linewidth=0.8)
    # symmetric axis: the conflict half stays visible (and comparable) when there is none
    reach = max(
        [a + b for a, b in zip(verbal_coop, material_coop)] + [-a - b for a, b in zip(verbal_conf, material_conf)] + [1]
    )
    ax.set_ylim(-reach * 1.15, reach * 1.15)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("events (conflict below zero)")
    ax.set_title(title)
    ax.legend(loc="lower left", fontsize="small", ncols=4)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _spacing(periods: list[date]) -> int:
    return (periods[1] - periods[0]).days if len(periods) > 1 else 1

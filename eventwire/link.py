"""Link: group event mentions that report the same real event into clusters, in DuckDB SQL.

Two mentions report the same event when they have the same source and target country, CAMEO
root and mode; sectors, the three-digit CAMEO base code and the location country (named in the
sentence, not a dateline) agree where both are known; and their date windows overlap. The grouping runs in three set-based passes so
the result depends on the set of mentions only, never on the order they were coded in:

1. anchors: mentions dated to a day are swept into groups whose windows overlap (a day, widened
   by `window_days`), then split by sector, base code and place, unknown values joining the
   commonest known one;
2. attachment: every other mention (undated, or dated to a week or month) joins the largest
   compatible anchor group its window overlaps (undated: publication date ± `undated_days`);
3. the mentions left over are grouped among themselves the same way as anchors.

The whole store is relinked each time, so coding new articles later adds their mentions to the
clusters that exist; a cluster's id is derived from its smallest event_id.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from .errors import InputError, StoreError
from .store import Store


@dataclass(frozen=True, slots=True)
class LinkSettings:
    window_days: int = 0  # a day-dated report matches reports up to this many days away
    undated_days: int = 1  # an undated report is about its publication day ± this many days

    def __post_init__(self) -> None:
        if not 0 <= self.window_days <= 30 or not 0 <= self.undated_days <= 30:
            raise InputError("--window-days and --undated-days must be between 0 and 30.")


@dataclass(frozen=True, slots=True)
class LinkSummary:
    mentions: int
    clusters: int
    multi_mention_clusters: int

    def line(self) -> str:
        return (f"{self.mentions} event mentions linked into {self.clusters} clusters "
                f"({self.multi_mention_clusters} reported more than once)")


# Attributes that must agree where both mentions know them; a mention that does not know one
# takes the commonest value of its group.
_REFINE = ("src_sector", "tgt_sector", "base", "loc")
_KEY = "src, tgt, root, mode"


def _mention_sql(settings: LinkSettings) -> str:
    return f"""
    SELECT e.event_id, e.article_id, e.published, e.date, e.date_precision, e.date_text,
           coalesce(e.source_country, e.source_code, '') AS src,
           coalesce(e.target_country, e.target_code, '') AS tgt,
           e.source_sector AS src_sector, e.target_sector AS tgt_sector, e.root_code AS root, e.mode,
           -- '040' says only "consult": it is compatible with any 04x base code
           CASE WHEN length(e.cameo) < 3 OR e.cameo = e.root_code || '0' THEN NULL ELSE substr(e.cameo, 1, 3) END AS base,
           -- a dateline says where the report was filed, often not where the event happened
           CASE WHEN e.rule LIKE '%place: dateline%' THEN NULL ELSE e.location_country END AS loc,
           coalesce(e.date_precision = 'day', false) AS anchor,
           CASE WHEN e.date_start IS NOT NULL THEN e.date_start - {settings.window_days}
                ELSE coalesce(e.published, DATE '0001-01-01') - {settings.undated_days} END AS lo,
           CASE WHEN e.date_end IS NOT NULL THEN e.date_end + {settings.window_days}
                ELSE coalesce(e.published, DATE '0001-01-01') + {settings.undated_days} END AS hi
    FROM events e
    """


def _group_sql(source: str, prefix: str) -> str:
    """Sweep mentions of one key into groups of overlapping windows, then split by _REFINE."""
    order = "ORDER BY lo, hi, event_id"
    sql = f"""
    WITH swept AS (
        SELECT *, max(hi) OVER (PARTITION BY {_KEY} {order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_hi
        FROM {source}),
    numbered AS (
        SELECT * EXCLUDE (prev_hi),
               sum(CASE WHEN prev_hi IS NULL OR lo > prev_hi THEN 1 ELSE 0 END)
                   OVER (PARTITION BY {_KEY} {order} ROWS UNBOUNDED PRECEDING) AS seq
        FROM swept),
    g0 AS (SELECT *, '{prefix}' || concat_ws('|', {_KEY}, seq) AS gid FROM numbered)"""
    previous = "g0"
    for step, attr in enumerate(_REFINE, start=1):
        sql += f""",
    c{step} AS (SELECT gid, {attr} AS value, row_number() OVER (PARTITION BY gid ORDER BY count(*) DESC, {attr}) AS r
                FROM {previous} WHERE {attr} IS NOT NULL GROUP BY gid, {attr}),
    g{step} AS (SELECT p.* EXCLUDE (gid), p.gid || '|' || coalesce(p.{attr}, c.value, '') AS gid,
                       coalesce(p.{attr}, c.value, '') AS g_{attr}
                FROM {previous} p LEFT JOIN c{step} c ON c.gid = p.gid AND c.r = 1)"""
        previous = f"g{step}"
    return sql + f"\n    SELECT * FROM {previous}"


def _assign(con: duckdb.DuckDBPyConnection, settings: LinkSettings) -> None:
    con.execute(f"CREATE OR REPLACE TEMP TABLE link_m AS {_mention_sql(settings)}")
    con.execute("CREATE OR REPLACE TEMP VIEW link_anchor_in AS SELECT * FROM link_m WHERE anchor")
    con.execute(f"CREATE OR REPLACE TEMP TABLE link_anchor AS {_group_sql('link_anchor_in', 'a|')}")
    refined = ", ".join(f"any_value(g_{attr}) AS g_{attr}" for attr in _REFINE)
    con.execute(f"""CREATE OR REPLACE TEMP TABLE link_groups AS
        SELECT gid, {_KEY}, {refined}, min(lo) AS lo, max(hi) AS hi, count(*) AS n
        FROM link_anchor GROUP BY gid, {_KEY}""")
    compatible = " AND ".join(f"(m.{attr} IS NULL OR g.g_{attr} = '' OR m.{attr} = g.g_{attr})" for attr in _REFINE)
    con.execute(f"""CREATE OR REPLACE TEMP TABLE link_attached AS
        SELECT m.*, g.gid, g.lo AS group_lo, g.hi AS group_hi FROM (
            SELECT m.event_id, g.gid, g.lo, g.hi,
                   row_number() OVER (PARTITION BY m.event_id
                                      ORDER BY g.n DESC, abs(datediff('day', g.lo, m.lo) + datediff('day', g.hi, m.hi)), g.gid) AS r
            FROM link_m m JOIN link_groups g
              ON m.src = g.src AND m.tgt = g.tgt AND m.root = g.root AND m.mode = g.mode
             AND m.lo <= g.hi AND m.hi >= g.lo AND {compatible}
            WHERE NOT m.anchor) g
        JOIN link_m m USING (event_id) WHERE g.r = 1""")
    con.execute("""CREATE OR REPLACE TEMP VIEW link_rest_in AS
        SELECT * FROM link_m WHERE NOT anchor AND event_id NOT IN (SELECT event_id FROM link_attached)""")
    con.execute(f"CREATE OR REPLACE TEMP TABLE link_rest AS {_group_sql('link_rest_in', 'u|')}")
    con.execute("""CREATE OR REPLACE TEMP TABLE link_assigned AS
        SELECT event_id, gid, 'dated ' || strftime(date, '%Y-%m-%d')
               || ': same ' || src || ' > ' || tgt || ', CAMEO root ' || root || ', ' || mode AS joined_by
        FROM link_anchor
        UNION ALL
        SELECT event_id, gid, coalesce('dated to the ' || date_precision || ' (' || date_text || ')',
                                       'undated, published ' || strftime(published, '%Y-%m-%d'))
               || ': its window ' || strftime(lo, '%Y-%m-%d') || '..' || strftime(hi, '%Y-%m-%d')
               || ' overlaps reports dated ' || strftime(group_lo, '%Y-%m-%d') || '..' || strftime(group_hi, '%Y-%m-%d')
        FROM link_attached
        UNION ALL
        SELECT event_id, gid, 'no report of this ' || src || ' > ' || tgt || ' root ' || root
               || ' event is dated to a day: grouped with reports whose windows overlap '
               || strftime(lo, '%Y-%m-%d') || '..' || strftime(hi, '%Y-%m-%d')
        FROM link_rest""")


_CLUSTER_SQL = """
WITH ids AS (
    SELECT gid, ('0x' || substr(md5(min(event_id)), 1, 15))::BIGINT AS cluster_id FROM link_assigned GROUP BY gid),
members AS (
    SELECT i.cluster_id, a.joined_by, e.*, coalesce(ar.source, e.article_id) AS outlet, ar.url,
           CASE e.date_precision WHEN 'day' THEN 4 WHEN 'week' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END AS date_rank,
           CASE e.location_precision WHEN 'city' THEN 3 WHEN 'adm1' THEN 2 WHEN 'country' THEN 1 ELSE 0 END AS place_rank,
           (CASE WHEN e.cameo = e.root_code || '0' THEN 0 ELSE length(e.cameo) END) AS code_rank
    FROM link_assigned a JOIN ids i USING (gid) JOIN events e USING (event_id) LEFT JOIN articles ar USING (article_id))
SELECT cluster_id,
       arg_max(event_id, (date_rank, code_rank, confidence, event_id)) AS canonical_event_id,
       arg_max(source_country, (source_sector IS NOT NULL, length(source_code), event_id)) AS source_country,
       arg_max(source_sector, (source_sector IS NOT NULL, length(source_code), event_id)) AS source_sector,
       arg_max(source_code, (source_sector IS NOT NULL, length(source_code), event_id)) AS source_code,
       arg_max(source_text, (source_sector IS NOT NULL, length(source_code), event_id)) AS source_text,
       arg_max(target_country, (target_sector IS NOT NULL, length(target_code), event_id)) AS target_country,
       arg_max(target_sector, (target_sector IS NOT NULL, length(target_code), event_id)) AS target_sector,
       arg_max(target_code, (target_sector IS NOT NULL, length(target_code), event_id)) AS target_code,
       arg_max(target_text, (target_sector IS NOT NULL, length(target_code), event_id)) AS target_text,
       arg_max(cameo, (code_rank, event_id)) AS cameo,
       arg_max(cameo_name, (code_rank, event_id)) AS cameo_name,
       any_value(root_code) AS root_code,
       arg_max(quad_class, (code_rank, event_id)) AS quad_class,
       arg_max(goldstein, (code_rank, event_id)) AS goldstein,
       arg_max(plover_type, (code_rank, event_id)) AS plover_type,
       any_value(mode) AS mode,
       coalesce(arg_max(date, (date_rank, event_id)), min(published)) AS date,
       arg_max(date_precision, (date_rank, event_id)) AS date_precision,
       arg_max(date_start, (date_rank, event_id)) AS date_start,
       arg_max(date_end, (date_rank, event_id)) AS date_end,
       max(date_rank) = 0 AS date_imputed,
       arg_max(location_name, (place_rank, event_id)) AS location_name,
       arg_max(location_country, (place_rank, event_id)) AS location_country,
       arg_max(location_adm1, (place_rank, event_id)) AS location_adm1,
       arg_max(lat, (place_rank, event_id)) AS lat,
       arg_max(lon, (place_rank, event_id)) AS lon,
       arg_max(geonameid, (place_rank, event_id)) AS geonameid,
       arg_max(location_precision, (place_rank, event_id)) AS location_precision,
       count(*)::INTEGER AS num_mentions,
       count(DISTINCT article_id)::INTEGER AS num_articles,
       count(DISTINCT outlet)::INTEGER AS num_sources,
       min(published) AS first_seen,
       max(published) AS last_seen,
       -- noisy-or: each independent report that the event happened adds to the belief
       1 - exp(sum(ln(1 - least(confidence, 0.99)))) AS confidence,
       arg_max(url, (date_rank, code_rank, confidence, event_id)) AS url
FROM members GROUP BY cluster_id
"""


def link(store: Store, settings: LinkSettings | None = None) -> LinkSummary:
    """Relink every stored event mention into `event_clusters` and `mentions`, in one transaction."""
    settings = settings or LinkSettings()
    con = store.con
    try:
        con.execute("BEGIN TRANSACTION")
        _assign(con, settings)
        con.execute("DELETE FROM mentions")
        con.execute("DELETE FROM event_clusters")
        con.execute(f"INSERT INTO event_clusters BY NAME SELECT *, now() AS linked_at FROM ({_CLUSTER_SQL})")
        con.execute("""INSERT INTO mentions BY NAME
            SELECT a.event_id, i.cluster_id, a.joined_by FROM link_assigned a
            JOIN (SELECT gid, ('0x' || substr(md5(min(event_id)), 1, 15))::BIGINT AS cluster_id
                  FROM link_assigned GROUP BY gid) i USING (gid)""")
        con.execute("COMMIT")
    except duckdb.Error as err:
        con.execute("ROLLBACK")
        raise StoreError(f"linking events in {store.path} failed ({str(err).splitlines()[0]}); the previous clusters are kept.") from err
    finally:
        for name in ("link_m", "link_anchor", "link_groups", "link_attached", "link_rest", "link_assigned"):
            con.execute(f"DROP TABLE IF EXISTS {name}")
        for name in ("link_anchor_in", "link_rest_in"):
            con.execute(f"DROP VIEW IF EXISTS {name}")
    mentions, clusters, multi = con.execute(
        "SELECT (SELECT count(*) FROM mentions), count(*), count(*) FILTER (WHERE num_mentions > 1) FROM event_clusters"
    ).fetchall()[0]
    return LinkSummary(mentions, clusters, multi)

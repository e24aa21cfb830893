"""Link: group event mentions that report the same real event into clusters, in DuckDB SQL.

Two mentions report the same event when they have the same source and target country, CAMEO
root and mode; sectors, the three-digit CAMEO base code and the location country (named in the
sentence, not a dateline) agree where both are known; and their date windows overlap. The grouping
runs in three set-based passes so the result depends on the set of mentions only, never on the
order they were coded in:

1. anchors: mentions dated to a day are swept into groups whose windows overlap (a day, widened
   by `window_days`), then split by sector, base code and place, unknown values joining the
   commonest known one;
2. attachment: every other mention (undated, or dated to a week or month) joins the largest
   compatible anchor group its window overlaps (undated: publication date ± `undated_days`);
3. the mentions left over are grouped among themselves the same way as anchors.

The whole store is relinked each time, so coding new articles later adds their mentions to the
clusters that exist; a cluster's id is derived from its smallest event_id (52 bits: exact as a
JavaScript number).
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
        return (
            f"{self.mentions} event mentions linked into {self.clusters} clusters "
            f"({self.multi_mention_clusters} reported more than once)"
        )


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
           CASE WHEN length(e.cameo) < 3 OR e.cameo = e.root_code || '0' THEN NULL
                ELSE substr(e.cameo, 1, 3) END AS base,
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
                                      ORDER BY g.n DESC,
                                               abs(datediff('day', g.lo, m.lo) + datediff('day', g.hi, m.hi)),
                                               g.gid) AS r
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


# Each canonical field comes from the member ranked highest for it; ties go to a hash of the
# event_id, so the choice never depends on row order. Ranks are packed into one HUGEINT key
# because arg_max over integer keys is many times faster than over structs.
_RANKED_MEMBERS_SQL = """
CREATE OR REPLACE TEMP TABLE link_members AS
WITH ids AS (
    SELECT gid, ('0x' || substr(md5(min(event_id)), 1, 13))::BIGINT AS cluster_id FROM link_assigned GROUP BY gid)
SELECT i.cluster_id, a.joined_by, e.event_id, e.article_id, e.published, e.confidence, e.date,
       coalesce(ar.source, e.article_id) AS outlet, hash(e.event_id)::HUGEINT AS tie,
       CASE e.date_precision WHEN 'day' THEN 4 WHEN 'week' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END
           AS date_rank,
       CASE e.location_precision WHEN 'city' THEN 3 WHEN 'adm1' THEN 2 WHEN 'country' THEN 1 ELSE 0 END AS place_rank,
       CASE WHEN e.cameo = e.root_code || '0' THEN 0 ELSE length(e.cameo) END AS code_rank,
       (e.source_sector IS NOT NULL)::INTEGER * 16 + length(coalesce(e.source_code, '')) AS source_rank,
       (e.target_sector IS NOT NULL)::INTEGER * 16 + length(coalesce(e.target_code, '')) AS target_rank
FROM link_assigned a JOIN ids i USING (gid) JOIN events e USING (event_id) LEFT JOIN articles ar USING (article_id)
"""

_CLUSTER_SQL = """
WITH picked AS (
    SELECT cluster_id,
           arg_max(event_id,
                   ((date_rank * 8 + code_rank) * 1024 + round(confidence * 1000)::INTEGER) * 18446744073709551616
                   + tie) AS canonical,
           arg_max(event_id, source_rank * 18446744073709551616 + tie) AS by_source,
           arg_max(event_id, target_rank * 18446744073709551616 + tie) AS by_target,
           arg_max(event_id, code_rank * 18446744073709551616 + tie) AS by_code,
           arg_max(event_id, date_rank * 18446744073709551616 + tie) AS by_date,
           arg_max(event_id, place_rank * 18446744073709551616 + tie) AS by_place,
           max(date_rank) = 0 AS date_imputed, min(published) AS first_seen, max(published) AS last_seen,
           count(*)::INTEGER AS num_mentions, count(DISTINCT article_id)::INTEGER AS num_articles,
           count(DISTINCT outlet)::INTEGER AS num_sources,
           -- noisy-or: each independent report that the event happened adds to the belief
           1 - exp(sum(ln(1 - least(confidence, 0.99)))) AS confidence
    FROM link_members GROUP BY cluster_id)
SELECT p.cluster_id, p.canonical AS canonical_event_id,
       s.source_country, s.source_sector, s.source_code, s.source_text,
       t.target_country, t.target_sector, t.target_code, t.target_text,
       c.cameo, c.cameo_name, c.root_code, c.quad_class, c.goldstein, c.plover_type, c.mode, c.cameo_intent,
       coalesce(d.date, p.first_seen) AS date, d.date_precision, d.date_start, d.date_end, p.date_imputed,
       l.location_name, l.location_country, l.location_adm1, l.lat, l.lon, l.geonameid, l.location_precision,
       p.num_mentions, p.num_articles, p.num_sources, p.first_seen, p.last_seen, p.confidence, ar.url
FROM picked p
JOIN events s ON s.event_id = p.by_source JOIN events t ON t.event_id = p.by_target
JOIN events c ON c.event_id = p.by_code JOIN events d ON d.event_id = p.by_date
JOIN events l ON l.event_id = p.by_place JOIN events k ON k.event_id = p.canonical
LEFT JOIN articles ar ON ar.article_id = k.article_id
"""


def link(store: Store, settings: LinkSettings | None = None) -> LinkSummary:
    """Relink every stored event mention into `event_clusters` and `mentions`, in one transaction."""
    settings = settings or LinkSettings()
    con = store.con
    try:
        con.execute("BEGIN TRANSACTION")
        _assign(con, settings)
        con.execute(_RANKED_MEMBERS_SQL)
        con.execute("DELETE FROM mentions")
        con.execute("DELETE FROM event_clusters")
        con.execute(f"INSERT INTO event_clusters BY NAME SELECT *, now() AS linked_at FROM ({_CLUSTER_SQL})")
        con.execute("INSERT INTO mentions BY NAME SELECT event_id, cluster_id, joined_by FROM link_members")
        con.execute("COMMIT")
    except duckdb.Error as err:
        con.execute("ROLLBACK")
        raise StoreError(
            f"linking events in {store.path} failed ({str(err).splitlines()[0]}); the previous clusters are kept."
        ) from err
    finally:
        for name in ("link_anchor_in", "link_rest_in"):
            con.execute(f"DROP VIEW IF EXISTS {name}")
        for name in (
            "link_m",
            "link_anchor",
            "link_groups",
            "link_attached",
            "link_rest",
            "link_assigned",
            "link_members",
        ):
            con.execute(f"DROP TABLE IF EXISTS {name}")
    mentions, clusters, multi = con.execute(
        "SELECT (SELECT count(*) FROM mentions), count(*), count(*) FILTER (WHERE num_mentions > 1) FROM event_clusters"
    ).fetchall()[0]
    return LinkSummary(mentions, clusters, multi)

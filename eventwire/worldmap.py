"""The explorer's world map: Natural Earth's 1:110m countries (the world-atlas TopoJSON vendored
under web/vendor/) drawn as one SVG, each country a path named by its ISO3 code.

The projection is equirectangular, x = lon + 180 and y = 90 - lat in degrees, the same formula the
page's script uses to place events, so a point and its country always line up. Antarctica is cut
off below 60°S (no events there, and it would take a fifth of the height).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import pycountry

from .errors import InputError

ATLAS = "web/vendor/world-atlas/countries-110m.json"
SOUTH_EDGE = -60.0  # the map's lowest latitude
Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str | None  # None for shapes with no ISO 3166 code (Kosovo, N. Cyprus, Somaliland)
    name: str
    rings: tuple[tuple[Point, ...], ...]  # closed rings of (lon, lat)


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """The topology's arcs as (lon, lat) points: quantized arcs are delta-encoded integers."""
    transform = topology.get("transform")
    arcs = topology.get("arcs")
    if not isinstance(arcs, list):
        raise InputError("a TopoJSON topology needs a list of 'arcs'; is this a TopoJSON file?")
    if transform is None:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in arcs]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    decoded = []
    for arc in arcs:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def ring(arcs: Sequence[Sequence[Point]], indexes: Sequence[int]) -> tuple[Point, ...]:
    """One ring from its arc indexes; ~i is arc i backwards, and each arc after the first starts
    where the previous one ended, so its first point is dropped."""
    points: list[Point] = []
    for index in indexes:
        if not -len(arcs) <= index < len(arcs):
            raise InputError(f"arc {index} is not in the topology ({len(arcs)} arcs); the file is damaged.")
        arc = list(arcs[index]) if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return tuple(points)


def countries(topology: dict[str, Any], layer: str = "countries") -> list[Country]:
    """Each country of the layer, with its ISO3 code from the ISO 3166 numeric id."""
    try:
        geometries = topology["objects"][layer]["geometries"]
    except (KeyError, TypeError):
        raise InputError(f"the topology has no '{layer}' layer; use a world-atlas countries file.") from None
    arcs = decode_arcs(topology)
    shapes = []
    for geometry in geometries:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}
        if geometry.get("type") not in polygons:
            continue  # points or lines are no country shape
        rings = tuple(ring(arcs, r) for polygon in polygons[geometry["type"]] for r in polygon)
        found = pycountry.countries.get(numeric=geometry["id"]) if "id" in geometry else None
        name = (geometry.get("properties") or {}).get("name") or (found.name if found else "")
        shapes.append(Country(found.alpha_3 if found else None, name, rings))
    return shapes


def unwrap(points: Sequence[Point]) -> list[Point]:
    """The ring with longitudes made continuous: a step over the antimeridian (Russia, Fiji) goes
    on past ±180 instead of jumping back across the whole map."""
    out: list[Point] = []
    for lon, lat in points:
        if out:
            previous = out[-1][0]
            lon += 360 * round((previous - lon) / 360)
        out.append((lon, lat))
    return out


def path_data(rings: Sequence[Sequence[Point]]) -> str:
    """SVG path data of the rings in the map's projection, to a tenth of a degree. A ring running
    past ±180 is drawn again a world's width to the other side (the map's edge clips both), and
    rings wholly south of the map's edge are left out."""
    parts = []
    for points in rings:
        if not points or max(lat for _, lat in points) < SOUTH_EDGE:
            continue
        continuous = unwrap(points)
        lons = [lon for lon, _ in continuous]
        shifts = [0] + ([-360] if max(lons) > 180 else []) + ([360] if min(lons) < -180 else [])
        for shift in shifts:
            xy = [f"{lon + shift + 180:.1f},{90 - max(lat, SOUTH_EDGE - 1):.1f}" for lon, lat in continuous]
            parts.append("M" + "L".join(xy) + "Z")
    return "".join(parts)


def world_svg(shapes: Sequence[Country]) -> str:
    """The map: one <path class="country"> per country, data-iso3 set where the code is known."""
    height = 90 - SOUTH_EDGE
    paths = []
    for shape in shapes:
        data = path_data(shape.rings)
        if not data:
            continue
        code = f' data-iso3="{shape.iso3}"' if shape.iso3 else ""
        name = shape.name.replace("&", "&amp;").replace("<", "&lt;")
        paths.append(f'<path class="country"{code} d="{data}"><title>{name}</title></path>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 {height:g}" id="world" role="img" '
        f'aria-label="world map of event places">{"".join(paths)}</svg>'
    )


def bundled_world_svg() -> str:
    """The map of the vendored Natural Earth countries (read and drawn once per server)."""
    text = resources.files("eventwire").joinpath(ATLAS).read_text(encoding="utf-8")
    return world_svg(countries(json.loads(text)))

"""The explorer's files and routes without a browser: the world map read from the vendored
TopoJSON, the places the map counts, and /docs served from the package."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.link import link
from eventwire.serve import create_app
from eventwire.store import Store
from eventwire.worldmap import bundled_world_svg, countries, decode_arcs, path_data, ring, unwrap

from .linking.factory import Report, store_reports

coordinates = st.lists(st.tuples(st.integers(-500, 500), st.integers(-500, 500)), min_size=1, max_size=20)


@given(st.lists(coordinates, min_size=1, max_size=5))
def test_quantized_arcs_decode_to_their_points(absolute):
    deltas = [[(x - px, y - py) for (x, y), (px, py) in zip(arc, [(0, 0), *arc[:-1]])] for arc in absolute]
    topology = {"arcs": deltas, "transform": {"scale": [0.5, 0.25], "translate": [-180, -90]}}
    decoded = decode_arcs(topology)
    assert decoded == [[(x * 0.5 - 180, y * 0.25 - 90) for x, y in arc] for arc in absolute]


@given(coordinates, coordinates)
def test_a_ring_joins_arcs_and_walks_negative_ones_backwards(first, second):
    second = [first[-1], *second]  # the second arc starts where the first ends
    points = [tuple(map(float, p)) for p in first], [tuple(map(float, p)) for p in second]
    forward = ring(points, [0, 1])
    assert list(forward) == points[0] + points[1][1:]
    assert list(ring(points, [~1, ~0])) == list(reversed(forward))


@given(st.lists(st.integers(-10, 10), max_size=30), st.sampled_from([(0, 0)]))
def test_an_arc_index_outside_the_topology_is_refused_by_name(indexes, point):
    arcs = [[point, point]] * 3
    if all(-3 <= i < 3 for i in indexes):
        assert len(ring(arcs, indexes)) == (len(indexes) + 1 if indexes else 0)
    else:
        with pytest.raises(InputError, match="damaged"):
            ring(arcs, indexes)


@given(st.lists(st.floats(-179, 179), min_size=2, max_size=30))
def test_unwrapped_longitudes_never_jump_across_the_map(lons):
    points = [(lon, 0.0) for lon in lons]
    continuous = unwrap(points)
    assert all(abs(b[0] - a[0]) <= 180 for a, b in zip(continuous, continuous[1:]))
    assert all(round((c[0] - p[0]) % 360, 6) in (0, 360) for c, p in zip(continuous, points))


def test_a_ring_over_the_antimeridian_is_drawn_on_both_edges():
    fiji_like = [(178.0, -17.0), (-179.0, -17.0), (-179.0, -18.0), (178.0, -18.0), (178.0, -17.0)]
    data = path_data([fiji_like])
    assert data.count("M") == 2
    xs = [float(x) for x in re.findall(r"[ML]([-\d.]+),", data)]
    assert max(xs) - min(xs) > 300 and all(abs(b - a) < 10 for a, b in zip(xs, xs[1:]) if (a > 180) == (b > 180))


def test_a_file_without_countries_is_refused_with_what_to_use():
    with pytest.raises(InputError, match="countries"):
        countries({"arcs": [], "objects": {}})
    with pytest.raises(InputError, match="TopoJSON"):
        decode_arcs({"objects": {}})


def test_the_bundled_map_has_the_countries_by_iso3():
    svg = bundled_world_svg()
    codes = set(re.findall(r'data-iso3="([A-Z]{3})"', svg))
    assert len(codes) > 160 and {"FRA", "CHN", "USA", "RUS", "BRA", "NGA", "AUS"} <= codes
    france = re.search(r'data-iso3="FRA" d="([^"]+)"', svg)
    assert france
    points = [(float(x), float(y)) for x, y in re.findall(r"([-\d.]+),([-\d.]+)", france[1])]
    mainland = [(x, y) for x, y in points if 175 < x < 190 and 38 < y < 50]  # x = lon + 180, y = 90 - lat
    guiana = [(x, y) for x, y in points if 125 < x < 130 and 84 < y < 89]
    assert mainland and guiana and len(mainland) + len(guiana) + 10 > len(points)  # and Corsica


@pytest.fixture
def client(tmp_path):
    path = tmp_path / "m.duckdb"
    day = date(2025, 6, 2)
    with Store(path) as store:
        store_reports(
            store,
            [
                Report("a", day, day=day, place="FRA"),
                Report("b", day, day=day, place="FRA", sentence=1),
                Report("c", day, source="RUS", target="UKR", cameo="190", day=day, place="UKR"),
                Report("d", day, source="IND", target="PAK", day=day),
            ],
        )
        link(store)
    with TestClient(create_app(path)) as test_client:
        yield test_client


def test_places_count_the_filtered_events_and_place_filters_the_events(client):
    every = client.get("/places").json()["places"]
    assert [(p["location_country"], p["events"]) for p in every] == [("FRA", 2), ("UKR", 1)]
    assert client.get("/places", params={"dyad": "RUS-UKR"}).json()["places"][0]["location_country"] == "UKR"
    events = client.get("/events", params={"place": "FRA"}).json()
    assert events["total"] == 2 and {e["location_country"] for e in events["events"]} == {"FRA"}
    assert client.get("/places", params={"place": "france"}).status_code == 422


def test_docs_and_map_come_from_the_package(client):
    page = client.get("/docs").text
    assert "swagger-ui-bundle.js" in page and not re.search(r"""(src|href)=["']https?://""", page)
    zipped = client.get("/assets/swagger-ui-bundle.js", headers={"Accept-Encoding": "gzip"})
    plain = client.get("/assets/swagger-ui-bundle.js", headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip" and "content-encoding" not in plain.headers
    assert zipped.content == plain.content and b"SwaggerUIBundle" in plain.content
    assert client.get("/assets/swagger-ui.css").headers["content-type"].startswith("text/css")
    assert client.get("/assets/other.js").status_code == 404
    world = client.get("/world.svg")
    assert world.headers["content-type"] == "image/svg+xml" and world.text.count('class="country"') > 150
    assert "/redoc" not in client.get("/openapi.json").text and client.get("/redoc").status_code == 404

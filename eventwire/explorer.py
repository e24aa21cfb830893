"""The browser explorer's routes: its page, the world map and its places, and Swagger UI at /docs,
all served from files in the package (no CDN, no tiles: works offline).

The third-party files (Natural Earth countries, Swagger UI) sit under web/vendor/ with their
licences; web/vendor/NOTICE.md names their sources and versions.
"""

# No `from __future__ import annotations`: the /places route's dependency is a local name, which
# FastAPI could not resolve from a string annotation.
import gzip
from collections.abc import Callable
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response

from . import queries
from .worldmap import bundled_world_svg

MAX_PLACES = 5000
# name -> (file under web/vendor/, media type); only these are served
ASSETS = {
    "swagger-ui-bundle.js": ("swagger-ui/swagger-ui-bundle.js.gz", "text/javascript"),
    "swagger-ui.css": ("swagger-ui/swagger-ui.css.gz", "text/css"),
    "favicon.png": ("swagger-ui/favicon-32x32.png", "image/png"),
}
Filters = tuple[list[str], list[Any]]
Reader = Callable[[queries.Query], list[dict[str, Any]]]


def _vendored(name: str) -> bytes:
    return resources.files("eventwire").joinpath("web/vendor", ASSETS[name][0]).read_bytes()


def add_explorer(app: FastAPI, read: Reader, event_filters: Callable[..., Filters]) -> None:
    """The explorer's routes on `app`; `event_filters` is the dependency /events filters with, so
    the map counts the same events the table lists."""
    web = resources.files("eventwire").joinpath("web")
    page = web.joinpath("index.html").read_text(encoding="utf-8")
    world = bundled_world_svg()
    assets = {name: _vendored(name) for name in ASSETS}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def explorer() -> str:
        """The explorer: one page, its script inline."""
        return page

    @app.get("/world.svg", include_in_schema=False)
    def world_map() -> Response:
        return Response(world, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})

    @app.get("/places")
    def places(filters: Annotated[Filters, Depends(event_filters)]) -> JSONResponse:
        """Where the matching events happened: one row per place with its event count, most first
        (country-precision places have no lat/lon)."""
        where, params = filters
        rows = read(
            queries.Query(
                "SELECT location_country, location_name, location_precision, lat, lon, count(*) AS events "
                f"FROM events WHERE {' AND '.join(where)} AND location_country IS NOT NULL "  # noqa: S608
                "GROUP BY ALL ORDER BY events DESC, location_name LIMIT ?",
                (*params, MAX_PLACES),
            )
        )
        return JSONResponse({"places": rows})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} API",
            swagger_js_url="/assets/swagger-ui-bundle.js",
            swagger_css_url="/assets/swagger-ui.css",
            swagger_favicon_url="/assets/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},  # no call to swagger.io's validator
        )

    @app.get("/assets/{name}", include_in_schema=False)
    def asset(name: str, accept_encoding: Annotated[str, Header()] = "") -> Response:
        if name not in ASSETS:
            raise HTTPException(404, f"no asset {name}; the explorer serves {sorted(ASSETS)}.")
        body, media = assets[name], ASSETS[name][1]
        headers = {"Cache-Control": "max-age=86400"}
        if ASSETS[name][0].endswith(".gz"):
            if "gzip" not in accept_encoding:
                return Response(gzip.decompress(body), media_type=media, headers=headers)
            headers["Content-Encoding"] = "gzip"
        return Response(body, media_type=media, headers=headers)

"""The HTTP API: filters, paging, explanations, and refusals that leave the store unchanged."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from eventwire.link import link
from eventwire.serve import MAX_BODY_BYTES, create_app
from eventwire.store import Store

from .linking.factory import Report, store_reports

D1, D2 = date(2026, 3, 2), date(2026, 3, 3)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store_reports(
            store,
            [
                Report("a", D1, day=D1, outlet="Wire"),
                Report("b", D2, day=D1, outlet="Post"),
                Report("c", D2, source="USA", target="CHN", cameo="112"),
                Report("d", D2, source="FRA", target="DEU", cameo="057", day=D2, mode="planned"),
            ],
        )
        link(store)
    return path


@pytest.fixture
def client(db):
    with TestClient(create_app(db, token="s3cret")) as test_client:
        yield test_client


def _counts(client):
    return client.get("/health").json()


def test_health_and_openapi(client):
    assert _counts(client) == {"status": "ok", "articles": 4, "events": 4, "clusters": 3}
    assert "/events" in client.get("/openapi.json").json()["paths"]


def test_event_filters_and_paging(client):
    assert client.get("/events", params={"dyad": "USA-CHN"}).json()["total"] == 3
    assert client.get("/events", params={"dyad": "USA-CHN", "root": "11"}).json()["total"] == 1
    assert client.get("/events", params={"country": "DEU", "mode": "planned"}).json()["total"] == 1
    assert (
        client.get("/events", params={"cameo": "04", "date_from": "2026-03-02", "date_to": "2026-03-02"}).json()[
            "total"
        ]
        == 2
    )
    page = client.get("/events", params={"limit": 2, "offset": 1, "sort": "event_id"}).json()
    assert page["total"] == 4 and len(page["events"]) == 2
    assert client.get("/events", params={"q": "acted on USA"}).json()["total"] == 2


def test_event_with_explanation_and_cluster(client):
    event_id = client.get("/events", params={"root": "11"}).json()["events"][0]["event_id"]
    body = client.get(f"/events/{event_id}").json()
    assert body["explanation"]["trigger"].startswith("'acted' -> CAMEO 112") and body["cluster_id"] is not None
    cluster = client.get(f"/clusters/{body['cluster_id']}").json()
    assert cluster["num_mentions"] == 1 and cluster["mentions"][0]["joined_by"]
    assert client.get("/events/0123456789abcdef").status_code == 404


def test_clusters_series_dyads_stories(client):
    clusters = client.get("/clusters", params={"dyad": "CHN-USA"}).json()
    assert clusters["total"] == 2 and clusters["clusters"][0]["num_mentions"] == 2
    rows = client.get("/series", params={"dyad": "CHN-USA", "freq": "day"}).json()["rows"]
    assert [r["events"] for r in rows] == [1, 1]
    assert client.get("/dyads", params={"top": 5}).json()["dyads"][0]["dyad"] == "CHN-USA"
    assert client.get("/stories").status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"country": "CHN' OR 1=1 --"},
        {"dyad": "CHN-USA'; DROP TABLE events; --"},
        {"sort": "date; DROP TABLE events"},
        {"cameo": "04' OR '1'='1"},
        {"mode": "asserted OR 1=1"},
        {"limit": 100000},
        {"offset": -1},
        {"date_from": "yesterday"},
        {"date_to": "0"},
        {"date_to": "2026-02-30"},
        {"sort": "-sentence"},
    ],
)
def test_injection_shaped_and_bad_filters_are_4xx_and_change_nothing(client, params):
    before = _counts(client)
    response = client.get("/events", params=params)
    assert 400 <= response.status_code < 500 and "error" in response.json()
    assert _counts(client) == before


def test_text_search_is_data_not_sql(client):
    before = _counts(client)
    response = client.get("/events", params={"q": "'; DROP TABLE events; --%_"})
    assert response.status_code == 200 and response.json()["total"] == 0
    assert _counts(client) == before


def test_writing_needs_the_token_and_bad_bodies_are_refused(client):
    before = _counts(client)
    article = {"articles": [{"id": "n1", "text": "Japan condemned North Korea.", "published": "2026-03-03"}]}
    assert client.post("/code", json=article).status_code == 401
    assert client.post("/code", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
    malformed = client.post(
        "/code", content=b"{not json", headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"}
    )
    assert malformed.status_code == 422
    oversized = client.post(
        "/code",
        content=b"x" * (MAX_BODY_BYTES + 1),
        headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"},
    )
    assert oversized.status_code == 413
    empty = client.post("/code", json={"articles": []}, headers={"Authorization": "Bearer s3cret"})
    assert empty.status_code == 422
    assert _counts(client) == before


def test_post_code_stores_and_returns_events(client, coder):
    article = {"articles": [{"id": "n1", "text": "Japan condemned North Korea on Monday.", "published": "2026-03-03"}]}
    dry = client.post("/code", json=article, params={"store": "false"})
    assert dry.status_code == 200 and dry.json()["stored"] is False and dry.json()["events"][0]["root_code"] == "11"
    assert _counts(client)["articles"] == 4
    stored = client.post("/code", json=article, headers={"Authorization": "Bearer s3cret"}).json()
    assert stored["stored"] is True and stored["events"][0]["source_country"] == "JPN"
    assert _counts(client)["articles"] == 5 and _counts(client)["clusters"] == 4


def test_a_missing_database_is_refused(tmp_path):
    from eventwire.errors import InputError

    with pytest.raises(InputError, match="eventwire code"):
        create_app(tmp_path / "none.duckdb")

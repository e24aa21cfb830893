"""The HTTP API: filters, paging, explanations, refusals that leave the store unchanged, and
limits on large, slow or failing requests (coding is done by tests.serve_fakes, not the model,
except where a test asks for the `coder`)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.errors import StoreError
from eventwire.link import link
from eventwire.serve import create_app
from eventwire.serve_guard import ServeLimits, server
from eventwire.store import Store

from .linking.factory import Report, store_reports
from .serve_fakes import FAILS, SLOW, code_without_model

ROOT = Path(__file__).resolve().parents[1]
TOKEN = {"Authorization": "Bearer s3cret"}

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
        content=b"x" * (ServeLimits().body_bytes + 1),
        headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"},
    )
    assert oversized.status_code == 413
    empty = client.post("/code", json={"articles": []}, headers={"Authorization": "Bearer s3cret"})
    assert empty.status_code == 422
    assert _counts(client) == before


def test_post_code_stores_and_returns_events(client, coder):
    article = {"articles": [{"id": "n1", "text": "Japan condemned North Korea on Monday.", "published": "2026-03-03"}]}
    dry = client.post("/code", json=article, params={"store": "false"}, headers=TOKEN)
    assert dry.status_code == 200 and dry.json()["stored"] is False and dry.json()["events"][0]["root_code"] == "11"
    assert _counts(client)["articles"] == 4
    stored = client.post("/code", json=article, headers={"Authorization": "Bearer s3cret"}).json()
    assert stored["stored"] is True and stored["events"][0]["source_country"] == "JPN"
    assert _counts(client)["articles"] == 5 and _counts(client)["clusters"] == 4


def test_a_missing_database_is_refused(tmp_path):
    from eventwire.errors import InputError

    with pytest.raises(InputError, match="eventwire code"):
        create_app(tmp_path / "none.duckdb")


@pytest.fixture
def fake_client(db):
    """A client of a server whose coding process runs tests.serve_fakes instead of the model."""
    limits = ServeLimits(code_seconds=1)
    with TestClient(create_app(db, token="s3cret", limits=limits, code=code_without_model)) as test_client:
        yield test_client


def _articles(*texts):
    return {"articles": [{"id": f"n{i}", "text": text, "published": "2026-03-04"} for i, text in enumerate(texts)]}


def test_a_chunked_body_over_the_limit_is_refused_on_the_bytes_read(fake_client):
    before = _counts(fake_client)
    part = b" " * 500_000  # no Content-Length: the body is sent chunked, as it comes

    response = fake_client.post(
        "/code", content=iter([part] * 5), headers={**TOKEN, "Content-Type": "application/json"}
    )
    assert response.status_code == 413 and "over 2000000 bytes" in response.json()["error"]
    assert _counts(fake_client) == before


def test_coding_without_storing_needs_the_token_too(fake_client):
    article = _articles("Ruritania thanked Freedonia for the grain.")
    assert fake_client.post("/code", json=article, params={"store": "false"}).status_code == 401
    dry = fake_client.post("/code", json=article, params={"store": "false"}, headers=TOKEN)
    assert dry.status_code == 200 and dry.json() == {"stored": False, "events": []}


def test_coding_over_the_time_budget_is_stopped_and_the_next_request_is_coded(fake_client):
    before = _counts(fake_client)
    slow = fake_client.post("/code", json=_articles(f"A very long wire story {SLOW}."), headers=TOKEN)
    assert slow.status_code == 503 and "over 1 s" in slow.json()["error"], slow.text
    assert _counts(fake_client) == before
    quick = fake_client.post("/code", json=_articles("Ruritania recalled its envoy."), headers=TOKEN)
    assert quick.status_code == 200 and quick.json()["articles"] == 1
    assert _counts(fake_client)["articles"] == before["articles"] + 1


def test_a_request_whose_article_fails_stores_none_of_its_articles(fake_client):
    before = _counts(fake_client)
    texts = [f"Brief number {i} about the harbour talks." for i in range(100)]
    texts[70] += f" {FAILS}"
    response = fake_client.post("/code", json=_articles(*texts), headers=TOKEN)
    assert response.status_code == 500 and "nothing of this request was stored" in response.json()["error"]
    assert "n70 is beyond this coder" in response.json()["error"]
    assert _counts(fake_client) == before


def test_a_failed_link_takes_the_request_out_again(fake_client, monkeypatch):
    before = _counts(fake_client)
    replaced = fake_client.get("/events", params={"article_id": "a"}).json()["total"]

    def broken_link(store, settings=None):
        raise StoreError("linking events failed (out of disk); the previous clusters are kept.")

    monkeypatch.setattr("eventwire.link.link", broken_link)
    request = {"articles": [{"id": "a", "text": "A rewrite of story a."}, {"id": "fresh", "text": "A new story."}]}
    response = fake_client.post("/code", json=request, headers=TOKEN)
    assert response.status_code == 500 and "nothing of it was stored" in response.json()["error"]
    assert _counts(fake_client) == before
    assert fake_client.get("/events", params={"article_id": "a"}).json()["total"] == replaced == 1


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "0001-01-01", "date_to": "9999-12-31"},
        {"date_from": "0001-01-01"},  # to the dyad's last event
        {"date_from": "1000-01-01", "date_to": "9999-12-31", "freq": "month"},
    ],
)
def test_a_series_over_the_period_limit_is_refused_with_the_limit(client, params):
    response = client.get("/series", params={"dyad": "CHN-USA", **params})
    assert response.status_code == 400 and "at most 10000 per request" in response.json()["error"]


def test_a_series_within_the_limit_is_zero_filled(client):
    params = {"dyad": "CHN-USA", "date_from": "1999-01-01", "date_to": "2026-05-17", "freq": "day"}
    rows = client.get("/series", params=params).json()["rows"]
    assert len(rows) == 9999 and sum(r["events"] for r in rows) == 2
    weeks = client.get("/series", params={**params, "freq": "week", "date_to": "2026-03-08"}).json()["rows"]
    assert len(weeks) == 1419 and weeks[-1]["period"] == "2026-03-02"


@pytest.fixture
def live_server(db):
    """The app behind a real uvicorn server (in a thread), with short timeouts for slow clients."""
    limits = ServeLimits(head_seconds=0.5, body_seconds=0.5)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    running = server(create_app(db, limits=limits, code=code_without_model), "127.0.0.1", 0, limits)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [listener]})
    thread.start()
    while not running.started:
        thread.join(0.05)
    yield listener.getsockname()
    running.should_exit = True
    thread.join()


def _slow_client(address, sent: bytes) -> bytes:
    """What the server answers a client that sends `sent` and then nothing, until it closes."""
    with socket.create_connection(address, timeout=10) as client:
        client.sendall(sent)
        answer = b""
        while chunk := client.recv(4096):
            answer += chunk
        return answer


def test_slow_clients_are_timed_out(live_server):
    assert _slow_client(live_server, b"GET /health HTTP/1.1\r\nHost: x\r\n") == b""  # no end of head: closed
    late_body = b"POST /code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 90\r\n\r\n{"
    answer = _slow_client(live_server, late_body)
    assert answer.startswith(b"HTTP/1.1 408") and b"did not arrive within 0.5 s" in answer
    kept_alive = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\n"
    answer = _slow_client(live_server, kept_alive)  # the second head never ends
    assert answer.startswith(b"HTTP/1.1 200") and answer.count(b"HTTP/1.1") == 1


def _connect(port: int, process: subprocess.Popen) -> socket.socket:
    while process.poll() is None:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=30)
        except ConnectionRefusedError:
            time.sleep(0.1)
    raise AssertionError(f"the server stopped: {process.stderr.read().decode() if process.stderr else ''}")


@pytest.mark.slow
def test_sigterm_stops_a_server_busy_coding(db):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.serve_fakes", str(db), str(port)], cwd=ROOT, stderr=subprocess.PIPE
    )
    body = json.dumps(_articles(f"An endless story {SLOW}.")).encode()
    head = (
        "POST /code HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    try:
        with _connect(port, process) as client:
            client.sendall(head.encode() + body)
            time.sleep(3)  # the coding process has the article
            os.kill(process.pid, signal.SIGTERM)
            # 2 s for requests in flight, then coding is cancelled; uvicorn then re-raises the SIGTERM
            assert process.wait(timeout=20) == -signal.SIGTERM
            assert b"graceful shutdown exceeded" in process.stderr.read()
    finally:
        process.kill()
        process.wait()

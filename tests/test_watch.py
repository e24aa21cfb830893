"""Feed watching against a feed and pages served on 127.0.0.1 (no outside network)."""

from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from eventwire.errors import InputError
from eventwire.store import Store
from eventwire.watch import FetchSettings, fetch, parse_every, poll

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{text}</p><p>Officials gave no further details about the meeting or its outcome on the day.</p>
</article></body></html>"""


class Site:
    """A tiny news site: a feed, some pages, one missing page and one that fails once."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.pages = {
            "/a": PAGE.format(
                title="Tokyo and Seoul", text="Japan condemned North Korea on Monday over a missile launch."
            ),
            "/b": PAGE.format(
                title="Talks", text="Turkish Foreign Minister Hakan Fidan visited Egypt on Thursday for talks."
            ),
            "/copy-of-a": PAGE.format(
                title="Tokyo and Seoul", text="Japan condemned North Korea on Monday over a missile launch."
            ),
            "/flaky": PAGE.format(title="Flaky", text="Brazil criticised Venezuela on Tuesday over the vote."),
        }
        self.items = ["/a", "/b", "/missing", "/copy-of-a", "/flaky"]

    def feed(self, base: str) -> str:
        items = "".join(
            f"<item><title>{p}</title><link>{base}{p}</link><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>"
            for p in self.items
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>{items}</channel></rss>'


@pytest.fixture
def site():
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            state.hits[self.path] += 1
            if self.path == "/feed.xml":
                body, kind = state.feed(f"http://127.0.0.1:{server.server_port}").encode(), "application/rss+xml"
            elif self.path == "/flaky" and state.hits[self.path] == 1:
                self.send_response(503)
                self.end_headers()
                return
            elif self.path in state.pages:
                body, kind = state.pages[self.path].encode(), "text/html"
            else:
                self.send_response(404)
                self.end_headers()
                return
            state.user_agent = self.headers.get("User-Agent")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_port}/feed.xml"
    yield state
    server.shutdown()


def test_new_items_are_coded_once_and_failures_recorded(site, tmp_path, coder):
    settings = FetchSettings(timeout_s=5, backoff_s=0.01)
    with Store(tmp_path / "w.duckdb") as store:
        first = poll(store, coder, [site.url], settings)
        assert (first.coded, first.rejected) == (3, 1)  # a, b, flaky (after a retry); the copy of a is skipped
        assert first.events >= 2 and site.hits["/flaky"] == 2
        reasons = [r[0] for r in store.con.execute("SELECT reason FROM rejects").fetchall()]
        assert reasons == [f"item http://127.0.0.1:{site.url.split(':')[2].split('/')[0]}/missing: HTTP 404"]
        urls = {r[0] for r in store.con.execute("SELECT url FROM articles").fetchall()}
        assert {u.rsplit("/", 1)[1] for u in urls} == {"a", "b", "flaky"}
        assert store.con.execute("SELECT count(*) FROM event_clusters").fetchall()[0][0] >= 2

        second = poll(store, coder, [site.url], settings)
        assert (second.coded, second.events) == (0, 0)
        assert site.hits["/a"] == 1 and site.hits["/b"] == 1  # known URLs are not fetched again
        assert site.hits["/copy-of-a"] == 1  # nor is the URL of a text met under another one
        assert store.counts()["rejects"] == 1  # the missing page is tried again, its reject kept once
    assert site.user_agent.startswith("eventwire/")


def test_an_unreachable_feed_is_a_reject_not_a_crash(tmp_path, coder):
    settings = FetchSettings(timeout_s=1, attempts=2, backoff_s=0.01)
    with Store(tmp_path / "w.duckdb") as store:
        summary = poll(store, coder, ["http://127.0.0.1:9/feed.xml"], settings)
        assert (summary.coded, summary.rejected) == (0, 1)
        [(reason,)] = store.con.execute("SELECT reason FROM rejects").fetchall()
        assert reason.startswith("feed http://127.0.0.1:9/feed.xml: ")


def test_retries_back_off_then_give_up():
    pauses = []
    transport = httpx.MockTransport(lambda request: httpx.Response(503))
    with httpx.Client(transport=transport) as client, pytest.raises(httpx.HTTPStatusError):
        fetch(client, "http://example.test/x", FetchSettings(attempts=3, backoff_s=0.5), sleep=pauses.append)
    assert pauses == [0.5, 1.0]


def test_every_is_parsed_or_refused():
    assert (parse_every("90s"), parse_every("15m"), parse_every("1h")) == (90, 900, 3600)
    with pytest.raises(InputError, match="90s, 15m or 1h"):
        parse_every("soon")


def test_a_page_whose_text_is_stored_from_another_url_is_fetched_once(site, tmp_path, coder):
    settings = FetchSettings(timeout_s=5, backoff_s=0.01)
    with Store(tmp_path / "w.duckdb") as store:
        poll(store, coder, [site.url], settings)
        site.pages["/mirror-of-b"] = site.pages["/b"]
        site.items.append("/mirror-of-b")
        later = poll(store, coder, [site.url], settings)
        assert later.coded == 0  # the same text: nothing new
        poll(store, coder, [site.url], settings)
        assert site.hits["/mirror-of-b"] == 1
        assert store.con.execute("SELECT count(*) FROM article_urls WHERE url LIKE '%/mirror-of-b'").fetchall() == [
            (1,)
        ]

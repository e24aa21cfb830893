"""Live feeds: poll RSS/Atom feeds, fetch each new item's page, extract its text and code it.

An item is known by its URL (a stored article's `url`) and by its content (the article id is a
hash of the extracted text), so nothing is fetched or coded twice; an item that failed is tried
again at the next poll (its reject is recorded once). Every failure — a feed or
page that cannot be fetched, a page without article text — becomes a row of `rejects` with the
URL and reason. Fetching is polite: a User-Agent naming eventwire, timeouts, and a few retries
with growing pauses, only for errors that may pass (timeouts, 429, 5xx).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import feedparser
import httpx

from .errors import InputError
from .ingest import read_html, text_id
from .records import Article, Reject
from .store import Store

if TYPE_CHECKING:
    from .pipeline import Coder

USER_AGENT = "eventwire/0.1 (political event coder for research; polite polling)"
RETRYABLE = {429, 500, 502, 503, 504}


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout_s: float = 15.0
    attempts: int = 3
    backoff_s: float = 1.0  # pause before retry k: backoff * 2**k
    max_bytes: int = 5_000_000


@dataclass(frozen=True, slots=True)
class PollSummary:
    feeds: int
    new_items: int
    coded: int
    events: int
    rejected: int
    feeds_failed: int = 0

    def line(self) -> str:
        return (
            f"{self.feeds} feeds polled: {self.new_items} new items, {self.coded} articles coded, "
            f"{self.events} events, {self.rejected} rejected"
            + (f" ({self.feeds_failed} feeds failed)" if self.feeds_failed else "")
        )


def parse_every(text: str) -> float:
    """'15m', '1h', '90s' -> seconds."""
    found = re.fullmatch(r"\s*(\d+)\s*([smh])\s*", text)
    if not found or int(found.group(1)) == 0:
        raise InputError(f"--every '{text}' should be a number and a unit: 90s, 15m or 1h.")
    return int(found.group(1)) * {"s": 1, "m": 60, "h": 3600}[found.group(2)]


def fetch(
    client: httpx.Client, url: str, settings: FetchSettings, sleep: Callable[[float], None] = time.sleep
) -> bytes:
    """The body at `url`, or an httpx/ValueError saying why not, after polite retries."""
    for attempt in range(settings.attempts):
        try:
            response = client.get(url)
            if response.status_code in RETRYABLE and attempt + 1 < settings.attempts:
                sleep(settings.backoff_s * 2**attempt)
                continue
            response.raise_for_status()
            if len(response.content) > settings.max_bytes:
                raise ValueError(f"over {settings.max_bytes} bytes")
            return response.content
        except (httpx.TimeoutException, httpx.TransportError):
            if attempt + 1 == settings.attempts:
                raise
            sleep(settings.backoff_s * 2**attempt)
    raise AssertionError("unreachable: the last attempt returns or raises")


def _why(error: Exception) -> str:
    if isinstance(error, httpx.HTTPStatusError):
        return f"HTTP {error.response.status_code}"
    if isinstance(error, httpx.TimeoutException):
        return "timed out"
    return f"{type(error).__name__}: {error}"


def new_items(
    store: Store,
    client: httpx.Client,
    feeds: Sequence[str],
    settings: FetchSettings,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[Article | Reject | SeenUrl]:
    """Articles for the feed items not stored yet, rejects for what failed, and the URLs of
    texts met twice in this poll."""
    seen_texts: set[str] = set()  # the same story under two URLs is coded once
    for feed_url in feeds:
        try:
            parsed = feedparser.parse(fetch(client, feed_url, settings, sleep))
        except (httpx.HTTPError, ValueError) as error:
            yield Reject(feed_url, None, f"feed {feed_url}: {_why(error)}")
            continue
        if parsed.bozo and not parsed.entries:
            yield Reject(feed_url, None, f"feed {feed_url}: not RSS or Atom ({parsed.get('bozo_exception')})")
            continue
        links = [e.get("link") for e in parsed.entries if e.get("link")]
        known = {
            r[0]
            for r in store.con.execute(
                "SELECT url FROM articles WHERE url IN (SELECT unnest($1)) "
                "UNION SELECT url FROM article_urls WHERE url IN (SELECT unnest($1))",
                [links],
            ).fetchall()
        }
        for entry in parsed.entries:
            link = entry.get("link")
            if not link or link in known:
                continue
            known.add(link)
            try:
                page = fetch(client, link, settings, sleep)
            except (httpx.HTTPError, ValueError) as error:
                yield Reject(feed_url, None, f"item {link}: {_why(error)}", link)
                continue
            published = date(*entry.published_parsed[:3]) if entry.get("published_parsed") else None
            record = read_html(page, link, "", None, settings.max_bytes)
            if isinstance(record, Reject):
                yield Reject(feed_url, None, f"item {link}: {record.reason}", link)
                continue
            article_id = text_id(record.text)
            if article_id in seen_texts:
                yield SeenUrl(link, article_id)
                continue
            seen_texts.add(article_id)
            yield Article(
                article_id,
                record.text,
                published or record.published,  # the feed's date first, then the page's own
                record.source or parsed.feed.get("title"),
                record.title or entry.get("title"),
                link,
                f"{feed_url} {link}",
            )


@dataclass(frozen=True, slots=True)
class SeenUrl:
    """A feed item whose text was met under another URL in the same poll: not coded again, but
    its URL is remembered so that it is not fetched again."""

    url: str
    article_id: str


def _remember_urls(store: Store, items: Sequence[Article | Reject | SeenUrl]) -> None:
    """Every URL under which an article's text was read, so that the next poll fetches none of
    them again, even one whose text was already stored from another URL (known by its hash)."""
    rows = [(i.url, i.article_id) for i in items if isinstance(i, (Article, SeenUrl)) and i.url]
    if rows:
        store.con.executemany("INSERT INTO article_urls VALUES (?, ?) ON CONFLICT DO NOTHING", rows)


def poll(
    store: Store,
    coder: Coder,
    feeds: Sequence[str],
    settings: FetchSettings | None = None,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
    on_reject: Callable[[Reject], None] = lambda r: None,
) -> PollSummary:
    """One round over the feeds: fetch, code and store what is new, then relink; `on_reject`
    hears of each feed or item that failed."""
    from .link import link
    from .run import code_into_store

    settings = settings or FetchSettings()
    own = client is None
    client = client or httpx.Client(
        headers={"User-Agent": USER_AGENT}, timeout=settings.timeout_s, follow_redirects=True
    )
    try:
        items = list(new_items(store, client, feeds, settings, sleep))
    finally:
        if own:
            client.close()
    records = [r for r in items if not isinstance(r, SeenUrl)]
    summary = code_into_store(records, store, coder, on_reject=on_reject)
    _remember_urls(store, items)
    if summary.coded:
        link(store)
    failed = sum(1 for r in records if isinstance(r, Reject) and r.reason.startswith("feed "))
    return PollSummary(
        len(feeds), summary.read - summary.rejected, summary.coded, summary.events, summary.rejected, failed
    )


def keep_polling(
    store: Store,
    coder: Coder,
    feeds: Sequence[str],
    settings: FetchSettings,
    pause: float,
    once: bool,
    on_poll: Callable[[PollSummary], None],
    sleep: Callable[[float], None] = time.sleep,
    on_reject: Callable[[Reject], None] = lambda r: None,
) -> PollSummary:
    """Poll the feeds every `pause` seconds until interrupted (one round with `once`, whose
    summary is returned)."""
    while True:
        summary = poll(store, coder, feeds, settings, on_reject=on_reject)
        on_poll(summary)
        if once:
            return summary
        sleep(pause)

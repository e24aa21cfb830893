"""Answers to GET requests kept until the store next changes. The server is the store's only
writer (DuckDB locks the file for the process that writes), and it counts its writes, so an
answer kept from the same count is the answer the store would give now. Requests for the same
URL arriving while it is being answered wait for that answer rather than each query the store:
after a write, a hundred clients cost a query per URL, not a hundred."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ENTRIES = 256
ENTRY_BYTES = 256_000  # a page of 500 events is larger: it is not kept


class ReadCache:
    """ASGI middleware; `writes` returns how many times the store has been written to."""

    def __init__(self, app: ASGIApp, writes: Callable[[], int]) -> None:
        self.app = app
        self.writes = writes
        self.kept: OrderedDict[bytes, tuple[int, list[Message]]] = OrderedDict()
        self.flying: dict[bytes, tuple[int, asyncio.Future[list[Message] | None]]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        key = scope["path"].encode() + b"?" + scope["query_string"]
        writes = self.writes()
        answer = await self._known(key, writes)
        if answer is not None:
            for message in answer:
                await send(message)
            return
        flight = (writes, asyncio.get_running_loop().create_future())
        self.flying[key] = flight
        messages: list[Message] = []

        async def keep(message: Message) -> None:
            messages.append(message)
            await send(message)

        try:
            await self.app(scope, receive, keep)
        finally:
            whole = _whole_ok_answer(messages)
            if self.flying.get(key) is flight:
                del self.flying[key]
            flight[1].set_result(messages if whole else None)
        # kept only if no write happened meanwhile: the answer may have been read before it
        if whole and writes == self.writes():
            self.kept[key] = (writes, messages)
            while len(self.kept) > ENTRIES:
                self.kept.popitem(last=False)

    async def _known(self, key: bytes, writes: int) -> list[Message] | None:
        """The answer kept since the last write, or the one being made now, if any."""
        kept = self.kept.get(key)
        if kept is not None and kept[0] == writes:
            self.kept.move_to_end(key)
            return kept[1]
        flying = self.flying.get(key)
        if flying is not None and flying[0] == writes:
            return await asyncio.shield(flying[1])
        return None


def _whole_ok_answer(messages: list[Message]) -> bool:
    if not messages or messages[0]["type"] != "http.response.start" or messages[0]["status"] != 200:
        return False
    bodies = messages[1:]
    return (
        sum(len(m.get("body", b"")) for m in bodies) <= ENTRY_BYTES
        and bool(bodies)
        and not bodies[-1].get("more_body", False)
    )

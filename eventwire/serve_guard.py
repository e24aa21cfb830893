"""What protects the HTTP service from large, slow or endless requests: the limits, the body
guard (size counted on the bytes read, chunked or not, and a deadline for the whole body), a
deadline for each request head, and graceful shutdown on SIGTERM."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

import uvicorn
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol


@dataclass(frozen=True, slots=True)
class ServeLimits:
    body_bytes: int = 2_000_000  # a request body, as read (Content-Length is only a first check)
    body_seconds: float = 30.0  # for the whole body to arrive
    head_seconds: float = 10.0  # for a request's line and headers to arrive, on a new or kept-alive connection
    code_seconds: float = 60.0  # coding one POST /code request (the model's first load not counted)
    code_queue: int = 4  # POST /code requests waiting for the coding process; more are refused (503)
    series_periods: int = 10_000  # rows of one /series answer (10,000 days: 27 years)
    shutdown_seconds: int = 10  # after SIGTERM, for requests in flight; then they are cancelled


class _TooLarge(Exception):
    pass


def _error(status: int, message: str) -> list[Message]:
    body = json.dumps({"error": message}).encode()
    # close: the client may still be sending a body nobody will read
    headers = [(b"content-type", b"application/json"), (b"connection", b"close")]
    return [
        {"type": "http.response.start", "status": status, "headers": headers},
        {"type": "http.response.body", "body": body},
    ]


class BodyGuard:
    """ASGI middleware: reads the whole body before the app sees it, counting the bytes as they
    come, so a chunked body cannot pass the limit a Content-Length header would."""

    def __init__(self, app: ASGIApp, limits: ServeLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = f"request body over {self.limits.body_bytes} bytes; send fewer or shorter articles per request."
        declared = dict(scope["headers"]).get(b"content-length")
        try:
            if declared is not None and (not declared.isdigit() or int(declared) > self.limits.body_bytes):
                raise _TooLarge
            async with asyncio.timeout(self.limits.body_seconds):
                body = await self._body(receive)
        except _TooLarge:
            messages = _error(413, too_large)
        except TimeoutError:
            messages = _error(408, f"the request body did not arrive within {self.limits.body_seconds:g} s.")
        else:
            if body is None:
                return  # the client went away
            await self.app(scope, _replay(body, receive), send)
            return
        for message in messages:
            await send(message)

    async def _body(self, receive: Receive) -> bytes | None:
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            part = message.get("body", b"")
            size += len(part)
            if size > self.limits.body_bytes:
                raise _TooLarge
            parts.append(part)
            if not message.get("more_body", False):
                return b"".join(parts)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body already read, then the connection's own messages (a disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


def _protocol(head_seconds: float) -> type[H11Protocol]:
    class HeadTimedH11Protocol(H11Protocol):
        """uvicorn's HTTP/1.1 protocol, closing a connection whose request line and headers do not
        arrive within `head_seconds` (uvicorn times out only idle kept-alive connections, and a
        byte now and then keeps even those open)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.head_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._await_head()

        def connection_lost(self, exc: Exception | None) -> None:
            self._head_arrived()
            super().connection_lost(exc)

        def handle_events(self) -> None:
            cycle = self.cycle
            super().handle_events()
            if self.cycle is not cycle:  # a request head was parsed
                self._head_arrived()

        def on_response_complete(self) -> None:
            self._await_head()  # before: the next request's head may be parsed in there
            super().on_response_complete()

        def _await_head(self) -> None:
            self._head_arrived()
            self.head_timer = self.loop.call_later(head_seconds, self._head_late)

        def _head_arrived(self) -> None:
            if self.head_timer is not None:
                self.head_timer.cancel()
                self.head_timer = None

        def _head_late(self) -> None:
            self.head_timer = None
            if not self.transport.is_closing():
                self.transport.close()

    return HeadTimedH11Protocol


def server(app: ASGIApp, host: str, port: int, limits: ServeLimits) -> uvicorn.Server:
    """A uvicorn server for the app with the limits' timeouts; `.run()` serves until SIGTERM or
    Ctrl-C, then gives requests in flight `shutdown_seconds` before cancelling them."""
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        http=_protocol(limits.head_seconds),
        timeout_keep_alive=5,
        timeout_graceful_shutdown=limits.shutdown_seconds,
    )
    return uvicorn.Server(config)

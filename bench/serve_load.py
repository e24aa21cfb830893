"""Load on the HTTP API: 100 concurrent clients for 30 s of mixed reads plus a trickle of POST /code,
and with --big-article one more client posting a 1 MB article again and again.

    python bench/serve_load.py [--clients 100] [--seconds 30] [--warmup 5] [--big-article] [--wrk]

Codes the bundled samples and the linking dev set into a temporary store, starts `eventwire
serve` on 127.0.0.1 in a subprocess, then runs the clients (httpx, asyncio) and prints requests/s,
p50/p99 latency per kind of request (after --warmup seconds of the same load) and the errors
(target: none; reads p99 under 1 s). The 1 MB article's answers are listed apart: over the
server's coding budget it is refused (503) by design.

With --wrk the reads come from wrk (Debian's `wrk`, C, one thread, a Lua script picking the same
URLs at random) instead of 100 Python clients: on a 2-core machine the Python clients take a core
of their own and their wait for CPU is counted as the server's latency. The trickle of small
POST /code and the 1 MB article still come from Python.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BIG_CHARS = 999_000  # just inside the API's 1,000,000 characters per article
READS = [
    "/events?limit=50",
    "/events?dyad=DEU-FRA",
    "/events?root=04&sort=-confidence",
    "/events?q=met",
    "/clusters?limit=20",
    "/dyads?top=10",
    "/series?dyad=USA-IRN&freq=week",
    "/stories?limit=10",
    "/health",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def client_loop(
    client: httpx.AsyncClient, span: tuple[float, float], latencies: dict, errors: list, writer: bool
) -> None:
    """Requests back to back (the writer: one a second) until span[1]; those from span[0] are counted."""
    counted_from, until = span
    rng = random.Random()
    counter = 0
    while time.perf_counter() < until:
        if writer:
            counter += 1
            kind = "POST /code"
            body = {
                "articles": [
                    {
                        "id": f"load-{id(client)}-{counter}-{rng.random()}",
                        "published": "2026-03-03",
                        "text": "Japan condemned North Korea on Monday over the missile test.",
                    }
                ]
            }
            request = client.build_request("POST", "/code", json=body, headers=AUTH, timeout=300)
        else:
            path = rng.choice(READS)
            kind = "GET " + path.split("?")[0]
            request = client.build_request("GET", path)
        started = time.perf_counter()
        try:
            response = await client.send(request)
            outcome: int | str = response.status_code
        except httpx.TransportError as error:  # a timeout or a refused connection is an error too
            outcome = type(error).__name__
        elapsed = time.perf_counter() - started
        if writer:
            await asyncio.sleep(1.0)  # a trickle
        if started < counted_from:
            continue  # warming up: 100 connections opened, a cursor per server thread made
        if outcome != 200:
            errors.append((kind, outcome))
        else:
            latencies[kind].append(elapsed)


def big_article() -> str:
    """One article of BIG_CHARS characters: the linking dev set's texts, over and over."""
    with (ROOT / "bench" / "data" / "linking.jsonl").open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    text = ""
    while len(text) < BIG_CHARS:
        text += "\n\n".join(texts) + "\n\n"
    return text[:BIG_CHARS]


async def big_loop(client: httpx.AsyncClient, until: float, outcomes: list) -> None:
    """POST /code of the 1 MB article (stored), again as soon as it is answered."""
    text = big_article()
    while time.perf_counter() < until:
        body = {"articles": [{"id": f"big-{len(outcomes)}", "published": "2026-03-03", "text": text}]}
        started = time.perf_counter()
        response = await client.post("/code", json=body, headers=AUTH, timeout=300)
        outcomes.append((response.status_code, time.perf_counter() - started, response.json().get("error")))


async def run(base: str, clients: int, seconds: float, warmup: float, big: bool) -> tuple[dict, list, list, float]:
    latencies: dict = defaultdict(list)
    errors: list = []
    outcomes: list = []
    limits = httpx.Limits(max_connections=clients + 5)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        span = (time.perf_counter() + warmup, time.perf_counter() + warmup + seconds)
        loops = [client_loop(client, span, latencies, errors, writer=(i == 0)) for i in range(clients)]
        if big:
            loops.append(big_loop(client, span[1], outcomes))
        await asyncio.gather(*loops)
        return latencies, errors, outcomes, time.perf_counter() - span[0]


WRK_SCRIPT = """
local paths = {%s}
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""


def wrk_reads(base: str, clients: int, seconds: float, folder: Path) -> str:
    """wrk's report of `seconds` of reads by `clients` connections (its --latency percentiles)."""
    script = Path(folder) / "reads.lua"
    script.write_text(WRK_SCRIPT % ", ".join(json.dumps(p) for p in READS), encoding="utf-8")
    done = subprocess.run(
        ["wrk", "-t1", f"-c{clients}", f"-d{int(seconds)}s", "--latency", "--timeout", "10s", "-s", str(script), base],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


async def writers(base: str, seconds: float, warmup: float, big: bool) -> tuple[dict, list, list, float]:
    """The trickle of small POST /code and, with `big`, the 1 MB article, while wrk reads."""
    latencies: dict = defaultdict(list)
    errors: list = []
    outcomes: list = []
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        span = (time.perf_counter() + warmup, time.perf_counter() + warmup + seconds)
        loops = [client_loop(client, span, latencies, errors, writer=True)]
        if big:
            loops.append(big_loop(client, span[1], outcomes))
        await asyncio.gather(*loops)
        return latencies, errors, outcomes, time.perf_counter() - span[0]


def with_wrk(base: str, args: argparse.Namespace, folder: Path) -> None:
    import threading

    result: list = []
    thread = threading.Thread(
        target=lambda: result.append(asyncio.run(writers(base, args.seconds, args.warmup, args.big_article)))
    )
    thread.start()
    time.sleep(args.warmup)
    report = wrk_reads(base, args.clients, args.seconds, folder)
    thread.join()
    print(report)
    latencies, errors, outcomes, _ = result[0]
    percentile = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", report, re.M))
    print(f"reads (wrk, {args.clients} connections): p50 {percentile.get('50')}  p99 {percentile.get('99')}")
    print(f"small POST /code: {sum(len(v) for v in latencies.values())} answered, {len(errors)} errors")
    for status, seconds, error in outcomes:
        print(f"POST /code 1 MB article: {status} after {seconds:.1f} s" + (f" ({error})" if error else ""))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--warmup", type=float, default=5, help="seconds of load before counting")
    parser.add_argument("--big-article", action="store_true", help="one more client posting a 1 MB article")
    parser.add_argument("--wrk", action="store_true", help="reads by wrk (C) instead of Python clients")
    args = parser.parse_args()
    if args.wrk and shutil.which("wrk") is None:
        parser.error("--wrk needs wrk on the PATH (Debian: apt-get install wrk)")
    eventwire = str(Path(sys.executable).with_name("eventwire"))
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "load.duckdb"
        subprocess.run(
            [
                eventwire,
                "code",
                str(ROOT / "examples"),
                str(ROOT / "bench" / "data" / "linking.jsonl"),
                "--db",
                str(db),
            ],
            check=True,
            capture_output=True,
        )
        port = free_port()
        server = subprocess.Popen(
            [eventwire, "serve", "--db", str(db), "--port", str(port), "--token", TOKEN],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 30
            while time.time() < deadline:
                try:
                    if httpx.get(base + "/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            httpx.post(
                base + "/code",
                json={"articles": [{"text": "Japan met China.", "published": "2026-03-03"}]},
                params={"store": "false"},
                headers=AUTH,
                timeout=600,
            )  # load the model before timing
            if args.wrk:
                with_wrk(base, args, Path(folder))
                return
            latencies, errors, outcomes, elapsed = asyncio.run(
                run(base, args.clients, args.seconds, args.warmup, args.big_article)
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    total = sum(len(v) for v in latencies.values())
    everything = sorted(x for v in latencies.values() for x in v)
    print(
        f"{args.clients} clients for {elapsed:.1f} s: {total} requests, {total / elapsed:.0f} requests/s, "
        f"{len(errors)} errors {json.dumps(errors[:5])}"
    )
    print(
        f"all: p50 {1000 * statistics.median(everything):.0f} ms  "
        f"p99 {1000 * everything[int(0.99 * (len(everything) - 1))]:.0f} ms"
    )
    reads = sorted(x for kind, v in latencies.items() if kind.startswith("GET") for x in v)
    print(
        f"reads: p50 {1000 * statistics.median(reads):.0f} ms  p99 {1000 * reads[int(0.99 * (len(reads) - 1))]:.0f} ms"
    )
    for status, seconds, error in outcomes:
        print(f"POST /code 1 MB article: {status} after {seconds:.1f} s" + (f" ({error})" if error else ""))
    for kind, values in sorted(latencies.items()):
        values.sort()
        print(
            f"{kind:20s} n={len(values):6d}  p50 {1000 * statistics.median(values):7.0f} ms  "
            f"p99 {1000 * values[int(0.99 * (len(values) - 1))]:7.0f} ms"
        )


if __name__ == "__main__":
    main()

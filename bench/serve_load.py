"""Load on the HTTP API: 100 concurrent clients for 30 s of mixed reads plus a trickle of POST /code.

    python bench/serve_load.py [--clients 100] [--seconds 30]

Codes the bundled samples and the linking dev set into a temporary store, starts `eventwire
serve` on 127.0.0.1 in a subprocess, then runs the clients (httpx, asyncio) and prints requests/s,
p50/p99 latency per kind of request and the errors (target: none).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
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


async def client_loop(client: httpx.AsyncClient, until: float, latencies: dict, errors: list, writer: bool) -> None:
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
            started = time.perf_counter()
            response = await client.post("/code", json=body)
            await asyncio.sleep(1.0)  # a trickle
        else:
            path = rng.choice(READS)
            kind = "GET " + path.split("?")[0]
            started = time.perf_counter()
            response = await client.get(path)
        latencies[kind].append(time.perf_counter() - started)
        if response.status_code != 200:
            errors.append((kind, response.status_code))


async def run(base: str, clients: int, seconds: float) -> tuple[dict, list, float]:
    latencies: dict = defaultdict(list)
    errors: list = []
    limits = httpx.Limits(max_connections=clients + 5)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        until = time.perf_counter() + seconds
        started = time.perf_counter()
        await asyncio.gather(*(client_loop(client, until, latencies, errors, writer=(i == 0)) for i in range(clients)))
        return latencies, errors, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
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
            [eventwire, "serve", "--db", str(db), "--port", str(port)],
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
                timeout=120,
            )  # load the model before timing
            latencies, errors, elapsed = asyncio.run(run(base, args.clients, args.seconds))
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
    for kind, values in sorted(latencies.items()):
        values.sort()
        print(
            f"{kind:20s} n={len(values):6d}  p50 {1000 * statistics.median(values):7.0f} ms  "
            f"p99 {1000 * values[int(0.99 * (len(values) - 1))]:7.0f} ms"
        )


if __name__ == "__main__":
    main()

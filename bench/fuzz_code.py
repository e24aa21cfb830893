"""Seeded fuzzing of `eventwire code`: generated hostile JSON Lines through the command, end to end.

    python bench/fuzz_code.py [--records 10000] [--seed 19] [--runs 1] [--keep DIR]

Each run writes `--records` lines, most of them mutations of plausible articles (lone
surrogates, numbers of 4,301 digits, JSON nested 990 deep, dates of year 1 and 9999 with
relative times in the text, control characters, flipped and cut bytes, long texts and tokens,
wrong types, repeated ids), codes them with `eventwire code FILE --db … --no-link` in a
subprocess, and reports: tracebacks on stderr, exit code, lines read, articles coded (rows of
`articles`), records rejected (lines with a row in `rejects`). It exits 1 unless every run has no
traceback and coded + rejected = read.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

# Sentences written for this bench (actors, times, events), mutated below.
SENTENCES = (
    "Officials in Canada said on Tuesday they would send observers to Bolivia.",
    "Turkey accused Greece of violating its airspace twice last month.",
    "Police in Nairobi detained a dozen students after a rally near the university.",
    "Vietnam and the Philippines signed a trade accord in Hanoi yesterday.",
    "The ambassador of Chile met the prime minister of Peru three days ago.",
    "Rebels attacked an army post in the east of Congo on Sunday, the governor said.",
)
WEIRD = ("\u202e", "\u0301", "\U0001f600", "\ufeff", "\x00", "\x07", "\x1b[2J", "\u2028", "\ufffd", "\t", "\r")


def base_record(rng: random.Random, number: int) -> dict[str, object]:
    text = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 6)))
    return {
        "id": f"f{number}",
        "published": f"20{rng.randint(0, 24):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "source": "Fuzz Wire",
        "title": "Fuzzed",
        "text": text,
    }


def mutate_fields(rng: random.Random, record: dict[str, object]) -> str:
    """A JSON line with one field made hostile (returned as text: some are not valid JSON)."""
    field = rng.choice(["id", "text", "published", "source", "title", "url"])
    kind = rng.randrange(12)
    if kind == 0:
        return json.dumps(record)[:-1] + f', "{field}": "x\\ud800y"}}'  # a lone surrogate escape
    if kind == 1:
        return json.dumps(record)[:-1] + f', "{field}": {"9" * 4301}}}'
    if kind == 2:
        depth = rng.choice([50, 500, 990, 3000])
        return json.dumps(record)[:-1] + f', "{field}": {"[" * depth}{"]" * depth}}}'
    if kind == 3:
        record["published"] = rng.choice(["0001-01-03", "9999-12-31", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59"])
        record["text"] = f"{record['text']} The talks ended last week and resume in two years."
    elif kind == 4:
        record[field] = "".join(rng.choice(WEIRD) + c for c in str(record.get(field) or "x"))
    elif kind == 5:
        record[field] = rng.choice([None, True, 1.5e308, -0.0, [], {}, {"a": [1, {"b": None}]}, 10**100])
    elif kind == 6:
        long = rng.random() < 0.03  # long articles are few (each takes seconds), as in a real feed
        record["text"] = " ".join(rng.choice(SENTENCES) for _ in range(rng.choice([300, 1500]) if long else 30))
    elif kind == 7:
        length = 120_000 if rng.random() < 0.03 else 5_000
        record["text"] = "Chile" + "a" * length + " said on Monday it would meet Peru."
    elif kind == 8:
        record["text"] = f"{rng.randint(1, 10**6)} years ago Peru said on Friday, 99999999 days up to Friday."
    elif kind == 9:
        record["id"] = "f0"  # repeated ids
    elif kind == 10:
        record.pop(field, None)
    else:
        record[field] = rng.choice(["", " ", "\n", "null", "2010-02-30", "yesterday", "2010-12-17T25:00:00"])
    return json.dumps(record, ensure_ascii=rng.random() < 0.5)


def mutate_bytes(rng: random.Random, line: bytes) -> bytes:
    data = bytearray(line)
    for _ in range(rng.randint(1, 8)):
        choice = rng.randrange(4)
        position = rng.randrange(max(len(data), 1))
        if choice == 0 and data:
            data[position] = rng.randrange(256)
        elif choice == 1:
            data[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        elif choice == 2:
            del data[position : position + rng.randint(1, 10)]
        else:
            data = data[:position]
    return bytes(data).replace(b"\n", b" ").replace(b"\r", b" ")


def generate(rng: random.Random, count: int) -> list[bytes]:
    lines = []
    for number in range(count):
        record = base_record(rng, number)
        roll = rng.random()
        if roll < 0.25:
            line = json.dumps(record).encode()
        elif roll < 0.75:
            line = mutate_fields(rng, record).encode("utf-8", "surrogatepass")
        else:
            line = mutate_bytes(rng, json.dumps(record).encode())
        lines.append(line if line.strip() else b"{}")  # a blank line is no record
    return lines


def run_once(seed: int, records: int, folder: Path) -> dict[str, object]:
    lines = generate(random.Random(seed), records)
    source = folder / f"fuzz-{seed}.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    db = folder / f"fuzz-{seed}.duckdb"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "code", str(source), "--db", str(db), "--no-link"],
        capture_output=True,
        text=True,
        errors="replace",
    )
    seconds = time.perf_counter() - started
    read = sum(1 for line in lines if line.strip())
    coded = rejected = -1
    if db.exists():
        with duckdb.connect(str(db), read_only=True) as con:
            [(coded,)] = con.execute("SELECT count(*) FROM articles").fetchall()
            [(rejected,)] = con.execute(
                "SELECT count(DISTINCT line) FROM rejects WHERE origin = ?", [str(source)]
            ).fetchall()
    tracebacks = done.stderr.count("Traceback (most recent call last)")
    return {
        "seed": seed,
        "rc": done.returncode,
        "tracebacks": tracebacks,
        "read": read,
        "coded": coded,
        "rejected": rejected,
        "seconds": round(seconds, 1),
        "stderr_tail": done.stderr.strip().splitlines()[-1:] if tracebacks or done.returncode else [],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="write the inputs and stores here (default: a temporary folder)")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for seed in range(args.seed, args.seed + args.runs):
            result = run_once(seed, args.records, folder)
            whole = result["coded"] + result["rejected"] == result["read"]  # type: ignore[operator]
            ok = ok and whole and result["tracebacks"] == 0 and result["rc"] == 0
            print(json.dumps({**result, "coded+rejected=read": whole}))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

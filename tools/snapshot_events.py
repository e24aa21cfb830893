"""Code every gold file and write its events, sorted, without `coder_version`: two snapshots
taken before and after a refactoring must be identical row for row.

    .venv/bin/python tools/snapshot_events.py /tmp/before [--gold-dir ../shared/gold]
    .venv/bin/python tools/snapshot_events.py /tmp/after && diff -r /tmp/before /tmp/after

A gold file that is missing or holds no article stops it: an empty snapshot would compare equal.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.ingest import read_inputs
from eventwire.pipeline import Coder, code_documents
from eventwire.records import Article

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
FILES = ("seeds", "plover_gsr", "news_dev", "news_negatives")


def main(out: Path, gold: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    coder = Coder.build()
    for name in FILES:
        articles = [r for r in read_inputs([str(gold / f"{name}.jsonl")]) if isinstance(r, Article)]
        if not articles:
            raise SystemExit(f"no articles read from {gold / f'{name}.jsonl'}; give the gold folder with --gold-dir.")
        rows = [event.to_row() for _, events in code_documents(articles, coder) for event in events]
        for row in rows:
            row.pop("coder_version", None)
        rows.sort(key=lambda row: (row["article_id"], row["event_id"]))
        with (out / f"{name}.events.jsonl").open("w") as handle:
            for row in rows:
                handle.write(json.dumps(row, sort_keys=True, default=str) + "\n")
        print(f"{name}: {len(rows)} events")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the snapshot to")
    parser.add_argument("--gold-dir", type=Path, default=GOLD, help="the shared gold folder")
    arguments = parser.parse_args()
    main(arguments.out, arguments.gold_dir)

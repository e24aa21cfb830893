"""Code every gold file and write its events, sorted, without `coder_version`: two snapshots
taken before and after a refactoring must be identical row for row.

    .venv/bin/python tools/snapshot_events.py /tmp/before
    .venv/bin/python tools/snapshot_events.py /tmp/after && diff -r /tmp/before /tmp/after
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eventwire.ingest import read_inputs
from eventwire.pipeline import Coder, code_documents
from eventwire.records import Article

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
FILES = ("seeds", "plover_gsr", "news_dev", "news_negatives")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    coder = Coder.build()
    for name in FILES:
        articles = [r for r in read_inputs([str(GOLD / f"{name}.jsonl")]) if isinstance(r, Article)]
        rows = [event.to_row() for _, events in code_documents(articles, coder) for event in events]
        for row in rows:
            row.pop("coder_version", None)
        rows.sort(key=lambda row: (row["article_id"], row["event_id"]))
        with (out / f"{name}.events.jsonl").open("w") as handle:
            for row in rows:
                handle.write(json.dumps(row, sort_keys=True, default=str) + "\n")
        print(f"{name}: {len(rows)} events")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

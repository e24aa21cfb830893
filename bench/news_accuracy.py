"""Accuracy on real news: the development set, its held-back slice and the non-political sets.

    python bench/news_accuracy.py [--gold-dir ../shared/gold]

Codes `news_dev.jsonl` and `news_negatives.jsonl` (and the regression sets `seeds.jsonl`,
`plover_gsr.jsonl`) in one process and prints, by the rules of the gold README:
- news_dev whole, without its held-back slice (dev-x16…x20 of each part), and the slice alone
  (measure only: never read its errors);
- events coded in the mostly non-political dev-517…519 that match no gold event (invented);
- invented events per 1,000 words of news_negatives;
- the unseen sets of `bench/data/unseen/` (measure only: see its README), each and together, and
  the wire development sets of `bench/data/wire_dev/` (errors may be read).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from eventwire import Article, Coder
from eventwire.evaluate import Score, prediction_from_row, read_gold, score
from eventwire.ingest import read_inputs
from eventwire.pipeline import code_documents

HELD_BACK = re.compile(r"^dev-\d(1[6-9]|20)$")
NON_POLITICAL = {"dev-517", "dev-518", "dev-519"}
UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"
WIRE_DEV = Path(__file__).resolve().parent / "data" / "wire_dev"


def coded(coder: Coder, path: Path) -> list:
    articles = [r for r in read_inputs([str(path)]) if isinstance(r, Article)]
    return [prediction_from_row(event.to_row()) for _, events in code_documents(articles, coder) for event in events]


def line(name: str, result: Score) -> str:
    figures = result.as_dict()

    def pct(key: str) -> str:
        value = figures[key]
        return "n/a" if value is None else f"{value:.3f}"

    return (
        f"{name:<28} P {pct('precision')}  R {pct('recall')}  F1 {pct('f1')}  "
        f"(tp {result.tp}, fp {result.fp}, fn {result.fn})  mode {pct('mode_accuracy')}  "
        f"date {pct('date_accuracy')}  sector {pct('sector_accuracy')}  place {pct('place_accuracy')}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "gold")
    gold_dir = parser.parse_args().gold_dir
    coder = Coder.build()
    for name in ("seeds", "plover_gsr"):
        golds, _ = read_gold(gold_dir / f"{name}.jsonl")
        print(line(name, score(golds, coded(coder, gold_dir / f"{name}.jsonl"))))
    golds, _ = read_gold(gold_dir / "news_dev.jsonl")
    predictions = coded(coder, gold_dir / "news_dev.jsonl")
    print(line("news_dev", score(golds, predictions)))
    print(
        line(
            "news_dev without held-back", score({k: v for k, v in golds.items() if not HELD_BACK.match(k)}, predictions)
        )
    )
    print(line("news_dev held-back slice", score({k: v for k, v in golds.items() if HELD_BACK.match(k)}, predictions)))
    invented = score({k: v for k, v in golds.items() if k in NON_POLITICAL}, predictions).fp
    print(f"invented events in dev-517…519: {invented}")
    negatives = gold_dir / "news_negatives.jsonl"
    neg_golds, texts = read_gold(negatives)
    words = sum(len(text.split()) for text in texts.values())
    false = score(neg_golds, coded(coder, negatives)).fp
    print(f"news_negatives: {false} invented events in {words} words ({1000 * false / words:.2f} per 1,000 words)")
    unseen_golds, unseen_predictions = {}, []
    for path in sorted(UNSEEN.glob("*.jsonl")):
        golds, _ = read_gold(path)
        predictions = coded(coder, path)
        print(line(f"unseen {path.stem}", score(golds, predictions)))
        unseen_golds |= golds
        unseen_predictions += predictions
    print(line("unseen sets together", score(unseen_golds, unseen_predictions)))
    for path in sorted(WIRE_DEV.glob("*.jsonl")):
        golds, _ = read_gold(path)
        print(line(f"wire_dev {path.stem}", score(golds, coded(coder, path))))


if __name__ == "__main__":
    main()

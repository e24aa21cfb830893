"""Coding time against article length: one generated article of 250, 500, 1,000 and 2,000
sentences, coded by one Coder (model loaded once, before timing).

    python bench/long_article.py [--sizes 250 500 1000 2000] [--repeat 1]

Prints, per size, the seconds to parse and code the article (best of `--repeat`), seconds per
100 sentences, and the ratio of the largest size's time to the time of 500 sentences (linear
coding gives 4.0; issue 19 measured 11.9 before the per-document entity index).
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from eventwire import Article, Coder
from eventwire.pipeline import code_documents

# Sentences written for this bench: actors, time expressions and events of several kinds, so
# that every stage (names, events, dates, places) has work in every sentence.
SENTENCES = (
    "The president of France said on Monday that his government would send aid to Mali.",
    "Officials in Berlin accused Russia of shelling a village near the border last week.",
    "Police in Lagos arrested 40 protesters on Tuesday after a march on the parliament.",
    "Japan and South Korea agreed on Friday to resume talks about fishing rights in March.",
    "The United Nations urged Ethiopia to open roads for food convoys before the rains.",
    "Brazil's foreign minister met his Argentine counterpart in Buenos Aires two days ago.",
    "Troops from Kenya fired on rebels in the north, a spokesman said on Wednesday.",
    "India rejected a proposal from Pakistan for a joint inquiry into the attack.",
)


def article(sentences: int) -> Article:
    paragraphs = []
    for start in range(0, sentences, 4):  # four sentences a paragraph, as wire stories write
        paragraphs.append(" ".join(SENTENCES[i % len(SENTENCES)] for i in range(start, min(start + 4, sentences))))
    return Article(f"long-{sentences}", "\n\n".join(paragraphs), date(2024, 3, 8))


def seconds_to_code(coder: Coder, text: Article, repeat: int) -> tuple[float, int]:
    best, events = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        [(_, coded)] = list(code_documents([text], coder))
        best = min(best, time.perf_counter() - started)
        events = len(coded)
    return best, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    coder = Coder.build()
    seconds_to_code(coder, article(20), 1)  # warm-up: caches and lazy imports
    times = {}
    print(f"{'sentences':>9} {'seconds':>8} {'s/100 sent':>10} {'events':>7}")
    for size in args.sizes:
        seconds, events = seconds_to_code(coder, article(size), args.repeat)
        times[size] = seconds
        print(f"{size:>9} {seconds:>8.2f} {100 * seconds / size:>10.3f} {events:>7}")
    if 500 in times and len(times) > 1:
        largest = max(times)
        print(f"time({largest}) / time(500) = {times[largest] / times[500]:.2f} (linear: {largest / 500:.1f})")


if __name__ == "__main__":
    main()

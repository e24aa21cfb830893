"""Accuracy of cross-article linking and of story grouping on a hand-written development set.

    python bench/linking.py [--stories tfidf,embeddings]

bench/data/linking.jsonl holds 45 short articles by six invented outlets about 13 events
(each reported 2-4 times with dates written differently) and distractors: the same dyad on
another day, the same day with another event type. Each article's `gold` names the events it
reports (unordered country pair and CAMEO root) and its story.

Mention linking: every coded mention whose article, country pair and root match a gold event
is labelled with that event and its direction; pairwise precision and recall compare "same
cluster" against "same gold event" over all pairs of labelled mentions. Mentions the coder got
wrong match no gold event and are left out (coder accuracy is measured by `eventwire eval`).
Stories: B-cubed precision, recall and F1 of the `stories` table against the gold stories.
The articles are coded in two orders to check that the clusters do not depend on order.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
from collections import defaultdict
from pathlib import Path

from eventwire import Article, Coder
from eventwire.ingest import read_inputs
from eventwire.link import link
from eventwire.run import code_into_store
from eventwire.store import Store
from eventwire.stories import StorySettings, build_stories

DEV_SET = Path(__file__).resolve().parent / "data" / "linking.jsonl"


def _gold() -> dict[str, dict]:
    return {row["id"]: row["gold"] for row in map(json.loads, DEV_SET.read_text(encoding="utf-8").splitlines())}


def _code(coder: Coder, articles: list[Article], path: Path) -> None:
    with Store(path) as store:
        code_into_store(articles, store, coder)
        link(store)


def _pairwise(labels: dict[str, str], clusters: dict[str, int]) -> tuple[float, float, int]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(labels), 2):
        same_gold, same_cluster = labels[a] == labels[b], clusters[a] == clusters[b]
        tp += same_gold and same_cluster
        fp += same_cluster and not same_gold
        fn += same_gold and not same_cluster
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), tp + fn


def _bcubed(gold: dict[str, str], predicted: dict[str, int]) -> tuple[float, float, float]:
    by_gold, by_pred = defaultdict(set), defaultdict(set)
    for item in gold:
        by_gold[gold[item]].add(item)
        by_pred[predicted[item]].add(item)
    precision = sum(len(by_pred[predicted[i]] & by_gold[gold[i]]) / len(by_pred[predicted[i]]) for i in gold) / len(
        gold
    )
    recall = sum(len(by_pred[predicted[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in gold) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", default="tfidf", help="comma-separated story methods to measure")
    parser.add_argument("--verbose", action="store_true", help="list each labelled mention and its cluster")
    args = parser.parse_args()
    gold = _gold()
    articles = [r for r in read_inputs([str(DEV_SET)]) if isinstance(r, Article)]
    coder = Coder.build()
    with tempfile.TemporaryDirectory() as tmp:
        forward, backward = Path(tmp) / "forward.duckdb", Path(tmp) / "backward.duckdb"
        _code(coder, articles, forward)
        _code(coder, articles[::-1], backward)
        with Store(forward) as store:
            rows = store.con.execute("""SELECT e.event_id, e.article_id, e.source_country, e.target_country,
                                                  e.root_code, m.cluster_id
                                           FROM events e JOIN mentions m USING (event_id)""").fetchall()
            labels, clusters = {}, {}
            for event_id, article_id, source, target, root, cluster in rows:
                for event in gold[article_id]["events"]:
                    if sorted(event["pair"]) == sorted([source or "", target or ""]) and event["root"] == root:
                        labels[event_id] = f"{event['event']} {source}>{target}"
                        clusters[event_id] = cluster
                        break
            precision, recall, gold_pairs = _pairwise(labels, clusters)
            if args.verbose:
                for event_id in sorted(labels, key=labels.get):
                    print(f"  {labels[event_id]:<14} cluster {clusters[event_id]}  {event_id}")
            n_events = len({label.split()[0] for label in labels.values()})
            print(
                f"dev set: {len(articles)} articles, {len(rows)} coded mentions, {len(labels)} matched to "
                f"{n_events} gold events ({gold_pairs} same-event pairs)"
            )
            print(f"mention linking: pairwise precision {precision:.3f}  recall {recall:.3f}")
            for method in filter(None, args.stories.split(",")):
                build_stories(store, StorySettings(method=method))
                predicted = dict(store.con.execute("SELECT article_id, story_id FROM stories").fetchall())
                p, r, f = _bcubed({k: v["story"] for k, v in gold.items()}, predicted)
                print(f"stories ({method}): B-cubed precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
        partition = "SELECT list(event_id ORDER BY event_id) FROM mentions GROUP BY cluster_id ORDER BY 1"
        with Store(forward, read_only=True) as a, Store(backward, read_only=True) as b:
            same = a.con.execute(partition).fetchall() == b.con.execute(partition).fetchall()
        print(f"clusters independent of coding order: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()

"""How much model work a sentence filter could skip: the share of the news text in sentences that
could hold an event, by three filters of increasing strictness, and the coded events each filter
would lose.

    python bench/sentence_selection.py [FILES…]   (default: the bundled samples and ../shared/gold's news)

Only articles the prefilter parses are counted (the others are skipped whole already). Sentences
are the parser's. A sentence is kept by
  (1) "trigger word": a word that may be an inflection of a pattern's lemma (the model's lemmatizer
      rules and exception tables read backwards, so no form is missed);
  (2) "trigger and actor": (1) and a dictionary name, role noun or pronoun;
  (3) "whole pattern": a pattern's lemma together with its particle and object word, when it has them.
The share of tokens kept is what the parser and NER would still have to read.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc

from eventwire import Article, Coder
from eventwire.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"
PRONOUNS = frozenset({"he", "she", "they", "we", "it", "his", "her", "their", "its"})


def inflections(coder: Coder, lemmas: Iterable[str]) -> dict[str, set[str]]:
    """Every written form the model's rule lemmatizer could map to each lemma."""
    lookups = coder.nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    forms = {lemma: {lemma} for lemma in lemmas}
    for rules in lookups.get_table("lemma_rules").values():
        for written, base in rules:
            for lemma in forms:
                if lemma.endswith(base):
                    forms[lemma].add(lemma[: len(lemma) - len(base)] + written)
    for table in lookups.get_table("lemma_exc").values():
        for written, bases in table.items():
            for base in bases:
                if base in forms:
                    forms[base].add(written)
    return forms


def main() -> None:
    sources = sys.argv[1:] or [str(ROOT / "examples")] + [
        str(GOLD / n) for n in ("news_dev.jsonl", "news_negatives.jsonl") if (GOLD / n).exists()
    ]
    coder = Coder.build()
    patterns = [p for group in coder.knowledge.patterns.values() for p in group]
    words = {p.lemma for p in patterns} | {p.object for p in patterns if p.object}
    forms = inflections(coder, words)
    any_form = set().union(*forms.values())
    articles = [r for r in read_inputs(sources) if isinstance(r, Article)]
    kept: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    tokens = events = 0
    for doc, article in coder.parse(articles):
        if not isinstance(doc, Doc):  # skipped by the prefilter, or rejected
            continue
        coded = Counter(e.sentence_index for e in coder.code_doc(doc, article))
        actor_tokens = {i for _, start, end in coder.lexicon.matcher(doc) for i in range(start, end)}
        for index, sent in enumerate(doc.sents):
            lower = {t.lower_ for t in sent}
            trigger = bool(lower & any_form)
            actor = any(t.i in actor_tokens for t in sent) or bool(lower & PRONOUNS)
            whole = any(
                forms[p.lemma] & lower
                and (p.object is None or forms[p.object] & lower)
                and (p.particle is None or p.particle in lower)
                for p in patterns
            )
            tokens += len(sent)
            events += coded[index]
            for name, keep in (
                ("trigger word", trigger),
                ("trigger and actor", trigger and actor),
                ("whole pattern", whole),
            ):
                if keep:
                    kept[name] += len(sent)
                else:
                    lost[name] += coded[index]
    print(f"{tokens} tokens in parsed articles, {events} events coded")
    for name in ("trigger word", "trigger and actor", "whole pattern"):
        print(
            f"  {name:18s} keeps {kept[name] / tokens:6.1%} of the tokens; "
            f"events in the sentences it drops: {lost[name]}"
        )


if __name__ == "__main__":
    main()

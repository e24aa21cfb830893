"""List the forms of the dictionaries' verbs that the model's lemmatizer reads wrong.

    python tools/check_lemmas.py

Inflects every single-word verb lemma of data/cameo/verbs.yaml and petrarch_verbs.yaml (past,
-ing and third person, by the regular English spelling rules), lemmatises each form in a short
sentence with the loaded model (eventwire's lemma exceptions included) and prints those whose
lemma differs. Irregular verbs come out as nonsense forms ("cutted"); a maintainer reads the list
and copies the real misreadings ("waged" -> "wag") into data/nlp/lemma_exceptions.yaml.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from eventwire.nlp import load_model

DATA = Path(__file__).resolve().parent.parent / "eventwire" / "data" / "cameo"
VOWELS = "aeiou"


def verb_lemmas() -> set[str]:
    lemmas: set[str] = set()
    for name in ("verbs.yaml", "petrarch_verbs.yaml"):
        for entry in yaml.safe_load((DATA / name).read_text(encoding="utf-8")).get("verbs") or []:
            found = entry["lemma"]
            lemmas.update(found if isinstance(found, list) else [found])
    return {lemma for lemma in lemmas if re.fullmatch("[a-z]+", lemma)}


def inflections(verb: str) -> list[str]:
    if verb.endswith("e"):
        return [verb + "d", verb[:-1] + "ing", verb + "s"]
    if verb.endswith("y") and verb[-2] not in VOWELS:
        return [verb[:-1] + "ied", verb + "ing", verb[:-1] + "ies"]
    if len(verb) <= 4 and re.search("[^aeiou][aeiou][bdgkmnprt]$", verb):
        return [verb + verb[-1] + "ed", verb + verb[-1] + "ing", verb + "s"]
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return [verb + "ed", verb + "ing", verb + "es"]
    return [verb + "ed", verb + "ing", verb + "s"]


def main() -> None:
    nlp = load_model()
    for verb in sorted(verb_lemmas()):
        for form in inflections(verb):
            token = nlp(f"The ministry {form} the plan on Monday.")[2]
            if token.tag_.startswith("VB") and token.lemma_.lower() != verb:
                print(f"{verb}\t{form}\t{token.lemma_}")


if __name__ == "__main__":
    main()

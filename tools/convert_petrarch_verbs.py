"""Convert the simple patterns of PETRARCH2's CAMEO verb dictionary into eventwire's YAML.

Source: openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt (MIT licence,
Copyright 2014 Open Event Data Alliance). Run once by a maintainer:

    python tools/convert_petrarch_verbs.py CAMEO.2.0.txt > eventwire/data/cameo/petrarch_verbs.yaml

Kept, because eventwire's dependency patterns can express them:
- each verb of a block with the block's code ("ACCUSE [112]": accuse -> 112);
- "- * NOUN [code]": the verb with that direct object ("impose * sanctions" -> 163);
- "- * NOUN PREP + [code]": the same with the target after PREP;
- "- * PREP + [code]" and "- * PARTICLE [code]": phrasal verbs ("meet * with +").
Left out, for precision: public statements (root 01, mostly "say"), light verbs whose bare
form means nothing ("make", "take"), synonym-set and multi-word patterns, and codes GDELT's
code table lacks (replaced by their parent when it exists).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

BLOCK = re.compile(r"^---\s+(\S+)\s+\[(\S+)\]\s+---")
PATTERN = re.compile(r"^-\s+\*\s+(.*?)\s*\[(\S+)\]\s*(?:#\s*(\S+))?")
PREPOSITIONS = {"with", "to", "on", "against", "for", "from", "into", "at", "over", "about", "of", "in", "toward", "towards", "between"}
PARTICLES = {"up", "down", "out", "off", "back", "away", "over", "in", "on"}
# Where PETRARCH's bare verb finds its target: the object, else the usual prepositions.
DEFAULT_TARGETS = ["dobj", "dative", "prep:to", "prep:with", "prep:against", "prep:for", "prep:on"]
# States, not acts: "North Korea, which depends on China" reports no event.
STATIVE_VERBS = {"depend", "rely", "need", "want", "like", "seem", "include", "contain", "remain", "become", "lack",
                 "belong", "own", "possess", "consist", "resemble", "deserve", "matter", "exist", "know", "understand",
                 "feel", "look", "sound", "appear", "continue", "try", "attempt", "according", "accord", "rage"}
LIGHT_VERBS = STATIVE_VERBS | {"be", "have", "make", "take", "give", "get", "go", "come", "put", "set", "run", "keep", "hold", "lead",
               "move", "turn", "leave", "do", "see", "bring", "open", "show", "let", "send", "carry", "stand", "pass",
               "play", "raise", "call", "receive", "issue", "express", "voice", "offer", "seek", "reach", "sign"}


def codes_known(path: Path) -> set[str]:
    return {line.split("\t")[0] for line in path.read_text().splitlines() if line and not line.startswith("#")}


def known(code: str, codes: set[str]) -> str | None:
    for candidate in (code, code[:3], code[:2] + "0"):
        if candidate in codes:
            return candidate
    return None


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def members(lines: list[str]) -> list[tuple[str, str | None]]:
    found = []
    for line in lines:
        word = line.split("#", 1)[0].strip().split(" ")[0] if line.strip() else ""
        if not word or word.startswith(("-", "{", "&")):
            continue
        parts = word.lstrip("+").lower().split("_")
        if len(parts) == 1 and parts[0].isalpha():
            found.append((parts[0], None))
        elif len(parts) == 2 and parts[1] in PARTICLES | PREPOSITIONS and parts[0].isalpha():
            found.append((parts[0], parts[1]))
    return found


def entry(lemma: str, code: str, particle: str | None = None, obj: str | None = None, targets: list[str] | None = None) -> str:
    fields = [f"lemma: {lemma}", f'code: "{code}"']
    if particle:
        fields.append(f"particle: {particle}")
    if obj:
        fields.append(f"object: {obj}")
    fields.append(f"targets: [{', '.join(targets or DEFAULT_TARGETS)}]")
    return "  - {" + ", ".join(fields) + "}"


def pattern_entry(words: list[str], lemma: str, code: str) -> str | None:
    if any(not re.fullmatch(r"[a-z+]+", w) for w in words):
        return None
    if len(words) == 2 and words[0] in PREPOSITIONS and words[1] == "+":
        return entry(lemma, code, particle=words[0], targets=[f"prep:{words[0]}", "dobj"])
    if len(words) == 1 and words[0] in PARTICLES:
        return entry(lemma, code, particle=words[0])
    if len(words) == 1 and words[0] != "+":
        return entry(lemma, code, obj=singular(words[0]), targets=["prep:on", "prep:to", "prep:with", "prep:against", "dative", "dobj"])
    if len(words) == 3 and words[1] in PREPOSITIONS and words[2] == "+" and words[0] != "+":
        return entry(lemma, code, obj=singular(words[0]), targets=[f"prep:{words[1]}"])
    return None


def convert(text: str, codes: set[str]) -> list[str]:
    out: list[str] = []
    blocks = re.split(r"(?m)^(?=---\s)", text)
    for block in blocks:
        lines = block.splitlines()
        head = BLOCK.match(lines[0]) if lines else None
        if not head:
            continue
        block_code = known(head.group(2), codes) if head.group(2) != "---" else None
        verbs = members([line for line in lines[1:] if not line.startswith("-")])
        for lemma, particle in verbs:
            if block_code and not block_code.startswith("01") and (particle or lemma not in LIGHT_VERBS):
                targets = [f"prep:{particle}", "dobj"] if particle in PREPOSITIONS else None
                out.append(entry(lemma, block_code, particle=particle, targets=targets))
        for line in lines[1:]:
            found = PATTERN.match(line)
            if not found or found.group(2) == "---":
                continue
            code = known(found.group(2), codes)
            origin = (found.group(3) or head.group(1)).lower()
            if code is None or code.startswith("01") or not origin.isalpha() or origin in STATIVE_VERBS:
                continue
            converted = pattern_entry(found.group(1).lower().split(), origin, code)
            if converted:
                out.append(converted)
    return out


def main(path: str) -> None:
    codes = codes_known(Path(__file__).resolve().parents[1] / "eventwire" / "data" / "cameo" / "codes.tsv")
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    print("source: openeventdata/petrarch2 petrarch2/data/dictionaries/CAMEO.2.0.txt, simple patterns only")
    print("license: MIT, Copyright (c) 2014 Open Event Data Alliance; converted by tools/convert_petrarch_verbs.py")
    print("version: 1")
    print("# eventwire's own data/cameo/verbs.yaml is read after this file and overrides same-keyed entries.")
    print("verbs:")
    seen: set[str] = set()
    for line in convert(text, codes):
        key = re.sub(r', code: "[^"]*"', "", line)
        if key not in seen:
            seen.add(key)
            print(line)


if __name__ == "__main__":
    main(sys.argv[1])

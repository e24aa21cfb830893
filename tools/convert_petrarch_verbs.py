"""Convert the simple patterns of PETRARCH2's CAMEO verb dictionary into eventwire's YAML.

Source: openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt (MIT licence,
Copyright 2014 Open Event Data Alliance). Run once by a maintainer:

    python tools/convert_petrarch_verbs.py CAMEO.2.0.txt > eventwire/data/cameo/petrarch_verbs.yaml

Kept, because eventwire's dependency patterns can express them:
- each verb of a block with the block's code ("ACCUSE [112]": accuse -> 112);
- "- * NOUN [code]": the verb with that direct object ("impose * sanctions" -> 163);
- "- * &SET [code]": the same for each single-word member of a synonym set ("&INVESTIGATION");
- "- * NOUN PREP + [code]": the same with the target after PREP;
- "- * PREP + [code]" and "- * PARTICLE [code]": phrasal verbs ("meet * with +").
Left out, for precision: public statements (root 01, mostly "say"), light verbs whose bare
form means nothing ("make", "take"), bare verbs whose news senses are mostly not the event
(AMBIGUOUS_BARE), synonym-set and multi-word patterns, and codes GDELT's
code table lacks (replaced by their parent when it exists).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

BLOCK = re.compile(r"^---\s+(\S+)\s+\[(\S+)\]\s+---")
PATTERN = re.compile(r"^-\s+\*\s+(.*?)\s*\[(\S+)\]\s*(?:#\s*(\S+))?")
PREPOSITIONS = {
    "with",
    "to",
    "on",
    "against",
    "for",
    "from",
    "into",
    "at",
    "over",
    "about",
    "of",
    "in",
    "toward",
    "towards",
    "between",
}
PARTICLES = {"up", "down", "out", "off", "back", "away", "over", "in", "on"}
# Where PETRARCH's bare verb finds its target: the object, else the usual prepositions.
DEFAULT_TARGETS = ["dobj", "dative", "prep:to", "prep:with", "prep:against", "prep:for", "prep:on"]
# States, not acts: "North Korea, which depends on China" reports no event.
STATIVE_VERBS = {
    "depend",
    "rely",
    "need",
    "want",
    "like",
    "seem",
    "include",
    "contain",
    "remain",
    "become",
    "lack",
    "belong",
    "own",
    "possess",
    "consist",
    "resemble",
    "deserve",
    "matter",
    "exist",
    "know",
    "understand",
    "feel",
    "look",
    "sound",
    "appear",
    "continue",
    "try",
    "attempt",
    "according",
    "accord",
    "rage",
}
LIGHT_VERBS = STATIVE_VERBS | {
    "be",
    "have",
    "make",
    "take",
    "give",
    "get",
    "go",
    "come",
    "put",
    "set",
    "run",
    "keep",
    "hold",
    "lead",
    "move",
    "turn",
    "leave",
    "do",
    "see",
    "bring",
    "open",
    "show",
    "let",
    "send",
    "carry",
    "stand",
    "pass",
    "play",
    "raise",
    "call",
    "receive",
    "issue",
    "express",
    "voice",
    "offer",
    "seek",
    "reach",
    "sign",
}

# Bare verbs whose everyday senses in news are mostly not the block's event ("find", "run",
# "control", "order", "beat", "die", "fire", "claim"); their object and particle patterns
# are kept ("impose * sanctions"). Chosen by reading each block's list for precision.
AMBIGUOUS_BARE = {
    # thinking, perceiving, moving: not consultations
    "acquaint",
    "amass",
    "approach",
    "ask",
    "assemble",
    "brave",
    "cluster",
    "conglomerate",
    "conjoin",
    "consider",
    "constellate",
    "contemplate",
    "converge",
    "congregate",
    "depart",
    "egress",
    "elicit",
    "embark",
    "encounter",
    "excogitate",
    "face",
    "find",
    "flock",
    "gather",
    "hear",
    "huddle",
    "innovate",
    "insert",
    "interact",
    "introduce",
    "join",
    "journey",
    "learn",
    "meditate",
    "mull",
    "muse",
    "ponder",
    "promulgate",
    "pull",
    "reason",
    "reconsider",
    "ruminate",
    "run",
    "speculate",
    "think",
    "tour",
    "touring",
    "walk",
    "weigh",
    "unite",
    # managing, changing, growing: not material cooperation
    "abate",
    "add",
    "address",
    "administer",
    "allocate",
    "allot",
    "ameliorate",
    "amplify",
    "appease",
    "apportion",
    "assign",
    "assuage",
    "attach",
    "augment",
    "beef",
    "benefit",
    "better",
    "bind",
    "blend",
    "boost",
    "chain",
    "coalesce",
    "combine",
    "command",
    "compound",
    "conduct",
    "conflate",
    "connect",
    "constitute",
    "control",
    "deepen",
    "dictate",
    "direct",
    "ease",
    "enact",
    "endow",
    "enhance",
    "enjoin",
    "enlarge",
    "enlist",
    "enroll",
    "escalate",
    "establish",
    "exaggerate",
    "expand",
    "expediate",
    "facilitate",
    "found",
    "fuse",
    "govern",
    "handle",
    "head",
    "heighten",
    "improve",
    "increase",
    "institute",
    "intensify",
    "link",
    "magnify",
    "manage",
    "merge",
    "mitigate",
    "monitor",
    "order",
    "oversee",
    "prescribe",
    "redouble",
    "regulate",
    "relate",
    "rule",
    "serve",
    "simplify",
    "steer",
    "step",
    "supervise",
    "supervize",
    "task",
    "tie",
    "unify",
    # telling, feeling, organising: not diplomatic cooperation or praise
    "acknowledge",
    "admit",
    "advertise",
    "advertize",
    "affect",
    "confess",
    "confide",
    "conform",
    "correlate",
    "disclose",
    "divulge",
    "expose",
    "exuberate",
    "exult",
    "harmonise",
    "harmonize",
    "impact",
    "influence",
    "integrate",
    "orchestrate",
    "organise",
    "organize",
    "persuade",
    "profess",
    "promote",
    "rejoice",
    "reveal",
    "synchronise",
    "synchronize",
    "tempt",
    "triumph",
    "unveil",
    "unionise",
    "unionize",
    "admire",
    "appreciate",
    "bless",
    "celebrate",
    "cheer",
    "clap",
    "commemorate",
    "embolden",
    "enliven",
    "esteem",
    "exalt",
    "favor",
    "favour",
    "galvanize",
    "glorify",
    "inspire",
    "invigorate",
    "prefer",
    "prize",
    "reassert",
    "revitalize",
    "rouse",
    "sanctify",
    "spur",
    "toast",
    "value",
    "legitimise",
    "legitimize",
    # planning and trying: not intents toward anyone
    "certify",
    "endeavor",
    "endeavour",
    "ensure",
    "gear",
    "groom",
    "intend",
    "mean",
    "plan",
    "prepare",
    "ready",
    "resurrect",
    "resuscitate",
    "revive",
    "signal",
    "strive",
    "subscribe",
    "train",
    "count",
    "desire",
    "hint",
    "reach",
    "advocate",
    "interfere",
    "stabilise",
    "stabilize",
    "tend",
    "ward",
    # everyday verbs of giving up, settling, fixing
    "abandon",
    "abide",
    "absolve",
    "abstain",
    "bide",
    "bow",
    "clear",
    "detach",
    "disconnect",
    "draw",
    "drop",
    "fill",
    "forswear",
    "hash",
    "loosen",
    "recede",
    "relax",
    "resolve",
    "retire",
    "retract",
    "satify",
    "settle",
    "submit",
    "tease",
    "undo",
    "unloose",
    "untie",
    "verify",
    "yield",
    "approve",
    "enable",
    "empower",
    "back",
    # searching, bidding, arguing, grieving
    "comb",
    "dig",
    "glance",
    "look",
    "mine",
    "rake",
    "scan",
    "skim",
    "sweep",
    "unearth",
    "explore",
    "research",
    "study",
    "check",
    "analyse",
    "ascertain",
    "bid",
    "campaign",
    "crusade",
    "necessitate",
    "push",
    "aver",
    "avow",
    "bemoan",
    "blaspheme",
    "compete",
    "contrast",
    "counter",
    "counterbalance",
    "cry",
    "curse",
    "debate",
    "despair",
    "differ",
    "disappoint",
    "dishearten",
    "dismay",
    "doubt",
    "fire",
    "grieve",
    "lament",
    "mourn",
    "regret",
    "sadden",
    "slight",
    "swear",
    "wail",
    "weep",
    "whine",
    "wrangle",
    "discourage",
    "distrust",
    "claim",
    "argue",
    "suspect",
    "cane",
    "flog",
    "dress",
    "lash",
    "savage",
    "crucify",
    "lecture",
    "break",
    "risk",
    "endanger",
    # feelings, crowds, tallies: not protests or mobilisation
    "agitate",
    "agonise",
    "agonize",
    "annoy",
    "arouse",
    "badger",
    "bother",
    "bridle",
    "discomfit",
    "disconcert",
    "disquiet",
    "distress",
    "disturb",
    "enkindle",
    "frustrate",
    "harry",
    "hassle",
    "irk",
    "irritate",
    "pester",
    "plague",
    "provoke",
    "rag",
    "torment",
    "upset",
    "vex",
    "call",
    "drum",
    "garner",
    "marshal",
    "summon",
    "parade",
    "rally",
    "countermine",
    "disarray",
    "disorder",
    "threw",
    "disassociate",
    "mobilise",
    "mobilize",
    "muster",
    # restraining, taking, removing in their everyday senses
    "bill",
    "cage",
    "enclose",
    "moderate",
    "reinforce",
    "force",
    "compel",
    "inflict",
    "levy",
    "constrain",
    "impel",
    "exclude",
    "appropriate",
    "catch",
    "extract",
    "grab",
    "overturn",
    "pluck",
    "take",
    "subvert",
    "snatch",
    "revolutionise",
    "revolutionize",
    "tax",
    "hunt",
    "clamp",
    "boot",
    "kick",
    "remove",
    "vote",
    "contaminate",
    "corrupt",
    "crack",
    "damage",
    "harm",
    "hurt",
    "impair",
    "mar",
    "spoil",
    "tarnish",
    "tear",
    "rip",
    "vitiate",
    # sport, games, fortune and death: not military force
    "aim",
    "altercate",
    "beat",
    "best",
    "bust",
    "circle",
    "conflict",
    "crush",
    "defeat",
    "die",
    "dominate",
    "duel",
    "engage",
    "encircle",
    "hammer",
    "hang",
    "hit",
    "master",
    "match",
    "overcome",
    "overpower",
    "overshadow",
    "overtake",
    "overwhelm",
    "pit",
    "press",
    "quarrel",
    "ring",
    "ruin",
    "shatter",
    "square",
    "stamp",
    "string",
    "struggle",
    "surmount",
    "target",
    "thump",
    "wipe",
    "wrestle",
    "blow",
    "smash",
    "pound",
    "pummel",
    "clobber",
    "infest",
    "inhabit",
    "reside",
    "cut",
}


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


def entry(
    lemma: str, code: str, particle: str | None = None, obj: str | None = None, targets: list[str] | None = None
) -> str:
    fields = [f"lemma: {lemma}", f'code: "{code}"']
    if particle:
        fields.append(f'particle: "{particle}"')  # quoted: YAML reads a bare on/off as a boolean
    if obj:
        fields.append(f"object: {obj}")
    fields.append(f"targets: [{', '.join(targets or DEFAULT_TARGETS)}]")
    return "  - {" + ", ".join(fields) + "}"


def synsets(text: str) -> dict[str, list[str]]:
    """PETRARCH's synonym sets ("&INVESTIGATION" = investigation, inquiry, probe, …), single
    words only (a trailing "_" marks a word PETRARCH does not inflect)."""
    found: dict[str, list[str]] = {}
    name = None
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word.startswith("&") and " " not in word:
            name = word[1:].lower()
            found[name] = []
        elif word.startswith("+") and name is not None:
            member = word[1:].rstrip("_").lower()
            if member.isalpha() and singular(member) not in found[name]:
                found[name].append(singular(member))
        elif not word:
            name = None
    return found


def pattern_entries(words: list[str], lemma: str, code: str, sets: dict[str, list[str]]) -> list[str]:
    """Entries for one pattern; a synonym set in the object position gives one per member."""
    slot = next((k for k, w in enumerate(words) if w.startswith("&")), None)
    if slot is None:
        converted = pattern_entry(words, lemma, code)
        return [converted] if converted else []
    if slot != 0 or sum(w.startswith("&") for w in words) > 1:
        return []
    members = sets.get(words[0][1:], [])
    return [e for m in members if (e := pattern_entry([m] + words[1:], lemma, code))]


def pattern_entry(words: list[str], lemma: str, code: str) -> str | None:
    if any(not re.fullmatch(r"[a-z+]+", w) for w in words):
        return None
    if len(words) == 2 and words[0] in PREPOSITIONS and words[1] == "+":
        return entry(lemma, code, particle=words[0], targets=[f"prep:{words[0]}", "dobj"])
    if len(words) == 1 and words[0] in PARTICLES:
        return entry(lemma, code, particle=words[0])
    if len(words) == 1 and words[0] != "+":
        return entry(
            lemma,
            code,
            obj=singular(words[0]),
            targets=["prep:on", "prep:to", "prep:with", "prep:against", "dative", "dobj"],
        )
    if len(words) == 3 and words[1] in PREPOSITIONS and words[2] == "+" and words[0] != "+":
        return entry(lemma, code, obj=singular(words[0]), targets=[f"prep:{words[1]}"])
    return None


def convert(text: str, codes: set[str]) -> list[str]:
    out: list[str] = []
    sets = synsets(text)
    blocks = re.split(r"(?m)^(?=---\s)", text)
    for block in blocks:
        lines = block.splitlines()
        head = BLOCK.match(lines[0]) if lines else None
        if not head:
            continue
        block_code = known(head.group(2), codes) if head.group(2) != "---" else None
        verbs = members([line for line in lines[1:] if not line.startswith("-")])
        for lemma, particle in verbs:
            if (
                block_code
                and not block_code.startswith("01")
                and (particle or lemma not in LIGHT_VERBS | AMBIGUOUS_BARE)
            ):
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
            out.extend(pattern_entries(found.group(1).lower().split(), origin, code, sets))
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

"""Convert the simple patterns of PETRARCH2's CAMEO verb dictionary into eventwire's YAML.

Source: openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt (MIT licence,
Copyright 2014 Open Event Data Alliance). Run once by a maintainer:

    python tools/convert_petrarch_verbs.py CAMEO.2.0.txt > eventwire/data/cameo/petrarch_verbs.yaml
    python tools/convert_petrarch_verbs.py CAMEO.2.0.txt --census   # pattern lines of each kind

Kept, because eventwire's dependency patterns can express them:
- each verb of a block with the block's code ("ACCUSE [112]": accuse -> 112);
- "- * NOUN [code]" (kind object): the verb with that direct object ("impose * sanctions" -> 163),
  a one-word "{NOUN}" too; a preposition or particle alone ("- * FOR") names no object;
- "- * &SET [code]": the same for each single-word member of a synonym set ("&INVESTIGATION");
- "- * NOUN PREP + [code]" (object-prep): the same with the target after PREP;
- "- * PREP + [code]" (prep) and "- * PARTICLE [code]" (particle): phrasal verbs ("meet * with +").
Plurals are made singular by PETRARCH's rules ("clashes" -> clash; "crisis", "status" stay).
Left out, for precision: public statements (root 01, mostly "say"), light verbs whose bare
form means nothing ("make", "take"), bare verbs whose news senses are mostly not the event
(AMBIGUOUS_BARE), and codes GDELT's code table lacks (replaced by their parent when it exists).
Also left out, each measured with bench/news_accuracy.py against this file (news_dev F1 0.628,
P 0.841), because none found more real events there without losing its meaning; most misses in
news_dev are of verbs eventwire already has, its actors or clauses:
- braces, "- * {MOCK ATTACK}": read as its last word it drops the modifier that names the act
  ("{OLIVE BRANCH}", "{COLD SHOULDER}"): F1 0.630, P 0.840, but by "issued a statement" read as
  114 from "{DEFIANT STATEMENT}", "hit targets" as 150 from "{MOCK TARGET}", "launched attacks"
  as 111 from "{VERBAL ATTACK}". Kept only where no pattern of its block reads the word as
  another code: 0.629, one event more in the held-back slice; only where the modifier merely
  grades the act ("sharp", "mass"): no change. It needs a field for the object's modifier;
- pp, "- * (TO)": outranks the hand-written verb ("sue", "negotiate") and reads adjuncts as the
  act ("voted against" as 110): F1 0.625, P 0.832;
- pp-object, "- * (IN PROTEST)": outranks hand-written verbs ("agreed to a ceasefire" lost):
  F1 0.626, plover_gsr 0.836;
- particle-object, "- * OFF TALKS": "agreed on sanctions" lost, F1 0.627;
- object-pp, "- * ACCESS (TO)", "- * MEETING (WITH NEGOTIATORS)": F1 0.625, plover_gsr 0.835;
- verbs named with their particle in a pattern's note ("- * STRIKE # CALLED_OFF" is "call off"):
  police raids read as military force, one event invented;
- words before the verb, a subject ("&MILITARY * STRIKE"): read without it, one event more
  ("launched air strikes"), but "unions launched a strike" is then 190 and "police launched a
  raid" 195 (from "&AIRCRAFT * RAID"): it needs a field constraining the subject's sector;
- acts of the target only ("[:173]"): no field says the subject is the target.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

BLOCK = re.compile(r"^---\s+(\S+)\s+\[(\S+)\]\s+---")

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
    """A plural's singular by PETRARCH's own rules ("clashes", "crises"): not "status", "crisis"."""
    if word.endswith(("us", "is")):
        return word
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
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


# Where a pattern's object patterns look for the target: its prepositions, then the object.
OBJECT_TARGETS = ("prep:on", "prep:to", "prep:with", "prep:against", "dative", "dobj")
LINE = re.compile(r"^-\s+(.*?)\s*\[(\S*)\]\s*(?:#\s*(\S+))?")
TOKEN = re.compile(r"\{[^{}]*\}|\([^()]*\)|\S+")
# The kinds of pattern written; --census counts the others (the module docstring says why each is left out).
WRITTEN = {"prep", "particle", "object", "object-prep"}


@dataclass(frozen=True)
class Entry:
    """One converted pattern; `kind` names the rule that read it (see `forms`)."""

    lemma: str
    code: str
    particle: str | None = None
    obj: str | None = None
    targets: tuple[str, ...] = tuple(DEFAULT_TARGETS)
    kind: str = "verb"

    def line(self) -> str:
        fields = [f"lemma: {_word(self.lemma)}", f'code: "{self.code}"']
        if self.particle:
            fields.append(f'particle: "{self.particle}"')  # quoted: YAML reads a bare on/off as a boolean
        if self.obj:
            fields.append(f"object: {_word(self.obj)}")
        fields.append(f"targets: [{', '.join(self.targets)}]")
        return "  - {" + ", ".join(fields) + "}"


def _word(word: str) -> str:
    """A word as YAML reads it back: quoted where it would be a boolean or null ("no", "on")."""
    return f'"{word}"' if word in {"yes", "no", "on", "off", "true", "false", "null"} else word


@dataclass(frozen=True)
class Form:
    """What a pattern's words after "*" say."""

    particle: str | None
    objects: tuple[str, ...]  # the object's lemmas, a synonym set's members; () for none
    targets: tuple[str, ...]
    kind: str


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


def noun(token: str, sets: dict[str, list[str]]) -> tuple[tuple[str, ...], bool] | None:
    """A noun's lemmas and whether a modifier was left out to get them: a word, a synonym set,
    or a phrase in braces read as its last word ("{ARMS SHIPMENT}" -> shipment)."""
    if token.startswith("{") and token.endswith("}"):
        words = token[1:-1].split()
        head = noun(words[-1], sets) if words else None
        return (head[0], len(words) > 1) if head else None
    if token.startswith("&"):
        return (tuple(sets[token[1:]]), False) if sets.get(token[1:]) else None
    if token in PREPOSITIONS | PARTICLES or not re.fullmatch(r"[a-z]+", token):  # "* FOR" names no object
        return None
    return ((singular(token),), False)


def forms(tokens: list[str], sets: dict[str, list[str]]) -> Form | None:
    """Read a pattern's words after "*"; None if they are none of the shapes below."""
    if sum(t.count("&") for t in tokens) > 1:
        return None
    phrase = re.fullmatch(r"\((\w+)\s*(.*)\)", tokens[-1]) if tokens else None
    prep, rest = (phrase.group(1), phrase.group(2).split()) if phrase else ("", [])
    first = noun(tokens[0], sets) if tokens else None
    kind = "braces" if first and first[1] else "object"
    if len(tokens) == 2 and tokens[0] in PREPOSITIONS and tokens[1] == "+":  # "* WITH +"
        return Form(tokens[0], (), (f"prep:{tokens[0]}", "dobj"), "prep")
    if len(tokens) == 1 and tokens[0] in PARTICLES:  # "* DOWN"
        return Form(tokens[0], (), tuple(DEFAULT_TARGETS), "particle")
    if len(tokens) == 1 and first:  # "* SANCTIONS", "* {ARMS SHIPMENT}"
        return Form(None, first[0], OBJECT_TARGETS, kind)
    if len(tokens) == 3 and tokens[1] in PREPOSITIONS and tokens[2] == "+" and first:  # "* AID TO +"
        return Form(None, first[0], (f"prep:{tokens[1]}",), f"{kind}-prep")
    if len(tokens) == 1 and prep in PREPOSITIONS and not rest:  # "* (TO)"
        return Form(prep, (), (f"prep:{prep}", "dobj"), "pp")
    if len(tokens) == 1 and prep in PREPOSITIONS and len(rest) == 1 and (inner := noun(rest[0], sets)):
        return Form(prep, inner[0], OBJECT_TARGETS, "pp-object")  # "* (IN PROTEST)"
    if len(tokens) == 2 and tokens[0] in PARTICLES | PREPOSITIONS and (second := noun(tokens[1], sets)):
        return Form(tokens[0], second[0], OBJECT_TARGETS, "particle-object")  # "* OFF TALKS"
    if len(tokens) == 2 and prep in PREPOSITIONS and first:  # "* ACCESS (TO)", "* MEETING (WITH NEGOTIATORS)"
        return Form(None, first[0], (f"prep:{prep}",) if not rest else OBJECT_TARGETS, "object-pp")
    return None


def read_pattern(line: str, verb: str, codes: set[str], sets: dict[str, list[str]]) -> tuple[str, list[Entry]]:
    """One pattern line of a block: the kind it is, or why it is left unread, and its entries."""
    found = LINE.match(line)
    if not found:
        return ("not a pattern", [])
    words, raw, note = found.groups()
    origin = (note or verb).lower()
    code = known(raw, codes) if raw != "---" else None
    reasons = [
        (not re.match(r"\*(\s|$)", words), "words before the verb (a subject: '&MILITARY * EXERCISES')"),
        (raw == "---", "no event [---]"),
        (code is None and raw.startswith(":"), "the target's act only ([:173])"),
        (code is None, "a code GDELT's table lacks"),
        (code is not None and code.startswith("01"), "statement (root 01)"),
        (origin in STATIVE_VERBS, "stative verb"),
        ("_" in origin, "verb named with its particle in the note (CALLED_OFF)"),
        (not origin.isalpha(), "verb named otherwise in the note"),
    ]
    reason = next((why for failed, why in reasons if failed), None)
    if reason or code is None:
        return (reason or "", [])
    form = forms(TOKEN.findall(words[1:].lower()), sets)
    if form is None:
        return ("other: several words, or $ ^ % inside", [])
    if not form.objects:
        return (form.kind, [Entry(origin, code, form.particle, None, form.targets, form.kind)])
    return (form.kind, [Entry(origin, code, form.particle, o, form.targets, form.kind) for o in form.objects])


def verb_entries(lines: list[str], block_code: str | None) -> list[Entry]:
    """The block's verbs with its code; statements (01), light and ambiguous bare verbs left out."""
    out = []
    for lemma, particle in members([line for line in lines if not line.startswith("-")]):
        if block_code and not block_code.startswith("01") and (particle or lemma not in LIGHT_VERBS | AMBIGUOUS_BARE):
            targets = (f"prep:{particle}", "dobj") if particle in PREPOSITIONS else tuple(DEFAULT_TARGETS)
            out.append(Entry(lemma, block_code, particle, None, targets))
    return out


def read(text: str, codes: set[str]) -> list[tuple[str, list[Entry]]]:
    """Every block's verbs (kind "verb") and each of its pattern lines, in file order."""
    out: list[tuple[str, list[Entry]]] = []
    sets = synsets(text)
    for block in re.split(r"(?m)^(?=---\s)", text):
        lines = block.splitlines()
        head = BLOCK.match(lines[0]) if lines else None
        if head:
            out.append(
                ("verb", verb_entries(lines[1:], known(head.group(2), codes) if head.group(2) != "---" else None))
            )
            out.extend(read_pattern(line, head.group(1), codes, sets) for line in lines[1:] if line.startswith("- "))
    return out


def convert(text: str, codes: set[str]) -> list[Entry]:
    """The entries written, in file order, each verb, particle, object and targets once."""
    out, seen = [], set()
    for kind, entries in read(text, codes):
        for e in entries if kind == "verb" or kind in WRITTEN else ():
            if (e.lemma, e.particle, e.obj, e.targets) not in seen:
                seen.add((e.lemma, e.particle, e.obj, e.targets))
                out.append(e)
    return out


def census(text: str, codes: set[str]) -> Counter[str]:
    """How many pattern lines are of each kind, or left unread for each reason."""
    return Counter(kind for kind, _ in read(text, codes) if kind != "verb")


def main(path: str, count: bool) -> None:
    codes = codes_known(Path(__file__).resolve().parents[1] / "eventwire" / "data" / "cameo" / "codes.tsv")
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    if count:
        for kind, n in census(text, codes).most_common():
            print(f"{n:6d}  {kind}{'' if kind in WRITTEN else '  (left out)'}")
        return
    print("source: openeventdata/petrarch2 petrarch2/data/dictionaries/CAMEO.2.0.txt, simple patterns only")
    print("license: MIT, Copyright (c) 2014 Open Event Data Alliance; converted by tools/convert_petrarch_verbs.py")
    print("version: 1")
    print("# eventwire's own data/cameo/verbs.yaml is read after this file and overrides same-keyed entries.")
    print("verbs:")
    for e in convert(text, codes):
        print(e.line())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", help="PETRARCH2's CAMEO.2.0.txt")
    parser.add_argument("--census", action="store_true", help="count the pattern lines of each kind instead")
    arguments = parser.parse_args()
    main(arguments.dictionary, arguments.census)

"""Convert the CIA World Factbook's history of heads of state and government into eventwire's dated
actor TSV (factbook_leaders.tsv), for the years office_holders.tsv's snapshots (mid 2022 to early
2023) do not reach.

Source: the git repository factbook/factbook.json (https://github.com/factbook/factbook.json), the
Factbook's country profiles as one JSON file a country (``<region>/<gec>.json``, named by the CIA's
GEC code), updated about weekly since 2021 by the repository's own scraper. Licence: CC0 1.0
(its LICENSE.md); the Factbook itself is a work of the US government, in the public domain. The
bundled file was converted at commit 8662a8b17a784841ab4528631b04090eb2f183eb (2026-05-17); the last
commit to change a profile's text is 783ed27f7a1116663c10e7b39d162d0c4500505d (2026-01-22), the later
ones move files between regions, which the walk follows by GEC code.

Run once by a maintainer; the script reads a local clone or bare mirror and fetches nothing:

    git clone --bare https://github.com/factbook/factbook.json factbook.git
    python tools/convert_factbook_leaders.py factbook.git --words /usr/share/dict/words \\
        > eventwire/data/actors/factbook_leaders.tsv

(/usr/share/dict/words: Debian's wamerican word list, as for convert_office_holders.py.)

What is kept and why:
- every commit from 2022-06-01 on (first parent) is a snapshot, dated by its commit day; in each,
  the ``Government / Executive branch / chief of state`` and ``head of government`` texts of every
  sovereign state ("President William RUTO (since 13 September 2022); Deputy President ...");
- deputies, vice-presidents, heirs, former holders and representatives are left out; so is a chief
  of state "represented by" a governor-general (King Charles III of Canada, the co-princes of
  Andorra: coded for their own state only), and every dependency (a profile with a "Dependency
  status"), whose chief of state is another state's;
- a state is its ISO 3166-1 alpha-3 code through pycountry from the profile's short or long name
  (four GEC codes pycountry does not resolve are mapped by hand); Kosovo has none and is left out;
- a person's start is the "since" date the text gives (a month is its first day, a year January 1),
  the one most snapshots give where they differ (the Factbook's typos, "since 23 June 2005" for a
  prime minister of 2025), and no later than their first snapshot: the first snapshot that lists
  them when no plausible date is given;
- their end is the day before their successor's "since" date, else the day before the first
  snapshot that no longer lists them (the Factbook lags by days to weeks); no end while the last
  snapshot lists them. A person's spans in one state (both offices, or one office held twice with
  no one between) are merged when they overlap or touch, and only spans running on 2022-06-01 or
  later are kept: earlier ones are office_holders.tsv's;
- name forms are those of convert_office_holders.py (named: the full name, also without initials
  and accents, and also the first given name and the surname, "javier milei" of "Javier Gerardo
  MILEI"; surname: after the same English-word, place-name and length checks), except that
  the surname is the part the Factbook writes in capitals ("LULA" of "Luiz Inacio LULA da Silva",
  "SHEINBAUM" of "Claudia SHEINBAUM Pardo", "ABIY" of "ABIY Ahmed Ali"), none for states whose
  names put the family name first; a form shared with another state's office-holder in an
  overlapping span (in this file or office_holders.tsv) is dropped;
- office_holders.tsv's forms of the same person (same state; a name form in common, or the surname
  with a start within a month of the Factbook's) are added to the person's spans ("joe biden" for
  "Joseph R. BIDEN"), so that knowledge.py can end every open entry of a person the Factbook shows
  replaced (a closed span here ends an open one of the same phrase and state loaded before it).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from difflib import SequenceMatcher
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert_office_holders import (  # noqa: E402 - a sibling script, not a package
    FAMILY_NAME_FIRST,
    NUMERAL,
    PARTICLES,
    SECTOR,
    clean,
    fold,
    forbidden_words,
    full_forms,
    unambiguous,
)

START = date(2022, 6, 1)
OFFICE_HOLDERS = Path(__file__).resolve().parent.parent / "eventwire" / "data" / "actors" / "office_holders.tsv"
ROLES = ("chief of state", "head of government")
# GEC codes whose profile names pycountry does not resolve ("DRC", "Burma", "Holy See", "Turkey")
ISO_BY_GEC = {"cg": "COD", "bm": "MMR", "vt": "VAT", "tu": "TUR"}
MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
DATE = r"(?:(?P<day>\d{1,2})\s+)?(?:(?P<month>[A-Za-z]{3})[a-z]*\.?,?\s+)?(?P<year>(?:19|20)\d\d)\b"
SINCE = re.compile(r"\bsince\s+" + DATE)
BARE_DATE = re.compile(r"\(\s*" + DATE + r"\s*\)")
# a title naming someone other than the holder: left out unless, these words taken away, it still names a
# principal office ("Prime Minister and Co-Vice President", "Prime Minister Crown Prince")
NOT_HOLDER = re.compile(
    r"\b(?:first |second )?(?:co-)?(?:vice|deputy)[- ](?:president|prime minister|premier|chair)\w*"
    r"|\b(?:crown prince|heir apparent|heir)\b",
    re.IGNORECASE,
)
NOT_YET_OR_NO_LONGER = re.compile(r"\b(?:former|designate|elect|nominee|represented)\b", re.IGNORECASE)
PRINCIPAL = re.compile(r"\b(?:president|prime minister|premier)\b", re.IGNORECASE)
# words of a title or rank before a name ("Transitional President Capt. Ibrahim TRAORE")
TITLE_WORDS = {
    *"president prime minister premier king queen emperor sultan amir emir prince princess co-prince duke".split(),
    *"chancellor taoiseach pope supreme leader chairman chairperson chairwoman chair head state council".split(),
    *"presidency presidential sovereign transitional transition interim acting caretaker general gen. col.".split(),
    *"capt. maj. lt. sr. gen dr. dr sir dame crown captains captain regent commander-in-chief armed forces".split(),
    *"sudanese governorate commission confederation swiss government cabinet ministers assembly people's".split(),
    *"affairs taliban national safeguard homeland executive yuan pontifical city vatican ratu chief grand".split(),
    *"marshal air vice-marshal admiral colonel lieutenant major mr. mrs. ms. his her majesty highness".split(),
    *"co-chiefs chiefs gnu cnsp leadership commission republic federal union vice deputy elect designate".split(),
}
MONARCH = re.compile(r"\b(?:king|queen|emperor|sultan|amir|emir|prince|grand duke|pope)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Leader:
    """One holder named in a chief-of-state or head-of-government text."""

    title: str
    name: str  # as written, capitals kept: "Luiz Inacio LULA da Silva"
    surname: str  # the words in capitals: "LULA"
    since: date | None


def parse_date(match: re.Match[str]) -> date | None:
    """A day, month or year date; a month is its first day, a year its January 1."""
    month = MONTHS.get((match["month"] or "").lower()[:3]) if match["month"] else 1
    if month is None:
        return None
    try:
        return date(int(match["year"]), month, int(match["day"] or 1) if match["month"] else 1)
    except ValueError:
        return None


def plain(text: str) -> str:
    """Entities decoded, tags dropped, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]*>", " ", html.unescape(text)).split())


def clauses(text: str) -> Iterator[tuple[str, bool]]:
    """The text split at semicolons outside brackets ("... (chair since 2025; member since 2018); ..."),
    and after a dated bracket followed by a name ("BONGO Ondimba (since 2009) Vice President ..."; such
    a clause is marked as continuing the one before, whose title a name without one shares)."""
    depth, start, opened, continued = 0, 0, 0, False
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        opened = i if char == "(" and depth == 1 else opened
        dated = char == ")" and depth == 0 and bool(re.search(r"\d{4}", text[opened:i]))
        if dated and text[i + 1 :].lstrip(" ,")[:1].isupper():
            yield text[start : i + 1].strip(" ,"), continued
            start, continued = i + 1, True
        elif char == ";" and depth <= 0:
            yield text[start:i].strip(" ,"), continued
            start, depth, continued = i + 1, 0, False
    yield text[start:].strip(" ,"), continued


def capitals(word: str) -> bool:
    """A word the Factbook writes in capitals to mark the name used alone ("RUTO", "al-BURHAN")."""
    return any(len(part) >= 2 and part.isupper() and part.isalpha() for part in re.split(r"[-'’]", word))


def title_word(word: str) -> bool:
    """A word of a title, hyphened ("President-elect") or plural ("Vice Premiers") too."""
    parts = word.lower().strip(",").split("-")
    return any(part in TITLE_WORDS or (part.endswith("s") and part[:-1] in TITLE_WORDS) for part in parts)


def _name_words(words: list[str]) -> tuple[int, int] | None:
    """Where the name starts and ends among a clause's words: the given names before the first word in
    capitals, up to a title word, and the words after it up to a lowercase word or a comma."""
    first = next((i for i, w in enumerate(words) if capitals(w.strip(",.")) and not title_word(w.strip(",."))), None)
    if first is None:
        return None
    start = first
    while start > 0 and first - start < 4:
        word = words[start - 1]
        given = word.lstrip("\"“'")  # a nickname in quotes ('Joko "Jokowi" WIDODO'), which clean() drops
        before = words[start - 2].lower() if start > 1 else ""
        if word.endswith(",") or title_word(word) or not (given[:1].isupper() or word in PARTICLES):
            break
        if before in {"of", "the"}:  # "President of the Government of Spain Pedro SANCHEZ"
            break
        start -= 1
    end = first + 1
    while end < len(words) and not words[end - 1].endswith(","):
        word = words[end]
        if word.lower() in {"and", "of"} or title_word(word) or not (word[0].isupper() or word in PARTICLES | {"i"}):
            break
        end += 1
    while end - 1 > first and words[end - 1] in PARTICLES:
        end -= 1
    return start, end


def leader_of(clause: str, title: str = "") -> Leader | None:
    """The holder a clause names, or None: no name in capitals, a deputy or heir, a representative, or a
    sentence about the holder ("President Ashraf GHANI departed the country on 15 August 2021")."""
    since_match = SINCE.search(clause) or BARE_DATE.search(clause)
    since = parse_date(since_match) if since_match else None
    bare = clause
    while (shorter := re.sub(r"\([^()]*\)", " ", bare)) != bare:
        bare = shorter
    bare = bare.split("(")[0]  # a bracket the source left unclosed
    words = [w for w in re.sub(r"[()\[\]]", " ", bare).split() if re.search(r"\w", w)]
    span = _name_words(words)
    if span is None or any(not re.fullmatch(r"(?i)[js]r\.?|[ivx]+", w) for w in words[span[1] :]):
        return None
    title = " ".join(words[: span[0]]) or title
    if NOT_YET_OR_NO_LONGER.search(title) or (
        NOT_HOLDER.search(title) and not PRINCIPAL.search(NOT_HOLDER.sub(" ", title))
    ):
        return None
    # initials keep their dot ("donald j. trump", as office_holders.tsv writes them)
    named = [w.rstrip(",") if re.fullmatch(r"\w\.", w.rstrip(",")) else w.strip(",.") for w in words[span[0] : span[1]]]
    first = next(i for i, w in enumerate(named) if capitals(w))
    last = first
    while last + 1 < len(named) and (capitals(named[last + 1]) or named[last + 1] in PARTICLES | {"i"}):
        last += 1
    while named[last] in PARTICLES | {"i"}:
        last -= 1
    # the words in capitals in a row ("CORREIA e SILVA"); of a word partly in capitals, that part
    # ("KHAMENEI" of "Hoseini-KHAMENEI"), with its article ("al-BURHAN")
    surname = " ".join(
        "-".join(p for p in w.split("-") if capitals(p) or p.islower()) if capitals(w) else w
        for w in named[first : last + 1]
    )
    return Leader(title, " ".join(named), surname, since)


def leaders(text: str, chief_of_state: bool = False) -> list[Leader]:
    """Every holder a chief-of-state or head-of-government text names. A chief of state "represented
    by" someone reigns from another state and is left out."""
    text = plain(text)
    if chief_of_state and "represented by" in text.lower():
        return []
    found, title = [], ""
    for clause, continued in clauses(text):
        if clause[:1].islower():  # "note - ...", "represented by ...", "also referred to as premier"
            continue
        # "Captains Regent Matteo ROSSI and Lorenzo BUGLI": the second named holds the first's title
        first, *others = re.split(r"\s+and\s+(?=[A-Z][^A-Z\s]*\s+[A-Z]{2,})", clause)
        title = " ".join(first.split()[: (_name_words(first.split()) or (0, 0))[0]]) or (title if continued else "")
        found += [leader for part in (first, *others) if (leader := leader_of(part, title))]
    return found


class Repository:
    """Reads a git clone or bare mirror through one `git cat-file --batch` process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.batch = subprocess.Popen(
            ["git", "-C", str(path), "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def git(self, *args: str) -> str:
        return subprocess.run(["git", "-C", str(self.path), *args], check=True, capture_output=True, text=True).stdout

    def blob(self, sha: str) -> bytes:
        assert self.batch.stdin is not None and self.batch.stdout is not None
        self.batch.stdin.write(f"{sha}\n".encode())
        self.batch.stdin.flush()
        size = int(self.batch.stdout.readline().split()[2])
        data = self.batch.stdout.read(size)
        self.batch.stdout.read(1)
        return data

    def snapshots(self) -> list[tuple[str, date]]:
        """The newest commit of each day from START on, oldest first."""
        by_day: dict[date, str] = {}
        for line in self.git("log", "--first-parent", "--reverse", "--format=%H %cs", "HEAD").splitlines():
            sha, day = line.split()
            if date.fromisoformat(day) >= START:
                by_day[date.fromisoformat(day)] = sha
        return [(sha, day) for day, sha in sorted(by_day.items())]

    def profiles(self, commit: str) -> dict[str, str]:
        """GEC code -> blob of its profile (one per code while a file is being moved between regions)."""
        found = {}
        for line in self.git("ls-tree", "-r", commit).splitlines():
            meta, path = line.split("\t")
            if re.fullmatch(r"[a-z-]+/[a-z]{2}\.json", path) and not path.startswith("meta/"):
                found[path[-7:-5]] = meta.split()[2]
        return found


def iso_of(gec: str, profile: dict) -> str | None:
    """The ISO 3166-1 alpha-3 code of a sovereign state's profile; None for a dependency or no state."""
    government = profile.get("Government") or {}
    if "Dependency status" in government:
        return None
    if gec in ISO_BY_GEC:
        return ISO_BY_GEC[gec]
    names = government.get("Country name") or {}
    for form in ("conventional short form", "conventional long form"):
        text = plain((names.get(form) or {}).get("text") or "")
        if text and text.lower() != "none":
            try:
                return str(pycountry.countries.lookup(text).alpha_3)
            except LookupError:
                continue
    return None


def holders_of(profile: dict) -> dict[str, list[Leader]]:
    branch = (profile.get("Government") or {}).get("Executive branch") or {}
    return {role: leaders((branch.get(role) or {}).get("text") or "", role == ROLES[0]) for role in ROLES}


def key_of(name: str) -> str:
    """One person's name however the Factbook spells it from week to week (case, accents, dots)."""
    return fold(" ".join(re.sub(r"[.,]", " ", name.lower()).split()))


@dataclass
class Run:
    """One person's unbroken listing in one office of one state, snapshot after snapshot."""

    country: str
    first: date
    floor: date | None  # the start of the holder they followed: theirs is later
    names: set[str]
    surnames: set[str]
    titles: set[str]
    dates: list[date]
    since: date | None = None
    until: date | None = None

    def add(self, leader: Leader) -> None:
        self.names.add(leader.name)
        self.surnames.add(fold(leader.surname.lower()))
        self.titles.add(leader.title)
        if leader.since:
            self.dates.append(leader.since)

    def start(self) -> date:
        """The date most snapshots give, of those no later than the first listing and later than the
        predecessor's start (not the Factbook's "since 23 June 2005" for a prime minister of 2025); else
        the first listing."""
        plausible = [d for d in self.dates if d <= self.first and (self.floor is None or d > self.floor)]
        return Counter(plausible).most_common(1)[0][0] if plausible else self.first

    def continued_by(self, leader: Leader) -> bool:
        """The same holder respelt ("Gulub DONEV", then "Galab DONEV"; "MUHAMMAD bin Zayid", then
        "MUHAMMAD BIN ZAYID"): a word of the surname in common, and no later start."""
        old = {w for s in self.surnames for w in s.split()}
        new = set(key_of(leader.surname).split())
        letters = re.sub(r"^(?:al|el)|[^a-z]", "", key_of(leader.surname))
        alike = any(
            SequenceMatcher(None, letters, re.sub(r"^(?:al|el)|[^a-z]", "", s)).ratio() >= 0.75 for s in self.surnames
        )
        return (alike or bool(new & old - PARTICLES - {"bin"})) and (
            leader.since is None or leader.since <= self.first or leader.since in self.dates
        )


def runs_of(country: str, series: list[tuple[date, list[Leader]]]) -> list[Run]:
    """An office's holders over the snapshots, each ended by a successor or by no longer being listed."""
    done: list[Run] = []
    current: dict[str, Run] = {}
    for day, found in series:
        listed = {key_of(leader.name): leader for leader in found}
        for key in [k for k in current if k not in listed]:
            newcomers = {k: leader for k, leader in listed.items() if k not in current}
            run = current.pop(key)
            same = next((k for k, leader in newcomers.items() if run.continued_by(leader)), None)
            if same is not None:
                current[same] = run
                continue
            run.since = run.start()
            successors = [
                leader.since for leader in newcomers.values() if leader.since and run.since < leader.since <= day
            ]
            run.until = min(successors) - timedelta(days=1) if successors else day - timedelta(days=1)
            done.append(run)
        for key, leader in listed.items():
            if key not in current:
                floor = max((r.since for r in done if r.since), default=None) if series[0][0] < day else None
                current[key] = Run(country, day, floor, set(), set(), set(), [])
            current[key].add(leader)
    for run in current.values():
        run.since = run.start()
    return done + list(current.values())


@dataclass
class Span:
    """A person's time in office in one state: their runs in either office, merged where they touch."""

    country: str
    since: date
    until: date | None
    runs: list[Run]


def spans_of(runs: list[Run]) -> list[Span]:
    by_person: dict[tuple[str, str], list[Run]] = defaultdict(list)
    for run in runs:
        by_person[run.country, key_of(min(run.names))].append(run)
    spans = []
    for group in by_person.values():
        group.sort(key=lambda r: r.since or date.min)
        current: Span | None = None
        for run in group:
            assert run.since is not None
            if current and (current.until is None or run.since <= current.until + timedelta(days=1)):
                current.until = None if current.until is None or run.until is None else max(current.until, run.until)
                current.runs.append(run)
            else:
                current = Span(run.country, run.since, run.until, [run])
                spans.append(current)
    return [s for s in spans if s.until is None or s.until >= START]


def history(repo: Repository) -> tuple[list[Span], list[tuple[str, date]]]:
    """Every kept person's spans in office, and the snapshots read."""
    snapshots = repo.snapshots()
    parsed: dict[str, tuple[str | None, dict[str, list[Leader]]]] = {}
    series: dict[tuple[str, str], list[tuple[date, list[Leader]]]] = defaultdict(list)
    for commit, day in snapshots:
        for gec, blob in sorted(repo.profiles(commit).items()):
            if blob not in parsed:
                profile = json.loads(repo.blob(blob))
                parsed[blob] = (iso_of(gec, profile), holders_of(profile))
            country, holders = parsed[blob]
            if country is not None:
                for role in ROLES:
                    series[country, role].append((day, holders[role]))
    runs = [run for (country, _), found in series.items() for run in runs_of(country, found)]
    return spans_of(runs), snapshots


Row = tuple[str, str, str, str, str, str]


def office_holders(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as handle:
        lines = [line.rstrip("\n").split("\t") for line in handle if not line.startswith("#")]
    return [(p, c, s, since, until, k) for p, c, s, since, until, k in lines[1:]]


def forms_of(span: Span, forbidden: set[str]) -> tuple[set[str], set[str]]:
    """The full names and surnames a span's holder goes by (convert_office_holders' forms and checks)."""
    monarch = any(MONARCH.search(title) for run in span.runs for title in run.titles)
    named: set[str] = set()
    singles: set[str] = set()
    for run in span.runs:
        for written in run.names:
            name = clean(written, monarch)
            if len(name.split()) >= 2:
                named |= full_forms(name, span.country)
                if span.country not in FAMILY_NAME_FIRST and not capitals(written.split()[0]):
                    # the first given name and the surname, as news names most ("javier milei")
                    named |= {f"{name.split()[0]} {surname}" for surname in run.surnames}
            else:  # a monarch's regnal name ("naruhito"), a mononym
                singles |= {name, fold(name)}
        if span.country not in FAMILY_NAME_FIRST:
            for surname in run.surnames | {s.lower() for s in run.surnames}:
                singles |= {surname, re.sub(r"^(?:al|el)-", "", surname)}
    singles = {fold(s) for s in singles} | singles
    kept = {s for s in singles - named if len(s.replace(" ", "")) >= 3 and s not in forbidden and not NUMERAL.match(s)}
    return named, kept


def aliases(span: Span, named: set[str], surnames: set[str], table: list[Row]) -> list[Row]:
    """office_holders.tsv's rows of the same person: same state and overlapping span, and a full name in
    common, or the surname and a start within a month of the Factbook's; then the other forms of those
    rows' spans that end in the same word ("joe biden" beside "biden")."""
    folded_named, folded_surnames = {fold(n) for n in named}, {fold(s) for s in surnames}

    def same(row: Row) -> bool:
        since = date.fromisoformat(row[3]) if row[3] else None
        return (
            row[1] == span.country
            and (not row[4] or date.fromisoformat(row[4]) >= span.since)
            and (
                fold(row[0]) in folded_named
                or (
                    row[5] == "surname"
                    and fold(row[0]) in folded_surnames
                    and since is not None
                    and abs((since - span.since).days) <= 31
                )
            )
        )

    direct = [row for row in table if same(row)]
    spans = {(row[3], row[4]) for row in direct}
    last_words = {fold(row[0]).split()[-1] for row in direct}
    return [r for r in table if r[1] == span.country and (r[3], r[4]) in spans and fold(r[0]).split()[-1] in last_words]


def rows_of(spans: list[Span], forbidden: set[str], table: list[Row]) -> list[Row]:
    out: set[Row] = set()
    for span in spans:
        named, surnames = forms_of(span, forbidden)
        for alias in aliases(span, named, surnames, table):
            (named if alias[5] == "named" else surnames).add(alias[0])
        since, until = span.since.isoformat(), span.until.isoformat() if span.until else ""
        out |= {(form, span.country, SECTOR, since, until, "named") for form in named}
        out |= {(form, span.country, SECTOR, since, until, "surname") for form in surnames - named}
    return sorted(out, key=lambda r: (r[1], r[3], r[0], r[5]))


def closed(table: list[Row], new: list[Row]) -> tuple[list[Row], int]:
    """office_holders.tsv's rows as knowledge.py (terms.end_open_terms) reads them with this file: an open
    dated row ended at the earliest end here of the same phrase and state, on or after the row's start,
    after which no row here of that phrase and state is still running."""
    terms: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in new:
        terms[row[0], row[1]].append(row)

    def running(rows: list[Row], day: str) -> bool:
        return any(r[3] <= day and (not r[4] or day <= r[4]) for r in rows)

    out, count = [], 0
    for row in table:
        group = terms.get((row[0], row[1]), [])
        ends = sorted(r[4] for r in group if r[4] and r[4] >= row[3])
        gone = [u for u in ends if not running(group, (date.fromisoformat(u) + timedelta(days=1)).isoformat())]
        if not row[4] and row[3] and gone:
            row, count = (*row[:4], gone[0], row[5]), count + 1
        out.append(row)
    return out, count


def header(snapshots: list[tuple[str, date]], last_data: tuple[str, date], counts: dict[str, int]) -> list[str]:
    (first_commit, first_day), (head, head_day) = snapshots[0], snapshots[-1]
    return [
        "# source: factbook/factbook.json (https://github.com/factbook/factbook.json), <region>/<gec>.json, "
        "Government / Executive branch / chief of state and head of government of every sovereign state; "
        f"{len(snapshots)} snapshots (the newest commit of each day, first parent) from {first_day} to {head_day}",
        "# license: CC0 1.0 (the repository's LICENSE.md); the CIA World Factbook is a work of the US government, "
        "in the public domain; converted by tools/convert_factbook_leaders.py",
        f"# commit: factbook/factbook.json {head} {head_day} (newest read); {first_commit} {first_day} (oldest read); "
        f"{last_data[0]} {last_data[1]} (last to change a profile)",
        "# roles: heads of state and of government (no deputies, vice-presidents, heirs, governors-general or "
        "dependencies), coded GOV as office_holders.tsv codes them; one row per name form per span in office "
        "(a person's offices in one state merged where they touch); spans running on 2022-06-01 or later",
        "# dates: since = the Factbook's own 'since' date (a month is its first day, a year January 1), else the "
        "first snapshot listing the person; until = the day before the successor's since date, else the day "
        "before the first snapshot no longer listing them; empty = listed in the newest snapshot",
        "# ends: knowledge.py ends an open entry of an earlier file (office_holders.tsv, phoenix_countries.tsv) "
        "with the same phrase and state, GOV and dated, at the earliest until here on or after its start; "
        "that is why office_holders.tsv's own forms of a person are repeated here",
        "# kinds: named = a full name, safe to match alone; surname = the part the Factbook writes in capitals "
        "(or office_holders.tsv's surname of the person), no English word nor place name, no other state's "
        "office-holder's in an overlapping span: match it only with a title or an earlier full mention",
        f"# counts: {counts['countries']} states, {counts['people']} spans of {counts['persons']} people; "
        f"{counts['named']} named rows, {counts['surname']} surname rows, {counts['ambiguous']} rows dropped as "
        f"shared across states; {counts['ended']} open office_holders.tsv rows ended",
    ]


def last_change(repo: Repository) -> tuple[str, date]:
    # a profile's text changed, not only moved between regions
    line = repo.git(
        "log", "--first-parent", "-1", "-M", "--diff-filter=M", "--format=%H %cs", "HEAD", "--", "*/??.json"
    )
    line = line.split()
    return line[0], date.fromisoformat(line[1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("repository", type=Path, help="a local clone or bare mirror of factbook/factbook.json")
    parser.add_argument("--words", type=Path, help="an English word list (one word a line), e.g. /usr/share/dict/words")
    parser.add_argument("--office-holders", type=Path, default=OFFICE_HOLDERS, help="the office_holders.tsv to end")
    args = parser.parse_args(argv)
    repo = Repository(args.repository)
    spans, snapshots = history(repo)
    table = office_holders(args.office_holders)
    new = rows_of(spans, forbidden_words(args.words), table)
    # a form shared with another state's office-holder in an overlapping span, in either file, is dropped
    kept, _ = unambiguous(new + closed(table, new)[0])
    unique = [row for row in new if row in set(kept)]
    ended = closed(table, unique)[1]
    kinds = Counter(row[5] for row in unique)
    counts = {
        "countries": len({row[1] for row in unique}),
        "people": len({(row[1], row[3], row[4]) for row in unique}),
        "persons": len({(s.country, key_of(min(s.runs[0].names))) for s in spans}),
        "named": kinds["named"],
        "surname": kinds["surname"],
        "ambiguous": len(new) - len(unique),
        "ended": ended,
    }
    out = sys.stdout
    out.write("\n".join(header(snapshots, last_change(repo), counts)) + "\n")
    out.write("phrase\tcountry\tsector\tsince\tuntil\tkind\n")
    for row in unique:
        out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()

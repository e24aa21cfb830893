"""The code an act gets from the weapons it names and from who moves (peacekeepers)."""

from __future__ import annotations

from spacy.tokens import Token

from ...knowledge import Cues
from ...records import Actor
from .conventions import IRREGULAR_SECTORS
from .syntax import subject_of

PLAIN_BOMB_WORDS = {"bomb", "bombing"}


def weapons_named(trigger: Token, cues: Cues) -> list[tuple[str, str]]:
    """The weapons (with their CAMEO codes) a use of force names as its doer or means, most
    specific first: "suicide bombers killed" (1831), "killed in a car bomb explosion" (1832),
    "gunships killed" (195)."""
    subject = subject_of(trigger) if trigger.pos_ == "VERB" else None
    phrases = ([subject] if subject is not None else []) + [
        g for prep in trigger.children if prep.dep_ in ("prep", "agent") and prep.lower_ in cues.instrument_prepositions
        for g in prep.children if g.dep_ == "pobj"]
    found = []
    for phrase in phrases:
        lemmas = [t.lemma_.lower() for t in phrase.subtree if not t.is_punct]
        words = set(lemmas) | {f"{a} {b}" for a, b in zip(lemmas, lemmas[1:])}
        found += [(weapon, code) for weapon, code in cues.instruments.items() if weapon in words]
    return found


def weapon_code(weapons: list[tuple[str, str]], code: str, source: Actor) -> str | None:
    """The first weapon's code that fits the source: an army's plain bombing is not CAMEO 183
    (non-military bombing)."""
    return next((weapon_code for weapon, weapon_code in weapons
                 if weapon not in PLAIN_BOMB_WORDS or source.sector in IRREGULAR_SECTORS or code.startswith("18")), None)


def moves_peacekeepers(trigger: Token, cues: Cues) -> bool:
    """Whether those who arrive or are deployed (the subject, or the object deployed) keep the peace."""
    movers = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(t.lemma_.lower() in cues.peacekeeping_words for m in movers for t in m.subtree)

"""Noun phrases in a parse: a head's own tokens, its conjuncts, the person it names, and the
Actor record spanning it. Nothing here depends on the article's names or memory."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..cues import Cues
from ..records import Actor
from .places import WATER_WORDS

# Children that leave the noun phrase: clauses and most prepositions ("the US envoy to China").
OUTSIDE_PHRASE = {"relcl", "acl", "advcl", "punct", "cc", "conj", "appos", "prep", "ccomp", "parataxis", "dep"}

# complements that belong to a role's phrase ("leaders of the opposition", "a spokesman for the army")
PHRASE_PREPOSITIONS = frozenset({"of", "for"})

# modifiers that name whom a phrase's head is of: "the UN envoy", "a French delegation"
NAMING_ENTITIES = frozenset({"NORP", "GPE", "ORG"})


def hung_on_the_verb(head: Token, cues: Cues) -> list[Token]:
    """ "invited his counterparts from Rwanda and Burundi", "hosted a delegation from Sudan": the
    parser hangs the "from" of a relation or a visitor (someone else than its owner, unlike "withdrew
    its troops from Somalia") on the verb right after it; it says where they are from. A visitor whose
    own words name whom they are of ("expelled the UN envoy from Khartoum") is sent from that place."""
    lemma = head.lemma_.lower()
    visitor = lemma in cues.origin_nouns and not any(c.ent_type_ in NAMING_ENTITIES for c in head.lefts)
    if head.dep_ != "dobj" or not (lemma in cues.relational_nouns or visitor):
        return []
    return [p for p in head.head.children if p.dep_ == "prep" and p.lower_ == "from" and p.i == head.right_edge.i + 1]


def phrase_tokens(head: Token, prepositions: frozenset[str] | set[str] = frozenset()) -> list[Token]:
    """The head's noun phrase without clauses, conjuncts, appositions and prepositions
    other than `prepositions`."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in OUTSIDE_PHRASE and not (child.dep_ == "prep" and child.lower_ in prepositions):
            continue
        if child.dep_ == "prep" and any(g.lower_ in WATER_WORDS for g in child.children):
            continue  # "a tanker in the Gulf of Oman" belongs to no state the sea is named after
        tokens.extend(phrase_tokens(child, prepositions))
    return sorted(tokens, key=lambda t: t.i)


def coordinated_heads(head: Token) -> list[Token]:
    """The head and its conjuncts ("the United States and its allies, Japan and South Korea")."""
    heads = [head]
    for conj in head.conjuncts:
        if conj.i > head.i:
            heads.append(conj)
    return heads


def person_name(tokens: list[Token]) -> str | None:
    """The name the parser tags as a person's among the tokens ("Anna Berg")."""
    names = [t.text for t in tokens if t.ent_type_ == "PERSON"]
    return " ".join(names) if names else None


def names_a_people(head: Token) -> bool:
    """ "ethnic Albanians", "Kurds": a people, not a state or an office. The tagger often calls a
    plural demonym a singular proper noun ("Georgians voted"): a nationality written as a plural is one."""
    written_plural = head.ent_type_ == "NORP" and head.lower_.endswith("s") and not head.lower_.endswith("ss")
    return (head.tag_ in ("NNPS", "NNS") or written_plural) and (head.ent_type_ == "NORP" or says_ethnic(head.children))


def says_ethnic(tokens: Iterable[Token]) -> bool:
    return any(t.lower_ == "ethnic" for t in tokens)


def actor_of(
    tokens: list[Token],
    country: str | None,
    sector: str | None,
    rule: str,
    sector_assumed: bool = False,
    remembered: bool = False,
) -> Actor:
    """The Actor whose text runs from the first to the last of the tokens."""
    first, last = tokens[0], tokens[-1]
    text = first.doc[first.i : last.i + 1].text  # not doc.text: that joins the whole Doc on every call
    return Actor(
        text=text,
        start=first.idx,
        end=last.idx + len(last.text),
        country=country,
        sector=sector,
        rule=rule,
        sector_assumed=sector_assumed,
        remembered=remembered,
    )


def governing_verb(head: Token) -> Token:
    """The verb a phrase hangs on, through its preposition ("called on both sides": "called")."""
    return head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head


def doers_of_the_clause(head: Token, cues: Cues) -> set[int]:
    """The tokens of the subject of the verb a phrase hangs on (or of the verb that verb is
    coordinated with), through a relative pronoun to its antecedent ("Egypt, which backs the
    army"), or the verb of its preposition ("called on both sides"): whoever acts on the phrase is
    not what it names."""
    verb = governing_verb(head)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    while not subjects and verb.dep_ == "conj" and verb.head.i != verb.i:
        # "was concerned and urged the government …": a coordinated verb's subject is its first conjunct's
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    tokens = {t.i for s in subjects for t in s.subtree}
    if verb.dep_ == "relcl" and any(s.lower_ in cues.relative_pronouns for s in subjects):
        tokens |= {t.i for t in phrase_tokens(verb.head)}
    return tokens


def recent_start(token: Token, sentences: int = 3) -> int:
    """The first token of the `sentences` sentences ending with the token's: how far back a phrase
    like "the two countries" or "the bloc" looks for what it stands for."""
    starts = [s.start for s in token.doc.sents if s.start <= token.i][-sentences:]
    return starts[0] if starts else 0


def appositions(head: Token, cues: Cues) -> list[Token]:
    """The head's appositions, unless they are a speaker the parser hung on it: "expelled Togo's
    ambassador, the foreign minister, X, said" names Togo's ambassador and nothing of the speaker."""
    # "Khan, 70, was arrested": an age is no apposition naming anyone
    apposed = [c for c in head.children if c.dep_ == "appos" and not c.like_num]
    return [] if apposed and _stray_speaker(apposed[-1], cues) else apposed


def _stray_speaker(apposed: Token, cues: Cues) -> bool:
    """ "… agreed to end hostilities, the AU's envoy, Olusegun Obasanjo, said": the parser hangs the
    speaker on the last noun as appositions; a verb of speech with no subject right after the
    last shows whose words these are, not who the noun is."""
    doc = apposed.doc
    after = next((t for t in doc[apposed.right_edge.i + 1 : apposed.sent.end] if not t.is_punct), None)
    return (
        after is not None
        and after.lemma_.lower() in cues.reporting_verbs
        and after.tag_ in ("VBD", "VBZ", "VBP")  # not "…, saying it had hit Israeli bases"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in after.children)
    )


def set_off_indefinite(noun: Token) -> bool:
    """ ", a charge Nairobi denied": an indefinite noun phrase right after a comma, as one summing up
    the clause before it is written."""
    comma = noun.left_edge.i - 1
    return (
        comma >= 0
        and noun.doc[comma].text == ","
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
    )

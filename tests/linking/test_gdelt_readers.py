"""The GDELT exports read by an independent GDELT 2.0 client (gdelt-py, pinned in
requirements.lock): every row parses; actor names come from the dictionary entry; AvgTone is
the VADER-lexicon tone of the mentioning articles, on GDELT's scale."""

from __future__ import annotations

import pytest
from py_gdelt.models.events import Event as GdeltEvent
from py_gdelt.models.events import Mention as GdeltMention
from py_gdelt.parsers.events import EventsParser
from py_gdelt.parsers.mentions import MentionsParser

from eventwire.export import export
from eventwire.gdelt_fields import NameIndex, document_tone, vader_lexicon
from eventwire.link import link
from eventwire.store import Store

from .factory import store_reports
from .test_dataset import REPORTS


def read_with_gdelt_py(events_path, mentions_path) -> tuple[list[GdeltEvent], list[GdeltMention]]:
    """Every row of both files through gdelt-py's parsers and public models (which validate)."""
    events = [GdeltEvent.from_raw(raw) for raw in EventsParser().parse(events_path.read_bytes())]
    mentions = [GdeltMention.from_raw(raw) for raw in MentionsParser().parse(mentions_path.read_bytes())]
    return events, mentions


def test_gdelt_py_reads_every_row_of_both_exports(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store_reports(store, REPORTS)
        link(store)
        n_events = export(store, "gdelt", tmp_path / "events.tsv", all_modes=True)
        n_mentions = export(store, "gdelt-mentions", tmp_path / "mentions.tsv", all_modes=True)
    events, mentions = read_with_gdelt_py(tmp_path / "events.tsv", tmp_path / "mentions.tsv")
    assert (len(events), len(mentions)) == (n_events, n_mentions) == (5, 6)
    assert all(isinstance(e.avg_tone, float) for e in events)


def test_tone_is_positive_minus_negative_words_in_percent():
    lexicon = vader_lexicon()
    assert document_tone("The ministers praised the good and friendly talks.", lexicon) > 0
    assert document_tone("Troops killed protesters in a brutal and deadly attack.", lexicon) < 0
    # one positive word in four: +25
    assert document_tone("a warm welcome here", lexicon) == pytest.approx(100 * (2 - 0) / 4)
    assert document_tone("", lexicon) == 0.0


@pytest.mark.parametrize(
    ("rule", "country", "text", "name"),
    [
        ("name 'China' (pycountry:CHN); bare state name -> GOV", "CHN", "China's", "CHINA"),
        ("name 'Russian' (phoenix_countries.tsv:1)", "RUS", "Russian troops", "RUSSIA"),
        (
            "name 'UN Security Council' (data/actors/actors.yaml:46)",
            "IGO",
            "a UN Security Council resolution",
            "UNITED NATIONS SECURITY COUNCIL",
        ),
        ("sole state of the sentence", "FRA", "the ministry", "FRANCE"),
        ("role 'rebels'", None, "the rebels", "THE REBELS"),
    ],
)
def test_actor_names_come_from_the_entry_that_resolved_them(knowledge, rule, country, text, name):
    index = NameIndex.of(knowledge)
    # each entry's own line, whatever it is in this version of the files
    if "phoenix_countries" in rule:
        [entry] = [e for e in knowledge.actors["russian"] if e.kind == "country"]
        rule = rule.replace("phoenix_countries.tsv:1", entry.origin)
    if "actors.yaml" in rule:
        [entry] = knowledge.actors["un security council"]
        rule = rule.replace("data/actors/actors.yaml:46", entry.origin)
    assert index.actor_name(rule, country, text) == name

"""Accusations that reported speech makes (`allegations`): a state telling of backing another state
gives its rebels or opposition accuses that state, and reports no backing. Sentences written for these
tests (not gold sentences), coded through the full model."""

from __future__ import annotations

from ..helpers import coded, triples


def test_a_state_telling_of_an_attack_on_it_reports_the_attack(code):
    # a battle report is taken as told, as CAMEO coders do; it is no accusation
    found = coded(code("Kenya said on Monday that Somali troops attacked a Kenyan border post."))
    assert found == {("SOM", "KEN", "190")}


def test_backing_for_a_state_s_rebels_is_told_as_its_accusation_only(code):
    found = triples(code("Ghana's president said on Monday that Togo was arming the rebels in northern Ghana."))
    assert found == {("GHA", "TGO", "11")}


def test_a_newspaper_of_the_state_whose_rebels_are_backed_accuses_no_one(code):
    found = triples(code("The Washington Post reported that Russia was arming rebels in the United States."))
    assert not any(root == "11" for _, _, root in found)


def test_backing_denied_is_no_allegation(code):
    found = triples(code("Ghana said Togo had not armed the rebels in northern Ghana."))
    assert not any(root == "11" for _, _, root in found)

"""Each form's fields come from the core: they name what the record holds, their kinds
follow the schema, and every choice a form offers is one the journal accepts."""

from __future__ import annotations

import dataclasses

import pytest

from jobjournal.core.errors import InvalidInput
from jobjournal.core.records import forms, plain, validation
from jobjournal.core.storage import models as m

FORMS = {
    "offer": (forms.OFFER, (plain.Offer,), m.Offer),
    "profile": (forms.PROFILE_ABOUT + forms.PROFILE_TARGETS, (plain.Profile,), m.Profile),
    "current job": (forms.CURRENT_JOB, (plain.CurrentJob,), m.CurrentJob),
    "application": (forms.APPLICATION, (plain.Application, plain.ApplicationText), None),
}


def _annotation(kinds: tuple[type, ...], name: str) -> str:
    return next(str(f.type) for kind in kinds for f in dataclasses.fields(kind) if f.name == name)


@pytest.mark.parametrize("form", FORMS, ids=str)
def test_a_form_names_only_what_its_record_holds(form: str) -> None:
    fields, kinds, _ = FORMS[form]
    names = [f.name for f in fields]
    assert len(names) == len(set(names))
    for field in fields:
        annotation = _annotation(kinds, field.name)
        expected = {
            "money": "int | None",
            "whole": "int | None",
            "date": "date | None",
        }.get(field.kind)
        if expected:
            assert annotation in (expected, expected.removesuffix(" | None")), field.name
        assert (field.kind == "money") == field.name.endswith("_cents"), field.name
        assert field.words and "&" not in field.words and not field.words.endswith(":")


@pytest.mark.parametrize("form", [f for f in FORMS if FORMS[f][2] is not None], ids=str)
def test_every_choice_a_form_offers_is_accepted(form: str) -> None:
    fields, _, model = FORMS[form]
    assert model is not None
    for field in fields:
        if field.kind != "choice":
            continue
        assert field.choices
        for code in field.choices:
            assert validation.clean(model, {field.name: code}) == {field.name: code}
        if field.optional:
            assert validation.clean(model, {field.name: None}) == {field.name: None}
        else:
            with pytest.raises(InvalidInput):
                validation.clean(model, {field.name: None})


def test_dates_of_things_done_cannot_be_chosen_after_today() -> None:
    dated = {f.name: f.happened for f in forms.OFFER + forms.APPLICATION if f.kind == "date"}
    assert dated == {
        "received_on": True,
        "respond_by": False,
        "start_on": False,
        "applied_on": True,
        "next_action_on": False,
    }

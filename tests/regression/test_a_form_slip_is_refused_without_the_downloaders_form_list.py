"""A user review (session 45): graph/forms.py read sec-edgar-downloader's private `_constants.py` for the forms EDGAR
lists, and when that file could not be read (moved, renamed, its SUPPORTED_FORMS built by code) the list was empty and
no form was refused: `forms = ["10-KK"]` was taken again without a word and never fetched (it failed open). The forms
the package listed in 5.1.0 (graph/forms_listed.py, every recorded SEC submission's form among them) now stand in."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from importlib.machinery import ModuleSpec
from pathlib import Path

import pytest

from tests.regression.test_a_form_sec_does_not_list_is_refused import WATCHED, recorded_forms
from watchdesk.graph import forms
from watchdesk.graph.forms import sec_forms, watched_form


@pytest.fixture
def constants_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """sec-edgar-downloader installed with no `_constants.py` beside its `__init__.py`."""
    (tmp_path / "sec_edgar_downloader").mkdir()
    moved = ModuleSpec("sec_edgar_downloader", None, origin=str(tmp_path / "sec_edgar_downloader" / "__init__.py"))
    found = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: moved if name == "sec_edgar_downloader" else found(name, *a))  # fmt: skip
    sec_forms.cache_clear()
    yield
    sec_forms.cache_clear()


@pytest.mark.usefixtures("constants_gone")
def test_a_slip_and_letters_are_refused_without_the_packages_list() -> None:
    with pytest.raises(ValueError, match=r"^10-KK: no such SEC form; did you mean 10-K or 10-KT\?"):
        watched_form("10-KK")
    with pytest.raises(ValueError, match=r"^XYZ: no such SEC form \(refused as letters"):
        watched_form("xyz")
    assert watched_form("def14a") == "DEF 14A" and watched_form("corresp") == "CORRESP"
    assert forms._installed_forms() == frozenset()  # the simulation held: nothing was read from the package


@pytest.mark.usefixtures("constants_gone")
def test_every_recorded_and_watched_form_is_still_kept() -> None:
    kept = [*recorded_forms(), *WATCHED]
    assert [watched_form(form) for form in kept] == kept


def test_the_installed_list_adds_to_the_one_shipped() -> None:
    sec_forms.cache_clear()
    assert forms._installed_forms() and forms._installed_forms() <= sec_forms()

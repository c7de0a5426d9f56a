"""A user review (session 45): `watchdesk edgar list NVDA --forms 10-KK` fetched the listing and said "no form 10-KK in
its listing (it lists 10-K, ...)", exit 0, where the watchlist's `forms = ["10-KK"]` says "10-KK: no such SEC form;
did you mean 10-K or 10-KT?"; `--forms def14a` listed nothing (the watchlist reads DEF 14A). --forms is now read by
the watchlist's rule (graph/forms.watched_form), its message the same, refused before anything is fetched."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import ConfigError


def _listed(forms: str, replay: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["edgar", "list", "NVDA", "--forms", forms, "--since", "2025-01-01",
                                      "--replay", str(replay)])  # fmt: skip
    return result.exit_code, result.stdout, " ".join(result.stderr.split())


@pytest.mark.parametrize("form", ["10-KK", "XYZ", "10-K, 8-kk"])
def test_a_form_the_watchlist_refuses_is_refused_with_its_words(form: str, tmp_path: Path) -> None:
    bad = form.split(",")[-1].strip()
    with pytest.raises(ConfigError) as refused:
        parse_watchlist(f'[[tickers]]\nsymbol = "NVDA"\nforms = ["{bad}"]\n', origin="w.toml")
    reason = str(refused.value).split("tickers.0.forms: ", 1)[1]
    code, out, err = _listed(form, tmp_path)  # an empty pack: refused before anything is asked of it
    assert (code, out) == (2, ""), err
    assert err == f"error: --forms: {reason}", err


def test_a_form_as_people_write_it_lists_as_sec_writes_it() -> None:
    code, out, err = _listed("def14a", demo_pack())
    assert code == 0 and out and all('"form": "DEF 14A"' in line for line in out.splitlines()), err

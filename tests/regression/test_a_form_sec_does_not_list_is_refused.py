"""Bug: a watchlist's `forms = ["10-KK"]` or `["XYZ"]` was taken without a word and matched no filing: the form was
never fetched, and nothing said why. A form EDGAR does not list is now refused with its line and the rule that
refuses it: a slip of one it lists ("10-KK: no such SEC form; did you mean 10-K or 10-KT?") or letters that name none
("XYZ"); a character no form has ("10-K, 10-Q" in one string) too. Every form of the recorded SEC submissions (the
demo pack's, and ../shared/fixtures' when present) is kept, as are the forms a user may watch."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from watchdesk.graph.demo import demo_pack
from watchdesk.graph.watchlist import Watchlist, parse_watchlist
from watchdesk.sources.errors import ConfigError

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "edgar" / "submissions"
WATCHED = ("10-K", "10-Q", "8-K", "20-F", "6-K", "40-F", "S-1", "DEF 14A", "10-K/A", "20-F/A", "8-K/A", "424B2",
           "424B5", "13F-HR", "SC 13D", "SC 13G/A", "SCHEDULE 13D", "4", "3", "5", "144", "11-K", "S-3ASR", "NT 10-K")


def _listing(path: Path) -> list[str]:
    raw = path.read_bytes()
    body = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    if not body.lstrip().startswith(b"{"):  # SEC's 404 for an unknown CIK is XML
        return []
    data = json.loads(body)
    columns = data.get("filings", {}).get("recent", data) if isinstance(data, dict) else {}
    return columns.get("form", []) if "accessionNumber" in columns else []


def recorded_forms() -> list[str]:
    """Every form the recorded submissions (first pages and older ones) list."""
    files = [*(demo_pack() / "bodies").glob("*CIK*.json*"), *(SHARED.glob("CIK*.json") if SHARED.is_dir() else [])]
    return sorted({form for path in files for form in _listing(path)})


def _forms(*forms: str) -> tuple[str, ...]:
    listed = ", ".join(json.dumps(f) for f in forms)
    return parse_watchlist(f'[[tickers]]\nsymbol = "NVDA"\n[filings]\nforms = [{listed}]\n').filings.forms


def test_every_recorded_and_watched_form_is_kept() -> None:
    recorded = recorded_forms()
    assert len(recorded) >= 30 and {"10-K", "6-K", "SCHEDULE 13G", "424B5", "DEF 14A"} <= set(recorded), recorded
    assert _forms(*recorded) == tuple(recorded)
    assert _forms(*WATCHED) == WATCHED
    assert _forms("10k", "def14a", "Form 4", "13fhr") == ("10-K", "DEF 14A", "4", "13F-HR")  # as SEC writes them


@pytest.mark.parametrize(("forms", "said"), [
    ('"10-K", "10-KK"', "w.toml:3: tickers.0.forms: 10-KK: no such SEC form; did you mean 10-K "
     "or 10-KT? (refused as a slip of a form EDGAR lists)"),
    ('"8-kk/a"', "w.toml:3: tickers.0.forms: 8-KK/A: no such SEC form; did you mean 8-K/A? "),
    ('"XYZ"', "w.toml:3: tickers.0.forms: XYZ: no such SEC form (refused as letters that name no "
     "form EDGAR lists"),
    ('"10-K, 10-Q"', "w.toml:3: tickers.0.forms: 10-K, 10-Q: no SEC form has ',' in its name"),
], ids=["a slip", "a slip of an amendment", "letters", "two in one string"])  # fmt: skip
def test_a_form_edgar_does_not_list_is_refused_with_its_line(forms: str, said: str) -> None:
    with pytest.raises(ConfigError) as refused:
        parse_watchlist(f'[[tickers]]\nsymbol = "NVDA"\nforms = [{forms}]\n', origin="w.toml")
    assert said in str(refused.value), str(refused.value)


def test_a_watchlist_a_run_stored_keeps_its_forms() -> None:
    """A run stored before the check, with "XYZ" in its watchlist, is still read (approve, brief, plan read it)."""
    stored = parse_watchlist('[[tickers]]\nsymbol = "NVDA"\n').model_dump(mode="json")
    stored["filings"]["forms"] = ["10-K", "XYZ"]
    assert Watchlist.model_validate_json(json.dumps(stored)).filings.forms == ("10-K", "XYZ")

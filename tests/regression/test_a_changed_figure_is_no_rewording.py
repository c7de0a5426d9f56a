"""Bug: a risk factor whose words stayed the same and only its figures or punctuation changed was labelled
"reworded" and counted among the factors that "changed wording". On Tesla's FY2023 -> FY2024 10-K the stock-price
factor was "reworded" because its 52-week range went from $152.37-$299.29 to $138.80-$488.54, and the government
investigations factor because "Note 15" became "Note 14"; on NVIDIA's FY2024 -> FY2025 10-K the information systems
factor because one comma went ("business," -> "business"; similarity 1.000). Boilerplate a new year's filing always
updates; as for MD&A sentences, figures aside, the same words in the same order are unchanged."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_risk_factors import parsed
from watchdesk.sources.filing_diff import FactorChange, compare


def kinds(edgar_fixtures: Path, old: str, new: str) -> dict[str, FactorChange]:
    risk = compare(parsed(edgar_fixtures, old), parsed(edgar_fixtures, new), items=("1A",)).sections[0]
    return {c.new.heading: c for c in risk.changes if c.new}


def find(changes: dict[str, FactorChange], start: str) -> FactorChange:
    return next(c for heading, c in changes.items() if heading.startswith(start))


def test_tesla_stock_range_and_note_number_are_unchanged(edgar_fixtures: Path) -> None:
    changes = kinds(edgar_fixtures, "TSLA FY2023", "TSLA FY2024")
    price = find(changes, "The trading price of our common stock is likely to continue to be volatile.")
    assert price.old is not None and "$299.29" in price.old.body and price.new is not None
    assert "$488.54" in price.new.body and price.kind == "unchanged"
    sanctions = find(changes, "We could be subject to liability, penalties and other restrictive sanctions")
    assert sanctions.kind == "unchanged"
    assert find(changes, "We are highly dependent on the services of Elon Musk").kind == "reworded"  # words changed


def test_nvidia_comma_is_unchanged(edgar_fixtures: Path) -> None:
    changes = kinds(edgar_fixtures, "NVDA FY2024", "NVDA FY2025")
    assert find(changes, "Our business is dependent upon the proper functioning").kind == "unchanged"
    assert sum(c.kind in {"reworded", "expanded", "shortened"} for c in changes.values()) == 21

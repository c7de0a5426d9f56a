"""A review: Sources' "Also reviewed, nothing cited" listed its documents by their ids, so the demo's read
"TSM news, published 2026-01-09", then NVDA 2026-03-06, 2026-03-04, 2026-03-07, an 8-K, a call of 2025-02-26, ...:
an order a reader cannot follow or scan. They are now listed by company, then date, as the tone table lists them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.regression.demo_briefs import demo_file


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_also_reviewed_is_by_company_then_date(demo_folder: Path) -> None:
    md = demo_file(demo_folder, "md").read_text()
    listed = md.split("Also reviewed, nothing cited:", 1)[1].split("\n## ", 1)[0]
    keys = re.findall(r"^- (\S+) .*?, (?:filed|held|published|first stored) (\d{4}-\d\d-\d\d)", listed, re.M)
    assert len(keys) >= 10 and len(keys) == listed.count("\n- ")
    assert keys == sorted(keys)

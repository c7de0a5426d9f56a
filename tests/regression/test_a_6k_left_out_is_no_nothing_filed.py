"""A review: `watchdesk brief --week 2026-W35` of the demo database said "No new documents for TSM in this period
(nothing filed, called or published 2026-08-24 to 2026-08-30)", though TSMC's recorded listing has a 6-K of 2026-08-25
(its month-end report), and 2026-W33 said the same over four 6-Ks (a monthly revenue report of 2026-08-10, notices of
2026-08-11 and 2026-08-14). The filings step reads only the 6-Ks of results and management reports
(FilingsRequest.six_k_kinds) and recorded nothing of the others it left out, so their days counted as read and empty.
The days of the 6-Ks it leaves out are now read cuts (migration 018: several per step), said as the limit is: no gap,
no failure (test_a_limit_per_form_is_no_nothing_filed.py::test_a_limit_is_no_gap_and_no_failure holds for both)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.regression.demo_briefs import FEEDS, brief_md, missing

LEFT_OUT = "the runs left out the 6-Ks it filed other than results and management reports (monthly revenue, notices)"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, demo_store: Callable[[Path], Path]) -> Path:
    return demo_store(tmp_path_factory.mktemp("six_k"))


def tsm_line(db: Path, week: str, out: Path) -> str:
    lines = missing(brief_md(db, out, "--week", week))
    return next(line for line in lines.splitlines() if "for TSM" in line)


@pytest.mark.parametrize(("week", "span"), [("2026-W35", "2026-08-24 to 2026-08-30"),
                                            ("2026-W33", "2026-08-10 to 2026-08-16")])  # fmt: skip
@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_week_of_6ks_left_out_is_not_said_to_be_quiet(db: Path, tmp_path: Path, week: str, span: str) -> None:
    line = tsm_line(db, week, tmp_path)
    assert "(nothing filed" not in line, line
    assert line == (f"- No new documents for TSM in this period, but whether anything was filed, called or published "
                    f"{span} is not known: {LEFT_OUT}; its calls are read from local folders only, which hold no call "
                    f"of those days; {FEEDS}.")  # fmt: skip


"""A review: the briefing's (and its e-mail's) tables were held to their box by one declaration,
`max-width: max(100%, 100% + 756px - 100vw)`. A mail client that does not know CSS `max()` drops that declaration
whole, and the tables, set `width: max-content`, ran as wide as their longest cells: at 820 pixels the headline's
table ran past its box, a scroll away. A plain `max-width: 100%` now comes first, which such a client keeps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser import chromium, measure
from tests.regression.demo_briefs import demo_file

TABLES = """[...doc.querySelectorAll("main table")].map(t => ({
  first: t.rows[1].textContent.trim().slice(0, 40), width: t.getBoundingClientRect().width,
  box: t.parentElement.clientWidth}))"""
# a declaration with a CSS function that older mail clients do not know
NEWER = re.compile(r"[\w-]+:[^;{}]*\b(?:max|min|clamp)\([^;{}]*;")


@pytest.fixture(scope="module")
def page(demo_folder: Path) -> str:
    return demo_file(demo_folder, "html").read_text(encoding="utf-8")


def test_tables_fit_their_box_without_css_max(page: str, tmp_path: Path) -> None:
    chromium()
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert NEWER.search(style), "the page uses max() (else this test tests nothing)"
    old = tmp_path / "old-client.html"
    old.write_text(page.replace(style, NEWER.sub("", style)), encoding="utf-8")
    tables = measure(old, TABLES, width=820)
    assert len(tables) >= 5
    assert [t["first"] for t in tables if t["width"] > t["box"] + 0.5] == []


def test_each_newer_declaration_has_a_plain_one_before_it(page: str) -> None:
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    for rule in re.findall(r"\{([^{}]*)\}", style):
        for found in NEWER.finditer(rule):
            name = found.group(0).split(":", 1)[0]
            before = rule[: found.start()]
            assert re.search(rf"(?:^|[;\s]){re.escape(name)}:(?![^;]*\b(?:max|min|clamp)\()[^;]*;", before), rule

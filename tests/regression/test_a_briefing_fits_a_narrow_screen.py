"""A review: the HTML briefing of 2026-W29, opened 400 pixels wide (a phone, a narrow mail pane), ran its headline
table out of the page: "New mentions", "Warnings" and the start of "Good news" showed, and the Net tone, Previous 11
weeks and Trend columns (the briefing's answer) were cut off at the screen's edge, with the other tables likewise.
A table wider than the page now scrolls inside it, and nothing is drawn past the page's own margin."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.browser import chromium, shown
from watchdesk.graph.cli import cli

WIDTH = 400
MARGIN = 6  # pixels at the right edge, outside the page and its shadow, that only the background may fill


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory, demo_store: Callable[[Path], Path]) -> Path:
    tmp = tmp_path_factory.mktemp("narrow")
    db = demo_store(tmp)
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), "--week", "2026-W29", "--format", "html", "--out",
                                      str(tmp / "out")])  # fmt: skip
    assert result.exit_code == 0, result.output
    (page,) = (tmp / "out").glob("*.html")
    return page


def test_nothing_runs_past_the_right_edge_of_a_narrow_screen(html: Path, tmp_path: Path) -> None:
    """The page's top 3,000 pixels, laid out 400 wide and shot in the test process's Chromium (tests/browser.shown),
    as a screenshot of a 400 x 3,000 window of a Chromium started for it showed them."""
    from PIL import Image

    chromium()
    ((_, png),) = shown(html, f"[{{left: 0, right: {WIDTH}, top: 0, bottom: 3000}}]", width=WIDTH, folder=tmp_path)
    with Image.open(png) as img:
        rgb = img.convert("RGB")
        assert rgb.size == (WIDTH, 3000)
        background = rgb.getpixel((1, 1))
        strip = rgb.crop((rgb.width - MARGIN, 0, rgb.width, rgb.height))
        drawn = [y for x in range(strip.width) for y in range(strip.height) if strip.getpixel((x, y)) != background]
    assert not drawn, f"{len(drawn)} pixels drawn in the right margin, the first at y={min(drawn)}"

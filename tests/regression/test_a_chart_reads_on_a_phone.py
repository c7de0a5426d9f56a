"""A review: the briefing e-mail's charts were PNG images of the page's charts, 696 and 870 pixels wide, which a mail
client shrinks to its screen: on a phone 375 pixels wide (327 for the e-mail's text) their 10-pixel labels were drawn
4.7 and 3.8 pixels high, a grey smudge; the HTML page held its charts to three quarters of their size there, labels
7.5 pixels high, most of each chart a scroll away. Each chart now has a narrow drawing too, its panels stacked, 440
pixels wide with 15-pixel type: the e-mail's image, and what the page shows under 700 pixels, shrunk to the screen
with its labels 11 pixels high or more and nothing to scroll."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from tests.browser import chromium, measure
from tests.regression.demo_briefs import demo_file
from watchdesk.agents.briefing import mail
from watchdesk.agents.briefing.charts import Chart

PHONE, TEXT = 375, 327  # a phone's width, and the e-mail's (and page's) text on it, 24 pixels each side
CHART = re.compile(r'<div class="chart">(<svg .*?</svg>)(<svg .*?</svg>)</div>', re.S)
# the charts a reader sees, each with its drawn width and its own (its width attribute: an image's is the SVG's)
SHOWN = """[...doc.querySelectorAll(".charts svg, .charts img")].filter(e => e.getBoundingClientRect().width > 0)
  .map(e => ({drawn: e.getBoundingClientRect().width, own: +e.getAttribute("width")}))"""
# how far the page, and its body, run past the screen's right edge: 0 when nothing scrolls sideways
OVER = """[doc.documentElement.scrollWidth - doc.documentElement.clientWidth,
         doc.body.scrollWidth - doc.body.clientWidth]"""


def _smallest_type(svg: str) -> float:
    return min(float(size) for size in re.findall(r'font-size="([\d.]+)"', svg))


@pytest.fixture(scope="module")
def page(demo_folder: Path) -> str:
    return demo_file(demo_folder, "html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def charts(page: str) -> list[Chart]:
    found = [Chart(name=f"chart{n}", title=f"chart {n}", svg=wide, narrow=narrow, alt="Chart")
             for n, (wide, narrow) in enumerate(CHART.findall(page))]  # fmt: skip
    assert len(found) == 2, "the demo has a net-tone chart and a mentions chart"
    return found


def test_each_chart_has_a_narrow_drawing_that_reads_at_a_phones_width(charts: list[Chart]) -> None:
    for chart in charts:
        assert 'class="wide"' in chart.svg and 'class="narrow"' in chart.narrow
        assert re.search(r'width="440" height="\d+" viewBox="0 0 440 \d+"', chart.narrow), chart.narrow[:200]
        assert "min-width" not in chart.narrow  # it shrinks to the screen, never scrolls
        assert _smallest_type(chart.narrow) * TEXT / 440 >= 11
        assert _smallest_type(chart.svg) * TEXT / 440 < 11 <= _smallest_type(chart.narrow) * TEXT / 440


@pytest.fixture(scope="module")
def email(page: str, charts: list[Chart]) -> tuple[str, list[mail.Image]]:
    """The e-mail's HTML and its images."""
    if not mail._draws_text():
        pytest.skip("no font on this machine for resvg to draw chart labels with (install fonts-dejavu-core)")
    html, images, left_out = mail.mail_html(page, charts, full="briefing.html")
    assert left_out is None
    return html, images


def test_the_email_sends_the_narrow_drawings(email: tuple[str, list[mail.Image]]) -> None:
    html, images = email
    assert len(images) == 2
    assert "<svg" not in html  # neither drawing is left in the e-mail, one image a chart
    for image in images:
        assert mail.png_size(image.png)[0] == 440 * mail.ZOOM
    imgs = re.findall(r'<img src="cid:[^"]+" alt="[^"]*" width="(\d+)" height="\d+" style="([^"]*)"', html)
    assert [width for width, _ in imgs] == ["440", "440"] and all("max-width: 100%" in style for _, style in imgs)


@pytest.mark.parametrize("kind", ["page", "e-mail"])
def test_on_a_phone_the_chart_labels_are_11_pixels_and_nothing_scrolls(
    page: str, request: pytest.FixtureRequest, tmp_path: Path, kind: str
) -> None:
    chromium()
    html = page
    if kind == "e-mail":
        html, images = request.getfixturevalue("email")
        for image in images:  # as a mail client shows a cid: part; the page allows data: images
            html = html.replace(f"cid:{image.cid}", "data:image/png;base64," + base64.b64encode(image.png).decode())
    (tmp_path / "phone.html").write_text(html, encoding="utf-8")
    shown = measure(tmp_path / "phone.html", f"({{charts: {SHOWN}, over: {OVER}}})", width=PHONE)
    assert len(shown["charts"]) == 2
    for chart in shown["charts"]:
        assert chart["own"] == 440 and chart["drawn"] == pytest.approx(TEXT, abs=1), chart
        assert 15 * chart["drawn"] / chart["own"] >= 11, chart
    assert shown["over"] == [0, 0], "the page is wider than the phone: it scrolls sideways"

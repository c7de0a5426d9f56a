"""A review: the briefing e-mail's HTML part carried its two charts as inline SVG, which Gmail and Outlook do not
show, so their readers got the "Trend" heading over nothing. The charts now come as PNG images sent with the HTML
(multipart/related, `<img src="cid:...">` with alt text saying what each shows), drawn from the same SVG; the
briefing file keeps its SVG. When the images cannot be drawn the e-mail still goes, saying where the charts are."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_delivery import free_port, watchlist
from watchdesk.agents.briefing import mail
from watchdesk.agents.briefing.agent import BriefingFiles, BriefingRequest, write_briefing
from watchdesk.agents.briefing.period import between
from watchdesk.agents.briefing.plain import plain_text
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store

SECRET = "s3cr3t-Pa55word"
# resvg writes labels with the machine's fonts; without any (a slim container) the e-mail goes without its charts, as
# the last test shows, so the tests of the images themselves need one
needs_a_font = pytest.mark.skipif(not mail._draws_text(), reason="no font on this machine for resvg to draw chart "
                                  "labels with (install fonts-dejavu-core)")  # fmt: skip
IMG = re.compile(r'<img src="cid:([^"]+)" alt="([^"]*)" width="(\d+)" height="(\d+)"')
SVG_SIZE = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" width="(\d+)" height="(\d+)"')
ID = re.compile(r"<[\w.\-]+@[\w.\-]+>")


@contextmanager
def smtp_with_login() -> Iterator[tuple[int, list[Any], list[bytes]]]:
    """An SMTP server on loopback that takes a login: (its port, the envelopes it received, the passwords given)."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    received: list[Any] = []
    passwords: list[bytes] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append(envelope)
            return "250 OK"

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        passwords.append(auth_data.password)
        return AuthResult(success=True)

    controller = Controller(Handler(), hostname="127.0.0.1", port=free_port(), authenticator=authenticator,
                            auth_require_tls=False)  # fmt: skip
    controller.start()
    try:
        yield controller.port, received, passwords
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory,
         demo_store: Callable[[Path], Path]) -> Iterator[tuple[Store, BriefingFiles]]:
    """The demo's whole period briefed, as `watchdesk demo` briefs it."""
    tmp = tmp_path_factory.mktemp("charts")
    with Store.open(str(demo_store(tmp))) as store:
        req = BriefingRequest(run_id="demo-2026-09-01", watchlist_name="chips", tickers=["NVDA", "TSM", "ASML"],
                              topics=["inventory", "supply_chain", "geopolitical"],
                              period=between(date(2024, 5, 1), date(2026, 9, 1)), out_dir=tmp / "out")  # fmt: skip
        yield store, write_briefing(store, req)


def mailed(demo: tuple[Store, BriefingFiles], say: list[str] | None = None) -> EmailMessage:
    store, files = demo
    with smtp_with_login() as (port, received, passwords):
        wl = watchlist('[[delivery]]\nkind = "email"\nto = ["pm@example.com"]')
        settings = Settings(smtp_url=f"smtp://desk:{SECRET}@127.0.0.1:{port}?from=watchdesk@example.com")
        out = deliver_briefing(files, watchlist=wl, settings=settings, store=store, run_id="r1", backoff=0,
                               resend=True, report=(say if say is not None else []).append)  # fmt: skip
    assert [o.status for o in out] == ["sent"], out
    assert passwords == [SECRET.encode()]  # the secret the headers must not carry was in play
    return message_from_bytes(received[0].content, _class=EmailMessage, policy=policy.default)


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
@needs_a_font
def test_the_html_part_shows_the_charts_as_png_images(demo: tuple[Store, BriefingFiles]) -> None:
    from PIL import Image

    _, files = demo
    message = mailed(demo)
    assert message.get_content_type() == "multipart/alternative"
    text, related = message.iter_parts()
    assert text.get_content_type() == "text/plain" and related.get_content_type() == "multipart/related"
    assert text.get_content().replace("\r\n", "\n") == plain_text(files.markdown).replace("\r\n", "\n")
    page, *images = related.iter_parts()
    assert page.get_content_type() == "text/html"
    assert [p.get_content_type() for p in images] == ["image/png", "image/png"]
    html = page.get_content()
    assert "<svg" not in html and "img-src data: cid:" in html
    shown = IMG.findall(html)
    by_cid = {p["Content-ID"]: p for p in images}
    assert sorted(f"<{cid}>" for cid, *_ in shown) == sorted(by_cid), "every image shown is sent, and only those"
    svgs = SVG_SIZE.findall(files.html or "")[1::2]  # each chart's narrow drawing, after its wide one
    assert len(svgs) == 2 and len(shown) == 2
    for (cid, alt, width, height), (svg_width, svg_height) in zip(shown, svgs, strict=True):
        assert (width, height) == (svg_width, svg_height)
        picture = Image.open(io.BytesIO(by_cid[f"<{cid}>"].get_content()))
        picture.load()  # the whole image decodes, not just its header
        assert picture.format == "PNG" and picture.size == (2 * int(width), 2 * int(height))
        assert alt.startswith("Chart: ") and "NVDA" in alt and "TSM" in alt
    assert "net tone per week" in shown[0][1] and "mentions per week" in shown[1][1]
    assert len(message.as_bytes()) < 300_000  # ~67 KB of charts, base64: the e-mail stays a few hundred KB at most


def test_the_briefing_file_keeps_its_svg(demo: tuple[Store, BriefingFiles]) -> None:
    _, files = demo
    page = files.paths["html"].read_text(encoding="utf-8")
    assert page == files.html and page.count("<svg") == 4 and "cid:" not in page and "<img" not in page


@needs_a_font
def test_no_secret_or_markup_in_any_header(demo: tuple[Store, BriefingFiles]) -> None:
    message = mailed(demo)
    for part in message.walk():
        for name, value in part.items():
            assert SECRET not in value, name
            if name.lower() in {"message-id", "content-id"}:
                assert ID.fullmatch(value), (name, value)
            else:
                assert "<" not in value and ">" not in value, (name, value)
    assert sorted(p.get_filename() for p in message.walk() if p.get_content_maintype() == "image") == [
        "mentions.png", "net-tone.png"]  # fmt: skip


@pytest.mark.parametrize("how", ["not installed", "drawing fails"])
def test_without_images_the_email_still_goes_and_says_where_the_charts_are(
    demo: tuple[Store, BriefingFiles], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    _, files = demo
    if how == "not installed":
        monkeypatch.setitem(sys.modules, "resvg_py", None)  # import resvg_py raises ImportError
    else:
        monkeypatch.setattr(mail, "png", lambda _svg: (_ for _ in ()).throw(ValueError("bad svg")))
    said: list[str] = []
    message = mailed(demo, said)
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "<svg" not in html and "cid:" not in html and "<img" not in html
    notice = f"The full briefing, with its charts, is at {Path(files.paths['html'])}."
    assert html.count(notice) == 1
    why = "resvg-py is not installed" if how == "not installed" else "ValueError: bad svg"
    assert f"delivery email: charts left out of the e-mail ({why})" in said


def test_a_machine_without_fonts_sends_no_charts_without_labels(
    demo: tuple[Store, BriefingFiles], monkeypatch: pytest.MonkeyPatch
) -> None:
    # resvg draws text with the machine's fonts; on one with none (a slim container) it drew the charts' axes, dots
    # and bars with no title, label or legend: images that say nothing, sent as if they were the charts
    import resvg_py

    drawn = resvg_py.svg_to_bytes
    monkeypatch.setattr(resvg_py, "svg_to_bytes", lambda **kw: drawn(**kw, skip_system_fonts=True))
    monkeypatch.setattr(mail, "_draws_text", mail._draws_text.__wrapped__)  # not the answer cached for this machine
    said: list[str] = []
    message = mailed(demo, said)
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "cid:" not in html and "The full briefing, with its charts, is at" in html
    assert ("delivery email: charts left out of the e-mail (no font on this machine to draw their labels with: "
            "install one, e.g. the fonts-dejavu-core package)") in said


@needs_a_font
def test_one_chart_that_cannot_be_drawn_leaves_the_other(
    demo: tuple[Store, BriefingFiles], monkeypatch: pytest.MonkeyPatch
) -> None:
    # when only the mentions chart failed, the e-mail said "The charts are left out" and sent neither: the net-tone
    # chart, drawn fine, was dropped too
    _, files = demo
    drawn = mail.png

    def png(svg: str) -> bytes:
        if "Topic mentions per week" in svg:
            raise ValueError("bad svg")
        return drawn(svg)

    monkeypatch.setattr(mail, "png", png)
    said: list[str] = []
    message = mailed(demo, said)
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    shown = IMG.findall(html)
    assert [alt.split(" (")[0] for _, alt, *_ in shown] == ["Chart: net tone per week"]
    assert [p.get_filename() for p in message.walk() if p.get_content_maintype() == "image"] == ["net-tone.png"]
    assert "The charts are left out" not in html
    notice = (f"The chart “Mentions per week” is left out of this e-mail: it could not be drawn as an image. The full "
              f"briefing, with its charts, is at {Path(files.paths['html'])}.")  # fmt: skip
    assert html.count(notice) == 1
    assert html.index("cid:net-tone.") < html.index(notice), "the notice stands where its chart would"
    assert "delivery email: chart “Mentions per week” left out of the e-mail (ValueError: bad svg)" in said
    assert not any("charts left out" in line for line in said)


# resvg-py 0.5 (its tiny-skia-path 0.12, rect.rs) panics on a filter region this large: "called `Option::unwrap()`
# on a `None` value", raised into Python as pyo3_runtime.PanicException, a BaseException and no Exception
PANICS = ('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><filter id="f" x="-1e38" width="1e38">'
          '<feGaussianBlur stdDeviation="1e30"/></filter><rect width="10" height="10" filter="url(#f)"/></svg>')


@needs_a_font
def test_a_panic_in_resvg_leaves_its_chart_out(
    demo: tuple[Store, BriefingFiles], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the panic went through `except Exception` and out of the delivery: no e-mail went at all
    import resvg_py

    drawn = resvg_py.svg_to_bytes

    def svg_to_bytes(*, svg_string: str, **kw: Any) -> Any:
        return drawn(svg_string=PANICS if "Net tone per week" in svg_string else svg_string, **kw)

    monkeypatch.setattr(resvg_py, "svg_to_bytes", svg_to_bytes)
    with pytest.raises(BaseException) as raised:
        mail.png(PANICS)
    assert type(raised.value).__name__ == "PanicException" and not isinstance(raised.value, Exception)
    said: list[str] = []
    message = mailed(demo, said)
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert [p.get_filename() for p in message.walk() if p.get_content_maintype() == "image"] == ["mentions.png"]
    assert "The chart “Net tone per week” is left out of this e-mail" in html
    assert ("delivery email: chart “Net tone per week” left out of the e-mail (PanicException: called "
            "`Option::unwrap()` on a `None` value)") in said


@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit])
def test_ctrl_c_while_drawing_still_stops(stop: type[BaseException], monkeypatch: pytest.MonkeyPatch) -> None:
    from watchdesk.agents.briefing.charts import Chart

    monkeypatch.setattr(mail, "png", lambda _svg: (_ for _ in ()).throw(stop()))
    chart = Chart(name="net-tone", title="Net tone per week", svg="<svg></svg>", narrow="<svg></svg>", alt="Chart")
    with pytest.raises(stop):
        mail.mail_html("<p><svg></svg></p>", [chart], full="")

"""The e-mail's HTML part: the briefing's HTML with each chart as a PNG image sent along with it (multipart/related,
`<img src="cid:...">`), since Gmail and Outlook show no inline SVG. The briefing file keeps its inline SVG.

The image is the chart's narrow drawing (panels stacked, larger type): a mail client shrinks an image to the
screen and most ignore the page's CSS, so one image has to read on a phone as on a desktop.

The PNGs are drawn from the same SVG by resvg (no browser, ~0.2 s for both charts). When they cannot be drawn the
e-mail still goes: a chart that cannot be drawn is left out, named where it stood, with where the full briefing is;
the others are sent.
"""

from __future__ import annotations

import secrets
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from markupsafe import escape

from watchdesk.agents.briefing.charts import Chart
from watchdesk.agents.briefing.mail_cards import SHOW_TABLE, headline_cards

ZOOM = 2  # image pixels per page pixel: sharp on high-density screens, ~30 KB a chart
# the briefing page allows images from data: URLs only; in an e-mail its pictures come as cid: parts
_CSP_IMAGES = "img-src data:"
_PROBE = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24">{}</svg>'
_LETTER = '<text x="2" y="18" font-family="sans-serif" font-size="16">M</text>'
# what keeps the e-mail within a phone's screen, set on the elements as the page's <style> sets it: a client that
# drops the <style> block (Gmail's app reading another provider's account) keeps these
_INLINE = (("<main>", '<main style="overflow-wrap: break-word">'),
           ('<div class="table">', '<div class="table" style="max-width: 100%; overflow-x: auto">'),
           ('<a href="http', '<a style="overflow-wrap: anywhere" href="http'),
           ('<span class="whole">', '<span class="whole" style="white-space: nowrap">'),
           # a browser's own heading sizes (32 and 24 pixels) took the title four lines of a phone's screen
           ("<h1>", '<h1 style="font-size: 22px; margin: 0 0 8px">'),
           ("<h2>", '<h2 style="font-size: 18px">'))  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class Image:
    cid: str  # the part's Content-ID, without its angle brackets
    filename: str
    png: bytes


class CannotDraw(Exception):
    """The charts cannot be drawn as images here; the message says why and what to do."""


def png(svg: str) -> bytes:
    """The SVG drawn as a PNG at ZOOM times its size."""
    import resvg_py  # only when an e-mail is sent

    if not _draws_text():
        raise CannotDraw("no font on this machine to draw their labels with: install one, e.g. the fonts-dejavu-core "
                         "package")  # fmt: skip
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, zoom=ZOOM))


@cache
def _draws_text() -> bool:
    """Whether resvg finds a font to write with: on a machine with none (a slim container) it draws the charts'
    lines and dots without a title, label or legend, and says nothing."""
    import resvg_py

    blank, letter = (bytes(resvg_py.svg_to_bytes(svg_string=_PROBE.format(text))) for text in ("", _LETTER))
    return blank != letter


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels, from the PNG's header; ValueError when `data` is no PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def mail_html(html: str, charts: Sequence[Chart], *, full: str) -> tuple[str, list[Image], str | None]:
    """(the e-mail's HTML, its images, what was left out and why, or None). `full` says where the briefing file is."""
    images: list[Image] = []
    failed: list[tuple[Chart, str]] = []
    html = headline_cards(html).replace("</style>", f"  {SHOW_TABLE}</style>", 1)
    for tag, styled in _INLINE:
        html = html.replace(tag, styled)
    shown = [c for c in charts if c.svg in html]
    for chart in shown:
        try:
            data = png(chart.narrow)
            width, height = png_size(data)
        except ImportError:
            failed.append((chart, "resvg-py is not installed"))
        except CannotDraw as exc:
            failed.append((chart, str(exc)))
        except BaseException as exc:  # a drawing that fails must not stop the e-mail: said, and the chart left out
            if not isinstance(exc, Exception) and not _panic(exc):
                raise  # Ctrl-C, an exit
            failed.append((chart, f"{type(exc).__name__}: {str(exc)[:120]}"))
        else:
            # short, so the Content-ID header stays on one line
            cid = f"{chart.name}.{secrets.token_hex(6)}@watchdesk.briefing"
            image = Image(cid=cid, filename=f"{chart.name}.png", png=data)
            images.append(image)
            html = _swap(html, chart, _img(image, chart.alt, width // ZOOM, height // ZOOM))
    if images:
        html = html.replace(_CSP_IMAGES, f"{_CSP_IMAGES} cid:", 1)
    if not failed:
        return html, images, None
    html, said = _left_out(html, failed, every=len(failed) == len(shown), full=full)
    return html, images, said


def _left_out(html: str, failed: Sequence[tuple[Chart, str]], *, every: bool, full: str) -> tuple[str, str]:
    """(the HTML with a notice where the charts left out stood, what to report): one notice for all of them; else
    each chart left out named, as the others are shown."""
    where = f"at {escape(full)}" if full else "in the briefing folder"
    why = "; ".join(dict.fromkeys(why for _, why in failed))
    if every:
        notice = (f'<p class="meta">The charts are left out of this e-mail: they could not be drawn as images. '
                  f"The full briefing, with its charts, is {where}.</p>")  # fmt: skip
        for n, (chart, _) in enumerate(failed):
            html = _swap(html, chart, "" if n else notice)
        return html, f"charts left out of the e-mail ({why})"
    for chart, _ in failed:
        notice = (f'<p class="meta">The chart “{escape(chart.title)}” is left out of this e-mail: it could not be '
                  f"drawn as an image. The full briefing, with its charts, is {where}.</p>")  # fmt: skip
        html = _swap(html, chart, notice)
    names = " and ".join(f"“{chart.title}”" for chart, _ in failed)
    return html, f"chart{'s' if len(failed) > 1 else ''} {names} left out of the e-mail ({why})"


def _swap(html: str, chart: Chart, shown: str) -> str:
    """The HTML with `shown` where the chart's wide drawing stood and its narrow one taken out."""
    return html.replace(chart.svg, shown, 1).replace(chart.narrow, "", 1)


def _panic(exc: BaseException) -> bool:
    """A Rust panic inside resvg: pyo3 raises it as pyo3_runtime.PanicException, a BaseException, so that
    `except Exception` does not catch it; it fails one drawing as any other error does."""
    return (type(exc).__module__, type(exc).__name__) == ("pyo3_runtime", "PanicException")


def _img(image: Image, alt: str, width: int, height: int) -> str:
    return (f'<img src="cid:{image.cid}" alt="{escape(alt)}" width="{width}" height="{height}" '
            'style="max-width: 100%; height: auto; display: block">')  # fmt: skip

"""Transcript web pages -> Transcript, from document structure and text shape, never a site's CSS classes.

The page becomes a list of `Line`s (one per block element or <br>-separated row) that remember
what the markup said: a leading bold run (the usual speaker label), a wholly italic line (the usual
role line), a heading element. The shared turn parser does the rest.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from urllib.parse import urlparse

from bs4 import BeautifulSoup, Comment, NavigableString, Tag, XMLParsedAsHTMLWarning
from bs4.element import CData, Declaration, Doctype, PageElement, ProcessingInstruction

from watchdesk.sources.transcripts.guards import check_parsed, check_size
from watchdesk.sources.transcripts.lines import Line
from watchdesk.sources.transcripts.meta import header_meta
from watchdesk.sources.transcripts.model import Hints, Transcript
from watchdesk.sources.transcripts.turns import parse_turns

_BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote", "pre", "section",
    "article", "header", "footer", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "figure",
    "figcaption", "address", "center", "body",
})  # fmt: skip
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "form", "button", "select",
                   "iframe", "object", "canvas"})
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"i", "em", "cite"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_NOT_TEXT = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
_WS = re.compile(r"\s+")


class _Builder:
    """Collects text runs with their formatting and cuts them into Lines at block boundaries."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self._runs: list[tuple[str, bool, bool]] = []
        self._heading = False

    def add(self, text: str, *, bold: bool, italic: bool, heading: bool) -> None:
        self._runs.append((text, bold, italic))
        self._heading = self._heading or heading

    def flush(self) -> None:
        text = _WS.sub(" ", "".join(t for t, _, _ in self._runs)).strip()
        if text:
            lead: list[str] = []
            for run, bold, _ in self._runs:
                if not bold and run.strip():
                    break
                lead.append(run)
            bold_lead = _WS.sub(" ", "".join(lead)).strip() or None
            italic = all(it for t, _, it in self._runs if t.strip())
            rest = self._runs[len(lead):]
            rest_italic = any(t.strip() for t, _, _ in rest) and all(it for t, _, it in rest if t.strip())
            self.lines.append(Line(text, bold=bold_lead, italic=italic, heading=self._heading,
                                   rest_italic=rest_italic))
        self._runs, self._heading = [], False


def page_lines(soup: BeautifulSoup) -> list[Line]:
    """The page's visible text as formatted lines, in document order."""
    builder = _Builder()
    root = soup.body or soup
    _walk(root, builder, bold=False, italic=False, heading=False)
    builder.flush()
    return builder.lines


def _walk(node: Tag, out: _Builder, *, bold: bool, italic: bool, heading: bool) -> None:
    """Feed the text under `node` to `out` in document order.

    An explicit stack, not recursion: a page of 1,000 nested <div>s is still a page.
    """
    stack: list[tuple[Iterator[PageElement], bool, bool, bool, bool]] = [(iter(node.children), bold, italic, heading,
                                                                          False)]
    while stack:
        children, bold, italic, heading, block = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if block:
                out.flush()
            continue
        if isinstance(child, NavigableString):
            if not isinstance(child, _NOT_TEXT):
                out.add(str(child), bold=bold, italic=italic, heading=heading)
            continue
        if not isinstance(child, Tag) or child.name in _SKIP:
            continue
        if child.name == "br":
            out.flush()
            continue
        style = str(child.get("style") or "")
        if child.name in _BLOCKS:
            out.flush()
        stack.append((
            iter(child.children),
            bold or child.name in _BOLD or child.name in _HEADINGS or bool(_BOLD_STYLE.search(style)),
            italic or child.name in _ITALIC or bool(_ITALIC_STYLE.search(style)),
            heading or child.name in _HEADINGS,
            child.name in _BLOCKS,
        ))


def page_title(soup: BeautifulSoup) -> str | None:
    """The page's own title: first <h1>, else <title> without the " | Site" tail."""
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return _WS.sub(" ", h1.get_text(" ", strip=True))
    if soup.title and soup.title.string:
        return re.split(r"\s+[|–—]\s+", _WS.sub(" ", soup.title.string).strip())[0]
    return None


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if isinstance(tag, Tag) and tag.get("content"):
            return str(tag["content"]).strip()
    return None


def _canonical(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    href = link.get("href") if isinstance(link, Tag) else None
    return str(href) if href else _meta(soup, "og:url")


def parse_html(data: bytes, *, origin: str = "<input>", hints: Hints | None = None) -> Transcript:
    """A transcript page (any site following the usual speaker-turn shape) -> Transcript."""
    check_size(data, origin=origin)
    with warnings.catch_warnings():  # an XHTML page (`<?xml ...?>` first) is still HTML to read: no advice on stderr
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(data, "lxml")
    title = page_title(soup)
    lines = page_lines(soup)
    parsed = parse_turns(_from_title(lines, title))
    meta = header_meta("\n".join(parsed.header), title=title)
    url = _canonical(soup) or (origin if origin.startswith(("http://", "https://")) else None)
    provider = _meta(soup, "og:site_name") or (urlparse(url).hostname if url else None)
    transcript = meta.override(Transcript(source_url=url, provider=provider, statements=parsed.statements))
    return check_parsed(hints.override(transcript) if hints else transcript, origin=origin, what="HTML page")


def _from_title(lines: list[Line], title: str | None) -> list[Line]:
    # Site navigation precedes the article; the article starts at its title when the title is a line.
    if title:
        for n, line in enumerate(lines):
            if line.heading and line.text == title:
                return lines[n:]
    return lines

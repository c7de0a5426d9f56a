"""The briefing as one self-contained HTML file: inline CSS, charts inline as SVG, no external requests.

Each part's Markdown becomes HTML through markdown-it with raw HTML disabled, so fetched text can never
inject markup; the page around it is a Jinja2 template shipped with the package.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from watchdesk.agents.briefing import charts
from watchdesk.agents.briefing.model import BriefingInput
from watchdesk.agents.briefing.period import Period, week_starts
from watchdesk.agents.briefing.render import Section, header, render_sections

# A citation the renderer writes is a bare "[3]" (a source) or "[F-0d703998]" (a finding). Brackets in fetched text
# reach the Markdown escaped ("\[3\]"), so quoted text never becomes a link.
_CITATION = re.compile(r"(?<!\\)\[(\d+|F-[0-9a-f]{8,})\](?!\()")
_SOURCE_ITEM = re.compile(r"<li>")
_CITATION_ROW = re.compile(r"<tr>\s*<td><a href=\"#(F-[0-9a-f]{8,})\">")
# A browser breaks a line after a hyphen, which cut "2024-05-22", "0001045810-26-000021" and "10-K" in two: a date,
# an accession number or a form name is kept whole, in the text between tags (never an attribute, a link's address)
_WHOLE = re.compile(r"\b(?:\d{4}-\d{2}-\d{2}|\d{10}-\d{2}-\d{6}|(?:10-[KQ]|[86]-K|[24]0-F|EX-\d+(?:\.\d+)?)(?:/A)?)\b")
_TEXT = re.compile(r"(?<=>)[^<]+")
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_HEAD = re.compile(r"<th(?: [^>]*)?>(.*?)</th>", re.S)
# a previous net tone that says which baselines it is the tone of: "-0.31 (call of 2024-11-20 and 10-K of ... combined)"
_NOTED = re.compile(r'(<td class="col-previous"[^>]*>)([^<]*?) (\(.*?\))</td>', re.S)


@cache
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("watchdesk.agents.briefing", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def markdown_parser() -> MarkdownIt:
    """CommonMark with tables and raw HTML off: how the HTML and the plain-text briefing read the Markdown."""
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def to_html(markdown: str) -> Markup:
    """The Markdown as HTML, each table in a box that scrolls it sideways on a screen narrower than the table, and
    each date, accession number and form name kept on one line."""
    html = _TEXT.sub(lambda m: _whole(m.group(0)), markdown_parser().render(markdown))
    return Markup(html.replace("<table>", '<div class="table"><table>').replace("</table>", "</table></div>"))


def _whole(text: str) -> str:
    """HTML text with its dates, accession numbers and form names each in a span the line never breaks inside."""
    return _WHOLE.sub(r'<span class="whole">\g<0></span>', text)


def heading(text: str) -> Markup:
    """A heading's text, escaped, its dates kept whole."""
    return Markup(_whole(str(escape(text))))


def _anchor(label: str) -> str:
    return label if label.startswith("F-") else f"source-{label}"


def section_html(section: Section) -> Markup:
    """A part's HTML, each citation a link: "[3]" to the third source, "[F-...]" to the finding's row in Sources."""
    markdown = _CITATION.sub(lambda m: f"[\\[{m.group(1)}\\]](#{_anchor(m.group(1))})", section.body)
    html = str(to_html(markdown))
    if section.key == "sources":
        # The numbered list comes first in Sources, one item per source in citation order; then the table whose
        # rows the finding citations point at.
        numbered, sep, rest = html.partition("</ol>")
        if sep:
            counter = iter(range(1, numbered.count("<li>") + 1))
            html = _SOURCE_ITEM.sub(lambda _: f'<li id="source-{next(counter)}">', numbered) + sep + rest
        html = _CITATION_ROW.sub(lambda m: f'<tr id="{m.group(1)}">\n<td><a href="#{m.group(1)}">', html)
    if section.key == "headline":
        html = _NOTED.sub(r'\1\2 <span class="basis">\3</span></td>', _labelled(html, section.columns))
    return Markup(html)


def _labelled(html: str, columns: Sequence[str]) -> str:
    """The first table with each cell marked with its column's key (`columns`, in order) as class "col-KEY", and each
    body cell with its column's heading in `data-label`, which a narrow screen shows beside it when the table's rows
    are shown as cards: the page's layout finds a column by its key, whatever its heading says."""
    head, sep, rest = html.partition("</thead>")
    labels = [re.sub(r"<[^>]+>", "", h) for h in _HEAD.findall(head)]
    body, end, after = rest.partition("</table>")
    marks = [f' class="col-{key}"' for key in columns]

    def row(m: re.Match[str], tag: str) -> str:
        at, said = iter(marks), iter(labels)

        def cell(_: re.Match[str]) -> str:
            label = f' data-label="{next(said, "")}"' if tag == "td" else ""  # a heading needs no label
            return f"<{tag}{next(at, '')}{label}"

        return "<tr>" + re.sub(f"<{tag}(?=[ >])", cell, m.group(1)) + "</tr>"

    if not sep:
        return html
    head = _ROW.sub(lambda m: row(m, "th"), head)
    return head + sep + _ROW.sub(lambda m: row(m, "td"), body) + end + after


def chart_weeks(data: BriefingInput) -> list[date]:
    """The weeks along the charts' axes: the trend window ending with the briefing's period."""
    return week_starts(data.period_end, Period(data.period_start, data.period_end).chart_weeks)


def render_html(data: BriefingInput) -> str:
    sections = render_sections(data)
    weeks = chart_weeks(data)
    page = _env().get_template("briefing.html.j2")
    return page.render(
        title=data.title,
        header=to_html(header(data).split("\n", 2)[-1]),
        first=[(s.key, heading(s.title), section_html(s)) for s in sections[:1]],
        rest=[(s.key, heading(s.title), section_html(s)) for s in sections[1:]],
        charts=[(Markup(c.svg), Markup(c.narrow)) for c in charts.briefing_charts(data.history, weeks)],
        weeks=len(weeks),
    )

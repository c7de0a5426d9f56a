"""The briefing as one self-contained HTML file: inline CSS, charts inline as SVG, no external requests.

Each part's Markdown becomes HTML through markdown-it with raw HTML disabled, so fetched text can never
inject markup; the page around it is a Jinja2 template shipped with the package.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from watchdesk.agents.briefing import charts
from watchdesk.agents.briefing.model import BriefingInput
from watchdesk.agents.briefing.period import Period, week_starts
from watchdesk.agents.briefing.render import header, render_sections


@cache
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("watchdesk.agents.briefing", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def to_html(markdown: str) -> Markup:
    return Markup(_markdown().render(markdown))


def render_html(data: BriefingInput) -> str:
    sections = render_sections(data)
    weeks = week_starts(data.period_end, Period(data.period_start, data.period_end).chart_weeks)
    tone = charts.tone_chart(data.history, weeks)
    mentions = charts.mentions_chart(data.history, weeks)
    page = _env().get_template("briefing.html.j2")
    return page.render(
        title=data.title,
        header=to_html(header(data).split("\n", 2)[-1]),
        first=[(s.key, s.title, to_html(s.body)) for s in sections[:1]],
        rest=[(s.key, s.title, to_html(s.body)) for s in sections[1:]],
        charts=[Markup(svg) for svg in (tone, mentions) if svg],
        weeks=len(weeks),
    )

"""A quote holding an HTML entity as text ("AT&amp;T", "&#x202E;") was decoded where the briefing is read: the HTML
part (since the briefing had one) and, since the e-mail's text part is plain text, that too, so a quote was no longer
verbatim and a numeric entity in fetched text became a real right-to-left override character that reverses what
follows it on screen (a code review). Markdown escapes the "&" that starts an entity, so every part shows the quote
as written; a lone "&" ("R&D") is left as it is."""

from __future__ import annotations

from watchdesk.agents.briefing.html import markdown_parser
from watchdesk.agents.briefing.plain import plain_text
from watchdesk.agents.briefing.text import escape_markdown

QUOTE = "AT&amp;T and R&D &#x202E; rose &#8238; &copy"


def test_an_entity_in_a_quote_is_shown_as_written() -> None:
    line = f"- “{escape_markdown(QUOTE)}”"
    assert plain_text(line).strip() == f"- “{QUOTE}”"
    html = markdown_parser().render(line)
    assert "\u202e" not in html and "&amp;#x202E;" in html and "&amp;amp;T" in html
    assert escape_markdown("R&D spending") == "R&D spending"

"""`watchdesk edgar diff OLD NEW`: what changed between two filings of one company."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from watchdesk.graph.cli_input import read_input

if TYPE_CHECKING:
    from watchdesk.sources.filing_parse import ParsedFiling

_EXPECTED = "a 10-K, 10-Q or 20-F primary document (.htm/.html) or full-submission .txt"
_PATH = click.Path(path_type=Path)


@click.command("diff")
@click.argument("old", type=_PATH)
@click.argument("new", type=_PATH)
@click.option(
    "--section",
    type=click.Choice(["1A", "7", "all"], case_sensitive=False),
    default="all",
    show_default=True,
    help="1A: risk factors (10-Q Part II 1A, 20-F 3.D); 7: MD&A (10-Q Part I 2, 20-F 5); all: both.",
)
@click.option("--format", "fmt", type=click.Choice(["json", "md"]), default="json", show_default=True)
@click.option("--topics", default="", help="Comma-separated topics for MD&A additions (default: every shipped topic).")
def diff(old: Path, new: Path, section: str, fmt: str, topics: str) -> None:
    """Compare two filings of one company: risk factors new, removed and changed; section similarity.

    Each risk factor of NEW is matched to one of OLD by heading and body (renumbering, moved groups
    and light rewording survive) and labelled new, removed, expanded, shortened, reworded or
    unchanged. Similarity is the cosine of word counts (as in Lazy Prices); "jaccard" is the second
    measure. For MD&A, "added" lists the new sentences that mention a watched topic.
    JSON: {"sections": [{"item", "similarity", "jaccard", "note", "added": [{"heading", "text"}],
    "removed": [...], "changed": [{"heading", "old", "new", "similarity", "kind"}]}]}.

    \b
    Example:
      watchdesk edgar diff nvda-20240128.htm nvda-20250126.htm --section 1A
      watchdesk edgar diff tsla-2023.htm tsla-2024.htm --format md
    """
    from watchdesk.agents.filing_changes import markdown, report
    from watchdesk.agents.flagging.topics import load_topics
    from watchdesk.sources.filing_diff import compare

    parsed = [_parse(path) for path in (old, new)]
    items = ("1A", "7") if section.lower() == "all" else (section.upper(),)
    names = [t.strip() for t in topics.split(",") if t.strip()] or None
    data = report(compare(parsed[0], parsed[1], items=items), topics=load_topics(names))
    if fmt == "md":
        click.echo(markdown(data, old_name=old.name, new_name=new.name), nl=False)
    else:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _parse(path: Path) -> ParsedFiling:
    from watchdesk.sources.filing_items import split_submission
    from watchdesk.sources.filing_parse import parse_filing

    primary, header, _ = split_submission(read_input(path, expected=_EXPECTED))
    form = header.get("CONFORMED SUBMISSION TYPE")
    return parse_filing(primary, form=form if isinstance(form, str) else None)

"""`watchdesk edgar diff OLD NEW`: what changed between two filings of one company."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from watchdesk.graph.cli_input import AnyCase, InputPath, read_input
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.redact import inert_json, printable

if TYPE_CHECKING:
    from watchdesk.sources.filing_parse import FilingIdentity, ParsedFiling

_EXPECTED = "a 10-K, 10-Q or 20-F primary document (.htm/.html) or full-submission .txt"
_PATH = InputPath()


@click.command("diff")
@click.argument("old", type=_PATH)
@click.argument("new", type=_PATH)
@click.option(
    "--section",
    type=AnyCase(["1A", "7", "all"]),
    default="all",
    show_default=True,
    help="1A: risk factors (10-Q Part II 1A, 20-F 3.D); 7: MD&A (10-Q Part I 2, 20-F 5); all: both.",
)
@click.option("--format", "fmt", type=click.Choice(["json", "md"]), default="json", show_default=True,
              help="json (shaped as above) or md (Markdown to read).")
@click.option("--topics", default="", metavar="TOPIC,...",
              help="Comma-separated topics for added sentences (default: every shipped topic).")
@click.option("--across-companies", is_flag=True,
              help="Compare filings of two different registrants (refused by default: usually a wrong file).")
def diff(old: Path, new: Path, section: str, fmt: str, topics: str, across_companies: bool) -> None:
    """Compare two filings of one company: risk factors new, removed and changed; section similarity.

    Each risk factor of NEW is matched to one of OLD by heading and body (renumbering, moved groups and light
    rewording survive) and labelled new, removed, expanded, shortened, reworded or unchanged. Similarity is the cosine
    of word counts (as in Lazy Prices); "jaccard" is the second measure; both are null where a filing lacks the
    section (the note says which).

    For MD&A, "added" lists the new sentences that mention a watched topic, "removed" those OLD said and NEW no longer
    does, each with the subheading it sits under ("under"; null above the first). A title-case heading line is no
    sentence.

    For a changed risk factor, "added_sentences" lists what its body gained, found as MD&A's are (figures and light
    rewordings aside): each sentence added, with the topics it mentions (maybe none), and words inserted into a
    reworded sentence ("in_sentence": that sentence) when they mention a watched topic; "removed_sentences" the
    sentences of OLD's factor that no factor of NEW says any more (reworded, moved, figures-only or cut by a page
    break: not removed), and words a light rewording deleted ("in_sentence": OLD's sentence; on a watched topic or
    not).

    A sentence removed and one added that are one statement rewritten are listed once, in "rewritten_sentences"
    (MD&A: "rewritten"); one NEW says in its other section (risk factors or MD&A) in "moved_sentences" (MD&A:
    "moved"), with where it went ("to": "1A" or "7"; "to_heading": the heading it sits under there) and how NEW says
    it ("now").

    Markdown shows ten removed sentences on watched topics per section at most, then how many more. Filings of two
    registrants (by the CIK their cover or SGML header gives) are refused unless --across-companies; a NEW whose
    period ends before OLD's, or of another form (a 10-K against a 10-Q), is compared as given, with a warning.

    JSON, one object a section; "changed" has the most characters changed first (growth, shrinkage or reworded
    share), as the briefing ranks them; an MD&A sentence's "heading" is the topics it mentions:

    \b
      {"sections": [{"item", "similarity", "jaccard", "note",
        risk factors:
          "added", "removed": [{"heading", "text"}],     (new, removed factors)
          "changed": [{"heading", "old", "new", "similarity", "kind",
            "added_sentences": [{"text", "topics", "in_sentence"}],
            "removed_sentences": [{"text", "topics", "in_sentence"}],
            "rewritten_sentences": [{"old", "new", "topics"}],
            "moved_sentences": [{"text", "to", "now", "topics", "to_heading"}]}]
        MD&A:
          "added": [{"heading", "text", "in_sentence", "under"}],
          "removed": [{"heading", "text", "under"}],
          "rewritten": [{"heading", "old", "new"}],
          "moved": [{"heading", "text", "to", "now", "to_heading"}]}]}

    \b
    Examples:
      watchdesk edgar diff nvda-20240128.htm nvda-20250126.htm --section 1A
      watchdesk edgar diff tsla-2023.htm tsla-2024.htm --format md
    """
    from watchdesk.agents.filing_changes import markdown, report
    from watchdesk.agents.flagging.topics import load_topics
    from watchdesk.sources.filing_diff import compare
    from watchdesk.sources.filing_places import Places

    (old_filing, old_id), (new_filing, new_id) = (_parse(path) for path in (old, new))
    _check_pair(old, old_id, new, new_id, across_companies=across_companies)
    if old_filing.form != new_filing.form:
        click.echo(f"warning: OLD ({old.name}) is a {old_filing.form} and NEW ({new.name}) a {new_filing.form}: "
                   "their sections are compared as given, so similarity and 'added' measure the two forms' "
                   "difference as much as what changed; compare filings of one form for that", err=True)
    parsed = [old_filing, new_filing]
    items = ("1A", "7") if section.lower() == "all" else (section.upper(),)
    names = [t.strip() for t in topics.split(",") if t.strip()] or None
    places = (Places(parsed[0]), Places(parsed[1]))
    data = report(compare(parsed[0], parsed[1], items=items), topics=load_topics(names), places=places)
    if fmt == "md":
        # the filing's headings and sentences as written, control characters (a bidi override) shown as escapes
        click.echo(printable(markdown(data, old_name=old.name, new_name=new.name)), nl=False)
    else:
        click.echo(inert_json(data, indent=2))


def _parse(path: Path) -> tuple[ParsedFiling, FilingIdentity]:
    from watchdesk.sources.filing_items import split_submission
    from watchdesk.sources.filing_parse import filing_identity, parse_filing

    primary, header, _ = split_submission(read_input(path, expected=_EXPECTED))
    form = header.get("CONFORMED SUBMISSION TYPE")
    return parse_filing(primary, form=form if isinstance(form, str) else None), filing_identity(primary, header)


def _one_file(old: Path, new: Path) -> bool:
    """Whether OLD and NEW are one file, or two copies of it byte for byte (a stream, "-", is never compared)."""
    import filecmp

    if "-" in (str(old), str(new)):
        return False
    try:
        return old.resolve() == new.resolve() or filecmp.cmp(old, new, shallow=False)
    except OSError:
        return False


def _check_pair(old: Path, old_id: FilingIdentity, new: Path, new_id: FilingIdentity, *,
                across_companies: bool) -> None:
    """Two registrants are refused unless asked for; NEW older than OLD is said on stderr."""
    def who(path: Path, ident: FilingIdentity) -> str:
        return f"{path.name} is {ident.name or 'a filing'} (CIK {ident.cik})"

    if _one_file(old, new):
        names = old.name if old.name == new.name else f"{old.name}, {new.name}"
        click.echo(f"warning: OLD and NEW are the same filing ({names}): nothing can have changed; give the company's "
                   "earlier filing as OLD", err=True)
    two_companies = bool(old_id.cik and new_id.cik and old_id.cik != new_id.cik)
    if two_companies and not across_companies:
        raise ConfigError(f"{who(old, old_id)} and {who(new, new_id)}: diff compares two filings of one company; "
                          "add --across-companies to compare them anyway")
    if not two_companies and old_id.period and new_id.period and new_id.period < old_id.period:
        click.echo(f"warning: NEW ({new.name}, period ended {new_id.period}) is older than OLD ({old.name}, "
                   f"{old_id.period}); 'added' means in NEW and not in OLD as given: swap them for what changed "
                   "since", err=True)

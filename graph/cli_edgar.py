"""`watchdesk edgar ...`: the filings agent's core, usable alone, JSON on stdout."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import click

from watchdesk.graph.cli_input import AnyCase, InputPath, input_name, read_input
from watchdesk.graph.cli_lazy import note_leaf
from watchdesk.sources.errors import ConfigError, ParsingError
from watchdesk.sources.redact import inert_json, printable
from watchdesk.sources.sec_markers import is_filing
from watchdesk.sources.text_bytes import check_complete_html, check_text, to_utf8

if TYPE_CHECKING:
    from watchdesk.sources.sections_xref import XrefSections
    from watchdesk.sources.sgml import Header

_EXPECTED = "a filing's .htm/.html or full-submission .txt"

_PATH = InputPath()


@click.group()
@click.pass_context
def edgar(ctx: click.Context) -> None:
    """SEC EDGAR tools: a filing's text, sections and items; diff two filings; list and download filings.

    \b
    Examples:
      watchdesk edgar sections nvda-20250126.htm --form 10-K
      watchdesk edgar text nvda-20250727.htm | less
      watchdesk edgar diff nvda-20240128.htm nvda-20250126.htm
      watchdesk edgar list NVDA --forms 10-K,10-Q
    """
    note_leaf(ctx)  # a Ctrl-C in `edgar diff` says nothing of "what was stored": only `edgar download` keeps files


def _load(path: Path, *, tables: Literal["keep", "drop"] = "keep") -> tuple[str, Header]:
    """Clean text of the primary document (the one inside a full-submission .txt), and its SGML header."""
    from watchdesk.sources.filing_items import document_text, split_submission

    data, name = _read(path), input_name(path)
    if data.lstrip()[:1] in (b"{", b"["):  # HTML or plain text of any page reads; JSON is no page
        raise ParsingError(f"{name} is JSON, not a filing; expected {_EXPECTED} (a transcript's JSON reads with "
                           "`watchdesk transcript parse`)")
    primary, header, _ = split_submission(data)
    try:
        return document_text(primary, tables=tables), header
    except ParsingError as exc:
        raise ParsingError(f"{name}: {exc}") from exc


def _read(path: Path, *, filing: bool = False) -> bytes:
    """The file's bytes as UTF-8; binary data is refused before any parser sees it, and so is an empty file or,
    with `filing`, one with no SGML header, inline XBRL or cover page (a transcript, an EDGAR index page)."""
    name = input_name(path)
    data = to_utf8(read_input(path, expected=_EXPECTED), origin=name)
    check_text(data, origin=name, expected=_EXPECTED)
    if not data.strip():
        raise ParsingError(f"{name} is empty; expected {_EXPECTED}")
    check_complete_html(data, origin=name)
    if filing and not is_filing(data):
        raise _not_a_filing(name)
    return data


def _not_a_filing(name: str) -> ParsingError:
    return ParsingError(f"{name} does not look like an SEC filing (no SGML header, inline XBRL or cover page); "
                        f"expected {_EXPECTED}")


def _echo_json(rows: list[dict[str, Any]]) -> None:
    click.echo(inert_json(rows, indent=2))


@edgar.command()
@click.argument("path", type=_PATH)
@click.option(
    "--form",
    type=AnyCase(["10-K", "10-Q", "20-F"]),
    metavar="[10-K|10-Q|20-F]",
    help="Form of the filing (default: read from the SGML header or the cover page).",
)
def sections(path: Path, form: str | None) -> None:
    """Split a 10-K, 10-Q or 20-F into its items: JSON [{"item", "title", "start", "end", "text"}].

    Ids: 10-K "1A", "7", "7A"; 10-Q "I-2" (Part I Item 2), "II-1A"; 20-F "3.D", "4", "5".
    Offsets are into the text `watchdesk edgar text PATH` prints. PATH is a primary document
    (.htm/.html) or a full-submission .txt.

    \b
    Example:
      watchdesk edgar sections nvda-20250126.htm
      watchdesk edgar sections 0001045810-25-000023.txt --form 10-K | jq -r '.[] | select(.item=="1A").text'
    """
    from watchdesk.sources.filing_items import document_text, split_submission
    from watchdesk.sources.sections import detect_form, extract_sections
    from watchdesk.sources.sections_xref import reference_table_sections

    data = _read(path)
    primary, header, _ = split_submission(data)
    name = input_name(path)
    text = document_text(primary)
    own = _header_form(header) or detect_form(text)
    if form and own and _base(own) != _base(form) and _base(own) in {"8-K", "6-K"}:
        said = "its SGML header" if _header_form(header) else "its cover page"
        raise ConfigError(f"{name} is {'an' if own.startswith('8') else 'a'} {own} ({said} says so), not a {form}: "
                          f"read its items with `watchdesk edgar items {path}`")
    if form and own and _base(own) != _base(form):  # --form wins (a cover page can be misread), but not unsaid
        said = "SGML header" if _header_form(header) else "cover page"
        click.echo(f"warning: {name}'s {said} says {own}; split as a {form}, as --form says (leave --form out to "
                   f"split it as its {said} says)", err=True)
    kind = form or own
    xref = reference_table_sections(primary) if kind in (None, "20-F", "20-F/A") else None
    if xref is not None and xref.has_table:  # an annual report filed as the 20-F: its table maps the items
        _echo_json([asdict(section) for section in xref.sections])
        for line in xref_messages(xref):
            click.echo(printable(line), err=True)  # a caption is the filing's text
        return
    if kind is None and not is_filing(data):  # a call transcript: --form would only find no items in it
        raise _not_a_filing(name)
    if kind is None:
        raise ConfigError(f"{name}: the cover page does not name the form; pass --form 10-K, 10-Q or 20-F")
    found = extract_sections(text, form=kind)
    if not found and kind.startswith("20-F"):
        raise ParsingError(f"{name}: no 20-F item headings and no Form 20-F cross-reference table in this file "
                           "(an excerpt, or a report whose table is in another document)")
    if not found:
        raise ParsingError(f"{name}: no {kind.upper()} items found; is it a {kind.upper()} filing, and is it complete?")
    _echo_json([asdict(section) for section in found])


def xref_messages(xref: XrefSections) -> list[str]:
    """What the cross-reference table names that this file does not hold, said per item."""
    from watchdesk.sources.form_items import TWENTY_F

    lines = [f"item {e.item} ({e.caption}): the table places it at {e.location!r}, which is not in this file"
             for e in xref.absent]
    if xref.not_applicable:
        lines.append("not applicable, as the table says: items " + ", ".join(e.item for e in xref.not_applicable))
    named = {e.item.split(".")[0] for e in (*xref.absent, *xref.not_applicable)}
    named |= {s.item.split(".")[0] for s in xref.sections}
    unnamed = [f"{item} {title}" for item, title in TWENTY_F.items() if "." not in item and item not in named]
    if unnamed:
        lines.append("the table in this file names no location for items " + "; ".join(unnamed))
    return lines


def _header_form(header: Header) -> str | None:
    value = header.get("CONFORMED SUBMISSION TYPE")
    return value if isinstance(value, str) else None


@edgar.command()
@click.argument("path", type=_PATH)
def items(path: Path) -> None:
    """List the items of an 8-K, or the exhibits of a 6-K: JSON [{"item", "title"}].

    8-K items are numbered as in the form ("2.02") and titled as EDGAR's index titles them;
    6-K exhibits are named by type ("EX-99.1"). PATH is a primary document or a full-submission .txt
    (whose SGML header names the items EDGAR indexed).

    \b
    Example:
      watchdesk edgar items adbe-20230315.htm
      watchdesk edgar items 0000796343-23-000044.txt
    """
    from watchdesk.sources.filing_items import extract_items

    _echo_json(
        [{"item": item.item, "title": item.title} for item in extract_items(_read(path, filing=True))]
    )


@edgar.command()
@click.argument("path", type=_PATH)
@click.option(
    "--tables",
    type=click.Choice(["keep", "drop"]),
    default="keep",
    show_default=True,
    help="Keep tables as `cell | cell` rows, or drop tables of two or more columns.",
)
def text(path: Path, tables: Literal["keep", "drop"]) -> None:
    """Print a filing's clean text: one paragraph or table row per line, XBRL and page numbers removed.

    A control character in the text (a bidi override such as U+202E would show the rest of its line reversed) is
    printed as an escape ("\\u202e"), as everywhere in watchdesk; it counts as one character in `sections`' offsets.

    \b
    Example:
      watchdesk edgar text nvda-20250126.htm --tables drop > nvda-10k.txt
    """
    clean, _ = _load(path, tables=tables)
    click.echo(printable(clean))


def _base(form: str) -> str:
    """ "10-K/A" -> "10-K"."""
    return form.upper().split("/")[0]

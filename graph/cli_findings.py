"""`watchdesk findings` and `watchdesk changes`: every stored mention, or every filing change, by company, topic and
period, read from the database alone and read-only (notebooks may read it at once; while a run writes into it,
the file is said to be in use, exit 3).

A briefing quotes the strongest few findings of each company and topic; these commands list all of them, each with
its citation as the briefing writes it ("F-" and the start of its finding_id) and the source its text came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from watchdesk.graph.cli_input import DB_HELP, AnyCase, Day, GivenPath, ticker_given
from watchdesk.graph.cli_rows import output_format, write_rows
from watchdesk.graph.paths import no_store_to_read
from watchdesk.graph.settings import Settings
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.redact import printable
from watchdesk.store.filters import kind_given, polarity_given
from watchdesk.store.topic_names import topic_given

FORMATS = ("table", "csv", "jsonl", "md")


def _db_option(f: Any) -> Any:
    return click.option("--db", type=GivenPath(dir_okay=False, path_type=Path),
                        help=DB_HELP)(f)  # fmt: skip


def _filters(f: Any) -> Any:
    for option in reversed((
        click.option("--ticker", "tickers", multiple=True, metavar="TICKER",
                     help="A company (repeat, or NVDA,TSM, for several)."),
        click.option("--topic", "topics", multiple=True, metavar="TOPIC",
                     help="inventory, supply_chain, geopolitical or a custom topic (repeat, or comma-separate, for "
                     "several)."),
        click.option("--week", metavar="YYYY-Www",
                     help="An ISO week, e.g. 2025-W35 or 2025W35 (Monday to Sunday), as its briefing counts it: "
                     "documents dated in it, and those late into it (first stored after the briefing of their own "
                     "days was written; then not in their own week)."),
        click.option("--since", type=Day(), help="First day (the document's date), included."),
        click.option("--until", type=Day(), help="Last day (the document's date), included."),
        click.option("--format", "fmt", type=AnyCase(list(FORMATS)), default=None,
                     help="table (the default at a terminal), csv, jsonl (the default in a pipe) or md."),
        click.option("--limit", type=click.IntRange(min=1), help="At most this many rows (newest first)."),
    )):  # fmt: skip
        f = option(f)
    return f


@click.command("findings")
@click.argument("source", required=False, metavar="[filing|call|news]")
@_db_option
@_filters
@click.option("--polarity", metavar="[negative|neutral|positive]", callback=lambda _c, _p, v: _polarity(v),
              help="Only warnings (negative), neutral findings or good news (positive); 'warning' and 'good news' "
              "are read as a briefing says them.")
@click.pass_context
def findings(ctx: click.Context, source: str | None, polarity: str | None, **given: Any) -> None:
    """List every stored finding by company, topic, period and kind of document, with its source.

    Each document's latest flagging, as a briefing counts them, newest document first and the strongest first within
    one: date, ticker, topic, polarity, score (the lean of its polarity, -1 a warning .. +1 good news: a neutral
    finding may lean), citation (as a briefing cites it), document, section, speaker, the sentence, its source and
    finding_id. SOURCE keeps one kind of document: filing, call or news. Nothing is fetched; the file is opened
    read-only. --format table and md write a score as a briefing quotes it (+0.83), csv and jsonl as stored
    (0.8291). A finding the flagger was unsure of reads "-0.99, unsure" in table and md, as a briefing quotes it, and
    has sure false in csv and jsonl (null where its second pass did not judge it).

    A call's question is marked as a briefing marks it, so an analyst's worry does not read as the company's
    warning: beside the speaker in table and md ("Gokul Hariharan, analyst", "Jeff Su, passing on a question"), in
    the said_as column in csv and jsonl (analyst, operator, passing on a question; empty for the company's words).

    A sentence said again in its document (a 10-K says some in Items 1, 1A and 7) is one finding here, as a briefing
    counts it, where it is first said; said_again gives the citations of its other places, which `watchdesk evidence`
    shows.

    --week lists the findings the week's briefing counts (its "… and N more not shown" included): a late document
    (first stored after the briefing of its own days was written) is listed, with its own date, in the week it counts
    in (up to 14 days after its date), not in its own. --since/--until go by the document's date alone.

    \b
    Examples:
      watchdesk findings --db demo.duckdb --ticker NVDA --topic inventory --week 2025-W09
      watchdesk findings call --ticker TSM --polarity negative --format md
      watchdesk findings --since 2025-01-01 --until 2025-03-31 --format csv > q1.csv
    """
    from watchdesk.store import explore

    kind = None if source is None else kind_given(source)
    db_path, chosen, start, end = _asked(ctx.obj, **given)
    fmt = output_format(given["fmt"])
    for_reader = fmt in ("table", "md")  # a question marked beside its speaker, as a briefing marks it
    # csv and jsonl are written a column at a time: a long listing's rows are never made dicts
    listed = explore.findings if for_reader else explore.finding_columns
    rows = listed(db_path, ticker=chosen[0], topic=chosen[1], start=start, end=end, polarity=polarity, kind=kind,
                  limit=given["limit"], as_briefed=given["week"] is not None)  # fmt: skip
    shown = [_finding_row(r) for r in rows] if for_reader else rows
    columns = ["date", "ticker", "topic", "polarity", "score", "sure", "citation", "document", "section", "speaker",
               *([] if for_reader else ["said_as"]), "sentence", "said_again", "source", "finding_id"]  # fmt: skip
    write_rows(shown, columns, fmt, nothing=rows.nothing, total=rows.total, what="findings")
    if rows and rows.note:  # GOOGL's findings stored under GOOG (an empty answer's `nothing` says it)
        click.echo(rows.note, err=True)


@click.command("changes")
@_db_option
@_filters
@click.option("--change", "kinds", multiple=True, type=AnyCase(["new", "removed", "changed", "added"]),
              help="Only new risk factors, removed ones and sentences no longer said, changed factors, or sentences "
              "and words added (repeat for several).")
@click.pass_context
def changes(ctx: click.Context, kinds: tuple[str, ...], **given: Any) -> None:
    """List what changed between each company's consecutive filings, as stored (nothing is fetched).

    10-K, 10-Q or 20-F filings as runs compared them, newest filing first: the newer filing's date, ticker, form,
    the older filing's date, section (risk factors or MD&A), the change (new, removed, expanded, shortened or
    reworded risk factor; a sentence added; words added to a sentence; a sentence removed, after those added), its
    text (with, for words added, the whole sentence they went into: "in: ..." in a table), the topics it mentions,
    its source (for a removed factor or sentence the older filing, which said it), and where the text is in that
    stored filing (doc_id, text_start, text_end: the briefing's "document ..., characters ..."). --topic keeps
    changes that mention it; the period bounds the newer filing's date (--week: as the week's briefing reads it, a
    late filing in the week it counts in). A 10-K, 10-Q or 20-F with no
    comparison is named on stderr with why (its comparison's gap or its own; a previous filing over the size cap
    names WATCHDESK_HTTP_MAX_MB and its value: a run with it raised compares them), ten at most. --change keeps
    some kinds: new (risk factors), removed (factors, and sentences the older filing said that the newer no longer
    does: reworded, moved, figures-only or page-cut ones are not), changed (factors), added (sentences and words).
    A table shows ten sentences removed per filing and section (those on a watched topic first) and says how many
    more; csv, jsonl, md and --change removed list them all.

    \b
    Examples:
      watchdesk changes --db demo.duckdb --ticker NVDA
      watchdesk changes --topic geopolitical --since 2025-01-01 --format md
      watchdesk changes --ticker NVDA --change removed
    """
    from watchdesk.store import explore

    db_path, chosen, start, end = _asked(ctx.obj, **given)
    rows = explore.changes(db_path, ticker=chosen[0], topic=chosen[1], start=start, end=end,
                           as_briefed=given["week"] is not None, change=list(kinds) or None)
    # at a terminal, a filing's sentences removed are ten per section unless asked for (--change removed)
    shown, held = (_fewer_removed(list(rows)) if output_format(given["fmt"]) == "table" and not kinds
                   else (list(rows), {}))  # fmt: skip
    shown = shown[: given["limit"]]
    held = {row["_held"]: held[row["_held"]] for row in shown if row.get("_held") in held}  # groups a limit kept
    why = "--limit" if not held else "sentences removed: ten per filing and section, --change removed lists them"
    write_rows(shown, list(rows.columns), given["fmt"], nothing=rows.nothing, total=len(rows), what="changes", why=why)
    for line in held.values():
        click.echo(line, err=True)
    if rows and rows.note:
        click.echo(rows.note, err=True)
    uncompared, older = _not_compared(db_path, tickers=chosen[0], start=start, end=end)
    for said, lines in (("not compared", uncompared), ("compared the older way", older)):
        for line in lines[:_NOT_COMPARED_SHOWN]:
            click.echo(printable(line), err=True)
        if len(lines) > _NOT_COMPARED_SHOWN:  # a store of hundreds of companies: a screenful, not a page of them
            more = len(lines) - _NOT_COMPARED_SHOWN
            click.echo(f"... and {more} more filings {said} (--ticker or --since narrows the list)", err=True)


_NOT_COMPARED_SHOWN = 10
_REMOVED_SHOWN = 10  # a table's sentences removed, per filing and section


def _fewer_removed(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[tuple[Any, ...], str]]:
    """For a terminal: of each filing's sentences removed, per section (in a row, as explore.changes orders them),
    the first ten, those on a watched topic first (each marked "_held" with its group); and for each group that
    holds more, a line saying what was left out."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in rows:
        if r["change"].startswith("sentence removed"):
            groups.setdefault((r["filed"], r["ticker"], r["form"], r["section"]), []).append(r)
    shown: list[dict[str, Any]] = []
    said: dict[tuple[Any, ...], str] = {}
    for r in rows:
        key = (r["filed"], r["ticker"], r["form"], r["section"])
        if not r["change"].startswith("sentence removed"):
            shown.append(r)
        elif r is groups[key][0]:
            group = groups[key]
            shown += [x | {"_held": key} for x in sorted(group, key=lambda x: not x["topics"])[:_REMOVED_SHOWN]]
            if (left := len(group) - _REMOVED_SHOWN) > 0:
                said[key] = (f"... and {left} more sentences removed from {key[1]}'s {key[2]} filed {key[0]} "
                             f"({key[3]}) not shown: --change removed lists them all")  # fmt: skip
    return shown, said


def _not_compared(
    db_path: Path, *, tickers: Sequence[str] | None, start: date | None, end: date | None
) -> tuple[list[str], list[str]]:
    """The filings stored but not compared with the one before them, and why (a previous filing over the size cap
    names WATCHDESK_HTTP_MAX_MB and its value): a missing comparison is said, not left to look like no change; and
    those an older watchdesk compared, which looked for no sentence removed."""
    from watchdesk.store import reader
    from watchdesk.store.store import Store
    from watchdesk.store.uncompared import compared_before_removals, comparisons_not_made

    with reader.reading(db_path) as con:
        store = Store(con)
        return (comparisons_not_made(store, tickers=tickers, start=start, end=end),
                compared_before_removals(store, tickers=tickers, start=start, end=end))  # fmt: skip


def _finding_row(row: dict[str, Any]) -> dict[str, Any]:
    """A finding for a reader: an analyst's question says so beside its speaker ("Gokul Hariharan, analyst"), an
    exhibit its kind beside its type ("EX-10.1 (material contract)"), where csv and jsonl keep the name and give
    said_as apart, and keep the type as stored."""
    from watchdesk.sources.exhibit_kinds import exhibit_said
    from watchdesk.store.asked import speaker_said

    document = exhibit_said(row["document"]) if row["document"] else row["document"]
    return {**row, "speaker": speaker_said(row["speaker"], row["said_as"]), "document": document}


def _asked(
    settings: Settings,
    *,
    db: Path | None,
    tickers: Sequence[str],
    topics: Sequence[str],
    week: str | None,
    since: object,
    until: object,
    **_: object,
) -> tuple[Path, tuple[list[str] | None, list[str] | None], date | None, date | None]:
    """The database and the filters (explore checks a ticker or topic against what the store holds: a misspelt one is
    said with its close matches, not answered with an empty list)."""
    from watchdesk.agents.briefing.period import iso_week

    start, end = (x.date() if hasattr(x, "date") else None for x in (since, until))
    if week is not None:
        if start is not None or end is not None:
            raise ConfigError("give --week or --since/--until, not both")
        period = iso_week(week)
        start, end = period.start, period.end
    if start is not None and end is not None and start > end:
        raise ConfigError(f"--since {start} is after --until {end}")
    db_path = Path(db or settings.db_path)
    if why := no_store_to_read(db_path, given=db):
        raise ConfigError(why)
    # "NVDA,TSM" is --ticker repeated, as flag --topics and edgar list --forms take a list
    given = [ticker_given(t) for t in _listed(tickers)]
    topics = [topic_given(t) for t in _listed(topics)]  # "Supply chain" is supply_chain
    return db_path, (given or None, topics or None), start, end


def _listed(given: Sequence[str]) -> list[str]:
    """Each option's values, a comma-separated one split; an empty value stays, to be refused by name."""
    listed: list[str] = []
    for value in given:
        listed += [part for part in value.split(",") if part.strip()] if "," in value else [value]
    return listed


def _polarity(given: str | None) -> str | None:
    try:
        return None if given is None else polarity_given(given)
    except ConfigError as exc:
        raise click.BadParameter(str(exc), param_hint="'--polarity'") from None


@click.command("evidence")
@click.argument("citations", nargs=-1, required=True, metavar="CITATION...")
@_db_option
@click.option("--around", type=click.IntRange(0, 20), default=1, show_default=True,
              help="Sentences to show either side of the finding's.")  # fmt: skip
@click.pass_context
def evidence(ctx: click.Context, citations: tuple[str, ...], db: Path | None, around: int) -> None:
    """Show what a briefing's citation stands on: the sentence, the ones around it, and where it was said.

    CITATION is a finding as a briefing cites it (F-bb889b74, with or without the brackets) or a finding_id from
    `watchdesk findings`. The sentence is checked against the stored document's text at the finding's offsets. Nothing
    is fetched; the file is opened read-only.

    A sentence said again in its document on the topic (a 10-K says some in Items 1, 1A and 7) counts once, where it
    is first said: the citation of a later place says so and names the citation it is counted under; the first place
    names the citations of its later ones.

    \b
    Examples:
      watchdesk evidence F-bb889b74 --db demo.duckdb   # a citation from a briefing of that database
      watchdesk evidence F-bb889b74 F-0c1d2e3f --around 3
      watchdesk evidence "$(watchdesk findings --limit 1 --format jsonl | jq -r .citation)"   # the newest finding
    """
    from watchdesk.store import explore

    db_path = Path(db or ctx.obj.db_path)
    if why := no_store_to_read(db_path, given=db):
        raise ConfigError(why)
    said = [explore.evidence(db_path, c, around=around) for c in citations]  # every citation checked before any output
    click.echo("\n\n".join(printable(f"[{e.citation}] {e}") for e in said))

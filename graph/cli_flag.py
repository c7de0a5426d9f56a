"""`watchdesk flag PATH`: the flagging agent's core, usable alone, JSONL on stdout."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from watchdesk.graph.cli_input import INPUT_FORMATS, GivenPath, InputPath, input_name, read_input, writable_file
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.redact import inert_json, redact_text
from watchdesk.store.topic_names import topic_given, unknown_topic

if TYPE_CHECKING:
    from watchdesk.agents.flagging.document import Document
    from watchdesk.graph.settings import Settings
    from watchdesk.sources.transcripts import Format


_EXPECTED = "a transcript (.html .txt .json .pdf) or an SEC filing"
_OR_TEXT = f"{_EXPECTED}, or pass sentences with --text"

DEFAULT_TOPICS = "inventory,supply_chain,geopolitical"
FIELDS = ("topic", "polarity", "score", "sentence", "start", "end", "section", "speaker", "sure")


def _topic_names(value: str) -> list[str]:
    """The names --topics gives, as a watchlist and `findings --topic` read them ("supply chain" is supply_chain);
    ConfigError for an unknown one, with the close ones."""
    from watchdesk.agents.flagging.topics import shipped_topics

    given = [name.strip() for name in value.split(",") if name.strip()]
    if not given:
        raise ConfigError("--topics is empty; give topic names such as inventory,supply_chain,geopolitical")
    known = [s.name for s in shipped_topics()]
    if unknown := [unknown_topic(name, known) for name in given if topic_given(name) not in known]:
        raise ConfigError(f"--topics: {'; '.join(unknown)}")
    return [topic_given(name) for name in given]


@click.command()
@click.argument("path", type=InputPath(), required=False)
@click.option(
    "--text",
    metavar="PASSAGE",
    help='Flag this text instead of a file: a passage, a quote, a news paragraph ("-" reads it from stdin). '
    "It is read as one statement, with no transcript parsing and no minimum length.",
)
@click.option(
    "--topics",
    default=DEFAULT_TOPICS,
    show_default=True,
    metavar="NAME[,NAME...]",
    help="Topics to flag, from the shipped library (demand, pricing_margins, guidance, ... too).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="Input format; auto sniffs the bytes. SEC filings are recognised by their SEC header or cover page.",
)
@click.option("--no-llm", is_flag=True, help="Skip the LLM polarity judge even when WATCHDESK_MODEL is set.")
@click.option(
    "--llm-requests",
    type=GivenPath(dir_okay=False, path_type=Path),
    metavar="OUT.jsonl",
    help="Write the requests the LLM judge would send (JSONL, one {key, request} per line) without sending them; "
    "answer them with any model as {key, response} lines and replay with WATCHDESK_MODEL=replay:FILE_OR_DIR.",
)
@click.option(
    "--warm-cache",
    is_flag=True,
    help="Flag nothing: compile the topics' patterns into the cache folder (WATCHDESK_CACHE_DIR, default "
    "~/.cache/watchdesk), so the first flag of a call or filing costs what the next does (~0.3 s of CPU on a call) "
    "instead of 2 to 7 s. The Makefile's install runs it; after `pip install`, run it once.",
)
@click.pass_context
def flag(
    ctx: click.Context, path: Path | None, text: str | None, topics: str, fmt: str, no_llm: bool,
    llm_requests: Path | None, warm_cache: bool,
) -> None:  # fmt: skip
    """Flag topic mentions in a transcript or SEC filing: JSONL, one flag per line.

    Each line: {"topic", "polarity": the verdict, "positive"|"negative"|"neutral", "score": its lean in [-1, 1],
    "sentence", "start", "end", "section", "speaker", "sure"}; with no flag, stdout stays empty and stderr says so. The
    score is not the sentence's sentiment (`watchdesk sentiment` gives that): it is how far the reading of the topic's
    polarity leans toward good news (+1) or a warning (-1), P(positive) - P(negative) where the learned pass judged it,
    the rules' weighed cues elsewhere. The verdict is the likeliest of the three, so a neutral flag may lean (neutral at
    +0.40: nearer good news than a warning). Offsets are into the document's text as `watchdesk transcript parse`
    (statements joined by blank lines) or `watchdesk edgar text` shows it. Section is "prepared" or "qa" for calls, the
    item for filings ("1A Risk Factors"); speaker is set for calls that name their speakers. Filings are read by the
    filings' reading choices: in risk factors a neutral stock or supply mention is a warning; elsewhere stock is read by
    the accounts (provisions recorded: warning, releases of reserved stock: good news, accounting policy: neutral);
    table rows of figures, stock named as one account in a list, risk factors' group headings ("Risks Related to ...")
    and the subheadings of Business, MD&A, the financial statements' notes and 8-K or 6-K items ("Supply Chain",
    "Inventories", "Purchase Obligations"), headings over a table included, are not flags. "sure" is false where the
    learned second pass was unsure of the mention or its polarity (those are right less often: read them first), null
    where it did not judge it (other topics, an LLM's verdict). With WATCHDESK_MODEL set, an LLM reads each flag with
    the sentences around it and the question it answers, refines its polarity, drops it if it is off-topic, and adds
    candidates the offline pass left out when it finds them on topic; the offline verdict stays on any LLM failure.
    WATCHDESK_LLM_RECORD=DIR records every request and answer; WATCHDESK_MODEL=replay:DIR serves them back with no
    network. The model is reached only on its provider's own host or this machine; `flag` opens no store, so its
    requests leave no audit row: stderr says how many went to which host and how they ended.

    \b
    Example:
      watchdesk flag NVDA_2026_Q1.txt
      watchdesk flag nvda-20250126.htm --topics geopolitical,supply_chain
      watchdesk flag call.json --format json | jq -c 'select(.polarity=="negative")'
      watchdesk flag NVDA_2026_Q1.txt --llm-requests requests.jsonl
      watchdesk flag --text "Channel inventory is now healthy. Export controls cut our China sales."
      watchdesk flag --warm-cache         # once after an install: the first flag starts fast
    """
    if warm_cache:
        _warm(ctx.obj, given=path is not None or text is not None)
        return
    from watchdesk.agents.flagging.document import flag_document, relabelled
    from watchdesk.agents.flagging.topics import load_topics

    if llm_requests is not None and not llm_requests.parent.is_dir():  # said before any work, not as a crash after
        raise ConfigError(
            f"--llm-requests {llm_requests}: folder {llm_requests.parent} does not exist; create it "
            "first, or give another path"
        )
    if llm_requests is not None:
        writable_file(llm_requests, option="--llm-requests")
    library = load_topics(_topic_names(topics))  # unknown names -> ConfigError naming the known ones
    if text is not None and path is not None:
        raise click.UsageError(f"give a file ({path}) or --text, not both")
    document = _passage(text, fmt) if text is not None else _document(path, fmt)
    flags = flag_document(document, topics=library)
    settings = ctx.obj
    if llm_requests is not None:
        _write_requests(flags, library=library, document=document, out=llm_requests)
    elif settings.model and not no_llm:
        judged = _refined(flags, settings=settings, library=library, document=document)
        flags = relabelled(judged, document, drop=False)  # what the judge kept or added stays
    for item in flags:
        click.echo(inert_json(_row(item)))
    if not flags:  # stdout stays empty JSONL; say so where a person reads
        click.echo(f"no mention of {', '.join(t.name for t in library)} found", err=True)


def _warm(settings: Settings, *, given: bool) -> None:
    """--warm-cache: fill the compiled-pattern cache and say where, or why it could not be kept."""
    from watchdesk.agents.flagging.warm import warm

    if given:
        raise click.UsageError("--warm-cache flags nothing: give it no file and no --text")
    if settings.cache_dir is None:
        raise ConfigError("--warm-cache: no cache folder is set; set WATCHDESK_CACHE_DIR to a folder to keep it in")
    done = warm(settings.cache_dir / "flagging")
    if done.problem is not None:
        click.echo(f"warning: the compiled patterns could not be kept in {done.path.parent}: {done.problem}. watchdesk "
                   "works without them, but each command compiles them again (2 to 7 s of CPU); set "
                   "WATCHDESK_CACHE_DIR to a folder you can write", err=True)  # fmt: skip
        return
    click.echo(f"compiled patterns kept in {done.path} ({done.size / 2**20:.1f} MB)", err=True)


def _document(path: Path | None, fmt: str) -> Document:
    """The file at `path` as a transcript or filing; a file too short for a call names --text."""
    from watchdesk.agents.flagging.document import load_document
    from watchdesk.sources.errors import TooShortError

    if path is None:
        raise click.UsageError(f"give a file to flag ({_EXPECTED}), or --text 'a passage' to flag a few sentences")
    data = read_input(path, expected=_OR_TEXT)  # a sentence given as PATH: "no such file; give ... --text"
    try:
        return load_document(data, format=cast("Format", fmt), origin=input_name(path))
    except TooShortError as exc:
        raise TooShortError(f"{exc}; to flag a few sentences, pass them with --text (--text - reads stdin)") from exc


def _passage(text: str, fmt: str) -> Document:
    """--text as a document of one statement (no section, no speaker)."""
    from watchdesk.agents.flagging.document import Document
    from watchdesk.sources.text_bytes import check_text, to_utf8
    from watchdesk.sources.transcripts.text import decode

    if fmt != "auto":
        raise click.UsageError("--format applies to a file; --text is read as plain text")
    if text == "-":  # read as a text file is: UTF-16/32 by their byte-order mark, else UTF-8, else Windows-1252
        data = to_utf8(read_input("-", expected="text"), origin="<stdin>")
        check_text(data, origin="<stdin>", expected="text to flag")
        text = decode(data)
    if not text.strip():
        raise ConfigError("--text is empty; give the sentences to flag")
    return Document(kind="transcript", text=text)


def _row(item: Any) -> dict[str, Any]:
    return {name: getattr(item, name) for name in FIELDS}


def _write_requests(flags: list[Any], *, library: Any, document: Any, out: Path) -> None:
    from watchdesk.agents.flagging.llm_judge import plan
    from watchdesk.agents.flagging.llm_record import write_requests

    text = document.text
    extra = _candidates(document, library)
    planned, withheld = plan(flags, text=text, extra=extra)
    n = write_requests((p.request for p in planned), out)
    click.echo(
        f"wrote {n} LLM judge requests to {out} ({len(flags) - withheld} flags, {len(extra)} candidates; "
        f"{withheld} withheld as instruction-like); nothing was sent",
        err=True,
    )


def _candidates(document: Any, library: Any) -> list[Any]:
    """What the LLM judge is also asked about: the offline pass's unsure candidates, none on a heading."""
    from watchdesk.agents.flagging.flag import unsure_flags

    found = unsure_flags(document.text, topics=library, spans=document.sentences())
    return [f for f in found if not document.in_heading(f.start)]


def _refined(flags: list[Any], *, settings: Settings, library: Any, document: Any) -> list[Any]:
    """Flags re-judged by the configured LLM (or its replay); the offline flags when the model cannot be used."""
    from functools import partial

    from watchdesk.agents.flagging.llm_judge import chat_model, refine
    from watchdesk.agents.flagging.llm_record import REPLAY_PREFIX, asker_for
    from watchdesk.sources.llm_http import reached_said
    from watchdesk.sources.models import AuditEvent

    rows: list[AuditEvent] = []  # no store here: the requests are said on stderr, not audited
    try:
        ask = asker_for(settings.model or "", record=settings.llm_record, build=partial(chat_model, audit=rows.append))
    except ConfigError as exc:
        if (settings.model or "").startswith(REPLAY_PREFIX):
            raise  # a replay that cannot run must not quietly become an offline run
        click.echo(f"warning: LLM judge not used: {redact_text(str(exc))}; polarity is rule-based", err=True)
        return flags
    text = document.text
    extra = _candidates(document, library)
    result = refine(flags, ask=ask, text=text, extra=extra)
    requests = result.usage.get("llm_requests", 0)
    tokens = ", ".join(f"{k} {v}" for k, v in sorted(result.usage.items()) if k != "llm_requests") or "not reported"
    click.echo(
        f"LLM judge ({settings.model}): {len(flags) - result.fallbacks - result.withheld} of {len(flags)} flags "
        f"judged, {len(result.dropped)} dropped as off-topic, {len(result.added)} of {len(extra)} candidates added, "
        f"{result.fallbacks} fell back to the rules, {result.withheld} withheld as instruction-like; "
        f"{requests} requests answered, tokens {tokens}"
        + (f"; model requests: {sent}, no audit row (`flag` opens no store)" if (sent := reached_said(rows)) else "")
        # a model client's error may name its URL, and some providers take the key there (Google's ?key=)
        + (f"; {len(result.errors)} requests failed, the first: {redact_text(result.errors[0])}" if result.errors
           else ""),
        err=True,
    )
    return result.flags

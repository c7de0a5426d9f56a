"""`watchdesk sentiment`: sentence sentiment as a filter, JSONL in and JSONL out."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

import click

from watchdesk.graph.cli_input import said_when_typed
from watchdesk.graph.paths import device
from watchdesk.sources.errors import ConfigError, ParsingError
from watchdesk.sources.redact import printable

SHAPE = '{"id": ..., "text": "..."}'
LINE_CAP = 16 << 20  # bytes of one input line at most
BATCH = 2000  # lines scored together: the model is batched, and a bad line stops the run early


@click.command()
@click.argument("texts", nargs=-1, metavar="[TEXT]...")
@click.option(
    "--input",
    "source",
    type=click.File("rb"),
    default="-",
    show_default="stdin",
    help='JSONL file, one {"id": ..., "text": ...} a line.',
)
@click.pass_context
def sentiment(ctx: click.Context, texts: tuple[str, ...], source: IO[bytes]) -> None:
    """Score sentences: positive / negative / neutral with a score in [-1, 1].

    Sentences given as arguments are scored in order, with ids 1, 2, ...; without them (or with "-")
    it reads JSONL lines {"id": ..., "text": ...} and writes one line per input line:
    {"id": ..., "label": "positive"|"negative"|"neutral", "score": float}. The score is
    P(positive) - P(negative) from the default offline model; blank lines are skipped, and a line whose
    "text" is empty or blank is neutral, 0.0 (an empty argument is refused: it is a typing slip).
    A line that is not a JSON object with a string "text" (or holds NaN or Infinity) stops the run
    with its file and line number.

    \b
    Example:
      echo '{"id": 1, "text": "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn."}' | watchdesk sentiment
      watchdesk sentiment --input sentences.jsonl > scored.jsonl
      watchdesk sentiment "Revenue grew 20% on record demand." "Margins fell as freight costs rose."
    """
    from watchdesk.agents.flagging.sentiment import score

    if texts == ("-",):  # stdin, as `transcript parse -` and `flag --text -` read it, not the sentence "-"
        texts = ()
    if texts and ctx.get_parameter_source("source") is not click.core.ParameterSource.DEFAULT:
        raise click.UsageError("give sentences as arguments or --input, not both")
    blank = next((n for n, text in enumerate(texts, start=1) if not text.strip()), None)
    if blank is not None:
        raise click.UsageError(f"sentence {blank} is empty; give the sentences to score")
    if not texts and (why := device(Path(str(getattr(source, "name", "-"))))):  # "/dev/zero": read forever
        raise ConfigError(f"--input: {why}: give a JSONL file")
    named = getattr(source, "name", "-") not in ("-", "<stdin>") and not texts
    if not texts and not named:
        said_when_typed('JSONL lines {"id": ..., "text": ...}', instead="; or give the sentences as arguments")
    rows = iter(enumerate(texts, start=1)) if texts else _rows(source, said=f"{source.name} " if named else "")
    scored = 0
    while batch := list(islice(rows, BATCH)):
        results = score([text for _, text in batch])
        click.echo("".join(_line(row[0], *result) for row, result in zip(batch, results, strict=True)), nl=False)
        scored += len(batch)
    if not scored and named:  # a named file with nothing in it is bad input, as for every command; a pipe may be empty
        raise ParsingError(f"{source.name}: no sentences in it (empty, or blank lines only); expected JSONL {SHAPE}")


def _rows(source: IO[bytes], *, said: str) -> Iterator[tuple[Any, str]]:
    """(id, text) per non-blank line; ParsingError naming the line (after `said`, the file) when one is malformed."""
    for number, raw in enumerate(iter(lambda: source.readline(LINE_CAP + 1), b""), start=1):
        where = f"{said}line {number}"
        if len(raw) > LINE_CAP:  # `< /dev/zero`: one endless line, said rather than read until memory runs out
            raise ParsingError(f"{where} is longer than {LINE_CAP >> 20} MB, which no sentence is: give JSONL, one "
                               f"{SHAPE} a line")
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise ParsingError(f"{where}: not UTF-8 text (byte {exc.start}); expected JSONL {SHAPE}") from exc
        if not line.strip():
            continue
        try:
            row = json.loads(line, parse_constant=_no_constant, parse_float=_finite)
        except json.JSONDecodeError as exc:
            raise ParsingError(f"{where}: not valid JSON ({exc.msg}); expected {SHAPE}") from exc
        except ValueError as exc:  # NaN, Infinity, 1e999: json reads them, but no JSON reader takes them written back
            raise ParsingError(f"{where}: {exc}; expected {SHAPE}") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            got = printable(line.strip()[:80])
            raise ParsingError(f'{where}: expected a JSON object with a string "text", got {got}')
        yield row.get("id"), row["text"]


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    if math.isfinite(value := float(text)):
        return value
    raise ValueError(f"{text} is not a number JSON can write back")


def _line(row_id: Any, label: str, value: float) -> str:
    return json.dumps({"id": row_id, "label": label, "score": value}, ensure_ascii=False) + "\n"

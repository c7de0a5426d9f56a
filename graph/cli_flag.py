"""`watchdesk flag PATH`: the flagging agent's core, usable alone, JSONL on stdout."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from watchdesk.graph.cli_input import INPUT_FORMATS, read_input
from watchdesk.sources.errors import ConfigError

if TYPE_CHECKING:
    from watchdesk.sources.transcripts import Format


_EXPECTED = "a transcript (.html .txt .json .pdf) or an SEC filing"

DEFAULT_TOPICS = "inventory,supply_chain,geopolitical"
FIELDS = ("topic", "polarity", "score", "sentence", "start", "end", "section", "speaker")


def _topic_names(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    if not names:
        raise ConfigError("--topics is empty; give topic names such as inventory,supply_chain,geopolitical")
    return names


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
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
@click.pass_context
def flag(ctx: click.Context, path: Path, topics: str, fmt: str, no_llm: bool) -> None:
    """Flag topic mentions in a transcript or SEC filing: JSONL, one flag per line.

    Each line: {"topic", "polarity": "positive"|"negative"|"neutral", "score" in [-1, 1],
    "sentence", "start", "end", "section", "speaker"}. Offsets are into the document's text as
    `watchdesk transcript parse` (statements joined by blank lines) or `watchdesk edgar text`
    shows it. Section is "prepared" or "qa" for calls, the item for filings ("1A Risk Factors");
    speaker is set for calls that name their speakers. With WATCHDESK_MODEL set, an LLM reads
    each flag with the sentences around it, refines its polarity and drops it if it is off-topic; the
    rule-based verdict stays on any LLM failure.

    \b
    Example:
      watchdesk flag NVDA_2026_Q1.txt
      watchdesk flag nvda-20250126.htm --topics geopolitical,supply_chain
      watchdesk flag call.json --format json | jq -c 'select(.polarity=="negative")'
    """
    from watchdesk.agents.flagging.document import flag_document, load_document
    from watchdesk.agents.flagging.topics import load_topics

    library = load_topics(_topic_names(topics))  # unknown names -> ConfigError naming the known ones
    document = load_document(read_input(path, expected=_EXPECTED), format=cast("Format", fmt), origin=str(path))
    flags = flag_document(document, topics=library)
    model = getattr(ctx.obj, "model", None)
    if model and not no_llm and flags:
        flags = _refined(flags, model=model, text=document.text)
    for item in flags:
        click.echo(json.dumps(_row(item), ensure_ascii=False))


def _row(item: Any) -> dict[str, Any]:
    return {name: getattr(item, name) for name in FIELDS}


def _refined(flags: list[Any], *, model: str, text: str) -> list[Any]:
    """Polarity refined by the configured LLM, flags it finds off-topic dropped; the rule-based flags when the
    model cannot be used."""
    from watchdesk.agents.flagging.llm_judge import chat_model, refine

    try:
        llm = chat_model(model)
    except ConfigError as exc:
        click.echo(f"warning: LLM judge not used: {exc}; polarity is rule-based", err=True)
        return flags
    result = refine(flags, model=llm, text=text)
    tokens = ", ".join(f"{k} {v}" for k, v in sorted(result.usage.items())) or "not reported"
    click.echo(
        f"LLM judge ({model}): {len(flags) - result.fallbacks - result.withheld} of {len(flags)} flags judged, "
        f"{len(result.dropped)} dropped as off-topic, {result.fallbacks} fell back to the rules, "
        f"{result.withheld} withheld as instruction-like; tokens {tokens}",
        err=True,
    )
    return result.flags

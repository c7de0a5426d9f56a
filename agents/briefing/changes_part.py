"""The briefing's "What changed in filings" part: new and removed risk factors first (cited to both
documents), then the biggest rewordings, then what changed risk factors gained and the sentences they no longer say
(watched topics first; a removed sentence cited to the older filing), then MD&A sentences added and removed on
watched topics, then each section's similarity against the company's own history. Pure rendering of rows from
`store.changes`.

Every quote is a stored heading or sentence; `gather` checks each against the stored text of both documents
(as the findings' quotes are checked) before anything is rendered.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from watchdesk.agents.briefing.text import topic_label
from watchdesk.agents.filing_changes import chars_changed
from watchdesk.sources.errors import StoreError
from watchdesk.sources.filing_notes import REFERS_BACK
from watchdesk.store import changes as stored_changes
from watchdesk.store.store import Store
from watchdesk.store.uncompared import REMOVALS_SINCE, comparisons_not_made

if TYPE_CHECKING:
    from watchdesk.agents.briefing.agent import BriefingRequest
    from watchdesk.agents.briefing.render import RenderContext, Section

TOP_REWORDED = 5
TOP_ADDED = 5
_KIND_ORDER = {"new": 0, "removed": 1}
_GAINED = ("added", "inserted")  # text a changed risk factor gained (rows of item 1A)
_LOST = ("dropped", "deleted")  # a sentence (or words of one) a changed factor (item 1A) or the MD&A no longer says
_PAIRED = ("rewritten", "moved")  # a sentence rewritten, or moved between risk factors and MD&A: quoted from both


def changes_part(
    changes: Sequence[dict[str, Any]], history: Sequence[dict[str, Any]], *, not_compared: Sequence[str] = ()
) -> str:
    """Markdown body of the part; says so plainly when no filing of the period was compared, and names the period's
    filings that were not, with why (`not_compared`: store.uncompared.comparisons_not_made), so a comparison not made
    does not read as a filing that changed nothing."""
    lines: list[str] = []
    pairs = _by_pair(changes)
    if not pairs:  # the history below is earlier filings': say first that none of this period's changed
        lines.append(
            "No new 10-K, 10-Q or 20-F in this period was compared with an earlier one."
            + (" The table is the companies' earlier comparisons, for reference." if history else "")
        )
        if not history and not not_compared:
            return "\n".join(lines)
        lines.append("")
    for rows in pairs.values():
        lines += _pair_lines(rows)
    if not_compared:
        lines += ["Not compared:", ""] + [f"- {_md(line)}" for line in not_compared[:TOP_ADDED]]
        if (left := len(not_compared) - TOP_ADDED) > 0:
            lines.append(f"- … and {left} more (`watchdesk changes` lists them)")
        lines.append("")
    if history:
        lines += _history_lines(history)
    return "\n".join(lines).rstrip()


def _by_pair(changes: Sequence[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in changes:
        pairs.setdefault((row["old_doc_id"], row["new_doc_id"]), []).append(row)
    return pairs


def _pair_lines(rows: list[dict[str, Any]]) -> list[str]:
    first = rows[0]
    old, new = _doc(first, "old"), _doc(first, "new")
    lines = [f"### {_md(first['ticker'] or '')}: {new} compared with {old}", ""]
    factors = [r for r in rows if r["item"] == "1A" and r["kind"] not in (*_GAINED, *_LOST, *_PAIRED)]
    marked = sorted((r for r in factors if r["kind"] in _KIND_ORDER), key=lambda r: (_KIND_ORDER[r["kind"]], r["seq"]))
    lines += [_marked_line(r) for r in marked] or ["- No risk factor is new or removed."]
    reworded = sorted((r for r in factors if r["kind"] not in _KIND_ORDER), key=lambda r: (-_changed(r), r["seq"]))
    if reworded:
        lines += [
            "",
            f"Biggest rewordings ({len(reworded)} risk factors changed wording; most characters changed first):",
            "",
        ]
        lines += [_reworded_line(r) for r in reworded[:TOP_REWORDED]] + _more(len(reworded) - TOP_REWORDED, first)
    lines += _gained_lines([r for r in rows if r["item"] == "1A" and r["kind"] in _GAINED], reworded)
    lines += _lost_lines([r for r in rows if r["item"] == "1A" and r["kind"] in _LOST], reworded)
    if (first.get("compare_version") or REMOVALS_SINCE) < REMOVALS_SINCE:  # no row would read as nothing removed
        lines += ["", "Sentences no longer said: not looked for (an older watchdesk compared these filings; a run "
                  "compares each company's newest 10-K, 10-Q or 20-F again)."]  # fmt: skip
    for kinds, said, side in ((_GAINED, "added", "new"), (_LOST, "removed", "old")):
        mdna = [r for r in rows if r["item"] != "1A" and r["kind"] in kinds and r["topics"]]
        if mdna:
            lines += ["", f"MD&A {_what_was(mdna, said)} that mention watched topics ({len(mdna)}):", ""]
            lines += [_added_line(r, side) for r in mdna[:TOP_ADDED]] + _more(len(mdna) - TOP_ADDED, first, said)
    return [*lines, *_paired_lines([r for r in rows if r["kind"] in _PAIRED and r["topics"]]), ""]


def _what_was(rows: list[dict[str, Any]], said: str) -> str:
    """What the rows of an MD&A list are: sentences added (or removed), or, where some are words put into a sentence,
    both, counted apart ("sentences added (18) and words inserted into sentences (2)")."""
    words = sum(r["kind"] == "inserted" for r in rows)
    if not words:
        return f"sentences {said}"
    return f"sentences {said} ({len(rows) - words}) and words inserted into sentences ({words})"


def _paired_lines(paired: list[dict[str, Any]]) -> list[str]:
    """Sentences rewritten beyond a light rewording (the newer text, then what it was) and sentences moved between
    risk factors and MD&A (where they went), on watched topics, risk factors first; each quoted from both filings."""
    if not paired:
        return []
    paired = sorted(paired, key=lambda r: (r["item"] != "1A", r["seq"]))
    title = f"Sentences rewritten, or moved between risk factors and MD&A, that mention watched topics ({len(paired)}):"
    shown = [_paired_line(r) for r in paired[:TOP_ADDED]]
    return ["", title, "", *shown, *_more(len(paired) - TOP_ADDED, paired[0], "changed")]


def _paired_line(r: dict[str, Any]) -> str:
    where = _SECTIONS.get(r["item"], "MD&A") + _under(r.get("under_heading"))
    if r["kind"] == "moved":
        to = _SECTIONS.get(r.get("moved_to") or "", "the other section") + _under(r.get("moved_to_heading"))
        return (f"- moved from {where} to {to}: “{_md(r['old_heading'])}” {_cite(r, 'old')}; now "
                f"“{_md(r['new_heading'])}” {_cite(r, 'new')}{_topics(r)}")
    return (f"- rewritten in {where}: “{_md(r['new_heading'])}” {_cite(r, 'new')}; was “{_md(r['old_heading'])}” "
            f"{_cite(r, 'old')}{_topics(r)}")


_SECTIONS = {"1A": "risk factors", "7": "MD&A"}


def _under(heading: str | None) -> str:
    """Where in a section a sentence sits: " (under “Demand and Supply”)", or nothing for a row that does not say."""
    return f" (under “{_md(heading)}”)" if heading else ""


def _gained_lines(gained: list[dict[str, Any]], factors: list[dict[str, Any]]) -> list[str]:
    """Text changed factors gained: on watched topics first, then one factor at a time, most changed first, and
    within a factor the strongest-toned (sentence sentiment's |score|) first."""
    if not gained:
        return []
    heading = {r["old_start"]: r["new_heading"] for r in factors}  # a gain's old side is its factor's old heading
    ranked = _ranked(gained, factors, side="old")
    on_topics = sum(bool(r["topics"]) for r in gained)
    title = (
        f"Sentences added to changed risk factors ({len(gained)}, {on_topics} on watched topics; those first, "
        "one factor at a time, most changed first, the strongest-toned first within a factor):"
    )
    shown = [_gained_line(r, heading.get(r["old_start"]) or r["old_heading"]) for r in ranked[:TOP_ADDED]]
    return ["", title, "", *shown, *_more(len(ranked) - TOP_ADDED, gained[0], "added")]


def _lost_lines(lost: list[dict[str, Any]], factors: list[dict[str, Any]]) -> list[str]:
    """Sentences changed factors no longer say, ranked as their gains are, each cited to the older filing that said
    it (a dropped risk can be good news, a dropped reassurance a warning)."""
    if not lost:
        return []
    ranked = _ranked(lost, factors, side="new")
    on_topics = sum(bool(r["topics"]) for r in lost)
    title = (
        f"Sentences changed risk factors no longer say ({len(lost)}, {on_topics} on watched topics; those first, "
        "ranked as the sentences added; reworded, moved or figures-only sentences are not counted):"
    )
    shown = [_lost_line(r) for r in ranked[:TOP_ADDED]]
    return ["", title, "", *shown, *_more(len(ranked) - TOP_ADDED, lost[0], "removed")]


def _ranked(rows: list[dict[str, Any]], factors: list[dict[str, Any]], *, side: str) -> list[dict[str, Any]]:
    """Sentences of changed factors on watched topics first, then one factor at a time, most changed first, and
    within a factor the strongest-toned (sentence sentiment's |score|) first. `side`: the side of a row that holds
    its factor's heading ("old" for a gain, "new" for a loss), which the factor's own row shares."""
    from watchdesk.agents.flagging.sentiment import score

    start = f"{side}_start"
    rank = {r[start]: i for i, r in enumerate(factors)}
    # within a factor, the strongest-toned first: "would negatively impact our results" before "we have received
    # requests for information", which comes first in the text
    quoted = "old_heading" if side == "new" else "new_heading"
    tone = [abs(t) for _, t in score([r[quoted] for r in rows])]
    turn: dict[tuple[Any, bool], int] = {}
    keyed = []
    for _, r in sorted(zip(tone, rows, strict=True), key=lambda x: (-x[0], x[1]["seq"])):
        place = (r[start], bool(r["topics"]))
        turn[place] = turn.get(place, -1) + 1
        keyed.append(((not r["topics"], turn[place], rank.get(r[start], len(rank)), r["seq"]), r))
    return [r for _, r in sorted(keyed, key=lambda x: x[0])]


def _lost_line(r: dict[str, Any]) -> str:
    words = "words deleted from a sentence: " if r["kind"] == "deleted" else ""
    return (
        f"- {words}“{_md(r['old_heading'])}” {_cite(r, 'old')}, not in {_doc(r, 'new')} · from "
        f"“{_md(r['new_heading'])}”{_topics(r)}"
    )


def _gained_line(r: dict[str, Any], heading: str) -> str:
    words = "words inserted into a sentence: " if r["kind"] == "inserted" else ""
    return f"- {words}“{_md(r['new_heading'])}” {_cite(r, 'new')} · in “{_md(heading)}”{_topics(r)}"


def _changed(r: dict[str, Any]) -> float:
    """About how many characters a reworded factor changed, as `edgar diff` ranks them."""
    return chars_changed(r["old_chars"] or 0, r["new_chars"] or 0, r["similarity"] or 0.0)


def _more(hidden: int, r: dict[str, Any], change: str = "") -> list[str]:
    """"… and 16 more", with the command that lists every change of the newer filing (r: one of its rows), or those
    of one kind (`change`: "removed", "added" as `watchdesk changes --change` takes it)."""
    day = _day(r["new_filed_at"])
    command = f"watchdesk changes --ticker {r['ticker']} --since {day} --until {day}"
    command += f" --change {change}" if change else ""
    return [f"- … and {hidden} more (`{command}` lists them all)"] if hidden > 0 else []


def _marked_line(r: dict[str, Any]) -> str:
    if r["kind"] == "new":
        where = f"in {_cite(r, 'new')}, not in {_doc(r, 'old')}"
        heading = r["new_heading"]
    else:
        where = f"in {_cite(r, 'old')}, not in {_doc(r, 'new')}"
        heading = r["old_heading"]
    group = f" ({_md(r['risk_group'])})" if r["risk_group"] else ""
    return f"- **{r['kind']}** risk factor{group}: “{_md(heading)}” — {where}{_topics(r)}"


def _reworded_line(r: dict[str, Any]) -> str:
    size = f"{r['old_chars']:,} → {r['new_chars']:,} characters"
    same = r["old_heading"] == r["new_heading"]
    was = "" if same else f"; was “{_md(r['old_heading'])}” {_cite(r, 'old')}"
    return (
        f"- **{r['kind']}** (similarity {r['similarity']:.3f}, {size}): “{_md(r['new_heading'])}” "
        f"{_cite(r, 'new')}{was}{_topics(r)}"
    )


def _added_line(r: dict[str, Any], side: str = "new") -> str:
    """An MD&A sentence added (`side` "new"), or removed ("old": cited to the older filing that said it)."""
    under = _under(r.get("under_heading"))
    if r["kind"] == "inserted":  # words put into a sentence lightly reworded
        return f"- words inserted into a sentence: “{_md(r['new_heading'])}”{under} {_cite(r, 'new')}{_topics(r)}"
    if side == "old":
        return f"- “{_md(r['old_heading'])}”{under} {_cite(r, 'old')}, not in {_doc(r, 'new')}{_topics(r)}"
    return f"- “{_md(r['new_heading'])}”{under} {_cite(r, 'new')}{_topics(r)}"


def _history_lines(history: Sequence[dict[str, Any]]) -> list[str]:
    lines = [
        "Similarity against the company's own history (1.0 = same words; Lazy Prices: cosine on word counts, "
        "Jaccard on word sets):",
        "",
        "| Ticker | Form | Filed | Compared with | Section | Cosine | Jaccard | Risk factors (before → now) |",
        "|---|---|---|---|---|---:|---:|---|",
    ]
    for h in history:
        counts = f"{h['n_old']} → {h['n_new']}" if h["n_new"] is not None else "—"
        section = "Risk factors" if h["item"] == "1A" else "MD&A"
        cosine, jaccard = f"{h['similarity']:.3f}", f"{h['jaccard']:.3f}"
        if (h.get("note") or "").startswith(REFERS_BACK):  # a cross-reference set against a list: no number
            cosine, jaccard, counts = "—", "—", f"none listed: {_md(h['note'].split(': ', 1)[-1])}"
        lines.append(
            f"| {_md(h['ticker'] or '')} | {_md(h['form'] or '')} | {_day(h['new_filed_at'])} | "
            f"{_day(h['old_filed_at'])} | {section} | {cosine} | {jaccard} | {counts} |"
        )
    return lines


def _doc(r: dict[str, Any], side: str) -> str:
    return _md(f"{r[f'{side}_form'] or 'filing'} filed {_day(r[f'{side}_filed_at'])}")


def _cite(r: dict[str, Any], side: str) -> str:
    """[10-K filed DATE](url), document id and the quote's characters in the stored text."""
    from watchdesk.agents.briefing.render import URL  # render imports this module

    span, url = f"{r[f'{side}_start']}–{r[f'{side}_end']}", r[f"{side}_url"] or ""
    # the URL is built from SEC's primaryDocument, fetched text: only a plain http(s) address is a link, in angle
    # brackets so a ")" in it cannot end the link early
    cited = f"[{_doc(r, side)}](<{url}>)" if URL.match(url) else f"{_doc(r, side)} {_md(url or 'no address recorded')}"
    return f"{cited} (document `{r[f'{side}_doc_id']}`, characters {span})"


def _topics(r: dict[str, Any]) -> str:
    return f" · topics: {', '.join(topic_label(t) for t in r['topics'])}" if r["topics"] else ""


def _day(value: date | None) -> str:
    return value.isoformat() if value else "undated"


def _md(text: str) -> str:
    from watchdesk.agents.briefing.render import escape_markdown  # render imports this module

    return escape_markdown(text)


def gather(store: Store, req: BriefingRequest, days: str | None = None) -> dict[str, list[Any]]:
    """The period's filing changes (every quote checked against the stored text), the similarity history, and the
    period's filings not compared, with why."""
    rows = stored_changes.period_changes(store, tickers=req.tickers, start=req.period.start, end=req.period.end,
                                         days=days)
    if bad := stored_changes.change_quote_mismatches(store, rows):
        raise StoreError(f"citation check failed for filing changes {bad}: quote differs from stored text")
    history = stored_changes.similarity_history(store, tickers=req.tickers, until=req.period.end)
    missed = comparisons_not_made(store, tickers=req.tickers, start=req.period.start, end=req.period.end)
    return {"changes": rows, "history": history, "not_compared": missed}


def filing_changes_part(ctx: RenderContext) -> Section:
    """The "What changed in filings" section."""
    from watchdesk.agents.briefing.render import Section

    found = cast("dict[str, list[Any]]", ctx.data.extras.get("changes") or {})
    body = changes_part(found.get("changes", []), found.get("history", []), not_compared=found.get("not_compared", []))
    return Section(key="changes", title="What changed in filings", body=body)

"""A finding's citation, as a reader has it from a briefing, `watchdesk findings` or `watchdesk evidence`: the
finding it names, and the citation that names one finding in a store."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from watchdesk.sources.errors import ConfigError
from watchdesk.store.queries import DOC_KIND, EVENT_DATE
from watchdesk.store.store import Store

CITED = 8  # characters of a finding_id a citation gives at the least, as a briefing cites it (agents/briefing/text.py)


def whole_id(store: Store, given: str, db: Path | str) -> str:
    """A finding_id from what a reader has: the whole id, or a briefing's citation ("F-bb889b74", "[F-bb889b74]",
    "bb889b74"), which starts it; a start shared by several findings is refused with them named."""
    said = given.strip().strip("[]").strip()
    said = (said[2:] if said[:2] in ("F-", "f-") else said).lower()
    if not said or any(c not in "0123456789abcdef" for c in said):
        raise ConfigError(f"{given!r} is not a finding's id or citation: give one as a briefing cites it, "
                          "e.g. F-bb889b74")  # fmt: skip
    if len(said) < 6:
        raise ConfigError(f"{given!r} is too short to name one finding: give the citation's 8 characters, "
                          "e.g. F-bb889b74")  # fmt: skip
    sql = f"""
        SELECT f.finding_id, f.ticker, coalesce(d.doc_type, d.form, {DOC_KIND}), {EVENT_DATE}, f.sentence
        FROM findings f JOIN documents d USING (doc_id) WHERE starts_with(f.finding_id, ?) ORDER BY 1 LIMIT 4
    """
    found = store.query(sql, [said])
    if not found:
        raise ConfigError(f"no finding {given} in {db}: take a citation from a briefing of this database, or a "
                          "finding_id from `watchdesk findings`")  # fmt: skip
    if len(found) > 1:
        cited = citations(store, [r[0] for r in found])
        named = ", ".join(f"{cited[i]} ({ticker} {doc}, {day}: “{_start(text)}”)" for i, ticker, doc, day, text
                          in found[:3])  # fmt: skip
        many = "more than 3 findings" if len(found) > 3 else f"{len(found)} findings"
        raise ConfigError(f"{given} starts {many} in {db}: {named}; give the citation of the one you mean")
    return str(found[0][0])


def _start(sentence: str, words: int = 8) -> str:
    said = sentence.split()
    return " ".join(said[:words]) + (" …" if len(said) > words else "")


def citations(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """Each finding's citation: "F-" and the shortest start of its finding_id, CITED characters or more, that no
    other finding in the store shares (every flagging's findings stay stored), so `evidence` takes it back. Two ids
    sharing CITED characters are unlikely below ~10,000 findings and likely by ~100,000."""
    sql = f"WITH {citing(store)} SELECT finding_id, citation FROM cited WHERE finding_id IN (SELECT unnest(?))"
    return dict(store.query(sql, [list(ids)]))


def citing(store: Store) -> str:
    """The SQL of a `cited` table (finding_id, citation) of every stored finding, for a WITH clause: the longest start
    an id shares with another is the one it shares with a neighbour in sorted order, so each id is compared with the
    one before it alone, in DuckDB (each id compared with all others sharing its start never ended where one id
    starts another, as the briefing benchmark's ID~1 starts ID~10; in Python the neighbours took 10 s on a million
    findings). An id's characters shared with the one before it are found by halving (`left` compared at 16, 8, 4,
    2, 1 more characters), as many steps as the longest id needs."""
    longest = store.query("SELECT coalesce(max(length(finding_id)), 0) FROM findings")[0][0]
    shared = "SELECT finding_id, lag(finding_id) OVER (ORDER BY finding_id) AS before, 0 AS shared FROM findings"
    for step in (1 << k for k in reversed(range(max(longest, 1).bit_length()))):  # they add up to `longest` or more
        # a query a step: a step naming the last one's column in the same SELECT copies its expression, 3 times a step
        same = f"starts_with(before, left(finding_id, shared + {step}))"  # a fourth faster than left() = left()
        shared = (
            f"SELECT finding_id, before, CASE WHEN {same} THEN shared + {step} ELSE shared END AS shared "
            f"FROM ({shared})"
        )
    # one character more than it shares with either neighbour
    longer = f"greatest({CITED}, shared + 1, lead(shared) OVER (ORDER BY finding_id) + 1)"
    return f"cited AS (SELECT finding_id, 'F-' || left(finding_id, {longer}) AS citation FROM ({shared}))"

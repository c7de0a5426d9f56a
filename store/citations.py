"""A finding's citation, as a reader has it from a briefing, `watchdesk findings` or `watchdesk evidence`: the
finding it names, and the citation that names one finding in a store."""

from __future__ import annotations

from bisect import bisect_left
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
    sql = ("SELECT DISTINCT finding_id FROM findings QUALIFY count(*) OVER (PARTITION BY left(finding_id, ?)) > 1 "
           "ORDER BY finding_id")
    return shortest_starts(ids, [other for (other,) in store.query(sql, [CITED])])


def shortest_starts(ids: Sequence[str], sharing: Sequence[str]) -> dict[str, str]:
    """Each id's citation among the store's ids that share their first CITED characters with another (`sharing`,
    sorted)."""
    shared: dict[str, list[str]] = {}
    for other in sharing:
        shared.setdefault(other[:CITED], []).append(other)
    cited = {}
    for finding_id in ids:
        # the ids sharing its start, sorted: the longest start it shares with another is with a neighbour in that
        # order (each id compared with all others took minutes where thousands share a start)
        group = shared.get(finding_id[:CITED], [])
        at = bisect_left(group, finding_id)
        neighbours = [o for o in (group[at - 1] if at else None, *group[at : at + 2]) if o and o != finding_id]
        length = max([CITED - 1, *(_common(finding_id, o) for o in neighbours)]) + 1
        cited[finding_id] = f"F-{finding_id[:length]}"
    return cited


def _common(a: str, b: str) -> int:
    """How many first characters `a` and `b` share."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))

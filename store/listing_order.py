"""The order of explore.findings' rows, made from the fetched columns in Python instead of by the query's ORDER BY:
the newest document first (its event date), then by ticker and document, the strongest score first, then by place,
topic and finding_id, NULLs last in each (listing._ORDER, DuckDB's order: strings by code point, a NaN score above
any other). On the briefing benchmark's 880,000 rows, DuckDB sorting every column of the listing took 1.5 to 2 s of
CPU more than not sorting it, and fetching its sorted result 1 s more; these keys are ordered in about 0.5 s with
numpy (with the notebooks and the dev tools), in Python's sort without it. A document's date and kind are ranked
once a document, a ticker's and topic's once a name; rows alike in every key but their finding_id (none on the
benchmark's store) are put in finding_id's order afterwards.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

LONG = 20_000  # rows ordered with numpy where it is installed; fewer are sorted in Python


def order(docs: Mapping[int, Sequence[Any]], found: Sequence[Sequence[Any]]) -> list[int]:
    """The positions of a listing's rows in listing._ORDER. `docs`: each document's row number with its event date
    and kind (listing._DOCUMENTS); `found`: the listing's columns, the document's row number, ticker, topic, score,
    start and finding_id first (listing._KEYS)."""
    rows, tickers, topics, scores, starts, ids = found
    day = _ranks({r: d[0] for r, d in docs.items()}, newest=True)
    kind = _ranks({r: d[1] for r, d in docs.items()})
    ticker, topic = _codes(tickers), _codes(topics)
    if len(ids) >= LONG:
        try:
            import numpy
        except ImportError:
            pass
        else:
            return _by_numpy(numpy, (day, ticker, kind, topic), found)
    keys = [(day[r], ticker[t], kind[r], *_strongest(s), start, topic[p], i)
            for r, t, s, start, p, i in zip(rows, tickers, scores, starts, topics, ids, strict=True)]  # fmt: skip
    return sorted(range(len(keys)), key=keys.__getitem__)


def _ranks(values: Mapping[int, Any], *, newest: bool = False) -> dict[int, int]:
    """Each key's value as its rank among the values (the highest first where `newest`), None after them all."""
    ranked = {v: k for k, v in enumerate(sorted({v for v in values.values() if v is not None}, reverse=newest))}
    return {key: ranked.get(v, len(ranked)) if v is not None else len(ranked) for key, v in values.items()}


def _codes(values: Sequence[Hashable]) -> dict[Any, int]:
    """Each distinct value's rank in DuckDB's order of strings (code points, as Python's), None last."""
    named = sorted(v for v in set(values) if v is not None)  # type: ignore[type-var]
    return {**{v: k for k, v in enumerate(named)}, None: len(named)}


def _strongest(score: float) -> tuple[int, float]:
    """abs(score) DESC as an ascending key: a NaN first (DuckDB's NaN is above any number)."""
    return (1, -abs(score)) if score == score else (0, 0.0)


def _by_numpy(np: Any, ranks: tuple[dict[Any, int], ...], found: Sequence[Sequence[Any]]) -> list[int]:
    """order() with numpy: the document's date, the ticker and the document's kind as one number, the score, and the
    place and topic as one number, sorted together (np.lexsort), then rows alike in all of them by finding_id."""
    day, ticker, kind, topic = ranks
    rows, tickers, topics, scores, starts, ids = found
    by_row = np.zeros((2, max(day, default=0) + 1), dtype=np.int64)  # a document's date and kind, by its row number
    for r in day:
        by_row[:, r] = day[r], kind[r]
    doc = by_row[:, np.asarray(rows, dtype=np.int64)]
    codes = np.asarray(list(map(ticker.__getitem__, tickers)), dtype=np.int64)
    first = (doc[0] * len(ticker) + codes) * (max(kind.values(), default=0) + 1) + doc[1]
    place = np.asarray(starts, dtype=np.int64) * len(topic) + np.asarray(list(map(topic.__getitem__, topics)))
    score = np.asarray(scores, dtype=float)
    nan = np.isnan(score)
    keys = [place, np.where(nan, 0.0, -np.abs(score)), *([~nan] if nan.any() else []), first]
    perm = np.lexsort(keys)  # the last key first
    alike = np.ones(max(len(perm) - 1, 0), dtype=bool)
    for key in keys:
        ordered = key[perm]
        alike &= ordered[1:] == ordered[:-1]
    positions: list[int] = perm.tolist()
    for at in np.flatnonzero(alike & ~np.concatenate(([False], alike[:-1]))).tolist():  # each run of rows alike
        end = at + 1
        while end < len(alike) and alike[end]:
            end += 1
        positions[at : end + 1] = sorted(positions[at : end + 1], key=ids.__getitem__)
    return positions

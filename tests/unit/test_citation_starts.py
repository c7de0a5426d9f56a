"""A citation is the shortest start of a finding_id no other stored finding shares. Found by comparing each id with
every id sharing its first 8 characters, `explore.findings` never ended on the briefing benchmark's million findings,
whose copies keep their original's id and add "~k"; compared in Python with its sorted neighbours, it took 10 s there.
Now DuckDB compares each id with the one before it in sorted order (store/citations.citing), giving the same
citations."""

from __future__ import annotations

import random
import time

import duckdb

from watchdesk.store.citations import CITED, citations
from watchdesk.store.store import Store


def _naive(ids: list[str]) -> dict[str, str]:
    """What citations() did first: each id against every other of its start, lengthened until none shares it."""
    cited = {}
    for finding_id in ids:
        length = CITED
        while length <= len(finding_id) and any(o != finding_id and o.startswith(finding_id[:length]) for o in ids):
            length += 1
        cited[finding_id] = f"F-{finding_id[:length]}"
    return cited


def _store(ids: list[str]) -> Store:
    con = duckdb.connect()
    con.execute("CREATE TABLE findings (finding_id VARCHAR PRIMARY KEY)")
    con.executemany("INSERT INTO findings VALUES (?)", [[i] for i in ids])
    return Store(con)


def test_the_starts_are_those_of_every_comparison() -> None:
    rng = random.Random(7)
    ids = ["".join(rng.choice("0123456789abcdef") for _ in range(16)) for _ in range(300)]
    ids += [ids[0][:11] + "".join(rng.choice("0123456789abcdef") for _ in range(5)) for _ in range(50)]
    ids += [ids[2][:8] + ids[3][8:], ids[4][:15] + "0", ids[4][:15] + "1", ids[5][:12], ids[5] + "é", "é" + ids[6]]
    ids = sorted(set(ids))
    assert citations(_store(ids), ids) == _naive(ids)
    assert citations(_store(ids), ids[:3]) == {i: _naive(ids)[i] for i in ids[:3]}  # those asked for


def test_thousands_sharing_a_start_take_no_time() -> None:
    """The benchmark's copies ("~k" after the original's id) even nest: "…~1" starts "…~10", and the comparison with
    every other never ended. A nested id is cited whole."""
    ids = sorted(["0123456789abcdef"] + [f"0123456789abcdef~{k}" for k in range(5000)])
    store = _store(ids)
    started = time.process_time()
    cited = citations(store, ids)
    assert time.process_time() - started < 0.5
    assert cited["0123456789abcdef~1"] == "F-0123456789abcdef~1" and len(set(cited.values())) == 5001

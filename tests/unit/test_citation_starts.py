"""A citation is the shortest start of a finding_id no other stored finding shares. Found by comparing each id with
every id sharing its first 8 characters, `explore.findings` never ended on the briefing benchmark's million findings,
whose copies keep their original's id and add "~k": now each id is compared with its neighbours in sorted order,
giving the same citations."""

from __future__ import annotations

import random
import time

from watchdesk.store.citations import CITED, shortest_starts


def _naive(ids: list[str], sharing: list[str]) -> dict[str, str]:
    """What citations() did before: each id against every other of its start."""
    cited = {}
    for finding_id in ids:
        length = CITED
        while any(o != finding_id and o.startswith(finding_id[:length]) for o in sharing):
            length += 1
        cited[finding_id] = f"F-{finding_id[:length]}"
    return cited


def test_the_starts_are_those_of_every_comparison() -> None:
    rng = random.Random(7)
    ids = ["".join(rng.choice("0123456789abcdef") for _ in range(16)) for _ in range(300)]
    ids += [ids[0][:11] + "".join(rng.choice("0123456789abcdef") for _ in range(5)) for _ in range(50)]
    ids += [ids[2][:8] + ids[3][8:], ids[4][:15] + "0", ids[4][:15] + "1"]
    ids = sorted(set(ids))
    sharing = sorted(i for i in ids if sum(o[:CITED] == i[:CITED] for o in ids) > 1)
    assert shortest_starts(ids, sharing) == _naive(ids, sharing)


def test_thousands_sharing_a_start_take_no_time() -> None:
    """The benchmark's copies ("~k" after the original's id) even nest: "…~1" starts "…~10", and the comparison with
    every other never ended. A nested id is cited whole."""
    ids = sorted(["0123456789abcdef"] + [f"0123456789abcdef~{k}" for k in range(5000)])
    started = time.process_time()
    cited = shortest_starts(ids, ids)
    assert time.process_time() - started < 0.5
    assert cited["0123456789abcdef~1"] == "F-0123456789abcdef~1" and len(set(cited.values())) == 5001

"""How much the LLM judge gets to see, leaving calls out: the share of our TUNE calls' labelled mentions that are
either flagged offline or sent to the judge as candidates (flag.unsure_flags), and how many sentences that sends.

    PYTHONPATH=. .venv/bin/python -m tests.packs.judge_reach [--low 0.05,0.01] [--follow-geo 6] [--follow-other 0]

The judge can drop a flag or accept a candidate but never sees the rest, so this share bounds its recall. Each call
is flagged with a refiner trained without its fold (train_refiner's leave-calls-out folds), as a call the refiner
never saw would be. `--low` is the refiner chance from which a looked-at sentence is sent (flag.UNSURE);
`--follow-geo` / `--follow-other` send every sentence that many after a flag in the same speech (flag.FOLLOW_ON;
0 for the other topics is as shipped). About a minute per setting. Figures: README, "An LLM, if you want one".
"""

from __future__ import annotations

import argparse
from collections import Counter

from tests.conftest import SHARED_FIXTURES
from tests.labels.calls import CORE, rows_for
from tests.labels.llm_eval import by_sentence
from tests.packs import train_refiner as tr
from watchdesk.agents.flagging import flag as flagging
from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.refine import Refiner
from watchdesk.agents.flagging.topics import load_topics


def reach(lows: list[float], follow: dict[str, int]) -> dict[float, tuple[Counter[str], Counter[str], Counter[str]]]:
    """Per floor: (labelled mentions, those the judge sees, sentences sent) per topic."""
    rows = rows_for(SHARED_FIXTURES, "tune")
    names = sorted({r["file"] for r in rows})
    data = tr.examples(SHARED_FIXTURES)
    library = load_topics(CORE)
    documents = {}
    for name in names:
        path = SHARED_FIXTURES / "transcripts" / name
        documents[name] = load_document(path.read_bytes(), format="auto", origin=str(path))
    out = {low: (Counter[str](), Counter[str](), Counter[str]()) for low in lows}
    shipped, shipped_follow = flagging.default_refiner, flagging.FOLLOW_ON
    flagging.FOLLOW_ON = follow
    try:
        for fold in tr.folds(data, by_company=False):
            refiner = Refiner.from_json(tr.train([e for e in data if e.call not in fold], tr.L2, tr.THRESHOLD))
            flagging.default_refiner = lambda refiner=refiner: refiner  # type: ignore[misc]
            for name in (n for n in names if n in fold):
                flags = flag_document(documents[name], topics=library)
                for low, (gold, seen, sent) in out.items():
                    extra = flagging.unsure_flags(documents[name].text, topics=library, low=low)
                    sent.update(f.topic for f in [*flags, *extra])
                    found = by_sentence(SHARED_FIXTURES, name, [*flags, *extra])
                    for r in rows:
                        if r["file"] == name:
                            for t in set(r["topics"]) & set(CORE):
                                gold[t] += 1
                                seen[t] += t in found.get(r["idx"], {})
    finally:
        flagging.default_refiner, flagging.FOLLOW_ON = shipped, shipped_follow
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--low", default=str(flagging.UNSURE), help="comma-separated floors, e.g. 0.05,0.01")
    parser.add_argument(
        "--follow-geo", type=int, default=flagging.FOLLOW_ON.get("geopolitical", 0),
        help="sentences after a geopolitics flag sent as candidates (default: as shipped)",
    )  # fmt: skip
    parser.add_argument(
        "--follow-other", type=int, default=0, help="the same for supply chain and inventory (shipped: 0)"
    )
    args = parser.parse_args()
    follow = {"geopolitical": args.follow_geo}
    if args.follow_other:
        follow |= {"inventory": args.follow_other, "supply_chain": args.follow_other}
    for low, (gold, seen, sent) in reach([float(x) for x in args.low.split(",")], follow).items():
        share = "  ".join(f"{t} {seen[t]}/{gold[t]} = {seen[t] / max(1, gold[t]):.3f}" for t in CORE)
        print(f"floor {low}, follow {follow}: {sum(sent.values())} sentences sent; seen: {share}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

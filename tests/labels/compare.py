"""Rules alone, the refiner as first committed (refine-1) and the current default, side by side, per topic.

    PYTHONPATH=. .venv/bin/python -m tests.labels.compare [--no-cv] [--by-company] [--by-keyword]
        [--record-baseline] [--no-filings]

Two measurements, each as precision / recall / polarity accuracy per core topic:
- TEST: our six TEST calls (tests/labels/calls.py), flagged whole the way the agent runs;
- leave-calls-out: train_refiner's five folds, trained on the other calls and scored on our own held-out calls
  (the dev calls, where the rules were written, are left out of the scoring); with `--by-company` also
  leave-companies-out, the same with each company's calls held out together (a new company's call is read
  without its other quarters' phrasing learnt, as on a held-out set).
`--by-keyword` adds the default's held-out figures apart for sentences with and without a word of the dev set's
candidate list (fixtures/labels/README.md section 3), beside each part's share of mentions: the team's labels hold
every keyword sentence and only the keyword-less mentions found near one, ours every mention of a call read whole.
The rules alone and the current default are measured live. The refiner as it stood before this work is a record
(baseline.json), measured by this command at commit ef246b5's weights and training code; `--record-baseline`
rewrites it from the current default, for the next round of work.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import tests.labels.calls as calls
from tests.labels.calls import CORE, dev_rows, document_pairs, own_rows, rates, tally
from tests.labels.readme_split import SECTION3
from watchdesk.agents.flagging.topics import load_topics

BASELINE = Path(__file__).resolve().parent / "baseline.json"
KEYWORD = {True: "keyword", False: "no keyword"}
Figures = dict[str, tuple[float, float, float]]  # topic -> (precision, recall, polarity)


def test_figures(root: Path, *, refine: bool) -> Figures:
    """Figures on our TEST calls, whole calls flagged; `refine=False` for the rules alone."""
    rows = own_rows(root, "test")
    calls.REFINE = refine
    try:
        counts = tally(document_pairs(root, rows, sorted({r["file"] for r in rows}), load_topics(CORE)))
    finally:
        calls.REFINE = True
    return {t: rates(counts[t]) for t in CORE}


def leave_calls_out(
    root: Path, *, by_company: bool = False, strata: dict[str, dict[str, Counter[str]]] | None = None
) -> tuple[Figures, Figures]:
    """(rules alone, current default) over train_refiner's five folds, scored on our own held-out calls;
    `by_company`: each company's calls held out together. `strata`, when given, also gets the default's counts
    apart for keyword and keyword-less sentences (SECTION3)."""
    from tests.packs import train_refiner as tr

    data = tr.examples(root)
    dev_calls = {r["file"] for r in calls.dev_rows(root)}
    model_counts: dict[str, Counter[str]] = defaultdict(Counter)
    rule_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for fold in tr.folds(data, by_company=by_company):
        model = tr.train([e for e in data if e.call not in fold], tr.L2, tr.THRESHOLD)
        ours = [e for e in data if e.call in fold and e.call not in dev_calls and e.call != "written"]
        for t, c in tr.score(model, ours).items():
            model_counts[t].update(c)
        for t, c in rule_score(ours).items():
            rule_counts[t].update(c)
        if strata is not None:
            for key in (True, False):
                part = [e for e in ours if bool(SECTION3.search(e.text)) == key]
                for t, c in tr.score(model, part).items():
                    strata.setdefault(KEYWORD[key], defaultdict(Counter))[t].update(c)
    return _rated(rule_counts), _rated(model_counts)


def rule_score(data: list) -> dict[str, Counter[str]]:
    """The rules' own verdicts on the examples (their R features), counted like train_refiner.score."""
    counts: dict[str, Counter[str]] = {t: Counter() for t in CORE}
    for e in data:
        for t in CORE:
            names = set(e.names[t])
            have = next((p for p in ("positive", "negative", "neutral") if f"R:{p}" in names), None)
            want = e.gold.get(t)
            counts[t]["tp" if want and have else "fn" if want else "fp" if have else "tn"] += 1
            counts[t]["ok"] += bool(want and have == want)
    return counts


def _rated(counts: dict[str, Counter[str]]) -> Figures:
    return {
        t: (c["tp"] / max(1, c["tp"] + c["fp"]), c["tp"] / max(1, c["tp"] + c["fn"]), c["ok"] / max(1, c["tp"]))
        for t, c in counts.items()
    }


def table(columns: dict[str, dict[str, Figures]]) -> str:
    """One row per measurement and topic, one column per flagger, each cell P / R / polarity."""
    names = list(columns)
    lines = [f"{'':19s} {'topic':13s} " + " ".join(f"{n:>22s}" for n in names)]
    parts = sorted({part for col in columns.values() for part in col}, key=lambda p: p != "TEST")
    for part in parts:
        for t in CORE:
            cells = []
            for n in names:
                fig = columns[n].get(part, {}).get(t)
                cells.append(f"{fig[0]:.2f} / {fig[1]:.2f} / {fig[2]:.2f}" if fig else "-")
            lines.append(f"{part:19s} {t:13s} " + " ".join(f"{c:>22s}" for c in cells))
    return "\n".join(lines)


def keyword_table(strata: dict[str, dict[str, dict[str, Counter[str]]]], dev: list[dict]) -> str:
    """The default's held-out P / R / polarity on keyword and keyword-less sentences, each with its share of our
    mentions, and the share of the dev set's mentions without a keyword (the team's labelling)."""
    lines = ["the default, held out, by whether the sentence holds a section-3 keyword (P / R / polarity, share)"]
    for t in CORE:
        team = [r for r in dev if t in r["topics"]]
        no_key = sum(not SECTION3.search(r["sentence"]) for r in team) / max(1, len(team))
        lines.append(f"{'dev set (team)':19s} {t:13s} mentions without a keyword: {no_key:.2f} of {len(team)}")
    for part, by_key in strata.items():
        for t in CORE:
            n = {k: c[t]["tp"] + c[t]["fn"] for k, c in by_key.items()}
            cells = []
            for k, c in by_key.items():
                p, r, a = _rated(c)[t]
                cells.append(f"{k} {p:.2f} / {r:.2f} / {a:.2f} ({n[k] / max(1, sum(n.values())):.2f})")
            lines.append(f"{part:19s} {t:13s} " + "   ".join(cells))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    from tests.conftest import SHARED_FIXTURES
    from tests.packs import train_refiner

    if "--no-filings" in argv:  # the folds train without tests/labels/filings/ (on since v0.13: FILING_POLARITY)
        train_refiner.FILINGS = False
    current: dict[str, Figures] = {"TEST": test_figures(SHARED_FIXTURES, refine=True)}
    rules: dict[str, Figures] = {"TEST": test_figures(SHARED_FIXTURES, refine=False)}
    strata: dict[str, dict[str, dict[str, Counter[str]]]] = {}
    by_keyword = "--by-keyword" in argv
    if "--no-cv" not in argv:
        part = "leave-calls-out"
        strata[part] = {}
        rules[part], current[part] = leave_calls_out(SHARED_FIXTURES, strata=strata[part] if by_keyword else None)
    if "--by-company" in argv:
        part = "leave-companies-out"
        strata[part] = {}
        rules[part], current[part] = leave_calls_out(
            SHARED_FIXTURES, by_company=True, strata=strata[part] if by_keyword else None
        )
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.is_file() else {}
    recorded = {part: {t: tuple(v) for t, v in figs.items()} for part, figs in baseline.get("figures", {}).items()}
    label = f"refiner {baseline.get('version', '?')}"
    print("precision / recall / polarity per topic; leave-calls-out is scored on our own held-out calls")
    print(table({"rules alone": rules, label: recorded, "default": current}))  # type: ignore[dict-item]
    if by_keyword:
        print(keyword_table(strata, dev_rows(SHARED_FIXTURES)))
    if "--record-baseline" in argv:
        from watchdesk.agents.flagging.refine import default_refiner

        model = default_refiner()
        version = model.version if model else "none"
        BASELINE.write_text(json.dumps({"version": version, "figures": current}, indent=1) + "\n", encoding="utf-8")
        print(f"recorded the default ({version}) as the baseline in {BASELINE.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Bug: `watchdesk changes`, `edgar diff` and the briefing listed what a changed risk factor or MD&A gained, never what
it no longer said: Tesla's FY2024 10-K dropped its COVID-19 and chip-shortage sentences, NVIDIA's FY2025 10-K about 90
sentences of its changed factors ("Supply of Hopper architecture products is improving, and demand remains very
strong."), and none was reported, though a dropped risk can be good news and a dropped reassurance a warning. The
sentences of the older filing that the newer no longer says are now found by the rules that keep text out of
"added", read the other way: not a sentence reworded lightly, moved to another factor, said again, figures-only or
cut by a page break; each is cited to the older filing, which said it."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_risk_factors import parsed
from watchdesk.agents.filing_changes import markdown, report
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.filing_diff import FactorChange, compare
from watchdesk.sources.filing_parse import ParsedFiling
from watchdesk.sources.sentence_diff import removed_sentences

COVID = ("In addition, the global COVID-19 pandemic has impacted economic markets, manufacturing operations, supply "
         "chains, employment and consumer behavior in nearly every geographic region and industry across the world, "
         "and we have been, and may in the future be, adversely affected as a result.")  # fmt: skip
CHIPS = ("For example, a global shortage of semiconductors beginning in early 2021 has caused challenges in the "
         "manufacturing industry and impacted our supply chain and production.")  # fmt: skip
# FY2024 words it "Recalls for our vehicles have resulted from various hardware and software-related safety or
# non-compliance determinations.": a rewording, not a sentence removed
RECALLS = ("Recalls for our vehicles have resulted from various hardware and software-related safety concerns or "
           "non-compliance determinations.")  # fmt: skip
AUTOPILOT = "We are continuing to develop our Autopilot and FSD Capability technology."  # FY2024: "FSD (Supervised)"
HOPPER = "Supply of Hopper architecture products is improving, and demand remains very strong."
# FY2024 breaks "This has created and may in the future create increased aftermarket sales of our / GPUs, which ..."
# over two lines; FY2025 says the sentence whole
PAGE_CUT = "GPUs, which could negatively impact retail prices for our GPUs and reduce demand for our new GPUs."


def _factors(edgar_fixtures: Path, old: str, new: str) -> tuple[ParsedFiling, tuple[FactorChange, ...]]:
    before = parsed(edgar_fixtures, old)
    return before, compare(before, parsed(edgar_fixtures, new), items=("1A",)).sections[0].changes


def _lost(changes: tuple[FactorChange, ...]) -> list[str]:
    return [s.text for c in changes for s in c.lost]


def test_tesla_no_longer_says_covid_and_the_chip_shortage(edgar_fixtures: Path) -> None:
    older, changes = _factors(edgar_fixtures, "TSLA FY2023", "TSLA FY2024")
    lost = {s.text: (c, s) for c in changes for s in c.lost}
    assert COVID in lost and CHIPS in lost
    # 12 before sentences rewritten were paired: 5 of them are one statement rewritten, listed as such
    assert len(lost) == 7 and sum(len(c.rewritten) for c in changes) == 5
    for change, sentence in lost.values():  # quoted from the older filing, inside the factor it was removed from
        assert older.text[sentence.start : sentence.end] == sentence.text
        assert change.old is not None and change.old.heading_end <= sentence.start < sentence.end <= change.old.end
    assert lost[CHIPS][0].old.heading.startswith("Our suppliers may fail to deliver components")  # type: ignore[union-attr]


def test_a_reworded_sentence_is_not_removed(edgar_fixtures: Path) -> None:
    _, changes = _factors(edgar_fixtures, "TSLA FY2023", "TSLA FY2024")
    bodies = "\n".join(c.old.body for c in changes if c.old is not None and c.kind in ("reworded", "expanded"))
    assert RECALLS in bodies and AUTOPILOT in bodies  # said in FY2023's changed factors, reworded in FY2024
    lost = _lost(changes)
    assert RECALLS not in lost and AUTOPILOT not in lost
    # the supplier factor's list kept its sentence, minus "such as the global COVID-19 pandemic": reworded too
    assert not [s for s in lost if s.startswith("Unexpected changes in business conditions, materials pricing")]


def test_nvidia_no_longer_says_about_ninety_sentences(edgar_fixtures: Path) -> None:
    _, changes = _factors(edgar_fixtures, "NVDA FY2024", "NVDA FY2025")
    lost = _lost(changes)
    # 90 before: 23 are rewritten in the same factor and one moved to MD&A, each listed as such
    assert len(lost) == 66 and len(set(lost)) == 66
    assert sum(len(c.rewritten) for c in changes) == 23 and sum(len(c.moved) for c in changes) == 1
    assert HOPPER in lost  # a reassurance dropped
    assert PAGE_CUT not in lost and "Compute & Networking segment." not in lost  # pieces a line break cut off
    # a factor removed whole is listed as a removed factor, not sentence by sentence
    assert not [s for s in lost if s.startswith("Our indebtedness")]
    unchanged = [c for c in changes if c.kind == "unchanged"]
    assert unchanged and all(c.lost == () for c in unchanged)


def test_mdna_sentences_removed_mirror_those_added(edgar_fixtures: Path) -> None:
    """Alphabet's Q3 2023 10-Q says the October 16 tax payment twice and cuts "We may incur additional charges in the
    future as we ..." over a page break: compared as the older filing with Q2, the payment is removed once and the
    cut pieces not at all, as the same sentences are added once and not at all the other way round."""
    q2, q3 = parsed(edgar_fixtures, "GOOG Q2 2023"), parsed(edgar_fixtures, "GOOG Q3 2023")
    (backwards,) = compare(q3, q2, items=("7",)).sections
    (forwards,) = compare(q2, q3, items=("7",)).sections
    removed = [s.text for s in backwards.removed_sentences]
    assert removed == [s.text for s in forwards.added_sentences]
    tax = "On October 16, 2023, we made an estimated income tax payment to the IRS of $10.5 billion"
    assert len([s for s in removed if s.startswith(tax)]) == 2  # two sentences: the long one once, the short once
    assert "For the three and nine months" not in removed
    assert all(q3.text[s.start : s.end] == s.text for s in backwards.removed_sentences)


def test_a_sentence_moved_to_another_factor_is_not_removed() -> None:
    """A changed factor's sentence that another factor of the newer filing says is not removed: the newer filing's
    factors are read whole (filing_diff passes them all), as the older ones are for what a factor gained."""
    body = f"Our operations could be disrupted by many events. {HOPPER} We sell GPUs to many customers."
    other_factor = f"Risks of a factor of its own, reworded in full. {HOPPER}"
    gone = [s.text for s in removed_sentences(body, other_factor, 0)]
    assert gone == ["Our operations could be disrupted by many events.", "We sell GPUs to many customers."]
    assert HOPPER in [s.text for s in removed_sentences(body, "Nothing of the kind is said here at all.", 0)]


def test_edgar_diff_reports_them_fewest_first(edgar_fixtures: Path) -> None:
    diff = compare(parsed(edgar_fixtures, "NVDA FY2024"), parsed(edgar_fixtures, "NVDA FY2025"))
    data = report(diff, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    risk, mdna = data["sections"]
    removed = [r for c in risk["changed"] for r in c["removed_sentences"] if not r["in_sentence"]]
    assert len(removed) == 66 and {"text": HOPPER, "topics": ["supply_chain"], "in_sentence": None} in removed
    assert HOPPER in [r["text"] for r in mdna["removed"]]  # MD&A said it too
    text = markdown(data, old_name="FY2024", new_name="FY2025")
    part = text.split("### Sentences removed from changed risk factors that mention watched topics\n\n", 1)[1]
    part = part.split("\n\n", 1)[0].splitlines()
    assert sum(line.startswith("  - ") for line in part) == 10  # ten shown, then how many more
    deleted = [r for c in risk["changed"] for r in c["removed_sentences"] if r["in_sentence"]]
    assert [r["text"] for r in deleted] == ["or call special meetings"]  # shown on a watched topic or not
    on_topics = sum(bool(r["topics"]) for r in removed) + len(deleted)
    assert part[-1] == f"- … and {on_topics - 10} more (`--format json` lists them all)"

"""Bug: a matched risk factor whose text changed was shown by its heading only, its topics read from the heading
alone. On NVIDIA's FY2024 -> FY2025 10-K the clause added to "Adverse economic conditions may harm our business."
("..., including the implementation of tariffs by the USG or other governments, ...") and the AI Diffusion
sentences added to the export-controls factor (19,255 -> 26,028 characters) had no topic and no quote; they
appeared only through MD&A. What a changed factor's body gained is now found as MD&A's added sentences are
(figures and light rewordings aside), plus the words a light rewording inserted, and tagged with watched topics."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.unit.test_risk_factors import parsed
from watchdesk.agents.filing_changes import _clause, markdown, report
from watchdesk.agents.flagging.topic_spec import TopicSpec
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.filing_diff import FactorChange, compare
from watchdesk.sources.sentence_diff import TextChanges

ECONOMY = "Adverse economic conditions may harm our business."
EXPORTS = "We are subject to complex laws, rules, regulations, and political and other actions, including restrictions"
TARIFFS = "including the implementation of tariffs by the USG or other governments"
WATCHED = ["inventory", "supply_chain", "geopolitical"]  # the demo's and the canonical job's topics


def risk(edgar_fixtures: Path, old: str, new: str) -> tuple[FactorChange, ...]:
    return compare(parsed(edgar_fixtures, old), parsed(edgar_fixtures, new), items=("1A",)).sections[0].changes


def changed(edgar_fixtures: Path, old: str, new: str, topics: list[str] | None = None) -> list[dict[str, Any]]:
    diff = compare(parsed(edgar_fixtures, old), parsed(edgar_fixtures, new), items=("1A",))
    return report(diff, topics=load_topics(topics))["sections"][0]["changed"]


def gained(rows: list[dict[str, Any]], heading: str) -> list[dict[str, Any]]:
    return next(r for r in rows if r["heading"].startswith(heading))["added_sentences"]


def test_the_tariffs_clause_is_quoted_with_its_topic(edgar_fixtures: Path) -> None:
    added = gained(changed(edgar_fixtures, "NVDA FY2024", "NVDA FY2025"), ECONOMY)
    assert [(a["text"], a["topics"]) for a in added] == [(TARIFFS, ["geopolitical"])]  # "CSPs" has no topic
    assert added[0]["in_sentence"].startswith("Economic and industry uncertainty or changes, including recession")


def test_the_ai_diffusion_sentences_are_geopolitical(edgar_fixtures: Path) -> None:
    exports = next(r for r in changed(edgar_fixtures, "NVDA FY2024", "NVDA FY2025") if r["heading"].startswith(EXPORTS))
    added = exports["added_sentences"]
    published = "On January 15, 2025, the USG published the “AI Diffusion” IFR in the Federal Register."
    assert {"text": published, "topics": ["geopolitical"], "in_sentence": None} in added
    diffusion = [a for a in added if "AI Diffusion" in a["text"]]
    assert len(diffusion) >= 10 and all("geopolitical" in a["topics"] for a in diffusion)
    at = [exports["new"].index(a["text"]) for a in added]
    assert at == sorted(at)  # in the order the filing reads


def test_unchanged_factors_gain_nothing(edgar_fixtures: Path) -> None:
    for old, new in (("NVDA FY2024", "NVDA FY2025"), ("TSLA FY2023", "TSLA FY2024")):
        changes = risk(edgar_fixtures, old, new)
        assert all(c.gained == TextChanges() for c in changes if c.kind != "reworded" and c.kind not in {
            "expanded", "shortened"})
        assert sum(c.kind == "unchanged" for c in changes) >= 2


def test_tesla_figures_add_nothing(edgar_fixtures: Path) -> None:
    """Tesla's stock-price factor changed only its 52-week range; no factor gains a sentence that only its figures
    tell from the old factor's, and nothing its FY2024 factors gained is on the canonical job's topics."""
    changes = risk(edgar_fixtures, "TSLA FY2023", "TSLA FY2024")
    no_figures = re.compile(r"[^a-z]+")
    for c in changes:
        if c.old is None or c.new is None:
            continue
        old_sentences = {no_figures.sub(" ", s).strip() for s in re.split(r"(?<=\.)\s+", c.old.body.lower())}
        assert all(no_figures.sub(" ", s.text.lower()).strip() not in old_sentences for s in c.gained.added)
    rows = changed(edgar_fixtures, "TSLA FY2023", "TSLA FY2024", WATCHED)
    assert [a for r in rows for a in r["added_sentences"] if a["topics"]] == []


def test_markdown_lists_them_under_their_factor(edgar_fixtures: Path) -> None:
    diff = compare(parsed(edgar_fixtures, "NVDA FY2024"), parsed(edgar_fixtures, "NVDA FY2025"), items=("1A",))
    text = markdown(report(diff, topics=load_topics(WATCHED)), old_name="a", new_name="b")
    part = text.split("### Sentences added to changed risk factors that mention watched topics\n\n", 1)[1]
    assert part.startswith(f"- In **{EXPORTS}")  # most changed factor first, as above
    economy = part.split(f"- In **{ECONOMY}**:\n", 1)[1].splitlines()[0]
    assert economy == f"  - **geopolitical**: … {TARIFFS} …"


def test_a_lists_new_item_is_no_clause_of_its_own(edgar_fixtures: Path) -> None:
    """A review of the first version: inserted words of a list's new item ("and suppliers" twice, "or tariffs; and",
    "for certain supply", "or demand") were quoted as what a factor gained; a clause needs three words of its own."""
    rows = changed(edgar_fixtures, "NVDA FY2024", "NVDA FY2025")
    inserted = [a["text"] for r in rows for a in r["added_sentences"] if a.get("in_sentence")]
    assert TARIFFS in inserted and "restrictions on international trade, such as tariffs, sanctions" in inserted
    assert not {"and suppliers", "or tariffs; and", "for certain supply", "or demand"} & set(inserted), inserted


def test_items_added_to_a_list_are_no_clause(edgar_fixtures: Path) -> None:
    """A review: three long words counted as a clause though they were only items added to an enumeration, so a
    watchlist watching cybersecurity was quoted "… pandemics, and cybersecurity incidents …" (items of NVIDIA's list of
    events that may disrupt it) and one watching foreign investment "… foreign ownership and investment …"; a list of
    names ("or Mexico, Vietnam, India") likewise. Words that say what an item is or does stay clauses."""
    custom = [TopicSpec(name="cyber", label="Cybersecurity", phrases=("cybersecurity",)),
              TopicSpec(name="foreign_investment", label="Foreign investment", phrases=("foreign ownership",))]
    library = load_topics([*WATCHED, "cyber", "foreign_investment"], extra=custom)
    diff = compare(parsed(edgar_fixtures, "NVDA FY2024"), parsed(edgar_fixtures, "NVDA FY2025"), items=("1A",))
    rows = report(diff, topics=library)["sections"][0]["changed"]
    inserted = [a["text"] for r in rows for a in r["added_sentences"] if a.get("in_sentence")]
    assert not {"pandemics, and cybersecurity incidents", "foreign ownership and investment"} & set(inserted), inserted
    assert TARIFFS in inserted and "restrictions on international trade, such as tariffs, sanctions" in inserted
    assert "and countries designated “Tier 2” by the AI Diffusion IFR" in inserted
    assert len(inserted) == 7  # the geopolitical clauses, all kept
    assert not _clause("or Mexico, Vietnam, India") and not _clause("or the United Arab Emirates and Saudi Arabia")
    # a code review: verbs with a modal or a relative pronoun say what happens, whatever the length of their parts
    assert _clause("and could disrupt or halt shipments") and _clause("that restricts or limits supply")
    assert _clause("which may delay or prevent shipments")

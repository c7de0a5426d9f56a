"""Bug (a demanding user reading the demo's 2026-W29 briefing): the quote "Intel got a U.S. policy support." reads
"— earnings call, held 2026-07-16 · qa · Charlie Chan, analyst", and "Another one may have the U.S. government policy
support." "Jeff Su, passing on a question", but the Sources table, where a reader looks a citation up, gave them as
"| qa | Charlie Chan |" and "| qa | Jeff Su |": an analyst's words read as the company's there. The table now names
the speaker as the quote does (agents/briefing/render.who_said)."""

from __future__ import annotations

from tests.unit.test_briefing_render import briefing, finding, section
from watchdesk.agents.briefing.render import render_markdown


def test_the_table_says_who_asked() -> None:
    asked = finding(7, "ASML", "geopolitical", "neutral", -0.2, "Intel got a U.S. policy support.", section="qa",
                    speaker="Charlie Chan", speaker_kind="analyst")  # fmt: skip
    passed_on = finding(8, "ASML", "geopolitical", "neutral", -0.08, "He asks about U.S. policy support.",
                        section="qa", speaker="Jeff Su", speaker_kind="management", relayed=True)  # fmt: skip
    answered = finding(9, "ASML", "supply_chain", "negative", -0.97, "Our packaging capacity is so tight.",
                       section="qa", speaker="C.C. Wei", speaker_kind="management")  # fmt: skip
    sources = section(render_markdown(briefing(findings=[asked, passed_on, answered])), "Sources")
    rows = {line.split(" | ")[0]: line for line in sources.splitlines() if line.startswith("| [F-")}
    assert rows["| [F-0007beef]"].endswith("| qa | Charlie Chan, analyst |"), sources
    assert rows["| [F-0008beef]"].endswith("| qa | Jeff Su, passing on a question |"), sources
    assert rows["| [F-0009beef]"].endswith("| qa | C.C. Wei |"), sources

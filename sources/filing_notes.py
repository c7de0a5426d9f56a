"""Words the filing comparison stores and the briefing reads back, apart from the comparison itself: the briefing
(`watchdesk brief`) reads them without importing the parsers and the diff (lxml, the section and sentence rules)."""

from __future__ import annotations

REFERS_BACK = "the newer filing lists no risk factors"  # the start of a SectionDiff's note when it refers back
CHANGED_KINDS = ("expanded", "shortened", "reworded")  # matched factors whose words changed

"""The install's warm-up (the Makefile's stamp) flagged only README.md, so whether the first filing a user flags had
to compile the Hyperscan databases (~1.9 s of CPU; a text under multiscan.MIN_CHARS characters scans without them)
hung on README's length: 100,683 characters of text, 683 over. The warm-up now also flags a recorded 10-K from the
demo's replay pack, offline."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from watchdesk.agents.flagging import multiscan
from watchdesk.agents.flagging.document import load_document

REPO = Path(__file__).resolve().parents[2]


def test_the_warm_up_flags_a_filing_long_enough_for_the_scan() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("$(STAMP): pyproject.toml") : makefile.index("touch $(STAMP)")]
    named = re.search(r"^WARM_FILING\s*:=\s*(\S+)$", makefile, re.MULTILINE)
    assert named is not None and "$(WARM_FILING)" in recipe and "flag" in recipe
    document = load_document(gzip.decompress((REPO / named.group(1)).read_bytes()), origin=named.group(1))
    assert document.kind == "filing" and len(document.text) >= multiscan.MIN_CHARS

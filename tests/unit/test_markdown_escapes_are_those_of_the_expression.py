"""agents/briefing/text.escape_markdown escaped Markdown's characters with a regular expression's substitution, which
called Python for every character it escaped (`watchdesk findings --format md` on the benchmark store's "~"-suffixed
ids: 10 µs a cell). It now escapes them by a str.translate table and the "&" of an entity after them: the text must
be the expression's, for any text."""

from __future__ import annotations

import random
import re

from watchdesk.agents.briefing.text import escape_markdown
from watchdesk.sources.redact import printable

_BEFORE = re.compile(r"([\\`*_\[\]<>|$~]|&(?=#?[0-9A-Za-z]+;))")  # and the "&" of an entity ("&#x202E;")


def _before(text: str) -> str:
    return printable(_BEFORE.sub(r"\\\1", " ".join(text.split())))


def test_a_text_is_escaped_as_the_expression_escaped_it() -> None:
    rng = random.Random(11)
    alphabet = [*"ab&#;xX1\\`*_[]<>|$~ ", "\t", "\n", "&#x202E;", "&amp;", "&#;", "\u202e", "\x07", "é"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(50_000)]
    assert [t for t in texts if escape_markdown(t) != _before(t)] == []
    assert escape_markdown("AT&amp;T a_b $5 ~ |x| &#x202E;") == "AT\\&amp;T a\\_b \\$5 \\~ \\|x\\| \\&#x202E;"


def test_a_cell_written_as_it_is_has_no_whitespace_but_the_space() -> None:
    """`--format md` writes a text as it is where cli_rows._MD_WORK finds nothing in it (and no two spaces, no space at
    an end): every character str.split() splits at but the space must be one it finds, as must every control."""
    import sys

    from watchdesk.graph.cli_rows import _MD_WORK
    from watchdesk.sources.redact import is_printable

    odd = [c for c in map(chr, range(sys.maxunicode + 1)) if (c.isspace() and c != " ") or not is_printable(c)]
    assert [c for c in odd if not _MD_WORK.search(c)] == []

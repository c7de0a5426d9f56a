"""Bug: `watchdesk edgar diff --help` ran its JSON's shape into the paragraph before it as prose, so at 80 columns
the keys broke across lines wherever a line ran out ('"kind", "added_sentences":' at one line's end, its list on
the next) and one paragraph of 32 lines held everything. Now the help is six short paragraphs, and the JSON's shape a
block of its own, one list of keys a line, risk factors' and MD&A's apart."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_help_fits_80_columns_with_the_json_shape_a_block_of_its_own() -> None:
    # a terminal's width as click reads it (CliRunner would format at a width of its own)
    result = subprocess.run([sys.executable, "-m", "watchdesk.graph.cli", "edgar", "diff", "--help"],
                            env=os.environ | {"COLUMNS": "80"}, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) < 80
    (shape,) = [p.splitlines() for p in result.stdout.split("\n\n") if p.startswith('    {"sections": [{"item", ')]
    opening = ('{"sections": [{', '"changed": [{')  # lists whose keys go on over the lines below
    assert len(shape) == 13 and all("}]" in x for x in shape if "[{" in x and not x.strip().startswith(opening))
    assert '          "moved_sentences": [{"text", "to", "now", "topics", "to_heading"}]}]' in shape
    assert shape.index("      risk factors:") < shape.index("      MD&A:")
    prose = [p for p in result.stdout.split("\n\n") if p.startswith("  ") and not p.startswith("    ")]
    assert len(prose) == 8 and max(p.count("\n") for p in prose) < 8  # no wall of text
    assert "    watchdesk edgar diff nvda-20240128.htm nvda-20250126.htm --section 1A" in lines
    assert any(x.startswith("  --format [json|md]    json (shaped as above)") for x in lines)

"""Whether a long text holds a character of a class (redact's controls), read at numpy's speed where numpy is
installed (with the notebooks and the dev tools): the regular expression's search reads a character in about 6 ns,
which was 2.5 s of CPU for the 390 MB that `watchdesk findings --format csv` writes for the briefing benchmark's
880,000 findings. The text's UTF-16 code units are looked up in a table of the class's characters below U+10000, made
once from the expression itself; a character beyond (two units, a surrogate pair) or a unit in the class sends the
text to the expression, which has the last word. A short text, or a process that has not imported numpy, is read by
the expression alone: importing numpy (~65 ms) and making the table (~30 ms) for one call's JSON would cost
`watchdesk transcript parse` far more than the ~0.3 ms its 50 KB take the expression. A long listing has imported it
(store/listing.columns), as have the notebooks."""

from __future__ import annotations

import re
import sys
from functools import cache
from typing import Any

SHORT = 4_096  # characters: a shorter text is searched by the expression


def holds(one_character: re.Pattern[str], text: str) -> bool:
    """Whether `one_character` (an expression that matches one character, as a class does) is found in `text`."""
    if len(text) >= SHORT and sys.modules.get("numpy") is not None and (table := _units(one_character)) is not None:
        import numpy

        units = numpy.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=numpy.uint16)
        if not table[units].any():
            return False
    return one_character.search(text) is not None


@cache
def _units(one_character: re.Pattern[str]) -> Any:
    """A table of the 65,536 UTF-16 code units: True for one the expression matches as a character, and for every
    surrogate (half of a character beyond U+FFFF, left to the expression); None without numpy."""
    try:
        import numpy
    except ImportError:
        return None
    table = numpy.fromiter((one_character.fullmatch(chr(c)) is not None for c in range(0x10000)), bool, 0x10000)
    table[0xD800:0xE000] = True
    return table

"""`watchdesk findings --format csv` and jsonl check each batch they write for control characters (redact's
is_printable, inert_json_text); a long batch is now read by char_scan, a table of UTF-16 code units with numpy,
instead of the regular expression alone. Whatever the text, the answer must be the expression's: here long texts
of letters, no-break and other spaces, curly quotes, every control and bidi character, characters beyond U+FFFF
(a surrogate pair in UTF-16) and a lone surrogate, with one of them or none, at the start, middle or end."""

from __future__ import annotations

import random
import sys

import pytest

from watchdesk.sources import char_scan, redact

PLAIN = "abc XYZ 0.83, “quoted” – café naïve ’s \t\n\u00a0\u2009\u200b\u200e\u00ad 日本語 Ωμέγα"
ODD = [chr(c) for c in [*range(0, 32), *range(0x7F, 0xA0), *range(0x2028, 0x2030), *range(0x2060, 0x2070)]] + [
    "\U0001f600", "\U0001d400", "\ud800", "\udfff", "\ufeff", "\uffff"]  # fmt: skip
PATTERNS = [redact._CONTROL, redact._JSON_UNSAFE]


def _texts() -> list[str]:
    pick = random.Random(11)
    texts = ["".join(pick.choice(PLAIN) for _ in range(char_scan.SHORT + 50)) for _ in range(3)]
    for odd in ODD:  # one odd character at a random place of a long plain text
        base = "".join(pick.choice(PLAIN) for _ in range(pick.randrange(char_scan.SHORT, 3 * char_scan.SHORT)))
        at = pick.choice([0, len(base) // 2, len(base)])
        texts.append(base[:at] + odd + base[at:])
    return texts


@pytest.mark.parametrize("numpy", [True, False], ids=["numpy", "no numpy"])
def test_a_long_text_holds_a_character_where_the_expression_finds_one(
    numpy: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    char_scan._units.cache_clear()
    if numpy:
        pytest.importorskip("numpy")  # the table is read only in a process that has imported numpy
    else:
        monkeypatch.setitem(sys.modules, "numpy", None)
    texts = _texts()
    for pattern in PATTERNS:
        found = [pattern.search(t) is not None for t in texts]
        assert [char_scan.holds(pattern, t) for t in texts] == found
        assert True in found and False in found
    assert [redact.is_printable(t) for t in texts] == [redact._CONTROL.search(t) is None for t in texts]
    char_scan._units.cache_clear()


def test_the_table_marks_each_character_the_expression_matches() -> None:
    """Checked apart from the texts: every code unit below U+10000, the expression's answer or a surrogate's."""
    char_scan._units.cache_clear()
    for pattern in PATTERNS:
        table = char_scan._units(pattern)
        assert [bool(x) for x in table] == [
            0xD800 <= c < 0xE000 or pattern.fullmatch(chr(c)) is not None for c in range(0x10000)
        ]

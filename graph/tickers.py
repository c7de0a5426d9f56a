"""What a ticker looks like, wherever one is given: a TICKER argument, a --ticker option, a watchlist's `symbol`."""

from __future__ import annotations

import re
import unicodedata

# SEC's tickers are letters and digits with a class after a dash or a dot ("BRK-B", "BRK.B")
_TICKER = re.compile(r"[A-Z0-9]{1,6}(?:[.-][A-Z0-9]{1,3})?")


def ticker_symbol(text: str) -> str:
    """`text` as `plan` reads a ticker: full-width forms as plain ones ("ＮＶＤＡ"), spaces and a leading "$" (a
    cashtag, "$NVDA") dropped, upper case; ValueError for text of no ticker's shape ("NV DA", "NVDA;rm")."""
    symbol = unicodedata.normalize("NFKC", text).strip().removeprefix("$").strip().upper()
    if not _TICKER.fullmatch(symbol):
        raise ValueError(f"{text!r} is not a ticker (letters, digits, '.' or '-', such as NVDA or BRK-B)")
    return symbol

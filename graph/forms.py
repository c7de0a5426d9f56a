"""SEC form names as a user writes them and as SEC does, and the forms a run reads."""

from __future__ import annotations

import re

# The forms a run reads and `edgar download` takes; a watchlist may name others (forms 3, 4, 5), fetched as listed
FORMS_READ = ("10-K", "10-Q", "8-K", "20-F", "6-K", "40-F", "S-1")

# "10K", "10q", "8-k", "20f/a" are the forms SEC writes 10-K, 10-Q, 8-K, 20-F/A: a form that matched nothing was
# silently never fetched
_FORM_SHAPE = re.compile(r"^(10|20|40|8|6)\s*-?\s*([KQF])(/A)?$|^(S|F)\s*-?\s*(\d)(/A)?$", re.IGNORECASE)


def canonical_form(form: str) -> str:
    """A form as SEC writes it ("10k" -> "10-K", "20f/a" -> "20-F/A"); one of no known shape stays, upper case."""
    text = " ".join(form.split()).upper()
    if m := _FORM_SHAPE.match(text):
        text = f"{m[1]}-{m[2]}{m[3] or ''}" if m[1] else f"{m[4]}-{m[5]}{m[6] or ''}"
    return text


def said_forms(*, last: str = "and") -> str:
    """FORMS_READ in words: "10-K, 10-Q, ... and S-1"."""
    return f"{', '.join(FORMS_READ[:-1])} {last} {FORMS_READ[-1]}"

"""SEC form names as a user writes them and as SEC does, and the forms a run reads."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from watchdesk.sources.errors import did_you_mean

# The forms a run reads and `edgar download` takes; a watchlist may name others (forms 3, 4, 5), fetched as listed
FORMS_READ = ("10-K", "10-Q", "8-K", "20-F", "6-K", "40-F", "S-1")

# "10K", "10q", "8-k", "20f/a" are the forms SEC writes 10-K, 10-Q, 8-K, 20-F/A: a form that matched nothing was
# silently never fetched
_FORM_SHAPE = re.compile(r"^(10|20|40|8|6)\s*-?\s*([KQF])(/A)?$|^(S|F)\s*-?\s*(\d)(/A)?$", re.IGNORECASE)


def canonical_form(form: str) -> str:
    """A form as SEC writes it ("10k" -> "10-K", "20f/a" -> "20-F/A", "Form 4" -> "4"); one of no known shape stays,
    upper case."""
    text = " ".join(form.split()).upper().removeprefix("FORM ")  # "Form 4" is 4
    if m := _FORM_SHAPE.match(text):
        text = f"{m[1]}-{m[2]}{m[3] or ''}" if m[1] else f"{m[4]}-{m[5]}{m[6] or ''}"
    return text


# Forms EDGAR lists that sec-edgar-downloader's SUPPORTED_FORMS lacks: REGDEX and SCHEDULE 13G (in the recorded
# submissions), SCHEDULE 13D (13D's and 13G's names since December 2024) and the small-business forms EDGAR listed
# until 2009
_ALSO_LISTED = frozenset({"REGDEX", "SCHEDULE 13D", "SCHEDULE 13G", "10-K405", "10-KSB", "10-KSB40", "10-QSB", "10-SB",
                          "10SB12B", "10SB12G", "SB-2"})  # fmt: skip
# the characters of every form EDGAR lists ("SC TO-T/A", "8-K12G3", "DEF 14A")
_SEC_CHARACTERS = re.compile(r"[A-Z0-9 /-]")
_LETTERS_ONLY = re.compile(r"[A-Z][A-Z /-]*")


@functools.cache
def sec_forms() -> frozenset[str]:
    """The forms EDGAR lists: sec-edgar-downloader's SUPPORTED_FORMS as installed, those it listed in 5.1.0
    (graph/forms_listed.py) and _ALSO_LISTED. The installed list is read from its constants file, not imported (the
    package's import loads its HTTP client, ~0.4 s, for a watchlist that only names a form); a file moved or changed
    leaves the 5.1.0 list, so a slip is still refused, where no form was."""
    from watchdesk.graph.forms_listed import SUPPORTED_FORMS_5_1_0

    return _installed_forms() | SUPPORTED_FORMS_5_1_0 | _ALSO_LISTED


def _installed_forms() -> frozenset[str]:
    """The installed sec-edgar-downloader's SUPPORTED_FORMS, or none when its private constants file cannot be read."""
    import ast
    import importlib.util

    spec = importlib.util.find_spec("sec_edgar_downloader")
    if spec is None or spec.origin is None:
        return frozenset()
    try:
        tree = ast.parse(Path(spec.origin).with_name("_constants.py").read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return frozenset()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "SUPPORTED_FORMS" for t in node.targets):
            try:
                return frozenset(ast.literal_eval(node.value))
            except (ValueError, TypeError, SyntaxError):  # a list built by code, not written out
                return frozenset()
    return frozenset()


def watched_form(form: str) -> str:
    """`form` as SEC writes it (canonical_form), or a ValueError saying which rule refuses it: a character no form
    has, a slip of a form EDGAR lists ("10-KK": 10-K), or letters alone that name none ("XYZ"). A form with digits
    close to none EDGAR lists is kept (EDGAR has forms this list lacks); every one it lists is kept, and its /A."""
    text = canonical_form(form)
    if text.removesuffix("/A") in FORMS_READ:  # without reading EDGAR's list (~8 ms of CPU, once a process)
        return text
    if bad := next((c for c in text if not _SEC_CHARACTERS.match(c)), None):
        raise ValueError(f"{text}: no SEC form has {bad!r} in its name (capitals, digits, spaces, hyphens and "
                         'slashes); name one form a string: ["10-K", "10-Q"]')  # fmt: skip
    known, base = sec_forms(), text.removesuffix("/A")
    if not text or base in known or text in known:
        return text
    import difflib

    amended = text[len(base) :]
    if len(same := [k for k in known if _squashed(k) == _squashed(base)]) == 1:  # "DEF14A", "13FHR": as SEC spaces it
        return same[0] + amended
    if close := difflib.get_close_matches(base, known, n=3, cutoff=0.8):
        raise ValueError(f"{text}: no such SEC form{did_you_mean([c + amended for c in close])} (refused as a slip "
                         "of a form EDGAR lists)")  # fmt: skip
    if _LETTERS_ONLY.fullmatch(base):
        raise ValueError(f"{text}: no such SEC form (refused as letters that name no form EDGAR lists: a form named "
                         "by letters alone is one of its list, such as ARS, SD or CORRESP)")  # fmt: skip
    return text


def _squashed(form: str) -> str:
    return form.replace(" ", "").replace("-", "")


def said_forms(*, last: str = "and") -> str:
    """FORMS_READ in words: "10-K, 10-Q, ... and S-1"."""
    return f"{', '.join(FORMS_READ[:-1])} {last} {FORMS_READ[-1]}"

"""Speakers and roles: does a line look like a person's name, what kind of speaker is a role."""

from __future__ import annotations

import re

from watchdesk.sources.regex_cache import compile_cached
from watchdesk.sources.transcripts.model import Kind

OPERATOR_NAMES = frozenset({"operator", "moderator", "conference operator", "coordinator"})
# Lowercase words that still belong inside a person's name ("Victoria de la Huerga").
_PARTICLES = frozenset({"de", "la", "le", "van", "von", "der", "den", "da", "di", "du", "del", "dos", "bin", "al", "y"})
_NAME_TOKEN = compile_cached(r"^(?:[A-Z][\w.'’\-]*|[A-Z]\.|Jr\.?|Sr\.?|II|III|IV)$")
_ANALYST = compile_cached(r"\banalyst\b", re.IGNORECASE)
_MANAGEMENT = compile_cached(
    r"\b(?:chief|officer|president|chair(?:man|woman|person)?|ceo|cfo|coo|cto|cio|evp|svp|vp|director|"
    r"investor relations|ir|head|treasurer|controller|founder|executive|general manager|secretary|"
    r"board member|general counsel|counsel|corporate|senior|managing|manager|principal)\b",
    re.IGNORECASE,
)
# Words that make a short line a role, not prose: used only where there is no markup to go by.
ROLE_WORDS = compile_cached(rf"{_ANALYST.pattern}|{_MANAGEMENT.pattern}|\boperator\b|\bpartner\b|\bstrategist\b",
                        re.IGNORECASE)
_DASHES = compile_cached(r"\s+(?:--|—|–|-)\s+|\s*--\s*")
_SECTION_WORDS = frozenset({"prepared", "remarks", "questions", "answers", "participants", "contents",
                            "presentation", "transcript", "session", "call", "earnings", "conference"})


def is_operator(name: str | None) -> bool:
    return name is not None and name.strip().lower() in OPERATOR_NAMES


def looks_like_name(text: str) -> bool:
    """A person's name (or "Operator"): 1-6 capitalised tokens, no digits, no sentence punctuation."""
    text = text.strip()
    if not text or len(text) > 60 or any(c.isdigit() for c in text) or re.search(r"[?!;:,()\[\]\"“”]", text):
        return False
    tokens = text.split()
    if len(tokens) > 6 or tokens[0].lower() in _PARTICLES:
        return False
    if {t.lower() for t in tokens} & _SECTION_WORDS:
        return False
    return all(_NAME_TOKEN.match(t) or t in _PARTICLES for t in tokens)


def looks_like_role(text: str) -> bool:
    """A short job title or "Firm -- Analyst" line."""
    text = text.strip()
    return 0 < len(text.split()) <= 14 and not text.endswith(("?", "!")) and bool(ROLE_WORDS.search(text))


def split_role(text: str | None) -> tuple[str | None, str | None]:
    """ "Goldman Sachs -- Analyst" -> ("Analyst", "Goldman Sachs"); "Chief Financial Officer" -> (it, None)."""
    if not text or not text.strip(" -—–"):
        return None, None
    parts = [p.strip() for p in _DASHES.split(text.strip()) if p.strip()]
    if len(parts) == 1:
        return parts[0], None
    if _ANALYST.search(parts[-1]) or ROLE_WORDS.search(parts[-1]):
        return parts[-1], " - ".join(parts[:-1])
    return " - ".join(parts), None


def kind_of(speaker: str | None, role: str | None) -> Kind:
    """Operator, management (executives and IR), analyst or other, from the speaker and role."""
    if is_operator(speaker) or (role and role.strip().lower() in OPERATOR_NAMES):
        return "operator"
    if role and _ANALYST.search(role):
        return "analyst"
    if role and _MANAGEMENT.search(role):
        return "management"
    return "other"


def clean_affiliation(affiliation: str | None, speaker: str | None) -> str | None:
    """Drop empty affiliations and the ones that only repeat the speaker's name (a known source slip)."""
    if not affiliation or not affiliation.strip() or (speaker and affiliation.strip() == speaker.strip()):
        return None
    return affiliation.strip()

"""Who gets the briefing: e-mail addresses the goal names, and nothing else."""

from __future__ import annotations

import re

from watchdesk.graph.goal.text import Notes, Text
from watchdesk.sources.addresses import ADDRESS_PATTERN

_EMAIL = re.compile(ADDRESS_PATTERN)  # the one address shape a watchlist's `to` accepts
_VERB = re.compile(
    r"\b(?:(?:and |then )?(?:e-?mail|mail|send|deliver|forward|cc|copy)(?: it| them| this| that| me| us)?"
    r"(?: the (?:summary|briefing|digest|report|results|recap))?(?: to)?(?: me| us)?(?: at| on)?|to)\s*$",
    re.IGNORECASE,
)
_ALMOST_EMAIL = re.compile(r"[^\s,;:<>()\[\]|]*@[^\s,;:<>()\[\]|]*")
_WHOLE_BUT_NOT_ASCII = re.compile(r"(?=.*[^\x00-\x7f])[^@\s]+@[^\W_]+(?:[.-][^\W_]+)*\.[^\W\d_]{2,}")
_RUN = re.compile(r"\S*")
_OPENS = frozenset(",;:<>()[]|\"'")  # what may stand just before an address; anything else glues it to a word
_COPY = re.compile(r"\b(b?cc)\b:?\s*$", re.IGNORECASE)
_WANTS_EMAIL = re.compile(r"\b(?:e-?mail|inbox)\b", re.IGNORECASE)
_SLACK = re.compile(r"\bslack\b", re.IGNORECASE)


def find_recipients(text: Text, notes: Notes) -> tuple[str, ...]:
    """Addresses in the goal; the words asking to send to them are marked as read too."""
    found: list[str] = []
    for m in list(text.finditer(_EMAIL)):
        address = m.group().rstrip(".").lower()
        run = _RUN.match(text.raw, m.start())
        whole = run.group().rstrip(".,;:!?)") if run else m.group()
        start, before = m.start(), text.raw[max(0, m.start() - 1) : m.start()]
        if before and not before.isspace() and before not in {*_OPENS, "@", "."}:
            # the tail of "ops%evil.test@example.com" (a "%"-routed address) or "bob!alice@...": the whole word is
            # what was written, and it is not one address
            while start > 0 and not text.raw[start - 1].isspace() and text.raw[start - 1] not in _OPENS:
                start -= 1
        if "@" in whole[len(m.group()) :] or before in {"@", "."} or start < m.start():
            # "jane@fund.com.bob@fund.com": two addresses run together, neither one to allow-list
            whole = text.raw[start : m.start() + len(whole)]
            text.use(start, start + len(whole))
            why = " (two run together?)" if start == m.start() else ""
            notes.unclear(f"{whole!r}: not one e-mail address{why}; nobody added")
            continue
        copy = _COPY.search(text.raw[max(0, m.start() - 12) : m.start()])
        if copy and copy.group(1).lower() == "bcc":  # a blind copy would stand in the one To: line
            text.use(m.start() - len(copy.group()), m.end())
            notes.unclear(f"'bcc {address}': blind copies are not supported (every recipient sees the others); "
                          "nobody added: give them an e-mail target of their own in the file")
            continue
        if copy:  # "cc jane@...": one more recipient of the one message
            text.use(m.start() - len(copy.group()), m.start())
        if negation := text.negation(m.start(), m.end()):  # "but not bob@fund.com": never a recipient
            notes.decide(f"delivery: {address} left out (from {negation!r}); not added to allowed_recipients")
            text.use(m.start(), m.end())
            continue
        found.append(address)
        lead = _VERB.search(text.raw[max(0, m.start() - 60) : m.start()])
        text.use(m.start() - (len(lead.group()) if lead else 0), m.end())
    for m in list(text.finditer(_ALMOST_EMAIL)):  # "jane.doe@fund": never a topic 'jane', never a recipient
        text.use(m.start(), m.end())
        if _WHOLE_BUT_NOT_ASCII.fullmatch(m.group()):  # "josé@fund.com": whole, but no address a watchlist takes
            notes.unclear(f"{m.group()!r}: an address with letters outside ASCII is not supported (a watchlist's "
                          "`to` takes name@domain.tld in ASCII letters); nobody added")
            continue
        notes.unclear(f"{m.group()!r}: not a whole e-mail address (name@domain.tld); nobody added")
    for m in list(text.finditer(_WANTS_EMAIL)):
        text.use(m.start(), m.end())
        if negation := text.negation(m.start(), m.end()):
            notes.decide(f"delivery: no e-mail (from {negation!r})" + (
                "; but the goal names an address elsewhere, which does get it" if found else ""))
            text.use(*_rest_of(text, m.end()))
        elif not found:
            notes.unclear(f"{m.group()!r}: no e-mail address in the goal; add one (\"email me at you@example.com\")")
    for m in list(text.finditer(_SLACK)):
        text.use(m.start(), m.end())
        if negation := text.negation(m.start(), m.end()):
            notes.decide(f"delivery: no Slack (from {negation!r})")
            continue
        notes.unclear("Slack: needs a webhook; add a [[delivery]] kind = \"slack\" with webhook_env, and its "
                      "host to allowed_domains, yourself (a goal never adds to the allow-lists)")
    recipients = tuple(dict.fromkeys(found))
    if recipients:
        notes.decide(f"delivery: e-mail to {', '.join(recipients)} (added to allowed_recipients; nothing else is)")
    else:
        notes.decide("delivery: a Markdown/HTML file in the briefing folder (./briefings, or the run's --out) (no "
                     "e-mail address named)")
    return recipients


def _rest_of(text: Text, start: int) -> tuple[int, int]:
    """ "don't email me": the pronoun after a negated e-mail verb is read with it."""
    m = re.match(r"\s+(?:me|us|them|it)\b", text.raw[start:], re.IGNORECASE)
    return (start, start + m.end()) if m else (start, start)

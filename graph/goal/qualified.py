"""Words a watched company qualifies ("Intel foundry losses", "watch Ford EV losses weekly"): what it is watched for,
when no parser read them and they are more than one word, made a custom topic that flags the phrase as written, as
"for foundry losses" would be."""

from __future__ import annotations

from itertools import pairwise

from watchdesk.graph.goal.found import Found
from watchdesk.graph.goal.names import name_key, products, segments
from watchdesk.graph.goal.positions import company_lists, qualified_words
from watchdesk.graph.goal.text import Notes, Text
from watchdesk.graph.goal.topics import TopicsFound, add_custom
from watchdesk.graph.goal.words import words

MAX_WORDS = 5
# What a phrase after a company measures, as its last word: "foundry losses", "Azure growth", "Model Y deliveries"
# ("well positioned", "fast" name no topic)
_MEASURES = words(
    "loss losses growth sales revenue revenues cost costs deliveries shipments ramp share adoption spending spend "
    "prices orders units subscribers users volumes volume traffic bookings profit profits profitability income "
    "deposits claims yields capacity output production launch launches delays delay layoffs exposure writedowns "
    "charges impairments charge impairment funding rates churn retention usage sentiment strategy plans plan "
    "pipeline approvals approval trials trial results recalls recall strikes outages royalties attendance fees "
    "monetization reimbursement contracts wins hike hikes cuts burn backlog supply"
)


def topics_after_companies(text: Text, found: Found, topics: TopicsFound, notes: Notes) -> None:
    """A run of two to five words right after a watched company (or the last of a list), none read by a parser before
    and none a source ("Apple filings") or a word a company stands alone before ("for", "weekly"): a custom topic. One
    word alone ("Intel foundry") stays as the leftovers say it."""
    starts = {n.start for n in found.named}
    tokens = text.tokens()
    for group in company_lists(found.named, text.raw):
        if all(n.phrase.islower() for n in group):
            continue  # "watch amd well positioned", "nvda and amd cash flow": typed in haste, said (leftovers)
        qualified = (qualified_words(group, text.raw, starts) or "").split()
        count = len(qualified)
        if not 2 <= count <= MAX_WORDS or qualified[-1].lower() not in _MEASURES:
            continue
        run = [t for t in tokens if t.start >= group[-1].end][:count]
        # the words it qualifies, unread: "Nvidia's China revenue and H20 shipments", 'China revenue' read as a topic
        # already, leaves no run ('and H20' is none)
        if [t.text for t in run] != qualified or text.negation(run[0].start, run[-1].end):
            continue
        start, end = run[0].start, run[-1].end
        if any(not text.raw[a.end : b.start].isspace() for a, b in pairwise(run)):
            continue
        add_custom(text.raw[start:end], start, text=text, found=topics, notes=notes)
    _with_segments(text, found, topics, notes)


def _with_segments(text: Text, found: Found, topics: TopicsFound, notes: Notes) -> None:
    """What a part of a company, or a product, qualifies is flagged with its name ("AWS growth", "Llama adoption"), not
    alone ("growth", which an earlier parser may have made a topic of, in "watch AMZN for AWS growth"); a product
    that qualifies nothing is flagged by its name ("track tesla robotaxi and fsd")."""
    starts = {n.start for n in found.named}
    for n in found.named:
        key = name_key(n.phrase)
        qualified = qualified_words([n], text.raw, starts) if key in segments() or key in products() else None
        if not qualified or len(qualified.split()) > MAX_WORDS or qualified.split()[-1].lower() not in _MEASURES:
            if key in products():
                add_custom(n.phrase, n.start, text=text, found=topics, notes=notes)
            continue
        end = n.end + text.raw[n.end :].index(qualified) + len(qualified)
        alone = next((c for c in topics.custom if c.label == qualified), None)
        if alone is not None:  # "for AWS growth": 'growth' read already, said again as 'AWS growth'
            topics.custom.remove(alone)
            notes.decisions[:] = [d for d in notes.decisions if not d.startswith(f"custom topic {alone.name}:")]
        elif not text.is_free(n.end, end):
            continue
        add_custom(text.raw[n.start : end], n.start, text=text, found=topics, notes=notes)

"""Fill the compiled-pattern cache before a user's first command: `watchdesk flag --warm-cache`.

A first `watchdesk flag` with an empty cache compiles every regex of the topics and cues (Python's compiler, some
2 s of CPU), the shipped models' tables, and on a long text (multiscan.MIN_CHARS or more) the Hyperscan databases
of the pre-scans (1 to 3 s more); the next command loads them in a fraction of that. Nothing of this can ship
compiled: the engine's code words are valid for one Python build only, a Hyperscan database for one Hyperscan
version and CPU family. So the install (the Makefile's stamp) runs this once, and pip users can.

It flags two texts written here for the purpose, a 10-K's cover page and items long enough for the Hyperscan scan
and a call with prepared remarks and questions, with every shipped topic: a long text's Hyperscan databases are
those of every shipped topic, whichever of them are flagged (scanned.py), and a topic's regexes are the same in any
selection. The texts mention every shipped topic, so the stages after the mentions (the judge's cues, the learned
second pass) compile theirs too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from watchdesk.agents.flagging import multiscan, regex_cache

# Sentences about each shipped topic, good news, warnings and neutral statements; the cues read them all.
_RISKS = (
    "We may be unable to obtain sufficient supply of wafers and components from our third-party suppliers, which "
    "could delay shipments and harm our results.",
    "Our inventory may become excess or obsolete, and we may record inventory provisions that reduce our gross margin.",
    "Export controls and trade restrictions on sales to China could reduce demand for our products.",
    "Tariffs, sanctions and geopolitical tensions involving Taiwan could disrupt our supply chain.",
    "Litigation and regulatory investigations could result in significant fines and harm our business.",
    "Customers may reduce or cancel orders, and demand for our products may decline.",
    "Pricing pressure from competitors could reduce our average selling prices and margins.",
    "We depend on a limited number of foundry partners and sole-source suppliers for critical materials.",
)
_BUSINESS = (
    "Demand for our data center products, driven by generative AI and accelerated computing, grew strongly.",
    "We increased purchase obligations and capacity commitments to secure supply for next year.",
    "Inventory levels were reduced as channel inventory normalized and lead times improved.",
    "Gross margin expanded due to a favorable product mix and lower inventory provisions.",
    "We expect revenue for the next quarter to be approximately flat, and we reiterate our full-year guidance.",
    "Capital expenditures increased as we built new fabrication capacity in Arizona and Japan.",
    "We released inventory reserves of $120 million for products sold that had been previously written down.",
    "Supply constraints eased during the year, although some components remain on allocation.",
    "New export licensing requirements for China did not have a material impact on our results.",
    "We recorded a charge for a legal settlement and remain subject to antitrust review in several jurisdictions.",
    "Customers continue to build AI infrastructure, and bookings for our accelerators remained strong.",
    "Average selling prices declined modestly, while unit volumes increased across all regions.",
)
_CALL_PREPARED = (
    "Thank you, operator. Revenue was a record, up 20% from a year ago, as demand for AI systems stayed strong.",
    "Supply is improving and we are working with our partners to add capacity, though some constraints remain.",
    "Channel inventory is healthy and we expect it to stay at these levels next quarter.",
    "The new export controls reduced our China revenue, and we do not expect it to recover soon.",
    "For the fourth quarter we expect revenue of $10 billion, plus or minus 2%, and gross margins of about 70%.",
)
_CALL_QA = (
    "Can you talk about inventory in the channel and whether customers are digesting what they bought?",
    "We do not see any digestion; lead times are still long and demand exceeds supply for the rest of the year.",
    "How should we think about pricing and margins as competition increases?",
    "Pricing has been stable, and we expect margins to improve as costs come down.",
    "Are tariffs or geopolitical risks affecting your supply chain planning?",
    "We have diversified our manufacturing footprint, so tariffs have had a limited effect so far.",
)


@dataclass(frozen=True)
class Warmed:
    """What a warm-up did: the cache file, whether it could be written (None) or why not, and its size."""

    path: Path
    problem: str | None
    size: int


def filing_html() -> bytes:
    """A 10-K as SEC HTML: a cover page, Items 1, 1A and 7, past multiscan.MIN_CHARS characters of text."""
    def paragraphs(sentences: tuple[str, ...], rounds: int) -> str:
        return "".join(f"<p>{s} (Note {n}.)</p>\n" for n in range(rounds) for s in sentences)

    rounds = multiscan.MIN_CHARS // sum(len(s) for s in (*_RISKS, *_BUSINESS, *_BUSINESS)) + 2
    return (
        "<html><body>\n<p>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p>\n<p>Washington, D.C. 20549</p>\n"
        "<p>FORM 10-K</p>\n"
        "<p>ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934</p>\n"
        "<p>For the fiscal year ended January 26, 2025</p>\n<p>Commission File Number: 0-23985</p>\n"
        "<p>EXAMPLE CORPORATION</p>\n<p>(Exact name of registrant as specified in its charter)</p>\n"
        "<p>Delaware 94-3177549 (I.R.S. Employer Identification No.)</p>\n"
        "<p>PART I</p>\n<p>Item 1. Business</p>\n" + paragraphs(_BUSINESS, rounds)
        + "<p>Item 1A. Risk Factors</p>\n<p>Risks Related to Our Supply Chain</p>\n" + paragraphs(_RISKS, rounds)
        + "<p>Item 1B. Unresolved Staff Comments</p>\n<p>None.</p>\n<p>PART II</p>\n"
        "<p>Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations</p>\n"
        + paragraphs(_BUSINESS, rounds)
        + "<p>Item 7A. Quantitative and Qualitative Disclosures About Market Risk</p>\n<p>None.</p>\n"
        "</body></html>\n"
    ).encode()


def call_text() -> bytes:
    """An earnings call as plain text: an operator, prepared remarks and a question-and-answer session."""
    lines = ["Operator: Good afternoon, and welcome to the Example Corporation earnings call.", ""]
    lines += [f"Jane Doe -- Chief Financial Officer: {s}" for s in _CALL_PREPARED]
    lines += ["", "Questions and Answers:", "", "Operator: Our first question comes from John Roe with a bank.", ""]
    for n, s in enumerate(_CALL_QA):
        lines += [f"{'John Roe -- Analyst' if n % 2 == 0 else 'Jane Doe -- Chief Financial Officer'}: {s}", ""]
    return "\n".join(lines).encode()


def warm(directory: Path) -> Warmed:
    """Flag the two texts into the cache kept in `directory` (the command line's WATCHDESK_CACHE_DIR/flagging) and
    save it; a folder that cannot be written is said in `problem`, never raised (the cache only costs speed)."""
    from watchdesk.agents.flagging.document import flag_document, load_document
    from watchdesk.agents.flagging.topics import load_topics

    if (problem := _unwritable(directory)) is not None:  # said at once, not after compiling for nothing
        return Warmed(regex_cache.cache_file(directory), problem, 0)
    regex_cache.use_dir(directory)
    documents = [load_document(filing_html(), origin="warm-up 10-K"), load_document(call_text(), origin="warm-up call")]
    library = load_topics()
    for document in documents:
        flag_document(document, topics=library)
    problem = regex_cache.save()
    path = regex_cache.cache_file(directory)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return Warmed(path, problem, size)


def _unwritable(directory: Path) -> str | None:
    """Why no file can be made in `directory` (made if missing), or None."""
    import tempfile

    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=directory):
            pass
    except OSError as exc:
        return str(exc.strerror or exc)  # the folder is named by the caller
    return None

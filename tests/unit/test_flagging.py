"""Flagging v0: sentence spans, topic matching, polarity, the labelled dev set, and speed."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pydantic import ValidationError

from tests.labels.readme_split import sentences as readme_sentences
from tests.timing import best_of
from watchdesk.agents.flagging.flag import Flag, flag_text
from watchdesk.agents.flagging.polarity import judge
from watchdesk.agents.flagging.prefilter import regex_keys, word_keys
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.topic_spec import TopicSpec
from watchdesk.agents.flagging.topics import TopicLibrary, load_topics
from watchdesk.sources.errors import ConfigError

CORE = ("inventory", "supply_chain", "geopolitical")


@pytest.fixture(scope="module")
def library() -> TopicLibrary:
    return load_topics()


@pytest.fixture(scope="module")
def core() -> TopicLibrary:
    return load_topics(CORE)


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


# --- sentences -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Apple Inc. reported results. Revenue was $1.5 billion, up 3.2% in Q3. Margins rose.",
            ["Apple Inc. reported results.", "Revenue was $1.5 billion, up 3.2% in Q3.", "Margins rose."],
        ),
        (
            "Mr. Smith met U.S. officials, e.g. Commerce, approx. 3 times. No. 2 is next. Done!",
            ["Mr. Smith met U.S. officials, e.g. Commerce, approx. 3 times.", "No. 2 is next.", "Done!"],
        ),
        ("It is Acme Corp. The rest follows.", ["It is Acme Corp. The rest follows."]),  # dev-set rule
        ('He said "we are done." Then he left.', ['He said "we are done."', "Then he left."]),
        ("Is it tight? yes, it is.", ["Is it tight? yes, it is."]),  # lower case never starts one
        ("See Item 1A. Risk Factors for more.", ["See Item 1A. Risk Factors for more."]),
    ],
)
def test_split_keeps_abbreviations_numbers_and_initials_inside(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_split_treats_lines_and_bullets_as_breaks_but_not_soft_wraps() -> None:
    text = (
        "Risk Factors\n"
        "• Supply constraints may persist.\n"
        "- Tariffs could rise\n"
        "1. Export controls\n"
        "(a) Customers may\n"
        "digest inventory.\n\n"
        "Prices • Volumes • Mix"
    )
    assert sentences(text) == [
        "Risk Factors",
        "Supply constraints may persist.",
        "Tariffs could rise",
        "Export controls",
        "Customers may\ndigest inventory.",
        "Prices",
        "Volumes",
        "Mix",
    ]


def test_split_spans_point_into_the_text_and_are_trimmed() -> None:
    text = "  First one.   Second one!  \n\n  (\n  --\n Third  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one!", "Third"]
    assert all(not text[a].isspace() and not text[b - 1].isspace() for a, b in spans)
    assert split_sentences("") == [] and split_sentences(" \n\t ") == []


def test_split_rebuilds_the_dev_set_sentences(shared_fixtures: Path) -> None:
    """The labels' splitter (README section 4) and ours agree on every labelled sentence."""
    for row in _dev_rows(shared_fixtures):
        listed = _file_sentences(shared_fixtures, row["file"])
        assert listed[row["idx"]] == row["sentence"], (row["file"], row["idx"])


def test_split_runs_faster_than_a_megabyte_per_tenth_of_a_second(shared_fixtures: Path) -> None:
    folder = shared_fixtures / "transcripts" / "plaintext_2023_2025"
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    megabytes = len(text) / 1e6
    assert megabytes > 1
    # CPU seconds (split_sentences is single-threaded): a loaded machine inflates wall time 5-10x, CPU time little
    elapsed = best_of(3, lambda: split_sentences(text), cpu=True)
    print(f"\nsplit_sentences: {megabytes:.2f} MB in {elapsed:.3f} s of CPU")
    assert elapsed < 0.5 * megabytes  # target 0.1 s per MB; 5x margin so a loaded CI box does not flake


# --- topics ----------------------------------------------------------------------------------

MENTIONS = [
    ("Customers are digesting inventory they bought last year.", {"inventory"}),
    ("We saw channel destocking through the quarter.", {"inventory"}),
    ("Some customers pulled in orders ahead of the tariffs.", {"inventory", "geopolitical"}),
    ("Lead times for analog parts stretched to 40 weeks.", {"supply_chain"}),
    ("We are adding capacity to meet demand for HBM.", {"supply_chain"}),
    ("Resin and freight costs rose again.", {"supply_chain"}),
    ("New export license requirements cover our data center GPUs.", {"geopolitical"}),
    ("Two of our customers were added to the Entity List.", {"geopolitical"}),
    ("Sales to China fell after the new restrictions.", {"geopolitical"}),
]
LOOK_ALIKES = [
    ("In my capacity as chairman, I thank the board.", "supply_chain"),
    ("In my capacity as chairman, I thank the board.", "capacity_capex"),
    ("We remain the sole supplier of LPDDR in the data center.", "supply_chain"),
    ("Our high-capacity DIMMs were in every new server.", "supply_chain"),
    ("Micron will exercise supply and capex discipline.", "supply_chain"),
    ("The NVIDIA AI Foundry service is available on Azure.", "supply_chain"),
    ("China revenue grew 6% sequentially.", "geopolitical"),
    ("Our business model is basically a software license.", "geopolitical"),
    ("This safe, proven technology is already sanctioned by US FDA, Health Canada, and EU law.", "geopolitical"),
    ("Debt securities issued by U.S. government agencies | 2,775 | 7 | (5) | 2,777", "geopolitical"),
    ("We repurchased $2 billion of stock.", "inventory"),
]


@pytest.mark.parametrize(("sentence", "topics"), MENTIONS)
def test_topics_catch_paraphrases(library: TopicLibrary, sentence: str, topics: set[str]) -> None:
    assert topics <= set(library.match(sentence)), library.match(sentence)


@pytest.mark.parametrize(("sentence", "topic"), LOOK_ALIKES)
def test_topics_reject_look_alikes(library: TopicLibrary, sentence: str, topic: str) -> None:
    assert topic not in library.match(sentence)


def test_exclusions_only_mask_the_look_alike_not_the_sentence(core: TopicLibrary) -> None:
    sentence = "In my capacity as CFO I can say supply constraints eased."
    assert [sentence[a:b] for a, b in core.match(sentence)["supply_chain"]] == ["supply constraints"]


def test_shipped_library_has_the_required_topics_each_in_one_regex(library: TopicLibrary) -> None:
    required = {"demand", "pricing_margins", "guidance", "capacity_capex", "regulation_litigation", "ai_demand"}
    assert set(CORE) | required <= set(library.names)
    for topic in library:
        assert isinstance(topic.regex, re.Pattern) and topic.spec.label and topic.spec.description


def test_unknown_topic_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"'tarrifs'.*known topics: inventory, supply_chain"):
        load_topics(["inventory", "tarrifs"])


def test_watchlist_topics_add_to_or_replace_the_shipped_ones() -> None:
    water = TopicSpec(name="water", label="Water", phrases=["water scarcity"], patterns=[r"drought\w*"])
    narrow = TopicSpec(name="inventory", label="Stock", phrases=["days of inventory"])
    lib = load_topics(["water", "inventory"], extra=[water, narrow])
    assert lib.names == ("water", "inventory")
    assert set(lib.match("Droughts cut output; days of inventory rose.")) == {"water", "inventory"}
    assert lib.match("Inventory rose.") == {}


def test_topic_specs_are_validated() -> None:
    with pytest.raises(ValidationError, match="bad regex"):
        TopicSpec(name="x", label="X", patterns=["(unclosed"])
    with pytest.raises(ValidationError, match="at least one phrase or pattern"):
        TopicSpec(name="x", label="X")
    with pytest.raises(ValidationError):
        TopicSpec(name="Bad Name", label="X", phrases=["y"])


def test_follow_ups_count_only_after_a_mention_in_the_same_paragraph(core: TopicLibrary) -> None:
    """"the new limits" is geopolitical right after export controls, not alone, not across a statement."""
    after = "The government widened the export controls in October. The new limits are quite stringent."
    assert [f.topic for f in flag_text(after, topics=core)] == ["geopolitical", "geopolitical"]
    assert flag_text(after, topics=core)[1].polarity == "negative"
    assert flag_text("The new limits are quite stringent.", topics=core) == []
    apart = after.replace(". The new", ".\n\nThe new")  # a blank line: another speaker's statement
    assert [f.sentence for f in flag_text(apart, topics=core)] == [after.split(". ")[0] + "."]


def test_document_patterns_count_only_in_a_document_about_the_topic(core: TopicLibrary) -> None:
    china = "China revenue declined sharply in the quarter."
    assert flag_text(china, topics=core) == []
    controls = "\n\n".join(
        ["New export controls took effect.", "We applied for export licenses.", "Tariffs rose again.",
         "The entity list grew.", china]
    )  # fmt: skip
    assert [f.topic for f in flag_text(controls, topics=core)][-1:] == ["geopolitical"]


def test_watchlist_topics_can_have_follow_ups_and_document_patterns() -> None:
    water = TopicSpec(
        name="water", label="Water", phrases=["water scarcity"], context=[r"the drought"], document=["rainfall"],
        document_min=1,
    )
    lib = load_topics(["water"], extra=[water])
    flags = flag_text("Water scarcity worsened. The drought lasted all summer.\n\nRainfall was low.", topics=lib)
    assert len(flags) == 3
    with pytest.raises(ValidationError, match="bad regex"):
        TopicSpec(name="x", label="X", phrases=["y"], context=["(unclosed"])


def test_prefilter_keys_never_lose_a_match(library: TopicLibrary, shared_fixtures: Path) -> None:
    """Flags found through the word-key pre-filter equal those of a full regex scan per sentence."""
    text = (shared_fixtures / "transcripts" / "plaintext_2023_2025" / "MU_2024_Q2.txt").read_text()
    # direct mentions only: follow-ups and document-wide patterns (test_flag_quality.py) add to them
    direct = load_topics(extra=[replace(t.spec, context=(), document=()) for t in library])
    full = {(t.name, a) for a, b in split_sentences(text) for t in direct if t.hits(text, a, b)}
    assert {(f.topic, f.start) for f in flag_text(text, topics=direct, refine=False)} == full
    assert regex_keys(r"(?<!\w)(?:\w+ing)(?!\w)") is None  # no literal word: the topic scans all
    assert regex_keys(r"(?<!\w)(?:in\s+the\s+channel)(?!\w)") == {"chann"}
    assert {"suppl", "chain", "ai"} <= word_keys("ai supply-chain")


# --- polarity --------------------------------------------------------------------------------

POLARITY = [
    ("Inventory came down $300 million in the quarter.", "inventory", "positive"),
    ("Customers are digesting excess inventory.", "inventory", "negative"),
    ("We recorded an inventory write-down of $500 million.", "inventory", "negative"),
    ("There were no pull-ins ahead of the tariffs.", "inventory", "positive"),
    ("Ending inventory was $8.4 billion, or 160 days.", "inventory", "neutral"),
    ("Lead times extended to 52 weeks.", "supply_chain", "negative"),
    ("Lead times shortened to 12 weeks.", "supply_chain", "positive"),
    ("Supply constraints persisted through the quarter.", "supply_chain", "negative"),
    ("We did not see any supply constraints this quarter.", "supply_chain", "positive"),
    ("We are no longer supply constrained.", "supply_chain", "positive"),
    ("Supply constraints eased.", "supply_chain", "positive"),
    ("How are lead times trending?", "supply_chain", "neutral"),
    ("New export controls restrict our sales to China.", "geopolitical", "negative"),
    ("The export restrictions were lifted in May.", "geopolitical", "positive"),
    ("Inventory digestion at our data center customers is coming to an end.", "inventory", "positive"),
    ("We are seeing the end of the inventory correction in industrial.", "inventory", "positive"),
    ("And so we had to pause when the new restrictions came out.", "geopolitical", "negative"),
    ("The administration paused the additional tariffs for 90 days.", "geopolitical", "positive"),
]


@pytest.mark.parametrize(("sentence", "topic", "expected"), POLARITY)
def test_polarity_rules(sentence: str, topic: str, expected: str) -> None:
    polarity, score = judge(sentence, topic=topic)
    assert polarity == expected, score
    assert -1.0 <= score <= 1.0
    assert (score > 0) if expected == "positive" else (score < 0) if expected == "negative" else True


def test_polarity_works_for_watchlist_topics_with_generic_cues() -> None:
    assert judge("Water scarcity worsened sharply.", topic="water")[0] == "negative"
    assert judge("Water availability improved.", topic="water")[0] == "positive"


# --- flag_text -------------------------------------------------------------------------------


def test_flag_text_offsets_point_into_the_stored_text(core: TopicLibrary) -> None:
    body = "Revenue grew. Lead times extended again.\nWe wrote down inventory. China revenue grew."
    flags = flag_text(body, topics=core, section="Item 7", speaker="CFO", offset=1000)
    assert [(f.topic, f.polarity) for f in flags] == [("supply_chain", "negative"), ("inventory", "negative")]
    for f in flags:
        assert isinstance(f, Flag) and body[f.start - 1000 : f.end - 1000] == f.sentence
        assert (f.section, f.speaker) == ("Item 7", "CFO")
    with pytest.raises(AttributeError):
        flags[0].topic = "other"  # type: ignore[misc]


def test_flag_text_gives_one_flag_per_sentence_and_topic_in_text_order(core: TopicLibrary) -> None:
    text = "Tariffs caused pull-ins of inventory. Inventory fell. Supply tightened."
    flags = flag_text(text, topics=core)
    rank = {name: i for i, name in enumerate(core.names)}
    keys = [(f.start, rank[f.topic]) for f in flags]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert [f.topic for f in flags if f.start == 0] == ["inventory", "geopolitical"]


def test_flag_text_is_fast_on_a_whole_call(library: TopicLibrary, shared_fixtures: Path) -> None:
    text = (shared_fixtures / "transcripts" / "plaintext_2023_2025" / "NVDA_2026_Q1.txt").read_text()
    flag_text(text[:2000], topics=library)  # compile the cue regexes outside the timing
    elapsed = best_of(3, lambda: flag_text(text, topics=library), cpu=True)  # CPU seconds, as the test below
    print(f"\nflag_text: {len(text) / 1e3:.0f} KB call, 9 topics, {elapsed:.3f} s of CPU")
    assert elapsed < 1.0  # target 0.2 s (see the benchmark); 5x margin for a loaded CI box


def test_flag_text_handles_two_megabytes_in_about_a_second(library: TopicLibrary, shared_fixtures: Path) -> None:
    folder = shared_fixtures / "transcripts" / "plaintext_2023_2025"
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    text = (text + "\n\n" + text)[:2_000_000]
    flag_text(text[:2000], topics=library)
    elapsed = best_of(2, lambda: flag_text(text, topics=library), cpu=True)
    print(f"\nflag_text: 2 MB of call text, 9 topics, {elapsed:.2f} s of CPU")
    # About 1.5 s of CPU measured alone; CPU time (not wall time, which a busy 2-core CI machine inflates 2-4x) and
    # a generous bound catch pathological slowdowns. The throughput figures come from the benchmark, not tests.
    assert elapsed < 6.0


# --- the labelled dev set (recall, precision and polarity: test_flag_quality.py) ------------------


def _dev_rows(shared_fixtures: Path) -> list[dict]:
    path = shared_fixtures / "labels" / "topic_mentions_dev.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _file_sentences(shared_fixtures: Path, name: str) -> list[str]:
    """A transcript's sentence list as the labels number it (README section 4)."""
    return [s for s, _ in readme_sentences(shared_fixtures, name)]


def test_an_exhibit_index_row_is_no_flag() -> None:
    """A review (session 21): Tesla's 10-K exhibit list flagged 'Supply Agreement' rows as good news or warnings."""
    from watchdesk.agents.flagging.table_rows import is_exhibit_row

    assert is_exhibit_row("10.17† | Supply Agreement between Panasonic Corporation and the Registrant dated October 5, "
                          "2011. | 10-K | 001-34756 | 10.50 | February 27, 2012")
    assert is_exhibit_row("4.1 | Specimen common stock certificate")
    assert not is_exhibit_row("Supply chain | Our suppliers were constrained this quarter.")
    assert not is_exhibit_row("We expect supply constraints to ease.")
    text = ("10.17† | Supply Agreement between Panasonic Corporation and the Registrant dated October 5, 2011. | 10-K\n"
            "Supply constraints at our battery suppliers delayed production.")
    flags = flag_text(text, topics=load_topics(["supply_chain"]))
    assert [f.sentence[:20] for f in flags] == ["Supply constraints a"]

"""Sections of real 10-K, 10-Q and 20-F filings, items of real 8-Ks and a 6-K, and the general rules behind them."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from watchdesk.sources.errors import ConfigError, ParsingError
from watchdesk.sources.filing_items import extract_items, split_submission
from watchdesk.sources.html_text import html_to_text
from watchdesk.sources.sections import Section, detect_form, extract_sections
from watchdesk.sources.sgml import parse_full_submission, parse_index_items

TEN_K_ALL = ["1", "1A", "1B", "1C", "2", "3", "4", "5", "6", "7", "7A", "8",
             "9", "9A", "9B", "9C", "10", "11", "12", "13", "14", "15", "16"]  # fmt: skip
TEN_Q_ALL = ["I-1", "I-2", "I-3", "I-4", "II-1", "II-1A", "II-2", "II-3", "II-4", "II-5", "II-6"]
TWENTY_F_PLYMOUTH = ["1", "2", "3", "3.D", "4", "4A", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14",
                     "15", "16A", "16B", "16C", "16D", "16E", "16F", "17", "18", "19"]  # fmt: skip
# Every real 10-K, 10-Q and 20-F in the fixtures, with the items its own table of contents lists.
SECTIONED = {
    "AAPL_10-K_FY2024_filed-2024-11-01.html": ("10-K", TEN_K_ALL),
    "NVDA_10-K_FY2025_filed-2025-02-26.html": ("10-K", TEN_K_ALL),
    "AAPL_10-Q_Q3FY2025_filed-2025-08-01.html": ("10-Q", TEN_Q_ALL),
    "NVDA_10-Q_Q2FY2026_filed-2025-08-27.html": ("10-Q", [i for i in TEN_Q_ALL if i not in ("II-3", "II-4")]),
    "PlymouthRock_20-F_0001062993-21-003193.html": ("20-F", TWENTY_F_PLYMOUTH),
}
# A contents entry: an item (or 20-F sub-item) line ending in a page number.
CONTENTS_LINE = re.compile(r"^(?:Item\s*\d|[A-F]\.\s).*\|\s*\d{1,3}$", re.IGNORECASE | re.MULTILINE)
SIGNATURES = re.compile(r"^SIGNATURES?$", re.IGNORECASE | re.MULTILINE)


@cache
def clean_text(path: Path) -> str:
    return html_to_text(path.read_bytes())


def fixture_text(edgar_fixtures: Path, name: str) -> str:
    path = edgar_fixtures / "filings" / name
    if not path.exists():
        pytest.skip(f"{name} is not in the fixtures")
    return clean_text(path)


def heading_pattern(item: str) -> re.Pattern[str]:
    """What the heading line at a section's start must say."""
    if item == "3.D":
        return re.compile(r"(?:Item\s*3\.?\s*)?D\.", re.IGNORECASE)
    number = item.rsplit("-", 1)[-1]
    return re.compile(rf"(?:PART\s+[IV]+\W+)?ITEMS?\s*{number}\b", re.IGNORECASE)


# --- real filings ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SECTIONED))
def test_every_expected_section_is_found_in_order(edgar_fixtures: Path, name: str) -> None:
    form, expected = SECTIONED[name]
    text = fixture_text(edgar_fixtures, name)
    assert detect_form(text) == form
    assert [s.item for s in extract_sections(text, form=form)] == expected


@pytest.mark.parametrize("name", sorted(SECTIONED))
def test_sections_start_at_their_heading_after_the_contents(edgar_fixtures: Path, name: str) -> None:
    form, _ = SECTIONED[name]
    text = fixture_text(edgar_fixtures, name)
    contents_end = max(m.end() for m in CONTENTS_LINE.finditer(text))  # every fixture has a paged contents
    for section in extract_sections(text, form=form):
        assert section.start > contents_end, f"{section.item} starts inside the table of contents"
        assert heading_pattern(section.item).match(text, section.start), text[section.start : section.start + 80]
        assert section.title


@pytest.mark.parametrize("name", sorted(SECTIONED))
def test_each_section_ends_where_the_next_begins(edgar_fixtures: Path, name: str) -> None:
    form, _ = SECTIONED[name]
    text = fixture_text(edgar_fixtures, name)
    sections = extract_sections(text, form=form)
    for section, following in itertools.pairwise(sections):
        assert section.end == following.start
    for section in sections:
        assert section.text == text[section.start : section.end]
    last = sections[-1]
    assert SIGNATURES.match(text, last.end), "the last section ends at the signatures"


def section(sections: list[Section], item: str) -> Section:
    return next(s for s in sections if s.item == item)


def test_nvda_10k_key_sections_hold_their_content(edgar_fixtures: Path) -> None:
    text = fixture_text(edgar_fixtures, "NVDA_10-K_FY2025_filed-2025-02-26.html")
    sections = extract_sections(text, form="10-K")
    risk = section(sections, "1A")
    assert risk.title == "Risk Factors" and len(risk.text) > 50_000
    assert "Competition could adversely impact our market share and financial results." in risk.text
    assert "Cybersecurity" in section(sections, "1C").text
    assert "Results of Operations" in section(sections, "7").text
    assert "foreign exchange" in section(sections, "7A").text.lower()


def test_incorporated_by_reference_items_return_the_short_text_there(edgar_fixtures: Path) -> None:
    text = fixture_text(edgar_fixtures, "AAPL_10-K_FY2024_filed-2024-11-01.html")
    sections = extract_sections(text, form="10-K")
    for item in ("11", "12", "13", "14"):
        short = section(sections, item)
        assert "incorporated herein by reference" in short.text and len(short.text) < 400


def test_nvda_10q_md_and_a_and_risk_factors(edgar_fixtures: Path) -> None:
    text = fixture_text(edgar_fixtures, "NVDA_10-Q_Q2FY2026_filed-2025-08-27.html")
    sections = extract_sections(text, form="10-Q")
    assert section(sections, "I-2").title.startswith("Management")
    assert section(sections, "I-3").title.startswith("Quantitative")
    assert len(section(sections, "II-1A").text) > 10_000


def test_twenty_f_risk_factors_is_its_own_section(edgar_fixtures: Path) -> None:
    text = fixture_text(edgar_fixtures, "PlymouthRock_20-F_0001062993-21-003193.html")
    sections = extract_sections(text, form="20-F")
    key_info, risk = section(sections, "3"), section(sections, "3.D")
    assert key_info.end == risk.start and risk.end == section(sections, "4").start
    assert risk.title == "Risk Factors" and "going concern" in risk.text
    assert "Operating Results" in section(sections, "5").text


PEAK_RSS = """
import re, resource, sys
from pathlib import Path
from watchdesk.sources.html_text import html_to_text
from watchdesk.sources.sections import extract_sections
sections = extract_sections(html_to_text(Path(sys.argv[1]).read_bytes()), form="10-K")
status = Path("/proc/self/status")
hwm = re.search(r"VmHWM:\\s+(\\d+)", status.read_text()) if status.exists() else None
kib = int(hwm.group(1)) if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(sections), kib // 1024)
"""


def test_sectioning_the_largest_10k_stays_under_300_mb(edgar_fixtures: Path) -> None:
    """In a fresh process; VmHWM because Linux carries pytest's own peak into a child's ru_maxrss."""
    largest = max((edgar_fixtures / "filings").glob("*_10-K_*.htm*"), key=lambda p: p.stat().st_size)
    command = [sys.executable, "-c", PEAK_RSS, str(largest)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    count, peak_mb = map(int, done.stdout.split())
    print(f"peak RSS sectioning {largest.name}: {peak_mb} MB")
    assert count >= 20 and peak_mb < 300


# --- 8-K items and 6-K contents ---------------------------------------------------------------

EIGHT_K = {  # document -> (where EDGAR's index of its items is, expected item numbers)
    "ADBE_8-K_2023-03_adbe-20230315.htm": "ADBE_8-K_2023-03_0000796343-23-000044-index.html",
    "ADBE_8-K_2023-03-15_earnings_0000796343-23-000044.txt": "ADBE_8-K_2023-03_0000796343-23-000044-index.html",
    "NVDA_8-K_2026-03_nvda-20260302.htm": "NVDA_8-K_2026-03_0001045810-26-000024-index.html",
    "NVDA_8-K_2026-03_0001045810-26-000024.txt": "NVDA_8-K_2026-03_0001045810-26-000024-index.html",
}


def filing(edgar_fixtures: Path, name: str) -> bytes:
    path = edgar_fixtures / "filings" / name
    if not path.exists():
        pytest.skip(f"{name} is not in the fixtures")
    return path.read_bytes()


@pytest.mark.parametrize("name", sorted(EIGHT_K))
def test_8k_items_match_the_filing_index(edgar_fixtures: Path, name: str) -> None:
    indexed = parse_index_items(filing(edgar_fixtures, EIGHT_K[name]))
    items = extract_items(filing(edgar_fixtures, name))
    assert [(i.item, i.title) for i in items] == list(indexed.items())


def test_8k_items_match_the_sgml_header(edgar_fixtures: Path) -> None:
    """ABVC: four items, one of them ("7.01") only a cross-reference to another ("Item 2.02 of this ...")."""
    data = filing(edgar_fixtures, "ABVC_8-K_2025-04-15_0001213900-25-032135.txt")
    header, _ = parse_full_submission(data)
    items = extract_items(data)
    assert [i.title for i in items] == header["ITEM INFORMATION"]
    assert [i.item for i in items] == ["2.02", "4.02", "7.01", "9.01"]
    reference = items[2]
    assert reference.text.startswith("Item 7.01") and "incorporated herein" in reference.text


def test_8k_item_text_runs_from_heading_to_next_heading(edgar_fixtures: Path) -> None:
    items = extract_items(filing(edgar_fixtures, "BKE_8-K.html"))
    assert [i.item for i in items] == ["2.02", "9.01"]
    text = html_to_text(filing(edgar_fixtures, "BKE_8-K.html"))
    assert items[0].end == items[1].start and items[0].text == text[items[0].start : items[0].end]
    assert items[1].text.startswith("ITEM 9.01(d). Exhibits") and "SIGNATURES" not in items[1].text


def test_header_names_items_the_text_does_not_head(edgar_fixtures: Path) -> None:
    data = filing(edgar_fixtures, "ADBE_8-K_2023-03-15_earnings_0000796343-23-000044.txt")
    primary, header, _ = split_submission(data)
    text = html_to_text(primary).replace("Item 9.01.", "Exhibits:")
    items = extract_items(text, header=header)
    assert [(i.item, i.start) for i in items][1] == ("9.01", -1)


def test_6k_lists_the_press_release_it_comprises(edgar_fixtures: Path) -> None:
    items = extract_items(filing(edgar_fixtures, "PHILIPS_6-K_2023-01-30_phg-20230130.html"))
    assert [(i.item, i.title) for i in items] == [
        ("1", "Philips presents its plan to create value with sustainable impact")
    ]
    assert items[0].text.startswith("Philips presents its plan") and "Roy Jakobs" in items[0].text


def test_6k_exhibits_come_from_the_full_submission() -> None:
    cover = b"<html><body><p>FORM 6-K</p><p>REPORT OF FOREIGN PRIVATE ISSUER</p></body></html>"
    release = b"<html><head><title>TSMC Q3 results</title></head><body><p>Revenue rose.</p></body></html>"
    data = b"".join([
        b"<SEC-DOCUMENT>x.txt\n<SEC-HEADER>x.hdr.sgml\nCONFORMED SUBMISSION TYPE:\t6-K\n</SEC-HEADER>\n",
        b"<DOCUMENT>\n<TYPE>6-K\n<SEQUENCE>1\n<FILENAME>a.htm\n<TEXT>\n", cover, b"\n</TEXT>\n</DOCUMENT>\n",
        b"<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>b.htm\n<DESCRIPTION>EX-99.1\n<TEXT>\n", release,
        b"\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n",
    ])  # fmt: skip
    [exhibit] = extract_items(data)
    assert (exhibit.item, exhibit.title, exhibit.start) == ("EX-99.1", "TSMC Q3 results", -1)
    assert exhibit.text == "Revenue rose."


def test_6k_exhibit_index_in_the_text() -> None:
    text = "FORM 6-K\nREPORT OF FOREIGN PRIVATE ISSUER\nEXHIBIT INDEX\nExhibit | Description\n99.1 | Press release\n"
    assert [(i.item, i.title) for i in extract_items(text)] == [("EX-99.1", "Press release")]


def test_items_of_a_10k_is_an_error() -> None:
    with pytest.raises(ParsingError, match="sections"):
        extract_items("FORM 10-K\nANNUAL REPORT\nItem 1. Business\n")


# --- general rules, on small texts ---------------------------------------------------------------

BODY = "This paragraph is body text and ends with a full stop, as real sections do."


def ten_k(*lines: str) -> str:
    return "\n".join(["FORM 10-K", *lines, "SIGNATURES", "Jane Doe"])


def test_contents_without_page_numbers_are_skipped() -> None:
    text = ten_k("Item 1. Business", "Item 1A. Risk Factors", "Item 7. Management's Discussion", "Part II",
                 "Item 8. Financial Statements", BODY,
                 "Item 1. Business", BODY, "Item 1A. Risk Factors", BODY, "Item 7. Management's Discussion", BODY,
                 "Item 8. Financial Statements", BODY)  # fmt: skip
    sections = extract_sections(text, form="10-K")
    assert [s.item for s in sections] == ["1", "1A", "7", "8"]
    assert sections[0].start == text.index("Item 1. Business\n" + BODY)


def test_a_straggling_contents_entry_loses_to_the_real_heading() -> None:
    # The last contents line has no page number and is followed by an introduction: it is not a run.
    text = ten_k("Item 1. Business | 3", "Item 1A. Risk Factors | 9", "Item 7. MD&A", BODY,
                 "Item 1. Business", BODY, "Item 1A. Risk Factors", BODY, "Item 7. MD&A", BODY)  # fmt: skip
    sections = extract_sections(text, form="10-K")
    assert [s.item for s in sections] == ["1", "1A", "7"]
    assert sections[2].start == text.rindex("Item 7. MD&A")


def test_title_on_the_line_below_and_one_word_answers() -> None:
    text = ten_k("ITEM 1A.", "RISK FACTORS", BODY, "ITEM 1B.", "UNRESOLVED STAFF COMMENTS", "None",
                 "ITEM 2.", "PROPERTIES", "Not applicable", "ITEM 3.", "LEGAL PROCEEDINGS", "None")  # fmt: skip
    sections = extract_sections(text, form="10-K")
    assert [(s.item, s.title) for s in sections] == [
        ("1A", "RISK FACTORS"), ("1B", "UNRESOLVED STAFF COMMENTS"), ("2", "PROPERTIES"), ("3", "LEGAL PROCEEDINGS")
    ]  # fmt: skip
    assert sections[1].text == "ITEM 1B.\nUNRESOLVED STAFF COMMENTS\nNone\n"


def test_cross_references_are_not_headings() -> None:
    text = ten_k("Item 1A. Risk Factors", BODY,
                 "Item 7 of this report discusses results; see also the risks above.",
                 "Item 1A, “Risk Factors,” describes more.", "Item 7. Management's Discussion", BODY)  # fmt: skip
    sections = extract_sections(text, form="10-K")
    assert [s.item for s in sections] == ["1A", "7"]
    assert sections[1].start == text.index("Item 7. Management")


def test_running_page_header_does_not_steal_a_section() -> None:
    text = ten_k("ITEM 7. MANAGEMENT'S DISCUSSION AND ANALYSIS", BODY, "PART II Item 7",
                 "continued body text of the discussion, cut by a page break in the original filing.",
                 "ITEM 8. FINANCIAL STATEMENTS", BODY)  # fmt: skip
    sections = extract_sections(text, form="10-K")
    assert [(s.item, s.start) for s in sections] == [("7", text.index("ITEM 7.")), ("8", text.index("ITEM 8."))]


def test_10q_parts_from_part_lines_or_titles() -> None:
    with_parts = "\n".join(["FORM 10-Q", "PART I. FINANCIAL INFORMATION", "Item 2. Management's Discussion", BODY,
                            "PART II. OTHER INFORMATION", "Item 1A. Risk Factors", BODY, "Item 2. Unregistered Sales",
                            BODY])  # fmt: skip
    assert [s.item for s in extract_sections(with_parts, form="10-Q")] == ["I-2", "II-1A", "II-2"]
    without = "\n".join(["Item 2. Management's Discussion", BODY, "Item 1A. Risk Factors", BODY,
                         "Item 2. Unregistered Sales of Equity Securities", BODY])  # fmt: skip
    assert [s.item for s in extract_sections(without, form="10-Q")] == ["I-2", "II-1A", "II-2"]


def test_part_prefix_on_the_heading_line() -> None:
    text = ten_k("PART II — ITEM 5. MARKET FOR REGISTRANT'S COMMON EQUITY", BODY, "ITEM 7. MD&A", BODY)
    sections = extract_sections(text, form="10-K")
    assert [(s.item, s.title) for s in sections] == [("5", "MARKET FOR REGISTRANT'S COMMON EQUITY"), ("7", "MD&A")]


def test_twenty_f_sub_items_are_not_items() -> None:
    text = "\n".join(["FORM 20-F", "Item 3. Key Information", BODY, "Item 3.D Risk Factors", BODY,
                      "Item 4. Information on the Company", BODY, "Item 4.A History and Development", BODY,
                      "Item 4A. Unresolved Staff Comments", "None.", "Item 5. Operating and Financial Review", BODY])
    sections = extract_sections(text, form="20-F")
    assert [s.item for s in sections] == ["3", "3.D", "4", "4A", "5"]
    assert sections[1].text.startswith("Item 3.D Risk Factors")


def test_no_sections_found_is_an_empty_list() -> None:
    assert extract_sections("Nothing here.\nNot a filing.", form="10-K") == []


def test_sections_of_an_8k_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="items"):
        extract_sections("FORM 8-K", form="8-K")


@pytest.mark.parametrize(
    ("cover", "form"),
    [
        ("UNITED STATES\nFORM 10-K\n☒ ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d)", "10-K"),
        ("FORM 10-Q/A\n(Amendment No. 1)", "10-Q/A"),
        ("FORM 6-K\nREPORT OF FOREIGN PRIVATE ISSUER\nForm 20-F ☒\nForm 40-F ☐", "6-K"),
        ("QUARTERLY REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT", "10-Q"),
        ("A letter to shareholders.", None),
    ],
)
def test_detect_form_from_the_cover(cover: str, form: str | None) -> None:
    assert detect_form(cover) == form


def test_page_header_with_a_subheading_below_loses_to_the_official_heading() -> None:
    # Some filers repeat "Item 1A" at the top of every page; the line under it is then a sub-heading.
    text = ten_k("ITEM 1A. RISK FACTORS", BODY, "Item 1A", "Competition", BODY, "ITEM 1B. UNRESOLVED STAFF COMMENTS",
                 "None.")  # fmt: skip
    sections = extract_sections(text, form="10-K")
    assert [(s.item, s.start) for s in sections] == [("1A", text.index("ITEM 1A.")), ("1B", text.index("ITEM 1B."))]


def test_older_10k_variants_are_sectioned_as_10k() -> None:
    text = ten_k("Item 1. Business", BODY, "Item 7. Management's Discussion", BODY)
    assert [s.item for s in extract_sections(text, form="10-K405")] == ["1", "7"]


def test_a_paragraph_starting_with_an_item_reference_is_not_the_heading() -> None:
    text = "\n".join(["FORM 10-Q", "PART II. OTHER INFORMATION", "Item 1A. Risk Factors", BODY,
                      "Part I, Item 1A. Risk Factors in our Annual Report on Form 10-K describes the risks that could "
                      "affect us; there have been no material changes to them during the quarter that ended in June.",
                      "Item 6. Exhibits", BODY])  # fmt: skip
    sections = extract_sections(text, form="10-Q")
    assert [(s.item, s.start) for s in sections] == [("II-1A", text.index("Item 1A.")), ("II-6", text.index("Item 6."))]


def test_plain_text_contents_with_dot_leaders() -> None:
    text = ten_k("Item 1.  Business ........................ 3", "Item 7.  Management's Discussion ......... 21",
                 "Item 1.  Business", BODY, "Item 7.  Management's Discussion", BODY)  # fmt: skip
    sections = extract_sections(text, form="10-K")
    assert [(s.item, s.title, s.start) for s in sections] == [
        ("1", "Business", text.index("Item 1.  Business\n")),
        ("7", "Management's Discussion", text.index("Item 7.  Management's Discussion\n")),
    ]

"""Bug (the session's review of transcript loading): the check that a header-less call's opening names another company
read the operator's welcome in a few words only. "I would like to welcome you to the AMD fourth quarter call", "Hello
and welcome to today's AMD earnings call", "thank you for joining (us for) the AMD ... call", "Thank you for attending
the AMD ... Call", "Welcome to Advanced Micro Devices, Inc.'s ..." or "..., Inc. fourth quarter", "the Apple Inc. Q4
2024 earnings call" named no company, and "welcome to the Fiscal Year 2025 Fourth Quarter AMD earnings call" read as
the company "Year", "the Q1 FY25 Applied Materials earnings call" as "FY25 Applied Materials": an AMD call so opened,
dropped into NVIDIA's folder, was still stored as NVIDIA's. The forms already read ("Good day and welcome to AMD's
...", "Welcome to the AMD conference call", "Thank you for standing by, and welcome to ...") are kept. No fixture call
is left out of its own company (IBM's, "I'd like to welcome you to IBM's ...", now names IBM, its own): the test over
them is test_a_call_whose_opening_names_another_company_is_left_out.py's, now with the header's company taken away."""

from __future__ import annotations

import pytest

from watchdesk.agents import transcripts
from watchdesk.graph.goal.names import clearly_named, shipped_index
from watchdesk.sources.transcripts.model import Statement, Transcript

NVIDIA = shipped_index().by_ticker["NVDA"]
REQ = transcripts.TranscriptsRequest(company=NVIDIA, aliases=("NVIDIA",), chain=(), company_named=clearly_named)


@pytest.mark.parametrize(("opening", "other"), [
    ("At this time, I would like to welcome you to the AMD fourth quarter call.", "AMD (AMD)"),
    ("Hello and welcome to today's AMD earnings call.", "AMD (AMD)"),
    ("Good afternoon, and thank you for joining the AMD fourth quarter 2024 earnings call.", "AMD (AMD)"),
    ("Thank you for joining us for AMD's fourth quarter 2024 earnings call.", "AMD (AMD)"),
    ("Good afternoon. Thank you for attending the AMD Fourth Quarter 2024 Earnings Call.", "AMD (AMD)"),
    ("Welcome to Advanced Micro Devices, Inc.'s fourth quarter call.", "Advanced Micro Devices (AMD)"),
    ("Good day, everyone, and welcome to the Advanced Micro Devices, Inc. fourth quarter 2024 conference call.",
     "Advanced Micro Devices (AMD)"),
    ("Welcome to the Fiscal Year 2025 Fourth Quarter AMD earnings call.", "AMD (AMD)"),
    ("Ladies and gentlemen, welcome to the Apple Inc. Q4 2024 earnings call.", "Apple (AAPL)"),
    ("Hello, everyone, and welcome to the Q1 FY25 Applied Materials earnings call.", "Applied Materials (AMAT)"),
    ("Good morning, and welcome to the Third Quarter Fiscal Year 2025 Micron Technology earnings call.",
     "Micron Technology (MU)"),
    # read before as well
    ("Good day and welcome to AMD's fourth quarter 2024 earnings call.", "AMD (AMD)"),
    ("Welcome to the AMD conference call.", "AMD (AMD)"),
    ("Thank you for standing by, and welcome to the AMD Q4 2024 earnings call.", "AMD (AMD)"),
])  # fmt: skip
def test_another_companys_call_is_left_out_whatever_its_welcome(opening: str, other: str) -> None:
    call = Transcript(statements=[Statement(kind="operator", text=opening),
                                  Statement(text="Thank you, operator. Good afternoon, everyone.")])  # fmt: skip
    assert transcripts._opening_names_another(call, REQ) == other


@pytest.mark.parametrize("opening", [
    "Welcome to our business update call.", "Thank you for joining us today.",
    "Thank you for joining Jensen and me on the call.", "Good afternoon, and welcome to NVIDIA's earnings call.",
])  # fmt: skip
def test_an_opening_naming_no_other_company_keeps_the_call(opening: str) -> None:
    call = Transcript(statements=[Statement(text=opening)])
    assert transcripts._opening_names_another(call, REQ) is None


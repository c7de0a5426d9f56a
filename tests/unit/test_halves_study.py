"""The halves study's split (tests/packs/halves_study.py): by company, fixed before any miss was read."""

from __future__ import annotations

from tests.packs import halves_study as study


def test_every_quarter_of_a_company_falls_in_the_same_half() -> None:
    calls = ["plaintext_2023_2025/NVDA_2024_Q2.txt", "plaintext_2023_2025/NVDA_2026_Q1.txt",
             "motley_fool_json/TGT_q3_2021.json", "plaintext_2023_2025/MU_2024_Q2.txt",
             "plaintext_2023_2025/MU_2025_Q3.txt", "plaintext_2023_2025/AMD_2024_Q4.txt"]  # fmt: skip
    assert [study.half(c) for c in calls] == ["A", "A", "A", "B", "B", "B"]


def test_a_company_the_split_does_not_name_is_scored_not_read() -> None:
    assert study.half("motley_fool_json/ZZZ_q1_2030.json") == "B"

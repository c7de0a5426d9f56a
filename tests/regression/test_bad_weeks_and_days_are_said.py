"""Bug (a CLI review): `watchdesk brief --week 2026-W60` said "--week '2026-W60': Invalid week: 60" (Python's words),
`--week ""` was taken as no week and briefed the latest period, and a day that does not exist (`--since 2026-02-30`,
`plan --as-of 2026-13-01`) said "does not match the format '%Y-%m-%d'", though it does. Now the week says how many
weeks its year has, an empty week is refused, and a day says why it is none."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from watchdesk.agents.briefing.period import iso_week
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.sources.errors import ConfigError


def test_a_week_past_its_years_last_says_how_many_it_has() -> None:
    with pytest.raises(ConfigError, match=r"^--week '2026-W60': 2026 has weeks W01 to W53$"):
        iso_week("2026-W60")
    with pytest.raises(ConfigError, match=r"^--week '2025-W00': 2025 has weeks W01 to W52$"):
        iso_week("2025-W00")
    with pytest.raises(ConfigError, match=r"^--week '' is not an ISO week like 2025-W35 \(or 2025W35, 2025-w35\)$"):
        iso_week("")


@pytest.mark.parametrize(("args", "said"), [
    (["brief", "--week", ""], "--week '' is not an ISO week like 2025-W35 (or 2025W35, 2025-w35)"),
    (["brief", "--since", "2026-02-30", "--until", "2026-03-01"],
     "Invalid value for '--since': '2026-02-30' is not a day (day is out of range for month); give YYYY-MM-DD"),
    (["plan", "Track AMD", "--as-of", "2026-13-01"],
     "Invalid value for '--as-of': '2026-13-01' is not a day (month must be in 1..12); give YYYY-MM-DD"),
    (["edgar", "download", "NVDA", "--form", "10-K", "--after", "yesterday"],
     "Invalid value for '--after': 'yesterday' is not a day like 2026-03-02 (YYYY-MM-DD)"),
])  # fmt: skip
def test_a_bad_week_or_day_is_said(args: list[str], said: str, tmp_path: object) -> None:
    result = CliRunner().invoke(cli, [*args, *(["--db", f"{tmp_path}/none.duckdb"] if args[0] == "brief" else [])])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert said in " ".join(result.output.split())

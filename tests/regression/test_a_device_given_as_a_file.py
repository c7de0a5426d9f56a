"""Bug (a CLI review): a device given where a file is read (`watchdesk flag /dev/zero`, `transcript parse /dev/zero`,
`edgar text /dev/zero`, `sentiment --input /dev/zero`, `run /dev/zero --dry-run`, `schedule install w.toml
--crontab-file /dev/full`) was read until memory ran out: the command never ended. A character or block device is now
said to be one (exit 2); a pipe (`<(...)`, /dev/stdin from a pipe) is still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.regression.cli_said import said
from watchdesk.graph.cli import EXIT_CONFIG

pytestmark = pytest.mark.skipif(not Path("/dev/zero").is_char_device(), reason="no /dev/zero here")


@pytest.mark.parametrize("args", [
    ["flag", "/dev/zero"], ["transcript", "parse", "/dev/zero"], ["edgar", "text", "/dev/zero"],
    ["sentiment", "--input", "/dev/zero"], ["run", "/dev/zero", "--dry-run"],
    ["schedule", "install", "{tmp}/w.toml", "--crontab-file", "/dev/zero"],
])  # fmt: skip
def test_a_device_is_said_to_be_one(args: list[str], tmp_path: Path) -> None:
    code, output = said(args, tmp_path)
    assert code == EXIT_CONFIG and "/dev/zero is a device, not a file" in output, output

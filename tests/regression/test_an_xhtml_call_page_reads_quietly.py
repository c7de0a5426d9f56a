"""Bug: a transcript page served as XHTML (it opens with `<?xml version="1.0"?>`, as many investor-relations
pages do) made `watchdesk transcript parse`, `watchdesk flag` and `watchdesk transcript fetch` print
BeautifulSoup's 12-line XMLParsedAsHTMLWarning, with a source line of watchdesk's and advice to install lxml,
on stderr before the result: the page is HTML and was read right."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.robustness.inputs import HTML_CALL

pytestmark = pytest.mark.fixtures


@pytest.mark.parametrize("command", [["transcript", "parse"], ["flag"]])
def test_an_xhtml_call_page_prints_no_library_warning(command: list[str], shared_fixtures: Path,
                                                      tmp_path: Path) -> None:
    page = tmp_path / "call.html"
    page.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n' + (shared_fixtures / HTML_CALL).read_bytes())
    # a process of its own, as a user runs it: Python's default warning filters, stderr as the terminal shows it
    result = subprocess.run([sys.executable, "-c", "from watchdesk.graph.cli import main; main()", *command,
                             str(page)], capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr[-500:]
    assert "Warning" not in result.stderr and "lxml" not in result.stderr, result.stderr[:500]
    assert result.stdout.strip()

"""Bug: briefing files came out readable by their owner alone (mode 0600, the temporary file's, kept by the rename
that makes the write atomic), where every other file the user makes, a `file` delivery's copies included, follows
the umask (0644 as usual): a briefing folder shared with a team or served by a web server showed nothing but
"permission denied". Now a new briefing gets the mode a new file would, and one written again keeps its own."""

from __future__ import annotations

import os
from pathlib import Path

from watchdesk.agents.briefing.files import write_atomic


def umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_new_briefing_follows_the_umask_and_a_rewritten_one_keeps_its_mode(tmp_path: Path) -> None:
    made = tmp_path / "plain.md"
    made.write_text("# notes\n", encoding="utf-8")
    briefing = tmp_path / "briefing.md"
    write_atomic(briefing, "# watchdesk briefing: semis\n")
    assert briefing.stat().st_mode & 0o777 == made.stat().st_mode & 0o777 == 0o666 & ~umask()
    briefing.chmod(0o640)
    write_atomic(briefing, "# watchdesk briefing: semis, again\n")
    assert briefing.stat().st_mode & 0o777 == 0o640
    assert briefing.read_text(encoding="utf-8") == "# watchdesk briefing: semis, again\n"

"""A review: a file delivery naming a .md file, on a briefing written as HTML alone (`watchdesk brief --format html
--deliver`), failed with a bare "KeyError: 'md'". Now it says which file is missing and what to do."""

from __future__ import annotations

from pathlib import Path

from watchdesk.agents.briefing.deliver import Channels, Message, Target, deliver
from watchdesk.store.store import Store


def test_a_md_target_on_an_html_only_briefing_says_why(tmp_path: Path) -> None:
    html = tmp_path / "out" / "briefing-chips-2026-W29.html"
    html.parent.mkdir()
    html.write_text("<!DOCTYPE html>\n<title>watchdesk briefing: chips</title>\n", encoding="utf-8")
    msg = Message(briefing_id="b1", run_id="r1", watchlist="chips", period=(None, None), period_label="2026-W29",
                  paths={"html": html}, text="", html=None, headline="")  # fmt: skip
    said: list[str] = []
    with Store.open(":memory:") as store:
        (out,) = deliver(msg, [Target(kind="file", path=str(tmp_path / "copy.md"))], channels_=Channels(),
                         store=store, report=said.append)  # fmt: skip
    assert out.status == "failed" and not (tmp_path / "copy.md").exists()
    assert out.error == ("the briefing was written as HTML alone, with no .md file to copy: brief with --format "
                         "md,html (the default), or give this target a .html file or a folder")  # fmt: skip
    assert said == [f"delivery file {tmp_path / 'copy.md'}: failed ({out.error})"]

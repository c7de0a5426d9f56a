"""`watchdesk demo`: the whole pipeline, offline, on the recorded SEC responses bundled with watchdesk."""

from __future__ import annotations

from pathlib import Path

import click

from watchdesk.graph.cli import _settings, db_option, out_option, progress


@click.command("demo")
@db_option
@out_option
@click.option("--quiet", is_flag=True, help="No progress lines.")
@click.pass_context
def demo(ctx: click.Context, db: Path | None, out: Path | None, quiet: bool) -> None:
    """Run the whole pipeline offline on recorded SEC responses bundled with watchdesk.

    The canonical job: NVIDIA, TSMC and ASML on inventory, supply chain and geopolitics. SEC's answers come from the
    bundled replay pack, the calls and news feeds from the team's fixtures beside the checkout (../shared/fixtures:
    their text is the publishers', so none ships with watchdesk); each is a gap when absent, as is what no recording
    covers. Leaves the database (default watchdesk.duckdb), the pack it replayed and the watchlist it ran
    (.watchdesk/demo-watchlist.toml, beside the database) and the briefing, whose paths it prints.

    \b
    Examples:
      watchdesk demo --db demo.duckdb --out demo-briefings
      watchdesk run .watchdesk/demo-watchlist.toml --replay .watchdesk/demo-replay-* --as-of 2026-07-17
                                                  # then one week of it (TSMC's call), as a weekly run briefs it
    """
    from watchdesk.graph.demo import DEMO_RUN_ID, demo_settings, demo_watchlist, write_demo_watchlist

    base = _settings(ctx, db_path=db, out_dir=out)
    from watchdesk.graph.validate import writable_paths

    # before its pack is copied
    writable_paths(demo_watchlist(), out_dir=Path(base.out_dir), db_path=base.db_path, command="demo",
                   db_named_by=base.db_named_by)
    # The replayed pack (the bundled one plus the fixtures' feeds) stays beside the database: the gaps and the
    # run record name it, so it must still be there to read, or to resume the run from.
    work = Path(base.db_path).resolve().parent / ".watchdesk"
    settings = demo_settings(base, work=work)
    report = progress(not quiet)
    report(f"demo: replaying {settings.replay_dir} into {settings.db_path}")
    write_demo_watchlist(work)  # to run a week of the recording again, as a weekly run would
    from watchdesk.graph import runner  # LangGraph takes seconds to import: only when running
    from watchdesk.graph.cli_outcome import exit_on_bug, print_outcome

    outcome = runner.start_run(demo_watchlist(), settings, run_id=DEMO_RUN_ID, report=report)
    print_outcome(outcome, settings)
    exit_on_bug(outcome)

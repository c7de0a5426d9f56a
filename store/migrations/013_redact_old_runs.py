"""Runs stored before the secrets in a run's rows were redacted (watchdesk before migration 012) keep them in clear:
runs.watchlist_json held the watchlist as written (a `?token=` in a transcript or feed URL, a `user:password@`, a
Slack webhook URL put where its variable's name belongs), runs.plan the URLs it planned, and runs.error could quote
an SMTP URL with its password. They are redacted here by the functions every run row now passes through
(sources/redact.py). A run waiting for approval that lost a secret this way resumes from its file
(runs.watchlist_path) when one is recorded; one stored before 012 has none, and approve says how to start it anew."""

from __future__ import annotations

import duckdb

from watchdesk.sources.redact import redact_json_text, redact_text


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT run_id, watchlist_json, plan, error FROM runs").fetchall()
    for run_id, *kept in rows:
        watchlist, plan, error = kept
        redacted = [redact_json_text(watchlist), redact_json_text(plan), redact_text(error) if error else error]
        if redacted != kept:
            con.execute("UPDATE runs SET watchlist_json = ?, plan = ?, error = ? WHERE run_id = ?", [*redacted, run_id])

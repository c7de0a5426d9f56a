"""Bug: whether a scheduled run's CANNOT-RUN notice said where cron's runs read their settings ("Scheduled runs read
their settings from ... --write-env ...") was decided by the error's words: a ConfigError whose text began with the
database's path was taken for a store refused, any other for a setting. Rewording an error silently added or dropped
the advice: "the database X cannot be written (Read-only file system)" began with "the database", so the notice sent
the user to their environment file for a file's permissions. Now the advice is a property of the error
(`settings_advice`: ConfigError yes, StoreFileError (db.py: damaged, not a store, newer, not writable) no, a store
in use or a server out of reach no), whatever its words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.regression.test_a_new_recipient_gets_no_notice_before_approval import desk
from watchdesk.graph.notices import cannot_run_notice, started_or_noticed
from watchdesk.graph.settings import Settings
from watchdesk.sources.errors import (
    ConfigError,
    DatabaseInUseError,
    StoreFileError,
    TransportError,
    WatchdeskError,
)
from watchdesk.store.store import Store

ADVICE = "Scheduled runs read their settings from "


def notice_of(tmp_path: Path, error: WatchdeskError) -> str:
    """The notice a scheduled run that failed to start with `error` leaves (a watchlist with no e-mail target told)."""
    settings = Settings(db_path=tmp_path / "d.duckdb", out_dir=tmp_path / "out")
    watchlist = desk('"pm@fund.test"').model_copy(update={"delivery": []})

    def start() -> None:
        raise error

    with pytest.raises(type(error)):
        started_or_noticed(start, watchlist=watchlist, settings=settings, report=lambda _m: None)
    return cannot_run_notice(settings.out_dir, watchlist.name).read_text(encoding="utf-8")


@pytest.mark.parametrize(("error", "advised"), [
    (ConfigError("WATCHDESK_SEC_IDENTITY must hold a name and an e-mail address"), True),
    # a setting's error whose words begin with the database's path, as the old prefix rule read a store's refusal
    (ConfigError("{db} is named by WATCHDESK_DB, which cron's environment does not set"), True),
    # a store refused, whatever its words begin with
    (StoreFileError("the database {db} cannot be written (Read-only file system): make it writable"), False),
    (StoreFileError("the store is damaged: a block of it does not match its checksum"), False),
    (DatabaseInUseError("database in use: {db} is held by another program"), False),
    (TransportError("could not connect to https://data.sec.gov/ (ConnectError)"), False),
])  # fmt: skip
def test_the_advice_is_the_errors_kind_not_its_words(tmp_path: Path, error: WatchdeskError, advised: bool) -> None:
    error = type(error)(str(error).replace("{db}", str(tmp_path / "d.duckdb")))
    assert (ADVICE in notice_of(tmp_path, error)) is advised


def test_a_real_file_that_is_no_store_gets_no_settings_advice(tmp_path: Path) -> None:
    (tmp_path / "d.duckdb").write_bytes(b"not a database" * 100)
    with pytest.raises(StoreFileError) as refused:
        Store.open(tmp_path / "d.duckdb")
    notice = notice_of(tmp_path, refused.value)
    assert "is not a DuckDB database" in notice and ADVICE not in notice, notice
    assert "tries the run now as cron runs it" in notice, "what to do next is still said"

"""Bug: a delivery that kept failing in ways worth retrying (a webhook timing out, a mail server answering 4xx) was
silent until its last attempt: a run printed "briefing written", then nothing for over a minute (three attempts of
up to 20 s each, with waits between), then "delivery slack ...: failed". Now each failed attempt is said as it
happens, with the wait before the next one, so a person watching sees what the run is doing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.integration.conftest import webhook  # noqa: F401 (the loopback webhook fixture)
from tests.integration.test_delivery import SECRET, watchlist, written
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store


def test_each_failed_attempt_of_a_webhook_is_said(
    webhook: tuple[int, list[dict[str, Any]], list[int]], tmp_path: Path  # noqa: F811 (the fixture)
) -> None:
    port, posts, statuses = webhook
    statuses += [500, 503]
    wl = watchlist('[[delivery]]\nkind = "slack"\nwebhook_env = "HOOK"\n')
    settings = Settings(env={"HOOK": f"http://127.0.0.1:{port}/services/{SECRET}"})
    said: list[str] = []
    with Store.open(":memory:") as store:
        files = written(store, tmp_path)
        out = deliver_briefing(files, watchlist=wl, settings=settings, store=store, run_id="r1", backoff=0.01,
                               report=said.append)  # fmt: skip
    assert [o.status for o in out] == ["sent"] and len(posts) == 3
    where = "delivery slack webhook $HOOK"
    assert said == [
        f"{where}: attempt 1 of 3 failed (webhook at 127.0.0.1 answered HTTP 500); trying again in 0.01 s",
        f"{where}: attempt 2 of 3 failed (webhook at 127.0.0.1 answered HTTP 503); trying again in 0.02 s",
        f"{where}: sent",
    ]

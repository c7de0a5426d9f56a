"""The deterministic planner: a watchlist becomes an explicit list of steps.

Fetched text never reaches this module, so nothing a document says can change the plan.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from watchdesk.agents.briefing.file_target import file_target
from watchdesk.agents.briefing.period import Period, period_ending
from watchdesk.agents.filings import window
from watchdesk.graph.state import Step
from watchdesk.graph.watchlist import Delivery, Ticker, TranscriptSource, Watchlist
from watchdesk.sources.edgar_parse import plain_name
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.models import CompanyRef
from watchdesk.sources.redact import redact_text, redact_url

SEC_PERMISSION = "net:sec.gov"
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


MAX_CATCH_UP_DAYS = 35  # after missed runs the next briefing covers them, up to five weeks back


def briefing_period(watchlist: Watchlist, *, as_of: date, briefed_until: date | None = None) -> Period:
    """The cadence's period ending at `as_of`, reaching back to the last briefed day after missed runs."""
    period = period_ending(as_of, cadence=watchlist.schedule.cadence)
    if briefed_until is not None and 0 < (period.start - briefed_until).days - 1 <= MAX_CATCH_UP_DAYS:
        return Period(briefed_until + timedelta(days=1), period.end)
    return period


def build_plan(
    watchlist: Watchlist,
    companies: Mapping[str, CompanyRef],
    *,
    as_of: date,
    out_dir: Path,
    briefed_until: date | None = None,
    brief_since: date | None = None,
    llm_host: str | None = None,
) -> list[Step]:
    """Fetch steps per ticker and source, then flagging, then the briefing for the period. `llm_host`: where the
    flagging step's LLM judge sends its requests (WATCHDESK_MODEL's host), named in its permissions."""
    since, until = window(
        as_of=as_of,
        lookback_days=watchlist.filings.lookback_days,
        since=watchlist.filings.since,
        until=watchlist.filings.until,
    )
    steps = [
        _filings_step(t, companies[t.symbol], watchlist=watchlist, since=since, until=until)
        for t in watchlist.tickers
        if "edgar" in t.sources
    ]
    steps += [_transcripts_step(t, companies[t.symbol]) for t in watchlist.tickers if "transcripts" in t.sources]
    if any("news" in t.sources for t in watchlist.tickers):
        steps.append(_news_step(watchlist, companies, since=since))
    topics = list(watchlist.topics.watch) + [t.name for t in watchlist.topics.custom]
    steps.append(
        Step(
            id="flagging",
            agent="flagging",
            action="flag_new_documents",
            target="documents stored by this run",
            permission="store:write" + (f",net:{llm_host}" if llm_host else ""),
            params={"topics": topics},
        )
    )
    period = (
        Period(brief_since, as_of)
        if brief_since is not None
        else briefing_period(watchlist, as_of=as_of, briefed_until=briefed_until)
    )
    steps.append(
        Step(
            id="briefing",
            agent="briefing",
            action="write_briefing",
            target=str(out_dir),
            permission=f"fs:write:{out_dir}",
            params={
                "period_start": period.start.isoformat(),
                "period_end": period.end.isoformat(),
                "deliver": [describe_delivery(d) for d in watchlist.delivery],
            },
        )
    )
    return steps


def _target(ticker: Ticker, company: CompanyRef) -> str:
    if not company.cik:  # a dry run that could not look the ticker up: "CIK 0" read as SEC's answer
        return f"{ticker.symbol} (CIK {'unknown' if company.name == 'unknown' else 'not looked up'})"
    # The name comes from SEC's ticker map: flattened to one line there, quoted here, so it reads as a name.
    name = json.dumps(plain_name(company.name), ensure_ascii=False)
    return f"{ticker.symbol} (CIK {company.cik}" + (f", {name})" if company.name != ticker.symbol else ")")


def _filings_step(ticker: Ticker, company: CompanyRef, *, watchlist: Watchlist, since: date, until: date) -> Step:
    return Step(
        id=f"filings:{ticker.symbol}",
        agent="filings",
        action="fetch_filings",
        target=_target(ticker, company),
        permission=SEC_PERMISSION,
        params={
            "ticker": ticker.symbol,
            "cik": company.cik,  # two tickers of one CIK (GOOG, GOOGL) are one company, its filings stored once
            "forms": list(ticker.forms or watchlist.filings.forms),
            "since": since.isoformat(),
            "until": until.isoformat(),
            "limit_per_form": watchlist.filings.limit_per_form,
            "accessions": list(ticker.accessions),
            "compare_previous": watchlist.filings.compare_previous,
        },
    )


def _transcripts_step(ticker: Ticker, company: CompanyRef) -> Step:
    # Secrets in a source URL stay in the watchlist: the plan (shown, stored, checkpointed) gets them redacted.
    chain = [
        {k: redact_url(v) if k == "url" else v for k, v in src.model_dump(exclude_none=True).items()}
        for src in ticker.transcripts
    ]
    permission = ",".join(dict.fromkeys(_permission(src) for src in ticker.transcripts)) or "store:write"
    return Step(
        id=f"transcripts:{ticker.symbol}",
        agent="transcripts",
        action="fetch_transcripts",
        target=f"{ticker.symbol} earnings calls via "
        + (" > ".join(redact_text(s.describe()) for s in ticker.transcripts) or "nothing"),
        permission=permission,
        params={"ticker": ticker.symbol, "aliases": list(ticker.aliases), "chain": chain},
    )


def _news_step(watchlist: Watchlist, companies: Mapping[str, CompanyRef], *, since: date) -> Step:
    """One step for every feed: read in order, so an item two feeds carry is stored once."""
    news = watchlist.news
    tickers = [t for t in watchlist.tickers if "news" in t.sources]
    hosts = dict.fromkeys(f"net:{urlsplit(f.url).hostname or ''}" for f in news.feeds)
    return Step(
        id="news",
        agent="news",
        action="fetch_news",
        target=f"news on {', '.join(t.symbol for t in tickers)} from "
        + (", ".join(f.name or redact_url(f.url) for f in news.feeds) or "no feeds"),
        permission=",".join(hosts) or "store:write",
        params={
            "tickers": [{"symbol": t.symbol, "name": companies[t.symbol].name, "cik": companies[t.symbol].cik,
                         "aliases": list(t.aliases)} for t in tickers],
            # secrets in a feed URL stay in the watchlist: the node reads the feeds from there, the plan (shown,
            # stored, checkpointed) gets them redacted, as a transcript source's
            "feeds": [{k: redact_url(v) if k == "url" else v for k, v in f.model_dump(exclude_none=True).items()}
                      for f in news.feeds],
            "min_tier": news.min_tier,
            "tiers": dict(news.tiers),
            "since": since.isoformat(),
        },
    )


def _permission(src: TranscriptSource) -> str:
    if src.kind == "folder":
        return f"fs:read:{src.path}"
    if src.kind == "fmp":
        return "net:financialmodelingprep.com"
    return f"net:{urlsplit(src.url or '').hostname or ''}"


def describe_delivery(d: Delivery) -> str:
    """A delivery target as the approver sees it: addresses and paths, a webhook only by its variable's name."""
    if d.kind == "email":
        return "email " + ", ".join(d.to)
    if d.kind == "slack":
        name = d.webhook_env or "?"
        # A value that is no variable name is most likely the webhook URL itself: never shown.
        shown = f"${name}" if _ENV_NAME.fullmatch(name) else "(webhook_env is not a variable name)"
        return f"slack webhook {shown}"
    return f"file {file_target(d.path)}"


def smtp_unset_said(to: Sequence[str]) -> str:
    """What an e-mail target without WATCHDESK_SMTP_URL comes to: it fails at send time (a scheduled run may have the
    variable where this shell has not), the other targets get the briefing all the same."""
    return (f"WATCHDESK_SMTP_URL is not set here, so the e-mail to {', '.join(to)} will fail unless it is set in the "
            "environment the run gets (a scheduled run's is ~/.config/watchdesk/env: cron passes it no other "
            "variable); the run's other targets get the briefing all the same, and the run exits 1")


def no_sender_said(smtp_url: str | None) -> str | None:
    """What a WATCHDESK_SMTP_URL that reads but names no sender comes to (the mail goes From watchdesk@localhost);
    None for one that names it, is not set or does not read (said elsewhere)."""
    from watchdesk.agents.briefing.channels import DEFAULT_SENDER, NO_SENDER, smtp_server

    try:
        return NO_SENDER if smtp_url and smtp_server(smtp_url).sender == DEFAULT_SENDER else None
    except ConfigError:
        return None


def email_setting_note(plan: list[Step], *, smtp_url: str | None) -> str:
    """A line to show under a plan whose briefing e-mails someone while WATCHDESK_SMTP_URL is not set, or names no
    sender; else ''."""
    if not (to := emailed(plan)):
        return ""
    if not smtp_url:
        return f"\nnote: {smtp_unset_said(to)}"
    return f"\nnote: {said}" if (said := no_sender_said(smtp_url)) else ""


def emailed(plan: Sequence[Mapping[str, object]]) -> list[str]:
    """The addresses a plan's briefing is e-mailed to, as the plan says them."""
    to: list[str] = []
    for step in plan:  # a stored plan is JSON: read as loosely as it may hold
        if step.get("agent") == "briefing" and isinstance(params := step.get("params"), dict):
            to += [str(e).removeprefix("email ") for e in params.get("deliver", []) if str(e).startswith("email ")]
    return to


def approver_email_note(plan: Sequence[Mapping[str, object]], *, smtp_url: str | None) -> str:
    """A line under a waiting run's plan whose briefing e-mails someone, said in the shell that would approve it
    (`approve --show`, its prompt), when neither that shell nor ~/.config/watchdesk/env (which approve reads for what
    the shell does not set) gives WATCHDESK_SMTP_URL: the e-mail will fail. '' otherwise."""
    from watchdesk.graph.cron_env import env_file

    if not (to := emailed(plan)) or smtp_url:
        return ""
    return (f"\nnote: WATCHDESK_SMTP_URL is set neither in this shell nor in {env_file()} (which `watchdesk approve` "
            f"reads for what this shell does not set, as a scheduled run does), so the e-mail to {', '.join(to)} will "
            "fail; set it in either first; the other targets get the briefing all the same, and `watchdesk approve` "
            "exits 1")  # fmt: skip


def llm_hosts(plan: Sequence[Mapping[str, object]]) -> list[str]:
    """The hosts a stored plan lets its LLM judge reach: its flagging step's `net:` permissions ("api.openai.com")."""
    from watchdesk.graph.policy import NEXT_PERMISSION

    return [p.removeprefix("net:") for step in plan if step.get("agent") == "flagging"  # stored JSON: read loosely
            for p in NEXT_PERMISSION.split(str(step.get("permission") or "")) if p.startswith("net:")]  # fmt: skip


def describe(plan: list[Step]) -> str:
    """The plan as a person reads it at the approval prompt."""
    lines = []
    for i, s in enumerate(plan, 1):
        lines.append(f"{i}. [{s['agent']}] {s['action']} -> {s['target']}  (needs {s['permission']})")
        if s["agent"] == "briefing":
            p = s["params"]
            lines.append(f"   period {p['period_start']} to {p['period_end']}; deliver to: "
                         + ("; ".join(p.get("deliver", [])) or "nothing"))  # fmt: skip
    return "\n".join(lines)

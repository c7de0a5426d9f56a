"""The news node: a thin adapter between the planned news step and the news agent."""

from __future__ import annotations

from datetime import date
from typing import Literal

from langgraph.runtime import Runtime
from langgraph.types import Command

from watchdesk.agents import news
from watchdesk.agents.briefing.text import plural
from watchdesk.graph.deps import Deps
from watchdesk.graph.nodes import failed
from watchdesk.graph.state import StepInput, StepResult
from watchdesk.sources.news.match import terms_for
from watchdesk.sources.redact import redact_url


def news_node(inp: StepInput, runtime: Runtime[Deps]) -> Command[Literal["supervisor"]]:
    deps, step = runtime.context, inp["step"]
    p = step["params"]
    req = news.NewsRequest(
        tickers=tuple(terms_for(t["symbol"], sec_name=t["name"], aliases=t["aliases"]) for t in p["tickers"]),
        ciks={t["symbol"]: t["cik"] for t in p["tickers"]},
        # the watchlist's feeds, not the plan's: the plan carries their URLs with secrets redacted
        feeds=tuple(news.FeedSpec(**f.model_dump(exclude_none=True)) for f in deps.watchlist.news.feeds
                    if redact_url(f.url) in {pf["url"] for pf in p["feeds"]}),
        min_tier=p["min_tier"],
        tiers=p["tiers"],
        since=date.fromisoformat(p["since"]),
        until=deps.as_of,
    )
    try:
        res = news.collect(req, fetcher=deps.fetcher, store=deps.store, run_id=deps.run_id)  # type: ignore[arg-type]
    except Exception as exc:  # one failed step is a gap, never the end of the run
        return failed(step, exc, deps, ticker=None)
    summary = (
        f"{plural(res.feeds_read, 'feed')} read ({res.not_modified} unchanged), {plural(res.items, 'item')}: "
        f"{plural(len(res.new_doc_ids), 'new document')}, {plural(res.duplicates, 'duplicate')}, "
        f"{res.below_tier} below the minimum tier, "
        f"{res.older} published before {req.since}, {res.unmatched} about no watched company"
    )
    deps.report(f"news: {summary}" + (f", {len(res.gaps)} gaps" if res.gaps else ""))
    result = StepResult(step_id=step["id"], status="done", summary=summary, new_doc_ids=res.new_doc_ids, gaps=res.gaps)
    return Command(goto="supervisor", update={"results": [result]})

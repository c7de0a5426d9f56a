"""What a model's proposed watchlist may change in the parser's: only what the goal itself names.

It may add shipped topics, custom topics whose phrases are in the goal, a cadence or horizon the parser did not
find, and tickers or addresses written in the goal. It never changes the policy (domains, approval, budgets), and
every refusal is recorded as a decision.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from watchdesk.agents.flagging.topics import shipped_topics
from watchdesk.graph.goal.names import name_key, shipped_index
from watchdesk.graph.goal.parse import GoalPlan
from watchdesk.graph.watchlist import Delivery, Ticker, Topics, Watchlist
from watchdesk.sources.models import CompanyRef


def merge_proposal(plan: GoalPlan, proposal: Watchlist, *, as_of: date) -> GoalPlan:
    base, goal = plan.watchlist, plan.goal
    said: list[str] = []
    tickers, companies = _tickers(base, proposal, goal, plan.companies, said, context=plan.context)
    update: dict[str, object] = {
        "tickers": tickers,
        "topics": _topics(base, proposal, goal, said),
        "delivery": _delivery(base, proposal, goal, said),
    }
    if "(none named" in " ".join(plan.decisions) and proposal.schedule != base.schedule:
        update["schedule"] = proposal.schedule
        said.append(f"model: cadence {proposal.schedule.cadence} on {proposal.schedule.day} (the parser found none)")
    if base.until is None and proposal.until is not None and proposal.until > as_of:
        update["until"] = proposal.until
        said.append(f"model: horizon until {proposal.until} (the parser found none)")
    if proposal.policy != base.policy:
        said.append("model: changes to the policy (domains, recipients, approval, budgets) refused: a goal's "
                    "allow-lists hold only what the goal names")
    merged = Watchlist.model_validate({**base.model_dump(), **{k: _dump(v) for k, v in update.items()}})
    return replace(plan, watchlist=merged, companies=companies, decisions=plan.decisions + tuple(said))


def _dump(value: object) -> object:
    if isinstance(value, tuple):
        return [_dump(v) for v in value]
    return value.model_dump() if hasattr(value, "model_dump") else value


def _goal_names(goal: str, ref: CompanyRef) -> bool:
    """The goal writes the ticker ("AMD", "$amd") or the company's SEC name ("Advanced Micro Devices")."""
    symbol = re.escape(ref.ticker)
    if re.search(rf"\${symbol}\b", goal, re.IGNORECASE) or re.search(rf"(?<![\w$]){symbol}\b", goal):
        return True  # "ON" in capitals is a ticker; "on" is a word
    words = name_key(ref.name)
    return bool(words) and f" {words} " in f" {name_key(goal)} "


def _tickers(
    base: Watchlist, proposal: Watchlist, goal: str, known: dict[str, CompanyRef], said: list[str], *,
    context: tuple[str, ...] = (),
) -> tuple[tuple[Ticker, ...], dict[str, CompanyRef]]:
    index, out, companies = shipped_index(), list(base.tickers), dict(known)
    have = {t.symbol for t in base.tickers}
    for t in proposal.tickers:
        ref = index.ticker(t.symbol)
        if t.symbol in have:
            continue
        if ref and ref.ticker in context:  # "Watch NVDA for Apple demand": the parser read Apple as context
            said.append(f"model: ticker {ref.ticker} refused: the goal names it as context of what is watched for or "
                        "as an ordinary word, not as a company to watch (see its decision)")
        elif ref and _goal_names(goal, ref):
            out.append(Ticker(symbol=ref.ticker, cik=ref.cik, sources=base.tickers[0].sources))
            companies[ref.ticker] = ref
            said.append(f"model: company {ref.ticker} ({ref.name}) added; the goal names it")
        else:
            said.append(f"model: ticker {t.symbol} refused: the goal does not name it")
    return tuple(out), companies


def _topics(base: Watchlist, proposal: Watchlist, goal: str, said: list[str]) -> Topics:
    shipped = {t.name for t in shipped_topics()}
    watch = list(base.topics.watch)
    for name in proposal.topics.watch:
        if name in shipped and name not in watch:
            watch.append(name)
            said.append(f"model: topic {name} added")
        elif name not in shipped:
            said.append(f"model: topic {name!r} refused: not a shipped topic")
    custom = list(base.topics.custom)
    known = {c.name for c in custom}
    for topic in proposal.topics.custom:
        if topic.name in known:
            continue
        if topic.phrases and all(p.lower() in goal.lower() for p in topic.phrases) and not topic.patterns:
            custom.append(topic)
            said.append(f"model: custom topic {topic.name} ({', '.join(topic.phrases)}) added")
        else:
            said.append(f"model: custom topic {topic.name!r} refused: its phrases are not the goal's words")
    return base.topics.model_copy(update={"watch": tuple(watch), "custom": tuple(custom)})


def _delivery(base: Watchlist, proposal: Watchlist, goal: str, said: list[str]) -> tuple[Delivery, ...]:
    allowed = set(base.policy.allowed_recipients)
    for target in proposal.delivery:
        extra = [a for a in target.to if a.lower() not in allowed]
        if extra or (target.kind != "email" and target not in base.delivery):
            said.append(f"model: delivery {target.kind} {', '.join(extra)} refused: the goal does not name it".strip())
    return base.delivery

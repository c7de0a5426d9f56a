"""Assembles the run graph. Returns it uncompiled: the caller attaches the checkpointer."""

from __future__ import annotations

from langgraph.graph import START, StateGraph

from watchdesk.graph.approval import approval_node
from watchdesk.graph.deps import Deps
from watchdesk.graph.nodes import briefing_node, filings_node, flagging_node, plan_node, transcripts_node
from watchdesk.graph.nodes_news import news_node
from watchdesk.graph.state import RunState
from watchdesk.graph.supervisor import supervisor


def build_graph() -> StateGraph[RunState, Deps, RunState, RunState]:
    graph = StateGraph(RunState, context_schema=Deps)
    graph.add_node("planner", plan_node)
    graph.add_node("approval", approval_node)
    graph.add_node("supervisor", supervisor)
    graph.add_node("filings", filings_node)  # type: ignore[call-overload]  # takes a Send payload
    graph.add_node("transcripts", transcripts_node)  # type: ignore[call-overload]
    graph.add_node("news", news_node)  # type: ignore[call-overload]
    graph.add_node("flagging", flagging_node)
    graph.add_node("briefing", briefing_node)
    graph.add_edge(START, "planner")
    return graph

"""A review (session 44): `webhook_env = "HOOK\\n"` passed the check that it names an environment variable, since the
pattern `^[A-Za-z_][A-Za-z0-9_]*$` used with `.match` lets `$` match before a final line break. The dry run said
nothing, the approver was shown "slack webhook $HOOK" and a line break, and the delivery later read a variable no
shell can set. The name is now matched whole: the dry run names the field and the approver never sees the value."""

from __future__ import annotations

from watchdesk.graph.planner import describe_delivery
from watchdesk.graph.validate import watchlist_problems
from watchdesk.graph.watchlist import parse_watchlist

WATCHLIST = '[[tickers]]\nsymbol = "NVDA"\n[[delivery]]\nkind = "slack"\nwebhook_env = "{name}"\n'


def test_a_name_ending_in_a_line_break_is_no_variable_name() -> None:
    watchlist = parse_watchlist(WATCHLIST.format(name="HOOK\\n"))
    problems = watchlist_problems(watchlist, topic_names=[])
    assert any("delivery[0].webhook_env must name an environment variable" in p for p in problems), problems
    assert describe_delivery(watchlist.delivery[0]) == "slack webhook (webhook_env is not a variable name)"


def test_a_variable_name_still_passes() -> None:
    watchlist = parse_watchlist(WATCHLIST.format(name="HOOK"))
    assert not any("webhook_env" in p for p in watchlist_problems(watchlist, topic_names=[]))
    assert describe_delivery(watchlist.delivery[0]) == "slack webhook $HOOK"

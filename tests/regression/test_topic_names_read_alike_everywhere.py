"""Bug: `watchdesk flag FILE --topics geopolitics` was refused with the list of known topics and no "did you mean",
and `--topics "supply chain"` was refused while `watchdesk findings --topic "supply chain"` took it (a user
walkthrough). One module now reads a topic name as a reader writes it ("Supply chain", "supply-chain" ->
supply_chain) and suggests close ones, for flag --topics, findings --topic and a watchlist's topics.watch alike."""

from __future__ import annotations

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.validate import watchlist_problems
from watchdesk.graph.watchlist import Watchlist

SAYS = "Export controls and supply chain constraints limited our shipments to China this quarter."
SHIPPED = ["inventory", "supply_chain", "geopolitical"]


def flag(*topics: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["flag", "--text", SAYS, "--no-llm", "--topics", *topics])
    return result.exit_code, result.output


def test_flag_suggests_a_close_topic() -> None:
    code, out = flag("geopolitics")
    assert code == 2 and "unknown topic 'geopolitics'; did you mean geopolitical?" in out, out


def test_flag_reads_a_topic_as_written() -> None:
    code, out = flag("Supply chain,geopolitical")
    assert code == 0, out
    assert '"topic": "supply_chain"' in out


def test_a_watchlist_reads_the_same_names() -> None:
    topics = {"watch": ["Supply chain", "geopolitics"]}
    wl = Watchlist.model_validate({"tickers": [{"symbol": "NVDA"}], "topics": topics})
    assert wl.topics.watch == ("supply_chain", "geopolitics")
    assert watchlist_problems(wl, topic_names=SHIPPED) == [
        "topics.watch: unknown topic 'geopolitics'; did you mean geopolitical?"]

"""The session's Ctrl-C review of `watchdesk flag` on a 10-K (Tesla's FY2024, 3 s of wall time here): a SIGINT sent at
0.05 to 3.2 s into a real process was never ignored (exit 130 within 0.1-0.6 s; up to 3 s while a cold cache's
Hyperscan database compiles, C code that Python cannot interrupt), but in the first ~0.1 s, while the command's modules
loaded, it printed Python's traceback through click's or typing's import, and later it said "interrupted: what was
stored is kept" for a command that stores nothing. Now the entry point (graph/entry.py) says "interrupted: nothing was
done" there (exit 130), and a command that stores nothing (flag, sentiment, transcript, findings, changes, evidence)
says "interrupted". A signal during Python's own start-up (its site module, before any watchdesk code) or shut-down
(after the command's output is written) is Python's."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.timing import after_cpu, slowdown

WATCHDESK = Path(sys.executable).parent / "watchdesk"  # the installed command, as a user runs it
TESLA_10K = "edgar/filings/TSLA_10-K_FY2024_filed-2025-01-30.html"

# A Ctrl-C that lands while click is imported, on every run rather than by timing
LOADING = """
import sys

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, CtrlC())
sys.argv = ["watchdesk", "flag", "--text", "Channel inventory is now healthy."]
from watchdesk.graph.entry import main
main()
"""


def test_a_ctrl_c_while_the_command_loads_is_one_line() -> None:
    done = subprocess.run([sys.executable, "-c", LOADING], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr, done.stdout) == (130, "\ninterrupted: nothing was done\n", "")


def test_the_installed_command_starts_from_the_entry_point() -> None:
    assert "from watchdesk.graph.entry import main" in WATCHDESK.read_text()


@pytest.mark.parametrize("delay", [0.4, 0.9, 1.5])
def test_one_ctrl_c_stops_flag_on_a_10k_in_one_line(shared_fixtures: Path, delay: float) -> None:
    """A Ctrl-C that lands while the command writes its lines (the last few milliseconds of its ~0.9 s of CPU) stops
    the writing there: what was written stays written (its first JSON lines, the last maybe cut), then "interrupted",
    exit 130. Seen at 1.065 s of CPU (82 of 131 lines written) in a series of tries at 0.7-1.1 s; the test asked for
    no output at all, so a machine where 0.9 s falls in the writing failed it. Output before the Ctrl-C is allowed for
    that case only: its message is still the one line, never a traceback."""
    filing = shared_fixtures / TESLA_10K
    if not filing.exists():
        pytest.skip("the fixture filings are absent")
    flag = subprocess.Popen([str(WATCHDESK), "flag", str(filing)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip
    # `delay` of the command's own CPU time, not of the wall clock: at a load of 15 a 0.4 s sleep could end while
    # Python was still starting (its site module), where the Ctrl-C is Python's, not the command's
    after_cpu(flag.pid, delay)
    sent = time.monotonic()
    flag.send_signal(signal.SIGINT)
    out, said = flag.communicate(timeout=120)
    stopped_after = time.monotonic() - sent
    if flag.returncode in (0, -signal.SIGINT):
        # it had finished: its whole output was written. A Ctrl-C while Python shuts down, after the command's code has
        # ended and Python has put SIGINT's default action back, ends the process by the signal itself, as in Python's
        # start-up: the shell says 130 all the same. Seen on CI at 0.9 s (a 10-K's flag takes 0.8-1.0 s of CPU here):
        # -2 with the 131 lines written and nothing on stderr, in 3 of 15 tries at 0.86-0.9 s
        assert out.count("\n") > 50 and said == "", said
        return
    assert flag.returncode == 130, said
    # before: "interrupted: what was stored is kept"; on a loaded machine it may still be loading at 0.4 s
    assert said.strip() in ("interrupted", "interrupted: nothing was done"), said
    # nothing written, or the first blocks of its lines when the Ctrl-C came as they were written
    assert out == "" or (said.strip() == "interrupted" and out.startswith('{"')), (said, out[:200])
    # measured 0.1-0.6 s on a warm cache, at load average 5; 10 s on an idle machine, as many times more as the
    # machine is slower now than idle
    assert stopped_after < 10 * slowdown(), stopped_after

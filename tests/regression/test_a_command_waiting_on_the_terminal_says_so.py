"""A new user's review: `watchdesk sentiment` with no sentence (and `flag --text -`, `transcript parse -`) typed at a
terminal waited for stdin in silence, which reads as a command that hangs. When stdin is the terminal they now say on
stderr what they read and how to end it (Ctrl-D); piped input is read as before, with nothing said."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pty = pytest.importorskip("pty")
WATCHDESK = [sys.executable, "-c",
             "import sys; from watchdesk.graph.cli import cli; cli(sys.argv[1:], prog_name='watchdesk')"]
LINE = b'{"id": 1, "text": "Revenue rose on record demand."}\n'


def _typed(args: list[str], typed: bytes) -> tuple[int, str, str]:
    leader, follower = pty.openpty()
    with subprocess.Popen([*WATCHDESK, *args], stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
        os.close(follower)
        os.write(leader, typed + b"\x04")  # the pty holds it until the command reads; Ctrl-D ends the input
        out, err = p.communicate(timeout=120)
    os.close(leader)
    return p.returncode, out.decode(), err.decode()


def test_sentiment_says_what_it_waits_for_at_a_terminal() -> None:
    code, out, err = _typed(["sentiment"], LINE)
    assert code == 0 and '"id": 1, "label": "positive"' in out, (out, err)
    assert err.startswith('reading JSONL lines {"id": ..., "text": ...} from the terminal: type or paste, then '
                          "Ctrl-D"), err
    assert "or give the sentences as arguments" in err


def test_flag_text_from_the_terminal_says_so_too() -> None:
    code, _, err = _typed(["flag", "--text", "-"], b"Inventory fell.\n")
    assert code == 0 and err.startswith("reading text from the terminal"), err


def test_piped_input_is_read_without_a_word() -> None:
    done = subprocess.run([*WATCHDESK, "sentiment"], input=LINE, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0 and done.stderr == b"" and b'"label": "positive"' in done.stdout

"""Bad inputs of issue 13, built at test time, and the checks every command must pass on them."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from pathlib import Path

from click.testing import CliRunner, Result

from watchdesk.graph.cli import cli

PLAIN_CALL = "transcripts/plaintext_2023_2025/AMD_2024_Q1.txt"
HTML_CALL = "transcripts/fool_raw_html/html/2020-07-10-carnival-corp-plc-ccl-q2-2020-earnings-call-transc.html"
# Seconds a command may take: start-up and model loading, plus a rate far below the slowest parser.
FIXED_S, PER_MB_S = 15.0, 20.0


def nested_html(body: str, *, depth: int = 1000) -> bytes:
    """`body` wrapped in `depth` nested <div>s: what made the transcript parser recurse itself to death."""
    return f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>".encode()


def nested_page(page: bytes, *, depth: int = 1000) -> bytes:
    """A real page with its body wrapped in `depth` nested <div>s."""
    text = page.decode("utf-8", errors="replace")
    start = text.lower().index("<body")
    start = text.index(">", start) + 1
    end = text.lower().rindex("</body")
    return (text[:start] + "<div>" * depth + text[start:end] + "</div>" * depth + text[end:]).encode()


def random_bytes(size: int = 1 << 20, *, seed: int = 13) -> bytes:
    """Reproducible noise (os.urandom is not): what a corrupt download or a mis-named binary looks like."""
    return random.Random(seed).randbytes(size)


def invoke(args: Sequence[str | Path], *, stdin: bytes | None = None, size: int = 0) -> Result:
    """Run the real CLI in-process; every outcome must be clean and within the time bound for `size` bytes."""
    started = time.monotonic()
    result = CliRunner().invoke(cli, [str(a) for a in args], input=stdin)
    elapsed = time.monotonic() - started
    assert_clean(result)
    assert elapsed < FIXED_S + PER_MB_S * size / 1e6, f"{args}: {elapsed:.1f} s for {size:,} bytes"
    return result


def assert_clean(result: Result) -> None:
    """No traceback reaches the user, and the exit code is one of the README's (0, 1, 2, 3)."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {type(result.exception).__name__}: {result.exception}\n{result.output}")
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2, 3)

"""The `watchdesk` command's entry point: loading the command's modules takes a moment, and a Ctrl-C then ends it as a
Ctrl-C anywhere else does (one line, exit 130), where Python printed a traceback through click's or typing's import."""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as graph/cli.py exits on a Ctrl-C


def main() -> None:
    try:
        from watchdesk.graph.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted: nothing was done\n")
        sys.exit(EXIT_INTERRUPTED)
    run()

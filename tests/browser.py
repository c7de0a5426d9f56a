"""Opening a file in headless Chromium (Debian's `chromium`), for tests that check what a reader sees."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--log-level=0"]  # fmt: skip


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("headless Chromium is not installed (CI installs Debian's chromium in .ci/run)")
    return found


def screenshot(page: Path, png: Path, *, size: str = "1100,1600") -> str:
    """Render `page` to `png`; returns Chromium's log (stderr) for checks on refused or failed loads."""
    profile = png.parent / "chromium-profile"
    cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", f"--window-size={size}", f"--screenshot={png}",
           page.resolve().as_uri()]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert png.is_file(), f"no screenshot (exit {done.returncode}): {done.stderr[-2000:]}"
    return done.stderr


BLOCKED = r"violates the following Content Security Policy|net::ERR_|Failed to load resource"


def ink(png: Path) -> tuple[int, float]:
    """(distinct colours, share of pixels that are not the page background): a blank page has ~1 and ~0."""
    from PIL import Image

    with Image.open(png) as img:
        rgb = img.convert("RGB").resize((275, 400))
        colours = rgb.getcolors(maxcolors=1 << 16) or []
    background = max(colours)[1] if colours else (0, 0, 0)
    total = sum(n for n, _ in colours)
    return len(colours), sum(n for n, c in colours if c != background) / max(total, 1)

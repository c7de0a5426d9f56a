"""Opening a file in headless Chromium (Debian's `chromium`), for tests that check what a reader sees."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

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


_MEASURE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="page" src="{src}" width="{width}" height="{height}" style="border:0"></iframe>
<script>
document.getElementById("page").addEventListener("load", () => {{
  const doc = document.getElementById("page").contentDocument;
  const out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify((doc => {script})(doc));
  document.body.appendChild(out);
}});
</script></body></html>"""


def measure(page: Path, script: str, *, width: int, height: int = 3000) -> Any:
    """What the JavaScript expression `script` gives for `doc`, the page laid out `width` pixels wide. The page is
    opened in a frame of that width (headless Chromium lays a window out at 500 pixels at least), so it keeps its
    Content-Security-Policy: the measuring script runs in the frame's parent. Nothing is written beside the page."""
    with tempfile.TemporaryDirectory() as tmp:
        frame = Path(tmp) / "frame.html"
        frame.write_text(_MEASURE.format(src=html.escape(page.resolve().as_uri()), width=width, height=height,
                                         script=script), encoding="utf-8")  # fmt: skip
        cmd = [chromium(), *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}", "--allow-file-access-from-files",
               "--virtual-time-budget=10000", "--dump-dom", frame.as_uri()]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="measured">(.*?)</pre>', done.stdout, re.S)
    assert found, f"nothing measured (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(html.unescape(found.group(1)))

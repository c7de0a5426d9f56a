"""Opening a file in headless Chromium (Debian's `chromium`), for tests that check what a reader sees."""

from __future__ import annotations

import copy
import hashlib
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


_FRAMES = """<!DOCTYPE html><html><body style="margin:0">
{frames}
<script>
const results = [];
let left = {count};
[{jobs}].forEach((measure, n) => {{
  const frame = document.getElementById("page" + n);
  frame.addEventListener("load", () => {{
    results[n] = measure(frame.contentDocument);
    if (--left === 0) {{
      const out = document.createElement("pre");
      out.id = "measured";
      out.textContent = JSON.stringify(results);
      document.body.appendChild(out);
    }}
  }});
}});
</script></body></html>"""
# the frames lie on one another at the top left: a frame far below the window (from ~15,000 pixels down) was never
# loaded by headless Chromium, so its measurement never came
_FRAME = ('<iframe id="page{n}" src="{src}" width="{width}" height="{height}" '
          'style="border:0;position:absolute;top:0;left:0"></iframe>')  # fmt: skip

# What measure() gave, by page (its path and bytes), script, width and height: a module's tests that read the same
# layout share one Chromium start (~0.75 s of CPU), and prefetch() measures a module's layouts in one.
_measured: dict[tuple[str, str, str, int, int], Any] = {}


def _key(page: Path, script: str, width: int, height: int) -> tuple[str, str, str, int, int]:
    return (str(page.resolve()), hashlib.sha256(page.read_bytes()).hexdigest(), script, width, height)


def prefetch(page: Path, layouts: list[tuple[str, int]], *, height: int = 3000) -> None:
    """Measure `page` for each (script, width) of `layouts` in one Chromium start, for the measure() calls that follow:
    each layout is laid out in a frame of its own, as measure() lays out one."""
    wanted = [(script, width) for script, width in dict.fromkeys(layouts)
              if _key(page, script, width, height) not in _measured]  # fmt: skip
    if wanted:
        for (script, width), found in zip(wanted, _run(page, wanted, height), strict=True):
            _measured[_key(page, script, width, height)] = found


def measure(page: Path, script: str, *, width: int, height: int = 3000) -> Any:
    """What the JavaScript expression `script` gives for `doc`, the page laid out `width` pixels wide. The page is
    opened in a frame of that width (headless Chromium lays a window out at 500 pixels at least), so it keeps its
    Content-Security-Policy: the measuring script runs in the frame's parent. Nothing is written beside the page.
    A layout measured before (same page bytes, script, width and height) is not measured again."""
    key = _key(page, script, width, height)
    if key not in _measured:
        (_measured[key],) = _run(page, [(script, width)], height)
    return copy.deepcopy(_measured[key])  # a test may change what it was given


def _run(page: Path, layouts: list[tuple[str, int]], height: int) -> list[Any]:
    src = html.escape(page.resolve().as_uri())
    frames = "\n".join(_FRAME.format(n=n, src=src, width=width, height=height) for n, (_, width) in enumerate(layouts))
    jobs = ",\n".join(f"(doc => {script})" for script, _ in layouts)
    with tempfile.TemporaryDirectory() as tmp:
        frame = Path(tmp) / "frame.html"
        frame.write_text(_FRAMES.format(frames=frames, count=len(layouts), jobs=jobs), encoding="utf-8")
        cmd = [chromium(), *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}", "--allow-file-access-from-files",
               "--virtual-time-budget=10000", "--dump-dom", frame.as_uri()]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="measured">(.*?)</pre>', done.stdout, re.S)
    if not found and len(layouts) > 1:
        # a busy machine can run out of the virtual time budget before every frame has loaded: lay them out singly
        return [result for layout in layouts for result in _run(page, [layout], height)]
    assert found, f"nothing measured (exit {done.returncode}): {done.stderr[-2000:]}"
    results = json.loads(html.unescape(found.group(1)))
    assert isinstance(results, list) and len(results) == len(layouts), results
    return results

"""Opening a file in headless Chromium (Debian's `chromium`), for tests that check what a reader sees."""

from __future__ import annotations

import atexit
import base64
import contextlib
import copy
import fcntl
import hashlib
import html
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
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
# layout share one measurement, and prefetch() measures a module's layouts in one page.
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


_SHOWN = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="page" src="{src}" width="{width}" height="{height}" style="border:0;display:block"></iframe>
<script>
const frame = document.getElementById("page");
frame.addEventListener("load", () => {{
  frame.height = frame.contentDocument.documentElement.scrollHeight;  // the page whole: the frame never scrolls
  document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => {{ window.shown = true; }})));
}});
</script></body></html>"""
_READY = """new Promise(done => { const until = Date.now() + 30000; (function look() {
  if (window.shown || Date.now() > until) done(!!window.shown); else setTimeout(look, 20);
})(); })"""
_PAINTED = (
    "document.fonts.ready.then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))"
)
_SCROLL = "new Promise(done => { window.scrollTo(0, %d); requestAnimationFrame(() => requestAnimationFrame(done)); })"
# the window's height: a box is scrolled into it and shot there, so no tile lies thousands of pixels off the screen
_WINDOW = 900


def shown(page: Path, script: str, *, width: int, folder: Path) -> list[tuple[dict[str, float], Path]]:
    """The boxes the JavaScript expression `script` gives for `doc` (a list of {left, right, top, bottom} in the
    page's pixels), the page laid out `width` pixels wide in a frame as measure() lays it out, each with a PNG of
    what a reader sees in it (written into `folder`). One load gives both, in this process's Chromium. A box is
    shot once it shows more than one colour: a shot taken before Chromium painted it would be blank, and a box
    asked for here holds text."""
    with tempfile.TemporaryDirectory() as tmp:
        frame = Path(tmp) / "frame.html"
        frame.write_text(_SHOWN.format(src=html.escape(page.resolve().as_uri()), width=width, height=_WINDOW),
                         encoding="utf-8")  # fmt: skip
        browser = _browser()
        with browser.tab(frame.as_uri(), size=(max(width, 320), _WINDOW)) as (session, seen):
            assert browser.evaluate(session, _READY), f"the page was not laid out: {seen}"
            boxes = browser.evaluate(session, f"(doc => {script})(document.getElementById('page').contentDocument)")
            return [(box, _shot(browser, session, box, folder / f"box{n}.png")) for n, box in enumerate(boxes)]


def shot(page: Path, png: Path, *, width: int = 1100, height: int = 1600) -> str:
    """`page` in a window `width` x `height` of this process's Chromium, once loaded and painted, as a PNG (what
    screenshot() gives, without a Chromium started for it); returns what the page logged (see BLOCKED)."""
    browser = _browser()
    with browser.tab(page.resolve().as_uri(), size=(width, height), logged=True) as (session, _):
        browser.evaluate(session, _PAINTED)
        data = browser.call("Page.captureScreenshot", session=session, format="png")["data"]
        png.write_bytes(base64.b64decode(data))
        return browser.log(session)


def _shot(browser: _Chromium, session: str, box: dict[str, float], png: Path) -> Path:
    """A PNG of `box`, scrolled into a window it fits, taken again (a frame later) while it is one colour, for 30 s."""
    from PIL import Image

    top, width = max(int(box["top"]) - 20, 0), browser.evaluate(session, "window.innerWidth")
    tall = max(_WINDOW, int(box["bottom"]) - top + 20)  # a box taller than the window gets a window it fits
    browser.call("Emulation.setDeviceMetricsOverride", session=session, width=width, height=tall, deviceScaleFactor=1,
                 mobile=False)  # fmt: skip
    browser.evaluate(session, _SCROLL % top)
    clip = {"x": box["left"], "y": box["top"], "width": box["right"] - box["left"],
            "height": box["bottom"] - box["top"], "scale": 1}  # fmt: skip
    deadline = time.monotonic() + 30
    while True:
        data = browser.call("Page.captureScreenshot", session=session, format="png", clip=clip)["data"]
        png.write_bytes(base64.b64decode(data))
        with Image.open(png) as img:
            painted = len(img.convert("RGB").getcolors(maxcolors=1 << 20) or [0, 0]) > 1
        if painted or time.monotonic() > deadline:
            return png
        browser.evaluate(session, "new Promise(done => requestAnimationFrame(() => done(true)))")


def _run(page: Path, layouts: list[tuple[str, int]], height: int) -> list[Any]:
    src = html.escape(page.resolve().as_uri())
    frames = "\n".join(_FRAME.format(n=n, src=src, width=width, height=height) for n, (_, width) in enumerate(layouts))
    jobs = ",\n".join(f"(doc => {script})" for script, _ in layouts)
    with tempfile.TemporaryDirectory() as tmp:
        frame = Path(tmp) / "frame.html"
        frame.write_text(_FRAMES.format(frames=frames, count=len(layouts), jobs=jobs), encoding="utf-8")
        found, log = _browser().measured(frame.as_uri())
    if found is None and len(layouts) > 1:
        # a frame that never loaded leaves the batch unmeasured: lay the layouts out singly, as one start each did
        return [result for layout in layouts for result in _run(page, [layout], height)]
    assert found is not None, f"nothing measured: {log}"
    results = json.loads(found)
    assert isinstance(results, list) and len(results) == len(layouts), results
    return results


class _Chromium:
    """One headless Chromium for this test process, driven over its DevTools pipe (--remote-debugging-pipe: file
    descriptors 3 and 4, no port): measure() opens each page in a tab of its own and closes it after. Before, every
    measurement started a browser of its own, ~1 s of CPU each, 34 starts in the suite."""

    def __init__(self) -> None:
        binary = chromium()  # skips the test where there is none
        self._profile = tempfile.TemporaryDirectory(prefix="watchdesk-chromium-")
        to_browser, self._commands = _high(os.pipe())  # the browser reads its commands at fd 3
        self._answers, from_browser = _high(os.pipe())  # and writes its answers and events at fd 4
        cmd = [binary, *FLAGS, f"--user-data-dir={self._profile.name}", "--allow-file-access-from-files",
               "--remote-debugging-pipe", "about:blank"]  # fmt: skip
        # a Python of its own puts the pipe's ends at fds 3 and 4 and becomes Chromium (Debian's sh reads no fd over 9)
        self._proc = subprocess.Popen([sys.executable, "-I", "-S", "-c", _AT_3_AND_4, str(to_browser),
                                       str(from_browser), *cmd], pass_fds=(to_browser, from_browser),
                                      stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)  # fmt: skip
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._events: list[dict[str, Any]] = []
        self._next = 0
        atexit.register(self.close)

    def close(self) -> None:
        """Browser.close, so that Chromium ends (and reaps) its own processes; killed if it has not within 10 s."""
        if self._proc.poll() is None:
            with contextlib.suppress(OSError, RuntimeError, TimeoutError, ConnectionError):
                self.call("Browser.close", timeout=10)
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        for fd in (self._commands, self._answers):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._profile.cleanup()

    def alive(self) -> bool:
        return self._proc.poll() is None

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._answers], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._answers, 1 << 20)
            if not chunk:
                raise ConnectionError(f"Chromium exited ({self._proc.poll()})")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        found: dict[str, Any] = json.loads(message)
        return found

    def call(self, method: str, session: str | None = None, timeout: float = 60, **params: Any) -> dict[str, Any]:
        self._next += 1
        ask: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            ask["sessionId"] = session
        os.write(self._commands, json.dumps(ask).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            message = self._message(deadline)
            if message.get("id") == self._next:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                answer: dict[str, Any] = message.get("result", {})
                return answer
            if "method" in message:
                self._events.append(message)

    def _event(self, method: str, session: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            for n, event in enumerate(self._events):
                if event["method"] == method and event.get("sessionId") == session:
                    del self._events[n]
                    return True
            try:
                message = self._message(deadline)
            except TimeoutError:
                return False
            if "method" in message:
                self._events.append(message)

    @contextlib.contextmanager
    def tab(self, url: str, *, size: tuple[int, int] | None = None, logged: bool = False) -> Iterator[tuple[str, str]]:
        """A tab of its own showing `url` (its window `size` pixels wide and high, where given), once loaded: its
        DevTools session and what was seen of the loading (for a failure's message); closed after. `logged`: what
        the page logs (refused and failed loads) is kept, for log()."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        try:
            session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            self.call("Page.enable", session=session)
            if logged:
                self.call("Log.enable", session=session)
            if size:
                self.call("Emulation.setDeviceMetricsOverride", session=session, width=size[0], height=size[1],
                          deviceScaleFactor=1, mobile=False)  # fmt: skip
            went = self.call("Page.navigate", session=session, url=url)
            loaded = self._event("Page.loadEventFired", session, timeout=60)
            yield session, f"navigate: {went}, load event: {loaded}"
        finally:
            self.call("Target.closeTarget", targetId=target)
            self._events.clear()

    def evaluate(self, session: str, expression: str) -> Any:
        """What the JavaScript `expression` (a promise is awaited) gives in the tab, as JSON would carry it."""
        answer = self.call("Runtime.evaluate", session=session, expression=expression, awaitPromise=True,
                           returnByValue=True)  # fmt: skip
        assert "exceptionDetails" not in answer, answer["exceptionDetails"]
        return answer["result"].get("value")

    def log(self, session: str) -> str:
        """What the tab logged so far (Chromium's console: a load its Content-Security-Policy refused, one that
        failed), a line an entry."""
        self.evaluate(session, "0")  # the events sent before it are read
        return "\n".join(event["params"]["entry"]["text"] for event in self._events
                         if event["method"] == "Log.entryAdded" and event.get("sessionId") == session)  # fmt: skip

    def measured(self, url: str) -> tuple[str | None, str]:
        """The text of the page's <pre id="measured"> once its frames have loaded (None if it never came), and what
        was seen of the page's loading (for a failure's message)."""
        with self.tab(url) as (session, seen):
            return self.evaluate(session, _POLL), seen


_POLL = """new Promise(done => { const until = Date.now() + 10000; (function look() {
  const found = document.getElementById("measured");
  if (found || Date.now() > until) done(found ? found.textContent : null); else setTimeout(look, 20);
})(); })"""


_AT_3_AND_4 = """import os, sys
commands, answers = int(sys.argv[1]), int(sys.argv[2])
os.dup2(commands, 3)
os.dup2(answers, 4)
os.close(commands)
os.close(answers)
os.execv(sys.argv[3], sys.argv[3:])"""


def _high(pipe: tuple[int, int]) -> tuple[int, int]:
    """The pipe's ends moved above 4, so that putting one at fd 3 or 4 never closes the other."""
    moved = []
    for fd in pipe:
        moved.append(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10))
        os.close(fd)
    return moved[0], moved[1]


_started: list[_Chromium] = []


def _browser() -> _Chromium:
    """This process's Chromium, started at its first measurement (again if it has exited)."""
    if not _started or not _started[-1].alive():
        if _started:
            _started.pop().close()
        _started.append(_Chromium())
    return _started[-1]

"""Bug (the fresh-clone suite, test_one_ctrl_c_stops_flag_on_a_10k_in_one_line[0.9]): a Ctrl-C that reached `watchdesk
flag` after it had written its whole output, while the compiled-pattern cache was being saved at exit, printed
"Exception ignored in atexit callback: <function save ...> Traceback ... marshal.dump(entries, out) KeyboardInterrupt"
under the finished output (exit 0). The save at exit now gives way to the Ctrl-C quietly: the cache only costs speed,
and its partial file is removed. Real process: the save is made to meet a Ctrl-C on every run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# the interpreter's own atexit handlers run the save; marshal.dump is made to meet the user's Ctrl-C
AT_EXIT = """
import marshal, sys
from watchdesk.sources import regex_cache

def ctrl_c(*args, **kwargs):
    raise KeyboardInterrupt

regex_cache.use_dir(__import__("pathlib").Path(sys.argv[1]))
regex_cache.compile_cached(r"inventor(?:y|ies) (?:build|glut)")
marshal.dump = ctrl_c
print("flagged")
"""


def test_a_ctrl_c_during_the_save_at_exit_is_quiet(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", AT_EXIT, str(tmp_path / "cache")], capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (0, "flagged\n", ""), done.stderr
    assert not [p for p in (tmp_path / "cache").glob("*") if p.name.startswith(".regex-")]  # no partial file left

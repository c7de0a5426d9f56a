"""`make test` ran mypy (one process, ~22 s of CPU on a fresh clone) before pytest, leaving one of CI's two cores idle
while it ran, and the other idle again while pytest's controller warmed its pattern cache alone. Now mypy runs beside
pytest; `make test` still fails when the type check fails (after the tests have run, its errors printed), and when a
test fails. Checked with a real make on the project's Makefile, whose ruff, mypy and pytest are stand-ins that record
whether the other was running."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")

# Each stand-in says it started, then waits (10 s at most) for the other to start too.
_STAND_IN = """#!/bin/sh
touch "$HERE/{me}-started"
for _ in $(seq 100); do [ -e "$HERE/{other}-started" ] && break; sleep 0.1; done
[ -e "$HERE/{other}-started" ] && echo "{me} ran beside {other}" || echo "{me} ran alone"
echo "{me} says: {said}"
exit ${code}
"""


def make_test(folder: Path, *, mypy_exit: int, pytest_exit: int) -> subprocess.CompletedProcess[str]:
    for name in ("Makefile", "bench.mk"):
        shutil.copy(REPO / name, folder / name)
    (folder / "pyproject.toml").write_text("")
    bin_ = folder / "bin"
    bin_.mkdir()
    scripts = {"mypy": ("pytest", "Success: no issues found", "MYPY_EXIT"),
               "pytest": ("mypy", "3 passed", "PYTEST_EXIT")}  # fmt: skip
    for me, (other, said, code) in scripts.items():
        (bin_ / me).write_text(_STAND_IN.format(me=me, other=other, said=said, code=code))
    (bin_ / "ruff").write_text("#!/bin/sh\nexit 0\n")
    for script in bin_.iterdir():
        script.chmod(0o755)
    (folder / "stamp").touch()
    env = {**os.environ, "HERE": str(folder), "MYPY_EXIT": str(mypy_exit), "PYTEST_EXIT": str(pytest_exit)}
    env.pop("MAKEFLAGS", None)
    return subprocess.run(["make", "-s", "test", f"BIN={bin_}", f"STAMP={folder / 'stamp'}"], cwd=folder, env=env,
                          capture_output=True, text=True, check=False, timeout=60)  # fmt: skip


def test_mypy_runs_beside_pytest(tmp_path: Path) -> None:
    done = make_test(tmp_path, mypy_exit=0, pytest_exit=0)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "mypy ran beside pytest" in done.stdout and "pytest ran beside mypy" in done.stdout
    assert "mypy says: Success: no issues found" in done.stdout and "pytest says: 3 passed" in done.stdout


def test_a_failed_type_check_fails_make_test_and_says_so(tmp_path: Path) -> None:
    done = make_test(tmp_path, mypy_exit=1, pytest_exit=0)
    assert done.returncode != 0
    assert "pytest says: 3 passed" in done.stdout and "mypy says:" in done.stdout
    assert "the type check failed" in done.stderr


def test_a_failed_test_fails_make_test(tmp_path: Path) -> None:
    done = make_test(tmp_path, mypy_exit=0, pytest_exit=1)
    assert done.returncode != 0 and "mypy says: Success" in done.stdout

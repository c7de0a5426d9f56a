"""The install made its venv with `python3 -m venv`, whose ensurepip installed and compiled a pip (5.5 s of the
install's CPU, more than all else but the download) only to install uv. Now the venv is made without pip, this Python's
pip installs uv into it (`pip --python`, pip 22.3 or later; else the venv's own ensurepip, as before), and uv installs a
pip with watchdesk: `.venv/bin/pip install jupyterlab` (README) still works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_the_install_makes_the_venv_without_pip_and_has_uv_install_one() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("$(STAMP): pyproject.toml") : makefile.index("touch $(STAMP)")]
    assert "$(PYTHON) -m venv --without-pip $(VENV)" in recipe
    assert "|| { $(BIN)/python -m ensurepip --default-pip" in recipe
    assert "uv pip install --quiet --python $(BIN)/python -e '.[dev]' pip" in recipe


def test_the_venv_the_install_made_has_a_pip() -> None:
    venv = Path(sys.prefix)
    if not (venv / ".installed-stamp").exists():
        pytest.skip("these tests do not run in a venv the Makefile made")
    said = subprocess.run([str(venv / "bin" / "pip"), "--version"], capture_output=True, text=True, check=False)
    assert said.returncode == 0 and said.stdout.startswith("pip "), said.stderr

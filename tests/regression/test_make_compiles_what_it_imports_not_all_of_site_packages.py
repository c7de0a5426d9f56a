"""The install compiled all of site-packages ahead (`uv pip install --compile-bytecode`: 8,000 files, ~40 s of CPU on a
fresh clone, of which the suite, the demo and the commands import ~3,000), and PYTHONDONTWRITEBYTECODE=1 in the
caller's environment (set on the team's machines, and maybe on CI) kept pytest from writing its own. Now the install
compiles only watchdesk's own modules, and every recipe of the Makefile writes .pyc as it first imports a module,
whatever the environment says: what is imported is compiled once and kept."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_the_install_leaves_site_packages_to_be_compiled_as_imported() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("$(STAMP): pyproject.toml") : makefile.index("touch $(STAMP)")]
    assert "uv pip install" in recipe and "--compile-bytecode" not in recipe
    assert re.search(r"^\t\$\(BIN\)/python -m compileall -q agents graph sources store$", recipe, re.MULTILINE)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")
def test_a_recipe_writes_bytecode_though_the_environment_says_not_to(tmp_path: Path) -> None:
    for name in ("Makefile", "bench.mk"):
        shutil.copy(REPO / name, tmp_path / name)
    (tmp_path / "probe.mk").write_text('probe:\n\t@python3 -c "import sys; print(sys.dont_write_bytecode)"\n')
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(["make", "-s", "-f", "Makefile", "-f", "probe.mk", "probe"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"

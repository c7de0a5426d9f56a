# Two entry points for a fresh clone: `make demo` and `make test`. Each sets up .venv first.
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-stamp
PYTHON  ?= python3

# Every recipe writes .pyc as it first imports a module (empty: unset for Python), whatever the caller's environment
# says (PYTHONDONTWRITEBYTECODE=1 is set on this machine, and may be on CI): the install no longer compiles all of
# site-packages ahead (8,000 files, ~40 s of CPU, of which the suite, the demo and the commands import ~3,000: pandas'
# and numpy's own tests, pip, langsmith...), so what is imported is compiled once, by the first process that needs
# it, and kept. pytest keeps its assertion-rewritten test modules too (tests/**/__pycache__, ignored by git): without
# it each worker rewrote and compiled all ~480 test files every run (~6 s of CPU a worker).
export PYTHONDONTWRITEBYTECODE :=

.PHONY: demo test lint typecheck unit bench clean

$(STAMP): pyproject.toml
	@# a venv without ensurepip's pip (5 s of CPU, most of it compiling pip), uv into it by this Python's pip (22.3 or
	@# later: --python), else by a pip of the venv's own; then uv installs watchdesk and a pip (README: jupyterlab)
	$(PYTHON) -m venv --without-pip $(VENV)
	$(PYTHON) -m pip --python $(BIN)/python install --quiet --disable-pip-version-check uv 2>/dev/null \
	    || { $(BIN)/python -m ensurepip --default-pip && $(BIN)/python -m pip install --quiet uv; }
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev]' pip
	@# watchdesk's own modules, compiled ahead: with PYTHONDONTWRITEBYTECODE=1 a command would recompile them each time
	$(BIN)/python -m compileall -q agents graph sources store
	@# fill the compiled-pattern cache (~/.cache/watchdesk/flagging, or WATCHDESK_CACHE_DIR's): the topics' regexes,
	@# the models' tables and the Hyperscan databases of a long filing's scan, so the first `flag` after an install
	@# costs what the next does (~0.3 s of CPU on a call, ~1 s on a 10-K; empty: 2 s and 7 s); a failure costs only that
	-$(BIN)/watchdesk flag --warm-cache
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/watchdesk demo --db watchdesk.duckdb --out briefings

# Test workers: two fit CI's two cores (one process left a core idle: 873 s -> 364 s on this machine). A fixed number,
# not `-n auto`: a container may see more cores than its quota gives, and each worker holds ~0.5 GB.
JOBS ?= 2

# --dist worksteal: each worker starts with half the tests in their order (tests/conftest.py puts the longest files
# first) and one that runs out takes half of what the other has left, so neither idles through the other's last long
# test; the default (load) handed out chunks that a worker kept to the end.
# mypy (one process, ~22 s of CPU on a fresh clone) runs beside pytest rather than before it: it takes the core the
# controller leaves idle as it warms the pattern cache and the cores the workers leave idle as tests wait on their
# subprocesses. Its lines are printed when it ends, and `make test` fails when it fails, after the tests have run.
test: $(STAMP) lint
	@(said=$$($(MAKE) --no-print-directory typecheck 2>&1); checked=$$?; printf '\n%s\n' "$$said"; exit $$checked) & \
	typecheck=$$!; \
	$(BIN)/pytest -q -p no:cacheprovider -n $(JOBS) --dist worksteal tests notebooks --nbmake; tested=$$?; \
	wait $$typecheck || { echo 'make test: the type check failed (its errors are above)' >&2; exit 1; }; \
	exit $$tested

lint: $(STAMP)
	$(BIN)/ruff check .

# mypy cannot follow setuptools' folder mapping, so it checks a link tree shaped like the installed package.
typecheck: $(STAMP)
	@mkdir -p .typecheck/watchdesk
	@for d in agents graph sources store; do ln -sfn ../../$$d .typecheck/watchdesk/$$d; done
	$(BIN)/mypy

include bench.mk

clean:
	rm -rf $(VENV) .typecheck .mypy_cache .ruff_cache

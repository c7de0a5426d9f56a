# Two entry points for a fresh clone: `make demo` and `make test`. Each sets up .venv first.
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-stamp
PYTHON  ?= python3

.PHONY: demo test lint typecheck unit bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -e '.[dev]'
	@# the editable install leaves watchdesk's own modules uncompiled: without .pyc every command recompiles them
	$(BIN)/python -m compileall -q agents graph sources store
	@# fill the compiled-pattern cache (~/.cache/watchdesk/flagging, or WATCHDESK_CACHE_DIR's) so the first `flag` after
	@# an install starts as fast as the next (~0.3 s instead of ~1.2 s); a failure here only costs that second once
	-$(BIN)/watchdesk flag README.md > /dev/null
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/watchdesk demo --db watchdesk.duckdb --out briefings

test: $(STAMP) lint typecheck
	$(BIN)/pytest -q -p no:cacheprovider tests notebooks --nbmake

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

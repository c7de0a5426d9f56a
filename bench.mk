# Section-extraction benchmark against edgartools (included from the Makefile).
# edgartools lives only in .bench-venv, so the project's .venv and its runtime dependencies never get it.
BENCH_VENV  := .bench-venv
BENCH_BIN   := $(BENCH_VENV)/bin
BENCH_STAMP := $(BENCH_VENV)/.installed-stamp
PYTHON      ?= python3
EDGARTOOLS  ?= edgartools

.PHONY: bench-sections

$(BENCH_STAMP): pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BENCH_BIN)/uv pip install --quiet --python $(BENCH_BIN)/python -e . '$(EDGARTOOLS)'
	touch $(BENCH_STAMP)

# Offline: the script refuses sockets and gives edgartools a dummy identity and local HTML only.
bench-sections: $(BENCH_STAMP)
	EDGAR_IDENTITY='watchdesk-bench bench@example.com' $(BENCH_BIN)/python tests/bench/bench_sections.py

# Parse and compare NVIDIA's FY2024 and FY2025 10-Ks (what a run does when a new 10-K arrives); offline.
.PHONY: bench-diff
bench-diff: .venv/.installed-stamp
	.venv/bin/python tests/bench/bench_diff.py

# Issue 13's speed figures against the code before it, in one run (start-up, 2 MB 10-K, text without breaks).
.PHONY: bench-hardening
bench-hardening: $(STAMP)
	$(BIN)/python -m tests.bench.bench_hardening

# Issue 13: the rules pass alone (and flag_text) on 2 MB of 10-K text, against the code before the pre-scan.
.PHONY: bench-rules-pass
bench-rules-pass: $(STAMP)
	$(BIN)/python -m tests.bench.bench_rules_pass

# Issue 13: the weekly briefing on a 1M-finding database (the demo replicated by SQL), wall time and peak RSS of
# `watchdesk brief` in a fresh process, md and html. BENCH_DB=/path/big.duckdb keeps the built database for reuse.
.PHONY: bench-briefing
bench-briefing: $(STAMP)
	$(BIN)/python -m tests.bench.bench_briefing_scale

# The first `watchdesk flag` after an install (a call, a 10-K; default and all topics), by how the compiled-pattern
# cache was filled before it: empty, the old install's warm-up, `watchdesk flag --warm-cache`. Wall and CPU time.
.PHONY: bench-first-flag
bench-first-flag: $(STAMP)
	$(BIN)/python -m tests.bench.bench_first_flag

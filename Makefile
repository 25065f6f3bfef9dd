# Every target works on a fresh machine: it creates .venv and installs into it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install test unit lint typecheck demo bench docs spec clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## The whole check that CI runs: lint, types, then the test suite.
test: lint typecheck unit

unit: $(STAMP)
	$(BIN)/python -m pytest

# Only the directories that exist: a checkout without bench/ still lints.
LINT_PATHS := $(wildcard schematic tests tools bench examples)

lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/python tools/draft_from_spec.py --check

typecheck: $(STAMP)
	$(BIN)/mypy --strict schematic

## The SDK's main job against its embedded local server: no account needed.
demo: $(STAMP)
	$(BIN)/python examples/demo.py

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[datastream]'
	$(BIN)/python bench/run.py
	$(BIN)/python bench/datastream.py
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/delivery.py

## The documentation site, strict: any warning fails (and so does a stale benchmark chart).
docs: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	$(BIN)/python tools/bench_chart.py --check
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## Regenerate the spec extract and the drafted models/resources from shared/api.
spec: $(STAMP)
	$(BIN)/python tools/extract_spec.py
	$(BIN)/python tools/draft_from_spec.py

clean:
	rm -rf $(VENV) build dist site *.egg-info

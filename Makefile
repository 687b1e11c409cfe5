# Two commands on a fresh machine: `make demo` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= tocsin-data

.PHONY: demo test lint typecheck pytest bench clean setup

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the dependencies or their pins change.
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/tocsin --data-dir $(DATA) --entities examples/entities.json ingest examples/corpus
	$(BIN)/tocsin --data-dir $(DATA) docs
	$(BIN)/tocsin --data-dir $(DATA) --entities examples/entities.json claims
	$(BIN)/tocsin --data-dir $(DATA) incidents
	$(BIN)/tocsin --data-dir $(DATA) risk XVM
	$(BIN)/tocsin --data-dir $(DATA) alerts
	$(BIN)/tocsin --data-dir $(DATA) --entities examples/entities.json serve

lint: $(STAMP)
	$(BIN)/ruff check src tests bench examples
	$(BIN)/ruff format --check src tests bench examples

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/extract_quality.py
	$(BIN)/python bench/risk.py
	$(BIN)/python bench/forecast.py
	$(BIN)/python bench/web.py

clean:
	rm -rf $(VENV) $(DATA) .mypy_cache .ruff_cache .pytest_cache

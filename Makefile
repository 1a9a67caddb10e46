# Two entry points for a fresh machine: `make run` (set up, then open the app on demo data)
# and `make test` (set up, then run every test with Qt offscreen).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup run test bench lint

$(BIN)/zjtx-desktop: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,build]'
	touch $@

setup: $(BIN)/zjtx-desktop

run: setup
	$(BIN)/zjtx-desktop --demo

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/ruff check .

bench: setup
	for b in bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b; done

lint: setup
	$(BIN)/ruff check .

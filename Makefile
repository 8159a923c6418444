# The two commands: `make demo` runs the main job on the bundled samples; `make test` runs the suite.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint venv

$(BIN)/irwatch: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/irwatch

venv: $(BIN)/irwatch

demo: venv
	$(BIN)/irwatch read src/irwatch/data/samples --format text

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

test: venv lint
	$(BIN)/pytest -n 2 -q

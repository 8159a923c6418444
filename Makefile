# The two commands: `make demo` runs the main job on the bundled samples; `make test` runs the suite.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
SAMPLES := src/irwatch/data/samples

.PHONY: demo test lint venv postgres

$(BIN)/irwatch: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/irwatch

venv: $(BIN)/irwatch

# Read, code and store the bundled samples in SQLite, then show what was found.
demo: venv
	$(BIN)/irwatch ingest $(SAMPLES) --db sqlite:///$(DEMO_DB)
	$(BIN)/irwatch events --db sqlite:///$(DEMO_DB) --limit 25
	$(BIN)/irwatch stats --db sqlite:///$(DEMO_DB)

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# A real PostgreSQL server for the store tests: Debian's package, started when we are root and
# none is configured (elsewhere, set IRWATCH_TEST_PG; without a server those tests skip).
postgres:
	@if [ -z "$${IRWATCH_TEST_PG:-}" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		bash -c 'source .ci/postgres.sh && irwatch_postgres'; fi

test: venv lint postgres
	$(BIN)/pytest -n 2 -q

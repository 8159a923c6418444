# The two commands: `make demo` runs the main job on the bundled samples; `make test` runs the suite.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
SAMPLES := src/irwatch/data/samples

.PHONY: demo test lint venv lock postgres chromium

# A fresh install is the tested install: every package at the version in requirements.lock (a
# `pip freeze` of the venv the suite passed in). `make demo` installs the runtime only; `make test`
# adds the dev tools. After changing dependencies: `make lock`.
LOCK := requirements.lock

$(BIN)/irwatch: pyproject.toml $(LOCK)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade -c $(LOCK) pip
	$(BIN)/pip install --quiet -c $(LOCK) -e .
	touch $(BIN)/irwatch

$(VENV)/.dev: $(BIN)/irwatch
	$(BIN)/pip install --quiet -c $(LOCK) -e '.[dev]'
	touch $(VENV)/.dev

venv: $(VENV)/.dev

lock: $(VENV)/.dev
	$(BIN)/pip freeze --all --exclude-editable | grep -v -i '^irwatch' > $(LOCK)

# Read, code and store the bundled samples in SQLite, then show what was found.
demo: $(BIN)/irwatch
	$(BIN)/irwatch ingest $(SAMPLES) --db sqlite:///$(DEMO_DB)
	$(BIN)/irwatch events --db sqlite:///$(DEMO_DB) --limit 25
	$(BIN)/irwatch stats --db sqlite:///$(DEMO_DB)
	@echo "Dashboard and API: $(BIN)/irwatch serve --db $(DEMO_DB), then open http://127.0.0.1:8000/"

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# A real PostgreSQL server for the store tests: Debian's package, started when we are root and
# none is configured (elsewhere, set IRWATCH_TEST_PG; without a server those tests skip).
postgres:
	@if [ -z "$${IRWATCH_TEST_PG:-}" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		bash -c 'source .ci/postgres.sh && irwatch_postgres'; fi

# Debian's Chromium and chromedriver for the browser tests, installed when we are root and they
# are missing (elsewhere, without them, those tests skip).
chromium:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			bash -c 'source .ci/chromium.sh && irwatch_chromium'; \
		else echo "no /usr/bin/chromium: the browser tests will skip"; fi; fi

test: $(VENV)/.dev lint postgres chromium
	$(BIN)/pytest -n 2 -q

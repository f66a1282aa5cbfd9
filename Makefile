# Gesture Ledger — the two commands are `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test lint translations bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

translations: $(STAMP)
	$(BIN)/pybabel -q compile -d ledger/i18n/translations

# FLASK_DEBUG=1 on every step: a development run needs no SECRET_KEY (the app refuses to start without
# one otherwise); PUBLIC_URL makes the printed demo tablet links match HOST and PORT.
run: translations
	FLASK_DEBUG=1 $(BIN)/gesture-ledger init
	FLASK_DEBUG=1 PUBLIC_URL=$${PUBLIC_URL:-http://$(HOST):$(PORT)} $(BIN)/gesture-ledger demo --if-empty
	FLASK_DEBUG=1 $(BIN)/gesture-ledger run --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check . || true

test: translations
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: translations
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) instance .pytest_cache

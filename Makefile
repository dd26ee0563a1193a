# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint install

install: $(VENV)/.installed

# Exactly the versions in requirements/constraints.txt (regenerate it with scripts/lock).
$(VENV)/.installed: pyproject.toml requirements/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e ".[test,dev]"
	touch $@

# Embedded pilot: SQLite and the in-memory channel layer in one daphne process, with demo content.
run: export DEBUG = true
run: export BASE_URL = http://$(HOST):$(PORT)
# The demo's feeds are served by this same server on loopback (see demo/content.py); never in production.
run: export FEEDS_ALLOW_LOOPBACK = true
run: install
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_demo
	$(PY) -m display.serve --workers 1 --host $(HOST) --port $(PORT)

test: install
	bash scripts/test

# Style, types and the layer contract (CI runs it before the tests).
lint: install
	bash scripts/lint

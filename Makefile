# One command to run the hub with demo content, one to test it. See README.md.
VENV ?= .venv
PYTHON ?= python3.11
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run setup install frontend db test test-postgres lint format clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

run: setup db ## Install everything, load demo content into SQLite and start the site
	$(PY) manage.py runserver $(HOST):$(PORT)

setup: install frontend ## Install Python and npm dependencies and build the front end

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

install: $(PY)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet -e . --group dev

frontend:
	npm ci --omit=optional --no-audit --no-fund
	npm run build

db: ## Create or update the database and load the demo content
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data

# One worker per core, at most 4: each worker builds the demo content once for its own database.
PYTEST := $(PY) -m pytest -n auto --maxprocesses=4 --dist loadfile

test: ## Run the whole test suite (SQLite unless DATABASE_URL is set)
	$(PYTEST)

test-postgres: ## Run the test suite against the local PostgreSQL
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/hub} $(PYTEST)

lint: ## Check Python style
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: ## Fix Python style
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean: ## Remove the local database, media and build output
	rm -rf db.sqlite3 media staticfiles static/hub

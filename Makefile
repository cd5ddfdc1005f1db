# Safer Leicester. `make help` lists every target.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.DEFAULT_GOAL := help

.PHONY: help run test lint format seed worker beat migrate bench clean fonts messages

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(INSTALLED): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: browser accessibility checks will skip (install Node.js to run them)"; fi

migrate: $(INSTALLED) ## Apply database migrations
	$(PY) manage.py migrate --noinput
	$(PY) manage.py sync_locale_trees

seed: migrate ## Load the demo content (safe to run again)
	$(PY) manage.py seed_demo

run: seed ## Install, migrate, load the demo and serve on http://127.0.0.1:8000
	@echo "Serving on http://127.0.0.1:8000  (admin: http://127.0.0.1:8000/admin/)"
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(INSTALLED) node_modules/axe-core/axe.min.js ## Run the whole test suite (in two processes)
	$(PY) -m pytest -n 2 --dist loadgroup

lint: $(INSTALLED) ## Check code style and that imports keep to the floors (pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pre-commit validate-config .pre-commit-config.yaml

format: $(INSTALLED) ## Format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

worker: $(INSTALLED) ## Run a Celery worker (needs REDIS_URL)
	$(VENV)/bin/celery -A config worker --loglevel=info

beat: $(INSTALLED) ## Run the Celery scheduler (needs REDIS_URL)
	$(VENV)/bin/celery -A config beat --loglevel=info

bench: $(INSTALLED) ## Benchmark page serving under gunicorn on PostgreSQL (see bench/)
	$(PY) bench/pages.py

messages: $(INSTALLED) ## Gather the interface's messages into locale/*/django.po and compile them (needs GNU gettext)
	$(PY) manage.py makemessages --all --add-location=file --ignore=.venv --ignore=node_modules --ignore=var --ignore=bench --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

fonts: node_modules/axe-core/axe.min.js ## Copy the web fonts for Gujarati, Gurmukhi and Arabic script from npm into static/fonts
	@mkdir -p static/fonts
	@for font in noto-sans-gujarati:gujarati noto-sans-gurmukhi:gurmukhi noto-sans-arabic:arabic noto-nastaliq-urdu:arabic; do \
	  name=$${font%%:*}; subset=$${font##*:}; \
	  for weight in 400 700; do \
	    cp node_modules/@fontsource/$$name/files/$$name-$$subset-$$weight-normal.woff2 static/fonts/; \
	  done; \
	done
	@cp node_modules/@fontsource/noto-sans-gujarati/LICENSE static/fonts/OFL.txt
	@ls static/fonts

clean: ## Remove the virtualenv, node_modules and local data in var/
	rm -rf $(VENV) node_modules var

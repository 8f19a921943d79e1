# One command each: `make run`, `make test`, `make bench`. Each sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PKGS   := nlp providers bot

.PHONY: install run test lint typecheck unit bench bench-rivals clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python -m bot

lint: $(STAMP)
	$(BIN)/ruff check $(PKGS) tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python -m bench

# The rivals are measured, never shipped: they install into .venv / .bench only for this target.
bench-rivals: $(STAMP)
	$(BIN)/python -m pip install -q 'dateparser>=1.2'
	mkdir -p .bench/node
	cd .bench/node && npm install --silent --no-audit --no-fund chrono-node@2 sherlockjs@1
	$(BIN)/python bench/rivals.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache

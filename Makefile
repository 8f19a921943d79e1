# One command each: `make run`, `make test`, `make bench`. Each sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PKGS   := nlp providers bot

.PHONY: install run test lint typecheck unit test-lowest bench bench-rivals clean

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

# The suite against every dependency at its lowest allowed version: the bounds are real.
test-lowest: $(STAMP)
	$(BIN)/python -m pip install -q uv
	$(BIN)/uv pip compile -q --resolution lowest-direct --python-version 3.11 --extra test pyproject.toml -o .venv-lowest.txt
	rm -rf .venv-lowest && $(PYTHON) -m venv .venv-lowest
	$(BIN)/uv pip install -q --python .venv-lowest/bin/python -r .venv-lowest.txt
	$(BIN)/uv pip install -q --python .venv-lowest/bin/python --no-deps -e .
	.venv-lowest/bin/python -m pytest -q

# Every benchmark, or some: `make bench ARGS="ack --quick"` (sections: parser ack create memory).
bench: $(STAMP)
	$(BIN)/python -m bench $(ARGS)

# The rivals are measured, never shipped: they install into .venv / .bench only for this target.
bench-rivals: $(STAMP)
	$(BIN)/python -m pip install -q 'dateparser>=1.2'
	mkdir -p .bench/node
	cd .bench/node && npm install --silent --no-audit --no-fund chrono-node@2 sherlockjs@1
	$(BIN)/python bench/rivals.py

clean:
	rm -rf $(VENV) .venv-lowest .venv-lowest.txt .mypy_cache .pytest_cache .ruff_cache

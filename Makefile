# BayReady - two commands: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DIST_STAMP := $(VENV)/.installed-dist
ARGS ?=
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint dist icons bench bench-smoke system-deps clean translations

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(STAMP)

system-deps:
	bash .ci/system-deps.sh

$(DIST_STAMP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test,dist]'
	touch $@ $(TEST_STAMP) $(STAMP)

## Set everything up and open the app on its default database (shipped banks load on first run).
## Options go through ARGS, e.g. make run ARGS="--data-dir /tmp/try"; the command itself is
## .venv/bin/bayready.
run: system-deps $(STAMP)
	$(BIN)/bayready $(ARGS)

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

## The wheel and sdist, then a PyInstaller one-folder Linux bundle (tarball) smoke-tested on a
## clean data dir; everything lands in dist/. See docs/packaging.md.
dist: $(DIST_STAMP)
	bash .ci/system-deps.sh
	bash tools/build_dist.sh

## Re-render the icon's PNG, ICO and ICNS files from resources/bayready.svg.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/render_icons.py

## Full benchmarks: prints a table and writes docs/benchmarks.md; then the slow fault soaks
## (200 kills, 30 s of concurrent writers, 5x the fuzz inputs).
bench: $(TEST_STAMP)
	bash .ci/system-deps.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run --full
	$(BIN)/python -m benchmarks.readers
	$(BIN)/python -m benchmarks.steering 200 --write
	$(BIN)/python -m benchmarks.steering_ceiling 100
	BAYREADY_KILL_ROUNDS=200 BAYREADY_FUZZ_SOAK=5 \
		bash .ci/with-postgres.sh $(BIN)/python -m pytest -q -m slow

## The benchmark code at small sizes: prints the table, writes nothing.
bench-smoke: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run --smoke

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist

## Interface translations: collect the texts from app/ into resources/i18n/bayready_es.ts
## (pyside6-lupdate; translate them there, e.g. with pyside6-linguist), build the .qm files that
## ship (pyside6-lrelease); bayready_en.ts holds only English plural forms and copy Qt's own Spanish (standard buttons and dialogs) beside them.
## tests/ui/test_translations.py fails when the .ts or a .qm is out of date.
translations: $(TEST_STAMP)
	$(BIN)/pyside6-lupdate -silent -locations none -no-obsolete -source-language en \
		-target-language es $$(find app -name '*.py' | LC_ALL=C sort) -ts resources/i18n/bayready_es.ts
	$(BIN)/pyside6-lupdate -silent -locations none -no-obsolete -pluralonly -source-language en \
		-target-language en $$(find app -name '*.py' | LC_ALL=C sort) -ts resources/i18n/bayready_en.ts
	$(BIN)/pyside6-lrelease -silent resources/i18n/bayready_es.ts -qm resources/i18n/bayready_es.qm
	$(BIN)/pyside6-lrelease -silent resources/i18n/bayready_en.ts -qm resources/i18n/bayready_en.qm
	$(BIN)/python -c "import shutil; from PySide6.QtCore import QLibraryInfo as L; \
		shutil.copy(L.path(L.LibraryPath.TranslationsPath) + '/qtbase_es.qm', 'resources/i18n/')"

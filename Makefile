# Every target builds .venv on first use with the machine's python3; a second run
# reuses it (the stamp files track pyproject.toml, so a changed dependency reinstalls).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FIGURE ?=

.PHONY: run test lint coverage bench plain package install-desktop uninstall-desktop icons clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-package: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@ $(VENV)/.installed-app

# The suite builds the bundle once (tests/test_bundle.py), so it needs PyInstaller too.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $@ $(VENV)/.installed-package $(VENV)/.installed-app

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,package,dev]'
	touch $@ $(VENV)/.installed-test $(VENV)/.installed-package $(VENV)/.installed-app

run: $(VENV)/.installed-app
	$(BIN)/python -m jobjournal

# Lint first (CI runs only `make test`, so lint it skipped would drift), then the suite.
# pytest exits 5 when it collects no test; that is not a pass.
test: lint $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no test: failing on purpose"; exit 1; fi; exit $$rc

# How much of core/ its own tests run (subprocess tests, such as the fault matrix, are
# not counted, so the true figure is higher); fails below 90 %.
coverage: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/core -q -p no:cacheprovider \
		--cov=jobjournal.core --cov-report=term --cov-fail-under=90

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The read-only records the window is given, written again from models.py.
plain: $(VENV)/.installed-app
	$(BIN)/python -m jobjournal.core.records.plain_source

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks $(FIGURE)

# dist/jobjournal/ for this system (dist/jobjournal.app too on macOS), and on Linux
# dist/jobjournal-<version>-linux-<machine>.tar.gz.
package: $(VENV)/.installed-package
	$(BIN)/python packaging/build.py

# Linux: the menu entry and icons in ~/.local/share, starting this checkout's jobjournal.
# (A downloaded bundle does the same with `./jobjournal --install-desktop`.)
install-desktop: $(VENV)/.installed-app
	$(BIN)/python -m jobjournal --install-desktop

uninstall-desktop: $(VENV)/.installed-app
	$(BIN)/python -m jobjournal --uninstall-desktop

# Rebuild the PNG, .ico and .icns icons after editing resources/icons/jobjournal.svg.
icons: $(VENV)/.installed-app
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/make_icons.py

clean:
	rm -rf $(VENV) build dist *.egg-info

# Two commands do all set-up on a fresh machine: `make run` and `make test`.
# Network is used only by pip, at install time; analysis never touches it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
SEED   := seeds/could-russia-lose-belarus.txt
TABLE  := data/processed/could-russia-lose-belarus.paragraphs.csv
ARTICLE_TABLE := data/processed/could-russia-lose-belarus.article.csv

.PHONY: run test install install-test install-browser analyze figures notebooks lint docs clean help baseline bench

help:
	@echo "make run   - create .venv, install, analyse the seed article, write tables and figures"
	@echo "make test  - install test dependencies, run every test and validate the notebooks"

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Browser tests (tests/browser.py: the exported explorer and report pages in headless Chromium)
# use Debian's chromium. CI (root, CI set) installs it (under two minutes); anywhere else nothing is
# installed and those tests skip with the reason.
install-browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ -n "$$CI" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
			|| echo "chromium could not be installed: browser tests will skip"; \
	else echo "no chromium: browser tests will skip (apt-get install chromium to run them)"; fi

analyze: install
	$(BIN)/media-analysis analyze $(SEED) --all-roles --format csv --output $(TABLE) --force
	$(BIN)/media-analysis analyze $(SEED) --level article --format csv --output $(ARTICLE_TABLE) --force
	$(BIN)/media-analysis analyze $(SEED)

figures: install
	$(BIN)/media-analysis figures --out data/figures

run: analyze figures

# Regenerate the committed news baseline (figures only) from the OneStopEnglish corpus in ../shared.
SHARED ?= ../shared
baseline: install
	$(BIN)/media-analysis baseline build $(SHARED)/corpus/onestopenglish-adv

# `make notebooks`: re-execute the committed notebooks in place (outputs are committed; nbval compares key
# cells with them; widget state is not stored, it would add megabytes of JavaScript).
# `make notebooks ARTICLE=my.md [STORE=dir] [OUT=dir]`: run every notebook for that article with papermill
# (its `parameters` cell) and write the executed copies to OUT (default notebooks/out/, gitignored); the
# committed notebooks are left untouched. Paths are made absolute, so the copies re-run from anywhere.
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9]*.ipynb))
OUT ?= notebooks/out
STORE ?= data/articles
notebooks: install
ifdef ARTICLE
	@test -f "$(ARTICLE)" || { echo "ARTICLE=$(ARTICLE): no such file" >&2; exit 2; }
	mkdir -p "$(OUT)"
	for nb in $(NOTEBOOKS); do \
		$(BIN)/papermill --no-progress-bar --cwd notebooks --kernel python3 --execution-timeout 600 \
			"$$nb" "$(OUT)/$$(basename $$nb)" \
			-p article_path "$(abspath $(ARTICLE))" -p store "$(abspath $(STORE))" || exit 1; \
	done
	@echo "notebooks for $(ARTICLE) written to $(OUT)/"
else
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
		--ExecutePreprocessor.store_widget_state=False $(NOTEBOOKS)
endif

# Performance tables of issues 6 and 23 (scripts that print tables; need ../shared; several minutes).
bench: install-test
	$(PY) benchmarks/bench_pipeline.py
	$(PY) benchmarks/bench_cold_start.py
	$(PY) benchmarks/bench_startup.py
	$(PY) benchmarks/bench_corpus.py
	$(PY) benchmarks/bench_streaming.py
	$(PY) benchmarks/bench_large_input.py
	$(PY) benchmarks/bench_compare.py
	$(PY) benchmarks/bench_route.py
	$(PY) benchmarks/bench_explore.py

# Static checks, run first by `make test`: formatting and lint rules (ruff), types (mypy); configured in
# pyproject.toml. `ruff format analysis tests benchmarks scripts` fixes the formatting.
lint: install-test
	$(BIN)/ruff format --check analysis tests benchmarks scripts
	$(BIN)/ruff check analysis tests benchmarks scripts
	$(BIN)/mypy analysis

test: install-test install-browser lint
	$(BIN)/pytest -q tests
	$(BIN)/pytest -q --nbval-lax --nbval-current-env -p no:cacheprovider notebooks

docs: install
	$(PY) -c "from analysis.tables import write_data_dictionary as w; w('README.md')"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache

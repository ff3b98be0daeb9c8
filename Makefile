# newsgraph: set-up and everyday commands. Needs only Python (CPython 3.11-3.13) and pip.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DB ?= newsgraph.db

.PHONY: demo test lint format eval bench fuzz compare audit clean

$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --no-cache-dir --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install -q --no-cache-dir --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

## demo: install, ingest the bundled sample articles into $(DB), print a report
demo: $(BIN)/.installed
	$(BIN)/newsgraph ingest examples/ --db $(DB)
	$(BIN)/newsgraph report --db $(DB)

## test: lint and run the test suite
test: $(BIN)/.installed
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests bench tools

format: $(BIN)/.installed
	$(BIN)/ruff format src tests bench tools
	$(BIN)/ruff check --fix src tests bench tools

## eval: score the sample corpus against the project gold and the peer benchmarks
eval: $(BIN)/.installed
	rm -f eval.db eval.db-wal eval.db-shm
	$(BIN)/newsgraph ingest examples/ --db eval.db
	$(BIN)/newsgraph eval gold/gold.json --db eval.db --bench all --shared $(SHARED)/benchmarks

DAY_ARTICLES ?= 2000
STORE_DOCS ?= 10000
## bench: whole processes timed from outside (ingest against a stock spaCy parse, 2 workers
## against 1 process, their exports compared), throughput and memory against a bare spaCy
## parse (1 process, N processes, Dask),
## API latency, the per-article cost of cross-article linking up to 100k articles, the
## cost of exact and near copies against a fresh article (in one process and 2 workers),
## the hours for a day of news (250,000 articles) from $(DAY_ARTICLES)-article streams with
## and without copies, and the store grown to $(STORE_DOCS) generated articles of one day
## (then the naeb articles ingested into it against into an empty base)
bench: $(BIN)/.installed
	$(BIN)/python bench/whole_process.py --corpus $(SHARED)/benchmarks/corpora/naeb_articles.jsonl --limit 200 --rounds 2
	$(BIN)/python bench/throughput.py --corpus $(SHARED)/benchmarks/corpora/naeb_articles.jsonl --engines single,processes,dask --workers 2
	$(BIN)/python bench/copies.py --corpus $(SHARED)/benchmarks/corpora/naeb_articles.jsonl --workers 2
	$(BIN)/python bench/day.py --corpus $(SHARED)/benchmarks/corpora/naeb_articles.jsonl --articles $(DAY_ARTICLES) --workers 2
	$(BIN)/python bench/serve_latency.py
	$(BIN)/python bench/linking.py --max 100000
	rm -f bench-day.db && $(BIN)/python bench/store_scale.py --docs $(STORE_DOCS) --db bench-day.db --real $(SHARED)/benchmarks/corpora/naeb_articles.jsonl && rm -f bench-day.db

FUZZ_INPUTS ?= 2000
## fuzz: long fuzz run of intake and the whole pipeline (reproducers in fuzz-crashes/)
fuzz: $(BIN)/.installed
	$(BIN)/python bench/fuzz.py --inputs $(FUZZ_INPUTS) --out fuzz-crashes/

BASE ?= main
SETS ?= examples,realnews,naeb
## compare: exports of $(SETS) with this checkout's code and with that of git revision
## $(BASE) (a temporary worktree); prints identical or the first differences, fails on any
compare: $(BIN)/.installed
	$(BIN)/python bench/compare_exports.py --base $(BASE) --sets $(SETS)

## audit: known vulnerabilities in the pinned dependencies (PyPI's advisory data, through
## pip-audit in its own venv); fails on any known vulnerability. Versions the index cannot
## answer for are listed as not audited (a mirror without advisory data answers for none).
AUDIT_VENV ?= .venv-audit
$(AUDIT_VENV)/bin/pip-audit:
	$(PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/python -m pip install -q --no-cache-dir --disable-pip-version-check pip-audit==2.10.1

audit: $(AUDIT_VENV)/bin/pip-audit
	$(AUDIT_VENV)/bin/pip-audit -r requirements.lock --no-deps --disable-pip --progress-spinner off \
	  > audit-report.txt 2>&1; rc=$$?; cat audit-report.txt; \
	  n=$$(grep -c '==' requirements.lock); u=$$(grep -c 'could not be audited' audit-report.txt); \
	  echo "audit: exit $$rc; $$u of $$n pinned packages unknown to the advisory service"; exit $$rc

clean:
	rm -rf $(VENV) .venv-py313 $(AUDIT_VENV) audit-report.txt *.egg-info src/*.egg-info .pytest_cache .ruff_cache eval.db* fuzz-crashes

# ckanext-tokyo — the two commands: `make run` and `make test`.
# CKAN=2.11 runs either on CKAN 2.11 instead of 2.12 (own venv and data).
.PHONY: run stop reset test test-unit lint install lock status i18n
CKAN ?= 2.12
export CKAN

# The whole catalog at http://127.0.0.1:5000 (installs what is missing).
run:
	scripts/stack.sh serve

# Stop what `make run` started.
stop:
	scripts/stack.sh down dev

status:
	scripts/stack.sh status dev

# Stop the catalog and delete its data (database, search index, uploads);
# the next `make run` starts from the demo catalog again.
reset:
	scripts/stack.sh purge dev

# Lint, the CKAN-free unit tests in a venv without CKAN, and the whole suite
# against real PostgreSQL, Solr, Redis and Chromium, on their own ports and
# database beside a running `make run`.
test:
	scripts/test.sh

# Only the CKAN-free unit tests, in a venv holding just the built wheel.
test-unit:
	scripts/stack.sh core
	.venv-core/bin/python -m pytest tests/unit -q -p no:cacheprovider

lint:
	scripts/stack.sh install
	$$(scripts/stack.sh venv)/bin/ruff check .
	$$(scripts/stack.sh venv)/bin/lint-imports

install:
	scripts/stack.sh install

# Re-resolve the pinned set of $(CKAN) in one pip run (requirements/ckan-$(CKAN).txt).
lock:
	scripts/lock.sh $(CKAN)

# Extract our msgids into the .pot, merge them into the ja/en .po, compile.
i18n:
	scripts/stack.sh install
	scripts/i18n.sh

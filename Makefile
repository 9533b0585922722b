# ckanext-tokyo — the two commands: `make run` and `make test`.
.PHONY: run stop reset test test-unit install lock status

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

# The whole suite against real PostgreSQL, Solr, Redis and Chromium,
# on their own ports and database beside a running `make run`.
test:
	scripts/test.sh

# Only the CKAN-free unit tests (no services needed).
test-unit:
	scripts/stack.sh install
	.venv/bin/python -m pytest tests/unit -p no:ckan -p no:ckan_fixtures -q

install:
	scripts/stack.sh install

# Re-resolve the pinned set in one pip run and rewrite constraints.txt.
# Resolve with the oldest Python the project meets (Debian 12's 3.11.2):
# some newest releases need 3.11.5+.
lock:
	rm -rf .venv-lock && /usr/bin/python3 -m venv .venv-lock
	.venv-lock/bin/pip install -q -r requirements.txt
	(echo "# Full resolved set (pip freeze of the one-run install of requirements.txt)."; \
	 echo "# Regenerate: make lock"; .venv-lock/bin/pip freeze) > constraints.txt
	rm -rf .venv-lock

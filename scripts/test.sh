#!/usr/bin/env bash
# make test: bring up the test stack (own ports and database), run the whole
# suite against it, stop it again. KEEP_STACK=1 leaves it running.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
start=$(date +%s)
scripts/stack.sh up test
[ "${KEEP_STACK:-}" = 1 ] || trap 'scripts/stack.sh down test >/dev/null' EXIT
status=0
.venv/bin/python -m pytest --ckan-ini=config/test.ini tests "$@" || status=$?
echo "make test: $(( $(date +%s) - start )) s in all (install, services, suite)"
exit $status

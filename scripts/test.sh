#!/usr/bin/env bash
# make test: bring up the test stack (own ports and database), run the whole
# suite against it, stop it again. KEEP_STACK=1 leaves it running;
# TOKYO_ENV=test1 (…test9) uses a further stack on other ports.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
start=$(date +%s)
ENV_NAME=${TOKYO_ENV:-test}
scripts/stack.sh up "$ENV_NAME"
[ "${KEEP_STACK:-}" = 1 ] || trap 'scripts/stack.sh down "$ENV_NAME" >/dev/null' EXIT
status=0
# No paths given: pytest.ini's testpaths (the whole suite).
.venv/bin/python -m pytest --ckan-ini="config/$ENV_NAME.ini" "$@" || status=$?
echo "make test: $(( $(date +%s) - start )) s in all (install, services, suite)"
exit $status

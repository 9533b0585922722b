#!/usr/bin/env bash
# make test: lint and import contract, the CKAN-free unit tests in a venv
# without CKAN (the built wheel), then the whole suite against the test stack
# (own ports and database), which is stopped again at the end.
# CKAN=2.11 runs it on CKAN 2.11 (default 2.12). With paths, only pytest on
# those paths. KEEP_STACK=1 leaves the stack running; TOKYO_ENV=test1 (…test9)
# uses a further stack on other ports.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
start=$(date +%s)
ENV_NAME=${TOKYO_ENV:-test}
CKAN=${CKAN:-2.12}
export CKAN
section() { printf '\033[1m==> %s\033[0m\n' "$*"; }
scripts/stack.sh up "$ENV_NAME"
[ "${KEEP_STACK:-}" = 1 ] || trap 'scripts/stack.sh down "$ENV_NAME" >/dev/null' EXIT
VENV=$(scripts/stack.sh venv)
INI=$(scripts/stack.sh ini "$ENV_NAME")
status=0
if [ $# -eq 0 ]; then
  section "lint: ruff and the import contract"
  "$VENV/bin/ruff" check --quiet . || status=$?
  "$VENV/bin/lint-imports" --no-cache || status=$?
  section "unit tests in a venv without CKAN (the built wheel)"
  scripts/stack.sh core
  .venv-core/bin/python -m pytest tests/unit -q -p no:cacheprovider || status=$?
  section "the whole suite on CKAN $CKAN"
fi
# No paths given: pytest.ini's testpaths (the whole suite).
"$VENV/bin/python" -m pytest --ckan-ini="$INI" "$@" || status=$?
echo "make test (CKAN $CKAN): $(( $(date +%s) - start )) s in all (install, services, suite)"
exit $status

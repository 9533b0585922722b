#!/usr/bin/env bash
# Re-resolve the pinned set of one CKAN version in ONE pip run and rewrite its
# lock, requirements/ckan-<version>.txt. Resolved with the oldest Python the
# project meets (Debian 12's 3.11.2): some newest releases need 3.11.5+.
# Usage: scripts/lock.sh 2.12 | 2.11
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
V=${1:?CKAN version (2.12 or 2.11)}
IN=$ROOT/requirements/ckan-$V.in
[ -f "$IN" ] || { echo "no $IN" >&2; exit 1; }
LOCKVENV=$(mktemp -d)
trap 'rm -rf "$LOCKVENV"' EXIT
/usr/bin/python3 -m venv "$LOCKVENV"
"$LOCKVENV/bin/pip" install -q --upgrade pip==25.3
(cd "$ROOT/requirements" && "$LOCKVENV/bin/pip" install -q -r "$IN")
{ echo "# CKAN $V: the full resolved set (pip freeze of the one-run install of ckan-$V.in)."
  echo "# Regenerate: make lock CKAN=$V"
  "$LOCKVENV/bin/pip" freeze --all --exclude pip --exclude setuptools --exclude wheel
} > "$ROOT/requirements/ckan-$V.txt"
echo "wrote requirements/ckan-$V.txt"

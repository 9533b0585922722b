#!/usr/bin/env bash
# Translations the CKAN way: extract every msgid of ours into the .pot,
# merge it into the ja and en catalogues (new entries come out empty: fill
# them in), and compile the .mo files CKAN loads.
# Usage: scripts/i18n.sh            extract, update, compile
#        scripts/i18n.sh compile    compile only
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
VENV=$(scripts/stack.sh venv)
I18N=ckanext-tokyo/ckanext/tokyo/i18n
POT=$I18N/ckanext-tokyo.pot
if [ "${1:-}" != compile ]; then
  "$VENV/bin/pybabel" -q extract -F babel.cfg -k N_ --no-location --sort-output \
    --project ckanext-tokyo --version 0.1.0 --msgid-bugs-address= --copyright-holder= \
    -o "$POT" .
  for lang in ja en; do
    "$VENV/bin/pybabel" -q update -D ckanext-tokyo -i "$POT" -d "$I18N" -l "$lang" \
      --no-fuzzy-matching --ignore-obsolete
  done
fi
"$VENV/bin/pybabel" -q compile -D ckanext-tokyo -d "$I18N" --statistics

#!/bin/bash
# The catalog's periodic work, one round every TOKYO_SCHEDULE_SECONDS (300):
# due harvest jobs started and finished ones closed, metadata quality scores
# and link checks that are due, the full-catalog DCAT file (ckan tokyo schedule).
set -euo pipefail
INI=${CKAN_INI:-/srv/app/ckan.ini}
exec ckan -c "$INI" tokyo schedule --every "${TOKYO_SCHEDULE_SECONDS:-300}"

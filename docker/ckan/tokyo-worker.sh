#!/bin/bash
# The background-jobs worker: the image's ckan.ini (same plugins as the web
# service), the recovery of runs a stopped worker left behind, then the worker.
set -euo pipefail
INI=${CKAN_INI:-/srv/app/ckan.ini}
# End runs whose worker died as `error`, queue what a Redis outage left
# `pending` or was never validated, and reindex statuses that drifted.
ckan -c "$INI" tokyo validate --pending
# Queue the DataStore loads whose validation ended without one (Redis was down).
ckan -c "$INI" tokyo datastore-load
# Runs editors started first (queue `priority`), then bulk ones (imports,
# harvests: `default`); arguments name other queues.
[ $# -gt 0 ] || set -- priority default
exec ckan -c "$INI" jobs worker "$@"

#!/bin/bash
# tokyo_usage: every hour, CKAN's tracking update (page views and downloads
# per dataset and day) and the deletion of raw visits no longer needed.
set -euo pipefail
INI=${CKAN_INI:-/srv/app/ckan.ini}
while true; do
  ckan -c "$INI" tokyo usage update || echo "usage update failed; trying again in an hour" >&2
  sleep 3600
done

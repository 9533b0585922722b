#!/bin/bash
# Run once by the official postgres image when its data volume is new
# (/docker-entrypoint-initdb.d): the DataStore's database and its two users,
# datastore_write (the loader) and datastore_read (datastore_search and
# datastore_search_sql). CKAN's `datastore set-permissions` (run by the CKAN
# image's prerun) then limits the reader to SELECT.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v write_pw="$DATASTORE_WRITE_PASSWORD" -v read_pw="$DATASTORE_READ_PASSWORD" <<'SQL'
CREATE ROLE datastore_write LOGIN PASSWORD :'write_pw';
CREATE ROLE datastore_read LOGIN PASSWORD :'read_pw';
CREATE DATABASE datastore OWNER datastore_write ENCODING 'UTF8' TEMPLATE template0;
SQL

#!/usr/bin/env bash
# The catalog's local stack: PostgreSQL, Redis, Solr, CKAN and its worker.
# Two environments side by side on their own ports and databases:
#   dev  — what `make run` serves at http://127.0.0.1:5000
#   test — what `make test` runs the suite against
# CKAN=2.12 (the default) or CKAN=2.11 picks the CKAN version: each has its
# own venv (.venv, .venv-ckan2.11), pinned set (requirements/ckan-*.txt),
# database, index and config, on the same ports (one at a time).
# Usage: stack.sh install | core | up ENV | serve | down ENV | purge ENV | status ENV
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CKAN_SERIES=${CKAN:-2.12}
case $CKAN_SERIES in
  2.12) VENV=$ROOT/.venv SUFFIX= ;;
  2.11) VENV=$ROOT/.venv-ckan2.11 SUFFIX=-ckan2.11 ;;
  *) printf 'ERROR: CKAN=%s is not supported (2.12 or 2.11)\n' "$CKAN_SERIES" >&2; exit 1 ;;
esac
CORE_VENV=$ROOT/.venv-core
CKAN=$VENV/bin/ckan
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
APT_PACKAGES="postgresql redis-server chromium fonts-noto-cjk docker-compose libmagic1 libpq-dev curl gettext-base"
# Our plugins come before scheming: CKAN gives templates of earlier plugins
# priority, and tokyo_schema overrides some of scheming's display templates
# (every tokyo plugin with templates — tokyo_quality too — goes before it).
# tokyo_datastore (tables loaded into CKAN's DataStore, previews, Data API)
# stands on tokyo_validation, datastore and datatables_view.
PLUGINS="activity tokyo_portal tokyo_schema tokyo_validation tokyo_quality tokyo_datastore datastore datatables_view tokyo_requests tokyo_inventory tokyo_usecases tokyo_seo tokyo_usage scheming_datasets scheming_organizations dcat tokyo_dcat harvest tokyo_harvest tokyo_dcat_harvester tokyo_ckan_harvester tracking"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

env_settings() {
  ENV_NAME=$1
  # testN (N = 1..9) are further test stacks, so suites can run side by side.
  case $ENV_NAME in
    dev)  PG_PORT=5433 REDIS_PORT=6380 SOLR_PORT=8983 CKAN_PORT=5000 PG_DB=ckan DS_DB=datastore
          INI=$ROOT/config/ckan$SUFFIX.ini ;;
    test|test[1-9])
          local n=${ENV_NAME#test}; n=${n:-0}
          PG_PORT=$((5434 + n * 10)) REDIS_PORT=$((6381 + n * 10))
          SOLR_PORT=$((8984 + n * 10)) CKAN_PORT=$((5051 + n * 10)) PG_DB=ckan_test DS_DB=datastore_test
          INI=$ROOT/config/$ENV_NAME$SUFFIX.ini ;;
    *) die "unknown environment '$ENV_NAME' (dev, test, test1..test9)" ;;
  esac
  STATE=$ROOT/.run/$ENV_NAME$SUFFIX
  STATE_NEW=; [ -d "$STATE" ] || STATE_NEW=1
  mkdir -p "$STATE"
  # PostgreSQL refuses to run as root; as root its cluster lives in the
  # postgres user's home (a checkout under /root is not readable to it).
  if [ "$(id -u)" = 0 ]; then
    PG_DATA=/var/lib/postgresql/ckanext-tokyo/$(printf '%s' "$ROOT" | md5sum | cut -c1-8)-$ENV_NAME$SUFFIX
    AS_PG="runuser -u postgres --"
  else
    PG_DATA=$STATE/pg
    AS_PG=""
  fi
}

# --- install --------------------------------------------------------------

install() {
  local missing="" pkg
  for pkg in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    say "apt: installing$missing"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
  fi
  # One resolver run for CKAN, the plugins and this package; redone only
  # when the pins or setup.py change.
  local req=$ROOT/requirements/ckan-$CKAN_SERIES
  local stamp=$VENV/.tokyo-installed want
  want=$(cat "$req.in" "$req.txt" "$ROOT"/requirements/*.in "$ROOT/setup.py" | md5sum | cut -c1-32)
  if [ ! -x "$VENV/bin/python" ]; then
    say "python: creating ${VENV#"$ROOT"/} (CKAN $CKAN_SERIES)"
    python3 -m venv "$VENV"
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "pip: installing the pinned set of CKAN $CKAN_SERIES (one resolver run)"
    "$VENV/bin/pip" install -q --upgrade pip==25.3
    (cd "$ROOT/requirements" && "$VENV/bin/pip" install -q -r "$req.in" -c "$req.txt" -e "$ROOT")
    echo "$want" > "$stamp"
  fi
  "$ROOT/config/solr/solr.sh" build
  # axe-core for the browser tests' accessibility checks, at its locked version
  local axe=$ROOT/tests/browser/axe
  if ! command -v npm >/dev/null; then  # a machine with Node.js from elsewhere has its own npm
    say "apt: installing npm"
    DEBIAN_FRONTEND=noninteractive $([ "$(id -u)" = 0 ] || echo sudo) apt-get install -y -qq npm >/dev/null
  fi
  if [ "$(cat "$axe/node_modules/.tokyo-installed" 2>/dev/null)" != "$(md5sum < "$axe/package-lock.json")" ]; then
    say "npm: installing axe-core for the browser tests"
    (cd "$axe" && npm ci --no-audit --no-fund --silent)
    md5sum < "$axe/package-lock.json" > "$axe/node_modules/.tokyo-installed"
  fi
}

# The CKAN-free core as a user gets it: the wheel built from this checkout,
# installed with its declared dependencies into a venv without CKAN.
core_venv() {
  local stamp=$CORE_VENV/.tokyo-installed want wheels
  want=$(cd "$ROOT" && find setup.py pyproject.toml README.md requirements ckanext-tokyo schemas -type f \
         -not -name '*.pyc' -not -path '*.egg-info/*' | sort | xargs md5sum | md5sum | cut -c1-32)
  [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && return
  say "core: building the wheel and installing it in ${CORE_VENV#"$ROOT"/} (no CKAN)"
  rm -rf "$CORE_VENV"
  python3 -m venv "$CORE_VENV"
  "$CORE_VENV/bin/pip" install -q --upgrade pip==25.3
  wheels=$(mktemp -d)
  "$CORE_VENV/bin/pip" wheel -q --no-deps -w "$wheels" "$ROOT"
  # The same pins as the catalog (the 2.12 lock), minus CKAN's own.
  grep -v -E '^(ckan|ckanext-)' "$ROOT/requirements/ckan-2.12.txt" > "$wheels/constraints.txt"
  "$CORE_VENV/bin/pip" install -q -c "$wheels/constraints.txt" -r "$ROOT/requirements/core.in" "$wheels"/ckanext_tokyo-*.whl
  rm -rf "$wheels"
  if "$CORE_VENV/bin/python" -c "import ckan" 2>/dev/null; then die "core venv: CKAN was installed with the wheel"; fi
  echo "$want" > "$stamp"
}

# --- services -------------------------------------------------------------

port_free() {  # port service: fail clearly when someone else holds our port
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    die "$2[$ENV_NAME]: port $1 is already taken by another process (a stack of another checkout? stop it there with: scripts/stack.sh down $ENV_NAME)"
  fi
}

pg_up() {
  [ -n "$PG_BIN" ] || die "PostgreSQL binaries not found; run: stack.sh install"
  if [ -n "$STATE_NEW" ] && [ -f "$PG_DATA/PG_VERSION" ]; then
    # Left by an earlier checkout at this path whose .run/ (search index,
    # uploads) is gone: its datasets would have no index and no files.
    say "postgres[$ENV_NAME]: removing the database of a deleted checkout at this path"
    $AS_PG "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA"
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    say "postgres[$ENV_NAME]: initialising cluster"
    mkdir -p "$PG_DATA"
    [ -z "$AS_PG" ] || chown -R postgres:postgres "$(dirname "$PG_DATA")"
    $AS_PG "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! $AS_PG "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    port_free "$PG_PORT" postgres
    say "postgres[$ENV_NAME]: starting on 127.0.0.1:$PG_PORT"
    $AS_PG "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t 60 -l "$PG_DATA/postgres.log" \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DATA -c fsync=off" start >/dev/null \
      || { tail -n 20 "$PG_DATA/postgres.log" >&2; die "postgres did not start"; }
  fi
  local psql="$PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -tAq"
  $psql -c "SELECT 1 FROM pg_roles WHERE rolname='ckan'" | grep -q 1 \
    || $psql -c "CREATE ROLE ckan LOGIN"
  $psql -c "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1 \
    || $psql -c "CREATE DATABASE $PG_DB OWNER ckan ENCODING 'UTF8' TEMPLATE template0"
  # The DataStore: its own database, written by datastore_write (the loader)
  # and read by datastore_read (datastore_search, datastore_search_sql).
  local role
  for role in datastore_write datastore_read; do
    $psql -c "SELECT 1 FROM pg_roles WHERE rolname='$role'" | grep -q 1 \
      || $psql -c "CREATE ROLE $role LOGIN"
  done
  $psql -c "SELECT 1 FROM pg_database WHERE datname='$DS_DB'" | grep -q 1 \
    || $psql -c "CREATE DATABASE $DS_DB OWNER datastore_write ENCODING 'UTF8' TEMPLATE template0"
}

# CKAN's own grants for the DataStore (read-only reader, full-text trigger
# function, _table_metadata); idempotent, so run on every start.
datastore_permissions() {
  "$CKAN" -c "$INI" datastore set-permissions \
    | PGOPTIONS="-c client_min_messages=warning" \
      "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 >/dev/null
}

pg_down() {
  [ -f "$PG_DATA/PG_VERSION" ] || return 0
  $AS_PG "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
}

redis_up() {
  if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then return; fi
  say "redis[$ENV_NAME]: starting on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
    --dir "$STATE" --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log" \
    --save "" --appendonly no >/dev/null
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
  die "redis did not start (see $STATE/redis.log)"
}

redis_down() { redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; }

services_up() {
  pg_up
  redis_up
  "$ROOT/config/solr/solr.sh" start "$STATE/solr" "$SOLR_PORT"
}

# --- CKAN -----------------------------------------------------------------

write_config() {
  local secret_file=$STATE/secret
  [ -s "$secret_file" ] || "$VENV/bin/python" -c "import secrets; print(secrets.token_urlsafe(32))" > "$secret_file"
  local extra=""
  if [ "$ENV_NAME" != dev ]; then
    extra="testing = true"
  fi
  if [ "$CKAN_SERIES" != 2.11 ]; then
    # 2.12: resource files through file-keeper storage (CKAN's files API),
    # the way a new 2.12 site is set up; 2.11 keeps ckan.storage_path.
    extra="$extra
ckan.files.storage.default.type = ckan:fs
ckan.files.storage.default.path = $STATE/storage
ckan.files.storage.default.initialize = true"
  fi
  SECRET_KEY=$(cat "$secret_file") SITE_ID="tokyo-$ENV_NAME" \
  SITE_URL="http://127.0.0.1:$CKAN_PORT" PG_PORT=$PG_PORT PG_DB=$PG_DB DS_DB=$DS_DB \
  SOLR_PORT=$SOLR_PORT REDIS_PORT=$REDIS_PORT CKAN_PORT=$CKAN_PORT \
  STORAGE_PATH="$STATE/storage" PLUGINS=$PLUGINS EXTRA=$extra \
    envsubst '${SECRET_KEY} ${SITE_ID} ${SITE_URL} ${PG_PORT} ${PG_DB} ${DS_DB} ${SOLR_PORT} ${REDIS_PORT} ${CKAN_PORT} ${STORAGE_PATH} ${PLUGINS} ${EXTRA}' \
    < "$ROOT/config/ckan.ini.in" > "$INI.tmp"
  mv "$INI.tmp" "$INI"
  mkdir -p "$STATE/storage"
}

db_init() {
  say "ckan[$ENV_NAME]: database schema, plugin migrations and DataStore permissions"
  datastore_permissions
  "$CKAN" -c "$INI" db init >/dev/null
  "$CKAN" -c "$INI" db upgrade >/dev/null
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_bg() {  # name pidfile logfile cmd...
  local name=$1 pidfile=$2 log=$3; shift 3
  if pid_alive "$pidfile"; then say "$name: already running (pid $(cat "$pidfile"))"; return; fi
  setsid "$@" >>"$log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
}

stop_pid() {
  local pidfile=$1
  pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  local pid; pid=$(cat "$pidfile")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

wait_http() {  # url seconds log
  for _ in $(seq "$2"); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 1
  done
  tail -n 30 "$3" >&2
  die "$1 did not answer"
}

# --- commands -------------------------------------------------------------

cmd_up() {  # services, config and database for ENV
  env_settings "$1"
  install
  services_up
  write_config
  db_init
}

cmd_serve() {  # make run: the dev catalog with demo data, web and worker
  cmd_up dev
  "$CKAN" -c "$INI" tokyo ensure-sysadmin admin --password-file "$STATE/admin-password"
  "$CKAN" -c "$INI" tokyo demo
  if [ -f "$STATE/solr/reindex-needed" ]; then  # Solr started with a new configuration
    say "ckan[dev]: rebuilding the search index for the new Solr configuration"
    "$CKAN" -c "$INI" search-index rebuild >/dev/null && rm -f "$STATE/solr/reindex-needed"
  fi
  # tokyo_validation: end runs a dead worker left `running`, queue what a
  # Redis outage left `pending` or was never validated; the worker does the rest.
  "$CKAN" -c "$INI" tokyo validate --pending
  # tokyo_datastore: queue the loads of tables validated without one (the
  # plugin enabled later, Redis down); each validation's end queues its own.
  "$CKAN" -c "$INI" tokyo datastore-load
  # Editors' runs (queue priority) before the bulk backlog (default).
  start_bg "worker" "$STATE/worker.pid" "$STATE/worker.log" "$CKAN" -c "$INI" jobs worker priority default
  # Harvesting: ckanext-harvest's gather and fetch consumers (queues on Redis)
  # and the periodic work (due harvest jobs, quality scores, link checks,
  # the full-catalog DCAT file), every 5 minutes.
  start_bg "harvest-gather" "$STATE/harvest-gather.pid" "$STATE/harvest.log" "$CKAN" -c "$INI" harvester gather-consumer
  start_bg "harvest-fetch" "$STATE/harvest-fetch.pid" "$STATE/harvest.log" "$CKAN" -c "$INI" harvester fetch-consumer
  start_bg "scheduler" "$STATE/scheduler.pid" "$STATE/scheduler.log" "$CKAN" -c "$INI" tokyo schedule --every 300
  # tokyo_usage: count page views and downloads hourly (and forget old raw visits)
  start_bg "usage" "$STATE/usage.pid" "$STATE/usage.log" \
    bash -c 'while true; do "$0" -c "$1" tokyo usage update; sleep 3600; done' "$CKAN" "$INI"
  start_bg "ckan" "$STATE/ckan.pid" "$STATE/ckan.log" \
    "$CKAN" -c "$INI" run --host 127.0.0.1 --port "$CKAN_PORT" --disable-reloader --threaded
  wait_http "http://127.0.0.1:$CKAN_PORT/api/3/action/status_show" 120 "$STATE/ckan.log"
  cat <<EOF

The catalog is running: http://127.0.0.1:$CKAN_PORT
  sysadmin:  admin / $(cat "$STATE/admin-password")
  logs:      .run/dev/ckan.log, .run/dev/worker.log, .run/dev/harvest.log,
             .run/dev/scheduler.log, .run/dev/usage.log, .run/dev/redis.log,
             .run/dev/solr/solr.log, $PG_DATA/postgres.log
  stop:      make stop
EOF
}

cmd_down() {
  env_settings "$1"
  stop_pid "$STATE/ckan.pid"
  stop_pid "$STATE/worker.pid"
  stop_pid "$STATE/harvest-gather.pid"
  stop_pid "$STATE/harvest-fetch.pid"
  stop_pid "$STATE/scheduler.pid"
  stop_pid "$STATE/usage.pid"
  "$ROOT/config/solr/solr.sh" stop "$STATE/solr"
  redis_down
  pg_down
  say "$ENV_NAME stack stopped"
}

cmd_purge() {  # stop ENV and delete its data: database, index, uploads, logs
  cmd_down "$1"
  rm -rf "$PG_DATA" "$STATE"
  say "$ENV_NAME data deleted"
}

cmd_status() {
  env_settings "$1"
  pid_alive "$STATE/ckan.pid" && echo "ckan: running" || echo "ckan: stopped"
  pid_alive "$STATE/worker.pid" && echo "worker: running" || echo "worker: stopped"
  for name in harvest-gather harvest-fetch scheduler; do
    pid_alive "$STATE/$name.pid" && echo "$name: running" || echo "$name: stopped"
  done
  pid_alive "$STATE/usage.pid" && echo "usage counter: running" || echo "usage counter: stopped"
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && echo "redis: running" || echo "redis: stopped"
  $AS_PG "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1 && echo "postgres: running" || echo "postgres: stopped"
  "$ROOT/config/solr/solr.sh" status "$STATE/solr" "$SOLR_PORT" || true
}

case ${1:-} in
  install) install ;;
  core) core_venv ;;
  venv) echo "$VENV" ;;
  ini) env_settings "${2:?environment}"; echo "$INI" ;;
  up) cmd_up "${2:?environment}" ;;
  serve) cmd_serve ;;
  down) cmd_down "${2:?environment}" ;;
  status) cmd_status "${2:?environment}" ;;
  purge) cmd_purge "${2:?environment}" ;;
  *) die "usage: $0 install | core | up ENV | serve | down ENV | purge ENV | status ENV" ;;
esac

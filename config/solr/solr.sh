#!/usr/bin/env bash
# Run a real Solr 9.10.1 for CKAN without Docker (embedded Jetty launcher,
# built from launcher/ with Maven).
#
#   solr.sh build                      build the launcher if sources changed
#   solr.sh start STATE_DIR PORT       create Solr home in STATE_DIR, start, wait for ping
#   solr.sh stop STATE_DIR             SIGTERM (then SIGKILL), remove pid file
#   solr.sh status STATE_DIR PORT      exit 0 if running and answering
#
# The core is "ckan": http://127.0.0.1:PORT/solr/ckan
# Conf files (solrconfig.xml, schema.xml, ...) are copied from this directory
# on every start. For experiments only, CKAN_SOLR_SCHEMA=FILE uses another
# schema.xml (bench/japanese_search_eval.py --compare does this).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
LAUNCHER="$HERE/launcher"
TARGET="$LAUNCHER/target"
CORE=ckan
CONF_FILES=(solrconfig.xml schema.xml protwords.txt synonyms.txt stoptags_ja.txt userdict_ja.txt mapping-hiragana-katakana.txt)
START_TIMEOUT="${SOLR_START_TIMEOUT:-120}"

die() { echo "solr.sh: $*" >&2; exit 1; }
usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

needs_build() {
  local stamp="$TARGET/classes/tokyo/solr/Launcher.class"
  [[ -f "$stamp" && -d "$TARGET/dependency" ]] || return 0
  ls "$TARGET"/dependency/solr-core-*.jar >/dev/null 2>&1 || return 0
  [[ -n "$(find "$LAUNCHER/pom.xml" "$LAUNCHER/src" -newer "$stamp" -type f 2>/dev/null | head -1)" ]]
}

cmd_build() {
  command -v mvn >/dev/null || die "mvn not found"
  command -v java >/dev/null || die "java not found"
  if needs_build; then
    echo "solr.sh: building launcher (mvn package dependency:copy-dependencies) ..."
    rm -rf "$TARGET/dependency"
    (cd "$LAUNCHER" && mvn -B -q -Dstyle.color=never package dependency:copy-dependencies) || die "maven build failed"
    touch "$TARGET/classes/tokyo/solr/Launcher.class"
  fi
}

abs_dir() { mkdir -p "$1" && (cd "$1" && pwd); }

ping_ok() {
  local port="$1" body
  body="$(curl -fsS --max-time 5 "http://127.0.0.1:$port/solr/$CORE/admin/ping?wt=json" 2>/dev/null)" || return 1
  [[ "$body" == *'"status":"OK"'* ]]
}

running_pid() {  # prints the pid if the pid file names a live process
  local pidfile="$1/solr.pid" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

conf_sum() {  # checksum of the configuration a start copies into the core
  local f
  { for f in "${CONF_FILES[@]}"; do cat "$HERE/$f"; done
    [[ -z "${CKAN_SOLR_SCHEMA:-}" ]] || cat "$CKAN_SOLR_SCHEMA"; } | md5sum | cut -c1-32
}

conf_current() {  # the running core has the configuration of this checkout
  [[ "$(cat "$1/conf.md5" 2>/dev/null)" == "$(conf_sum)" ]]
}

write_home() {
  local state="$1" home="$1/home"
  local conf="$home/cores/$CORE/conf"
  mkdir -p "$conf" "$state/logs"
  [[ -f "$home/solr.xml" ]] || echo '<solr/>' > "$home/solr.xml"
  echo "name=$CORE" > "$home/cores/$CORE/core.properties"
  local f
  for f in "${CONF_FILES[@]}"; do
    cp "$HERE/$f" "$conf/$f"
  done
  if [[ -n "${CKAN_SOLR_SCHEMA:-}" ]]; then
    cp "$CKAN_SOLR_SCHEMA" "$conf/schema.xml"
  fi
  # drop the managed-schema files a previous run could have left
  rm -f "$conf/managed-schema" "$conf/managed-schema.xml"
  # A new configuration (schema, synonyms …): the index needs rebuilding to
  # fill new fields; `stack.sh serve` does it when it finds reindex-needed.
  if ! conf_current "$state"; then
    conf_sum > "$state/conf.md5"
    touch "$state/reindex-needed"
  fi
}

cmd_start() {
  [[ $# -eq 2 ]] || usage
  local state port pid
  state="$(abs_dir "$1")"; port="$2"
  [[ "$port" =~ ^[0-9]+$ ]] || die "bad port: $port"

  if pid="$(running_pid "$state")"; then
    if ping_ok "$port" && conf_current "$state"; then
      echo "solr.sh: Solr already running (pid $pid) at http://127.0.0.1:$port/solr/$CORE"
      return 0
    fi
    if ping_ok "$port"; then
      echo "solr.sh: the configuration in $HERE changed; restarting with it" >&2
      cmd_stop "$state"
    fi
    echo "solr.sh: pid $pid from $state/solr.pid is alive but not answering on port $port; restarting" >&2
    cmd_stop "$state"
  fi
  rm -f "$state/solr.pid"
  if ping_ok "$port"; then
    die "another Solr already answers on port $port (not started from $state)"
  fi

  cmd_build
  write_home "$state"

  : > "$state/solr.log"
  (
    cd "$state"
    exec java -Xmx512m \
      -Dsolr.log.dir="$state/logs" \
      -Dlog4j2.configurationFile="$HERE/log4j2.xml" \
      -Dsolr.install.dir="$state" \
      -Dfile.encoding=UTF-8 \
      -cp "$TARGET/dependency/*:$TARGET/classes" \
      tokyo.solr.Launcher "$state/home" "$port"
  ) >>"$state/solr.log" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$state/solr.pid"

  local waited=0
  until ping_ok "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "solr.sh: Solr (pid $pid) exited during start-up; last log lines:" >&2
      tail -n 40 "$state/solr.log" >&2
      rm -f "$state/solr.pid"
      exit 1
    fi
    if (( waited >= START_TIMEOUT )); then
      echo "solr.sh: Solr did not answer ping within ${START_TIMEOUT}s; last log lines:" >&2
      tail -n 40 "$state/solr.log" >&2
      cmd_stop "$state" >/dev/null || true
      exit 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  echo "solr.sh: Solr running (pid $pid) at http://127.0.0.1:$port/solr/$CORE (logs: $state/solr.log, $state/logs/)"
}

cmd_stop() {
  [[ $# -eq 1 ]] || usage
  local state="$1" pid i
  [[ -d "$state" ]] || { echo "solr.sh: not running (no $state)"; return 0; }
  if ! pid="$(running_pid "$state")"; then
    rm -f "$state/solr.pid"
    echo "solr.sh: not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 30; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "solr.sh: pid $pid did not stop after SIGTERM; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$state/solr.pid"
  echo "solr.sh: stopped (pid $pid)"
}

cmd_status() {
  [[ $# -eq 2 ]] || usage
  local state port="$2" pid
  state="$(cd "$1" 2>/dev/null && pwd)" || { echo "solr.sh: not running (no $1)"; return 1; }
  if pid="$(running_pid "$state")"; then
    if ping_ok "$port"; then
      echo "solr.sh: running (pid $pid), http://127.0.0.1:$port/solr/$CORE ping OK"
      return 0
    fi
    echo "solr.sh: pid $pid alive but http://127.0.0.1:$port/solr/$CORE/admin/ping not OK"
    return 1
  fi
  echo "solr.sh: not running"
  return 1
}

[[ $# -ge 1 ]] || usage
sub="$1"; shift
case "$sub" in
  build)  [[ $# -eq 0 ]] || usage; cmd_build ;;
  start)  cmd_start "$@" ;;
  stop)   cmd_stop "$@" ;;
  status) cmd_status "$@" ;;
  -h|--help|help) usage ;;
  *) usage ;;
esac

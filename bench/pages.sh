#!/usr/bin/env bash
# Server CPU per request of the hub's main pages, uncached and from the page cache, beside the
# framework floor measured in the same run, on SQLite and on PostgreSQL, with the demo content.
#
#   bench/pages.sh [sqlite|postgres|both]          (default both)
#   bench/pages.sh scale [COUNT...]                 listing cost with COUNT case studies
#                                                   (default 10 200), SQLite, uncached
#
# Each database gets a fresh copy of the demo content (SQLite in a temporary folder; PostgreSQL
# database BENCH_DB, dropped and created). Per page: pagecost.py (queries, HTML KB, every cache
# off), then gunicorn (production settings, WORKERS sync workers, 127.0.0.1, Redis database
# REDIS_URL flushed first) load-tested with loadtest.sh uncached (a cookie on every request
# keeps the page cache out) and cached; the bare floorsite.py is load-tested in the same run. The table at the end gives CPU ms per
# request and its multiple of the floor's, req/s, p50/p99, queries and HTML KB.
#
# Environment: PORT [8700] (the floor uses PORT+90), WORKERS [2], DURATION [10s], REPEAT [1],
# REDIS_URL [redis://127.0.0.1:6379/7], BENCH_DB [hub_perf_bench] on PGHOST [127.0.0.1] as
# PGUSER [postgres], PYTHON [.venv/bin/python], BENCH_TOOLS [../shared/bench beside the
# repository] holding loadtest.sh, startup.sh, pagecost.py, floorsite.py. Needs wrk, curl, psql
# and redis-cli.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

MODE="${1:-both}"
PORT="${PORT:-8700}"; FLOOR_PORT=$((PORT + 90)); WORKERS="${WORKERS:-2}"
export DURATION="${DURATION:-10s}" REPEAT="${REPEAT:-1}"
CACHE_URL="${REDIS_URL:-redis://127.0.0.1:6379/7}"
BENCH_DB="${BENCH_DB:-hub_perf_bench}"
PGHOST="${PGHOST:-127.0.0.1}"; PGUSER="${PGUSER:-postgres}"
PY="${PYTHON:-.venv/bin/python}"
. bench/tools.sh

# The pages of the performance issue, by what they are.
PAGES=(
  "home|/"
  "key area|/strategy/2022/behaving-commercially/managing-contracts-and-relationships/"
  "category strategy|/category-strategies/construction-2026/"
  "case study|/case-studies/open-book-review-of-home-care-contracts/"
  "case-study finder|/case-studies/"
  "finder, theme + sort|/case-studies/?theme=behaving-commercially&sort=saving"
  "resources|/resources/"
  "consultation|/consultations/construction-category-strategy-2026/"
  "search|/search/?q=contract"
)
PATHS=(); for page in "${PAGES[@]}"; do PATHS+=("${page#*|}"); done

WORK="$(mktemp -d)"
SERVER=""
stop_server() { [ -n "$SERVER" ] && kill -TERM -- "-$SERVER" 2>/dev/null || true; SERVER=""; }
trap 'stop_server; rm -rf "$WORK"' EXIT

export DJANGO_SETTINGS_MODULE=hub.settings.production
export DJANGO_SECRET_KEY="benchmark-only-not-secret"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export SECURE_SSL_REDIRECT=0 LOG_LEVEL=WARNING
unset REDIS_URL

# serve NAME URL COMMAND...: start a server, wait for its first 200, remember its process group.
serve() {
  local out
  out="$(KEEP=1 bash "$TOOLS/startup.sh" serve "$2" -- "${@:3}")"
  echo "# $1: $(head -n1 <<<"$out")"
  SERVER="$(sed -n 's/^PID=//p' <<<"$out")"
}

# The issue's set-up: sync workers, no access log, none of gunicorn.conf.py's settings.
GUNICORN=("$PY" -m gunicorn --config "$WORK/gunicorn.conf.py" --worker-class sync
  --workers "$WORKERS")
: >"$WORK/gunicorn.conf.py"

gunicorn_site() {
  serve "$1" "http://127.0.0.1:$PORT/" \
    "${GUNICORN[@]}" --bind "127.0.0.1:$PORT" hub.wsgi:application
}

# load LABEL BASE_URL PATH...: loadtest.sh with the server's CPU, rows appended to the TSV.
load() {
  local cpu_comm=""; [ "$DB" = postgres ] && cpu_comm=postgres
  SERVER_PGID="$SERVER" CPU_COMM="$cpu_comm" LABEL="$1" TSV="$WORK/load.tsv" \
    bash "$TOOLS/loadtest.sh" "${@:2}"
}

floor() {
  stop_server
  PYTHONPATH="$TOOLS" DJANGO_SETTINGS_MODULE=floorsite \
    serve floor "http://127.0.0.1:$FLOOR_PORT/__floor__/" \
    "${GUNICORN[@]}" --bind "127.0.0.1:$FLOOR_PORT" 'floorsite:wsgi()'
  load "$DB floor" "http://127.0.0.1:$FLOOR_PORT" /__floor__/
  stop_server
}

prepare() {
  echo "# $DB: demo content"
  if [ "$DB" = postgres ]; then
    export DATABASE_URL="postgres://$PGUSER@$PGHOST:5432/$BENCH_DB"
    psql -q -h "$PGHOST" -U "$PGUSER" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" \
      -c "CREATE DATABASE $BENCH_DB"
  else
    export DATABASE_URL="sqlite:///$WORK/bench.sqlite3"
  fi
  "$PY" manage.py migrate --noinput -v0
  "$PY" manage.py load_demo_data --no-demo-users >/dev/null
  "$PY" manage.py collectstatic --noinput -v0
  [ "$DB" = postgres ] && psql -q -h "$PGHOST" -U "$PGUSER" -d "$BENCH_DB" -c "ANALYZE"
  return 0
}

run_database() {
  DB="$1"
  prepare
  echo "# $DB: queries and page weight (pagecost.py, page cache off)"
  PAGE_CACHE_SECONDS=0 "$PY" "$TOOLS/pagecost.py" --host 127.0.0.1 --json "$WORK/$DB.json" \
    "${PATHS[@]}"
  floor
  redis-cli -u "$CACHE_URL" FLUSHDB >/dev/null
  REDIS_URL="$CACHE_URL" PAGE_CACHE_SECONDS=600 gunicorn_site "$DB"
  # Uncached: a cookie on every request keeps the page cache out (facet counts stay cached).
  WRK_HEADERS="Cookie: bench=uncached" load "$DB uncached" "http://127.0.0.1:$PORT" "${PATHS[@]}"
  for path in "${PATHS[@]}"; do
    curl -s -o /dev/null "http://127.0.0.1:$PORT$path"
    age="$(curl -s -o /dev/null -D - "http://127.0.0.1:$PORT$path" | tr -d '\r' | sed -n 's/^Age: //ip')"
    [ -n "$age" ] || echo "# warning: $path was not answered from the cache" >&2
  done
  load "$DB cached" "http://127.0.0.1:$PORT" "${PATHS[@]}"
  stop_server
  floor
  "$PY" bench/pages_report.py "$WORK/load.tsv" "$WORK/$DB.json" "$DB" "${PAGES[@]}"
}

run_scale() {
  DB=sqlite
  local counts=("$@"); [ ${#counts[@]} -gt 0 ] || counts=(10 200)
  local listings=("/case-studies/" "/case-studies/?theme=behaving-commercially&sort=saving")
  prepare
  cp "$WORK/bench.sqlite3" "$WORK/demo.sqlite3"
  for count in "${counts[@]}"; do
    cp "$WORK/demo.sqlite3" "$WORK/bench.sqlite3"
    echo "# $count case studies"
    "$PY" bench/casestudies_data.py "$count" --exactly
    "$PY" manage.py update_index -v0  # production settings leave index updates to a worker
    PAGE_CACHE_SECONDS=0 "$PY" "$TOOLS/pagecost.py" --host 127.0.0.1 "${listings[@]}"
    PAGE_CACHE_SECONDS=0 gunicorn_site "finder $count"
    load "finder $count" "http://127.0.0.1:$PORT" "${listings[@]}"
    stop_server
  done
  floor
}

case "$MODE" in
  sqlite|postgres) run_database "$MODE" ;;
  both) run_database sqlite; run_database postgres ;;
  scale) shift; run_scale "$@" ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac

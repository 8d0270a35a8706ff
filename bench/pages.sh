#!/usr/bin/env bash
# Server CPU per request of the hub's main pages, cold, warm and from the page cache, beside the
# framework floor measured in the same run, with the demo content, as production runs them.
#
#   bench/pages.sh [--bare] [sqlite|postgres|both]  (default both)
#   bench/pages.sh [--bare] scale [COUNT...]        listing cost with COUNT case studies
#                                                   (default 10 200), SQLite, uncached
#
# sqlite: SQLite without Redis (production's file cache); postgres: PostgreSQL with Redis. Each
# database gets a fresh copy of the demo content (SQLite in a temporary folder; PostgreSQL
# database BENCH_DB, dropped and created). Per page: pagecost.py (queries, HTML KB, every cache
# off), then gunicorn with production settings and the shipped gunicorn.conf.py (WORKERS
# workers; --bare: an empty config, sync workers) load-tested with loadtest.sh: cold (page cache
# and remembered parts off), warm (remembered parts on; a cookie on every request keeps the page
# cache out) and cached. The floor (floorsite.py) runs under the same gunicorn settings in the
# same run. The table at the end gives CPU ms per request and its multiple of the floor's
# against the goal, req/s, p50/p99, queries and HTML KB.
#
# Environment: PORT [18020] (the floor uses PORT+40), WORKERS [2], DURATION [6s], WARMUP [2s],
# REPEAT [1], REDIS_URL [redis://127.0.0.1:6379/7], BENCH_DB [hub_perf_bench] on PGHOST [127.0.0.1] as
# PGUSER [postgres], PYTHON [.venv/bin/python], BENCH_TOOLS [../shared/bench beside the
# repository] holding loadtest.sh, startup.sh, pagecost.py, floorsite.py. Needs wrk, curl, psql
# and redis-cli.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

BARE=""; [ "${1:-}" = "--bare" ] && { BARE=1; shift; }
MODE="${1:-both}"
PORT="${PORT:-18020}"; FLOOR_PORT=$((PORT + 40)); WORKERS="${WORKERS:-2}"
export DURATION="${DURATION:-6s}" WARMUP="${WARMUP:-2s}" REPEAT="${REPEAT:-1}"
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

scratch_and_server

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

# The shipped gunicorn.conf.py (its access log included), or with --bare an empty config.
export GUNICORN_WORKERS="$WORKERS" GUNICORN_LOG_LEVEL=warning
if [ -n "$BARE" ]; then
  : >"$WORK/gunicorn.conf.py"
  GUNICORN=("$PY" -m gunicorn --config "$WORK/gunicorn.conf.py" --worker-class sync
    --workers "$WORKERS")
else
  GUNICORN=("$PY" -m gunicorn --config gunicorn.conf.py)
fi

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
  PYTHONPATH="$TOOLS" DJANGO_SETTINGS_MODULE=floorsite GUNICORN_PRELOAD=0 \
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
  # sqlite: no Redis, production's file cache; postgres: Redis.
  export CACHE_DIR="$WORK/cache-$DB"
  if [ "$DB" = postgres ]; then
    redis-cli -u "$CACHE_URL" FLUSHDB >/dev/null
    export REDIS_URL="$CACHE_URL"
  fi
  # Cold: nothing cached, as every page is just after a publish.
  PAGE_CACHE_SECONDS=0 gunicorn_site "$DB cold"
  load "$DB cold" "http://127.0.0.1:$PORT" "${PATHS[@]}"
  stop_server
  PAGE_CACHE_SECONDS=600 gunicorn_site "$DB"
  # Warm: a cookie on every request keeps the page cache out (remembered parts stay cached).
  WRK_HEADERS="Cookie: bench=warm" load "$DB warm" "http://127.0.0.1:$PORT" "${PATHS[@]}"
  for path in "${PATHS[@]}"; do
    curl -s -o /dev/null "http://127.0.0.1:$PORT$path"
    age="$(curl -s -o /dev/null -D - "http://127.0.0.1:$PORT$path" | tr -d '\r' | sed -n 's/^Age: //ip')"
    [ -n "$age" ] || echo "# warning: $path was not answered from the cache" >&2
  done
  load "$DB cached" "http://127.0.0.1:$PORT" "${PATHS[@]}"
  stop_server
  unset REDIS_URL
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
    CACHE_DIR="$WORK/cache-scale-$count" PAGE_CACHE_SECONDS=0 gunicorn_site "finder $count"
    load "finder $count" "http://127.0.0.1:$PORT" "${listings[@]}"
    stop_server
  done
  floor
}

# The gunicorn.conf.py in use, in the report.
if [ -n "$BARE" ]; then CONFIG="bare config, sync workers"; else CONFIG="shipped gunicorn.conf.py"; fi
echo "# gunicorn: $CONFIG, $WORKERS workers"
case "$MODE" in
  sqlite|postgres) run_database "$MODE" ;;
  both) run_database sqlite; run_database postgres ;;
  scale) shift; run_scale "$@" ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac

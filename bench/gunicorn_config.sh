#!/usr/bin/env bash
# gunicorn.conf.py's choices measured: server CPU ms per request, req/s and p50/p99 of a cached
# page (16 connections) under the shipped config, its old recycling (max_requests 2000), without
# preload, and a bare config (-c /dev/null: sync workers), in one run on one demo database.
#
#   bench/gunicorn_config.sh            (SQLite demo in a temporary folder, no Redis)
#
# Environment: DEMO_DB (an SQLite demo database to copy, instead of loading the demo), PORT [18010], WORKERS [2], DURATION [10s], REPEAT [1], PATHS ["/"],
# PYTHON [.venv/bin/python], BENCH_TOOLS (see bench/tools.sh). Needs wrk and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-18010}"; WORKERS="${WORKERS:-2}"
export DURATION="${DURATION:-10s}" REPEAT="${REPEAT:-1}"
PY="${PYTHON:-.venv/bin/python}"
read -r -a PATHS <<<"${PATHS:-/ /case-studies/}"
. bench/tools.sh

scratch_and_server

export DJANGO_SETTINGS_MODULE=hub.settings.production DJANGO_SECRET_KEY="benchmark-only-not-secret"
export ALLOWED_HOSTS="127.0.0.1,localhost" SECURE_SSL_REDIRECT=0 LOG_LEVEL=WARNING
export DATABASE_URL="sqlite:///$WORK/bench.sqlite3" STATIC_ROOT="$WORK/static"
export GUNICORN_WORKERS="$WORKERS" GUNICORN_LOG_LEVEL=warning
unset REDIS_URL
echo "# demo content"
if [ -n "${DEMO_DB:-}" ]; then
  cp "$DEMO_DB" "$WORK/bench.sqlite3"  # a copy of a demo database made before
  "$PY" manage.py migrate --noinput -v0
else
  "$PY" manage.py migrate --noinput -v0
  "$PY" manage.py load_demo_data --no-demo-users >/dev/null
fi
"$PY" manage.py collectstatic --noinput -v0

# variant LABEL ENV... -- GUNICORN ARGS...: serve, warm every path into the cache, load-test.
variant() {
  local label="$1"; shift
  local envs=(); while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  export CACHE_DIR="$WORK/cache-$RANDOM"
  local out
  out="$(KEEP=1 env "${envs[@]}" bash "$TOOLS/startup.sh" serve "http://127.0.0.1:$PORT/" -- \
    "$PY" -m gunicorn "$@" --bind "127.0.0.1:$PORT" --access-logfile /dev/null)"
  echo "# $label: $(head -n1 <<<"$out")"
  SERVER="$(sed -n 's/^PID=//p' <<<"$out")"
  for path in "${PATHS[@]}"; do curl -s -o /dev/null "http://127.0.0.1:$PORT$path"; done
  SERVER_PGID="$SERVER" LABEL="$label" TSV="$WORK/load.tsv" \
    bash "$TOOLS/loadtest.sh" "http://127.0.0.1:$PORT" "${PATHS[@]}" >/dev/null
  stop_server
}

variant "shipped" -- -c gunicorn.conf.py
if [ -n "${EXTRA_VARIANTS:-}" ]; then
  variant "threads 2" GUNICORN_THREADS=2 -- -c gunicorn.conf.py
  variant "4 workers x 2 threads" GUNICORN_WORKERS=4 GUNICORN_THREADS=2 -- -c gunicorn.conf.py
fi
variant "recycle 2000" GUNICORN_MAX_REQUESTS=2000 -- -c gunicorn.conf.py
variant "no preload" GUNICORN_PRELOAD=0 -- -c gunicorn.conf.py
variant "bare sync" -- -c /dev/null --workers "$WORKERS" hub.wsgi:application

echo
echo "| config | path | CPU ms/request | req/s | p50 / p99 ms |"
echo "|---|---|---|---|---|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s / %s |\n", $2, $4, $15, $7, $8, $10 }' "$WORK/load.tsv"

#!/usr/bin/env bash
# Requests per second and query count of the case-study finder, with production settings,
# gunicorn on 127.0.0.1 and a PostgreSQL database holding many case studies. Fails if a request's
# query count with COUNT case studies differs from the count with the demo's few.
#
#   bench/casestudies_finder.sh [COUNT]        (default 500 case studies)
#
# Environment: BENCH_DB [hub_cases_bench] database to (re)create on PGHOST [127.0.0.1] as
# PGUSER [postgres]; PORT [8760]; WORKERS [2]; DURATION [15s]; BENCH_TOOLS [../shared/bench
# beside the repository, or /work/shared/bench] holding loadtest.sh, startup.sh, pagecost.py.
# Needs wrk (apt-get install -y wrk), curl and psql.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT="${1:-500}"
BENCH_DB="${BENCH_DB:-hub_cases_bench}"
PGHOST="${PGHOST:-127.0.0.1}"; PGUSER="${PGUSER:-postgres}"
PORT="${PORT:-8760}"; WORKERS="${WORKERS:-2}"
. bench/tools.sh
PY=.venv/bin/python

export DJANGO_SETTINGS_MODULE=hub.settings.production
export DJANGO_SECRET_KEY="benchmark-only-not-secret"
export DATABASE_URL="postgres://$PGUSER@$PGHOST:5432/$BENCH_DB"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export SECURE_SSL_REDIRECT=0
export LOG_LEVEL=WARNING

echo "# database $BENCH_DB with $COUNT case studies"
psql -q -h "$PGHOST" -U "$PGUSER" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" \
  -c "CREATE DATABASE $BENCH_DB"
$PY manage.py migrate --noinput -v0
$PY manage.py collectstatic --noinput -v0
$PY manage.py load_demo_data --no-demo-users >/dev/null

PATHS=(
  "/case-studies/"
  "/case-studies/?theme=behaving-commercially&category=energy&sort=saving"
  "/case-studies/?q=contract&region=london"
  "/case-studies/?page=20"
)
COSTS="$(mktemp -d)"

echo "# queries with the demo's case studies only (pagecost.py)"
$PY "$TOOLS/pagecost.py" --host 127.0.0.1 --json "$COSTS/demo.json" "${PATHS[@]}"

$PY bench/casestudies_data.py "$COUNT"
# Production settings queue search-index updates for a worker; none runs here.
$PY manage.py update_index -v0
psql -q -h "$PGHOST" -U "$PGUSER" -d "$BENCH_DB" -c "ANALYZE"

echo "# queries and in-process time with $COUNT case studies (pagecost.py)"
$PY "$TOOLS/pagecost.py" --host 127.0.0.1 --json "$COSTS/many.json" "${PATHS[@]}"

# The finder's query count must not grow with the number of case studies.
$PY - "$COSTS/demo.json" "$COSTS/many.json" <<'PY'
import json, sys
few, many = ({p["path"]: p["queries_warm"] for p in json.load(open(f))["pages"]} for f in sys.argv[1:])
grown = {path: (few[path], many[path]) for path in few if few[path] != many[path]}
print("query count flat in the number of case studies:", "no" if grown else "yes")
sys.exit(f"queries grew (few, many): {grown}" if grown else 0)
PY

echo "# load test: gunicorn, $WORKERS sync workers, production settings"
# An empty config file, so none of gunicorn.conf.py's settings (threads, access log) apply.
EMPTY_CONF="$(mktemp)"
out="$(KEEP=1 bash "$TOOLS/startup.sh" serve "http://127.0.0.1:$PORT/case-studies/" -- \
  .venv/bin/gunicorn hub.wsgi:application --config "$EMPTY_CONF" --worker-class sync \
  --workers "$WORKERS" --bind "127.0.0.1:$PORT")"
echo "$out"
pid="$(sed -n 's/^PID=//p' <<<"$out")"
trap 'kill -TERM -- "-$pid" 2>/dev/null || true' EXIT
SERVER_PGID="$pid" CPU_COMM=postgres LABEL="finder $COUNT" DURATION="${DURATION:-15s}" \
  bash "$TOOLS/loadtest.sh" "http://127.0.0.1:$PORT" "${PATHS[@]}"

#!/bin/sh
# Per-page cost (queries, time, HTML size) of the guidance pages, with production settings, on a
# throwaway copy of the demo database. Run from the repository root after `make setup`:
#   sh bench/guidance_pages.sh [path/to/shared/bench/pagecost.py]
set -eu
PAGECOST=${1:-../shared/bench/pagecost.py}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export DJANGO_SETTINGS_MODULE=hub.settings.production
export DATABASE_URL="sqlite:///$WORK/bench.sqlite3" DJANGO_SECRET_KEY=bench-only ALLOWED_HOSTS=localhost
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_demo_data --no-demo-users >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python "$PAGECOST" --secure \
  / \
  /strategy/2022/behaving-commercially/managing-contracts-and-relationships/ \
  /strategy/2014/ \
  /category-strategies/social-care-2015/ \
  /check-your-progress/ \
  /check-your-progress/nps-one-year-on-2015/ \
  /toolkits/pcr-2015/lots/ \
  /resources/ \
  '/resources/?type=guide&theme=behaving-commercially' \
  /resources/councillors-guide-to-procurement/

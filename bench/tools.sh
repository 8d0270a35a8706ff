# Sourced by the bench scripts: sets TOOLS to the folder holding the shared measurement scripts
# (loadtest.sh, startup.sh, pagecost.py, floorsite.py): BENCH_TOOLS, or ../shared/bench beside
# the repository.
TOOLS="${BENCH_TOOLS:-}"
if [ -z "$TOOLS" ]; then
  for candidate in ../shared/bench ../../shared/bench /work/shared/bench; do
    [ -f "$candidate/loadtest.sh" ] && TOOLS="$(cd "$candidate" && pwd)" && break
  done
fi
[ -n "$TOOLS" ] || { echo "set BENCH_TOOLS to the folder with loadtest.sh" >&2; exit 2; }

# Stop the server whose process group is in SERVER and wait until it is gone, so the next one
# can bind.
stop_server() {
  [ -n "${SERVER:-}" ] || return 0
  kill -TERM -- "-$SERVER" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 -- "-$SERVER" 2>/dev/null || break; sleep 0.2; done
  SERVER=""
}

# For scripts that start servers: a scratch folder in WORK; at exit, the server stops and the
# folder goes.
scratch_and_server() {
  WORK="$(mktemp -d)"
  SERVER=""
  trap 'stop_server; rm -rf "$WORK"' EXIT
}

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

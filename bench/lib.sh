# Shared by the load benchmarks (sourced): builds the release binary and starts
# a throw-away PostgreSQL and Redis in a temporary directory on free loopback
# ports, migrated, with everything stopped and removed when the script exits.
#
# After bench_start_stores: $BIN, $TMP, DATABASE_URL, REDIS_URL, MYSPACE_ENV=test,
# LOG_LEVEL=warn. Add the pid of every process the script starts to `pids`;
# add other clean-up to `bench_extra_cleanup` (a function the script may define).
source "$ROOT/scripts/lib/servers.sh"
source "$ROOT/scripts/lib/build.sh"

pids=()
bench_extra_cleanup() { :; }

bench_cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  bench_extra_cleanup
  redis_stop "$TMP/redis"
  pg_stop "$TMP/postgres"
  rm -rf "$TMP"
}

bench_start_stores() {
  cxx_build release >/dev/null
  BIN=$ROOT/build/release/src/services/myspace
  TMP=$(mktemp -d /tmp/myspace-bench-XXXXXX)
  chmod 755 "$TMP"
  trap bench_cleanup EXIT
  local pg_port redis_port
  pg_port=$(free_port) redis_port=$(free_port)
  pg_start "$TMP/postgres" "$pg_port" bench >/dev/null
  redis_start "$TMP/redis" "$redis_port"
  export DATABASE_URL="postgresql://myspace:bench@127.0.0.1:$pg_port/myspace"
  export REDIS_URL="redis://127.0.0.1:$redis_port" MYSPACE_ENV=test LOG_LEVEL=warn
  (cd "$ROOT" && "$BIN" migrate >/dev/null)
}

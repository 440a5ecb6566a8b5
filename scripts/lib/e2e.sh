#!/usr/bin/env bash
# Starts a whole system — temporary PostgreSQL and Redis, migrations, demo data,
# auth, gateway and web — on free ports in a temporary directory, runs the
# browser end-to-end tests (tests/e2e) against it, and removes everything.
# Usage: e2e.sh PATH_TO_MYSPACE_BINARY. Writes "PASSED FAILED" to build/e2e-counts.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/scripts/lib/servers.sh"
BIN=$1
COUNTS=$ROOT/build/e2e-counts
echo "0 1" >"$COUNTS"

TMP=$(mktemp -d /tmp/myspace-e2e-XXXXXX)
chmod 755 "$TMP"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  redis_stop "$TMP/redis"
  pg_stop "$TMP/postgres"
  rm -rf "$TMP"
}
trap cleanup EXIT

pg_port=$(free_port) redis_port=$(free_port)
pg_start "$TMP/postgres" "$pg_port" e2e-password || exit 1
redis_start "$TMP/redis" "$redis_port" || exit 1
export DATABASE_URL="postgresql://myspace:e2e-password@127.0.0.1:$pg_port/myspace"
export REDIS_URL="redis://127.0.0.1:$redis_port"
export JWT_SECRET=e2e-secret-key-that-is-long-enough-000 MYSPACE_ENV=test
auth_port=$(free_port) gateway_port=$(free_port) web_port=$(free_port)
export AUTH_SERVICE_URL="http://127.0.0.1:$auth_port"
export CORS_ORIGINS="http://127.0.0.1:$web_port,http://localhost:$web_port"
export THREADS=2 BCRYPT_COST=10
cd "$ROOT"

"$BIN" migrate >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log"; exit 1; }
"$BIN" seed >"$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log"; exit 1; }

# The gateway and the web's /auth proxy name their clients in X-Forwarded-For;
# the auth service believes them (from 127.0.0.1) only with the internal
# credential they derive from JWT_SECRET.
TRUSTED_PROXIES=127.0.0.1 PORT=$auth_port "$BIN" auth >"$TMP/auth.log" 2>&1 & pids+=($!)
# Every browser test and audit comes from 127.0.0.1: one anonymous budget.
RATE_LIMIT_ANONYMOUS=100000 PORT=$gateway_port "$BIN" gateway >"$TMP/gateway.log" 2>&1 & pids+=($!)
# The web service proxies /auth/* to AUTH_SERVICE_URL (exported above).
PORT=$web_port WEB_ROOT="$ROOT/web/dist" PUBLIC_API_URL="http://127.0.0.1:$gateway_port/graphql" \
  "$BIN" web >"$TMP/web.log" 2>&1 & pids+=($!)
for port in "$auth_port" "$gateway_port" "$web_port"; do
  wait_tcp "$port" 60 || { echo "service on :$port did not start"; tail -n 20 "$TMP"/*.log; exit 1; }
done

(cd "$ROOT/tests/e2e" && if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi)
log="$TMP/e2e.log"
BASE_URL="http://127.0.0.1:$web_port" API_URL="http://127.0.0.1:$gateway_port/graphql" \
  AUTH_URL="http://127.0.0.1:$auth_port" E2E_EXPECT_JOBS=1 \
  node --test --test-reporter=tap "$ROOT"/tests/e2e/*.test.mjs 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
ok=$(grep -E '^# pass ' "$log" | awk '{print $3}')
bad=$(grep -E '^# fail ' "$log" | awk '{print $3}')
[ "$status" -ne 0 ] && [ "${bad:-0}" -eq 0 ] && bad=1

# GraphQL-over-HTTP conformance of the live gateway: every graphql-http audit must pass.
(cd "$ROOT/tests/graphql-http" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; })
audit_log="$TMP/graphql-http.log"
URL="http://127.0.0.1:$gateway_port/graphql" node "$ROOT/tests/graphql-http/audit.mjs" 2>&1 | tee "$audit_log"
audit_status=${PIPESTATUS[0]}
audit_ok=$(grep -E '^# pass ' "$audit_log" | awk '{print $3}')
audit_bad=$(grep -E '^# fail ' "$audit_log" | awk '{print $3}')
[ "$audit_status" -ne 0 ] && [ "${audit_bad:-0}" -eq 0 ] && audit_bad=1
ok=$(( ${ok:-0} + ${audit_ok:-0} )) bad=$(( ${bad:-1} + ${audit_bad:-1} ))
[ "$audit_status" -ne 0 ] && status=$audit_status
echo "${ok:-0} ${bad:-1}" >"$COUNTS"
if [ "${bad:-1}" -ne 0 ]; then
  for f in auth gateway web; do echo "--- $f.log (tail)"; tail -n 15 "$TMP/$f.log"; done
fi
exit "$status"

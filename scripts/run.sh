#!/usr/bin/env bash
# Runs the whole system for development: installs what is missing, builds the
# C++ services and the web front end, starts a project-local PostgreSQL and
# Redis under var/ (unless DATABASE_URL / REDIS_URL point elsewhere), migrates,
# loads demo data and starts the auth service, the gateway and the web server.
# Ctrl-C stops everything it started.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/lib/servers.sh"
source "$ROOT/scripts/lib/build.sh"

cd "$ROOT"
bash "$ROOT/scripts/install-deps.sh"
echo "building C++ services (build/release) …"
cxx_build release
echo "building web front end (web/dist) …"
web_build

VAR=$ROOT/var
mkdir -p "$VAR/log"
BIN=$ROOT/build/release/src/services/myspace
pids=()
stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "${STARTED_REDIS:-}" ] && redis_stop "$VAR/redis"
  [ -n "${STARTED_PG:-}" ] && pg_stop "$VAR/postgres"
  echo "stopped."
}
trap stop_all INT TERM EXIT

if [ -z "${DATABASE_URL:-}" ]; then
  port=${MYSPACE_PG_PORT:-5432}
  pg_start "$VAR/postgres" "$port" myspace
  STARTED_PG=1
  export DATABASE_URL="postgresql://myspace:myspace@127.0.0.1:$port/myspace"
fi
if [ -z "${REDIS_URL:-}" ]; then
  port=${MYSPACE_REDIS_PORT:-6379}
  redis_start "$VAR/redis" "$port"
  STARTED_REDIS=1
  export REDIS_URL="redis://127.0.0.1:$port"
fi
export JWT_SECRET=${JWT_SECRET:-dev-secret-key}
export MYSPACE_ENV=${MYSPACE_ENV:-development}
AUTH_PORT=${AUTH_PORT:-3002} GATEWAY_PORT=${GATEWAY_PORT:-4000} WEB_PORT=${WEB_PORT:-3000}
export AUTH_SERVICE_URL=${AUTH_SERVICE_URL:-http://127.0.0.1:$AUTH_PORT}

"$BIN" migrate
"$BIN" seed

start_service() {
  local name=$1 port=$2
  PORT=$port "$BIN" "$name" > >(tee -a "$VAR/log/$name.log") 2>&1 &
  pids+=($!)
}
# The gateway and the web service's /auth proxy call the auth service on
# behalf of clients and name them in X-Forwarded-For; the auth service believes that header only from a
# TRUSTED_PROXIES address presenting the internal credential, which every local
# process shares the address of but only they have. The credential is
# derived from INTERNAL_API_SECRET, a fresh one each run here: the development
# JWT_SECRET it would otherwise come from is public.
export INTERNAL_API_SECRET=${INTERNAL_API_SECRET:-$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')}
TRUSTED_PROXIES=${TRUSTED_PROXIES:-127.0.0.1} start_service auth "$AUTH_PORT"
start_service gateway "$GATEWAY_PORT"
# The browser reaches the auth service through the web service (/auth/*, to
# AUTH_SERVICE_URL), so its session cookie is first-party on any host name.
PUBLIC_API_URL=${PUBLIC_API_URL:-http://localhost:$GATEWAY_PORT/graphql} \
  WEB_ROOT=$ROOT/web/dist start_service web "$WEB_PORT"

for port in "$AUTH_PORT" "$GATEWAY_PORT" "$WEB_PORT"; do
  wait_tcp "$port" 30 || { echo "a service did not start on :$port (see var/log)" >&2; exit 1; }
done
cat <<MSG

MySpace 2.0 is running:
  web       http://localhost:$WEB_PORT/
  gateway   http://localhost:$GATEWAY_PORT/graphql   (health: /health, ready: /ready)
  auth      http://localhost:$AUTH_PORT/health
  database  $(printf %s "$DATABASE_URL" | sed -E "s#//([^:/@]+):[^@]*@#//\\1:***@#")
  redis     $REDIS_URL
Logs: var/log/. Press Ctrl-C to stop.
MSG
# Stop everything as soon as one service exits, or on Ctrl-C.
wait -n "${pids[@]}" || true
echo "a service exited; stopping the others." >&2

# Project-local PostgreSQL and Redis for scripts/run.sh and scripts/test.sh.
# Sourced, not executed. PostgreSQL refuses to run as root, so when we are
# root it runs as the `postgres` system user; otherwise as ourselves.

PG_BIN=/usr/lib/postgresql/15/bin

# as_pg_user CMD...: runs CMD as the user that owns the PostgreSQL data.
as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# free_port: prints a TCP port that nothing listens on right now.
free_port() {
  python3 - <<'PY' 2>/dev/null || node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# wait_tcp PORT SECONDS: waits until 127.0.0.1:PORT accepts connections.
wait_tcp() {
  local port=$1 seconds=$2 i
  for ((i = 0; i < seconds * 10; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# pg_start DIR PORT PASSWORD: initialises DIR/data once, starts PostgreSQL on
# 127.0.0.1:PORT with a `myspace` superuser and database. Idempotent: a server
# already running from DIR is left as it is.
pg_start() {
  local dir=$1 port=$2 password=$3
  mkdir -p "$dir"
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    local pwfile="$dir/pwfile"
    printf '%s\n' "$password" >"$pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pwfile"
    as_pg_user "$PG_BIN/initdb" -D "$dir/data" -U myspace --pwfile="$pwfile" -A scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; return 1; }
    rm -f "$pwfile"
  fi
  if as_pg_user "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then return 0; fi
  as_pg_user "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 30 start \
    -o "-h 127.0.0.1 -p $port -k '' -c max_connections=200 -c shared_buffers=128MB" >/dev/null ||
    { tail -n 20 "$dir/postgres.log" >&2; return 1; }
  PGPASSWORD=$password psql -h 127.0.0.1 -p "$port" -U myspace -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'myspace'" | grep -q 1 ||
    PGPASSWORD=$password psql -h 127.0.0.1 -p "$port" -U myspace -d postgres -qc "CREATE DATABASE myspace" >/dev/null
}

pg_stop() {
  local dir=$1
  [ -f "$dir/data/PG_VERSION" ] || return 0
  as_pg_user "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# redis_start DIR PORT: starts redis-server on 127.0.0.1:PORT with its files in DIR.
# Not --daemonize: that calls setsid(), and Linux's autogroup scheduling gives
# each session its own CPU share, in which no thread priority reaches across.
# Started here, Redis shares the services' session, so the auth service's
# SCHED_IDLE bcrypt threads give way to it as they do to the gateway.
redis_start() {
  local dir=$1 port=$2
  mkdir -p "$dir"
  if [ -f "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null; then return 0; fi
  redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize no \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save "" --appendonly no \
    </dev/null >/dev/null 2>&1 &
  wait_tcp "$port" 10 || { tail -n 20 "$dir/redis.log" >&2; return 1; }
}

redis_stop() {
  local dir=$1 pid
  [ -f "$dir/redis.pid" ] || return 0
  pid=$(cat "$dir/redis.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$dir/redis.pid"
}

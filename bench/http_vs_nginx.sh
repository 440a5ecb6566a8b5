#!/usr/bin/env bash
# Throughput and tail latency of the gateway's GET /health against nginx
# answering a fixed 200 on another local port, in the same run and on the same
# machine (wrk, 64 connections, 10 s each), plus each service's idle RSS.
# Loopback only. Usage: [ROUNDS=3] bench/http_vs_nginx.sh [seconds] [connections]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/lib.sh"
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-64}
ROUNDS=${ROUNDS:-3}
export THREADS=${THREADS:-$(nproc)}

bench_extra_cleanup() {
  if [ -f "$TMP/nginx.pid" ]; then kill "$(cat "$TMP/nginx.pid")" 2>/dev/null || true; fi
}
bench_start_stores

auth_port=$(free_port) gateway_port=$(free_port) web_port=$(free_port) nginx_port=$(free_port)
PORT=$auth_port "$BIN" auth >/dev/null 2>&1 & pids+=($!)
(cd "$ROOT" && PORT=$gateway_port exec "$BIN" gateway >/dev/null 2>&1) & pids+=($!)
mkdir -p "$TMP/www" && echo '<!doctype html><title>bench</title>' >"$TMP/www/index.html"
PORT=$web_port WEB_ROOT=$TMP/www "$BIN" web >/dev/null 2>&1 & pids+=($!)

cat >"$TMP/nginx.conf" <<CONF
worker_processes $THREADS;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$nginx_port reuseport;
    location / { default_type application/json; return 200 '{"status":"ok"}'; }
  }
}
CONF
nginx -c "$TMP/nginx.conf"
for port in "$auth_port" "$gateway_port" "$web_port" "$nginx_port"; do wait_tcp "$port" 20; done
sleep 1

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
echo "idle RSS (KiB): auth $(rss_kib "${pids[0]}")  gateway $(rss_kib "${pids[1]}")  web $(rss_kib "${pids[2]}")"

measure() {  # URL -> "requests/s p99_ms"
  local out rps p99
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$1")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "$rps $p99"
}
wrk -t2 -c"$CONNECTIONS" -d2s "http://127.0.0.1:$gateway_port/health" >/dev/null  # warm-up
# This VM's throughput drifts by 20% from one minute to the next, so the two
# servers take turns, ROUNDS times, and each round's ratio compares neighbours
# in time; the median round is the figure.
ratios=()
for round in $(seq "$ROUNDS"); do
  read -r gw_rps gw_p99 < <(measure "http://127.0.0.1:$gateway_port/health")
  read -r ng_rps ng_p99 < <(measure "http://127.0.0.1:$nginx_port/")
  ratio=$(awk -v a="$gw_rps" -v b="$ng_rps" 'BEGIN { printf "%.1f", 100 * a / b }')
  ratios+=("$ratio")
  echo "round $round: gateway GET /health $gw_rps req/s (p99 $gw_p99), nginx fixed 200 $ng_rps req/s (p99 $ng_p99): $ratio%"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
echo "gateway / nginx throughput, median of $ROUNDS rounds: $median%"
echo "after load RSS (KiB): gateway $(rss_kib "${pids[1]}")"

#!/usr/bin/env bash
# Issue 4's figures: how many logins per second the auth service completes at
# the configured bcrypt cost, against the bound the hardware allows (cores ÷
# time of one hash), and the p99 of a GraphQL `me` query on the gateway with no
# load on auth and while a login storm runs.
#
# The time of one hash comes from the auth service itself: its
# auth_bcrypt_seconds histogram (/metrics) over sequential logins on an idle
# machine, so it is the same code, cost and CPU as the storm.
# Loopback only; every process runs in a temporary directory and is stopped.
#
# Usage: [ROUNDS=3] bench/login_storm.sh [storm-seconds] [storm-connections]   (default 15, 2 × cores)
# `me` runs at a steady ME_RATE per second (default 1000) over ME_CONNECTIONS
# connections (default 8): the p99 ordinary users see, with and without a storm
# of logins competing for the same cores.
# Environment: BCRYPT_COST (default 12, the service's default), BCRYPT_PRIORITY
# (idle or nice, passed to the auth service), ME_RATE, ME_CONNECTIONS,
# CONTROL_BURNERS (see step 4).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/bench/lib.sh"
STORM_SECONDS=${1:-15}
CORES=$(nproc)
STORM_CONNECTIONS=${2:-$((2 * CORES))}
ME_CONNECTIONS=${ME_CONNECTIONS:-8}
ME_RATE=${ME_RATE:-1000}  # me requests per second, spread over the connections
ROUNDS=${ROUNDS:-3}
export BCRYPT_COST=${BCRYPT_COST:-12}

bench_start_stores
# The figures are about bcrypt and the gateway, not the per-address limits a
# single benchmarking address would hit at once.
export AUTH_RATE_LIMIT=1000000 RATE_LIMIT_AUTHENTICATED=100000000 RATE_LIMIT_ANONYMOUS=100000000

auth_port=$(free_port) gateway_port=$(free_port)
export AUTH_SERVICE_URL=http://127.0.0.1:$auth_port
PORT=$auth_port "$BIN" auth >"$TMP/auth.log" 2>&1 &
pids+=($!)
(cd "$ROOT" && PORT=$gateway_port exec "$BIN" gateway >"$TMP/gateway.log" 2>&1) &
pids+=($!)
for port in "$auth_port" "$gateway_port"; do
  wait_tcp "$port" 20 || { tail -n 5 "$TMP"/*.log >&2; exit 1; }
done

email=storm@bench.example.com password='a long bench password 2026'
token=$(curl -sf -H 'Content-Type: application/json' "http://127.0.0.1:$auth_port/register" \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"accountType\":\"CLIENT\",\"username\":\"storm_bench\",\"displayName\":\"Storm Bench\"}" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).accessToken))')

cat >"$TMP/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"$email","password":"$password"}'
LUA
cat >"$TMP/me.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
wrk.body = '{"query":"{ me { id username displayName accountType email } }"}'
-- A steady stream of users, not a flood: each connection waits between requests.
function delay() return $((1000 * ME_CONNECTIONS / ME_RATE)) end
LUA
me_check=$(curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$gateway_port/graphql" -d '{"query":"{ me { username } }"}')
[[ "$me_check" == *storm_bench* ]] || { echo "me query failed: $me_check" >&2; exit 1; }

# Sum and count of the auth service's bcrypt histogram.
bcrypt_totals() {
  curl -sf "http://127.0.0.1:$auth_port/metrics" |
    awk '/^auth_bcrypt_seconds_sum/ {s=$2} /^auth_bcrypt_seconds_count/ {c=$2} END {print s, c}'
}
# wrk output -> "requests/s p50 p99 non2xx"
summarize() {
  awk '/Requests\/sec/ {rps=$2} $1 == "50%" {p50=$2} $1 == "99%" {p99=$2} /Non-2xx/ {bad=$NF}
       END {print rps, p50, p99, (bad == "" ? 0 : bad)}'
}

# 1. The time of one hash: sequential logins, nothing else running.
read -r sum0 count0 < <(bcrypt_totals)
wrk -t1 -c1 -d8s -s "$TMP/login.lua" "http://127.0.0.1:$auth_port/login" >/dev/null
read -r sum1 count1 < <(bcrypt_totals)
hash_ms=$(awk -v s0="$sum0" -v s1="$sum1" -v c0="$count0" -v c1="$count1" \
  'BEGIN { printf "%.1f", 1000 * (s1 - s0) / (c1 - c0) }')
bound=$(awk -v ms="$hash_ms" -v cores="$CORES" 'BEGIN { printf "%.2f", cores * 1000 / ms }')

# wrk latency ("840.00us", "1.10ms", "1.02s") -> milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.3f", n }'
}
me_for() {  # seconds -> "requests/s p50 p99 non2xx" of `me` at the steady rate
  wrk -t1 -c"$ME_CONNECTIONS" -d"$1s" --latency -s "$TMP/me.lua" \
    "http://127.0.0.1:$gateway_port/graphql" | summarize
}

# 3. The storm alone: logins per second against the bound.
wrk -t1 -c"$STORM_CONNECTIONS" -d"${STORM_SECONDS}s" --latency -s "$TMP/login.lua" \
  "http://127.0.0.1:$auth_port/login" >"$TMP/storm.out"
read -r logins_rps _ logins_p99 logins_bad < <(summarize <"$TMP/storm.out")

# 4. `me` quiet, then while a storm runs (measured once the storm is under
# way), ROUNDS times: this VM's timings drift from minute to minute, so each
# round's ratio compares neighbours in time and the median round is the figure.
# With CONTROL_BURNERS=N the storm is replaced by N busy loops at SCHED_IDLE:
# a control for how much of `me`'s tail comes from any busy core at all
# rather than from bcrypt.
me_for 3 >/dev/null  # warm-up
ratios=()
for round in $(seq "$ROUNDS"); do
  read -r me_rps me_p50 me_p99 me_bad < <(me_for 10)
  if [ "${CONTROL_BURNERS:-0}" -gt 0 ]; then
    burners=()
    for _ in $(seq "$CONTROL_BURNERS"); do
      chrt -i 0 bash -c 'while :; do :; done' &
      burners+=($!)
    done
  else
    wrk -t1 -c"$STORM_CONNECTIONS" -d"$((10 + 4))s" -s "$TMP/login.lua" \
      "http://127.0.0.1:$auth_port/login" >"$TMP/storm2.out" &
    storm=$!
  fi
  sleep 2
  read -r storm_me_rps storm_me_p50 storm_me_p99 storm_me_bad < <(me_for 10)
  if [ "${CONTROL_BURNERS:-0}" -gt 0 ]; then
    kill "${burners[@]}"
    storm_what="$CONTROL_BURNERS SCHED_IDLE busy loops instead of a storm"
  else
    wait "$storm"
    read -r storm2_rps _ _ _ < <(summarize <"$TMP/storm2.out")
    storm_what="logins meanwhile: $storm2_rps/s"
  fi
  ratio=$(awk -v a="$(to_ms "$storm_me_p99")" -v b="$(to_ms "$me_p99")" 'BEGIN { printf "%.2f", a / b }')
  ratios+=("$ratio")
  echo "round $round: me quiet $me_rps req/s, p50 $me_p50, p99 $me_p99, non-2xx $me_bad;" \
    "during storm $storm_me_rps req/s, p50 $storm_me_p50, p99 $storm_me_p99," \
    "non-2xx $storm_me_bad ($storm_what): p99 x$ratio"
done

echo "machine: $CORES cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "bcrypt cost $BCRYPT_COST: one hash $hash_ms ms -> bound $bound logins/s ($CORES cores)"
echo "login storm ($STORM_CONNECTIONS connections, ${STORM_SECONDS}s): $logins_rps logins/s" \
  "($(awk -v a="$logins_rps" -v b="$bound" 'BEGIN { printf "%.0f", 100 * a / b }')% of the bound)," \
  "p99 $logins_p99, non-2xx $logins_bad"
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
echo "me p99 during a storm / quiet, median of $ROUNDS rounds: x$median"

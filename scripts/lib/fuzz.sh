#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang, ASan + UBSan, build/fuzz) and
# runs each for a while on a copy of its checked-in seed corpus
# (fuzz/corpus/<target>/), so the seeds never change. Any crash, leak,
# sanitizer report, timeout (-timeout=2 s per input) or out-of-memory
# (-rss_limit_mb=2048) fails that target; the reproducer is kept in
# build/fuzz/artifacts/<target>/ and the log in build/fuzz/logs/<target>.log.
#
# Usage: scripts/lib/fuzz.sh [seconds-per-target]   (default 20)
# Environment: FUZZ_TARGETS="graphql_parse_fuzzer …" to run only some;
#              FUZZ_JOBS to build with another -j (default: nproc).
# Writes "PASSED FAILED" (target counts) to build/fuzz-counts and ends with
# "N passed, N failed"; exits non-zero when a target failed or nothing built.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-20}
dir=$ROOT/build/fuzz
counts=$ROOT/build/fuzz-counts
all_targets=(graphql_parse_fuzzer graphql_validate_fuzzer http_request_fuzzer
  graphql_http_request_fuzzer jwt_fuzzer)
read -r -a targets <<<"${FUZZ_TARGETS:-${all_targets[*]}}"

mkdir -p "$ROOT/build"
fail_build() {
  echo "fuzz.sh: $*" >&2
  echo "0 ${#targets[@]}" >"$counts"
  echo "0 passed, ${#targets[@]} failed"
  exit 1
}

# The largest input a target is given, in bytes: documents and requests of a
# realistic size (the introspection query is ~2 KB) while keeping runs fast.
max_len_of() {
  case "$1" in
    jwt_fuzzer) echo 4096 ;;
    *) echo 8192 ;;
  esac
}

export CCACHE_BASEDIR=$ROOT CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
command -v clang++ >/dev/null || fail_build "clang++ is missing (apt-get install clang)"
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S "$ROOT/fuzz" -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ >"$ROOT/build/fuzz-cmake.log" 2>&1 ||
    { tail -n 30 "$ROOT/build/fuzz-cmake.log" >&2; fail_build "configuring fuzz/ failed"; }
fi
if ! ninja -C "$dir" -j "${FUZZ_JOBS:-$(nproc)}" "${targets[@]}" >"$dir/ninja.log" 2>&1; then
  grep -vE '^\[[0-9]+/[0-9]+\] ' "$dir/ninja.log" | tail -n 40 >&2
  if grep -q 'libclang_rt.fuzzer' "$dir/ninja.log"; then
    echo "fuzz.sh: libFuzzer's runtime is missing (apt-get install libclang-rt-14-dev)" >&2
  fi
  fail_build "building the fuzz targets failed"
fi

mkdir -p "$dir/logs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
for target in "${targets[@]}"; do
  seeds=$ROOT/fuzz/corpus/$target
  corpus=$work/$target
  artifacts=$dir/artifacts/$target/
  log=$dir/logs/$target.log
  mkdir -p "$corpus" "$artifacts"
  [ -d "$seeds" ] && cp -R "$seeds/." "$corpus/"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:symbolize=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$dir/$target" "$corpus" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 \
    -max_len="$(max_len_of "$target")" -artifact_prefix="$artifacts" -print_final_stats=1 \
    >"$log" 2>&1
  rc=$?
  runs=$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$log" | grep -Eo '[0-9]+$' || true)
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' || true)
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    echo "fuzz: $target ok (${seconds}s, ${runs:-?} runs, ${last:-no stats})"
  else
    failed=$((failed + 1))
    echo "fuzz: $target FAILED (exit $rc); log: $log"
    grep -E 'ERROR|runtime error|SUMMARY|round trip|does not parse|Test unit written' "$log" | head -n 12
    grep -E '^    #[0-9]+ ' "$log" | head -n 12
  fi
done

echo "$passed $failed" >"$counts"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

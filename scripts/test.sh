#!/usr/bin/env bash
# Runs every test suite: C++ unit and integration tests (ASan + UBSan build,
# against real PostgreSQL and Redis that the tests start themselves), a short
# libFuzzer run of every fuzz target, the web front end's type check and unit
# tests, and browser end-to-end tests against a whole running system started
# here on free ports in a temporary directory. Never touches the data of
# scripts/run.sh. Ends with "N passed, N failed" and a non-zero exit on
# any failure.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/lib/servers.sh"
source "$ROOT/scripts/lib/build.sh"
export PATH="$ROOT/node_modules/.bin:$PATH"

passed=0 failed=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); }
die() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

bash "$ROOT/scripts/install-deps.sh" || die "installing dependencies failed"

echo "== formatting (clang-format)"
if bash "$ROOT/scripts/lint.sh" --format-only; then count 1 0; else count 0 1; fi

echo "== C++ build (build/asan: AddressSanitizer + UndefinedBehaviorSanitizer)"
cxx_build asan || die "C++ build failed"

echo "== C++ unit and integration tests (ctest)"
ctest_log=$(mktemp)
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir "$ROOT/build/asan" -j "$(nproc)" --output-on-failure --timeout 300 | tee "$ctest_log"
summary=$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' "$ctest_log" | tail -n 1)
if [ -n "$summary" ]; then
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$summary")
  bad=$(sed -E 's/.*passed, ([0-9]+) tests failed.*/\1/' <<<"$summary")
  count $((total - bad)) "$bad"
else
  count 0 1
fi
rm -f "$ctest_log"

echo "== fuzzing (libFuzzer, clang: each target ${FUZZ_SECONDS:-10} s from its seed corpus)"
rm -f "$ROOT/build/fuzz-counts"
bash "$ROOT/scripts/lib/fuzz.sh" "${FUZZ_SECONDS:-10}"
if [ -f "$ROOT/build/fuzz-counts" ]; then
  read -r fuzz_ok fuzz_bad <"$ROOT/build/fuzz-counts"
  count "$fuzz_ok" "$fuzz_bad"
else
  count 0 1
fi

echo "== web build, type check (tsc) and unit tests (vitest)"
web_log=$(mktemp)
# Vite strips types without checking them: tsc is what makes a type error fail.
if web_build && (cd "$ROOT/web" && npm run --silent typecheck 2>&1 | tee "$web_log") &&
  (cd "$ROOT/web" && npx vitest run 2>&1 | tee "$web_log"); then
  n=$(grep -Eo 'Tests +[0-9]+ passed' "$web_log" | grep -Eo '[0-9]+' | tail -n 1)
  count "${n:-0}" 0
else
  n_ok=$(grep -Eo '[0-9]+ passed' "$web_log" | grep -Eo '[0-9]+' | tail -n 1)
  n_bad=$(grep -Eo '[0-9]+ failed' "$web_log" | grep -Eo '[0-9]+' | tail -n 1)
  count "${n_ok:-0}" "${n_bad:-1}"
fi
rm -f "$web_log"

echo "== end-to-end: a whole system on free ports"
if bash "$ROOT/scripts/lib/e2e.sh" "$ROOT/build/asan/src/services/myspace"; then :; fi
if [ -f "$ROOT/build/e2e-counts" ]; then
  read -r e2e_ok e2e_bad <"$ROOT/build/e2e-counts"
  count "$e2e_ok" "$e2e_bad"
else
  count 0 1
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

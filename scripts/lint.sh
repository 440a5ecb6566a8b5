#!/usr/bin/env bash
# Static checks: clang-format (every C++ file) and clang-tidy (with the
# checked-in .clang-tidy) over the sources in build/asan's compile database.
# Usage: scripts/lint.sh [--format-only] [files...]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

format_only=0
if [ "${1:-}" = "--format-only" ]; then format_only=1; shift; fi
files=("$@")
[ ${#files[@]} -gt 0 ] || mapfile -t files < <(git ls-files '*.cpp' '*.h')

unformatted=$(clang-format --dry-run -Werror "${files[@]}" 2>&1 | grep -oE '^[^:]+\.(cpp|h)' | sort -u || true)
if [ -n "$unformatted" ]; then
  echo "not clang-format clean (run clang-format -i):" >&2
  echo "$unformatted" >&2
  exit 1
fi
echo "clang-format: ${#files[@]} files clean"
[ "$format_only" -eq 1 ] && exit 0

db=$ROOT/build/asan
[ -f "$db/compile_commands.json" ] || { echo "build the asan tree first (scripts/test.sh)" >&2; exit 1; }
sources=()
for f in "${files[@]}"; do [[ $f == *.cpp ]] && sources+=("$f"); done
printf '%s\n' "${sources[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$db" --quiet 2>/dev/null
echo "clang-tidy: ${#sources[@]} sources clean"

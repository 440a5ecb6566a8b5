# Build helpers, sourced by scripts/run.sh and scripts/test.sh.

# cxx_build KIND: configures (once) and builds the C++ tree into build/KIND.
#   release  optimised, for running the system
#   asan     AddressSanitizer + UndefinedBehaviorSanitizer, for the test suites
cxx_build() {
  # Let ccache share results between checkouts (CI builds in a fresh clone).
  # Precompiled headers are only cacheable with this sloppiness (ccache manual,
  # "Precompiled headers"); without it every compile that uses one misses.
  # Never include_file_mtime/ctime: those disable ccache's guard against a
  # header edited during a compile, which stores an object under the wrong key.
  export CCACHE_BASEDIR=$ROOT CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
  export CCACHE_SLOPPINESS=pch_defines,time_macros
  local kind=$1 dir="$ROOT/build/$1" flags=()
  case "$kind" in
    release) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DMYSPACE_TESTS=OFF -DMYSPACE_BENCH=OFF) ;;
    asan) flags=(-DCMAKE_BUILD_TYPE=Debug -DMYSPACE_SANITIZE=ON -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1") ;;
    *) echo "unknown build kind $kind" >&2; return 2 ;;
  esac
  # Configured again whenever the flags differ from the ones it was configured
  # with (a tree configured once would otherwise never see changed flags).
  local stamp="$dir/.myspace-configure-flags" wanted="${flags[*]}"
  if [ ! -f "$dir/build.ninja" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "build: configuring build/$kind" >&2
    cmake -S "$ROOT" -B "$dir" -G Ninja "${flags[@]}" >/dev/null || return 1
    printf '%s' "$wanted" >"$stamp"
  fi
  if ! ninja -C "$dir" -j "$(nproc)" 2>&1 | tee "$dir/ninja.log" | build_progress "$kind"; then
    grep -vE '^\[[0-9]+/[0-9]+\] ' "$dir/ninja.log" | tail -n 60 >&2
    return 1
  fi
}

# build_progress KIND: turns ninja's "[n/N] ..." lines into a progress line a
# person can watch: rewritten in place on a terminal, every 10% otherwise (CI
# logs). The status is ninja's, passed through by `set -o pipefail` callers.
build_progress() {
  awk -v kind="$1" -v tty="$([ -t 2 ] && echo 1 || echo 0)" '
    match($0, /^\[[0-9]+\/[0-9]+\]/) {
      split(substr($0, 2, RLENGTH - 2), n, "/")
      pct = int(100 * n[1] / n[2])
      if (tty) { printf "\rbuilding C++ (%s): %3d%% [%d/%d]", kind, pct, n[1], n[2] > "/dev/stderr" }
      else if (pct >= next_pct) { printf "building C++ (%s): %3d%% [%d/%d]\n", kind, pct, n[1], n[2] > "/dev/stderr"; next_pct = pct - pct % 10 + 10 }
      fflush("/dev/stderr")
    }
    END { if (tty && NR) printf "\n" > "/dev/stderr" }'
}

# web_build: installs the front end's packages from the lockfile and builds web/dist.
web_build() {
  (
    cd "$ROOT/web"
    if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error
    fi
    npm run --silent build
  )
}

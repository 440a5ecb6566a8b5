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
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$ROOT" -B "$dir" -G Ninja "${flags[@]}" >/dev/null
  fi
  if ! ninja -C "$dir" -j "$(nproc)" >"$dir/ninja.log" 2>&1; then
    grep -vE '^\[[0-9]+/[0-9]+\] ' "$dir/ninja.log" | tail -n 60 >&2
    return 1
  fi
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

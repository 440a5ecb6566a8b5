#!/usr/bin/env bash
# Our GraphQL engine against graphql-js on the same work (issue 3's figures):
# builds the release benchmark (build-bench: g++, -O2, the optimisation the
# services ship with), runs bench/graphql_bench (Google Benchmark) and
# bench/graphql_js_bench.mjs (graphql-js on node), and prints per-operation CPU
# times and the ratios graphql-js / ours. Aims: parse + validate >= 20x,
# introspection execution >= 10x.
# Usage: bench/graphql_vs_js.sh [seconds-per-benchmark]   (default 1)
# Writes both raw results to bench/out/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-1}
build=$ROOT/build-bench
out=$ROOT/bench/out
mkdir -p "$out"

export CCACHE_BASEDIR=$ROOT CCACHE_NOHASHDIR=1
if [ ! -f "$build/build.ninja" ]; then
  # -O2 -g rather than CMake's -O3: the services' release build is -O2 -g, and GCC 12
  # at -O3 stops on false stringop-overflow warnings in src/graphql. Warnings
  # stay warnings here for GCC's flow-analysis false positives at -O2
  # (null-dereference in shared_ptr and Asio, inlined into src/graphql).
  cmake -S "$ROOT" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="-O2 -g -DNDEBUG" -DMYSPACE_WERROR=OFF -DMYSPACE_TESTS=OFF \
    -DMYSPACE_BENCH=ON >/dev/null
fi
ninja -C "$build" -j "${BENCH_JOBS:-2}" graphql_bench >/dev/null

(cd "$ROOT/bench" && { [ -d node_modules/graphql ] || npm ci --no-audit --no-fund --loglevel=error; })

echo "== ours (bench/graphql_bench)"
"$build/bench/graphql_bench" --benchmark_min_time="$seconds" --benchmark_out="$out/graphql_bench.json" \
  --benchmark_out_format=json
echo "== graphql-js $(node -p "require('$ROOT/bench/node_modules/graphql/package.json').version") on node $(node --version)"
node "$ROOT/bench/graphql_js_bench.mjs" "$seconds" >"$out/graphql_js_bench.json"

node - "$out/graphql_bench.json" "$out/graphql_js_bench.json" <<'JS'
const fs = require('fs');
const ours = {};
for (const b of JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).benchmarks) {
  const scale = { ns: 1, us: 1e3, ms: 1e6 }[b.time_unit];
  ours[`${b.name.split('/')[0]}/${b.label}`] = b.cpu_time * scale;
}
const js = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const us = (ns) => (ns / 1000).toFixed(1).padStart(9);
console.log('\nCPU time per operation (µs)          ours   graphql-js    ratio');
for (const key of Object.keys(js)) {
  const ratio = js[key].cpu_ns / ours[key];
  console.log(`${key.padEnd(32)} ${us(ours[key])}    ${us(js[key].cpu_ns)}   ${ratio.toFixed(1).padStart(5)}x`);
}
const r = (key, aim) => {
  const ratio = js[key].cpu_ns / ours[key];
  return `${key}: ${ratio.toFixed(1)}x (aim ${aim}x: ${ratio >= aim ? 'met' : 'NOT met'})`;
};
console.log('\nRatios against the aims:');
console.log('  ' + r('BM_ParseValidate/introspection', 20));
console.log('  ' + r('BM_ParseValidate/job_list', 20));
console.log('  ' + r('BM_Execute/introspection', 10));
console.log('  ' + r('BM_Execute/job_list', 10));
// Typed parents (how src/api binds the marketplace) on the same query and data.
const typed = ours['BM_Execute/job_list_typed'];
if (typed) {
  console.log(`\nTyped parents: BM_Execute/job_list_typed ${us(typed).trim()} µs, the JSON path ` +
              `${us(ours['BM_Execute/job_list']).trim()} µs ` +
              `(typed: ${(js['BM_Execute/job_list'].cpu_ns / typed).toFixed(1)}x graphql-js)`);
}
JS

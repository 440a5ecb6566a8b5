// The graphql-js half of bench/graphql_vs_js.sh: the same work as
// graphql_bench.cpp through graphql-js on node — the gateway's schema
// (schema/schema.graphql, custom scalars passing values through), the same two
// documents and the same 50 in-memory jobs. Prints one JSON object:
// {"<benchmark>/<document>": {"ns", "cpu_ns" (means per operation), "iterations"}}.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSchema, execute, parse, specifiedRules, validate } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const minSeconds = Number(process.argv[2] ?? 1);

const schema = buildSchema(readFileSync(join(here, '../schema/schema.graphql'), 'utf8'));
const jobs = JSON.parse(readFileSync(join(here, 'job_list_data.json'), 'utf8'));
const rootValue = { jobs: () => jobs };
const documents = {
  introspection: readFileSync(join(here, 'introspection.graphql'), 'utf8'),
  job_list: readFileSync(join(here, 'job_list.graphql'), 'utf8'),
};

// Runs fn until minSeconds have passed (after a warm-up of the same length, so
// that the JIT has settled) and returns the mean wall and CPU time per call.
// CPU time (process.cpuUsage, user + system) is what graphql_vs_js.sh compares
// with Google Benchmark's CPU time: it is not inflated when the machine is busy.
function measure(fn) {
  for (const start = performance.now(); performance.now() - start < minSeconds * 1000; ) fn();
  let iterations = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  const budget = BigInt(Math.round(minSeconds * 1e9));
  while (elapsed < budget) {
    for (let i = 0; i < 10; i++) fn();
    iterations += 10;
    elapsed = process.hrtime.bigint() - start;
  }
  const cpu = process.cpuUsage(cpuStart);
  return {
    ns: Number(elapsed) / iterations,
    cpu_ns: ((cpu.user + cpu.system) * 1000) / iterations,
    iterations,
  };
}

function check(errors) {
  if (errors && errors.length > 0) throw new Error(errors[0].message);
}

const results = {};
for (const [name, text] of Object.entries(documents)) {
  const document = parse(text);
  check(validate(schema, document, specifiedRules));
  check(execute({ schema, document, rootValue }).errors);

  results[`BM_Parse/${name}`] = measure(() => parse(text));
  results[`BM_Validate/${name}`] = measure(() => validate(schema, document, specifiedRules));
  results[`BM_ParseValidate/${name}`] = measure(() =>
    validate(schema, parse(text), specifiedRules),
  );
  results[`BM_Execute/${name}`] = measure(() => {
    const result = execute({ schema, document, rootValue });
    if (result.errors) throw new Error(result.errors[0].message);
  });
}
process.stdout.write(`${JSON.stringify(results, null, 1)}\n`);

// Differential test of our C++ GraphQL engine against graphql-js.
//
//   node compare.mjs --runner <path to graphql_diff_runner> [--verbose] [--only NAME]
//
// Every case of corpus/*.json ({name, query, variables?, operationName?,
// hideSuggestions?}) goes
// through graphql_diff_runner (our engine, the Star Wars schema bound to the
// C++ resolvers) and through graphql-js (parse → validate → execute, the same
// SDL bound to starwars.mjs). They must agree on:
//   - accept/reject (parsed and validated, or not);
//   - syntax and validation errors: same messages, same locations, same order;
//   - executed cases: same `data` (numbers by value), and the same execution
//     errors (message, path, locations; order-insensitive, since sibling
//     fields complete concurrently on both sides).
// A case with hideSuggestions runs graphql-js with that option, and our
// engine with the schema's introspection off (which hides suggestions).
// Differences are tolerated only for cases listed in allow-list.json, each
// with its reason and scope: "messages" (the messages may differ; count,
// locations and paths may not) or "errors" (the error list may differ; accept
// and reject, and whether there is data, may not). Prints "N passed, N failed"; exits non-zero on any
// unexplained difference.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execute, parse, validate, GraphQLError } from 'graphql';
import { newContext, starWarsSchema } from './starwars.mjs';
import { sameValue } from './compare_values.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function option(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const runner = option('--runner');
const only = option('--only');
const verbose = process.argv.includes('--verbose');
if (!runner) {
  console.error('usage: node compare.mjs --runner <graphql_diff_runner> [--verbose] [--only NAME]');
  process.exit(2);
}

function loadCorpus() {
  const dir = join(here, 'corpus');
  const cases = [];
  const names = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const c of JSON.parse(readFileSync(join(dir, file), 'utf8'))) {
      if (typeof c.name !== 'string' || typeof c.query !== 'string') {
        throw new Error(`${file}: every case needs a name and a query: ${JSON.stringify(c)}`);
      }
      if (names.has(c.name)) throw new Error(`${file}: duplicate case name ${c.name}`);
      names.add(c.name);
      cases.push({ ...c, file });
    }
  }
  return cases;
}

function runOurs(cases) {
  const input = cases
    .map((c) =>
      JSON.stringify({
        name: c.name,
        query: c.query,
        variables: c.variables ?? {},
        operationName: c.operationName ?? '',
        hideSuggestions: c.hideSuggestions === true,
      }),
    )
    .join('\n');
  const out = spawnSync(runner, [], { input, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (out.status !== 0) throw new Error(`graphql_diff_runner failed (${out.status}): ${out.stderr}`);
  const results = new Map();
  for (const line of out.stdout.split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    results.set(r.name, r);
  }
  return results;
}

async function runReference(schema, c) {
  let document;
  try {
    document = parse(c.query);
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
    return { accepted: false, errors: [e.toJSON()] };
  }
  const hideSuggestions = c.hideSuggestions === true;
  const errors = validate(schema, document, undefined, { hideSuggestions });
  if (errors.length > 0) return { accepted: false, errors: errors.map((e) => e.toJSON()) };
  const result = await execute({
    schema,
    document,
    variableValues: c.variables ?? {},
    operationName: c.operationName || undefined,
    contextValue: newContext(),
    hideSuggestions,
  });
  const json = JSON.parse(JSON.stringify(result));
  return { accepted: true, errors: json.errors ?? [], ...('data' in json ? { data: json.data } : {}) };
}

const errorKey = (e) => JSON.stringify([e.path ?? [], e.message, e.locations ?? []]);

// Returns a list of differences (strings); `scope` is the allow-listed one.
function differences(ours, ref, scope) {
  const allowMessages = scope === 'messages';
  const diffs = [];
  if (ours.accepted !== ref.accepted) {
    diffs.push(`accepted: ours ${ours.accepted}, graphql-js ${ref.accepted}`);
    return diffs;
  }
  let a = ours.errors ?? [];
  let b = ref.errors ?? [];
  if (ours.accepted) {
    if (('data' in ours) !== ('data' in ref)) diffs.push(`data present: ours ${'data' in ours}, graphql-js ${'data' in ref}`);
    else if ('data' in ours && !sameValue(ours.data, ref.data)) diffs.push('data differs');
    a = [...a].sort((x, y) => errorKey(x).localeCompare(errorKey(y)));
    b = [...b].sort((x, y) => errorKey(x).localeCompare(errorKey(y)));
  }
  if (scope === 'errors') return diffs;
  if (a.length !== b.length) {
    diffs.push(`error count: ours ${a.length}, graphql-js ${b.length}`);
    return diffs;
  }
  a.forEach((ea, i) => {
    const eb = b[i];
    if (!allowMessages && ea.message !== eb.message) diffs.push(`error ${i} message:\n      ours       ${ea.message}\n      graphql-js ${eb.message}`);
    if (!sameValue(ea.locations ?? [], eb.locations ?? [])) diffs.push(`error ${i} locations: ours ${JSON.stringify(ea.locations)}, graphql-js ${JSON.stringify(eb.locations)}`);
    if (!sameValue(ea.path ?? null, eb.path ?? null)) diffs.push(`error ${i} path: ours ${JSON.stringify(ea.path)}, graphql-js ${JSON.stringify(eb.path)}`);
  });
  return diffs;
}

const started = Date.now();
let cases = loadCorpus();
if (only) cases = cases.filter((c) => c.name === only);
const allowList = new Map();
for (const entry of JSON.parse(readFileSync(join(here, 'allow-list.json'), 'utf8'))) {
  if (!entry.reason || !['messages', 'errors'].includes(entry.scope)) {
    throw new Error(`allow-list entry without a reason or a scope: ${JSON.stringify(entry)}`);
  }
  allowList.set(entry.name, entry.scope);
}
const sdl = spawnSync(runner, ['--print-sdl'], { encoding: 'utf8' }).stdout;
const schema = starWarsSchema(sdl);
const ours = runOurs(cases);

let passed = 0;
let failed = 0;
let allowed = 0;
for (const c of cases) {
  const ref = await runReference(schema, c);
  const mine = ours.get(c.name);
  const allow = allowList.get(c.name);
  const diffs = mine ? differences(mine, ref, allow) : ['no result from graphql_diff_runner'];
  if (diffs.length === 0) {
    passed++;
    if (allow) {
      allowed++;
      if (differences(mine, ref, undefined).length === 0) {
        console.log(`STALE allow-list entry ${c.name}: the engines agree now; remove it`);
        failed++;
        passed--;
      }
    }
    if (verbose) console.log(`ok   ${c.name}`);
    continue;
  }
  failed++;
  console.log(`FAIL ${c.file} ${c.name}\n  query: ${JSON.stringify(c.query)}`);
  for (const d of diffs) console.log(`  - ${d}`);
  if (verbose || diffs.some((d) => d.startsWith('data'))) {
    console.log(`  ours:       ${JSON.stringify(mine)}\n  graphql-js: ${JSON.stringify(ref)}`);
  }
}
for (const name of allowList.keys()) {
  if (!cases.some((c) => c.name === name) && !only) {
    console.log(`allow-list entry ${name} names no case`);
    failed++;
  }
}
const categories = new Set(cases.map((c) => c.file)).size;
console.log(`${cases.length} cases in ${categories} files, ${allowed} with allow-listed differences, ${Date.now() - started} ms`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

// Introspection round trip of a schema file through our engine:
//
//   node round_trip.mjs --runner <graphql_diff_runner> --schema <file.graphql>
//   node round_trip.mjs --runner <graphql_diff_runner> --star-wars
//
// Our engine answers graphql-js's getIntrospectionQuery() (every option on:
// descriptions, specifiedByURL, repeatable directives, the schema description,
// deprecated arguments and input fields, oneOf input objects, deprecated
// directives) for the SDL in the file (or the Star Wars test schema's, which
// has a oneOf input and deprecated directives); graphql-js loads the answer
// with buildClientSchema and prints it with printSchema.
// That must equal printSchema(buildSchema(file)). Normalization: definitions
// are sorted by name (introspection does not promise the file's order of
// types); everything inside a definition — fields, arguments, values, their
// order, descriptions, defaults, deprecations — must match exactly. The file
// is read at test time, so the check follows the schema as it grows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema } from 'graphql';

function option(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const runner = option('--runner');
const starWars = process.argv.includes('--star-wars');
let schemaFile = option('--schema');
if (!runner || (!schemaFile && !starWars)) {
  console.error('usage: node round_trip.mjs --runner <graphql_diff_runner> (--schema <file.graphql> | --star-wars)');
  process.exit(2);
}
let scratch;
if (starWars) {
  scratch = mkdtempSync(join(tmpdir(), 'round-trip-'));
  schemaFile = join(scratch, 'star_wars.graphql');
  writeFileSync(schemaFile, spawnSync(runner, ['--print-sdl'], { encoding: 'utf8' }).stdout);
  process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
}

// printSchema's output as its definitions, sorted by the name they define.
const DEFINITION = /^("|schema\b|scalar |type |interface |union |enum |input |directive )/;
function normalize(printed) {
  const blocks = [];
  for (const chunk of printed.trim().split('\n\n')) {
    if (blocks.length === 0 || DEFINITION.test(chunk)) blocks.push(chunk);
    else blocks[blocks.length - 1] += `\n\n${chunk}`;
  }
  const key = (block) => {
    const line = block.split('\n').find((l) => /^(schema|scalar|type|interface|union|enum|input|directive)\b/.test(l)) ?? '';
    return line.replace(/^directive @/, 'directive ').split(/[\s({]/).slice(0, 2).join(' ');
  };
  return blocks.sort((a, b) => key(a).localeCompare(key(b))).join('\n\n') + '\n';
}

const sdl = readFileSync(schemaFile, 'utf8');
const query = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
  experimentalDirectiveDeprecation: true,
});
const run = spawnSync(runner, ['--schema', schemaFile], {
  input: JSON.stringify({ name: 'introspection', query }),
  encoding: 'utf8',
});
if (run.status !== 0) {
  console.error(`graphql_diff_runner failed (${run.status}): ${run.stderr}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const result = JSON.parse(run.stdout);
if (!result.accepted || result.errors.length > 0 || !result.data) {
  console.error(`introspection failed: ${JSON.stringify(result.errors)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
// (A schema may deprecate directives, which graphql-js parses only when asked.)
const expected = normalize(
  printSchema(buildSchema(sdl, { experimentalDirectivesOnDirectiveDefinitions: true })),
);
const actual = normalize(printSchema(buildClientSchema(result.data)));
if (actual === expected) {
  console.log(`${schemaFile}: introspection round trip holds (${expected.split('\n').length} lines)`);
  console.log('1 passed, 0 failed');
  process.exit(0);
}
const a = actual.split('\n');
const e = expected.split('\n');
const first = a.findIndex((line, i) => line !== e[i]);
console.log(`${schemaFile}: introspection round trip differs at line ${first + 1}:`);
console.log(`  round trip: ${JSON.stringify(a.slice(first, first + 5))}`);
console.log(`  file:       ${JSON.stringify(e.slice(first, first + 5))}`);
console.log('0 passed, 1 failed');
process.exit(1);

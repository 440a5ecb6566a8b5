// Runs graphql-http's GraphQL-over-HTTP server audits against a live gateway
// and prints one line per audit. Exits non-zero unless every audit passes:
// a warning (SHOULD) or a notice (MAY) counts as a failure here, as issue 3
// requires.
//
//   URL=http://127.0.0.1:4000/graphql node audit.mjs
//
// The last two lines are "# pass N" and "# fail N" so that scripts can count.
import { auditServer } from 'graphql-http';

const url = process.env.URL;
if (!url) {
  console.error('URL must name the GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql');
  process.exit(2);
}

const marks = { ok: '✓', notice: '?', warn: '!', error: '✗' };

const results = await auditServer({ url });
let passed = 0;
let failed = 0;
for (const result of results) {
  console.log(`${marks[result.status]} ${result.id} ${result.name}`);
  if (result.status === 'ok') {
    passed += 1;
    continue;
  }
  failed += 1;
  let body = '';
  try {
    body = await result.response.text();
  } catch {
    body = '(body already read)';
  }
  console.log(`    ${result.status}: ${result.reason}`);
  console.log(`    status ${result.response.status}, content-type ${result.response.headers.get('content-type')}`);
  console.log(`    body ${body.slice(0, 300)}`);
}
console.log(`${passed}/${results.length} audits pass`);
console.log(`# pass ${passed}`);
console.log(`# fail ${failed}`);
process.exit(failed === 0 ? 0 : 1);

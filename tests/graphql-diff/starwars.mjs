// The Star Wars test schema's resolvers in JS: the same fixed data and the
// same behaviour (including errors) as src/graphql/testing/star_wars.cpp, so
// that graphql-js and our engine run the same schema. The SDL itself is read
// from the C++ side (graphql_diff_runner --print-sdl): one definition only.
import { buildSchema, GraphQLError, valueFromASTUntyped } from 'graphql';

const CHARACTERS = [
  { __typename: 'Human', id: '1000', name: 'Luke Skywalker', friendIds: ['1002', '1003', '2000', '2001'], appearsIn: ['NEWHOPE', 'EMPIRE', 'JEDI'], homePlanet: 'Tatooine', mass: 77 },
  { __typename: 'Human', id: '1001', name: 'Darth Vader', friendIds: ['1004'], appearsIn: ['NEWHOPE', 'EMPIRE', 'JEDI'], homePlanet: 'Tatooine' },
  { __typename: 'Human', id: '1002', name: 'Han Solo', friendIds: ['1000', '1003', '2001'], appearsIn: ['NEWHOPE', 'EMPIRE', 'JEDI'] },
  { __typename: 'Human', id: '1003', name: 'Leia Organa', friendIds: ['1000', '1002', '2000', '2001'], appearsIn: ['NEWHOPE', 'EMPIRE', 'JEDI'], homePlanet: 'Alderaan' },
  { __typename: 'Human', id: '1004', name: 'Wilhuff Tarkin', friendIds: ['1001'], appearsIn: ['NEWHOPE'] },
  { __typename: 'Droid', id: '2000', name: 'C-3PO', friendIds: ['1000', '1002', '1003', '2001'], appearsIn: ['NEWHOPE', 'EMPIRE', 'JEDI'], primaryFunction: 'Protocol' },
  { __typename: 'Droid', id: '2001', name: 'R2-D2', friendIds: ['1000', '1002', '1003'], appearsIn: ['NEWHOPE', 'EMPIRE', 'JEDI'], primaryFunction: 'Astromech' },
];
const BY_ID = new Map(CHARACTERS.map((c) => [c.id, c]));
const character = (id) => BY_ID.get(id) ?? null;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Per-request state, as StarWarsContext.
export function newContext() {
  return { log: [], reviews: [] };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DECIMAL = /^-?\d+(\.\d{1,4})?$/;

function serializeDateTime(v) {
  if (typeof v !== 'string' || !ISO.test(v)) {
    throw new TypeError(`DateTime cannot represent value: ${JSON.stringify(v)}`);
  }
  return v;
}

function money(v) {
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (typeof v === 'string' && DECIMAL.test(v)) return v;
  throw new TypeError(`Money must be a decimal string, got: ${JSON.stringify(v)}`);
}

export function starWarsSchema(sdl) {
  // The SDL deprecates a directive: graphql-js 16.15 parses that only when asked.
  const schema = buildSchema(sdl, { experimentalDirectivesOnDirectiveDefinitions: true });
  const field = (type, name) => schema.getType(type).getFields()[name];
  const resolve = (type, name, fn) => {
    field(type, name).resolve = fn;
  };

  resolve('Query', 'hero', async (_, { episode }) => character(episode === 'EMPIRE' ? '1000' : '2001'));
  resolve('Query', 'human', (_, { id }) => {
    const c = character(id);
    return c && c.__typename === 'Human' ? c : null;
  });
  resolve('Query', 'droid', (_, { id }) => {
    const c = character(id);
    return c && c.__typename === 'Droid' ? c : null;
  });
  resolve('Query', 'search', (_, { text }) => {
    const out = CHARACTERS.filter((c) => c.name.includes(text));
    if ('Millennium Falcon'.includes(text)) {
      out.push({ __typename: 'Starship', id: '3000', name: 'Millennium Falcon', length: 34.37 });
    }
    return out;
  });
  resolve('Query', 'reviews', (_, { episode }, ctx) => ctx.reviews.filter((r) => r.episode === episode));
  resolve('Query', 'now', () => '2026-11-24T07:00:00Z');
  resolve('Query', 'price', () => '12.50');
  resolve('Query', 'slow', async (_, { ms, tag }) => {
    await sleep(ms);
    return tag;
  });
  resolve('Query', 'failing', async () => {
    throw new GraphQLError('The droid you are looking for is not here.', {
      extensions: { code: 'NOT_FOUND' },
    });
  });
  resolve('Query', 'failingNonNull', () => null);
  resolve('Query', 'failingAsyncNonNull', async () => {
    await sleep(1);
    throw new GraphQLError('The hyperdrive motivator is damaged.', {
      extensions: { code: 'NOT_FOUND' },
    });
  });
  resolve('Query', 'lostProbe', () => ({ id: '2', lost: true }));
  resolve('Query', 'probes', () => [
    { id: '1', lost: false },
    { id: '2', lost: true },
  ]);
  resolve('Query', 'echo', (_, args) => JSON.stringify(args));
  resolve('Query', 'pick', (_, { by }) => JSON.stringify(by));

  resolve('Mutation', 'createReview', (_, { episode, review }, ctx) => {
    const r = { ...review, episode };
    ctx.reviews.push(r);
    return r;
  });
  // Entries that arrive earlier wait longer: only serial execution keeps the order.
  resolve('Mutation', 'appendLog', async (_, { entry }, ctx) => {
    await sleep(30 - 10 * (ctx.log.length % 3));
    ctx.log.push(entry);
    return [...ctx.log];
  });

  for (const type of ['Human', 'Droid']) {
    resolve(type, 'friends', async (parent) => parent.friendIds.map(character));
    resolve(type, 'secretBackstory', () => {
      throw new Error('secretBackstory is secret.');
    });
  }
  // Suspends first, as a real lookup would, then fails for a lost probe.
  const contact = async (probe) => {
    await sleep(1);
    if (probe.lost) {
      throw new GraphQLError(`Lost contact with probe ${probe.id}.`, {
        extensions: { code: 'PROBE_LOST' },
      });
    }
  };
  resolve('Probe', 'status', async (parent) => {
    await contact(parent);
    return 'in contact';
  });
  resolve('Probe', 'relay', async (parent) => {
    await contact(parent);
    return parent;
  });
  resolve('Human', 'mass', (parent, { unit }) => {
    if (parent.mass === undefined) return null;
    return unit === 'LB' ? parent.mass * 2.20462 : parent.mass;
  });

  const dateTime = schema.getType('DateTime');
  dateTime.serialize = serializeDateTime;
  const moneyType = schema.getType('Money');
  moneyType.serialize = money;
  moneyType.parseValue = money;
  moneyType.parseLiteral = (node, variables) => money(valueFromASTUntyped(node, variables));
  return schema;
}

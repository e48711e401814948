import { Client } from 'pg';
import { createOrg, signUp, type TestUser } from '../support/factories.js';
import { ok, rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The public response cache (src/api/public-response-cache.ts) serves an anonymous visitor the answer made for
// the previous identical request. What must hold: it is served again (no statement runs), and never once the data
// changed: a mutation through the API, a write from any other connection (heard through NOTIFY), a lost listener;
// signed-in viewers never share it; visitors at different addresses never share it; rate limits still charge it.

const LIST = 'query CacheList { organizations(first: 50) { totalCount edges { node { id name } } } }';
type ListData = { organizations: { totalCount: number; edges: { node: { id: string; name: string } }[] } };

let app: TestApp;
let owner: TestUser;
let publicOrg: string;
let networkOrg: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function list(token: string | null = null, headers: Record<string, string> = {}): Promise<ListData['organizations']> {
  return ok(await rawGql<ListData>(app, LIST, undefined, token, headers)).organizations;
}

/** Statements the app ran for one anonymous request of the list. */
async function statementsFor(headers: Record<string, string> = {}): Promise<number> {
  app.statements.length = 0;
  await list(null, headers);
  return app.statements.length;
}

/** Until the listener is connected (it connects in the background at start), answers are not kept. */
async function untilServedFromCache(headers: Record<string, string> = {}): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await statementsFor(headers);
    if ((await statementsFor(headers)) === 0) return;
    await sleep(50);
  }
  throw new Error('the anonymous list was never served from the cache');
}

/** A write from a connection of its own, as another API process, a sweep or psql would make it. */
async function writeElsewhere(sql: string, params: unknown[], options: { silent?: boolean } = {}): Promise<void> {
  const client = new Client({ connectionString: (app.db.options as { url: string }).url });
  await client.connect();
  try {
    // Triggers off: a write the cache cannot hear (to show what only the time limit catches).
    if (options.silent) await client.query('SET session_replication_role = replica');
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

const names = (page: ListData['organizations']) => page.edges.map((e) => e.node.name);

beforeAll(async () => {
  app = await startTestApp({ PUBLIC_CACHE_SECONDS: '2', TRUST_PROXY: 'true' });
  owner = await signUp(app, 'Cache Owner');
  publicOrg = (await createOrg(app, owner, { name: 'Cache Public', visibility: 'PUBLIC' })).id;
  networkOrg = (await createOrg(app, owner, { name: 'Cache Network', visibility: 'NETWORK' })).id;
});
afterAll(() => app?.close());

test('a repeated anonymous query is answered from the cache, with the same data and no statement', async () => {
  await untilServedFromCache();
  const made = await list();
  expect(await statementsFor()).toBe(0);
  expect(await list()).toEqual(made);
  expect(names(made)).toContain('Cache Public');
  expect(names(made)).not.toContain('Cache Network');
});

test('identical requests arriving together are answered by one making of the answer', async () => {
  const probe = 'query CacheProbe { organizations(first: 1) { totalCount } }';
  const probeStatements = async () => { app.statements.length = 0; ok(await rawGql(app, probe)); return app.statements.length; };
  /** A write from elsewhere, then until it is heard (the probe, kept before, is made again). */
  const heardWrite = async (name: string) => {
    await probeStatements();
    await writeElsewhere('UPDATE organizations SET name = $2 WHERE id = $1', [publicOrg, name]);
    for (let i = 0; i < 100 && (await probeStatements()) === 0; i++) await sleep(10);
  };
  await untilServedFromCache();
  await heardWrite('Cache Public Together');
  app.statements.length = 0;
  await list();
  const perAnswer = app.statements.length;
  expect(perAnswer).toBeGreaterThan(0);
  await heardWrite('Cache Public');
  app.statements.length = 0;
  const answers = await Promise.all(Array.from({ length: 12 }, () => list()));
  expect(app.statements.length).toBe(perAnswer);
  for (const answer of answers) expect(answer).toEqual(answers[0]);
  expect(names(answers[0])).toContain('Cache Public');
});

test('a mutation that makes an organization PRIVATE takes it out of the very next anonymous answer', async () => {
  await untilServedFromCache();
  const before = await list();
  expect(names(before)).toContain('Cache Public');
  ok(await rawGql(app, 'mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { userErrors { code } } }',
    { input: { id: publicOrg, visibility: 'PRIVATE' } }, owner.token));
  const after = await list();
  expect(names(after)).not.toContain('Cache Public');
  expect(after.totalCount).toBe(before.totalCount - 1);
  ok(await rawGql(app, 'mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { userErrors { code } } }',
    { input: { id: publicOrg, visibility: 'PUBLIC' } }, owner.token));
  expect(names(await list())).toContain('Cache Public');
});

test('a write committed by another connection is heard and drops the kept answer, long before the time limit', async () => {
  await untilServedFromCache();
  expect(names(await list())).toContain('Cache Public');
  await writeElsewhere('UPDATE organizations SET name = $2 WHERE id = $1', [publicOrg, 'Cache Public Renamed']);
  const started = Date.now();
  while (!names(await list()).includes('Cache Public Renamed')) {
    if (Date.now() - started > 1000) throw new Error('the write was not heard within 1 s (time limit is 2 s)');
    await sleep(10);
  }
  await writeElsewhere('UPDATE organizations SET name = $2 WHERE id = $1', [publicOrg, 'Cache Public']);
});

test('a write nobody hears is served stale at most PUBLIC_CACHE_SECONDS', async () => {
  await untilServedFromCache();
  await list();
  await writeElsewhere('UPDATE organizations SET name = $2 WHERE id = $1', [publicOrg, 'Cache Public Unheard'], { silent: true });
  expect(names(await list())).toContain('Cache Public'); // kept: the cache is really in use
  await sleep(2100);
  expect(names(await list())).toContain('Cache Public Unheard');
  await writeElsewhere('UPDATE organizations SET name = $2 WHERE id = $1', [publicOrg, 'Cache Public']);
});

test('when the listener loses its connection, nothing kept before is served again', async () => {
  await untilServedFromCache();
  await list();
  await writeElsewhere('UPDATE organizations SET name = $2 WHERE id = $1', [publicOrg, 'Cache Public Gap'], { silent: true });
  const database = (await app.db.query('SELECT current_database() AS name'))[0].name as string;
  const admin = new Client({ connectionString: (app.db.options as { url: string }).url });
  await admin.connect();
  try {
    const listeners = async () => (await admin.query(
      "SELECT pid FROM pg_stat_activity WHERE application_name = 'coalesce-data-changes' AND datname = $1", [database])).rows.map((r) => r.pid as number);
    const [old] = await listeners();
    expect(old).toEqual(expect.any(Number));
    await admin.query('SELECT pg_terminate_backend($1)', [old]);
    // Until the process notices the lost connection (a moment after the backend is gone) it may still serve what
    // it kept; once it has reconnected, with a new version, the unheard write shows.
    for (let i = 0; i < 100 && !(await listeners()).some((pid) => pid !== old); i++) await sleep(20);
    expect((await listeners()).filter((pid) => pid !== old)).toHaveLength(1);
    expect(names(await list())).toContain('Cache Public Gap');
  } finally {
    await admin.end();
  }
  await writeElsewhere('UPDATE organizations SET name = $2 WHERE id = $1', [publicOrg, 'Cache Public']);
});

test('signed-in viewers neither read nor fill the anonymous cache', async () => {
  await untilServedFromCache();
  expect(names(await list())).not.toContain('Cache Network');
  const stranger = await signUp(app, 'Cache Stranger');
  expect((await list(stranger.token)).edges.map((e) => e.node.id)).toContain(networkOrg);
  expect(names(await list())).not.toContain('Cache Network');
  app.statements.length = 0;
  await list(stranger.token);
  expect(app.statements.length).toBeGreaterThan(0);
});

test('visitors at different addresses never share a kept answer', async () => {
  const here = { 'x-forwarded-for': '203.0.113.7' };
  const there = { 'x-forwarded-for': '198.51.100.9' };
  await untilServedFromCache(here);
  expect(await statementsFor(here)).toBe(0);
  expect(await statementsFor(there)).toBeGreaterThan(0);
  expect(await statementsFor(there)).toBe(0);
});

test('an answer from the cache is charged to the rate limits like a made one', async () => {
  await untilServedFromCache();
  const remaining = async () => {
    const response = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LIST }) });
    expect(response.status).toBe(200);
    return { remaining: Number(response.headers.get('x-ratelimit-remaining')), cost: Number(response.headers.get('x-ratelimit-cost')) };
  };
  const first = await remaining();
  const second = await remaining();
  expect(first.cost).toBeGreaterThan(0);
  expect(second.cost).toBe(first.cost);
  expect(second.remaining).toBe(first.remaining - first.cost);
  expect(await statementsFor()).toBe(0);
});

test('answers with errors are not kept', async () => {
  await untilServedFromCache();
  // The list runs statements; the second field fails (bad input) after it.
  const query = 'query CacheHalfFailed { organizations(first: 5) { totalCount } organization(id: "1", slug: "x") { id } }';
  const first = await rawGql(app, query);
  expect(first.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  app.statements.length = 0;
  expect(await rawGql(app, query)).toEqual(first);
  expect(app.statements.length).toBeGreaterThan(0);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import {
  NeedMarkUrgentDocument, OfferPostDocument, OfferPostedDocument, SavedSearchCreateDocument, SavedSearchMatchedDocument, UrgentNeedAlertDocument,
} from '../generated/graphql.js';
import { addCapability, addNeed, createOrg, signUp, skillId, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/graphql-client.js';
import { startService, type ServiceProcess } from '../support/service-process.js';
import { connect, settle, subscribe, type TestClient } from '../support/subscription-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Several API processes: two instances of the app (this test's, and the real service as a child process) against
// the same PostgreSQL and the machine's Redis (127.0.0.1:6379). An offer posted through one reaches a subscriber
// connected to the other, through the Redis channel; so do urgent-need alerts and saved-search matches. Then Redis goes away (a private redis-server on a free port,
// killed and restarted): queries and mutations go on, /readyz says so, events still arrive (caught up from the log),
// and Redis delivers again once it is back.

const MACHINE_REDIS = process.env.REDIS_URL_TEST ?? 'redis://127.0.0.1:6379';
const services: ServiceProcess[] = [];
const clients: TestClient[] = [];
const apps: TestApp[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(async () => {
  for (const service of services) service.child.kill('SIGTERM');
  await Promise.all(services.map((s) => s.exited));
  await Promise.all(apps.map((a) => a.close()));
});

function databaseUrl(app: TestApp): string {
  return (app.db.options as { url: string }).url;
}

async function pair(redisUrl: string) {
  const app = await startTestApp({ REDIS_URL: redisUrl });
  apps.push(app);
  const other = await startService({ DATABASE_URL: databaseUrl(app), REDIS_URL: redisUrl, SEED_DEMO: 'false' });
  services.push(other);
  const alice = await signUp(app, 'Alice');
  const bob = await signUp(app, 'Bob');
  const giver = await createOrg(app, alice);
  return { app, other, alice, bob, giver, grantWriting: await skillId(app, 'grant-writing') };
}

function post(app: TestApp, user: TestUser, organizationId: string, skill: string, title: string) {
  return gql(app, OfferPostDocument, {
    input: { organizationId, skillId: skill, title, format: 'WORKSHOP', audience: 'PUBLIC', remote: true },
  }, user.token).then((r) => ok(r).offerPost.offer!);
}

async function readyz(baseUrl: string) {
  const response = await fetch(`${baseUrl}/readyz`);
  return { status: response.status, body: await response.json() as Record<string, string> };
}

describe('two API processes through Redis', () => {
  it('a subscriber on one process receives an offer posted through the other, carried by the Redis channel', async () => {
    const { app, other, alice, bob, giver, grantWriting } = await pair(MACHINE_REDIS);
    const [{ name }] = await app.db.query('SELECT current_database() AS name');
    const listener = new Redis(MACHINE_REDIS);
    const heard: string[] = [];
    await listener.subscribe(`coalesce:events:${name}`);
    listener.on('message', (_channel, message) => heard.push(message));
    try {
      const onOther = connect(other, bob.token);
      clients.push(onOther);
      const live = subscribe(onOther, OfferPostedDocument, { filter: { organizationId: giver.id } });
      await settle(300);
      const offers = [];
      for (let i = 0; i < 3; i++) offers.push(await post(app, alice, giver.id, grantWriting, `Across ${i}`));
      const events = await live.waitFor(3);
      expect(events.map((e) => e.offerPosted.offer.id)).toEqual(offers.map((o) => o.id));
      // Each went through Redis (published by this process after commit), not only the log.
      for (const event of events) expect(heard.some((m) => m.includes(event.offerPosted.cursor))).toBe(true);
      expect((await readyz(other.baseUrl)).body).toMatchObject({ status: 'ready', redis: 'up' });
    } finally {
      listener.disconnect();
    }
  }, 60000);
});

describe('urgent-need alerts and saved-search matches across processes', () => {
  it('a subscriber on one process gets urgentNeedAlert and savedSearchMatched for changes made through the other, over Redis', async () => {
    const { app, other, alice, bob, grantWriting } = await pair(MACHINE_REDIS);
    const [{ name }] = await app.db.query('SELECT current_database() AS name');
    const listener = new Redis(MACHINE_REDIS);
    const heard: string[] = [];
    await listener.subscribe(`coalesce:events:${name}`);
    listener.on('message', (_channel, message) => heard.push(message));
    try {
      const nairobi = (latitude: number, longitude: number, precision: string) =>
        ({ country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude, longitude, precision }) as never;
      // bob's organization offers emergency relocation near alice's, and keeps a saved search for grant-writing offers.
      const helper = await createOrg(app, bob, { name: 'Relocation helpers', location: nairobi(-1.2, 36.9, 'EXACT') });
      await addCapability(app, bob, helper.id, 'emergency-relocation', 'EXPERT');
      const search = ok(await gql(app, SavedSearchCreateDocument, {
        input: { organizationId: helper.id, name: 'Grant-writing offers', offerFilter: { skillIds: [grantWriting] } },
      }, bob.token)).savedSearchCreate;
      expect(search.userErrors).toEqual([]);
      const needing = await createOrg(app, alice, { name: 'Defenders at risk', location: nairobi(-1.29213, 36.82194, 'CITY') });
      const need = await addNeed(app, alice, needing.id, 'emergency-relocation', 'CRITICAL');

      const onOther = connect(other, bob.token);
      clients.push(onOther);
      const alerts = subscribe(onOther, UrgentNeedAlertDocument, { organizationId: helper.id });
      const matches = subscribe(onOther, SavedSearchMatchedDocument, { organizationId: helper.id });
      await settle(500);

      const marked = ok(await gql(app, NeedMarkUrgentDocument, { input: { needId: need.id } }, alice.token)).needMarkUrgent;
      expect(marked.userErrors).toEqual([]);
      const [alert] = await alerts.waitFor(1, 10000);
      expect(alert.urgentNeedAlert.alert).toMatchObject({ recipientOrganizationId: helper.id, organization: { id: needing.id, name: 'Defenders at risk' } });

      const offer = await post(app, alice, needing.id, grantWriting, 'Budget narratives for relocation funds');
      const [match] = await matches.waitFor(1, 10000);
      expect(match.savedSearchMatched.match).toMatchObject({ savedSearchId: search.savedSearch!.id, kind: 'OFFERS', offer: { id: offer.id } });
      // Both went through the Redis channel (the alert published by this process, the match by whichever process's
      // matcher took the pass), not only the log.
      for (const cursor of [alert.urgentNeedAlert.cursor, match.savedSearchMatched.cursor]) {
        expect(heard.some((m) => m.includes(cursor))).toBe(true);
      }
      await settle();
      expect(alerts.events).toHaveLength(1);
      expect(matches.events).toHaveLength(1);
    } finally {
      listener.disconnect();
    }
  }, 60000);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startRedis(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => { if (String(chunk).includes('Ready to accept connections')) resolve(child); });
    child.once('error', reject);
  });
}

describe('Redis going away', () => {
  it('queries and mutations go on, /readyz reports it, events still arrive from the log, and Redis delivers again when back', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    try {
      const { app, other, alice, bob, giver, grantWriting } = await pair(`redis://127.0.0.1:${port}`);
      const onOther = connect(other, bob.token);
      clients.push(onOther);
      const live = subscribe(onOther, OfferPostedDocument, { filter: { organizationId: giver.id } });
      await settle(300);
      const first = await post(app, alice, giver.id, grantWriting, 'Before the outage');
      await live.waitFor(1);

      redis.kill('SIGKILL');
      await new Promise((r) => redis.once('exit', r));
      await settle(500);
      expect(await readyz(other.baseUrl)).toEqual({ status: 200, body: { status: 'degraded', database: 'up', redis: 'down' } });
      // Mutations and queries are served meanwhile, on both processes.
      const during = await post(app, alice, giver.id, grantWriting, 'During the outage');
      // The subscriber on the other process still gets it: its hub reads the log after its cursor (catch-up poll).
      const events = await live.waitFor(2, 10000);
      expect(events.map((e) => e.offerPosted.offer.id)).toEqual([first.id, during.id]);

      redis = await startRedis(port);
      for (let i = 0; i < 50 && (await readyz(other.baseUrl)).body.redis !== 'up'; i++) await settle(200);
      expect((await readyz(other.baseUrl)).body).toMatchObject({ status: 'ready', redis: 'up' });
      for (let i = 0; i < 50 && (await readyz(app.baseUrl)).body.redis !== 'up'; i++) await settle(200);
      const after = await post(app, alice, giver.id, grantWriting, 'After the outage');
      const all = await live.waitFor(3, 10000);
      expect(all.map((e) => e.offerPosted.offer.id)).toEqual([first.id, during.id, after.id]);
    } finally {
      redis.kill('SIGKILL');
    }
  }, 90000);
});

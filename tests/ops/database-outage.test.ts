import { Client } from 'pg';
import { withDatabase } from '../../src/db/database-url.js';
import { ensureDatabase } from '../../src/db/open-database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres.js';
import {
  ORG_COUNT, ORG_CREATE, postGraphQL, removeDir, signUpOver, startService, tempDir, waitUntil, type Outcome, type ServiceProcess,
} from '../support/service-process.js';

// A database outage under load: the service, pointed at a throwaway PostgreSQL that is stopped and started again,
// answers 503 SERVICE_UNAVAILABLE with Retry-After (logged once per request, with its id), recovers without a
// restart, and every write it acknowledged is in the database.

jest.setTimeout(60_000);

let dataDir: string;
let pg: EmbeddedDatabase | null = null;
let service: ServiceProcess | null = null;
afterAll(async () => {
  if (service && service.child.exitCode === null) service.child.kill('SIGKILL');
  await pg?.stop();
  removeDir(dataDir);
});

it('answers 503 + Retry-After while PostgreSQL is down and recovers when it is back', async () => {
  dataDir = tempDir('outage');
  pg = await startEmbeddedPostgres({ dataDir: `${dataDir}/pg` });
  const { port } = pg;
  await ensureDatabase(pg.url, 'coalesce');
  const databaseUrl = withDatabase(pg.url, 'coalesce');
  service = await startService({ DATABASE_URL: databaseUrl });
  const owner = await signUpOver(service, databaseUrl, 'Outage Owner');

  type Sent = Outcome & { name?: string; requestId: string; phase: 'up' | 'down' | 'back' };
  const outcomes: Sent[] = [];
  let phase: Sent['phase'] = 'up';
  let stop = false;
  let serial = 0;
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const requestId = `outage-test-${w}-${++serial}`;
      const at = phase;
      if (i % 2 === 0) {
        const name = `Outage org ${requestId}`;
        const outcome = await postGraphQL(service!.baseUrl, { query: ORG_CREATE, variables: { input: { name, kind: 'NGO', visibility: 'PUBLIC' } } }, { token: owner.token, requestId });
        outcomes.push({ ...outcome, name, requestId, phase: at });
      } else {
        // Anonymous reads never touch the token lookup: the failure comes from a resolver's SQL.
        const outcome = await postGraphQL(service!.baseUrl, { query: ORG_COUNT }, { requestId });
        outcomes.push({ ...outcome, requestId, phase: at });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const workers = Array.from({ length: 4 }, (_, w) => worker(w));
  await waitUntil(() => outcomes.length >= 20, 10_000);

  // Outage: PostgreSQL stops (fast shutdown: sessions are terminated with 57P01, new connections refused).
  await pg.stop();
  phase = 'down';
  await waitUntil(() => outcomes.filter((o) => o.phase === 'down').length >= 30, 15_000);
  const ready = await fetch(`${service.baseUrl}/readyz`);
  expect(ready.status).toBe(503);

  // Back on the same port: the service recovers by itself.
  pg = await startEmbeddedPostgres({ dataDir: `${dataDir}/pg`, port });
  phase = 'back';
  expect(await waitUntil(() => outcomes.filter((o) => o.phase === 'back' && o.status === 200 && !o.body?.errors).length >= 20, 20_000)).toBe(true);
  stop = true;
  await Promise.all(workers);

  // While down: 503, SERVICE_UNAVAILABLE, Retry-After, for writes (token lookup) and anonymous reads (resolvers).
  const down = outcomes.filter((o) => o.phase === 'down');
  const unavailable = down.filter((o) => o.status === 503);
  expect(unavailable.length).toBeGreaterThanOrEqual(down.length - 8); // requests already past the database may still succeed
  expect(unavailable.some((o) => o.name)).toBe(true);
  expect(unavailable.some((o) => !o.name)).toBe(true);
  // (Requests sent while PostgreSQL was shutting down count as 'up' but may be answered 503 too.)
  const all503 = outcomes.filter((o) => o.status === 503);
  for (const o of all503) {
    expect(o.headers['retry-after']).toBe('5');
    expect(o.body?.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  }
  // Nothing is answered as a masked internal error or a transport failure at any time.
  const masked = outcomes.filter((o) => o.status === null || o.status === 500 || o.body?.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'));
  expect(masked.map((o) => ({ status: o.status, error: o.errorCode, log: service!.logLines().filter((line) => line.requestId === o.requestId && line.level === 50) }))).toEqual([]);

  // Logged once per request, with its id.
  const logged = service.logLines().filter((line) => line.msg === 'database unavailable');
  const ids = logged.map((line) => line.requestId as string);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(all503.map((o) => o.requestId).sort());

  // Every acknowledged write is there.
  const acknowledged = outcomes.filter((o) => o.name && o.body?.data?.organizationCreate?.organization).map((o) => o.name!);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM organizations WHERE name = ANY($1)`, [acknowledged]);
  await client.end();
  expect(rows.length).toBe(acknowledged.length);
  expect(acknowledged.filter((o) => outcomes.find((x) => x.name === o)!.phase === 'back').length).toBeGreaterThan(0);

  process.kill(service.pid, 'SIGTERM');
  expect(await service.exited).toEqual({ code: 0, signal: null });
});

import { Client } from 'pg';
import {
  alive, cleanUpServices, embeddedDatabaseUrl, ORG_CREATE, postGraphQL, postmasterPid, signUpOver, startService, tempDir, waitUntil,
  type ServiceProcess,
} from '../support/service-process.js';

// The embedded PostgreSQL after crashes: a `kill -9` of the service leaves its postmaster running (no hook runs),
// and the next start must stop that orphan and come up; an immediate stop of PostgreSQL must lose no acknowledged
// write (fsync and synchronous_commit on). Start failures: start-failures.test.ts.

jest.setTimeout(120_000); // ~25 s on a quiet machine; three starts of the real service

const dirs: string[] = [];
const services: ServiceProcess[] = [];
afterAll(() => cleanUpServices(services, dirs));

async function start(env: Record<string, string>): Promise<ServiceProcess> {
  const service = await startService(env);
  services.push(service);
  return service;
}

async function organizationNames(service: ServiceProcess): Promise<string[]> {
  const client = new Client({ connectionString: embeddedDatabaseUrl(service) });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM organizations ORDER BY name`);
  await client.end();
  return rows.map((row) => row.name);
}

it('after kill -9 of the service, the next start stops the orphan postmaster and is ready; no acknowledged write is lost to an immediate stop', async () => {
  const dataDir = tempDir('crash');
  dirs.push(dataDir);
  const first = await start({ DATA_DIR: dataDir });
  const orphan = postmasterPid(dataDir)!;
  const { token } = await signUpOver(first, embeddedDatabaseUrl(first));

  // Writes under load for a second, then kill -9 the service mid-stream: its postmaster survives as an orphan.
  const acknowledged: string[] = [];
  let stop = false;
  let serial = 0;
  const writer = async (w: number) => {
    while (!stop) {
      const name = `Crash org ${w}-${++serial}`;
      const outcome = await postGraphQL(first.baseUrl, { query: ORG_CREATE, variables: { input: { name, kind: 'NGO', visibility: 'PUBLIC' } } }, { token });
      if (outcome.body?.data?.organizationCreate?.organization) acknowledged.push(name);
      if (outcome.status === null) return;
    }
  };
  const writers = Array.from({ length: 4 }, (_, w) => writer(w));
  await waitUntil(() => acknowledged.length >= 20, 30_000);
  first.child.kill('SIGKILL');
  expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
  stop = true;
  await Promise.all(writers);
  expect(alive(orphan)).toBe(true);
  expect(acknowledged.length).toBeGreaterThanOrEqual(20);

  // The next start finds the orphan (postmaster.pid, a live postgres whose directory is ours), stops it, is ready.
  const second = await start({ DATA_DIR: dataDir });
  expect(alive(orphan)).toBe(false);
  expect(postmasterPid(dataDir)).not.toBe(orphan);
  expect((await organizationNames(second)).filter((name) => acknowledged.includes(name)).sort()).toEqual([...acknowledged].sort());

  // More acknowledged writes, then an immediate stop of PostgreSQL (SIGQUIT: no checkpoint, no WAL flush at stop)
  // with the service killed too: with synchronous_commit on, every acknowledged commit is already on disk.
  acknowledged.length = 0;
  const postmaster = postmasterPid(dataDir)!;
  for (let i = 0; i < 15; i++) {
    const name = `Durable org ${i}`;
    const outcome = await postGraphQL(second.baseUrl, { query: ORG_CREATE, variables: { input: { name, kind: 'NGO', visibility: 'PUBLIC' } } }, { token });
    expect(outcome.body?.data?.organizationCreate?.organization?.name).toBe(name);
    acknowledged.push(name);
  }
  process.kill(postmaster, 'SIGQUIT');
  second.child.kill('SIGKILL');
  await second.exited;
  expect(await waitUntil(() => !alive(postmaster), 10_000)).toBe(true);

  const third = await start({ DATA_DIR: dataDir });
  const names = await organizationNames(third);
  expect(acknowledged.filter((name) => !names.includes(name))).toEqual([]);
  process.kill(third.pid, 'SIGTERM');
  expect(await third.exited).toEqual({ code: 0, signal: null });
  expect(postmasterPid(dataDir)).toBeNull();
});

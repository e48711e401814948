import { Client } from 'pg';
import { DEMO_OWNER, DEMO_PASSWORD } from '../../seeds/demo-data.js';
import { quoteIdent, withDatabase } from '../../src/db/database-url.js';
import { UrgentNeedAlertDocument } from '../generated/graphql.js';
import { postGraphQL, startService, type ServiceProcess } from '../support/service-process.js';
import { connect, subscribe } from '../support/subscription-client.js';
import { runPrefix, templateDatabase } from '../support/test-databases.js';

// `npm start` with REDIS_URL (seeds/start-with-demo.ts, the real launcher, as a child process) against an empty
// database and the machine's Redis: it seeds the demo, serves queries, reports Redis on /readyz, serves a
// subscription that replays the demo's urgent alert, and shuts down cleanly.

jest.setTimeout(180_000);

const MACHINE_REDIS = process.env.REDIS_URL_TEST ?? 'redis://127.0.0.1:6379';
const serverUrl = () => process.env.COALESCE_TEST_SERVER_URL!;
const name = `${runPrefix()}_start_demo_redis`;
let service: ServiceProcess | null = null;

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(() => admin((c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(templateDatabase())}`)));
afterAll(async () => {
  if (service && service.child.exitCode === null) service.child.kill('SIGKILL');
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
});

async function graphql(query: string, token?: string) {
  const outcome = await postGraphQL(service!.baseUrl, { query }, token ? { token } : {});
  expect(outcome.body?.errors).toBeUndefined();
  return outcome.body!.data!;
}

it('seeds the demo, serves HTTP and a subscription with Redis up, and stops with exit code 0', async () => {
  service = await startService({ DATABASE_URL: withDatabase(serverUrl(), name), REDIS_URL: MACHINE_REDIS, SEED_DEMO: 'true' }, 150_000, 'seeds/start-with-demo.ts');
  const messages = service.logLines().map((line) => line.msg);
  expect(messages).toContain('demo data seeded');
  expect(messages).toContain('demo urgent need: refuge-link-east-africa asylum-representation, alerted 5 organizations');

  // The bus's Redis connections open in the background of the start: readiness may say "degraded" for the
  // first moments (seen once in CI), so it is asked again for up to 5 s.
  let readiness: unknown = null;
  for (const started = Date.now(); Date.now() - started < 5000; await new Promise((resolve) => setTimeout(resolve, 100))) {
    readiness = await (await fetch(`${service.baseUrl}/readyz`)).json();
    if ((readiness as { status?: string }).status === 'ready') break;
  }
  expect(readiness).toEqual({ status: 'ready', database: 'up', redis: 'up' });
  const token = (await graphql(`mutation { accountSignIn(input: { email: "${DEMO_OWNER}", password: "${DEMO_PASSWORD}" }) { token } }`)).accountSignIn.token as string;
  const lawyers = (await graphql('{ organizations(first: 1, filter: { search: "Hellenic Asylum Lawyers" }) { nodes { id } } }', token)).organizations.nodes[0].id as string;

  // The alert was recorded by the seed; a subscriber resuming from the start of the log gets it.
  const ws = connect(service, token);
  try {
    const live = subscribe(ws, UrgentNeedAlertDocument, { organizationId: lawyers, after: '0' });
    const [event] = await live.waitFor(1, 10_000);
    expect(event.urgentNeedAlert.alert).toMatchObject({ recipientOrganizationId: lawyers, organization: { name: 'RefugeLink East Africa' } });
  } finally {
    await ws.dispose();
  }

  service.child.kill('SIGTERM');
  expect(await service.exited).toEqual({ code: 0, signal: null });
  expect(service.logLines().map((line) => line.msg)).toContain('shutdown complete');
});

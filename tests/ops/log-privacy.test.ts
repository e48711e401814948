import { Client } from 'pg';
import { quoteIdent, withDatabase } from '../../src/db/database-url.js';
import { runPrefix, templateDatabase } from '../support/test-databases.js';
import { postGraphQL, signUpOver, startService, type ServiceProcess } from '../support/service-process.js';

// The real service at LOG_LEVEL=info with its log captured: SQL that fails with user data in its parameters
// (and in PostgreSQL's message and detail) is logged with the request id, but without the data.

jest.setTimeout(60_000);

const serverUrl = () => process.env.COALESCE_TEST_SERVER_URL!;
const database = `${runPrefix()}_logs_${process.env.JEST_WORKER_ID ?? '0'}`;
let service: ServiceProcess;
let admin: Client;

beforeAll(async () => {
  const root = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await root.connect();
  await root.query(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE ${quoteIdent(templateDatabase())}`);
  await root.end();
  admin = new Client({ connectionString: withDatabase(serverUrl(), database) });
  await admin.connect();
  service = await startService({ DATABASE_URL: withDatabase(serverUrl(), database) });
});
afterAll(async () => {
  if (service?.child.exitCode === null) {
    process.kill(service.pid, 'SIGTERM');
    await service.exited;
  }
  await admin?.end();
  const root = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await root.connect();
  await root.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  await root.end();
});

it('logs a failed statement with its request id, never its parameters, emails, hashes or the values PostgreSQL echoes', async () => {
  // A database-side failure that quotes the value, like a unique violation's "Key (email)=(...)" detail.
  await admin.query(`CREATE FUNCTION refuse_user() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'refusing %', NEW.email USING DETAIL = 'Key (email)=(' || NEW.email || ') already exists', ERRCODE = '23514'; END $$`);
  await admin.query(`CREATE TRIGGER refuse_user BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION refuse_user()`);
  const email = 'leaky-person@example.org';
  const password = 'a very secret passphrase';
  const refused = await postGraphQL(service.baseUrl, {
    query: `mutation($input: AccountSignUpInput!) { accountSignUp(input: $input) { userErrors { code } } }`,
    variables: { input: { email, password, displayName: 'Leaky Display Name' } },
  }, { requestId: 'log-privacy-trigger-1' });
  expect(refused.body?.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  await admin.query(`DROP TRIGGER refuse_user ON users; DROP FUNCTION refuse_user()`);

  // A NUL byte in a text field: PostgreSQL refuses it (22021) when it reaches the database. If input validation
  // answers it first, there is nothing to log, and the value must be absent all the same.
  const owner = await signUpOver(service, withDatabase(serverUrl(), database), 'Nul Owner');
  const nulMission = 'mission with a NUL \u0000 byte for owner-mail@example.org';
  const nul = await postGraphQL(service.baseUrl, {
    query: `mutation($input: OrganizationCreateInput!) { organizationCreate(input: $input) { organization { id } userErrors { code field } } }`,
    variables: { input: { name: 'Nul Org', kind: 'NGO', visibility: 'PUBLIC', mission: nulMission, contactEmail: 'contact-nul@example.org' } },
  }, { token: owner.token, requestId: 'log-privacy-nul-1' });
  const nulReachedDatabase = nul.body?.errors?.[0]?.extensions?.code === 'INTERNAL_SERVER_ERROR';
  if (!nulReachedDatabase) {
    const refusedAsInput = nul.body?.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT' || (nul.body?.data?.organizationCreate?.userErrors?.length ?? 0) > 0;
    expect({ refusedAsInput, body: refusedAsInput ? null : nul.body }).toEqual({ refusedAsInput: true, body: null });
  }

  await new Promise((r) => setTimeout(r, 200)); // let the log lines land
  const log = service.output();
  const lines = service.logLines();

  // The failures are logged, with the request id and PostgreSQL's code.
  const triggerLine = lines.find((line) => line.requestId === 'log-privacy-trigger-1' && line.msg === 'unexpected error');
  expect(triggerLine).toBeDefined();
  expect(JSON.stringify(triggerLine)).toMatch(/"code":"23514"/);
  if (nulReachedDatabase) {
    const nulLine = lines.find((line) => line.requestId === 'log-privacy-nul-1' && line.msg === 'unexpected error');
    expect(JSON.stringify(nulLine)).toMatch(/"code":"22021"/);
  }

  // ...and nothing the users typed is anywhere in the log.
  for (const secret of [email, password, 'Leaky Display Name', owner.email, 'owner-mail@example.org', 'contact-nul@example.org', 'mission with a NUL', '\\u0000', '$argon2']) {
    expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
  }
  expect(log).not.toMatch(/"parameters"/);
  expect(log).not.toMatch(/[\w.-]+@[\w-]+\.[a-z]{2,}/i); // no email address at all
});
